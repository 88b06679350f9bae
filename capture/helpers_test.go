package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"github.com/tcpwire/tcpwire/capture/frame"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
	"github.com/stretchr/testify/require"
)

// capturesDir holds the real loopback captures (see its README.md).
const capturesDir = "../testdata/captures"

func readCapture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(capturesDir, name))
	require.NoError(t, err)
	return b
}

// readAll reads every segment of a capture, copying the TCP bytes, and
// fails the test on any error but io.EOF.
func readAll(t testing.TB, file []byte) ([]frame.Packet, Stats) {
	t.Helper()
	r, err := NewReader(bytes.NewReader(file))
	require.NoError(t, err)
	var ps []frame.Packet
	for {
		p, err := r.Next()
		if err == io.EOF {
			return ps, r.Stats()
		}
		require.NoError(t, err)
		p.TCP = bytes.Clone(p.TCP)
		ps = append(ps, p)
	}
}

// result is what one call to Next gave, for comparing whole runs: a
// segment, or a frame error (Frame ≠ 0).
type result struct {
	P   frame.Packet
	Err FrameError
}

// readResults reads a capture to its end, keeping segments and frame
// errors in order; it fails on any other error.
func readResults(t testing.TB, file []byte) ([]result, Stats) {
	t.Helper()
	r, err := NewReader(bytes.NewReader(file))
	require.NoError(t, err)
	var rs []result
	for {
		p, err := r.Next()
		if err == io.EOF {
			return rs, r.Stats()
		}
		var fe *FrameError
		if errors.As(err, &fe) {
			rs = append(rs, result{Err: *fe})
			continue
		}
		require.NoError(t, err)
		p.TCP = bytes.Clone(p.TCP)
		rs = append(rs, result{P: p})
	}
}

func ports(tcp []byte) (src, dst uint16) {
	return binary.BigEndian.Uint16(tcp[0:]), binary.BigEndian.Uint16(tcp[2:])
}

// tcpDataOffset is the TCP header length in bytes (RFC 9293 §3.1).
func tcpDataOffset(tcp []byte) int { return int(tcp[12]>>4) * 4 }

// Numbers of the protocols the constructed frames carry (IEEE 802
// EtherTypes, IANA protocol numbers, RFC 791 flags), as the tests spell
// them out rather than borrowing the decoder's.
const (
	etherTypeIPv4 = 0x0800
	etherTypeIPv6 = 0x86dd

	protoHopByHop = 0
	protoTCP      = 6
	protoRouting  = 43
	protoFragment = 44
	protoAH       = 51
	protoDestOpts = 60

	ipv4FlagMF    = 0x2000
	ipv4FlagDF    = 0x4000
	ipv4HeaderLen = 20
	tcpMinLen     = 20
)

// record is one record for pcapFile; wire 0 means len(data).
type record struct {
	data []byte
	wire int
}

// pcapFile builds a microsecond pcap file of link type lt in memory.
func pcapFile(t testing.TB, lt frame.LinkType, frames ...record) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := pcapgo.NewWriter(&buf)
	require.NoError(t, w.WriteFileHeader(262144, layers.LinkType(lt)))
	for i, f := range frames {
		wire := f.wire
		if wire == 0 {
			wire = len(f.data)
		}
		ci := gopacket.CaptureInfo{Timestamp: time.Unix(1700000000, int64(i)*1000), CaptureLength: len(f.data), Length: wire}
		require.NoError(t, w.WritePacket(ci, f.data))
	}
	return buf.Bytes()
}

// A 20-byte SYN from port 49153 to 8080, and one with 4 bytes of data.
var (
	tcpSYN  = []byte{0xc0, 0x01, 0x1f, 0x90, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff, 0, 0, 0, 0}
	tcpData = append([]byte{0xc0, 0x01, 0x1f, 0x90, 0, 0, 0, 2, 0, 0, 0, 1, 0x50, 0x18, 0xff, 0xff, 0, 0, 0, 0}, "data"...)
)

var (
	v4a = netip.MustParseAddr("192.0.2.1")
	v4b = netip.MustParseAddr("198.51.100.2")
	v6a = netip.MustParseAddr("2001:db8::1")
	v6b = netip.MustParseAddr("2001:db8::2")
)

// ipv4 returns an IPv4 header (RFC 791 §3.1, no options, header checksum
// left zero) with protocol proto, flags+offset frag and total length
// 20+n, followed by payload.
func ipv4(tos, proto byte, frag uint16, n int, payload []byte) []byte {
	h := []byte{0x45, tos, 0, 0, 0, 0, 0, 0, 64, proto, 0, 0, 192, 0, 2, 1, 198, 51, 100, 2}
	binary.BigEndian.PutUint16(h[2:], uint16(20+n))
	binary.BigEndian.PutUint16(h[6:], frag)
	return append(h, payload...)
}

// ipv6 returns an IPv6 header (RFC 8200 §3) with next header next and
// payload length n, followed by payload.
func ipv6(tc, next byte, n int, payload []byte) []byte {
	h := make([]byte, 40)
	h[0], h[1] = 0x60|tc>>4, tc<<4
	binary.BigEndian.PutUint16(h[4:], uint16(n))
	h[6], h[7] = next, 64
	a, b := v6a.As16(), v6b.As16()
	copy(h[8:], a[:])
	copy(h[24:], b[:])
	return append(h, payload...)
}

func cat(bs ...[]byte) []byte {
	var out []byte
	for _, b := range bs {
		out = append(out, b...)
	}
	return out
}

// ether returns an Ethernet header with zero MACs, the given VLAN tags
// (TPID, TCI pairs) and EtherType et.
func ether(et uint16, tags ...uint16) []byte {
	b := make([]byte, 12)
	for _, v := range tags {
		b = binary.BigEndian.AppendUint16(b, v)
	}
	return binary.BigEndian.AppendUint16(b, et)
}

// cmpOpts lets cmp compare netip.Addr values (comparable, unexported
// fields) with == and errors with errors.Is.
var cmpOpts = cmp.Options{
	cmp.Comparer(func(a, b netip.Addr) bool { return a == b }),
	cmpopts.EquateErrors(),
}

// bigEndianPcap rewrites a little-endian pcap file in big-endian byte
// order: the magic, version, snap length, link type and every record
// header's four fields.
func bigEndianPcap(t testing.TB, le []byte) []byte {
	t.Helper()
	be := bytes.Clone(le)
	swap32 := func(b []byte) { binary.BigEndian.PutUint32(b, binary.LittleEndian.Uint32(b)) }
	swap16 := func(b []byte) { binary.BigEndian.PutUint16(b, binary.LittleEndian.Uint16(b)) }
	swap32(be[0:])
	swap16(be[4:])
	swap16(be[6:])
	swap32(be[16:])
	swap32(be[20:])
	for off := 24; off < len(be); {
		require.LessOrEqual(t, off+16, len(be))
		caplen := int(binary.LittleEndian.Uint32(le[off+8:]))
		for i := 0; i < 16; i += 4 {
			swap32(be[off+i:])
		}
		off += 16 + caplen
	}
	return be
}
