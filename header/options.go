package header

import (
	"bytes"
	"encoding/binary"
	"iter"
)

const (
	// MaxOptionsLen is the size of the option area: 40 bytes, since the data
	// offset counts at most 15 words (RFC 9293 §3.1).
	MaxOptionsLen = 40
	// MinLen is the length of a header without options.
	MinLen = 20
	// MaxLen is the length of a header with a full option area.
	MaxLen = MinLen + MaxOptionsLen

	sackBlockLen  = 8
	maxSACKBlocks = 4
)

// Options is a TCP option area: up to 40 bytes, kept exactly as received or
// built, padding included, so that a decoded header encodes back to the
// same bytes. It is a value: copying it copies the bytes.
//
// The zero value is an empty option area. The Add methods build one in wire
// order; the accessors (MSS, WindowScale, …) return the first option of
// their kind in constant time. Compare Options with Equal.
type Options struct {
	// buf holds the option area in its first n bytes; the rest is zero,
	// so that it pads the area when encoded.
	buf [MaxOptionsLen]byte
	n   uint8
	// at holds, for each common kind, 1 + the offset of its first option in
	// buf, or 0 when it is absent.
	at [numIndexed]uint8
	// ended records that End of Option List is in buf: what follows it is
	// padding, never indexed.
	ended bool
	// err holds the last error returned by a method of Options or Header
	// that owns it, so that returning an error never allocates.
	err Error
}

// The kinds whose first occurrence Options indexes.
const (
	idxMSS = iota
	idxWindowScale
	idxSACKPermitted
	idxSACK
	idxTimestamps
	numIndexed
)

// indexOf maps a kind to 1 + its slot in Options.at, or 0.
var indexOf = [256]uint8{
	KindMSS:           1 + idxMSS,
	KindWindowScale:   1 + idxWindowScale,
	KindSACKPermitted: 1 + idxSACKPermitted,
	KindSACK:          1 + idxSACK,
	KindTimestamps:    1 + idxTimestamps,
}

// Len returns the length of the option area in bytes, padding included.
func (o *Options) Len() int { return int(o.n) }

// Bytes returns the option area. The slice aliases o.
func (o *Options) Bytes() []byte { return o.buf[:o.n] }

// Equal reports whether o and p hold the same option bytes.
func (o Options) Equal(p Options) bool { return bytes.Equal(o.buf[:o.n], p.buf[:p.n]) }

// SetBytes replaces o with a copy of the option area b, checked by the
// rules Decode applies (the package documentation lists them); offsets in
// errors count from the start of the header, as if b followed a 20-byte
// fixed header. On error o is empty. The error refers to o.
func (o *Options) SetBytes(b []byte) error {
	o.Reset()
	if len(b) > MaxOptionsLen {
		return o.fail(ErrOptionSpace, MinLen, 0, len(b), MaxOptionsLen)
	}
	n := uint8(copy(o.buf[:], b))
	o.n = n
	if err := o.parse(); err != nil {
		if o.n != n { // an error, not the warning: parse cut the area
			o.Reset()
		}
		return err
	}
	return nil
}

// Reset empties o.
func (o *Options) Reset() {
	o.buf, o.n, o.at, o.ended = [MaxOptionsLen]byte{}, 0, [numIndexed]uint8{}, false
}

// All returns the options in wire order. End of Option List is yielded once,
// and what follows it is padding, not options (see Padding). Data slices
// alias o.
func (o *Options) All() iter.Seq[Option] {
	return func(yield func(Option) bool) {
		b := o.buf[:o.n]
		for i := 0; i < len(b); {
			opt := Option{Kind: Kind(b[i]), Offset: MinLen + i}
			l := 1
			if opt.Kind != KindEnd && opt.Kind != KindNOP {
				l = int(b[i+1])
				opt.Data = b[i+2 : i+l]
			}
			if !yield(opt) || opt.Kind == KindEnd {
				return
			}
			i += l
		}
	}
}

// Padding returns the bytes after End of Option List, which RFC 9293 §3.2
// says should be zero; they are kept as received. The slice aliases o.
func (o *Options) Padding() []byte {
	for opt := range o.All() {
		if opt.Kind == KindEnd {
			return o.buf[opt.Offset-MinLen+1 : o.n]
		}
	}
	return nil
}

