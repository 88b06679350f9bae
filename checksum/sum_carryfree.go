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
// of its two accumulators takes at most carryFreeChunk/8 halves below 2^32,
// so their sum stays below 2^60.
const carryFreeChunk = 1 << 30

// sumCarryFreeChunk sums at most carryFreeChunk bytes. It loads 64-bit
// words and adds their low and high 32-bit halves into separate
// accumulators, four words per iteration: fewer WebAssembly instructions
// per byte than 32-bit loads, and no carry to propagate.
func sumCarryFreeChunk(b []byte) uint64 {
	const low = 0xffffffff
	var lo, hi uint64
	for len(b) >= 32 {
		w := b[:32]
		w0 := binary.LittleEndian.Uint64(w[0:])
		w1 := binary.LittleEndian.Uint64(w[8:])
		w2 := binary.LittleEndian.Uint64(w[16:])
		w3 := binary.LittleEndian.Uint64(w[24:])
		lo += w0&low + w1&low + w2&low + w3&low
		hi += w0>>32 + w1>>32 + w2>>32 + w3>>32
		b = b[32:]
	}
	for len(b) >= 4 {
		lo += uint64(binary.LittleEndian.Uint32(b))
		b = b[4:]
	}
	if len(b) >= 2 {
		hi += uint64(binary.LittleEndian.Uint16(b))
		b = b[2:]
	}
	if len(b) == 1 {
		hi += uint64(b[0])
	}
	return lo + hi
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
