package roundtrip

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/tcpwire/tcpwire/fuzz/input"
	"github.com/tcpwire/tcpwire/header"
)

// Build makes a header from the fuzz input b: 19 bytes of fixed fields and
// payload length, then option-builder calls chosen by the bytes that
// follow. Each builder call must either succeed or refuse with one of the
// builder's errors, leaving the options as they were; Build returns an
// error otherwise. The option area is padded with End of Option List to a
// multiple of 4 bytes, as Encode pads it.
func Build(b []byte) (header.Header, error) {
	r := input.New(b)
	h := header.Header{
		SrcPort: r.U16(), DstPort: r.U16(), Seq: header.Seq(r.U32()), Ack: header.Seq(r.U32()),
		Flags: header.Flags(r.U16()) & 0x0fff, Window: r.U16(), Checksum: r.U16(), Urgent: r.U16(),
	}
	if p := r.Bytes(int(r.Byte() % 64)); len(p) > 0 {
		h.Payload = p
	}
	o := &h.Options
	for r.Len() > 0 {
		before := o.Len()
		var err error
		switch op := r.Byte(); op % 12 {
		case 0:
			err = o.AddNOP()
		case 1:
			err = o.AddEnd()
		case 2:
			err = o.AddMSS(r.U16())
		case 3:
			err = o.AddWindowScale(r.Byte() % 16)
		case 4:
			err = o.AddSACKPermitted()
		case 5:
			err = o.AddTimestamps(header.Timestamps{Value: r.U32(), Echo: r.U32()})
		case 6:
			var blocks [5]header.SACKBlock
			n := int(r.Byte() % 6)
			for i := range n {
				blocks[i] = header.SACKBlock{Left: header.Seq(r.U32()), Right: header.Seq(r.U32())}
			}
			err = o.AddSACK(blocks[:n]...)
		case 7:
			err = o.AddFastOpen(r.Bytes(int(r.Byte() % 20)))
		default:
			// Any kind, any data length up to 40: the builder checks it.
			k := header.Kind(r.Byte())
			if op%12 == 8 {
				k = [...]header.Kind{header.KindMPTCP, header.KindAccECN0, header.KindAccECN1,
					header.KindExperiment1, header.KindAO, header.KindMD5, header.KindUserTimeout,
					header.KindSACK}[op>>4&7]
			}
			err = o.Add(k, r.Bytes(int(r.Byte()%41)))
		}
		if err != nil {
			if !errors.Is(err, header.ErrOptionSpace) && !errors.Is(err, header.ErrOptionSize) &&
				!errors.Is(err, header.ErrSACKBlocks) && !errors.Is(err, header.ErrWindowScale) {
				return h, fmt.Errorf("builder error %v", err)
			}
			if o.Len() != before {
				return h, fmt.Errorf("failed builder call changed the option length from %d to %d: %v", before, o.Len(), err)
			}
		}
	}
	for o.Len()%4 != 0 {
		if err := o.AddEnd(); err != nil {
			return h, fmt.Errorf("padding: %v", err)
		}
	}
	return h, nil
}

// Summary is everything the accessors of a header's options report.
type Summary struct {
	MSS           uint16
	HasMSS        bool
	Shift         uint8
	HasShift      bool
	SACKPermitted bool
	Timestamps    header.Timestamps
	HasTimestamps bool
	SACK          []header.SACKBlock
	HasSACK       bool
	Options       []header.Option
	Padding       []byte
	Text          string
}

// Summarize reads every accessor of o.
func Summarize(o *header.Options) Summary {
	var s Summary
	s.MSS, s.HasMSS = o.MSS()
	s.Shift, s.HasShift = o.WindowScale()
	s.SACKPermitted = o.SACKPermitted()
	s.Timestamps, s.HasTimestamps = o.Timestamps()
	s.SACK, s.HasSACK = o.SACK(nil)
	for opt := range o.All() {
		s.Options = append(s.Options, opt)
	}
	s.Padding = o.Padding()
	s.Text = o.String()
	return s
}

// Equal reports whether two headers hold the same fields, options and
// payload (a nil and an empty payload differ: Decode gives nil for none).
func Equal(a, b *header.Header) bool {
	return a.SrcPort == b.SrcPort && a.DstPort == b.DstPort && a.Seq == b.Seq && a.Ack == b.Ack &&
		a.DataOffset == b.DataOffset && a.Flags == b.Flags && a.Window == b.Window &&
		a.Checksum == b.Checksum && a.Urgent == b.Urgent && a.Options.Equal(b.Options) &&
		bytes.Equal(a.Payload, b.Payload) && (a.Payload == nil) == (b.Payload == nil)
}

// Equal reports whether s and t are the same summary.
func (s *Summary) Equal(t *Summary) bool {
	if s.MSS != t.MSS || s.HasMSS != t.HasMSS || s.Shift != t.Shift || s.HasShift != t.HasShift ||
		s.SACKPermitted != t.SACKPermitted || s.Timestamps != t.Timestamps || s.HasTimestamps != t.HasTimestamps ||
		!slices.Equal(s.SACK, t.SACK) || s.HasSACK != t.HasSACK || !bytes.Equal(s.Padding, t.Padding) ||
		s.Text != t.Text || len(s.Options) != len(t.Options) {
		return false
	}
	for i := range s.Options {
		a, b := &s.Options[i], &t.Options[i]
		if a.Kind != b.Kind || a.Offset != b.Offset || !bytes.Equal(a.Data, b.Data) {
			return false
		}
	}
	return true
}

// shiftAbove14 reports whether o holds a Window Scale option with a shift
// above 14 before End of Option List, which decodes with the
// ErrWindowScale warning.
func shiftAbove14(o *header.Options) bool {
	for opt := range o.All() {
		if s, ok := opt.WindowScale(); ok && s > 14 {
			return true
		}
	}
	return false
}
