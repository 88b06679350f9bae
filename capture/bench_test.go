package capture

import (
	"bytes"
	"github.com/tcpwire/tcpwire/capture/frame"
	"io"
	"testing"
)

func benchmarkNext(b *testing.B, file []byte, frames int) {
	b.SetBytes(int64(len(file) / frames))
	b.ReportAllocs()
	rd := bytes.NewReader(file)
	r, err := NewReader(rd)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := r.Next(); err != nil {
			if err != io.EOF {
				b.Fatal(err)
			}
			b.StopTimer()
			rd.Reset(file)
			if r, err = NewReader(rd); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
	}
}

func BenchmarkNext(b *testing.B) {
	fs := repeated(b, "http-ipv4.pcap", 1000)
	b.Run("pcap", func(b *testing.B) { benchmarkNext(b, pcapFile(b, frame.LinkEthernet, fs...), len(fs)) })
	b.Run("pcapng", func(b *testing.B) { benchmarkNext(b, pcapngFile(b, fs), len(fs)) })
	bad := make([]record, 1000)
	for i := range bad {
		bad[i] = record{data: cat(ether(etherTypeIPv4), []byte{0x44}, make([]byte, 39))}
	}
	b.Run("malformed", func(b *testing.B) {
		file := pcapFile(b, frame.LinkEthernet, bad...)
		b.ReportAllocs()
		rd := bytes.NewReader(file)
		r, _ := NewReader(rd)
		for b.Loop() {
			if _, err := r.Next(); err == io.EOF {
				b.StopTimer()
				rd.Reset(file)
				r, _ = NewReader(rd)
				b.StartTimer()
			}
		}
	})
}

func BenchmarkWritePacket(b *testing.B) {
	w, err := NewWriter(io.Discard, frame.LinkRaw)
	if err != nil {
		b.Fatal(err)
	}
	p := frame.Packet{Src: v4a, Dst: v4b, TCP: tcpData}
	b.SetBytes(int64(len(tcpData)))
	b.ReportAllocs()
	for b.Loop() {
		if err := w.WritePacket(p); err != nil {
			b.Fatal(err)
		}
	}
}
