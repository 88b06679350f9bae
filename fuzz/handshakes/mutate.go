package handshakes

import (
	"net/netip"
	"slices"
	"sync"

	"github.com/tcpwire/tcpwire/fuzz/input"
	"github.com/tcpwire/tcpwire/handshake"
	"github.com/tcpwire/tcpwire/header"
)

// maxSegments bounds the segments Mutate returns.
const maxSegments = 64

// builtCatalogue returns every scenario of the catalogue, built once.
var builtCatalogue = sync.OnceValues(func() ([]*handshake.Scenario, error) {
	var out []*handshake.Scenario
	for _, in := range handshake.Scenarios() {
		s, err := handshake.New(in.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
})

// Mutate takes the catalogue scenario b[0] selects and changes its
// segments as the rest of b says, one operation per byte and its
// arguments: drop, duplicate, swap with the next, XOR a byte, cut short
// (keeping the IP length, as a snap length does), insert raw bytes from
// either side, forget the addresses, or set the IP TOS byte. The
// scenarios are built once for all inputs; the segments returned are
// copies, so the changes never reach them.
func Mutate(b []byte) ([]handshake.Segment, error) {
	r := input.New(b)
	cat, err := builtCatalogue()
	if err != nil {
		return nil, err
	}
	s := cat[int(r.Byte())%len(cat)]
	// One allocation for the segments, room for every insertion, and one
	// for the copies of their bytes.
	segs := append(make([]handshake.Segment, 0, maxSegments+1), s.Segments()...)
	n := 0
	for _, seg := range segs {
		n += len(seg.TCP)
	}
	arena := make([]byte, 0, n)
	for i := range segs {
		at := len(arena)
		arena = append(arena, segs[i].TCP...)
		segs[i].TCP = arena[at:len(arena):len(arena)]
	}
	for r.Len() > 0 && len(segs) < maxSegments {
		op := r.Byte()
		i := int(r.Byte())
		if len(segs) == 0 {
			i = 0
		} else {
			i %= len(segs)
		}
		switch op % 8 {
		case 0:
			if len(segs) > 0 {
				segs = slices.Delete(segs, i, i+1)
			}
		case 1:
			if len(segs) > 0 {
				d := segs[i]
				d.TCP = slices.Clone(d.TCP)
				segs = slices.Insert(segs, i, d)
			}
		case 2:
			if i+1 < len(segs) {
				segs[i], segs[i+1] = segs[i+1], segs[i]
			}
		case 3:
			at, v := int(r.Byte()), r.Byte()
			if len(segs) > 0 && len(segs[i].TCP) > 0 {
				segs[i].TCP[at%len(segs[i].TCP)] ^= v
			}
		case 4:
			if len(segs) > 0 {
				seg := &segs[i]
				if seg.Length == 0 {
					seg.Length = len(seg.TCP)
				}
				seg.TCP = seg.TCP[:int(r.Byte())%(len(seg.TCP)+1)]
			}
		case 5:
			from := s.Client.Addr
			to := s.Server.Addr
			if op&0x80 != 0 {
				from, to = to, from
			}
			raw := slices.Clone(r.Bytes(int(r.Byte() % 80)))
			segs = slices.Insert(segs, i, handshake.Segment{Src: from.Addr(), Dst: to.Addr(), TCP: raw})
		case 6:
			if len(segs) > 0 {
				segs[i].Src, segs[i].Dst = netip.Addr{}, netip.Addr{}
			}
		case 7:
			if len(segs) > 0 {
				segs[i].TOS = r.Byte()
			}
		}
	}
	return segs, nil
}

// Configure builds the catalogue scenario b[0] selects with endpoints
// changed as the rest of b says, within what a sound connection allows:
// any ISNs and timestamp clocks, either address family, MSS from 536 up,
// window scaling, SACK and timestamps offered or not, shifts up to 14, and
// windows large enough, after scaling, for the scenarios' payloads.
func Configure(b []byte) (*handshake.Scenario, error) {
	r := input.New(b)
	cat, err := builtCatalogue()
	if err != nil {
		return nil, err
	}
	// A new scenario with the steps' specifications only: Build computes
	// every segment afresh.
	built := cat[int(r.Byte())%len(cat)]
	s := &handshake.Scenario{Name: built.Name, Description: built.Description, Client: built.Client, Server: built.Server,
		Steps: make([]handshake.Step, len(built.Steps))}
	for i, st := range built.Steps {
		s.Steps[i] = handshake.Step{From: st.From, Action: st.Action, Data: st.Data, Note: st.Note, Crossing: st.Crossing, Edit: st.Edit}
	}
	v6 := r.Byte()&1 == 1
	for i, ep := range []*handshake.Endpoint{&s.Client, &s.Server} {
		ep.ISN = header.Seq(r.U32())
		ep.TSClock = r.U32()
		ep.MSS = max(536, r.U16())
		flags := r.Byte()
		ep.WindowScale = flags&1 != 0
		ep.SACKPermitted = flags&2 != 0
		ep.Timestamps = flags&4 != 0
		ep.Shift = (flags >> 4) % 15
		ep.Window = max(uint32(r.U16()), 4096) << ep.Shift
		if v6 {
			ip := netip.AddrFrom16([16]byte{0x20, 0x01, 0x0d, 0xb8, 15: byte(1 + i)})
			ep.Addr = netip.AddrPortFrom(ip, ep.Addr.Port())
		}
	}
	return s, s.Build()
}
