package frame

import "strconv"

// LinkType is the link-layer header type of a capture file (the LINKTYPE_
// values of the tcpdump.org registry, as stored in the pcap file header and
// the pcapng Interface Description Block).
type LinkType uint16

// The link types Decode reads. AppendHeaders writes LinkRaw and
// LinkEthernet.
const (
	// LinkNull is BSD loopback: a 4-byte address family in the byte order
	// of the capturing host (AF_INET 2; AF_INET6 24, 28 or 30).
	LinkNull LinkType = 0
	// LinkEthernet is Ethernet II, with any number of 802.1Q (0x8100),
	// 802.1ad (0x88a8) and 0x9100 VLAN tags.
	LinkEthernet LinkType = 1
	// LinkRaw is raw IP; the version nibble tells IPv4 from IPv6.
	LinkRaw LinkType = 101
	// LinkLoop is OpenBSD loopback: like LinkNull, always big-endian.
	LinkLoop LinkType = 108
	// LinkLinuxSLL is the Linux cooked capture header, version 1 (16 bytes).
	LinkLinuxSLL LinkType = 113
	// LinkIPv4 is raw IPv4.
	LinkIPv4 LinkType = 228
	// LinkIPv6 is raw IPv6.
	LinkIPv6 LinkType = 229
	// LinkLinuxSLL2 is the Linux cooked capture header, version 2 (20 bytes).
	LinkLinuxSLL2 LinkType = 276
)

// String returns the name tcpdump prints for the link type ("EN10MB",
// "LINUX_SLL2", ...), or "LINKTYPE_" and the number for other values.
func (t LinkType) String() string {
	switch t {
	case LinkNull:
		return "NULL"
	case LinkEthernet:
		return "EN10MB"
	case LinkRaw:
		return "RAW"
	case LinkLoop:
		return "LOOP"
	case LinkLinuxSLL:
		return "LINUX_SLL"
	case LinkIPv4:
		return "IPV4"
	case LinkIPv6:
		return "IPV6"
	case LinkLinuxSLL2:
		return "LINUX_SLL2"
	}
	return "LINKTYPE_" + strconv.Itoa(int(t))
}

// Supported reports whether Decode reads frames of link type t.
func (t LinkType) Supported() bool {
	switch t {
	case LinkNull, LinkEthernet, LinkRaw, LinkLoop, LinkLinuxSLL, LinkIPv4, LinkIPv6, LinkLinuxSLL2:
		return true
	}
	return false
}
