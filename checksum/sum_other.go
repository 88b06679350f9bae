//go:build (!amd64 || purego) && !wasm

package checksum

// sumWords is the single dispatch point: see [sumGeneric] for what it
// returns.
func sumWords(b []byte) uint64 {
	return sumGeneric(b)
}
