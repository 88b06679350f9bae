package peers

import (
	"strconv"
	"testing"

	gvisor "gvisor.dev/gvisor/pkg/tcpip/checksum"

	"github.com/tcpwire/tcpwire/checksum"
)

// checksumSizes: a bare and a full TCP header, a minimal packet, the IPv4
// minimum reassembly size, an Ethernet MTU, a jumbo frame and a 64 KiB GSO
// segment.
var checksumSizes = []int{20, 40, 64, 576, 1500, 9000, 65536}

// BenchmarkChecksum compares the uncomplemented Internet checksum sum of
// the same bytes: checksum.Sum and gVisor's checksum.Checksum, which both
// return the folded ones'-complement sum.
func BenchmarkChecksum(b *testing.B) {
	buf := make([]byte, checksumSizes[len(checksumSizes)-1])
	for i := range buf {
		buf[i] = byte(i*131 + i>>8)
	}
	for _, n := range checksumSizes {
		data := buf[:n]
		want := gvisor.Checksum(data, 0)
		if got := checksum.Sum(data, 0); got != want {
			b.Fatalf("size %d: tcpwire %#04x, gVisor %#04x", n, got, want)
		}
		b.Run(strconv.Itoa(n)+"/tcpwire", func(b *testing.B) {
			b.SetBytes(int64(n))
			b.ReportAllocs()
			var s uint16
			for b.Loop() {
				s += checksum.Sum(data, 0)
			}
			sink += uint64(s)
		})
		b.Run(strconv.Itoa(n)+"/gvisor", func(b *testing.B) {
			b.SetBytes(int64(n))
			b.ReportAllocs()
			var s uint16
			for b.Loop() {
				s += gvisor.Checksum(data, 0)
			}
			sink += uint64(s)
		})
	}
}
