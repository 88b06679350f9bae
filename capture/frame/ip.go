package frame

import (
	"encoding/binary"
	"net/netip"
)

// decodeIPv4 reads the IPv4 header (RFC 791 §3.1) at frame[off:]. onWire
// is the number of bytes from off to the end of the frame on the wire.
func decodeIPv4(frame []byte, off, onWire int, p *Packet) (Result, int, error) {
	ip := frame[off:]
	if len(ip) < ipv4HeaderLen {
		return Malformed, off, ErrTruncated
	}
	if ip[0]>>4 != ipV4 {
		return Malformed, off, ErrIPVersion
	}
	ihl := int(ip[0]&0x0f) * 4
	if ihl < ipv4HeaderLen {
		return Malformed, off, ErrIPHeader
	}
	if len(ip) < ihl {
		return Malformed, off + ipv4HeaderLen, ErrTruncated
	}
	total := int(binary.BigEndian.Uint16(ip[2:]))
	if total == 0 {
		// A segment captured before TCP segmentation offload can carry
		// total length 0 (the NIC fills it in); the frame length is
		// the best account of it, as Wireshark also assumes.
		total = onWire
	}
	if total < ihl || total > onWire {
		return Malformed, off + 2, ErrIPLength
	}
	if ip[9] != protoTCP {
		return NotTCP, 0, nil
	}
	frag := binary.BigEndian.Uint16(ip[6:])
	if frag&ipv4OffsetMask != 0 {
		return Fragment, 0, nil
	}
	p.Fragmented = frag&ipv4FlagMF != 0
	p.Length = total - ihl
	if !p.Fragmented && p.Length < tcpMinLen {
		return Malformed, off + 2, ErrTCPLength
	}
	p.Src = netip.AddrFrom4([4]byte(ip[12:16]))
	p.Dst = netip.AddrFrom4([4]byte(ip[16:20]))
	p.TOS = ip[1]
	p.TCP = ip[ihl:min(total, len(ip))]
	return Segment, 0, nil
}

// decodeIPv6 reads the IPv6 header (RFC 8200 §3) at frame[off:] and walks
// its extension headers (§4) to TCP.
func decodeIPv6(frame []byte, off, onWire int, p *Packet) (Result, int, error) {
	ip := frame[off:]
	if len(ip) < ipv6HeaderLen {
		return Malformed, off, ErrTruncated
	}
	if ip[0]>>4 != ipV6 {
		return Malformed, off, ErrIPVersion
	}
	end := ipv6HeaderLen + int(binary.BigEndian.Uint16(ip[4:]))
	if end == ipv6HeaderLen {
		// Payload length 0 with a next header: a jumbogram (RFC 2675
		// §2) or a Linux BIG TCP segment captured before its
		// hop-by-hop option was added; the frame length tells.
		end = onWire
	}
	if end > onWire {
		return Malformed, off + 4, ErrIPLength
	}
	next, pos := ip[6], ipv6HeaderLen
	fragmented := false
	for next != protoTCP {
		var n int
		switch next {
		case protoHopByHop, protoRouting, protoDestOpts, protoMobility, protoHIP, protoShim6:
			// Next Header, Hdr Ext Len in 8-octet units after the
			// first 8 (RFC 8200 §4.3–4.6, RFC 6564 §4).
			if pos+2 > end {
				return Malformed, off + pos, ErrExtensionHeader
			}
			if pos+2 > len(ip) {
				return Malformed, off + pos, ErrTruncated
			}
			n = (int(ip[pos+1]) + 1) * 8
		case protoFragment:
			// Fixed 8 bytes: Next Header, reserved, 13-bit offset,
			// 2 reserved bits, M flag, identification (§4.5).
			n = 8
			if pos+n <= end && pos+n <= len(ip) {
				fo := binary.BigEndian.Uint16(ip[pos+2:])
				if fo>>3 != 0 {
					return Fragment, 0, nil
				}
				fragmented = fo&1 != 0
			}
		case protoAH:
			// Payload Len in 4-octet units, minus 2 (RFC 4302 §2.2).
			if pos+2 > end {
				return Malformed, off + pos, ErrExtensionHeader
			}
			if pos+2 > len(ip) {
				return Malformed, off + pos, ErrTruncated
			}
			n = (int(ip[pos+1]) + 2) * 4
		default:
			// An upper layer other than TCP, ESP (50), whose payload
			// is encrypted, or No Next Header (59).
			return NotTCP, 0, nil
		}
		if pos+n > end {
			return Malformed, off + pos, ErrExtensionHeader
		}
		if pos+n > len(ip) {
			return Malformed, off + pos, ErrTruncated
		}
		next = ip[pos]
		pos += n
	}
	p.Fragmented = fragmented
	p.Length = end - pos
	if !fragmented && p.Length < tcpMinLen {
		return Malformed, off + 4, ErrTCPLength
	}
	p.Src = netip.AddrFrom16([16]byte(ip[8:24]))
	p.Dst = netip.AddrFrom16([16]byte(ip[24:40]))
	p.TOS = ip[0]<<4 | ip[1]>>4
	p.TCP = ip[pos:min(end, len(ip))]
	return Segment, 0, nil
}
