// Package checksums checks tcpwire's checksum package against a naive
// RFC 1071 sum and against itself (split sums, Digest, incremental update,
// verification and capture status). The comparisons with the checksum
// golang.org/x/net/icmp computes and with gVisor's pseudo-header checksum
// are in differential/xnetoracle and differential/gvisorpeer, so that each
// fuzzing binary links only what it needs.
//
// The package's kernels (vector, portable carry-chain, carry-free) are not
// exported: Sum reaches the vector kernel of the machine for buffers of 96
// bytes and more and the inline code below that; running the targets with
// -tags purego reaches the portable kernel instead. The carry-free kernel,
// used on WebAssembly, is covered by the checksum package's own tests.
package checksums
