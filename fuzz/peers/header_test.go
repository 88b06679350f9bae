package peers

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	gvisor "gvisor.dev/gvisor/pkg/tcpip/header"

	"github.com/tcpwire/tcpwire/header"
)

func unhex(s string) []byte {
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		panic(err)
	}
	return b
}

// The benchmark inputs, from Linux loopback traffic.
var decodeCases = []struct {
	name string
	b    []byte
}{
	// 40-byte Linux SYN: MSS, SACK permitted, Timestamps, NOP, window scale.
	{"syn", unhex("a4 6e 1f 90 6f 3c 5b 0d 00 00 00 00 a0 02 ff d7 fe 30 00 00" +
		" 02 04 ff d7 04 02 08 0a 9d 1b 26 c5 00 00 00 00 01 03 03 07")},
	// Bare 20-byte ACK.
	{"ack", unhex("a4 6e 1f 90 6f 3c 5b 0e 2b 52 e1 45 50 10 02 00 fe 28 00 00")},
	// ACK with Timestamps and two SACK blocks.
	{"sack", unhex("1f 90 a4 6e 2b 52 e1 45 6f 3c 5b 0e d0 10 02 00 fe 40 00 00" +
		" 01 01 08 0a 9d 1b 26 d0 9d 1b 26 c9" +
		" 01 01 05 12 6f 3c 6b 0e 6f 3c 7b 0e 6f 3c 8b 0e 6f 3c 9b 0e")},
	// SYN whose Timestamps option runs past the data offset.
	{"badopt", unhex("a4 6e 1f 90 6f 3c 5b 0d 00 00 00 00 70 02 ff d7 fe 30 00 00" +
		" 02 04 ff d7 08 0a 9d 1b")},
}

// sink keeps the compiler from discarding what the benchmarks compute.
var sink uint64

func BenchmarkDecode(b *testing.B) {
	for _, c := range decodeCases {
		b.Run(c.name+"/tcpwire", func(b *testing.B) {
			var h header.Header
			var blocks [4]header.SACKBlock
			b.ReportAllocs()
			for b.Loop() {
				if err := h.Decode(c.b); err != nil && c.name != "badopt" {
					b.Fatal(err)
				}
				s := uint64(h.SrcPort) + uint64(h.DstPort) + uint64(h.Seq) + uint64(h.Ack) +
					uint64(h.DataOffset) + uint64(h.Flags) + uint64(h.Window) + uint64(h.Checksum) + uint64(h.Urgent)
				if h.Flags.Has(header.SYN) {
					mss, _ := h.Options.MSS()
					ws, _ := h.Options.WindowScale()
					s += uint64(mss) + uint64(ws)
					if h.Options.SACKPermitted() {
						s++
					}
				}
				ts, _ := h.Options.Timestamps()
				sb, _ := h.Options.SACK(blocks[:0])
				s += uint64(ts.Value) + uint64(ts.Echo) + uint64(len(sb))
				sink += s
			}
		})
		b.Run(c.name+"/gvisor", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				t := gvisor.TCP(c.b)
				if len(c.b) < gvisor.TCPMinimumSize {
					b.Fatal("short")
				}
				off := int(t.DataOffset())
				if off < gvisor.TCPMinimumSize || off > len(c.b) {
					continue
				}
				s := uint64(t.SourcePort()) + uint64(t.DestinationPort()) + uint64(t.SequenceNumber()) + uint64(t.AckNumber()) +
					uint64(off) + uint64(t.Flags()) + uint64(t.WindowSize()) + uint64(t.Checksum()) + uint64(t.UrgentPointer())
				if t.Flags().Contains(gvisor.TCPFlagSyn) {
					o := gvisor.ParseSynOptions(t.Options(), t.Flags().Contains(gvisor.TCPFlagAck))
					s += uint64(o.MSS) + uint64(o.WS) + uint64(o.TSVal) + uint64(o.TSEcr)
					if o.SACKPermitted {
						s++
					}
				} else {
					o := t.ParsedOptions()
					s += uint64(o.TSVal) + uint64(o.TSEcr) + uint64(len(o.SACKBlocks))
				}
				sink += s
			}
		})
		b.Run(c.name+"/gopacket", func(b *testing.B) {
			var t layers.TCP
			b.ReportAllocs()
			for b.Loop() {
				if err := t.DecodeFromBytes(c.b, gopacket.NilDecodeFeedback); err != nil && c.name != "badopt" {
					b.Fatal(err)
				}
				s := uint64(t.SrcPort) + uint64(t.DstPort) + uint64(t.Seq) + uint64(t.Ack) + uint64(t.DataOffset) +
					uint64(t.Window) + uint64(t.Checksum) + uint64(t.Urgent) + uint64(len(t.Options))
				if t.SYN {
					s++
				}
				sink += s
			}
		})
	}
}

