//go:build wasm

package checksum

// vectorMin is the length from which Sum calls the kernel.
const vectorMin = 96

// sumWords is the single dispatch point: see [sumGeneric] for what it
// returns. WebAssembly has no carry flag, so the carry-free kernel is used.
func sumWords(b []byte) uint64 {
	return sumCarryFree(b)
}
