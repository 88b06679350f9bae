package checksum

import "math/bits"

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
	// byte-swapped words is the byte-swapped sum.
	s := bits.ReverseBytes16(Fold(sumWords(b)))
	return add16(s, initial)
}

// Checksum returns the Internet checksum of b: the ones'-complement of
// Sum(b, 0) (RFC 1071 §1).
func Checksum(b []byte) uint16 {
	return ^Sum(b, 0)
}

// Fold folds a wide accumulator of 16-bit words, added as plain integers,
// into their 16-bit ones'-complement sum (RFC 1071 §2(C): the carries out of
// bit 15 are added back in). Fold(0) is 0.
func Fold(acc uint64) uint16 {
	acc = acc>>32 + acc&0xffffffff // at most 2^33-2
	acc = acc>>32 + acc&0xffffffff // at most 2^32-1
	acc = acc>>16 + acc&0xffff     // at most 0x1fffe
	acc = acc>>16 + acc&0xffff     // at most 0xffff
	return uint16(acc)
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
