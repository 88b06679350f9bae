package checksum

import "math/bits"

// Size is the size of an Internet checksum in bytes.
const Size = 2

// Digest computes an Internet checksum incrementally. Write accepts pieces
// of any length, odd ones included: a piece that starts at an odd offset is
// added byte-swapped (RFC 1071 §2(B)), so the result equals that of one
// [Sum] over all the bytes written. The zero value is ready to use.
//
// Digest implements [hash.Hash]; its Sum appends the checksum in network
// byte order, as it would appear in a header.
type Digest struct {
	sum uint16 // uncomplemented sum of the bytes written
	odd bool   // an odd number of bytes has been written
}

// New returns a new Digest.
func New() *Digest { return new(Digest) }

// Write adds p to the sum. It never fails.
func (d *Digest) Write(p []byte) (int, error) {
	s := Sum(p, 0)
	if d.odd {
		s = bits.ReverseBytes16(s)
	}
	d.sum = add16(d.sum, s)
	d.odd = d.odd != (len(p)&1 != 0)
	return len(p), nil
}

// Sum16 returns the Internet checksum of the bytes written: the complement
// of [Digest.Partial].
func (d *Digest) Sum16() uint16 { return ^d.sum }

// Partial returns the uncomplemented ones'-complement sum of the bytes
// written, as [Sum] with initial value 0 would.
func (d *Digest) Partial() uint16 { return d.sum }

// Sum appends the checksum of the bytes written to b, big-endian, and
// returns the result. It does not change the state.
func (d *Digest) Sum(b []byte) []byte {
	c := d.Sum16()
	return append(b, byte(c>>8), byte(c))
}

// Reset returns d to its zero state.
func (d *Digest) Reset() { *d = Digest{} }

// Size returns 2, the number of bytes Sum appends.
func (d *Digest) Size() int { return Size }

// BlockSize returns 2, the 16-bit word the checksum adds: writes of any
// length are exact, and writes of even length avoid a byte swap.
func (d *Digest) BlockSize() int { return 2 }
