package checksum

import "encoding/binary"

// sumCarryFree is the kernel for machines without a carry flag, such as
// WebAssembly: 32-bit words added into 64-bit accumulators never carry out
// within a chunk, and are folded at the end. It returns what [sumGeneric]
// returns, up to [Fold].
func sumCarryFree(b []byte) uint64 {
	var acc uint64
	for len(b) >= carryFreeChunk {
		acc = add64(acc, sumCarryFreeChunk(b[:carryFreeChunk]))
		b = b[carryFreeChunk:]
	}
	return add64(acc, sumCarryFreeChunk(b))
}

// carryFreeChunk bounds the bytes one call of sumCarryFreeChunk adds: each
// of its four accumulators takes at most carryFreeChunk/16 words below
// 2^32, and their sum stays below 2^64.
const carryFreeChunk = 1 << 30

// sumCarryFreeChunk sums at most carryFreeChunk bytes.
func sumCarryFreeChunk(b []byte) uint64 {
	var a0, a1, a2, a3 uint64
	for len(b) >= 16 {
		a0 += uint64(binary.LittleEndian.Uint32(b[0:]))
		a1 += uint64(binary.LittleEndian.Uint32(b[4:]))
		a2 += uint64(binary.LittleEndian.Uint32(b[8:]))
		a3 += uint64(binary.LittleEndian.Uint32(b[12:]))
		b = b[16:]
	}
	if len(b) >= 8 {
		a0 += uint64(binary.LittleEndian.Uint32(b[0:]))
		a1 += uint64(binary.LittleEndian.Uint32(b[4:]))
		b = b[8:]
	}
	if len(b) >= 4 {
		a2 += uint64(binary.LittleEndian.Uint32(b))
		b = b[4:]
	}
	if len(b) >= 2 {
		a3 += uint64(binary.LittleEndian.Uint16(b))
		b = b[2:]
	}
	if len(b) == 1 {
		a3 += uint64(b[0])
	}
	return a0 + a1 + a2 + a3
}

// add64 adds two accumulators with an end-around carry, keeping their
// ones'-complement sum.
func add64(a, b uint64) uint64 {
	s := a + b
	if s < a {
		s++ // 2^64 ≡ 1 (mod 0xffff); s is below a, so no second wrap
	}
	return s
}
