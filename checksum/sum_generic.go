package checksum

import (
	"encoding/binary"
	"math/bits"
)

// sumGeneric is the portable kernel: it returns an accumulator whose [Fold]
// is the ones'-complement sum of b read as little-endian 16-bit words, an
// odd trailing byte taken as the low byte of a last word.
//
// Two independent carry chains add 128 bytes per iteration, eight words
// each. A chain's carry flag can be kept between consecutive additions;
// between the chains it is saved in c0 or c1, once per eight words, so the
// two chains overlap instead of waiting on one flag.
func sumGeneric(b []byte) uint64 {
	var a0, a1, c0, c1 uint64
	for len(b) >= 128 {
		w := b[:128]
		a0, c0 = bits.Add64(a0, binary.LittleEndian.Uint64(w[0:]), c0)
		a0, c0 = bits.Add64(a0, binary.LittleEndian.Uint64(w[8:]), c0)
		a0, c0 = bits.Add64(a0, binary.LittleEndian.Uint64(w[16:]), c0)
		a0, c0 = bits.Add64(a0, binary.LittleEndian.Uint64(w[24:]), c0)
		a0, c0 = bits.Add64(a0, binary.LittleEndian.Uint64(w[32:]), c0)
		a0, c0 = bits.Add64(a0, binary.LittleEndian.Uint64(w[40:]), c0)
		a0, c0 = bits.Add64(a0, binary.LittleEndian.Uint64(w[48:]), c0)
		a0, c0 = bits.Add64(a0, binary.LittleEndian.Uint64(w[56:]), c0)
		a1, c1 = bits.Add64(a1, binary.LittleEndian.Uint64(w[64:]), c1)
		a1, c1 = bits.Add64(a1, binary.LittleEndian.Uint64(w[72:]), c1)
		a1, c1 = bits.Add64(a1, binary.LittleEndian.Uint64(w[80:]), c1)
		a1, c1 = bits.Add64(a1, binary.LittleEndian.Uint64(w[88:]), c1)
		a1, c1 = bits.Add64(a1, binary.LittleEndian.Uint64(w[96:]), c1)
		a1, c1 = bits.Add64(a1, binary.LittleEndian.Uint64(w[104:]), c1)
		a1, c1 = bits.Add64(a1, binary.LittleEndian.Uint64(w[112:]), c1)
		a1, c1 = bits.Add64(a1, binary.LittleEndian.Uint64(w[120:]), c1)
		b = b[128:]
	}
	// Merge the chains and their pending carries, each worth 2^64 ≡ 1.
	var c uint64
	a0, c = bits.Add64(a0, a1, 0)
	a0, c = bits.Add64(a0, c0+c1, c)
	for len(b) >= 32 {
		a0, c = bits.Add64(a0, binary.LittleEndian.Uint64(b), c)
		a0, c = bits.Add64(a0, binary.LittleEndian.Uint64(b[8:]), c)
		a0, c = bits.Add64(a0, binary.LittleEndian.Uint64(b[16:]), c)
		a0, c = bits.Add64(a0, binary.LittleEndian.Uint64(b[24:]), c)
		b = b[32:]
	}
	return sumTail(b, a0, c)
}

// sumTail adds the fewer than 32 bytes of b, and carry (0 or 1), into acc
// with end-around carries.
func sumTail(b []byte, acc, carry uint64) uint64 {
	if len(b) >= 16 {
		acc, carry = bits.Add64(acc, binary.LittleEndian.Uint64(b), carry)
		acc, carry = bits.Add64(acc, binary.LittleEndian.Uint64(b[8:]), carry)
		b = b[16:]
	}
	if len(b) >= 8 {
		acc, carry = bits.Add64(acc, binary.LittleEndian.Uint64(b), carry)
		b = b[8:]
	}
	// The last 0–7 bytes fit in one word with room to spare.
	var w uint64
	if len(b) >= 4 {
		w = uint64(binary.LittleEndian.Uint32(b))
		b = b[4:]
	}
	if len(b) >= 2 {
		w += uint64(binary.LittleEndian.Uint16(b))
		b = b[2:]
	}
	if len(b) == 1 {
		w += uint64(b[0])
	}
	acc, carry = bits.Add64(acc, w, carry)
	return acc + carry // cannot wrap: a carry out leaves acc below w+carry
}
