package differential

import (
	"bytes"
	"testing"

	"github.com/gopacket/gopacket/layers"

	"github.com/tcpwire/tcpwire/header"
)

// The seed corpora under testdata/fuzz are written by fuzz/cmd/seeds from
// fuzz/samples; the campaign runner adds what fuzzing finds.

// programs are the BPF oracle's programs, shared by the targets.
var programs = func() *BPF {
	p, err := NewBPF()
	if err != nil {
		panic(err)
	}
	return p
}()

// FuzzBPF wraps the segment b[1:] in an IPv4 packet with b[0]%11 words of
// IP options and compares tcpwire's decoding with the fields a BPF program
// run by x/net's bpf.VM extracts from the packet.
func FuzzBPF(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) == 0 {
			return
		}
		seg := b[1:min(len(b), 1+65535-60)]
		pkt := IPv4(int(b[0]%11), seg)
		ip, got, v6, ok := TCPIn(pkt, false)
		if !ok || v6 || !bytes.Equal(got, seg) || len(ip) != len(pkt) {
			t.Fatalf("ipv4.ParseHeader does not find the segment in % x", pkt)
		}
		fields, err := programs.Run(pkt, false)
		if err != nil {
			t.Fatal(err)
		}
		var h header.Header
		if err := CompareBPF(fields, seg, &h, h.Decode(seg)); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzIP takes b as an IPv4 or IPv6 packet: when ipv4.ParseHeader or
// ipv6.ParseHeader accepts it as carrying TCP, tcpwire's decoding of the
// segment must agree with the BPF program's fields.
func FuzzIP(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		ip, seg, v6, ok := TCPIn(b, false)
		if !ok {
			return
		}
		fields, err := programs.Run(ip, v6)
		if err != nil {
			t.Fatal(err)
		}
		var h header.Header
		if err := CompareBPF(fields, seg, &h, h.Decode(seg)); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzICMP takes b[1:] as an ICMP (b[0] even) or ICMPv6 message: when
// icmp.ParseMessage accepts it as an error quoting a TCP packet, tcpwire's
// decoding of the quoted segment must agree with the BPF program's fields
// on the quoted packet. Quotes under 20 bytes, which RFC 792 allows down
// to 8, are ErrShort.
func FuzzICMP(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) == 0 {
			return
		}
		ip, seg, v6, ok := TCPIn(Quoted(b[0]&1 == 1, b[1:]), true)
		if !ok {
			return
		}
		fields, err := programs.Run(ip, v6)
		if err != nil {
			t.Fatal(err)
		}
		if err := Quote8(fields, seg); err != nil {
			t.Fatal(err)
		}
		var h header.Header
		if err := CompareBPF(fields, seg, &h, h.Decode(seg)); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzGopacket compares tcpwire with gopacket's layers.TCP on the segment
// b; they may differ only as fuzz/DISAGREEMENTS.md lists.
func FuzzGopacket(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		var h header.Header
		err := h.Decode(b)
		var w Walk
		if fixedLayout(b) == 0 {
			w.Reset(b[header.MinLen : int(b[12]>>4)*4])
		}
		var p layers.TCP
		if _, err := Gopacket(&p, b, &w, &h, err); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzGVisor compares tcpwire with gVisor's header.TCP, ParseSynOptions and
// ParseTCPOptions on the segment b; they may differ only as
// fuzz/DISAGREEMENTS.md lists.
func FuzzGVisor(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		var h header.Header
		err := h.Decode(b)
		var w Walk
		if fixedLayout(b) == 0 {
			w.Reset(b[header.MinLen : int(b[12]>>4)*4])
		}
		if _, err := GVisor(b, &w, &h, err); err != nil {
			t.Fatal(err)
		}
	})
}
