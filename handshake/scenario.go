package handshake

import (
	"encoding/binary"
	"errors"
	"strconv"

	"github.com/tcpwire/tcpwire/checksum"
	"github.com/tcpwire/tcpwire/header"
)

// Action is what a step of a scenario has its endpoint send.
type Action string

// The actions. Each computes the segment from the sender's TCB: sequence
// number SND.NXT, acknowledgment RCV.NXT, the window it offers and the
// options the connection uses.
const (
	// ActSYN opens: SYN with the endpoint's ISN and the options it offers
	// and ECN setup flags. A Fast Open option goes with it when the
	// endpoint has a cookie, or when the step's Data is not nil (empty: a
	// cookie request); the data rides on the SYN (RFC 7413 §4.1).
	ActSYN Action = "syn"
	// ActSYNACK answers a SYN: SYN,ACK with the options both sides agree.
	ActSYNACK Action = "syn-ack"
	// ActACK acknowledges, without data.
	ActACK Action = "ack"
	// ActData sends the step's data with ACK and PSH.
	ActData Action = "data"
	// ActFIN closes the sending direction: FIN,ACK, with the step's data
	// if any.
	ActFIN Action = "fin"
	// ActRST aborts: RST,ACK at SND.NXT; from an endpoint that is not
	// listening, RST,ACK with sequence number 0 acknowledging the SYN
	// (RFC 9293 §3.10.7.1).
	ActRST Action = "rst"
)

// ErrAction: a step names no Action.
var ErrAction = errors.New("handshake: unknown action")

// ErrFamily: the client's and server's addresses are not both IPv4 or both
// IPv6.
var ErrFamily = errors.New("handshake: client and server addresses are of different families")

// StepError is an error Build met making the segment of one step.
type StepError struct {
	// Step is the index of the step in Scenario.Steps.
	Step int
	// Err is the problem: ErrAction, or an error of the header package.
	Err error
}

// Error names the step and the problem.
func (e *StepError) Error() string {
	return "handshake: step " + strconv.Itoa(e.Step) + ": " + e.Err.Error()
}

// Unwrap returns e.Err.
func (e *StepError) Unwrap() error { return e.Err }

// Step is one segment of a scenario. From, Action, Data, Note, Crossing and
// Edit say what to send; Build fills in the rest.
type Step struct {
	From   Side   `json:"from"`
	Action Action `json:"action"`
	// Data is the payload to send.
	Data []byte `json:"data,omitempty"`
	// Note says what the application did: "connect()", "close()".
	Note string `json:"note,omitempty"`
	// Crossing delays the segment: it arrives after the next step's
	// segment is sent, so the two cross in flight (simultaneous open and
	// close, RFC 9293 §3.5 Figure 8, §3.6 Figure 13).
	Crossing bool `json:"crossing,omitempty"`
	// Edit overrides fields of the computed segment.
	Edit *Edit `json:"edit,omitempty"`

	// Segment is the built segment, with addresses and correct checksum
	// unless Edit says otherwise.
	Segment Segment `json:"segment"`
	// Header is the segment's header decoded, for Go callers; its Payload
	// aliases Segment.TCP. JSON carries the bytes in Segment instead.
	Header header.Header `json:"-"`
	// Summary is the tcpdump line for the segment.
	Summary string `json:"summary"`
	// Checksum is the status of the segment's checksum.
	Checksum checksum.Status `json:"checksum"`
	// Client and Server are both endpoints after the step.
	Client Snapshot `json:"client"`
	Server Snapshot `json:"server"`
	// Findings are the rules the step's segment breaks, as the checker
	// sees them from the endpoints' states.
	Findings []Finding `json:"findings,omitempty"`
}

// Scenario is a connection built step by step: two endpoints and the
// segments they exchange.
type Scenario struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Client      Endpoint `json:"client"`
	Server      Endpoint `json:"server"`
	Steps       []Step   `json:"steps"`
}

// Build computes every step from the endpoints and the step specs.
func (s *Scenario) Build() error { return s.Rebuild(0) }

// Rebuild recomputes the scenario from step from on: the segments of the
// steps before it are kept as they are and replayed; the segments of step
// from and after are computed again from the endpoints' states and their
// edits, so that an edit carries through to the rest of the connection.
// Rebuild(0) builds everything; Rebuild(len(s.Steps)) only rechecks.
func (s *Scenario) Rebuild(from int) error {
	return s.rebuild(func(i int) bool { return i >= from })
}

// RebuildStep recomputes the segment of step i alone, applying its edit,
// and rechecks the scenario with every other segment kept as it is: the
// steps after i show what the edit breaks.
func (s *Scenario) RebuildStep(i int) error {
	return s.rebuild(func(j int) bool { return j == i })
}

