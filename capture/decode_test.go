package capture

import (
	"encoding/binary"
	"github.com/tcpwire/tcpwire/capture/frame"
	"net/netip"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seg is the frame.Packet the constructed frames below carry, at frame n.
func seg(n int, src, dst netip.Addr, tos uint8, tcp []byte) result {
	return result{P: frame.Packet{
		Frame:  n,
		Time:   time.Unix(1700000000, int64(n-1)*1000).UTC(),
		Src:    src,
		Dst:    dst,
		TOS:    tos,
		TCP:    tcp,
		Length: len(tcp),
	}}
}

func frameErr(n, off int, err error) result {
	return result{Err: FrameError{Frame: n, Offset: off, Err: err}}
}

// sll returns a Linux cooked v1 header (packet type, ARPHRD_LOOPBACK 772,
// address length 6, 8 address bytes, protocol).
func sll(proto uint16) []byte {
	b := []byte{0, 0, 0x03, 0x04, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0}
	return binary.BigEndian.AppendUint16(b, proto)
}

// sll2 returns a Linux cooked v2 header (protocol, reserved, interface
// index 1, ARPHRD_LOOPBACK, packet type, address length 6, 8 address bytes).
func sll2(proto uint16) []byte {
	b := binary.BigEndian.AppendUint16(nil, proto)
	return append(b, 0, 0, 0, 0, 0, 1, 0x03, 0x04, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0)
}

func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }
func be32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func TestLinkTypes(t *testing.T) {
	v4 := ipv4(0x02, protoTCP, ipv4FlagDF, len(tcpData), tcpData)
	v6 := ipv6(0x01, protoTCP, len(tcpData), tcpData)
	want4 := seg(1, v4a, v4b, 0x02, tcpData)
	want6 := seg(2, v6a, v6b, 0x01, tcpData)
	tests := []struct {
		name   string
		lt     frame.LinkType
		frames []record
	}{
		{"ethernet", frame.LinkEthernet, []record{{data: cat(ether(etherTypeIPv4), v4)}, {data: cat(ether(etherTypeIPv6), v6)}}},
		{"ethernet 802.1Q", frame.LinkEthernet, []record{{data: cat(ether(etherTypeIPv4, 0x8100, 0x0064), v4)}, {data: cat(ether(etherTypeIPv6, 0x8100, 0x2064), v6)}}},
		{"ethernet QinQ", frame.LinkEthernet, []record{{data: cat(ether(etherTypeIPv4, 0x88a8, 0x0010, 0x8100, 0x0064), v4)}, {data: cat(ether(etherTypeIPv6, 0x9100, 1, 0x8100, 2), v6)}}},
		{"linux sll", frame.LinkLinuxSLL, []record{{data: cat(sll(etherTypeIPv4), v4)}, {data: cat(sll(etherTypeIPv6), v6)}}},
		{"linux sll2", frame.LinkLinuxSLL2, []record{{data: cat(sll2(etherTypeIPv4), v4)}, {data: cat(sll2(etherTypeIPv6), v6)}}},
		{"null little-endian, AF_INET6 30", frame.LinkNull, []record{{data: cat(le32(2), v4)}, {data: cat(le32(30), v6)}}},
		{"null big-endian, AF_INET6 24", frame.LinkNull, []record{{data: cat(be32(2), v4)}, {data: cat(be32(24), v6)}}},
		{"null little-endian, AF_INET6 28", frame.LinkNull, []record{{data: cat(le32(2), v4)}, {data: cat(le32(28), v6)}}},
		{"loop", frame.LinkLoop, []record{{data: cat(be32(2), v4)}, {data: cat(be32(24), v6)}}},
		{"raw", frame.LinkRaw, []record{{data: v4}, {data: v6}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, st := readResults(t, pcapFile(t, tt.lt, tt.frames...))
			assert.Empty(t, cmp.Diff([]result{want4, want6}, got, cmpOpts))
			assert.Equal(t, Stats{Frames: 2, Segments: 2}, st)
		})
	}
	t.Run("ipv4 and ipv6 link types", func(t *testing.T) {
		got, _ := readResults(t, pcapFile(t, frame.LinkIPv4, record{data: v4}))
		assert.Empty(t, cmp.Diff([]result{want4}, got, cmpOpts))
		want6.P.Frame, want6.P.Time = 1, want4.P.Time
		got, _ = readResults(t, pcapFile(t, frame.LinkIPv6, record{data: v6}))
		assert.Empty(t, cmp.Diff([]result{want6}, got, cmpOpts))
	})
}

