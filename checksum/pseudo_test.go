package checksum

import (
	"encoding/binary"
	"errors"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/require"
)

// refPseudoHeader lays the pseudo-header out byte by byte as RFC 9293 §3.1
// and RFC 8200 §8.1 draw it, and sums it with the reference.
func refPseudoHeader(src, dst netip.Addr, proto uint8, length uint32) uint16 {
	var b []byte
	if src.Is4() {
		b = append(b, src.AsSlice()...)
		b = append(b, dst.AsSlice()...)
		b = append(b, 0, proto)
		b = binary.BigEndian.AppendUint16(b, uint16(length))
	} else {
		b = append(b, src.AsSlice()...)
		b = append(b, dst.AsSlice()...)
		b = binary.BigEndian.AppendUint32(b, length)
		b = append(b, 0, 0, 0, proto)
	}
	return refSum(b, 0)
}

func TestPseudoHeader(t *testing.T) {
	tests := []struct {
		name     string
		src, dst string
		length   uint32
		want     uint16
	}{
		// c000+0201+c633+6402+0006+0028 = 0x1ec64, folded 0xec65.
		{"IPv4", "192.0.2.1", "198.51.100.2", 40, 0xec65},
		// 2001+0db8+0001+2001+0db8+0002+0028+0006 = 0x5ba3.
		{"IPv6", "2001:db8::1", "2001:db8::2", 40, 0x5ba3},
		{"IPv4 largest length", "10.0.0.1", "10.0.0.2", 0xffff, 0},
		{"IPv6 jumbogram length", "fe80::1", "fe80::2", 0x12345678, 0},
		{"IPv4-mapped pair is IPv6", "::ffff:10.0.0.1", "::ffff:10.0.0.2", 20, 0},
		{"IPv6 zone ignored", "fe80::1%eth0", "fe80::2%eth1", 20, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, dst := netip.MustParseAddr(tt.src), netip.MustParseAddr(tt.dst)
			got, err := PseudoHeader(src, dst, ProtocolTCP, tt.length)
			require.NoError(t, err)
			require.Equal(t, refPseudoHeader(src, dst, ProtocolTCP, tt.length), got)
			if tt.want != 0 {
				require.Equal(t, tt.want, got)
			}
		})
	}
}

func TestPseudoHeaderErrors(t *testing.T) {
	v4, v6 := netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("2001:db8::1")
	mapped := netip.MustParseAddr("::ffff:192.0.2.1")
	tests := []struct {
		name     string
		src, dst netip.Addr
		length   uint32
		want     error
	}{
		{"zero addresses", netip.Addr{}, netip.Addr{}, 20, ErrAddress},
		{"zero source", netip.Addr{}, v4, 20, ErrAddress},
		{"zero destination", v6, netip.Addr{}, 20, ErrAddress},
		{"IPv4 to IPv6", v4, v6, 20, ErrAddress},
		{"IPv6 to IPv4", v6, v4, 20, ErrAddress},
		{"IPv4 to IPv4-mapped", v4, mapped, 20, ErrAddress},
		{"IPv4 length above 16 bits", v4, v4, 0x10000, ErrLength},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := PseudoHeader(tt.src, tt.dst, ProtocolTCP, tt.length)
			require.ErrorIs(t, err, tt.want)
			_, err = TCP(tt.src, tt.dst, make([]byte, tt.length))
			require.ErrorIs(t, err, tt.want)
			_, err = VerifyTCP(tt.src, tt.dst, make([]byte, tt.length))
			require.ErrorIs(t, err, tt.want)
		})
	}
}

func TestTCPShort(t *testing.T) {
	v4 := netip.MustParseAddr("192.0.2.1")
	for n := 0; n < 20; n++ {
		_, err := TCP(v4, v4, make([]byte, n))
		require.ErrorIs(t, err, ErrShort)
		var se *ShortError
		require.True(t, errors.As(err, &se))
		require.Equal(t, n, se.Len)
		require.Contains(t, err.Error(), "ends at byte ")
		_, err = VerifyTCP(v4, v4, make([]byte, n))
		require.ErrorIs(t, err, ErrShort)
	}
	// The short error comes first even when the addresses are bad too.
	_, err := TCP(netip.Addr{}, netip.Addr{}, nil)
	require.ErrorIs(t, err, ErrShort)
	require.Equal(t, "checksum: TCP segment ends at byte 7, inside the 20-byte fixed header", (&ShortError{Len: 7}).Error())
}

func TestTCPIgnoresField(t *testing.T) {
	src, dst := netip.MustParseAddr("2001:db8::1"), netip.MustParseAddr("2001:db8::2")
	seg := make([]byte, 33)
	for i := range seg {
		seg[i] = byte(i * 7)
	}
	a, err := TCP(src, dst, seg)
	require.NoError(t, err)
	seg[16], seg[17] = 0x12, 0x34
	b, err := TCP(src, dst, seg)
	require.NoError(t, err)
	require.Equal(t, a, b)
	binary.BigEndian.PutUint16(seg[16:], a)
	ok, err := VerifyTCP(src, dst, seg)
	require.NoError(t, err)
	require.True(t, ok)
}
