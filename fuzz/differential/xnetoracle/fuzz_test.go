package xnetoracle

import (
	"bytes"
	"encoding/binary"
	"testing"

	"golang.org/x/net/icmp"
	"golang.org/x/net/ipv4"

	"github.com/tcpwire/tcpwire/checksum"
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

// FuzzICMPChecksum marshals an ICMP Echo carrying b[4:] (ID b[0:2],
// sequence b[2:4]) with icmp.Message.Marshal, which computes the checksum
// with x/net's own code: tcpwire's checksum.Checksum of the message with
// the field zeroed equals it, and the whole message verifies.
func FuzzICMPChecksum(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 4 || len(b) > 0xffff-8 {
			return
		}
		m := icmp.Message{Type: ipv4.ICMPTypeEcho, Body: &icmp.Echo{
			ID: int(binary.BigEndian.Uint16(b)), Seq: int(binary.BigEndian.Uint16(b[2:])), Data: b[4:]}}
		mb, err := m.Marshal(nil)
		if err != nil {
			t.Fatal(err)
		}
		if s := checksum.Sum(mb, 0); s != 0xffff {
			t.Fatalf("an ICMP echo marshalled by x/net sums to %#04x, not 0xffff", s)
		}
		field := binary.BigEndian.Uint16(mb[2:])
		mb[2], mb[3] = 0, 0
		if got := checksum.Checksum(mb); got != field {
			t.Fatalf("Checksum of an ICMP echo = %#04x, icmp.Message.Marshal wrote %#04x", got, field)
		}
	})
}