// Frames without TCP are skipped and counted, as are IPv4 and IPv6
// fragments past the first; a first fragment is returned, marked.
func TestSkippedFrames(t *testing.T) {
	udp := []byte{0x30, 0x39, 0x00, 0x35, 0, 12, 0, 0, 'd', 'a', 't', 'a'}
	firstFrag := tcpData[:16] // an 8-byte multiple would do; any length may end the datagram's first piece
	frames := []record{
		{data: cat(ether(0x0806), make([]byte, 28))},                                                                                   // 1 ARP
		{data: cat(ether(etherTypeIPv4), ipv4(0, 17, 0, len(udp), udp))},                                                               // 2 UDP
		{data: cat(ether(0x0026), make([]byte, 46))},                                                                                   // 3 802.3 length field
		{data: cat(ether(etherTypeIPv4), ipv4(0, protoTCP, 185, 4, []byte("tail")))},                                                   // 4 IPv4 fragment, offset 185·8
		{data: cat(ether(etherTypeIPv4), ipv4(0, protoTCP, ipv4FlagMF, 16, firstFrag))},                                                // 5 IPv4 first fragment
		{data: cat(ether(etherTypeIPv6), ipv6(0, 58, 8, make([]byte, 8)))},                                                             // 6 ICMPv6
		{data: cat(ether(etherTypeIPv6), ipv6(0, 50, 8, make([]byte, 8)))},                                                             // 7 ESP
		{data: cat(ether(etherTypeIPv6), ipv6(0, 59, 0, nil)), wire: 54},                                                               // 8 No Next Header, payload length 0
		{data: cat(ether(etherTypeIPv6), ipv6(0, protoFragment, 12, []byte{protoTCP, 0, 0x05, 0x00, 0, 0, 0, 9, 't', 'a', 'i', 'l'}))}, // 9 IPv6 fragment, offset 160
		{data: cat(ether(etherTypeIPv6), ipv6(0, protoFragment, 8+16, cat([]byte{protoTCP, 0, 0, 1, 0, 0, 0, 9}, firstFrag)))},         // 10 IPv6 first fragment
		{data: cat(ether(etherTypeIPv6), ipv6(0, protoFragment, 8+len(tcpData), cat([]byte{protoTCP, 0, 0, 0, 0, 0, 0, 9}, tcpData)))}, // 11 IPv6 atomic fragment (RFC 6946)
		{data: cat(ether(etherTypeIPv4), ipv4(0, protoTCP, 0, len(tcpSYN), tcpSYN))},                                                   // 12 a plain SYN at the end
	}
	got, st := readResults(t, pcapFile(t, frame.LinkEthernet, frames...))
	frag4 := seg(5, v4a, v4b, 0, firstFrag)
	frag4.P.Fragmented = true
	frag6 := seg(10, v6a, v6b, 0, firstFrag)
	frag6.P.Fragmented = true
	want := []result{frag4, frag6, seg(11, v6a, v6b, 0, tcpData), seg(12, v4a, v4b, 0, tcpSYN)}
	assert.Empty(t, cmp.Diff(want, got, cmpOpts))
	assert.Equal(t, Stats{Frames: 12, Segments: 4, NotTCP: 6, Fragments: 2}, st)
}

