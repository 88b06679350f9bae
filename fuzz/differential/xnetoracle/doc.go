// Package xnetoracle checks tcpwire's header decoder against what
// golang.org/x/net can tell about the same bytes, having no TCP parser of
// its own: a BPF program run by bpf.VM extracts the fixed fields from an IP
// packet (found through the IPv4 IHL, or at byte 40 of IPv6), ipv4 and
// ipv6.ParseHeader locate the segment, and icmp.ParseMessage finds a TCP
// header quoted in an ICMP error. It is a package of its own so that its
// fuzzing binary links, and instruments for coverage, x/net and nothing it
// does not need.
package xnetoracle
