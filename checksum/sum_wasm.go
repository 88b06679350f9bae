//go:build wasm

package checksum

// sumWords is the single dispatch point: see [sumGeneric] for what it
// returns. WebAssembly has no carry flag, so the carry-free kernel is used.
func sumWords(b []byte) uint64 {
	return sumCarryFree(b)
}
