package frame

import "encoding/binary"

// Result is what Decode found in a frame.
type Result uint8

// The results of Decode.
const (
	// Segment: a TCP segment, now in the Packet.
	Segment Result = iota
	// NotTCP: not IP, IP without TCP, ESP, or a link type Decode does not
	// know.
	NotTCP
	// Fragment: an IP fragment other than the first.
	Fragment
	// Malformed: a malformed or cut header; Decode returns the offset of
	// the faulty field and the error.
	Malformed
)

// IP versions a link-layer header announces.
const (
	ipAny = 0 // raw IP: the version nibble decides
	ipV4  = 4
	ipV6  = 6
)

// EtherTypes (IEEE 802) and address families of the loopback headers.
const (
	etherTypeIPv4  = 0x0800
	etherTypeIPv6  = 0x86dd
	etherType8021Q = 0x8100
	etherTypeQinQ  = 0x88a8
	etherType9100  = 0x9100

	afInet        = 2
	afInet6BSD    = 24 // NetBSD, OpenBSD
	afInet6FreeBS = 28 // FreeBSD
	afInet6Darwin = 30 // macOS, iOS
)

// IP protocol numbers (IANA "Assigned Internet Protocol Numbers").
const (
	protoHopByHop  = 0
	protoTCP       = 6
	protoRouting   = 43
	protoFragment  = 44
	protoAH        = 51
	protoDestOpts  = 60
	protoMobility  = 135
	protoHIP       = 139
	protoShim6     = 140
	ipv4HeaderLen  = 20
	ipv6HeaderLen  = 40
	tcpMinLen      = 20
	ipv4FlagMF     = 0x2000
	ipv4FlagDF     = 0x4000
	ipv4OffsetMask = 0x1fff
)

// Decode finds the TCP segment in one frame of link type lt and fills p
// with it (the addresses, TOS, TCP bytes as captured, TCP length and
// fragment flag; Frame and Time are the caller's). wireLen is the frame's
// length on the wire (a capture record's original length; len(frame) when
// nothing was cut). For Malformed it returns the offset of the faulty
// field from the start of frame, and the error. It does not allocate.
func Decode(lt LinkType, frame []byte, wireLen int, p *Packet) (Result, int, error) {
	off, version, k, err := linkHeader(lt, frame)
	if k != Segment {
		return k, off, err
	}
	// A record's original length below its captured length is not
	// believable; the captured bytes were on the wire.
	onWire := max(wireLen, len(frame)) - off
	if version == ipAny {
		if len(frame) <= off {
			return Malformed, off, ErrTruncated
		}
		version = int(frame[off] >> 4)
		if version != ipV4 && version != ipV6 {
			return Malformed, off, ErrIPVersion
		}
	}
	if version == ipV4 {
		return decodeIPv4(frame, off, onWire, p)
	}
	return decodeIPv6(frame, off, onWire, p)
}

// linkHeader returns the offset of the IP header in frame and the IP
// version the link-layer header announces.
func linkHeader(lt LinkType, b []byte) (int, int, Result, error) {
	switch lt {
	case LinkEthernet:
		// Destination and source MAC, then EtherType or VLAN tags
		// (IEEE 802.1Q §9.6): each tag is a TPID and a 2-byte TCI.
		off := 12
		for {
			if len(b) < off+2 {
				return off, 0, Malformed, ErrTruncated
			}
			switch binary.BigEndian.Uint16(b[off:]) {
			case etherType8021Q, etherTypeQinQ, etherType9100:
				off += 4
			default:
				return etherType(binary.BigEndian.Uint16(b[off:]), off+2)
			}
		}
	case LinkLinuxSLL:
		// Packet type, ARPHRD type, address length, 8 address bytes,
		// protocol.
		if len(b) < 16 {
			return 0, 0, Malformed, ErrTruncated
		}
		return etherType(binary.BigEndian.Uint16(b[14:]), 16)
	case LinkLinuxSLL2:
		// Protocol, reserved, interface index, ARPHRD type, packet type,
		// address length, 8 address bytes.
		if len(b) < 20 {
			return 0, 0, Malformed, ErrTruncated
		}
		return etherType(binary.BigEndian.Uint16(b[0:]), 20)
	case LinkNull, LinkLoop:
		if len(b) < 4 {
			return 0, 0, Malformed, ErrTruncated
		}
		af := binary.BigEndian.Uint32(b)
		if lt == LinkNull && af > 0xffff {
			// Host byte order of the capturing machine: a family is a
			// small number, so a little-endian one lands in the high
			// half when read big-endian.
			af = binary.LittleEndian.Uint32(b)
		}
		switch af {
		case afInet:
			return 4, ipV4, Segment, nil
		case afInet6BSD, afInet6FreeBS, afInet6Darwin:
			return 4, ipV6, Segment, nil
		}
		return 4, 0, NotTCP, nil
	case LinkRaw:
		return 0, ipAny, Segment, nil
	case LinkIPv4:
		return 0, ipV4, Segment, nil
	case LinkIPv6:
		return 0, ipV6, Segment, nil
	}
	return 0, 0, NotTCP, nil
}

// etherType maps an EtherType to an IP version; off is where IP starts.
func etherType(t uint16, off int) (int, int, Result, error) {
	switch t {
	case etherTypeIPv4:
		return off, ipV4, Segment, nil
	case etherTypeIPv6:
		return off, ipV6, Segment, nil
	}
	return off, 0, NotTCP, nil
}
