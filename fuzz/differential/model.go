package differential

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/tcpwire/tcpwire/header"
)

// Class is a set of the input classes of fuzz/DISAGREEMENTS.md, one bit
// each.
type Class uint32

// The classes of fuzz/DISAGREEMENTS.md.
const (
	ClassShort        Class = 1 << iota // fewer than 20 bytes
	ClassDataOffset                     // data offset below 5
	ClassTruncated                      // data offset past the end
	ClassMalformed                      // option length missing, below 2 or past the option area
	ClassKindLength                     // well-formed item, length not allowed for its kind
	ClassSACKEmpty                      // SACK with no block
	ClassWindowScale                    // Window Scale shift above 14
	ClassDuplicate                      // the same option kind twice
	ClassMSSZero                        // MSS of 0
	ClassMSSSmall                       // MSS below gVisor's minimum send MSS
	ClassMPTCPSubtype                   // MPTCP option whose length does not fit its subtype (gopacket)
	ClassPadding                        // bytes after End of Option List
	ClassTSEcrOnSYN                     // non-zero TSecr without ACK
	ClassFlags                          // AE or reserved flag bits
)

var classNames = [...]string{
	"short", "data-offset", "truncated", "malformed", "kind-length", "sack-empty",
	"window-scale", "duplicate", "mss-zero", "mss-small", "mptcp-subtype", "padding",
	"tsecr-on-syn", "flags",
}

// String lists the classes in c by the names fuzz/DISAGREEMENTS.md uses.
func (c Class) String() string {
	var b []byte
	for i, n := range classNames {
		if c&(1<<i) != 0 {
			if len(b) > 0 {
				b = append(b, ',')
			}
			b = append(b, n...)
		}
	}
	return string(b)
}

// Item is one option as a type-length-value item.
type Item struct {
	// Offset is the offset of the kind byte from the start of the header.
	Offset int
	Kind   header.Kind
	// Len is the length on the wire: 1 for End of Option List and NOP.
	Len int
	// Data is the bytes after the length byte.
	Data []byte
	// Err is the error kind tcpwire gives this item on its own (decoded as
	// a one-option area): nil, header.ErrOptionSize, header.ErrSACKBlocks
	// or the warning header.ErrWindowScale.
	Err error
}

// Option returns the item as a header.Option, so that tcpwire's typed
// accessors read it.
func (it *Item) Option() header.Option {
	return header.Option{Kind: it.Kind, Offset: it.Offset, Data: it.Data}
}

// Walk is an option area read as type-length-value items, the reading all
// three decoders share: End of Option List and NOP are one byte, any other
// kind has a length byte counting the kind and length bytes.
type Walk struct {
	// Items are the items in wire order up to End of Option List (included)
	// or the first malformed item (excluded).
	Items []Item
	// Padding holds the bytes after End of Option List.
	Padding []byte
	// Malformed, when not nil, is header.ErrOptionLength or
	// header.ErrOptionOverflow for the item at MalformedAt, whose length
	// byte is missing, below 2 or runs past the option area; the walk
	// stops there.
	Malformed   error
	MalformedAt int
	// MalformedKind is the kind byte of the malformed item.
	MalformedKind header.Kind

	items [header.MaxOptionsLen]Item
}

// Reset reads area, the option area of a header, into w.
func (w *Walk) Reset(area []byte) {
	*w = Walk{Items: w.items[:0]}
	for i := 0; i < len(area); {
		k := header.Kind(area[i])
		if k == header.KindEnd || k == header.KindNOP {
			w.Items = append(w.Items, Item{Offset: header.MinLen + i, Kind: k, Len: 1})
			if k == header.KindEnd {
				w.Padding = area[i+1:]
				return
			}
			i++
			continue
		}
		switch {
		case i+1 >= len(area):
			w.Malformed = header.ErrOptionLength
		case area[i+1] < 2:
			w.Malformed = header.ErrOptionLength
		case i+int(area[i+1]) > len(area):
			w.Malformed = header.ErrOptionOverflow
		}
		if w.Malformed != nil {
			w.MalformedAt, w.MalformedKind = header.MinLen+i, k
			return
		}
		l := int(area[i+1])
		it := Item{Offset: header.MinLen + i, Kind: k, Len: l, Data: area[i+2 : i+l]}
		var one header.Options
		if err := one.SetBytes(area[i : i+l]); err != nil {
			it.Err = kindOf(err)
		}
		w.Items = append(w.Items, it)
		i += l
	}
}

