// Package checksum computes the Internet checksum (RFC 1071) and the TCP
// checksum over the IPv4 and IPv6 pseudo-headers, without allocating.
//
// [Sum] adds bytes into an uncomplemented 16-bit ones'-complement sum and
// [Checksum] complements it; [Combine], [Digest] and [Update] build and
// patch sums piece by piece; [PseudoHeader], [TCP] and [VerifyTCP] handle
// the TCP checksum field; [Classify] tells what a captured field holds.
//
//	rule                                                         source
//	16-bit big-endian words, odd trailing byte padded with zero  RFC 1071 §4.1
//	sums of byte-swapped words are byte-swapped sums (Combine)   RFC 1071 §2(B)
//	incremental update HC' = ~(~HC + ~m + m')                    RFC 1624 §3 eqn. 3
//	IPv4 pseudo-header: src, dst, zero, protocol, 16-bit length  RFC 9293 §3.1
//	IPv6 pseudo-header: src, dst, 32-bit length, zeros, next hdr RFC 8200 §8.1
//	checksum field (bytes 16–17) taken as zero while summing     RFC 9293 §3.1
//	0x0000 and 0xffff both verify (ones'-complement zero)        RFC 1624 §3
//	mixed IPv4/IPv6 or invalid addresses: ErrAddress             -
//	IPv4 length above 65535: ErrLength                           RFC 9293 §3.1
//	segment under 20 bytes: *ShortError (errors.Is ErrShort)     RFC 9293 §3.1
//
// # Statuses of a captured checksum field
//
// [Classify] reports Good or Bad when the whole segment was captured and
// its addresses are known; Partial when the field holds the folded,
// uncomplemented pseudo-header sum that Linux writes before checksum
// offload (CHECKSUM_PARTIAL, every loopback capture), which it recognises
// from the addresses and the TCP length alone, even for a truncated
// capture; and Unverified when there are no addresses or the payload was
// truncated and the field is not the partial sum.
package checksum
