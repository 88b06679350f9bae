// Package header decodes and encodes TCP headers (RFC 9293 §3.1) without
// allocating, strictly, and byte for byte.
//
// A [Header] is the header as plain data: ports, [Seq] numbers with
// modulo-2^32 arithmetic, the data offset, all 12 [Flags] bits (AE, CWR, ECE,
// URG, ACK, PSH, RST, SYN, FIN and the three reserved bits, kept as
// received), window, checksum, urgent pointer, the [Options] and the payload.
// [Header.Decode] fills one from bytes; [Header.Encode] and
// [Header.AppendBinary] write it back. For every header Decode accepts,
// Encode reproduces the input exactly: option order, No-Operations, padding
// after End of Option List and reserved bits are all kept.
//
// # Options
//
// Every option kind is decoded into a typed value where a standard defines
// one, and kept raw where none does; [Options.All] yields them in wire order.
//
//	kind      length      option                 source
//	0         1           End of Option List     RFC 9293 §3.2
//	1         1           No-Operation           RFC 9293 §3.2
//	2         4           Maximum Segment Size   RFC 9293 §3.7.1
//	3         3           Window Scale           RFC 7323 §2
//	4         2           SACK Permitted         RFC 2018 §2
//	5         2+8n        SACK, n = 1..4         RFC 2018 §3
//	8         10          Timestamps             RFC 7323 §3
//	19        18          TCP MD5 Signature      RFC 2385 §3.0
//	28        4           User Timeout           RFC 5482 §2
//	29        ≥ 4         TCP-AO                 RFC 5925 §2.2
//	30        ≥ 3         Multipath TCP          RFC 8684 §3
//	34        2, 6..18    Fast Open cookie       RFC 7413 §4.1.1 (even length)
//	172, 174  2+3n, n≤3   AccECN order 0 / 1     RFC 9768 §3.2.3
//	253, 254  ≥ 4         Experimental + ExID    RFC 4727, RFC 6994 §3
//	other     ≥ 2         kept raw               never refused for its kind alone
//
// # Validation
//
// Decode checks every header once, strictly, and reports the first problem
// as an [*Error] whose Kind is one of the sentinel values below (test with
// errors.Is) and whose Offset is the byte offset from the start of the
// header (read with errors.As). Neither finding nor returning an error
// allocates. Nothing is skipped or truncated silently; there is no lenient
// mode that guesses past a broken option.
//
//	condition                                        error              offset
//	fewer than 20 bytes                              ErrShort           length of input
//	data offset below 5                              ErrDataOffset      12
//	data offset × 4 past the end of the input        ErrTruncated       12
//	option length byte below 2, or missing           ErrOptionLength    option's kind byte
//	option runs past the data offset                 ErrOptionOverflow  option's kind byte
//	length not allowed for a known kind (table)      ErrOptionSize      option's kind byte
//	SACK with no block                               ErrSACKBlocks      option's kind byte
//	Window Scale shift above 14 (RFC 7323 §2.3)      ErrWindowScale     option's kind byte
//
// ErrWindowScale is a warning: the header is fully decoded, and RFC 7323
// §2.3 says to use a shift of 14 in its place ([Error.Warning] reports it).
// A SACK option cannot hold more than 4 blocks: 5 do not fit in 40 bytes, 4
// do not fit beside Timestamps, and that shows as ErrOptionOverflow. Rules
// that depend on the connection, such as MSS only on SYN, belong to the
// handshake package's checker, not to the codec.
//
// Encoding refuses what would not round-trip: flag bits beyond 12
// (ErrFlags), a DataOffset that disagrees with the options (ErrDataOffset),
// more than 40 bytes of options (ErrOptionSpace, reported by the Options Add
// methods) and a short destination (ErrShortBuffer).
//
// Errors refer to memory in the Header or Options that returned them and
// stay valid until that value is used again; copy the *Error to keep it.
package header