// Find returns the first option of kind k.
func (o *Options) Find(k Kind) (Option, bool) {
	if x := indexOf[k]; x != 0 {
		return o.indexed(int(x - 1))
	}
	for opt := range o.All() {
		if opt.Kind == k {
			return opt, true
		}
	}
	return Option{}, false
}

func (o *Options) indexed(i int) (Option, bool) {
	at := int(o.at[i])
	if at == 0 {
		return Option{}, false
	}
	at--
	return Option{Kind: Kind(o.buf[at]), Offset: MinLen + at, Data: o.buf[at+2 : at+int(o.buf[at+1])]}, true
}

// MSS returns the Maximum Segment Size option's value (RFC 9293 §3.7.1).
func (o *Options) MSS() (uint16, bool) {
	if at := int(o.at[idxMSS]); at != 0 {
		return binary.BigEndian.Uint16(o.buf[at+1:]), true
	}
	return 0, false
}

// WindowScale returns the Window Scale option's shift, as sent (RFC 7323 §2).
func (o *Options) WindowScale() (uint8, bool) {
	if at := int(o.at[idxWindowScale]); at != 0 {
		return o.buf[at+1], true
	}
	return 0, false
}

// SACKPermitted reports whether the SACK-Permitted option is present
// (RFC 2018 §2).
func (o *Options) SACKPermitted() bool { return o.at[idxSACKPermitted] != 0 }

// Timestamps returns the Timestamps option's values (RFC 7323 §3).
func (o *Options) Timestamps() (Timestamps, bool) {
	if at := int(o.at[idxTimestamps]); at != 0 {
		return Timestamps{binary.BigEndian.Uint32(o.buf[at+1:]), binary.BigEndian.Uint32(o.buf[at+5:])}, true
	}
	return Timestamps{}, false
}

// SACK appends the blocks of the first SACK option to dst (RFC 2018 §3);
// with a [4]SACKBlock array as dst it does not allocate.
func (o *Options) SACK(dst []SACKBlock) ([]SACKBlock, bool) {
	opt, ok := o.indexed(idxSACK)
	if !ok {
		return dst, false
	}
	return opt.SACK(dst)
}

// AppendText appends the options the way tcpdump prints them:
// "mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7".
func (o *Options) AppendText(b []byte) ([]byte, error) {
	first := true
	for opt := range o.All() {
		if !first {
			b = append(b, ',')
		}
		first = false
		b, _ = opt.AppendText(b)
	}
	return b, nil
}

// String returns the options in the form AppendText gives.
func (o Options) String() string {
	b, _ := o.AppendText(nil)
	return string(b)
}

// fail records an error in o and returns it.
func (o *Options) fail(kind error, offset int, opt Kind, value, limit int) error {
	o.err = Error{Kind: kind, Offset: offset, Option: opt, Value: value, Limit: limit}
	return &o.err
}

// reserve makes room for an option of kind k, l bytes long, at the end of
// the area, writes its kind byte and returns it; the caller writes the
// length byte. It returns nil when the option does not fit. It is small
// enough to inline.
func (o *Options) reserve(k Kind, l int) []byte {
	at := int(o.n)
	if at+l > MaxOptionsLen {
		return nil
	}
	o.n = uint8(at + l)
	if x := indexOf[k]; x != 0 && o.at[x-1] == 0 && !o.ended {
		o.at[x-1] = uint8(at + 1)
	}
	b := o.buf[at : at+l]
	b[0] = byte(k)
	return b
}

// noSpace reports that an option of kind k, l bytes long, does not fit.
func (o *Options) noSpace(k Kind, l int) error {
	return o.fail(ErrOptionSpace, MinLen+int(o.n), k, int(o.n)+l, MaxOptionsLen)
}

