package checksum

import (
	"encoding/binary"
	"math/bits"
)

// sumWords returns an accumulator whose [Fold] is the ones'-complement sum of
// b read as little-endian 16-bit words, an odd trailing byte taken as the low
// byte of a last word.
func sumWords(b []byte) uint64 {
	var acc, carry uint64
	for len(b) >= 8 {
		acc, carry = bits.Add64(acc, binary.LittleEndian.Uint64(b), carry)
		b = b[8:]
	}
	var tail uint64
	if len(b) >= 4 {
		tail = uint64(binary.LittleEndian.Uint32(b))
		b = b[4:]
	}
	if len(b) >= 2 {
		tail += uint64(binary.LittleEndian.Uint16(b))
		b = b[2:]
	}
	if len(b) == 1 {
		tail += uint64(b[0])
	}
	acc, carry = bits.Add64(acc, tail, carry)
	return acc + carry // cannot wrap: a carry out leaves acc at most 2^64-2
}