// BenchmarkEncode encodes a header each implementation holds ready, as a
// stack does for every segment of a connection: tcpwire a header.Header
// whose Options are kept in wire form, gVisor its TCPFields and the option
// bytes a connection prepares (as its stack does, then copies them in),
// gopacket a layers.TCP with its Options. The sequence number changes on
// every iteration.
func BenchmarkEncode(b *testing.B) {
	buf := make([]byte, 128)
	synOpts := decodeCases[0].b[20:]
	for _, name := range []string{"syn", "ack"} {
		syn := name == "syn"
		b.Run(name+"/tcpwire", func(b *testing.B) {
			h := header.Header{SrcPort: 42094, DstPort: 8080, Seq: 0x6f3c5b0d, Window: 65495, Flags: header.SYN}
			if syn {
				_ = h.Options.AddMSS(65495)
				_ = h.Options.AddSACKPermitted()
				_ = h.Options.AddTimestamps(header.Timestamps{Value: 0x9d1b26c5})
				_ = h.Options.AddNOP()
				_ = h.Options.AddWindowScale(7)
			} else {
				h.Flags, h.Ack, h.Window = header.ACK, 0x2b52e145, 512
			}
			b.ReportAllocs()
			for b.Loop() {
				h.Seq++
				if _, err := h.Encode(buf); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/gvisor", func(b *testing.B) {
			f := gvisor.TCPFields{SrcPort: 42094, DstPort: 8080, SeqNum: 0x6f3c5b0d, WindowSize: 65495, Flags: gvisor.TCPFlagSyn, DataOffset: 40}
			if !syn {
				f.Flags, f.AckNum, f.WindowSize, f.DataOffset = gvisor.TCPFlagAck, 0x2b52e145, 512, 20
			}
			b.ReportAllocs()
			for b.Loop() {
				f.SeqNum++
				gvisor.TCP(buf).Encode(&f)
				if syn {
					copy(buf[gvisor.TCPMinimumSize:], synOpts)
				}
			}
		})
		b.Run(name+"/gopacket", func(b *testing.B) {
			t := layers.TCP{SrcPort: 42094, DstPort: 8080, Seq: 0x6f3c5b0d, Window: 65495, SYN: true}
			if syn {
				t.Options = []layers.TCPOption{
					{OptionType: layers.TCPOptionKindMSS, OptionLength: 4, OptionData: []byte{0xff, 0xd7}},
					{OptionType: layers.TCPOptionKindSACKPermitted, OptionLength: 2},
					{OptionType: layers.TCPOptionKindTimestamps, OptionLength: 10, OptionData: []byte{0x9d, 0x1b, 0x26, 0xc5, 0, 0, 0, 0}},
					{OptionType: layers.TCPOptionKindNop, OptionLength: 1},
					{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 3, OptionData: []byte{7}},
				}
			} else {
				t.SYN, t.ACK, t.Ack, t.Window = false, true, 0x2b52e145, 512
			}
			sb := gopacket.NewSerializeBuffer()
			opts := gopacket.SerializeOptions{FixLengths: true}
			b.ReportAllocs()
			for b.Loop() {
				t.Seq++
				if err := sb.Clear(); err != nil {
					b.Fatal(err)
				}
				if err := t.SerializeTo(sb, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuildOptions builds the Linux SYN's options from their values,
// the work a stack does once per connection.
func BenchmarkBuildOptions(b *testing.B) {
	buf := make([]byte, 40)
	b.Run("tcpwire", func(b *testing.B) {
		var o header.Options
		b.ReportAllocs()
		for b.Loop() {
			o.Reset()
			_ = o.AddMSS(65495)
			_ = o.AddSACKPermitted()
			_ = o.AddTimestamps(header.Timestamps{Value: 0x9d1b26c5})
			_ = o.AddNOP()
			_ = o.AddWindowScale(7)
		}
	})
	b.Run("gvisor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			n := gvisor.EncodeMSSOption(65495, buf)
			n += gvisor.EncodeSACKPermittedOption(buf[n:])
			n += gvisor.EncodeTSOption(0x9d1b26c5, 0, buf[n:])
			n += gvisor.EncodeNOP(buf[n:])
			n += gvisor.EncodeWSOption(7, buf[n:])
			sink += uint64(n)
		}
	})
}

// TestEncodeSame checks that the three encoders produce the same bytes, so
// that the benchmarks compare the same work.
func TestEncodeSame(t *testing.T) {
	h := header.Header{SrcPort: 42094, DstPort: 8080, Seq: 0x6f3c5b0d, Window: 65495, Flags: header.SYN, Checksum: 0xfe30}
	_ = h.Options.AddMSS(65495)
	_ = h.Options.AddSACKPermitted()
	_ = h.Options.AddTimestamps(header.Timestamps{Value: 0x9d1b26c5})
	_ = h.Options.AddNOP()
	_ = h.Options.AddWindowScale(7)
	got, err := h.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := decodeCases[0].b; string(got) != string(want) {
		t.Fatalf("tcpwire encodes\n%x, want\n%x", got, want)
	}
	buf := make([]byte, 40)
	gvisor.TCP(buf).Encode(&gvisor.TCPFields{SrcPort: 42094, DstPort: 8080, SeqNum: 0x6f3c5b0d, WindowSize: 65495, Flags: gvisor.TCPFlagSyn, DataOffset: 40, Checksum: 0xfe30})
	o := buf[20:]
	n := gvisor.EncodeMSSOption(65495, o)
	n += gvisor.EncodeSACKPermittedOption(o[n:])
	n += gvisor.EncodeTSOption(0x9d1b26c5, 0, o[n:])
	n += gvisor.EncodeNOP(o[n:])
	gvisor.EncodeWSOption(7, o[n:])
	if string(buf) != string(got) {
		t.Fatalf("gVisor encodes\n%x, tcpwire\n%x", buf, got)
	}
}
