package gvisorpeer

import (
	"bytes"
	"fmt"

	"gvisor.dev/gvisor/pkg/tcpip"
	gvisor "gvisor.dev/gvisor/pkg/tcpip/header"
	"gvisor.dev/gvisor/pkg/tcpip/seqnum"

	"github.com/tcpwire/tcpwire/fuzz/differential"
	"github.com/tcpwire/tcpwire/header"
)

// GVisor reads seg with gVisor's header.TCP, ParseSynOptions and
// ParseTCPOptions and compares the result with tcpwire's (h and err from
// h.Decode(seg), w the reading of its option area). gVisor's accessors do
// not check lengths, so, like gVisor's own stack, it calls them only after
// TCPValid. It returns the classes found and an error for any difference
// that is not one of fuzz/DISAGREEMENTS.md.
func GVisor(seg []byte, w *differential.Walk, h *header.Header, err error) (differential.Class, error) {
	c, cerr := differential.CheckDecode(seg, w, h, err)
	if cerr != nil {
		return c, cerr
	}
	if len(seg) < gvisor.TCPMinimumSize {
		// TCPValid itself reads byte 12: gVisor's stack consumes 20 bytes
		// before it looks at a TCP header.
		return c, nil
	}
	t := gvisor.TCP(seg)
	var addr tcpip.Address
	if _, _, ok := gvisor.TCPValid(t, nil, 0, addr, addr, true); ok != (differential.FixedLayout(seg) == 0) {
		return c, fmt.Errorf("gVisor TCPValid = %v for a header tcpwire classes as %v", ok, differential.FixedLayout(seg))
	}
	if differential.FixedLayout(seg) != 0 {
		return c, nil
	}
	if t.SourcePort() != h.SrcPort || t.DestinationPort() != h.DstPort || t.SequenceNumber() != uint32(h.Seq) ||
		t.AckNumber() != uint32(h.Ack) || int(t.DataOffset()) != int(h.DataOffset)*4 ||
		t.WindowSize() != h.Window || t.Checksum() != h.Checksum || t.UrgentPointer() != h.Urgent ||
		uint8(t.Flags()) != uint8(h.Flags) {
		return c, fmt.Errorf("fixed fields: gVisor %d>%d seq %d ack %d off %d flags %#x win %d sum %#x urg %d, tcpwire %+v",
			t.SourcePort(), t.DestinationPort(), t.SequenceNumber(), t.AckNumber(), t.DataOffset(),
			uint8(t.Flags()), t.WindowSize(), t.Checksum(), t.UrgentPointer(), h)
	}
	if !bytes.Equal(t.Payload(), seg[int(h.DataOffset)*4:]) || !bytes.Equal(t.Options(), seg[header.MinLen:int(h.DataOffset)*4]) {
		return c, fmt.Errorf("payload or option area differ")
	}
	isAck := h.Flags.Has(header.ACK)
	want, wc := gvisorSyn(w, isAck)
	c |= wc
	if got := gvisor.ParseSynOptions(t.Options(), isAck); got != want {
		return c, fmt.Errorf("ParseSynOptions: gVisor %+v, want %+v", got, want)
	}
	wantOpts, wc := gvisorTCP(w)
	c |= wc
	got := gvisor.ParseTCPOptions(t.Options())
	if got.TS != wantOpts.TS || got.TSVal != wantOpts.TSVal || got.TSEcr != wantOpts.TSEcr ||
		(got.SACKBlocks == nil) != (wantOpts.SACKBlocks == nil) || len(got.SACKBlocks) != len(wantOpts.SACKBlocks) {
		return c, fmt.Errorf("ParseTCPOptions: gVisor %+v, want %+v", got, wantOpts)
	}
	for i := range got.SACKBlocks {
		if got.SACKBlocks[i] != wantOpts.SACKBlocks[i] {
			return c, fmt.Errorf("ParseTCPOptions: gVisor %+v, want %+v", got, wantOpts)
		}
	}
	return c, nil
}

// gvisorSyn predicts ParseSynOptions from the items of w, each decoded by
// tcpwire's header.Option accessors, applying gVisor's documented rules:
// it stops at a malformed item, at a known kind of the wrong length and at
// an MSS of 0; it raises a small MSS to TCPMinimumSendMSS, caps the Window
// Scale shift at 14, keeps TSecr only with ACK and lets a later option of a
// kind replace an earlier one.
func gvisorSyn(w *differential.Walk, isAck bool) (gvisor.TCPSynOptions, differential.Class) {
	o := gvisor.TCPSynOptions{MSS: gvisor.TCPDefaultMSS, WS: -1}
	var c differential.Class
	var seen [256]bool
	for i := range w.Items {
		it := &w.Items[i]
		opt := it.Option()
		if seen[it.Kind] && it.Kind > header.KindNOP {
			c |= differential.ClassDuplicate
		}
		seen[it.Kind] = true
		switch it.Kind {
		case header.KindEnd:
			return o, c
		case header.KindMSS:
			mss, ok := opt.MSS()
			if !ok {
				return o, c | differential.ClassKindLength
			}
			if mss == 0 {
				return o, c | differential.ClassMSSZero
			}
			if mss < gvisor.TCPMinimumSendMSS {
				mss, c = gvisor.TCPMinimumSendMSS, c|differential.ClassMSSSmall
			}
			o.MSS = mss
		case header.KindWindowScale:
			ws, ok := opt.WindowScale()
			if !ok {
				return o, c | differential.ClassKindLength
			}
			o.WS = min(int(ws), gvisor.MaxWndScale)
		case header.KindTimestamps:
			ts, ok := opt.Timestamps()
			if !ok {
				return o, c | differential.ClassKindLength
			}
			o.TS, o.TSVal, o.TSEcr = true, ts.Value, 0
			if isAck {
				o.TSEcr = ts.Echo
			} else if ts.Echo != 0 {
				c |= differential.ClassTSEcrOnSYN
			}
		case header.KindSACKPermitted:
			if it.Len != 2 {
				return o, c | differential.ClassKindLength
			}
			o.SACKPermitted = true
		}
	}
	return o, c
}

// gvisorTCP predicts ParseTCPOptions from the items of w: Timestamps and
// SACK, each decoded by tcpwire's accessors, the last of a kind winning; it
// stops at a malformed item and at either kind with a length it refuses,
// and takes a SACK option without blocks as an empty block list.
func gvisorTCP(w *differential.Walk) (gvisor.TCPOptions, differential.Class) {
	var o gvisor.TCPOptions
	var c differential.Class
	var buf [4]header.SACKBlock
	for i := range w.Items {
		it := &w.Items[i]
		opt := it.Option()
		switch it.Kind {
		case header.KindEnd:
			return o, c
		case header.KindTimestamps:
			ts, ok := opt.Timestamps()
			if !ok {
				return o, c | differential.ClassKindLength
			}
			o.TS, o.TSVal, o.TSEcr = true, ts.Value, ts.Echo
		case header.KindSACK:
			blocks, ok := opt.SACK(buf[:0])
			if !ok {
				return o, c | differential.ClassKindLength
			}
			if len(blocks) == 0 {
				c |= differential.ClassSACKEmpty
			}
			o.SACKBlocks = []gvisor.SACKBlock{}
			for _, b := range blocks {
				o.SACKBlocks = append(o.SACKBlocks, gvisor.SACKBlock{Start: seqnum.Value(b.Left), End: seqnum.Value(b.Right)})
			}
		}
	}
	return o, c
}
