package handshake

import (
	"errors"
	"net/netip"

	"github.com/tcpwire/tcpwire/header"
)

// ECN is an endpoint's Explicit Congestion Notification mode: what it asks
// for in its SYN or accepts in its SYN-ACK, and what a connection ends up
// with.
type ECN uint8

// The ECN modes.
const (
	// ECNOff: no ECN; the SYN carries none of ECE, CWR, AE.
	ECNOff ECN = iota
	// ECNClassic: RFC 3168 ECN. ECN-setup SYN has ECE and CWR, ECN-setup
	// SYN-ACK has ECE only (§6.1.1).
	ECNClassic
	// ECNAccurate: Accurate ECN (RFC 9768). The SYN has AE, CWR and ECE;
	// the SYN-ACK's three bits tell the IP-ECN codepoint the SYN arrived
	// with (§3.1.1, Table 2).
	ECNAccurate
)

var ecnNames = [...]string{ECNOff: "off", ECNClassic: "ecn", ECNAccurate: "accecn"}

// ErrECN: text that names no ECN mode.
var ErrECN = errors.New("handshake: unknown ECN mode")

// String returns "off", "ecn" or "accecn".
func (e ECN) String() string {
	if int(e) < len(ecnNames) {
		return ecnNames[e]
	}
	return "ECN(?)"
}

// MarshalText returns the name String returns.
func (e ECN) MarshalText() ([]byte, error) {
	if int(e) >= len(ecnNames) {
		return nil, ErrECN
	}
	return []byte(ecnNames[e]), nil
}

// UnmarshalText sets e from "off", "ecn" or "accecn".
func (e *ECN) UnmarshalText(b []byte) error {
	for i, n := range ecnNames {
		if string(b) == n {
			*e = ECN(i)
			return nil
		}
	}
	return ErrECN
}

// Endpoint configures one side of a built connection: where it is, where
// its sequence numbers start, its receive window and the options it offers
// in its SYN or accepts in its SYN-ACK.
type Endpoint struct {
	// Addr is the endpoint's IP address (IPv4 or IPv6, the same family as
	// the peer's) and port.
	Addr netip.AddrPort `json:"addr"`
	// ISN is the initial sequence number (RFC 9293 §3.4.1).
	ISN header.Seq `json:"isn"`
	// Window is the receive window in octets. Segments advertise it
	// shifted right by Shift once window scaling is in force, and capped at
	// 65535 in segments carrying SYN (RFC 7323 §2.2).
	Window uint32 `json:"window"`
	// MSS is the Maximum Segment Size offered (RFC 9293 §3.7.1); 0 sends
	// no MSS option.
	MSS uint16 `json:"mss,omitempty"`
	// WindowScale offers the Window Scale option with Shift (RFC 7323 §2).
	WindowScale bool  `json:"windowScale,omitempty"`
	Shift       uint8 `json:"shift,omitempty"`
	// SACKPermitted offers SACK (RFC 2018 §2).
	SACKPermitted bool `json:"sackPermitted,omitempty"`
	// Timestamps offers the Timestamps option (RFC 7323 §3); TSClock is
	// the first TSval sent, advanced by one per segment.
	Timestamps bool   `json:"timestamps,omitempty"`
	TSClock    uint32 `json:"tsClock,omitempty"`
	// ECN is the ECN mode asked for or accepted.
	ECN ECN `json:"ecn,omitempty"`
	// FastOpen is the TCP Fast Open cookie a client sends in its SYN (RFC
	// 7413 §4.1.1); on a server, a non-empty value means it accepts data
	// on a SYN that carries a cookie.
	FastOpen []byte `json:"fastOpen,omitempty"`
	// Closed makes a server that does not listen: a SYN is answered with
	// RST,ACK (RFC 9293 §3.10.7.1).
	Closed bool `json:"closed,omitempty"`
}