// Add appends an option of kind k with the given data (the bytes after the
// length byte) and reports ErrOptionSpace when it does not fit in the 40-byte
// area, or ErrOptionSize or ErrSACKBlocks when the data's length is not one
// the kind allows. For End of Option List and No-Operation data must be
// empty. The error refers to o and stays valid until o is used again.
func (o *Options) Add(k Kind, data []byte) error {
	l := 2 + len(data)
	if k <= KindNOP {
		l = 1
		if len(data) != 0 {
			return o.fail(ErrOptionSize, MinLen+int(o.n), k, 2+len(data), 1)
		}
	}
	if k == KindSACK && (l-2)%sackBlockLen == 0 {
		if n := (l - 2) / sackBlockLen; n < 1 || n > maxSACKBlocks {
			return o.fail(ErrSACKBlocks, MinLen+int(o.n), k, n, maxSACKBlocks)
		}
	}
	if l > 255 || !k.validLength(l) {
		return o.fail(ErrOptionSize, MinLen+int(o.n), k, l, k.minLength())
	}
	b := o.reserve(k, l)
	if b == nil {
		return o.noSpace(k, l)
	}
	o.ended = o.ended || k == KindEnd
	if l > 1 {
		b[1] = byte(l)
		copy(b[2:], data)
	}
	return nil
}

// AddNOP appends a No-Operation option.
func (o *Options) AddNOP() error {
	if o.reserve(KindNOP, 1) == nil {
		return o.noSpace(KindNOP, 1)
	}
	return nil
}

// AddEnd appends End of Option List. What is added after it is padding.
func (o *Options) AddEnd() error {
	if o.reserve(KindEnd, 1) == nil {
		return o.noSpace(KindEnd, 1)
	}
	o.ended = true
	return nil
}

// AddMSS appends a Maximum Segment Size option (RFC 9293 §3.7.1).
func (o *Options) AddMSS(mss uint16) error {
	b := o.reserve(KindMSS, 4)
	if b == nil {
		return o.noSpace(KindMSS, 4)
	}
	binary.BigEndian.PutUint32(b, uint32(KindMSS)<<24|4<<16|uint32(mss))
	return nil
}

// AddWindowScale appends a Window Scale option with the given shift count
// (RFC 7323 §2). A shift above 14 is refused with ErrWindowScale.
func (o *Options) AddWindowScale(shift uint8) error {
	if shift > maxWindowShift {
		return o.fail(ErrWindowScale, MinLen+int(o.n), KindWindowScale, int(shift), maxWindowShift)
	}
	b := o.reserve(KindWindowScale, 3)
	if b == nil {
		return o.noSpace(KindWindowScale, 3)
	}
	b[1], b[2] = 3, shift
	return nil
}

// AddSACKPermitted appends a SACK-Permitted option (RFC 2018 §2).
func (o *Options) AddSACKPermitted() error {
	b := o.reserve(KindSACKPermitted, 2)
	if b == nil {
		return o.noSpace(KindSACKPermitted, 2)
	}
	b[1] = 2
	return nil
}

// AddTimestamps appends a Timestamps option (RFC 7323 §3).
func (o *Options) AddTimestamps(ts Timestamps) error {
	b := o.reserve(KindTimestamps, 10)
	if b == nil {
		return o.noSpace(KindTimestamps, 10)
	}
	b[1] = 10
	binary.BigEndian.PutUint32(b[2:], ts.Value)
	binary.BigEndian.PutUint32(b[6:], ts.Echo)
	return nil
}

// AddSACK appends a SACK option with 1 to 4 blocks (RFC 2018 §3).
func (o *Options) AddSACK(blocks ...SACKBlock) error {
	if len(blocks) < 1 || len(blocks) > maxSACKBlocks {
		return o.fail(ErrSACKBlocks, MinLen+int(o.n), KindSACK, len(blocks), maxSACKBlocks)
	}
	l := 2 + len(blocks)*sackBlockLen
	b := o.reserve(KindSACK, l)
	if b == nil {
		return o.noSpace(KindSACK, l)
	}
	b[1] = byte(l)
	for i, blk := range blocks {
		binary.BigEndian.PutUint32(b[2+i*sackBlockLen:], uint32(blk.Left))
		binary.BigEndian.PutUint32(b[6+i*sackBlockLen:], uint32(blk.Right))
	}
	return nil
}

// AddFastOpen appends a TCP Fast Open option (RFC 7413 §4.1.1): an empty
// cookie requests one; a cookie is 4 to 16 bytes of even length.
func (o *Options) AddFastOpen(cookie []byte) error { return o.Add(KindFastOpen, cookie) }

// maxWindowShift is the largest Window Scale shift (RFC 7323 §2.3).
const maxWindowShift = 14