// Every IPv6 extension header the Reader walks, chained before TCP.
func TestIPv6ExtensionHeaders(t *testing.T) {
	hbh := []byte{protoRouting, 0, 1, 4, 0, 0, 0, 0}                                                             // Pad1·1, PadN (RFC 8200 §4.2)
	routing := []byte{protoDestOpts, 2, 4, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16} // 24 bytes
	dst := []byte{protoAH, 0, 1, 4, 0, 0, 0, 0}
	ah := []byte{protoFragment, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66} // (4+2)·4 = 24 bytes
	frag := []byte{protoTCP, 0, 0, 0, 0, 0, 0, 7}
	chain := cat(hbh, routing, dst, ah, frag)
	pkt := ipv6(0xb8, protoHopByHop, len(chain)+len(tcpData), cat(chain, tcpData))
	got, st := readResults(t, pcapFile(t, frame.LinkRaw, record{data: pkt}))
	assert.Empty(t, cmp.Diff([]result{seg(1, v6a, v6b, 0xb8, tcpData)}, got, cmpOpts))
	assert.Equal(t, Stats{Frames: 1, Segments: 1}, st)
}

// Length comes from the IP header: Ethernet padding after a short segment
// is not TCP, and a snap length that cuts the payload leaves Length whole.
func TestLengthFromIPHeader(t *testing.T) {
	padded := cat(ether(etherTypeIPv4), ipv4(0, protoTCP, 0, len(tcpSYN), tcpSYN), make([]byte, 6)) // 60-byte minimum frame
	v6 := cat(ether(etherTypeIPv6), ipv6(0, protoTCP, len(tcpData), tcpData))
	cut := v6[:14+40+10]
	tso := cat(ether(etherTypeIPv4), ipv4(0, protoTCP, 0, len(tcpData), tcpData))
	tso[14+2], tso[14+3] = 0, 0 // total length 0, as captured before TSO
	jumbo := cat(ether(etherTypeIPv6), ipv6(0, protoTCP, 0, tcpData))
	got, _ := readResults(t, pcapFile(t, frame.LinkEthernet, record{data: padded}, record{data: cut, wire: len(v6)}, record{data: tso}, record{data: jumbo}))
	short := seg(2, v6a, v6b, 0, tcpData[:10])
	short.P.Length = len(tcpData)
	want := []result{seg(1, v4a, v4b, 0, tcpSYN), short, seg(3, v4a, v4b, 0, tcpData), seg(4, v6a, v6b, 0, tcpData)}
	assert.Empty(t, cmp.Diff(want, got, cmpOpts))
	require.Len(t, got, 4)
	assert.True(t, got[1].P.Truncated())
	assert.False(t, got[0].P.Truncated())
}

