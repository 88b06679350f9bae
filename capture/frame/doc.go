// Package frame finds the TCP segment in a link-layer frame or IP packet,
// and builds the headers around one. It is the part of reading and writing
// captures that knows no file format, so that programs which cannot afford
// a capture library (the playground's WebAssembly module) share it with
// package capture, which reads pcap and pcapng files with gopacket.
//
// [Decode] walks a frame of a given [LinkType] through its link-layer
// header, the IPv4 header or the IPv6 header and its extension headers,
// down to TCP, without allocating, and fills a [Packet]: addresses, TOS or
// traffic class, the TCP bytes as captured and the TCP length the IP header
// announces. [AppendHeaders] writes the IP header (and an Ethernet header)
// for a Packet.
//
// # Link types
//
//	link type            value   header
//	NULL (BSD loopback)  0       4-byte address family, capturing host's byte order; AF_INET 2, AF_INET6 24/28/30
//	EN10MB (Ethernet)    1       14 bytes; VLAN tags 0x8100, 0x88a8, 0x9100 (IEEE 802.1Q) skipped
//	RAW                  101     none; IP version from the first nibble
//	LOOP                 108     as NULL, always big-endian
//	LINUX_SLL            113     16 bytes, protocol at offset 14
//	IPV4, IPV6           228/229 none
//	LINUX_SLL2           276     20 bytes, protocol at offset 0
//
// # Rules
//
//	rule                                                               source
//	IPv4 header length IHL ≥ 5 words, else ErrIPHeader                 RFC 791 §3.1
//	IHL·4 ≤ total length ≤ frame length on the wire, else ErrIPLength  RFC 791 §3.1
//	IPv4 total length 0 (captured before TSO): frame length is used    -
//	IPv4 fragment offset ≠ 0: Fragment (capture counts them)           RFC 791 §3.2
//	IPv4 More Fragments with offset 0: Packet.Fragmented               RFC 791 §3.2
//	IPv6 extension headers 0, 43, 60, 135, 139, 140 (8-octet units)    RFC 8200 §4, RFC 6564 §4
//	IPv6 Fragment header 44 (8 bytes), offset ≠ 0: Fragment            RFC 8200 §4.5
//	IPv6 Authentication Header 51 (4-octet units, minus 2)             RFC 4302 §2.2
//	ESP (50), No Next Header (59), other protocols: NotTCP             RFC 8200 §4.7
//	extension header past the payload length: ErrExtensionHeader      RFC 8200 §4
//	IPv6 payload length 0: jumbogram or BIG TCP, frame length is used  RFC 2675 §2
//	TCP length = IP length − IP and extension headers, ≥ 20 unless a
//	fragment, else ErrTCPLength                                        RFC 9293 §3.1
//	captured bytes end inside a link, IP or extension header:
//	ErrTruncated                                                       -
//	ECN codepoint: low two bits of Packet.TOS                          RFC 3168 §5
//
// # Packets without a capture file
//
// ParseHex reads the hex dumps people paste (plain hex, 0x prefixes, colons,
// tcpdump -xx and -X, Wireshark's Copy as Hex Dump, hexdump -C) and
// ParsePacket takes one packet whose link layer is unknown: IPv4 or IPv6 when
// the whole IP header is consistent, else an Ethernet frame carrying IP,
// else a bare TCP segment with no addresses.
//
// The IP headers are decoded here rather than with golang.org/x/net/ipv4
// and ipv6: their ParseHeader functions allocate, and ipv4.ParseHeader
// reads the total length and fragment offset in host byte order on some
// systems (raw-socket conventions), which is wrong for a file. Package
// frame imports nothing beyond the standard library and tcpwire's checksum.
package frame