// rebuild recomputes the segments of the steps redo selects, and the
// states and findings of every step.
func (s *Scenario) rebuild(redo func(int) bool) error {
	if s.Client.Addr.Addr().Is4() != s.Server.Addr.Addr().Is4() {
		return ErrFamily
	}
	b := builder{s: s}
	b.c.id = 1
	b.c.ep[Client].addr, b.c.ep[Server].addr = s.Client.Addr, s.Server.Addr
	b.c.ep[Server].state = Listen
	if s.Server.Closed {
		b.c.ep[Server].state = Closed
	}
	pending := -1
	for i := range s.Steps {
		st := &s.Steps[i]
		b.frame = i + 1
		if redo(i) || len(st.Segment.TCP) == 0 {
			if err := b.make(st); err != nil {
				return &StepError{Step: i, Err: err}
			}
		}
		st.Findings, st.Summary = nil, ""
		e := emitter{index: i, frame: st.Segment.Frame, conn: 1, from: st.From}
		h := &st.Header
		*h = header.Header{}
		status, ok, blind := inspect(&st.Segment, h, &e)
		b.c.blind = blind
		st.Checksum = status
		if ok {
			st.Summary = h.String()
			plen := uint32(st.Segment.tcpLen() - int(h.DataOffset)*4)
			old, probe := b.c.send(st.From, h, plen, st.Segment.TOS, &e)
			b.sent[st.From]++
			if pending >= 0 {
				b.deliverStep(pending)
				pending = -1
			}
			if st.Crossing {
				pending = i
				b.held = heldSeg{h: *h, plen: plen, old: old, probe: probe, e: e}
			} else {
				b.c.deliver(st.From, h, plen, old, probe, &e)
			}
		} else if pending >= 0 {
			b.deliverStep(pending)
			pending = -1
		}
		if !st.Crossing || !ok {
			st.Findings = e.out
		}
		st.Client, st.Server = b.c.ep[Client].snapshot(), b.c.ep[Server].snapshot()
	}
	if pending >= 0 {
		b.deliverStep(pending)
	}
	return nil
}

// heldSeg is a crossing segment waiting to arrive.
type heldSeg struct {
	h          header.Header
	plen       uint32
	old, probe bool
	e          emitter
}

// builder computes the segments of a scenario.
type builder struct {
	// frame is the frame number of the step being made, from 1.
	frame int
	s     *Scenario
	c     conn
	sent  [2]uint32
	held  heldSeg
}

// deliverStep delivers the held segment of step i and records its findings.
func (b *builder) deliverStep(i int) {
	st := &b.s.Steps[i]
	hs := &b.held
	b.c.deliver(st.From, &hs.h, hs.plen, hs.old, hs.probe, &hs.e)
	st.Findings = hs.e.out
	// The step's snapshot shows the states when its segment was sent; the
	// arrival shows in the next step.
}

// endpoint returns the configuration of side x.
func (b *builder) endpoint(x Side) *Endpoint {
	if x == Client {
		return &b.s.Client
	}
	return &b.s.Server
}

