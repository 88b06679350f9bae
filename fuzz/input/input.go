// Package input reads the values a fuzz target draws from its input: bytes
// and big-endian integers, and zeros once the input runs out, so that
// every input, however short, describes a whole case.
package input

// Reader hands out the bytes of a fuzz input.
type Reader struct{ b []byte }

// New returns a Reader of b.
func New(b []byte) *Reader { return &Reader{b: b} }

// Len returns the number of bytes not yet read.
func (r *Reader) Len() int { return len(r.b) }

// Byte returns the next byte, or 0.
func (r *Reader) Byte() byte {
	if len(r.b) == 0 {
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// U16 returns the next two bytes as a big-endian number.
func (r *Reader) U16() uint16 { return uint16(r.Byte())<<8 | uint16(r.Byte()) }

// U32 returns the next four bytes as a big-endian number.
func (r *Reader) U32() uint32 { return uint32(r.U16())<<16 | uint32(r.U16()) }

// Bytes returns the next n bytes, or as many as are left. The slice
// aliases the input.
func (r *Reader) Bytes(n int) []byte {
	n = min(n, len(r.b))
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}