// kindOf returns the Kind of a *header.Error, or err itself.
func kindOf(err error) error {
	var e *header.Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return err
}

// Expect returns the error tcpwire's Decode must report for a header whose
// option area reads as w: the first item tcpwire refuses, else the
// malformed item, else the first Window Scale warning, with its offset and
// option kind.
func (w *Walk) Expect() (offset int, opt header.Kind, kind error) {
	for i := range w.Items {
		it := &w.Items[i]
		if it.Err != nil && it.Err != header.ErrWindowScale {
			return it.Offset, it.Kind, it.Err
		}
	}
	if w.Malformed != nil {
		return w.MalformedAt, w.MalformedKind, w.Malformed
	}
	for i := range w.Items {
		if it := &w.Items[i]; it.Err == header.ErrWindowScale {
			return it.Offset, it.Kind, it.Err
		}
	}
	return 0, 0, nil
}

// Accepted returns the items tcpwire reads before it stops: all of them
// when it decodes the header, those before the refused one otherwise.
func (w *Walk) Accepted() []Item {
	for i := range w.Items {
		if e := w.Items[i].Err; e != nil && e != header.ErrWindowScale {
			return w.Items[:i]
		}
	}
	return w.Items
}

// FixedLayout checks the length and data offset rules every decoder
// applies before it looks at options; it returns the class, or 0 when the
// header's fixed part is sound.
func FixedLayout(seg []byte) Class {
	switch {
	case len(seg) < header.MinLen:
		return ClassShort
	case seg[12]>>4 < 5:
		return ClassDataOffset
	case int(seg[12]>>4)*4 > len(seg):
		return ClassTruncated
	}
	return 0
}

// CheckDecode checks tcpwire's decoding of seg (h and err, from h.Decode)
// against the type-length-value reading w of its option area, which the
// caller fills with w.Reset when the fixed part is sound. It returns the
// classes the input falls in.
func CheckDecode(seg []byte, w *Walk, h *header.Header, err error) (Class, error) {
	var e *header.Error
	if err != nil && !errors.As(err, &e) {
		return 0, fmt.Errorf("decoding returned %T, not *header.Error: %v", err, err)
	}
	if err != nil && err.Error() == "" {
		return 0, errors.New("empty error text")
	}
	c := FixedLayout(seg)
	switch c {
	case ClassShort:
		return c, wantErr(e, header.ErrShort, len(seg), len(seg), header.MinLen)
	case ClassDataOffset:
		return c, wantErr(e, header.ErrDataOffset, 12, int(seg[12]>>4), 5)
	case ClassTruncated:
		return c, wantErr(e, header.ErrTruncated, 12, len(seg), int(seg[12]>>4)*4)
	}
	off, opt, want := w.Expect()
	if want == nil && err != nil || want != nil && (e == nil || e.Kind != want || e.Offset != off || e.Option != opt) {
		return c, fmt.Errorf("decoding error %v, want %v at byte %d (option %d)", err, want, off, opt)
	}
	for i := range w.Items {
		switch w.Items[i].Err {
		case header.ErrOptionSize:
			c |= ClassKindLength
		case header.ErrSACKBlocks:
			c |= ClassSACKEmpty
		case header.ErrWindowScale:
			c |= ClassWindowScale
		}
	}
	if w.Malformed != nil {
		c |= ClassMalformed
	}
	if len(w.Padding) > 0 {
		c |= ClassPadding
	}
	if f := h.Flags; f&(header.AE|header.Reserved) != 0 && (err == nil || e.Warning()) {
		c |= ClassFlags
	}
	if err != nil && !e.Warning() {
		return c, nil
	}
	return c, checkDecoded(seg, w, h)
}

func wantErr(e *header.Error, kind error, off, value, limit int) error {
	if e == nil || e.Kind != kind || e.Offset != off || e.Value != value || e.Limit != limit {
		return fmt.Errorf("decoding error %+v, want %v at %d (value %d, limit %d)", e, kind, off, value, limit)
	}
	return nil
}

