package gopacketpeer

import (
	"bytes"
	"fmt"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"

	"github.com/tcpwire/tcpwire/fuzz/differential"
	"github.com/tcpwire/tcpwire/header"
)

// Gopacket decodes seg with gopacket's layers.TCP and compares the result
// with tcpwire's (h and err from h.Decode(seg), w the reading of its option
// area). It returns the classes found and an error for any difference that
// is not one of fuzz/DISAGREEMENTS.md.
func Gopacket(p *layers.TCP, seg []byte, w *differential.Walk, h *header.Header, err error) (differential.Class, error) {
	c, cerr := differential.CheckDecode(seg, w, h, err)
	if cerr != nil {
		return c, cerr
	}
	perr := p.DecodeFromBytes(seg, gopacket.NilDecodeFeedback)
	if fixed := differential.FixedLayout(seg); fixed != 0 {
		if perr == nil {
			return c, fmt.Errorf("gopacket accepts what tcpwire refuses as %v", fixed)
		}
		return c, nil
	}
	if perr != nil {
		return c, fmt.Errorf("gopacket refuses a sound fixed header: %v", perr)
	}
	if uint16(p.SrcPort) != h.SrcPort || uint16(p.DstPort) != h.DstPort || p.Seq != uint32(h.Seq) ||
		p.Ack != uint32(h.Ack) || p.DataOffset != h.DataOffset || p.Window != h.Window ||
		p.Checksum != h.Checksum || p.Urgent != h.Urgent {
		return c, fmt.Errorf("fixed fields: gopacket %d>%d seq %d ack %d off %d win %d sum %#x urg %d, tcpwire %+v",
			p.SrcPort, p.DstPort, p.Seq, p.Ack, p.DataOffset, p.Window, p.Checksum, p.Urgent, h)
	}
	if gopacketFlags(p) != h.Flags&^header.Reserved {
		return c, fmt.Errorf("flags: gopacket %v, tcpwire %v", gopacketFlags(p), h.Flags)
	}
	if !bytes.Equal(p.Payload, h.Payload) {
		return c, fmt.Errorf("payload: gopacket %x, tcpwire %x", p.Payload, h.Payload)
	}
	area := seg[header.MinLen : int(h.DataOffset)*4]
	for i := range p.Options {
		g := &p.Options[i]
		if i >= len(w.Items) {
			return c, fmt.Errorf("gopacket option %d (kind %d) beyond the %d items", i, g.OptionType, len(w.Items))
		}
		it := &w.Items[i]
		if header.Kind(g.OptionType) != it.Kind || int(g.OptionLength) != it.Len || !bytes.Equal(g.OptionData, it.Data) {
			return c, fmt.Errorf("option %d: gopacket kind %d length %d data %x, tcpwire %v length %d",
				i, g.OptionType, g.OptionLength, g.OptionData, it.Option(), it.Len)
		}
	}
	wantPad := w.Padding
	if n := len(p.Options); n < len(w.Items) {
		// gopacket stopped at an item it cannot follow: only an MPTCP option
		// whose length does not match its subtype (or is below 3).
		it := &w.Items[n]
		if it.Kind != header.KindMPTCP {
			return c, fmt.Errorf("gopacket stops at option %d (kind %d, length %d) at byte %d", n, it.Kind, it.Len, it.Offset)
		}
		if it.Err == nil {
			c |= differential.ClassMPTCPSubtype
		}
		wantPad = area[it.Offset-header.MinLen:]
	} else if w.Malformed != nil {
		wantPad = area[w.MalformedAt-header.MinLen:]
	}
	if !bytes.Equal(p.Padding, wantPad) {
		return c, fmt.Errorf("padding: gopacket %x, want %x", p.Padding, wantPad)
	}
	for i := range p.Options {
		for j := range i {
			if k := p.Options[j].OptionType; k == p.Options[i].OptionType && k > layers.TCPOptionKindNop {
				c |= differential.ClassDuplicate
			}
		}
	}
	return c, nil
}

// gopacketFlags returns the flags of p as tcpwire numbers them.
func gopacketFlags(p *layers.TCP) header.Flags {
	var f header.Flags
	for _, b := range [...]struct {
		set bool
		bit header.Flags
	}{
		{p.FIN, header.FIN}, {p.SYN, header.SYN}, {p.RST, header.RST}, {p.PSH, header.PSH},
		{p.ACK, header.ACK}, {p.URG, header.URG}, {p.ECE, header.ECE}, {p.CWR, header.CWR}, {p.NS, header.AE},
	} {
		if b.set {
			f |= b.bit
		}
	}
	return f
}