// make computes the segment of step st from the sender's state.
func (b *builder) make(st *Step) error {
	x := st.From
	cfg, peerCfg := b.endpoint(x), b.endpoint(x.Peer())
	X, Y := &b.c.ep[x], &b.c.ep[x.Peer()]
	h := header.Header{SrcPort: cfg.Addr.Port(), DstPort: peerCfg.Addr.Port(), Payload: st.Data}
	var tos uint8
	shift, _ := b.c.shift(x)
	win := min(cfg.Window>>shift, 0xffff)
	switch st.Action {
	case ActSYN:
		h.Flags, h.Seq, h.Window = header.SYN, cfg.ISN, uint16(min(cfg.Window, 0xffff))
		switch cfg.ECN {
		case ECNClassic:
			h.Flags |= header.ECE | header.CWR
		case ECNAccurate:
			h.Flags |= ecnBits
		}
		if err := b.synOptions(&h.Options, cfg, nil, 0); err != nil {
			return err
		}
		if len(cfg.FastOpen) > 0 || st.Data != nil && x == Client {
			if err := h.Options.AddFastOpen(cfg.FastOpen); err != nil {
				return err
			}
		}
	case ActSYNACK:
		h.Flags, h.Seq, h.Ack, h.Window = header.SYN|header.ACK, cfg.ISN, X.tcb.RcvNxt, uint16(min(cfg.Window, 0xffff))
		if X.state == SynReceived && X.passive {
			h.Flags |= synAckECN(Y.offer.ecn, cfg.ECN)
			if b.acceptsFastOpen(x) {
				h.Ack = Y.tcb.SndNxt
			}
		}
		// Only the options the peer's SYN offered too (RFC 7323 §2.2,
		// §3.2), in a simultaneous open as well.
		peer := &Y.offer
		if !Y.synSent {
			peer = nil
		}
		if err := b.synOptions(&h.Options, cfg, peer, Y.tsVal); err != nil {
			return err
		}
	case ActACK, ActData, ActFIN:
		h.Flags, h.Seq, h.Ack, h.Window = header.ACK, X.tcb.SndNxt, X.tcb.RcvNxt, uint16(win)
		if len(st.Data) > 0 {
			h.Flags |= header.PSH
		}
		if st.Action == ActFIN {
			h.Flags |= header.FIN
		}
		if b.c.ecnKnown && b.c.ecn == ECNAccurate {
			// RFC 9768 §3.2.2.1: the first ACK echoes the SYN,ACK's IP-ECN
			// (Not-ECT: 0b010), then the CE packet counter starts at 5.
			h.Flags |= header.AE | header.ECE
			if x == Client && b.sent[x] == 1 {
				h.Flags = h.Flags&^ecnBits | header.CWR
			}
		}
		if b.c.ecnKnown && b.c.ecn != ECNOff && len(st.Data) > 0 {
			tos = 2 // ECT(0), RFC 3168 §5
		}
		if b.c.ts {
			h.Options.AddNOP()
			h.Options.AddNOP()
			if err := h.Options.AddTimestamps(header.Timestamps{Value: cfg.TSClock + b.sent[x], Echo: Y.tsVal}); err != nil {
				return err
			}
		}
	case ActRST:
		h.Flags = header.RST | header.ACK
		if X.synSent {
			h.Seq, h.Ack = X.tcb.SndNxt, X.tcb.RcvNxt
		} else {
			h.Ack = X.replyAck
		}
	default:
		return ErrAction
	}
	fixed, err := st.Edit.apply(&h, &tos)
	if err != nil {
		return err
	}
	src, dst := cfg.Addr.Addr(), peerCfg.Addr.Addr()
	if !fixed {
		if err := h.SetChecksum(src, dst); err != nil {
			return err
		}
	}
	raw, err := h.AppendBinary(nil)
	if err != nil {
		return err
	}
	if e := st.Edit; e != nil && e.DataOffset != nil {
		// A data offset the options disagree with cannot be encoded: patch
		// the encoded byte, and checksum what results.
		raw[12] = raw[12]&0x0f | *e.DataOffset<<4
		if !fixed {
			sum, err := checksum.TCP(src, dst, raw)
			if err != nil {
				return err
			}
			binary.BigEndian.PutUint16(raw[16:], sum)
		}
	}
	if e := st.Edit; e != nil && e.TCP != nil {
		raw = append([]byte{}, *e.TCP...)
	}
	st.Segment = Segment{Frame: b.frame, Src: src, Dst: dst, TOS: tos, TCP: raw}
	return nil
}

// acceptsFastOpen reports whether the server x takes the data on the SYN
// it received: it has Fast Open on and the SYN carried a cookie.
func (b *builder) acceptsFastOpen(x Side) bool {
	return len(b.endpoint(x).FastOpen) > 0 && len(b.endpoint(x.Peer()).FastOpen) > 0
}

// synAckECN returns the ECN bits of a SYN,ACK from an endpoint in mode
// mine answering a SYN that asked for asked (RFC 3168 §6.1.1; RFC 9768
// §3.1.1 Table 2, for a SYN that arrived Not-ECT).
func synAckECN(asked, mine ECN) header.Flags {
	switch {
	case asked == ECNAccurate && mine == ECNAccurate:
		return header.CWR
	case asked != ECNOff && mine != ECNOff:
		return header.ECE
	}
	return 0
}

// synOptions appends the options of a SYN from cfg, in the layout Linux
// uses; answering a SYN that offered peer, only those the peer offered too.
func (b *builder) synOptions(o *header.Options, cfg *Endpoint, peer *offer, echo uint32) error {
	both := func(mine, theirs bool) bool { return mine && (peer == nil || theirs) }
	var p offer
	if peer != nil {
		p = *peer
	}
	sack, ts, ws := both(cfg.SACKPermitted, p.sackOK), both(cfg.Timestamps, p.ts), both(cfg.WindowScale, p.wscale)
	var err error
	add := func(f func() error) {
		if err == nil {
			err = f()
		}
	}
	if cfg.MSS != 0 {
		add(func() error { return o.AddMSS(cfg.MSS) })
	}
	switch {
	case sack && ts:
		add(o.AddSACKPermitted)
		add(func() error { return o.AddTimestamps(header.Timestamps{Value: cfg.TSClock, Echo: echo}) })
	case ts:
		add(o.AddNOP)
		add(o.AddNOP)
		add(func() error { return o.AddTimestamps(header.Timestamps{Value: cfg.TSClock, Echo: echo}) })
	case sack:
		add(o.AddNOP)
		add(o.AddNOP)
		add(o.AddSACKPermitted)
	}
	if ws {
		add(o.AddNOP)
		add(func() error { return o.AddWindowScale(cfg.Shift) })
	}
	return err
}

// Segments returns the built segments in order.
func (s *Scenario) Segments() []Segment {
	out := make([]Segment, len(s.Steps))
	for i := range s.Steps {
		out[i] = s.Steps[i].Segment
	}
	return out
}