// Malformed frames are reported with their frame number and the offset of
// the faulty field, counted, and reading goes on: every second frame here
// is a good SYN.
func TestMalformedFrames(t *testing.T) {
	good := cat(ether(etherTypeIPv4), ipv4(0, protoTCP, 0, len(tcpSYN), tcpSYN))
	v4 := func(mod func(ip []byte)) []byte {
		b := cat(ether(etherTypeIPv4), ipv4(0, protoTCP, 0, len(tcpSYN), tcpSYN))
		mod(b[14:])
		return b
	}
	v6 := func(next byte, plen int, payload []byte) []byte {
		return cat(ether(etherTypeIPv6), ipv6(0, next, plen, payload))
	}
	tests := []struct {
		name string
		f    record
		off  int
		err  error
	}{
		{"ethernet header cut", record{data: make([]byte, 13)}, 12, frame.ErrTruncated},
		{"VLAN tag cut", record{data: ether(0x8100)[:14]}, 16, frame.ErrTruncated},
		{"IPv4 header cut", record{data: good[:14+19], wire: len(good)}, 14, frame.ErrTruncated},
		{"IPv4 options cut", record{data: v4(func(ip []byte) { ip[0] = 0x46 })[:14+22], wire: len(good)}, 34, frame.ErrTruncated},
		{"version 6 in an IPv4 EtherType", record{data: v4(func(ip []byte) { ip[0] = 0x65 })}, 14, frame.ErrIPVersion},
		{"IHL 4", record{data: v4(func(ip []byte) { ip[0] = 0x44 })}, 14, frame.ErrIPHeader},
		{"total length below IHL", record{data: v4(func(ip []byte) { ip[3] = 19 })}, 16, frame.ErrIPLength},
		{"total length past the frame", record{data: v4(func(ip []byte) { ip[3] = 41 })}, 16, frame.ErrIPLength},
		{"TCP length 12", record{data: v4(func(ip []byte) { ip[3] = 32 })}, 16, frame.ErrTCPLength},
		{"IPv6 header cut", record{data: v6(protoTCP, 20, tcpSYN)[:14+39], wire: 74}, 14, frame.ErrTruncated},
		{"version 4 in an IPv6 EtherType", record{data: cat(ether(etherTypeIPv6), good[14:], make([]byte, 20))}, 14, frame.ErrIPVersion},
		{"IPv6 payload length past the frame", record{data: v6(protoTCP, 21, tcpSYN)}, 18, frame.ErrIPLength},
		{"IPv6 TCP length 12", record{data: v6(protoTCP, 12, tcpSYN[:12])}, 18, frame.ErrTCPLength},
		{"hop-by-hop past the payload", record{data: v6(protoHopByHop, 8, []byte{protoTCP, 1, 0, 0, 0, 0, 0, 0})}, 54, frame.ErrExtensionHeader},
		{"hop-by-hop cut by the snap length", record{data: v6(protoHopByHop, 36, cat([]byte{protoTCP, 1, 0, 0, 0, 0, 0, 0}, make([]byte, 8), tcpSYN))[:14+40+12], wire: 14 + 40 + 36}, 54, frame.ErrTruncated},
		{"fragment header past the payload", record{data: v6(protoFragment, 4, []byte{protoTCP, 0, 0, 0})}, 54, frame.ErrExtensionHeader},
		{"AH length byte past the payload", record{data: v6(protoAH, 1, []byte{protoTCP})}, 54, frame.ErrExtensionHeader},
		{"IPv4 EtherType, zero bytes of IP", record{data: ether(etherTypeIPv4), wire: 60}, 14, frame.ErrTruncated},
	}
	var frames []record
	var want []result
	for i, tt := range tests {
		frames = append(frames, tt.f, record{data: good})
		want = append(want, frameErr(2*i+1, tt.off, tt.err), seg(2*i+2, v4a, v4b, 0, tcpSYN))
	}
	got, st := readResults(t, pcapFile(t, frame.LinkEthernet, frames...))
	require.Len(t, got, len(want))
	for i := range want {
		name := tests[i/2].name
		assert.Empty(t, cmp.Diff(want[i], got[i], cmpOpts), name)
	}
	assert.Equal(t, Stats{Frames: 2 * len(tests), Segments: len(tests), Malformed: len(tests)}, st)

	// Raw IP: the version nibble must be 4 or 6, and a frame needs a byte.
	got, st = readResults(t, pcapFile(t, frame.LinkRaw, record{data: cat([]byte{0x50}, good[15:])}, record{data: nil, wire: 40}, record{data: good[14:]}))
	assert.Empty(t, cmp.Diff([]result{frameErr(1, 0, frame.ErrIPVersion), frameErr(2, 0, frame.ErrTruncated), seg(3, v4a, v4b, 0, tcpSYN)}, got, cmpOpts))
	assert.Equal(t, Stats{Frames: 3, Segments: 1, Malformed: 2}, st)

	// Link-layer headers cut short.
	for _, lt := range []frame.LinkType{frame.LinkLinuxSLL, frame.LinkLinuxSLL2, frame.LinkNull, frame.LinkLoop} {
		got, _ := readResults(t, pcapFile(t, lt, record{data: []byte{0, 2}, wire: 60}))
		assert.Empty(t, cmp.Diff([]result{frameErr(1, 0, frame.ErrTruncated)}, got, cmpOpts), lt.String())
	}
	// Unknown address families and protocols are not TCP.
	_, st = readResults(t, pcapFile(t, frame.LinkNull, record{data: cat(le32(7), good[14:])}))
	assert.Equal(t, Stats{Frames: 1, NotTCP: 1}, st)
	_, st = readResults(t, pcapFile(t, frame.LinkLinuxSLL2, record{data: cat(sll2(0x0806), make([]byte, 28))}))
	assert.Equal(t, Stats{Frames: 1, NotTCP: 1}, st)
}
