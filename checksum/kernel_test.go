package checksum

import (
	"math/bits"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// kernelCase is one implementation of sumWords, with whether the running
// machine can execute it.
type kernelCase struct {
	name      string
	sum       func([]byte) uint64
	supported bool
}

// kernels lists every implementation: the portable ones here, and those of
// the architecture (archKernels, in a file per architecture).
func kernels() []kernelCase {
	return append([]kernelCase{
		{"dispatch", sumWords, true},
		{"generic", sumGeneric, true},
		{"carryfree", sumCarryFree, true},
	}, archKernels...)
}

// kernelSum is what Sum computes with the given kernel.
func kernelSum(k func([]byte) uint64, b []byte, initial uint16) uint16 {
	return add16(bits.ReverseBytes16(Fold(k(b))), initial)
}

// TestKernelsExhaustive checks every kernel against the reference for every
// length 0..4096 at every alignment 0..63, with random initial values.
func TestKernelsExhaustive(t *testing.T) {
	const maxLen, maxAlign = 4096, 63
	r := rand.New(rand.NewPCG(9, 10))
	buf := make([]byte, maxLen+maxAlign)
	for i := range buf {
		buf[i] = byte(r.Uint32())
	}
	lens, aligns := maxLen, maxAlign
	if testing.Short() {
		lens, aligns = 600, 7
	}
	for _, k := range kernels() {
		t.Run(k.name, func(t *testing.T) {
			if !k.supported {
				t.Skip("the CPU lacks the features of this kernel")
			}
			for n := 0; n <= lens; n++ {
				for a := 0; a <= aligns; a++ {
					b := buf[a : a+n]
					initial := uint16(r.Uint32())
					if got, want := kernelSum(k.sum, b, initial), refSum(b, initial); got != want {
						t.Fatalf("len %d align %d initial %#04x: got %#04x, want %#04x", n, a, initial, got, want)
					}
				}
			}
		})
	}
}

// TestKernelsLarge checks large buffers: random bytes, and all 0xff, the
// worst case for carries, at sizes around the kernels' chunk bounds and up
// to 64 MiB.
func TestKernelsLarge(t *testing.T) {
	sizes := []int{1 << 16, 1<<18 + 33, 1<<20 - 1, 1<<21 + 7, 64 << 20}
	if testing.Short() {
		sizes = sizes[:3]
	}
	big := make([]byte, sizes[len(sizes)-1]+1)
	r := rand.New(rand.NewPCG(11, 12))
	for i := range big {
		big[i] = byte(r.Uint32())
	}
	ones := make([]byte, len(big))
	for i := range ones {
		ones[i] = 0xff
	}
	zeros := make([]byte, len(big))
	for _, k := range kernels() {
		t.Run(k.name, func(t *testing.T) {
			if !k.supported {
				t.Skip("the CPU lacks the features of this kernel")
			}
			for _, n := range sizes {
				for _, a := range []int{0, 1} {
					b := big[a : a+n]
					require.Equal(t, refSum(b, 0), kernelSum(k.sum, b, 0), "random, len %d align %d", n, a)
					b = ones[a : a+n]
					// Every word is 0xffff, ones'-complement zero, but an odd
					// length leaves a last word of 0xff00.
					want := uint16(0xffff)
					if n%2 == 1 {
						want = 0xff00
					}
					require.Equal(t, want, kernelSum(k.sum, b, 0), "all 0xff, len %d align %d", n, a)
					require.Equal(t, refSum(b, 0xffff), kernelSum(k.sum, b, 0xffff), "all 0xff, len %d initial 0xffff", n)
					// All zeros: every word has the least signed value in the
					// vector lanes.
					b = zeros[a : a+n]
					require.Equal(t, uint16(0), kernelSum(k.sum, b, 0), "all zero, len %d align %d", n, a)
				}
			}
		})
	}
}

// benchSizes are the sizes of the package's benchmarks: headers, small
// and full-size packets, jumbo frames and a 64 KiB GSO segment.
var benchSizes = []int{20, 40, 64, 576, 1500, 9000, 65536}

// BenchmarkKernels measures Sum and every kernel the machine runs at every
// size; its figures fill the table in the package documentation.
func BenchmarkKernels(b *testing.B) {
	buf := make([]byte, benchSizes[len(benchSizes)-1])
	for i := range buf {
		buf[i] = byte(i * 7)
	}
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n)+"/Sum", func(b *testing.B) {
			b.SetBytes(int64(n))
			var s uint16
			for b.Loop() {
				s += Sum(buf[:n], 0)
			}
			benchSink = uint64(s)
		})
		for _, k := range kernels() {
			if !k.supported || k.name == "dispatch" {
				continue
			}
			b.Run(strconv.Itoa(n)+"/"+k.name, func(b *testing.B) {
				b.SetBytes(int64(n))
				var acc uint64
				for b.Loop() {
					acc += k.sum(buf[:n])
				}
				benchSink = acc
			})
		}
	}
}

var benchSink uint64
