package checksum

import (
	"encoding/binary"
	"math/bits"
)

// ProtocolTCP is the IP protocol number of TCP (RFC 9293 §3.1), the value
// [PseudoHeader] takes as proto for a TCP segment.
const ProtocolTCP = 6

// Sum returns the 16-bit ones'-complement sum of b added to initial, folded
// to 16 bits and not complemented (RFC 1071 §4.1). b is read as big-endian
// 16-bit words; an odd trailing byte is padded with a zero byte on the right.
// Sum(b, 0) of an empty b is 0.
//
// A non-zero sum is never returned as 0x0000: ones'-complement zero has two
// forms, and the end-around carry always yields 0xffff for it.
func Sum(b []byte, initial uint16) uint16 {
	// The kernels add little-endian words; by RFC 1071 §2(B) the sum of
	// byte-swapped words is the byte-swapped sum, so initial goes in
	// swapped and the result comes out swapped back.
	acc := uint64(bits.ReverseBytes16(initial))
	if len(b) >= vectorMin {
		return bits.ReverseBytes16(Fold(add64(acc, sumWords(b))))
	}
	// Headers and pseudo-headers: short buffers, summed inline. Each step
	// starts a fresh carry chain and counts its carry out in cs, so that
	// no step waits for the carry of the one before.
	var c, cs uint64
	if len(b) >= 64 {
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b), 0)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[8:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[16:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[24:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[32:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[40:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[48:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[56:]), c)
		cs += c
		b = b[64:]
	}
	if len(b) >= 32 {
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b), 0)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[8:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[16:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[24:]), c)
		cs += c
		b = b[32:]
	}
	if len(b) >= 16 {
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b), 0)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[8:]), c)
		cs += c
		b = b[16:]
	}
	if len(b) >= 8 {
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b), 0)
		cs += c
		b = b[8:]
	}
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
	// w and cs are small: their sum does not carry out.
	acc, c = bits.Add64(acc, w+cs, 0)
	return bits.ReverseBytes16(Fold(acc + c))
}

// vectorMin is the length from which Sum calls the kernel of the machine
// (sumWords). Shorter buffers, headers and pseudo-headers above all, are
// summed inline: on amd64 the call and set-up of a vector kernel cost more
// than they save below it, and on WebAssembly a call costs as much as the
// carries of a few words.
const vectorMin = 96

// Checksum returns the Internet checksum of b: the ones'-complement of
// Sum(b, 0) (RFC 1071 §1).
func Checksum(b []byte) uint16 {
	return ^Sum(b, 0)
}

// Fold folds a wide accumulator of 16-bit words, added as plain integers,
// into their 16-bit ones'-complement sum (RFC 1071 §2(C): the carries out of
// bit 15 are added back in). Fold(0) is 0.
func Fold(acc uint64) uint16 {
	// Adding the value rotated by half its width adds the two halves in
	// the upper half, with the carry out of the lower half as the
	// end-around carry; it cannot carry twice.
	acc += bits.RotateLeft64(acc, 32)
	s := uint32(acc >> 32)
	s += bits.RotateLeft32(s, 16)
	return uint16(s >> 16)
}

// Combine adds the partial sum b into a, where b was computed over bytes that
// follow the aLen bytes summed into a. When aLen is odd, b's words straddle
// a's, so b is byte-swapped first (RFC 1071 §2(B)). A negative aLen is
// treated by its parity like any other.
func Combine(a, b uint16, aLen int) uint16 {
	if aLen&1 != 0 {
		b = bits.ReverseBytes16(b)
	}
	return add16(a, b)
}

// Update returns the new value of a checksum field after a 16-bit word it
// covers changed from old to new, without summing the data again (RFC 1624
// §3, eqn. 3: HC' = ~(~HC + ~m + m')).
func Update(check, old, new uint16) uint16 {
	acc := uint64(^check) + uint64(^old) + uint64(new)
	return ^Fold(acc)
}

// Update32 is [Update] for an aligned 32-bit field such as a sequence
// number: both of its 16-bit words are replaced at once.
func Update32(check uint16, old, new uint32) uint16 {
	acc := uint64(^check) +
		uint64(^uint16(old>>16)) + uint64(^uint16(old)) +
		uint64(new>>16) + uint64(new&0xffff)
	return ^Fold(acc)
}

// add16 is the ones'-complement sum of a and b.
func add16(a, b uint16) uint16 {
	s := uint32(a) + uint32(b)
	return uint16(s&0xffff + s>>16)
}
