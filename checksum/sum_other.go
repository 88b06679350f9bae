//go:build (!amd64 || purego) && !wasm

package checksum

// vectorMin is the length from which Sum calls the kernel.
const vectorMin = 96

// sumWords is the single dispatch point: see [sumGeneric] for what it
// returns.
func sumWords(b []byte) uint64 {
	return sumGeneric(b)
}
