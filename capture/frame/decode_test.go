package frame_test

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/capture/frame"
)

// syn is a 20-byte TCP SYN from port 40000 to 80 (RFC 9293 §3.1).
var syn = []byte{0x9c, 0x40, 0x00, 0x50, 0, 0, 0x03, 0xe8, 0, 0, 0, 0, 0x50, 0x02, 0xfa, 0xf0, 0, 0, 0, 0}

// TestAppendHeadersDecode builds the headers of packets of both families,
// whole and as first fragments, raw and in Ethernet, and decodes them back.
func TestAppendHeadersDecode(t *testing.T) {
	v4a, v4b := netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("192.0.2.2")
	v6a, v6b := netip.MustParseAddr("2001:db8::1"), netip.MustParseAddr("2001:db8::2")
	for _, lt := range []frame.LinkType{frame.LinkRaw, frame.LinkEthernet} {
		for _, p := range []frame.Packet{
			{Src: v4a, Dst: v4b, TOS: 0x02, TCP: syn, Length: len(syn)},
			{Src: v6a, Dst: v6b, TOS: 0xb9, TCP: syn, Length: len(syn)},
			{Src: v4a, Dst: v4b, TCP: syn, Length: len(syn), Fragmented: true},
			{Src: v6a, Dst: v6b, TCP: syn, Length: len(syn), Fragmented: true},
			{Src: v4a, Dst: v4b, TCP: syn[:12], Length: 1460}, // cut by a snap length
		} {
			name := lt.String() + " " + p.Src.String()
			b, err := frame.AppendHeaders([]byte{0xee}, lt, &p, p.Length)
			require.NoError(t, err, name)
			require.Equal(t, byte(0xee), b[0], "appends")
			b = append(b[1:], p.TCP...)
			var got frame.Packet
			res, off, err := frame.Decode(lt, b, len(b)+p.Length-len(p.TCP), &got)
			require.NoError(t, err, name)
			require.Equal(t, frame.Segment, res, name)
			assert.Zero(t, off)
			assert.Equal(t, p, got, name)
			assert.Equal(t, len(p.TCP) < p.Length, got.Truncated(), name)
		}
	}
}

func TestAppendHeadersErrors(t *testing.T) {
	v4, v6 := netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("2001:db8::1")
	tests := []struct {
		name   string
		lt     frame.LinkType
		p      frame.Packet
		length int
		err    error
	}{
		{"Linux cooked", frame.LinkLinuxSLL, frame.Packet{Src: v4, Dst: v4}, 20, frame.ErrLinkType},
		{"no addresses", frame.LinkRaw, frame.Packet{}, 20, frame.ErrAddress},
		{"mixed families", frame.LinkRaw, frame.Packet{Src: v4, Dst: v6}, 20, frame.ErrAddress},
		{"length below the bytes", frame.LinkRaw, frame.Packet{Src: v4, Dst: v4, TCP: syn}, 19, frame.ErrLength},
		{"IPv4 total length past 65535", frame.LinkRaw, frame.Packet{Src: v4, Dst: v4}, 65516, frame.ErrLength},
		{"IPv6 fragment past 65535", frame.LinkRaw, frame.Packet{Src: v6, Dst: v6, Fragmented: true}, 65528, frame.ErrLength},
	}
	for _, tt := range tests {
		b, err := frame.AppendHeaders([]byte{1}, tt.lt, &tt.p, tt.length)
		assert.ErrorIs(t, err, tt.err, tt.name)
		assert.Equal(t, []byte{1}, b, "%s: b unchanged", tt.name)
	}
	// The largest lengths that fit.
	for _, p := range []frame.Packet{{Src: v4, Dst: v4}, {Src: v6, Dst: v6, Fragmented: true}, {Src: v6, Dst: v6}} {
		max := 65515
		if p.Src.Is6() {
			max = 65535
			if p.Fragmented {
				max = 65527
			}
		}
		_, err := frame.AppendHeaders(nil, frame.LinkRaw, &p, max)
		assert.NoError(t, err, "%v length %d", p.Src, max)
	}
}

// TestDecodeResults checks what Decode says of frames that are not a
// segment: another protocol, a later fragment, a malformed header with the
// offset of its fault (the offset means nothing for the other results).
func TestDecodeResults(t *testing.T) {
	ip := func(proto, frag byte) []byte {
		b := []byte{0x45, 0, 0, 40, 0, 0, frag, 0, 64, proto, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2}
		return append(b, syn...)
	}
	tests := []struct {
		name string
		lt   frame.LinkType
		b    []byte
		res  frame.Result
		off  int
		err  error
	}{
		{"UDP", frame.LinkRaw, ip(17, 0), frame.NotTCP, 0, nil},
		{"later fragment", frame.LinkRaw, ip(6, 0x01), frame.Fragment, 0, nil},
		{"ARP in Ethernet", frame.LinkEthernet, append(make([]byte, 12), 0x08, 0x06), frame.NotTCP, 0, nil},
		{"unknown link type", 147, ip(6, 0), frame.NotTCP, 0, nil},
		{"IHL 4", frame.LinkRaw, append([]byte{0x44}, ip(6, 0)[1:]...), frame.Malformed, 0, frame.ErrIPHeader},
		{"cut IPv4 header", frame.LinkEthernet, append(append(make([]byte, 12), 0x08, 0x00), ip(6, 0)[:10]...), frame.Malformed, 14, frame.ErrTruncated},
		{"version 5", frame.LinkRaw, append([]byte{0x55}, ip(6, 0)[1:]...), frame.Malformed, 0, frame.ErrIPVersion},
	}
	for _, tt := range tests {
		var p frame.Packet
		res, off, err := frame.Decode(tt.lt, tt.b, len(tt.b), &p)
		assert.Equal(t, tt.res, res, tt.name)
		if res == frame.Malformed {
			assert.Equal(t, tt.off, off, tt.name)
		}
		assert.True(t, errors.Is(err, tt.err), "%s: %v", tt.name, err)
	}
}

func TestDecodeAllocs(t *testing.T) {
	b := append([]byte{0x45, 0, 0, 40, 0, 0, 0x40, 0, 64, 6, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2}, syn...)
	bad := append([]byte{0x44}, b[1:]...)
	var p frame.Packet
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		_, _, _ = frame.Decode(frame.LinkRaw, b, len(b), &p)
		_, _, _ = frame.Decode(frame.LinkRaw, bad, len(bad), &p)
	}))
}
