// Package capture reads the TCP segments out of real packet captures (pcap
// and pcapng files, as written by tcpdump, Wireshark and dumpcap) and writes
// segments back as a pcap file.
//
// A [Reader] tells pcap from pcapng by the magic number, leaves the file
// formats to gopacket's pcapgo, and decodes the link-layer and IP headers of
// each frame with package [frame], without allocating, down to the TCP
// header. Each [frame.Packet] holds the frame number, timestamp, IP
// addresses, the TOS or traffic-class byte, the TCP bytes as captured and
// the TCP length that the IP header announces, so that a frame cut by the
// snap length is recognisable ([frame.Packet.Truncated]). Frames without TCP are skipped and
// counted ([Stats]); a malformed frame is reported as a [*FrameError] with
// its frame number and byte offset, and reading goes on with the next frame.
//
// A [Writer] writes segments to a classic pcap file (raw IP or Ethernet),
// building the IPv4 or IPv6 header around each one.
//
// # Files
//
//	rule                                                               source
//	pcap: magic a1b2c3d4 (µs) or a1b23c4d (ns), either byte order      pcap file format
//	pcapng: Section Header Block type 0a0d0d0a; link type per interface pcapng §4.2
//	other magic: *FormatError (ErrUnknownFormat)                       -
//	a link type frame.LinkType.Supported refuses: *LinkTypeError       -
//
// The link types, and the rules each frame's link-layer and IP headers are
// read by, are those of package frame. [IsCapture] tells a capture file
// from a hex dump or packet (frame.ParseHex, frame.ParsePacket) by its
// first four bytes.
//
// Captures taken on Linux loopback hold partial checksums (the
// pseudo-header sum only, written before checksum offload) and segments
// larger than the MTU (GSO); both are real and are returned as they are.
package capture
