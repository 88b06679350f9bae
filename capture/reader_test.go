package capture

import (
	"bytes"
	"errors"
	"github.com/tcpwire/tcpwire/capture/frame"
	"io"
	"net/netip"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/pcapgo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected values come from reading the same files with tcpdump 4.99.3
// and tshark 4.0.17 (see testdata/captures/README.md); every frame of these
// captures is TCP.
func TestRealCaptures(t *testing.T) {
	lo4 := netip.MustParseAddr("127.0.0.1")
	lo6 := netip.IPv6Loopback()
	tests := []struct {
		file       string
		frames     int
		addr       netip.Addr
		client     uint16
		server     uint16
		serverData int // TCP payload bytes the server sent, retransmissions included
	}{
		{"http-ipv4.pcap", 12, lo4, 55696, 9101, 185 + 64},
		{"http-ipv4.pcapng", 12, lo4, 55696, 9101, 185 + 64},
		{"http-ipv6.pcap", 13, lo6, 51694, 9101, 185 + 64},
		{"http-ipv6.pcapng", 13, lo6, 51694, 9101, 185 + 64},
		{"http-sll.pcap", 12, lo4, 40862, 9101, 185 + 64},
		{"http-sll2.pcap", 12, lo6, 37526, 9101, 185 + 64},
		{"refused.pcap", 2, lo4, 37654, 9109, 0},
		{"half-close.pcap", 14, lo4, 50304, 9102, 3 * 28},
		{"abortive-close.pcap", 8, lo4, 39022, 9103, 10},
		{"ecn.pcap", 12, lo4, 49510, 9104, 185 + 64},
		{"sack-loss.pcap", 208, lo4, 56962, 9105, 100000 + 2*1000},
		{"bulk.pcap", 16, lo4, 51052, 9106, 204800},
		{"ip-options.pcap", 10, lo4, 57388, 9108, 10},
		{"ipv6-exthdr.pcap", 10, lo6, 52828, 9107, 10},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ps, st := readAll(t, readCapture(t, tt.file))
			assert.Equal(t, Stats{Frames: tt.frames, Segments: tt.frames}, st)
			require.Len(t, ps, tt.frames)
			data := 0
			for i, p := range ps {
				assert.Equal(t, i+1, p.Frame)
				assert.Equal(t, tt.addr, p.Src)
				assert.Equal(t, tt.addr, p.Dst)
				assert.False(t, p.Truncated(), "frame %d", p.Frame)
				assert.False(t, p.Fragmented)
				require.GreaterOrEqual(t, len(p.TCP), 20)
				src, dst := ports(p.TCP)
				switch {
				case src == tt.client && dst == tt.server:
				case src == tt.server && dst == tt.client:
					data += p.Length - tcpDataOffset(p.TCP)
				default:
					t.Errorf("frame %d: ports %d > %d", p.Frame, src, dst)
				}
				if i > 0 {
					assert.False(t, p.Time.Before(ps[i-1].Time), "frame %d goes back in time", p.Frame)
				}
			}
			assert.Equal(t, tt.serverData, data)
			// The first frame is the client's SYN (flags byte 13).
			assert.Equal(t, byte(0x02), ps[0].TCP[13]&0x3f, "SYN")
		})
	}
}

// The pcapng copies made by tshark hold the same segments as the pcap
// files they came from.
func TestPcapngMatchesPcap(t *testing.T) {
	for _, name := range []string{"http-ipv4", "http-ipv6"} {
		t.Run(name, func(t *testing.T) {
			pcap, _ := readAll(t, readCapture(t, name+".pcap"))
			ng, _ := readAll(t, readCapture(t, name+".pcapng"))
			assert.Empty(t, cmp.Diff(pcap, ng, cmpOpts))
		})
	}
}

// Lengths per frame of http-ipv4.pcap from tshark (tcp.hdr_len + tcp.len).
var httpIPv4Lengths = []int{40, 40, 32, 32 + 78, 32, 32 + 185, 32, 32 + 64, 32, 32, 32, 32}

