// Package differential holds what the differential fuzz targets share: a
// reading of the TCP option area as type-length-value items (Walk), the
// check that tcpwire's decoding follows from it (CheckDecode), and the
// classes of input where tcpwire and other decoders deliberately differ
// (Class), each a row of fuzz/DISAGREEMENTS.md.
//
// The comparisons live in one package per peer, so that each fuzzing
// binary links, and instruments for coverage, only its own peer:
// xnetoracle (golang.org/x/net: bpf.VM, ipv4, ipv6, icmp), gopacketpeer
// (gopacket's layers.TCP) and gvisorpeer (gVisor's header.TCP). This
// package's tests check every disagreement sample against both peers.
package differential
