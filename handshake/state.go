package handshake

import (
	"errors"
	"net/netip"
	"strconv"

	"github.com/tcpwire/tcpwire/header"
)

// State is a connection state of RFC 9293 §3.3.2. The zero value is Closed.
type State uint8

// The eleven states of RFC 9293 §3.3.2 (Figure 5).
const (
	Closed State = iota
	Listen
	SynSent
	SynReceived
	Established
	FinWait1
	FinWait2
	CloseWait
	Closing
	LastAck
	TimeWait
)

var stateNames = [...]string{
	Closed:      "CLOSED",
	Listen:      "LISTEN",
	SynSent:     "SYN-SENT",
	SynReceived: "SYN-RECEIVED",
	Established: "ESTABLISHED",
	FinWait1:    "FIN-WAIT-1",
	FinWait2:    "FIN-WAIT-2",
	CloseWait:   "CLOSE-WAIT",
	Closing:     "CLOSING",
	LastAck:     "LAST-ACK",
	TimeWait:    "TIME-WAIT",
}

// ErrState: text that names no State.
var ErrState = errors.New("handshake: unknown state")

// String returns the state's name as RFC 9293 writes it: "SYN-SENT",
// "ESTABLISHED", "TIME-WAIT", …, and "State(n)" out of range.
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText returns the name String returns; a value out of range is
// ErrState.
func (s State) MarshalText() ([]byte, error) {
	if int(s) >= len(stateNames) {
		return nil, ErrState
	}
	return []byte(stateNames[s]), nil
}

// UnmarshalText sets s from a name MarshalText returns.
func (s *State) UnmarshalText(b []byte) error {
	for i, n := range stateNames {
		if string(b) == n {
			*s = State(i)
			return nil
		}
	}
	return ErrState
}

// Synchronized reports whether s is one of the synchronized states of
// RFC 9293 §3.10.7.4: ESTABLISHED and every state after it.
func (s State) Synchronized() bool { return s >= Established && s <= TimeWait }

// Side names an endpoint of a connection: the client, which opened it
// actively (sent the first SYN), or the server.
type Side uint8

// The two sides.
const (
	Client Side = iota
	Server
)

// ErrSide: text that names no Side.
var ErrSide = errors.New("handshake: unknown side")

// Peer returns the other side.
func (s Side) Peer() Side { return 1 - s }

// String returns "client" or "server".
func (s Side) String() string {
	if s == Client {
		return "client"
	}
	return "server"
}

// MarshalText returns "client" or "server".
func (s Side) MarshalText() ([]byte, error) {
	if s > Server {
		return nil, ErrSide
	}
	return []byte(s.String()), nil
}

// UnmarshalText sets s from "client" or "server".
func (s *Side) UnmarshalText(b []byte) error {
	switch string(b) {
	case "client":
		*s = Client
	case "server":
		*s = Server
	default:
		return ErrSide
	}
	return nil
}

// TCB holds the Transmission Control Block variables of one endpoint
// (RFC 9293 §3.3.1) that a segment changes. Windows are in octets, window
// scaling applied.
type TCB struct {
	// ISS is the initial send sequence number.
	ISS header.Seq `json:"iss"`
	// IRS is the initial receive sequence number: the peer's ISS.
	IRS header.Seq `json:"irs"`
	// SndUna is SND.UNA, the oldest unacknowledged sequence number.
	SndUna header.Seq `json:"sndUna"`
	// SndNxt is SND.NXT, the next sequence number to send.
	SndNxt header.Seq `json:"sndNxt"`
	// SndWnd is SND.WND, the window the peer last advertised.
	SndWnd uint32 `json:"sndWnd"`
	// RcvNxt is RCV.NXT, the next sequence number expected.
	RcvNxt header.Seq `json:"rcvNxt"`
	// RcvWnd is RCV.WND: the room left before the right edge of the window
	// this endpoint last advertised.
	RcvWnd uint32 `json:"rcvWnd"`
}

// Snapshot is one endpoint as it stands after a segment: its address,
// state and TCB.
type Snapshot struct {
	Addr  netip.AddrPort `json:"addr"`
	State State          `json:"state"`
	TCB   TCB            `json:"tcb"`
}