func TestHTTPIPv4Lengths(t *testing.T) {
	ps, _ := readAll(t, readCapture(t, "http-ipv4.pcap"))
	var got []int
	for _, p := range ps {
		got = append(got, p.Length)
		assert.Len(t, p.TCP, p.Length)
	}
	assert.Equal(t, httpIPv4Lengths, got)
}

// http-ipv4-snap60.pcap is http-ipv4.pcap cut to 60 bytes a frame: 14 of
// Ethernet, 20 of IPv4 and 26 of TCP remain, while Length still tells the
// full TCP length.
func TestSnapLengthTruncation(t *testing.T) {
	full, _ := readAll(t, readCapture(t, "http-ipv4.pcap"))
	cut, st := readAll(t, readCapture(t, "http-ipv4-snap60.pcap"))
	assert.Equal(t, Stats{Frames: 12, Segments: 12}, st)
	require.Len(t, cut, len(full))
	for i, p := range cut {
		assert.True(t, p.Truncated(), "frame %d", p.Frame)
		assert.Len(t, p.TCP, 26)
		assert.Equal(t, full[i].Length, p.Length)
		assert.Equal(t, full[i].TCP[:26], p.TCP)
	}
}

// ecn.pcap: SYN with ECE+CWR, SYN-ACK with ECE (RFC 3168 §6.1.1); the three
// data segments carry ECT(0) (codepoint 10) in the TOS byte, tshark's
// ip.dsfield 0x02.
func TestECNCapture(t *testing.T) {
	ps, _ := readAll(t, readCapture(t, "ecn.pcap"))
	require.Len(t, ps, 12)
	assert.Equal(t, byte(0xc2), ps[0].TCP[13], "SYN ECE CWR")
	assert.Equal(t, byte(0x52), ps[1].TCP[13], "SYN ACK ECE")
	for _, p := range ps {
		payload := p.Length - tcpDataOffset(p.TCP)
		if payload > 0 {
			assert.Equal(t, uint8(0b10), p.TOS&3, "frame %d: ECT(0)", p.Frame)
		} else {
			assert.Equal(t, uint8(0), p.TOS, "frame %d: Not-ECT", p.Frame)
		}
	}
}

// bulk.pcap holds GSO segments far above the 1500-byte Ethernet MTU.
func TestBulkLargeSegments(t *testing.T) {
	ps, _ := readAll(t, readCapture(t, "bulk.pcap"))
	largest := 0
	for _, p := range ps {
		largest = max(largest, p.Length)
	}
	assert.Equal(t, 62464+32, largest)
}

func TestNewReaderErrors(t *testing.T) {
	t.Run("unknown magic", func(t *testing.T) {
		_, err := NewReader(bytes.NewReader([]byte("GET / HTTP/1.1\r\n")))
		var fe *FormatError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, [4]byte{'G', 'E', 'T', ' '}, fe.Magic)
		assert.ErrorIs(t, err, ErrUnknownFormat)
		assert.Equal(t, "capture: magic 47455420 at offset 0: not a pcap or pcapng file", err.Error())
	})
	for _, in := range [][]byte{nil, {0xd4, 0xc3}} {
		_, err := NewReader(bytes.NewReader(in))
		var fe *FileError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, 0, fe.Frame)
		assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	}
	t.Run("pcap header cut", func(t *testing.T) {
		_, err := NewReader(bytes.NewReader(readCapture(t, "refused.pcap")[:20]))
		var fe *FileError
		require.ErrorAs(t, err, &fe)
		assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	})
	t.Run("unsupported link type", func(t *testing.T) {
		_, err := NewReader(bytes.NewReader(pcapFile(t, 105))) // IEEE 802.11
		var le *LinkTypeError
		require.ErrorAs(t, err, &le)
		assert.Equal(t, frame.LinkType(105), le.LinkType)
		assert.ErrorIs(t, err, ErrLinkType)
		assert.Equal(t, "capture: link type LINKTYPE_105 (105): unsupported link type", err.Error())
	})
}

