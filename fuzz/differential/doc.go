// Package differential checks tcpwire's header decoder against other
// decoders of the same bytes: golang.org/x/net (a BPF program run by
// bpf.VM, ipv4/ipv6.ParseHeader and icmp.ParseMessage around the segment),
// gopacket's layers.TCP and gVisor's header.TCP.
//
// The peers differ from tcpwire, and from each other, on malformed and
// unusual option areas. Every such difference is a Class, listed with its
// rule in fuzz/DISAGREEMENTS.md; the comparisons here accept exactly those
// and report anything else as a failure. They work from a common reading of
// the option area as type-length-value items (Walk), which tcpwire's result
// is first checked against.
package differential
