package checksum

import (
	"encoding/binary"
	"math"
	"net/netip"
)

// PseudoHeader returns the uncomplemented partial sum of the pseudo-header
// that the TCP and UDP checksums cover besides the segment itself:
//
//   - IPv4 (RFC 9293 §3.1): source address, destination address, a zero
//     byte, proto, and the 16-bit TCP length; a length above 65535 is
//     ErrLength.
//   - IPv6 (RFC 8200 §8.1): source address, destination address, the 32-bit
//     upper-layer length, three zero bytes, and proto as the next header.
//
// src and dst must be both IPv4 ([netip.Addr.Is4]) or both IPv6
// ([netip.Addr.Is6]), otherwise the error is ErrAddress. An IPv4-mapped IPv6
// address such as ::ffff:192.0.2.1 is IPv6, as it is on the wire of an IPv6
// packet; it is not unmapped, so call [netip.Addr.Unmap] first on addresses
// from a dual-stack socket that carries IPv4 traffic. Zone identifiers are
// ignored. The zero Addr is ErrAddress.
func PseudoHeader(src, dst netip.Addr, proto uint8, length uint32) (uint16, error) {
	switch {
	case src.Is4() && dst.Is4():
		if length > 0xffff {
			return 0, ErrLength
		}
		s, d := src.As4(), dst.As4()
		acc := uint64(binary.BigEndian.Uint32(s[:])) +
			uint64(binary.BigEndian.Uint32(d[:])) +
			uint64(proto) + uint64(length)
		return Fold(acc), nil
	case src.Is6() && dst.Is6():
		s, d := src.As16(), dst.As16()
		acc := uint64(binary.BigEndian.Uint32(s[0:])) +
			uint64(binary.BigEndian.Uint32(s[4:])) +
			uint64(binary.BigEndian.Uint32(s[8:])) +
			uint64(binary.BigEndian.Uint32(s[12:])) +
			uint64(binary.BigEndian.Uint32(d[0:])) +
			uint64(binary.BigEndian.Uint32(d[4:])) +
			uint64(binary.BigEndian.Uint32(d[8:])) +
			uint64(binary.BigEndian.Uint32(d[12:])) +
			uint64(proto) + uint64(length)
		return Fold(acc), nil
	}
	return 0, ErrAddress
}

// checkOffset is the offset of the TCP checksum field (RFC 9293 §3.1).
const checkOffset = 16

// TCP returns the value the checksum field of segment (TCP header and
// payload) must hold for a segment sent from src to dst: the complemented
// sum of the pseudo-header (see [PseudoHeader]) and the segment, with the
// segment's own checksum field, bytes 16–17, taken as zero (RFC 9293 §3.1).
// A segment shorter than 20 bytes is a [*ShortError].
//
// A result of 0x0000 is ones'-complement zero; TCP sends it as is.
func TCP(src, dst netip.Addr, segment []byte) (uint16, error) {
	if len(segment) < headerLen {
		return 0, &shortErrors[len(segment)]
	}
	p, err := segmentPseudoHeader(src, dst, len(segment))
	if err != nil {
		return 0, err
	}
	s := Sum(segment[:checkOffset], p)
	s = Sum(segment[checkOffset+2:], s)
	return ^s, nil
}

// VerifyTCP reports whether the checksum field of segment is correct for a
// segment sent from src to dst: whether the sum of the pseudo-header and the
// whole segment, field included, is ones'-complement zero (RFC 1071 §1).
// Both forms of zero verify: a field holding 0xffff where [TCP] computes
// 0x0000 is accepted, as RFC 1624 §3 says receivers must. The errors are
// those of [TCP].
func VerifyTCP(src, dst netip.Addr, segment []byte) (bool, error) {
	if len(segment) < headerLen {
		return false, &shortErrors[len(segment)]
	}
	p, err := segmentPseudoHeader(src, dst, len(segment))
	if err != nil {
		return false, err
	}
	return Sum(segment, p) == 0xffff, nil
}

// segmentPseudoHeader is [PseudoHeader] for a TCP segment of n bytes.
func segmentPseudoHeader(src, dst netip.Addr, n int) (uint16, error) {
	if uint64(n) > math.MaxUint32 {
		return 0, ErrLength
	}
	return PseudoHeader(src, dst, ProtocolTCP, uint32(n))
}
