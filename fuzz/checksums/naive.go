package checksums

import (
	"encoding/binary"
	"net/netip"
)

// Naive is RFC 1071 §4.1 as written: big-endian 16-bit words (an odd last
// byte padded with zero), added to initial with the carries folded back in.
func Naive(b []byte, initial uint16) uint16 {
	acc := uint64(initial)
	for i := 0; i+1 < len(b); i += 2 {
		acc += uint64(b[i])<<8 | uint64(b[i+1])
	}
	if len(b)%2 == 1 {
		acc += uint64(b[len(b)-1]) << 8
	}
	for acc>>16 != 0 {
		acc = acc&0xffff + acc>>16
	}
	return uint16(acc)
}

// Pseudo returns the pseudo-header bytes for TCP (protocol 6) and a segment
// of length n: RFC 9293 §3.1 for IPv4 (12 bytes), RFC 8200 §8.1 for IPv6
// (40 bytes).
func Pseudo(src, dst netip.Addr, n int) []byte {
	if src.Is4() {
		s, d := src.As4(), dst.As4()
		p := append(s[:], d[:]...)
		return binary.BigEndian.AppendUint16(append(p, 0, 6), uint16(n))
	}
	s, d := src.As16(), dst.As16()
	p := append(s[:], d[:]...)
	p = binary.BigEndian.AppendUint32(p, uint32(n))
	return append(p, 0, 0, 0, 6)
}
