package checksum

import "testing"

// FuzzSum checks Sum, a Digest fed in two pieces, and every kernel the
// machine runs against the reference. The seed corpus is in
// testdata/fuzz/FuzzSum.
func FuzzSum(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte, initial uint16, split uint) {
		want := refSum(b, initial)
		if got := Sum(b, initial); got != want {
			t.Fatalf("Sum: got %#04x, want %#04x", got, want)
		}
		k := int(split % uint(len(b)+1))
		d := Digest{}
		d.Write(b[:k])
		d.Write(b[k:])
		if got := Combine(initial, d.Partial(), 0); got != want {
			t.Fatalf("Digest split at %d: got %#04x, want %#04x", k, got, want)
		}
		for _, kc := range kernels() {
			if !kc.supported {
				continue
			}
			if got := kernelSum(kc.sum, b, initial); got != want {
				t.Fatalf("%s: got %#04x, want %#04x", kc.name, got, want)
			}
		}
	})
}
