package main

import (
	"errors"
	"net/netip"

	"github.com/tcpwire/tcpwire/checksum"
	"github.com/tcpwire/tcpwire/handshake"
	"github.com/tcpwire/tcpwire/header"
)

// scenario returns the named scenario of the handshake package's catalogue
// with st's endpoints, not yet built.
func (st *State) scenario(name string) (*handshake.Scenario, error) {
	sc, err := handshake.New(name)
	if err != nil {
		return nil, err
	}
	c := &st.Config
	for side, ep := range []*handshake.Endpoint{&sc.Client, &sc.Server} {
		addr := st.A
		if side == 1 {
			addr = st.B
		}
		ep.Addr = netip.AddrPortFrom(addr, c.Port[side])
		ep.ISN = header.Seq(c.ISN[side])
		ep.Window = c.Window[side]
		ep.MSS = c.MSS[side]
		ep.WindowScale = c.WScale[side] >= 0
		ep.Shift = uint8(max(c.WScale[side], 0))
		ep.SACKPermitted = c.SACK[side]
		ep.Timestamps = c.TS[side]
	}
	return sc, nil
}

// configFrom sets st's endpoints from those a scenario of the catalogue
// starts with.
func (st *State) configFrom(sc *handshake.Scenario) {
	c := &st.Config
	for side, ep := range []handshake.Endpoint{sc.Client, sc.Server} {
		c.Port[side] = ep.Addr.Port()
		c.ISN[side] = uint32(ep.ISN)
		c.Window[side] = ep.Window
		c.MSS[side] = ep.MSS
		c.WScale[side] = -1
		if ep.WindowScale {
			c.WScale[side] = int8(ep.Shift)
		}
		c.SACK[side] = ep.SACKPermitted
		c.TS[side] = ep.Timestamps
	}
	st.A, st.B = sc.Client.Addr.Addr(), sc.Server.Addr.Addr()
}

// build replaces the steps with those of the named scenario built from
// st's endpoints; "" starts empty. fresh takes the endpoints from the
// scenario instead.
func (st *State) build(name string, fresh bool) error {
	if name == "" {
		st.Scenario, st.Steps, st.Sel = "", nil, 0
		return nil
	}
	if fresh {
		sc, err := handshake.New(name)
		if err != nil {
			return err
		}
		st.configFrom(sc)
	}
	sc, err := st.scenario(name)
	if err != nil {
		return err
	}
	if err := sc.Build(); err != nil {
		return err
	}
	st.Scenario, st.Steps, st.Sel = name, st.Steps[:0], 0
	for _, s := range sc.Steps {
		st.Steps = append(st.Steps, Step{FromB: s.From == handshake.Server, Seg: s.Segment.TCP, TOS: s.Segment.TOS})
	}
	return nil
}

// follows returns st's scenario with st's segments in its steps, when st
// still has the scenario's steps (same count, same senders); nil when it
// does not, or has none.
func (st *State) follows() *handshake.Scenario {
	if st.Scenario == "" {
		return nil
	}
	sc, err := st.scenario(st.Scenario)
	if err != nil || len(sc.Steps) != len(st.Steps) {
		return nil
	}
	for i := range sc.Steps {
		s := &st.Steps[i]
		if (sc.Steps[i].From == handshake.Server) != s.FromB {
			return nil
		}
		sc.Steps[i].Segment = st.segment(s)
	}
	return sc
}

// segment returns step s as the checker takes it.
func (st *State) segment(s *Step) handshake.Segment {
	return handshake.Segment{Src: st.src(s), Dst: st.dst(s), TOS: s.TOS, TCP: s.Seg}
}

// A verdict is what the checker says of a step: its findings and both
// endpoints after it, A first.
type verdict struct {
	findings []handshake.Finding
	after    [2]handshake.Snapshot
	status   checksum.Status
}

// check runs the handshake package's checker over the steps. Steps that
// still follow their scenario are rechecked by the scenario, which knows
// which segments cross in flight; any other sequence goes through the
// checker as a capture would.
func (st *State) check() []verdict {
	out := make([]verdict, len(st.Steps))
	if sc := st.follows(); sc != nil && sc.Rebuild(len(sc.Steps)) == nil {
		for i, s := range sc.Steps {
			out[i] = verdict{s.Findings, [2]handshake.Snapshot{s.Client, s.Server}, s.Checksum}
		}
		return out
	}
	segs := make([]handshake.Segment, len(st.Steps))
	for i := range st.Steps {
		segs[i] = st.segment(&st.Steps[i])
	}
	for i, v := range handshake.Check(segs) {
		after := [2]handshake.Snapshot{v.Client, v.Server}
		// The checker calls the side that sent the first SYN the client;
		// the page shows A on the left whatever it is.
		if v.Server.Addr == netip.AddrPortFrom(st.A, st.portA()) {
			after[0], after[1] = after[1], after[0]
		}
		out[i] = verdict{v.Findings, after, v.Checksum}
	}
	return out
}

// portA returns A's port as its first segment gives it.
func (st *State) portA() uint16 {
	for _, s := range st.Steps {
		if len(s.Seg) < 4 {
			continue
		}
		if s.FromB {
			return uint16(s.Seg[2])<<8 | uint16(s.Seg[3])
		}
		return uint16(s.Seg[0])<<8 | uint16(s.Seg[1])
	}
	return 0
}

// carry recomputes the steps after i from the endpoints' states once the
// steps up to i are sent as they stand, so that an edit of step i carries
// through the rest of the scenario.
func (st *State) carry(i int) error {
	sc := st.follows()
	if sc == nil {
		return errors.New("the steps no longer follow a scenario: build one to carry edits through")
	}
	if err := sc.Rebuild(i + 1); err != nil {
		return err
	}
	for j := i + 1; j < len(sc.Steps); j++ {
		st.Steps[j] = Step{FromB: st.Steps[j].FromB, Seg: sc.Steps[j].Segment.TCP, TOS: sc.Steps[j].Segment.TOS}
	}
	return nil
}

// fix applies the fix of finding k of step i, as the checker gives it.
func (st *State) fix(i, k int) error {
	v := st.check()[i]
	if k < 0 || k >= len(v.findings) || v.findings[k].Fix == nil {
		return errors.New("that finding has no fix")
	}
	f := v.findings[k].Fix
	s := &st.Steps[i]
	seg := st.segment(s)
	if err := seg.Apply(f); err != nil {
		return err
	}
	s.Seg, s.TOS = seg.TCP, seg.TOS
	if f.Field == handshake.FieldChecksum {
		s.Mode = CheckAuto
	}
	return nil
}

// Scenarios returns the catalogue of scenarios as a JSON array of
// {"name", "description"}.
func Scenarios() []byte {
	w := &jsonWriter{}
	w.arr()
	for _, s := range handshake.Scenarios() {
		w.obj()
		w.kstr("name", s.Name)
		w.kstr("description", s.Description)
		w.endObj()
	}
	w.endArr()
	return w.b
}
