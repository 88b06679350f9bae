package checksum

import (
	"encoding/binary"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestStatusText(t *testing.T) {
	for s, name := range map[Status]string{Unverified: "unverified", Good: "good", Bad: "bad", Partial: "partial"} {
		require.Equal(t, name, s.String())
		b, err := s.MarshalText()
		require.NoError(t, err)
		require.Equal(t, name, string(b))
		var back Status
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, s, back)
	}
	require.Equal(t, "Status(9)", Status(9).String())
	require.Equal(t, "checksum.Partial", Partial.GoString())
	require.Equal(t, "checksum.Status(9)", Status(9).GoString())
	_, err := Status(9).MarshalText()
	require.ErrorIs(t, err, ErrStatus)
	var s Status
	require.ErrorIs(t, s.UnmarshalText([]byte("Good")), ErrStatus)
}

// TestClassifyEdges covers what the capture test does not: lengths that
// make no sense, and the two forms of ones'-complement zero.
func TestClassifyEdges(t *testing.T) {
	v4 := netip.MustParseAddr("192.0.2.1")
	seg := make([]byte, 20)
	require.Equal(t, Unverified, Classify(v4, v4, seg, 19), "TCP length below 20")
	require.Equal(t, Unverified, Classify(v4, v4, seg, 10), "segment longer than TCP length")
	require.Equal(t, Unverified, Classify(v4, v4, seg[:17], 20), "field not captured")
	require.Equal(t, Unverified, Classify(v4, v4, seg, 0x10000), "IPv4 length too large")
	require.Equal(t, Unverified, Classify(v4, netip.MustParseAddr("::1"), seg, 20), "mixed")
	require.Equal(t, Bad, Classify(v4, v4, seg, 20), "zero field, wrong")

	// Find addresses whose pseudo-header sum for 20 bytes is 0xffff: then
	// a field of 0x0000 is the same partial sum in its other form.
	var src netip.Addr
	for i := 0; i < 0x10000; i++ {
		a := netip.AddrFrom4([4]byte{10, 0, byte(i >> 8), byte(i)})
		if p, _ := PseudoHeader(a, v4, ProtocolTCP, 40); p == 0xffff {
			src = a
			break
		}
	}
	require.True(t, src.IsValid())
	seg = make([]byte, 40)
	seg[0] = 0xaa // keep the segment from verifying by accident
	require.Equal(t, Partial, Classify(src, v4, seg[:20], 40), "0x0000, truncated")
	require.Equal(t, Partial, Classify(src, v4, seg, 40), "0x0000")
	binary.BigEndian.PutUint16(seg[16:], 0xffff)
	require.Equal(t, Partial, Classify(src, v4, seg, 40), "0xffff")
	require.Equal(t, Partial, Classify(src, v4, seg[:18], 40), "0xffff, truncated")
	binary.BigEndian.PutUint16(seg[16:], 0xfffe)
	require.Equal(t, Unverified, Classify(src, v4, seg[:30], 40), "other value, truncated")
	require.Equal(t, Bad, Classify(src, v4, seg, 40), "other value")
}
