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

func indexOf(k Kind) int {
	switch k {
	case KindMSS:
		return idxMSS
	case KindWindowScale:
		return idxWindowScale
	case KindSACKPermitted:
		return idxSACKPermitted
	case KindSACK:
		return idxSACK
	case KindTimestamps:
		return idxTimestamps
	}
	return -1
}

// index records an option of kind k at offset at of buf.
func (o *Options) index(k Kind, at int) {
	if o.ended {
		return
	}
	if k == KindEnd {
		o.ended = true
	}
	if i := indexOf(k); i >= 0 && o.at[i] == 0 {
		o.at[i] = uint8(at + 1)
	}
}

// Len returns the length of the option area in bytes, padding included.
func (o *Options) Len() int { return int(o.n) }

// Bytes returns the option area. The slice aliases o.
func (o *Options) Bytes() []byte { return o.buf[:o.n] }

// Equal reports whether o and p hold the same option bytes.
func (o Options) Equal(p Options) bool { return bytes.Equal(o.buf[:o.n], p.buf[:p.n]) }

// Reset empties o.
func (o *Options) Reset() { o.n, o.at, o.ended = 0, [numIndexed]uint8{}, false }

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
	if i := indexOf(k); i >= 0 {
		return o.indexed(i)
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

// Add appends an option of kind k with the given data (the bytes after the
// length byte) and reports ErrOptionSpace when it does not fit in the 40-byte
// area, or ErrOptionSize or ErrSACKBlocks when the data's length is not one
// the kind allows. For End of Option List and No-Operation data must be
// empty. The error refers to o and stays valid until o is used again.
func (o *Options) Add(k Kind, data []byte) error {
	at := int(o.n)
	l := 2 + len(data)
	if k == KindEnd || k == KindNOP {
		l = 1
		if len(data) != 0 {
			return o.fail(ErrOptionSize, MinLen+at, k, 2+len(data), 1)
		}
	}
	if k == KindSACK && l >= 2 && (l-2)%sackBlockLen == 0 {
		if n := (l - 2) / sackBlockLen; n < 1 || n > maxSACKBlocks {
			return o.fail(ErrSACKBlocks, MinLen+at, k, n, maxSACKBlocks)
		}
	}
	if l > 255 || !k.validLength(l) {
		return o.fail(ErrOptionSize, MinLen+at, k, l, int(kinds[k].min))
	}
	if at+l > MaxOptionsLen {
		return o.fail(ErrOptionSpace, MinLen+at, k, at+l, MaxOptionsLen)
	}
	o.buf[at] = byte(k)
	if l > 1 {
		o.buf[at+1] = byte(l)
		copy(o.buf[at+2:], data)
	}
	o.n += uint8(l)
	o.index(k, at)
	return nil
}

// AddNOP appends a No-Operation option.
func (o *Options) AddNOP() error { return o.Add(KindNOP, nil) }

// AddEnd appends End of Option List.
func (o *Options) AddEnd() error { return o.Add(KindEnd, nil) }

// AddMSS appends a Maximum Segment Size option (RFC 9293 §3.7.1).
func (o *Options) AddMSS(mss uint16) error {
	var d [2]byte
	binary.BigEndian.PutUint16(d[:], mss)
	return o.Add(KindMSS, d[:])
}

// AddWindowScale appends a Window Scale option with the given shift count
// (RFC 7323 §2). A shift above 14 is refused with ErrWindowScale.
func (o *Options) AddWindowScale(shift uint8) error {
	if shift > maxWindowShift {
		return o.fail(ErrWindowScale, MinLen+int(o.n), KindWindowScale, int(shift), maxWindowShift)
	}
	return o.Add(KindWindowScale, []byte{shift})
}

// AddSACKPermitted appends a SACK-Permitted option (RFC 2018 §2).
func (o *Options) AddSACKPermitted() error { return o.Add(KindSACKPermitted, nil) }

// AddTimestamps appends a Timestamps option (RFC 7323 §3).
func (o *Options) AddTimestamps(ts Timestamps) error {
	var d [8]byte
	binary.BigEndian.PutUint32(d[:], ts.Value)
	binary.BigEndian.PutUint32(d[4:], ts.Echo)
	return o.Add(KindTimestamps, d[:])
}

// AddSACK appends a SACK option with 1 to 4 blocks (RFC 2018 §3).
func (o *Options) AddSACK(blocks ...SACKBlock) error {
	if len(blocks) < 1 || len(blocks) > maxSACKBlocks {
		return o.fail(ErrSACKBlocks, MinLen+int(o.n), KindSACK, len(blocks), maxSACKBlocks)
	}
	var d [maxSACKBlocks * sackBlockLen]byte
	for i, blk := range blocks {
		binary.BigEndian.PutUint32(d[i*sackBlockLen:], uint32(blk.Left))
		binary.BigEndian.PutUint32(d[i*sackBlockLen+4:], uint32(blk.Right))
	}
	return o.Add(KindSACK, d[:len(blocks)*sackBlockLen])
}

// AddFastOpen appends a TCP Fast Open option (RFC 7413 §4.1.1): an empty
// cookie requests one; a cookie is 4 to 16 bytes of even length.
func (o *Options) AddFastOpen(cookie []byte) error { return o.Add(KindFastOpen, cookie) }

// maxWindowShift is the largest Window Scale shift (RFC 7323 §2.3).
const maxWindowShift = 14