// A file cut in the middle of a record gives the frames before the cut,
// then a *FileError naming the frame, on every later call too.
func TestFileCutShort(t *testing.T) {
	file := readCapture(t, "http-ipv4.pcap")
	for _, cut := range []int{1, 10} { // inside the record header, inside the data
		r, err := NewReader(bytes.NewReader(file[:len(file)-66-16+cut]))
		require.NoError(t, err)
		for i := 0; i < 11; i++ {
			_, err := r.Next()
			require.NoError(t, err)
		}
		for i := 0; i < 2; i++ {
			_, err = r.Next()
			var fe *FileError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, 12, fe.Frame)
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
		}
		assert.Equal(t, Stats{Frames: 11, Segments: 11}, r.Stats())
	}
}

func TestEOFRepeats(t *testing.T) {
	r, err := NewReader(bytes.NewReader(readCapture(t, "refused.pcap")))
	require.NoError(t, err)
	for range 2 {
		_, err := r.Next()
		require.NoError(t, err)
	}
	for range 2 {
		_, err := r.Next()
		assert.Equal(t, io.EOF, err)
	}
}

func TestFrameErrorMessage(t *testing.T) {
	err := error(&FrameError{Frame: 7, Offset: 16, Err: frame.ErrIPLength})
	assert.Equal(t, "capture: frame 7, offset 16: IP length inconsistent with the frame", err.Error())
	assert.True(t, errors.Is(err, frame.ErrIPLength))
	assert.Equal(t, "capture: frame 3: unexpected EOF", (&FileError{Frame: 3, Err: io.ErrUnexpectedEOF}).Error())
}

// A big-endian pcap file (as written on a big-endian host) reads the same.
func TestBigEndianPcap(t *testing.T) {
	le := readCapture(t, "http-ipv4.pcap")
	be := bigEndianPcap(t, le)
	require.Equal(t, []byte{0xa1, 0xb2, 0xc3, 0xd4}, be[:4])
	want, _ := readAll(t, le)
	got, st := readAll(t, be)
	assert.Equal(t, Stats{Frames: 12, Segments: 12}, st)
	assert.Empty(t, cmp.Diff(want, got, cmpOpts))
}

// In pcapng the link type belongs to each interface: frames of one the
// Reader does not decode are skipped and counted, not an error.
func TestPcapngUnsupportedLinkType(t *testing.T) {
	var buf bytes.Buffer
	w, err := pcapgo.NewNgWriter(&buf, 105) // IEEE 802.11
	require.NoError(t, err)
	require.NoError(t, w.WritePacket(gopacket.CaptureInfo{CaptureLength: 24, Length: 24}, make([]byte, 24)))
	require.NoError(t, w.Flush())
	ps, st := readAll(t, buf.Bytes())
	assert.Empty(t, ps)
	assert.Equal(t, Stats{Frames: 1, NotTCP: 1}, st)
}

// The IP options and IPv6 extension headers of the client's packets are
// not part of Length: the lengths per frame are tshark's tcp.hdr_len +
// tcp.len.
func TestIPOptionsAndExtensionHeaders(t *testing.T) {
	for _, name := range []string{"ip-options.pcap", "ipv6-exthdr.pcap"} {
		ps, _ := readAll(t, readCapture(t, name))
		var got []int
		for _, p := range ps {
			got = append(got, p.Length)
		}
		assert.Equal(t, []int{40, 40, 32, 36, 32, 42, 32, 32, 32, 32}, got, name)
	}
}

func TestIsCapture(t *testing.T) {
	for _, name := range []string{"http-ipv4.pcap", "http-ipv4.pcapng"} {
		b, err := os.ReadFile("../testdata/captures/" + name)
		require.NoError(t, err)
		assert.True(t, IsCapture(b[:4]), name)
	}
	assert.False(t, IsCapture([]byte("4500")))
	assert.False(t, IsCapture(nil))
}
