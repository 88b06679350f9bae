package checksum

import (
	"encoding/binary"
	"math/bits"
)

// sumGeneric is the portable kernel: it returns an accumulator whose [Fold]
// is the ones'-complement sum of b read as little-endian 16-bit words, an
// odd trailing byte taken as the low byte of a last word.
//
// Four independent carry chains add 32 bytes per iteration; each chain's
// carry stays in a variable, so the chains do not wait for each other.
func sumGeneric(b []byte) uint64 {
	var a0, a1, a2, a3, c0, c1, c2, c3 uint64
	for len(b) >= 32 {
		a0, c0 = bits.Add64(a0, binary.LittleEndian.Uint64(b[0:]), c0)
		a1, c1 = bits.Add64(a1, binary.LittleEndian.Uint64(b[8:]), c1)
		a2, c2 = bits.Add64(a2, binary.LittleEndian.Uint64(b[16:]), c2)
		a3, c3 = bits.Add64(a3, binary.LittleEndian.Uint64(b[24:]), c3)
		b = b[32:]
	}
	// Merge the chains and their pending carries, each worth 2^64 ≡ 1.
	var c uint64
	a0, c = bits.Add64(a0, a1, 0)
	a0, c = bits.Add64(a0, a2, c)
	a0, c = bits.Add64(a0, a3, c)
	a0, c = bits.Add64(a0, c0+c1+c2+c3, c)
	return sumTail(b, a0, c)
}

// sumTail adds the fewer than 64 bytes of b, and carry (0 or 1), into acc
// with end-around carries. It is also the fast path for headers and
// pseudo-headers.
func sumTail(b []byte, acc, carry uint64) uint64 {
	if len(b) >= 32 {
		acc, carry = bits.Add64(acc, binary.LittleEndian.Uint64(b), carry)
		acc, carry = bits.Add64(acc, binary.LittleEndian.Uint64(b[8:]), carry)
		acc, carry = bits.Add64(acc, binary.LittleEndian.Uint64(b[16:]), carry)
		acc, carry = bits.Add64(acc, binary.LittleEndian.Uint64(b[24:]), carry)
		b = b[32:]
	}
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
