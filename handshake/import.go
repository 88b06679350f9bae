package handshake

import (
	"errors"
	"net/netip"

	"github.com/tcpwire/tcpwire/header"
)

// ErrNoSegments: there is no decodable TCP segment to import.
var ErrNoSegments = errors.New("handshake: no segment to import")

// FromSegments turns the first connection in segs (a capture, or segments
// imported from hex) into a Scenario that can be edited and rebuilt: each
// segment becomes a step whose Edit holds its bytes as they are, with the
// action, data and endpoints read from the segments (the SYNs give the
// options offered). Segments of other connections are left out. The
// scenario is built: each step's findings are the checker's.
func FromSegments(segs []Segment) (*Scenario, error) {
	var h header.Header
	var s Scenario
	var key connKey
	found := false
	for i := range segs {
		seg := &segs[i]
		if err := h.Decode(seg.TCP); err != nil {
			if he, ok := err.(*header.Error); !ok || !he.Warning() {
				continue
			}
		}
		src, dst := netip.AddrPortFrom(seg.Src, h.SrcPort), netip.AddrPortFrom(seg.Dst, h.DstPort)
		if !found {
			found, key = true, keyOf(src, dst)
			var c conn
			c.init(src, dst, &h)
			s.Name, s.Description = "imported", "segments imported from a capture"
			s.Client.Addr, s.Server.Addr = c.ep[Client].addr, c.ep[Server].addr
		}
		if keyOf(src, dst) != key {
			continue
		}
		from := Client
		if src == s.Server.Addr {
			from = Server
		}
		ep := &s.Client
		if from == Server {
			ep = &s.Server
		}
		st := Step{From: from, Action: actionOf(h.Flags), Data: append([]byte(nil), h.Payload...)}
		if h.Flags.Has(header.SYN) {
			peer := s.Client.ECN
			if from == Client {
				peer = s.Server.ECN
			}
			learn(ep, &h, peer)
		}
		raw := append([]byte(nil), seg.TCP...)
		tos := seg.TOS
		st.Edit = &Edit{TCP: &raw, TOS: &tos}
		s.Steps = append(s.Steps, st)
	}
	if !found {
		return nil, ErrNoSegments
	}
	markCrossings(s.Steps)
	if err := s.Build(); err != nil {
		return nil, err
	}
	return &s, nil
}

// actionOf names the action that sends a segment with flags f.
func actionOf(f header.Flags) Action {
	switch {
	case f.Has(header.RST):
		return ActRST
	case f.Has(header.SYN | header.ACK):
		return ActSYNACK
	case f.Has(header.SYN):
		return ActSYN
	case f.Has(header.FIN):
		return ActFIN
	case f.Has(header.PSH):
		return ActData
	}
	return ActACK
}

// learn fills ep with what its SYN shows; a SYN-ACK's ECN bits are read as
// the answer to a SYN that asked for peer.
func learn(ep *Endpoint, h *header.Header, peer ECN) {
	o := offerOf(h)
	ep.ISN, ep.Window = h.Seq, uint32(h.Window)
	ep.MSS, _ = h.Options.MSS()
	ep.WindowScale, ep.Shift = o.wscale, o.shift
	ep.SACKPermitted = o.sackOK
	if ts, ok := h.Options.Timestamps(); ok {
		ep.Timestamps, ep.TSClock = true, ts.Value
	}
	ep.ECN = o.ecn
	if h.Flags.Has(header.ACK) {
		ep.ECN, _ = ecnAnswer(peer, h.Flags&ecnBits)
	}
	if opt, ok := h.Options.Find(header.KindFastOpen); ok {
		ep.FastOpen = append([]byte(nil), opt.Data...)
	}
}

// markCrossings marks the SYNs and FINs that crossed the next segment in
// flight: the peer's next segment does not acknowledge them (a simultaneous
// open or close).
func markCrossings(steps []Step) {
	var a, b header.Header
	for i := 0; i+1 < len(steps); i++ {
		s, t := &steps[i], &steps[i+1]
		if s.From == t.From || a.Decode(*s.Edit.TCP) != nil || b.Decode(*t.Edit.TCP) != nil {
			continue
		}
		if a.Flags&(header.SYN|header.FIN) == 0 || a.Flags.Has(header.RST) {
			continue
		}
		end := a.Seq.Add(seqLen(&a, uint32(len(a.Payload))))
		if !b.Flags.Has(header.ACK) || b.Ack.Less(end) {
			s.Crossing = true
		}
	}
}
