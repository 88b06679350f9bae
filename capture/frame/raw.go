package frame

import "encoding/binary"

// ParsePacket reads one packet given as bytes with no capture file around
// it, as a pasted hex dump is, and whose link layer is unknown. It takes b
// for, in this order:
//
//   - an IPv4 packet, when the version nibble is 4 and the header checks
//     out (IHL, total length, protocol TCP);
//   - an IPv6 packet, when the version nibble is 6 and the header leads
//     to TCP;
//   - an Ethernet frame (with VLAN tags) carrying IPv4 or IPv6;
//   - else a bare TCP segment: header and payload, with no addresses.
//
// A TCP header's first byte is the high byte of its source port, so a bare
// segment from a port in 17408..18431 or 24576..25599 can read as IP; it
// is taken as IP only if the whole IP header is consistent. The Packet's
// TCP aliases b.
func ParsePacket(b []byte) (Packet, error) {
	var p Packet
	if len(b) > 0 {
		for _, lt := range [...]LinkType{LinkRaw, LinkEthernet} {
			if lt == LinkEthernet && (len(b) < 14 || !isEtherIP(binary.BigEndian.Uint16(b[12:]))) {
				continue
			}
			if lt == LinkRaw && b[0]>>4 != ipV4 && b[0]>>4 != ipV6 {
				continue
			}
			p = Packet{}
			switch k, _, _ := Decode(lt, b, len(b), &p); k {
			case Segment:
				return p, nil
			case NotTCP, Fragment:
				return Packet{}, ErrNotTCP
			}
		}
	}
	return Packet{TCP: b, Length: len(b)}, nil
}

// isEtherIP reports whether t is an EtherType that leads to IP: IPv4, IPv6
// or a VLAN tag.
func isEtherIP(t uint16) bool {
	switch t {
	case etherTypeIPv4, etherTypeIPv6, etherType8021Q, etherTypeQinQ, etherType9100:
		return true
	}
	return false
}
