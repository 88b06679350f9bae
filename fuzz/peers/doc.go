// Package peers holds side-by-side benchmarks of tcpwire against the codecs
// Go programs use today: gVisor's pkg/tcpip/header and gopacket's layers.
// Every implementation does the same work on the same bytes, so that one
// run of
//
//	scripts/bench-peers.sh [COUNT [BENCH-REGEXP]]
//
// from the repository root gives the ratios: it runs the benchmarks COUNT
// times (default 6) and prints benchstat's table with one column per
// implementation (benchstat groups by key=value names, so the script
// rewrites BenchmarkDecode/syn/gvisor as BenchmarkDecode/case=syn/impl=gvisor).
package peers
