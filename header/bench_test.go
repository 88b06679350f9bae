package header_test

import (
	"net/netip"
	"testing"

	"github.com/tcpwire/tcpwire/header"
)

// The benchmarks of this package measure tcpwire alone, errors included;
// the comparisons with gVisor and gopacket are in the fuzz module's peers
// package.

func BenchmarkDecode(b *testing.B) {
	for _, c := range []struct{ name, hex string }{
		{"syn", linuxSYN},
		{"ack", bareACK},
		{"sack", linuxSACK},
		{"badopt", "00 01 00 02 00 00 00 01 00 00 00 00 70 02 ff ff 00 00 00 00 02 04 05 b4 08 0a 00 00"},
		{"short", "00 01 00 02 00 00 00 01"},
		{"unusual-layout", "00 01 00 02 00 00 00 01 00 00 00 00 80 02 ff ff 00 00 00 00 02 04 05 b4 01 03 03 07 01 01 04 02"},
	} {
		in := unhex(b, c.hex)
		b.Run(c.name, func(b *testing.B) {
			var h header.Header
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				_ = h.Decode(in)
			}
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	var syn header.Header
	if err := syn.Decode(unhex(b, linuxSYN)); err != nil {
		b.Fatal(err)
	}
	out := make([]byte, 128)
	b.Run("syn", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = syn.Encode(out)
		}
	})
	b.Run("short-buffer", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = syn.Encode(out[:10])
		}
	})
	b.Run("set-checksum", func(b *testing.B) {
		src, dst := netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("127.0.0.1")
		b.ReportAllocs()
		for b.Loop() {
			_ = syn.SetChecksum(src, dst)
		}
	})
}
