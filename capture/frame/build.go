package frame

import (
	"encoding/binary"
	"math"

	"github.com/tcpwire/tcpwire/checksum"
)

// hopLimit is the TTL or hop limit of the IP headers AppendHeaders builds.
const hopLimit = 64

// AppendHeaders appends the headers that carry the TCP segment p, whose
// TCP length is length (at least len(p.TCP); more when the bytes were cut
// short), in a frame of link type lt: for LinkEthernet an Ethernet header
// with zero MAC addresses, as a Linux loopback capture has, then for both
// LinkEthernet and LinkRaw the IP header with p.Src, p.Dst, p.TOS and
// TTL/hop limit 64. An IPv4 header (RFC 791 §3.1) has Don't Fragment set
// and its header checksum filled in; a Fragmented packet is a first
// fragment: IPv4 More Fragments, or an IPv6 Fragment header with M set
// (RFC 8200 §4.5). The TCP bytes are the caller's to append.
//
// It returns ErrLinkType, ErrAddress or ErrLength, and b unchanged, for
// headers it cannot write.
func AppendHeaders(b []byte, lt LinkType, p *Packet, length int) ([]byte, error) {
	v4, v6 := p.Src.Is4() && p.Dst.Is4(), p.Src.Is6() && p.Dst.Is6()
	// The IP length field holds the IPv4 header or the IPv6 Fragment
	// header too.
	maxLen := math.MaxUint16 - ipv4HeaderLen
	if v6 {
		maxLen = math.MaxUint16
		if p.Fragmented {
			maxLen -= 8
		}
	}
	switch {
	case lt != LinkRaw && lt != LinkEthernet:
		return b, ErrLinkType
	case !v4 && !v6:
		return b, ErrAddress
	case length < len(p.TCP) || length > maxLen:
		return b, ErrLength
	}
	if lt == LinkEthernet {
		var macs [12]byte // destination and source
		et := uint16(etherTypeIPv6)
		if v4 {
			et = etherTypeIPv4
		}
		b = binary.BigEndian.AppendUint16(append(b, macs[:]...), et)
	}
	if v4 {
		flags := uint16(ipv4FlagDF)
		if p.Fragmented {
			flags = ipv4FlagMF
		}
		h := len(b)
		b = append(b, ipV4<<4|ipv4HeaderLen/4, p.TOS)
		b = binary.BigEndian.AppendUint16(b, uint16(ipv4HeaderLen+length))
		b = append(b, 0, 0) // identification
		b = binary.BigEndian.AppendUint16(b, flags)
		b = append(b, hopLimit, protoTCP, 0, 0)
		src, dst := p.Src.As4(), p.Dst.As4()
		b = append(b, src[:]...)
		b = append(b, dst[:]...)
		binary.BigEndian.PutUint16(b[h+10:], checksum.Checksum(b[h:]))
		return b, nil
	}
	next, ext := byte(protoTCP), 0
	if p.Fragmented {
		next, ext = protoFragment, 8
	}
	b = append(b, ipV6<<4|p.TOS>>4, p.TOS<<4, 0, 0) // flow label 0
	b = binary.BigEndian.AppendUint16(b, uint16(ext+length))
	b = append(b, next, hopLimit)
	src, dst := p.Src.As16(), p.Dst.As16()
	b = append(b, src[:]...)
	b = append(b, dst[:]...)
	if p.Fragmented {
		// Next Header TCP, offset 0, M set, identification 0.
		b = append(b, protoTCP, 0, 0, 1, 0, 0, 0, 0)
	}
	return b, nil
}