// checkDecoded checks a header tcpwire decoded: fixed fields, payload, the
// option list and the first-of-kind accessors.
func checkDecoded(seg []byte, w *Walk, h *header.Header) error {
	hl := int(seg[12]>>4) * 4
	if h.SrcPort != binary.BigEndian.Uint16(seg) || h.DstPort != binary.BigEndian.Uint16(seg[2:]) ||
		uint32(h.Seq) != binary.BigEndian.Uint32(seg[4:]) || uint32(h.Ack) != binary.BigEndian.Uint32(seg[8:]) ||
		int(h.DataOffset)*4 != hl || uint16(h.Flags) != binary.BigEndian.Uint16(seg[12:])&0x0fff ||
		h.Window != binary.BigEndian.Uint16(seg[14:]) || h.Checksum != binary.BigEndian.Uint16(seg[16:]) ||
		h.Urgent != binary.BigEndian.Uint16(seg[18:]) {
		return fmt.Errorf("fixed fields %+v differ from the bytes % x", h, seg[:20])
	}
	if !bytes.Equal(h.Payload, seg[hl:]) || (len(seg) == hl) != (h.Payload == nil) {
		return fmt.Errorf("payload %x, want %x", h.Payload, seg[hl:])
	}
	if !bytes.Equal(h.Options.Bytes(), seg[header.MinLen:hl]) {
		return fmt.Errorf("option area %x, want %x", h.Options.Bytes(), seg[header.MinLen:hl])
	}
	i := 0
	for opt := range h.Options.All() {
		if i >= len(w.Items) {
			return fmt.Errorf("options: All yields %v beyond the %d options", opt, len(w.Items))
		}
		it := &w.Items[i]
		if opt.Kind != it.Kind || opt.Offset != it.Offset || !bytes.Equal(opt.Data, it.Data) || opt.Len() != it.Len {
			return fmt.Errorf("option %d is %v at %d, want kind %d at %d", i, opt, opt.Offset, it.Kind, it.Offset)
		}
		if _, err := opt.AppendText(nil); err != nil {
			return err
		}
		i++
	}
	if i != len(w.Items) {
		return fmt.Errorf("options: All yields %d options, want %d", i, len(w.Items))
	}
	if p := h.Options.Padding(); !bytes.Equal(p, w.Padding) {
		return fmt.Errorf("padding %x, want %x", p, w.Padding)
	}
	return checkAccessors(w, &h.Options)
}

// first returns the first item of kind k.
func (w *Walk) first(k header.Kind) *Item {
	for i := range w.Items {
		if w.Items[i].Kind == k {
			return &w.Items[i]
		}
	}
	return nil
}

// checkAccessors checks that the accessors of o return the first option of
// their kind, decoded by header.Option's own accessors.
func checkAccessors(w *Walk, o *header.Options) error {
	mss, ok := o.MSS()
	if it := w.first(header.KindMSS); (it != nil) != ok || ok && !eq(it.Option().MSS, mss) {
		return fmt.Errorf("MSS() = %d, %v", mss, ok)
	}
	ws, ok := o.WindowScale()
	if it := w.first(header.KindWindowScale); (it != nil) != ok || ok && !eq(it.Option().WindowScale, ws) {
		return fmt.Errorf("WindowScale() = %d, %v", ws, ok)
	}
	if (w.first(header.KindSACKPermitted) != nil) != o.SACKPermitted() {
		return fmt.Errorf("SACKPermitted() = %v", o.SACKPermitted())
	}
	ts, ok := o.Timestamps()
	if it := w.first(header.KindTimestamps); (it != nil) != ok || ok && !eq(it.Option().Timestamps, ts) {
		return fmt.Errorf("Timestamps() = %v, %v", ts, ok)
	}
	var buf, want [4]header.SACKBlock
	blocks, ok := o.SACK(buf[:0])
	if it := w.first(header.KindSACK); (it != nil) != ok {
		return fmt.Errorf("SACK() = %v, %v", blocks, ok)
	} else if ok {
		wb, _ := it.Option().SACK(want[:0])
		if len(wb) != len(blocks) || len(blocks) != (it.Len-2)/8 {
			return fmt.Errorf("SACK() = %v, want %v", blocks, wb)
		}
		for i := range wb {
			if wb[i] != blocks[i] || uint32(wb[i].Left) != binary.BigEndian.Uint32(it.Data[8*i:]) {
				return fmt.Errorf("SACK() = %v, want %v", blocks, wb)
			}
		}
	}
	for i := range w.Items {
		it := &w.Items[i]
		got, ok := o.Find(it.Kind)
		if f := w.first(it.Kind); !ok || got.Offset != f.Offset || !bytes.Equal(got.Data, f.Data) {
			return fmt.Errorf("Find(%d) = %v at %d, %v; want offset %d", it.Kind, got, got.Offset, ok, f.Offset)
		}
	}
	return nil
}

// eq reports whether the typed accessor f of an Option returns (v, true).
func eq[T comparable](f func() (T, bool), v T) bool {
	got, ok := f()
	return ok && got == v
}
