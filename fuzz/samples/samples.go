// Package samples holds named TCP segments for the fuzz targets' seed
// corpora and table tests: real headers as Linux sends them, one input for
// every error class the header package reports, and one for every class of
// fuzz/DISAGREEMENTS.md.
package samples

import (
	"encoding/hex"
	"strings"
)

// Sample is a named TCP segment (header and payload).
type Sample struct {
	// Name is a short identifier, used as the seed file name.
	Name string
	// Bytes is the segment.
	Bytes []byte
	// Note says what the segment is and why it is in the set.
	Note string
}

// unhex decodes a hex string with spaces; it panics on a typo, which the
// package's tests catch.
func unhex(s string) []byte {
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		panic(err)
	}
	return b
}

// Real holds segments of real connections: Linux 6.x loopback and Ethernet
// traffic, option layouts exactly as the kernel builds them.
var Real = []Sample{
	{"linux-syn", unhex("a46e 1f90 6f3c5b0d 00000000 a002 ffd7 fe30 0000" +
		" 020405b4 0402 080a 9d1b26c5 00000000 01 030307"),
		"SYN: MSS 1460, SACK permitted, Timestamps, NOP, window scale 7"},
	{"linux-synack", unhex("1f90 a46e 2b52e144 6f3c5b0e a012 ffcb fe30 0000" +
		" 0204ffd7 0402 080a 9d1b26c6 9d1b26c5 01 030307"),
		"SYN-ACK: MSS 65495 (loopback), SACK permitted, Timestamps, NOP, window scale 7"},
	{"linux-ack", unhex("a46e 1f90 6f3c5b0e 2b52e145 8010 0200 fe28 0000" +
		" 0101 080a 9d1b26c6 9d1b26c6"),
		"ACK completing the handshake: NOP, NOP, Timestamps"},
	{"linux-ack-bare", unhex("a46e 1f90 6f3c5b0e 2b52e145 5010 0200 fe28 0000"),
		"ACK without options"},
	{"linux-psh", unhex("a46e 1f90 6f3c5b0e 2b52e145 8018 0200 fe3c 0000" +
		" 0101 080a 9d1b26c7 9d1b26c6" +
		" 474554202f20485454502f312e310d0a0d0a"),
		"PSH,ACK with an HTTP request as payload"},
	{"linux-sack", unhex("1f90 a46e 2b52e145 6f3c5b0e d010 0200 fe40 0000" +
		" 0101 080a 9d1b26d0 9d1b26c9" +
		" 0101 0512 6f3c6b0e 6f3c7b0e 6f3c8b0e 6f3c9b0e"),
		"ACK with Timestamps and two SACK blocks"},
	{"linux-sack3", unhex("1f90 a46e 2b52e145 6f3c5b0e f010 0200 fe40 0000" +
		" 0101 080a 9d1b26d0 9d1b26c9" +
		" 0101 051a 6f3c6b0e 6f3c7b0e 6f3c8b0e 6f3c9b0e 6f3cab0e 6f3cbb0e"),
		"ACK with Timestamps and three SACK blocks: a full option area"},
	{"linux-fin", unhex("a46e 1f90 6f3c5b20 2b52e145 8011 0200 fe28 0000" +
		" 0101 080a 9d1b26e0 9d1b26d0"),
		"FIN,ACK"},
	{"linux-rst", unhex("1f90 a46e 00000000 6f3c5b0e 5014 0000 fe28 0000"),
		"RST,ACK refusing a connection (seq 0, ack ISN+1)"},
	{"linux-ecn-syn", unhex("a46e 1f90 6f3c5b0d 00000000 a0c2 ffd7 fe30 0000" +
		" 020405b4 0402 080a 9d1b26c5 00000000 01 030307"),
		"ECN setup SYN: ECE and CWR (RFC 3168 §6.1.1)"},
	{"linux-accecn-syn", unhex("a46e 1f90 6f3c5b0d 00000000 a1c2 ffd7 fe30 0000" +
		" 020405b4 0402 080a 9d1b26c5 00000000 01 030307"),
		"AccECN setup SYN: AE, CWR and ECE (RFC 9768 §3.1.1)"},
	{"linux-tfo-request", unhex("a46e 1f90 6f3c5b0d 00000000 b002 ffd7 fe30 0000" +
		" 020405b4 0402 080a 9d1b26c5 00000000 01 030307 0101 2202"),
		"SYN with a TCP Fast Open cookie request (RFC 7413 §4.1.1)"},
	{"linux-tfo-data", unhex("a46e 1f90 6f3c5b0d 00000000 b002 ffd7 fe30 0000" +
		" 020405b4 0402 0101 01 030307 220a 0102030405060708 0000" +
		" 68656c6c6f"),
		"SYN with a TCP Fast Open cookie and five bytes of data"},
	{"linux-mptcp-syn", unhex("a46e 1f90 6f3c5b0d 00000000 b002 ffd7 fe30 0000" +
		" 020405b4 0402 080a 9d1b26c5 00000000 01 030307 1e04 0181"),
		"SYN with MP_CAPABLE version 1 (RFC 8684 §3.1), 4 bytes"},
	{"linux-mptcp-dss", unhex("a46e 1f90 6f3c5b0e 2b52e145 a010 0200 fe28 0000" +
		" 0101 080a 9d1b26c6 9d1b26c6 1e08 2001 11223344"),
		"ACK with an MPTCP DSS option carrying a 4-byte Data ACK"},
	{"keepalive", unhex("a46e 1f90 6f3c5b0d 2b52e145 8010 0200 fe28 0000" +
		" 0101 080a 9d1b36c6 9d1b26c6"),
		"keep-alive: seq = SND.NXT-1, no data"},
	{"seq-wrap", unhex("a46e 1f90 fffffff0 fffffffe 5018 0200 0000 0000" +
		" 000102030405060708090a0b0c0d0e0f10111213"),
		"data crossing the 2^32 sequence wrap"},
	{"md5", unhex("a46e 00b3 6f3c5b0d 00000000 a002 4000 0000 0000" +
		" 0101 1312 00112233445566778899aabbccddeeff"),
		"BGP SYN with a TCP MD5 Signature (RFC 2385)"},
	{"ao", unhex("a46e 00b3 6f3c5b0d 00000000 9002 4000 0000 0000" +
		" 1d10 0102 000102030405060708090a0b"),
		"SYN with TCP-AO, key ids 1 and 2, 12-byte MAC (RFC 5925)"},
	{"uto", unhex("a46e 1f90 6f3c5b0d 00000000 6002 ffd7 0000 0000 1c04 8005"),
		"SYN with User Timeout of 5 minutes (RFC 5482)"},
	{"accecn-opt", unhex("a46e 1f90 6f3c5b0e 2b52e145 8010 0200 0000 0000" +
		" 01 ac0b 000001000002000003"),
		"ACK with an AccECN order-0 option carrying three counters (RFC 9768)"},
	{"exp", unhex("a46e 1f90 6f3c5b0d 00000000 7002 ffd7 0000 0000 fe06 f989 0000 0101"),
		"SYN with an RFC 6994 experimental option (ExID 0xf989)"},
	{"urgent", unhex("a46e 1f90 6f3c5b0e 2b52e145 5038 0200 0000 0003 616263"),
		"URG,PSH,ACK with urgent pointer 3"},
	{"reserved", unhex("a46e 1f90 6f3c5b0e 2b52e145 5e10 0200 0000 0000"),
		"ACK with the three reserved bits set, kept on decode"},
	{"eol-padding", unhex("a46e 1f90 6f3c5b0d 00000000 7002 ffd7 0000 0000 020405b4 00000000"),
		"SYN: MSS, then End of Option List and zero padding"},
}

// Errors holds one segment for every error the header decoder reports.
var Errors = []Sample{
	{"err-short", unhex("a46e 1f90 6f3c5b0d 00000000 5002"), "ErrShort: 14 bytes"},
	{"err-empty", nil, "ErrShort: no bytes"},
	{"err-dataoffset", unhex("a46e 1f90 6f3c5b0d 00000000 4002 ffd7 0000 0000"), "ErrDataOffset: 4 words"},
	{"err-dataoffset-zero", unhex("a46e 1f90 6f3c5b0d 00000000 0002 ffd7 0000 0000 0101 0101"), "ErrDataOffset: 0 words"},
	{"err-truncated", unhex("a46e 1f90 6f3c5b0d 00000000 f002 ffd7 0000 0000 0204 05b4"), "ErrTruncated: 60-byte header in 24 bytes"},
	{"err-optlen-zero", unhex("a46e 1f90 6f3c5b0d 00000000 6002 ffd7 0000 0000 0200 0000"), "ErrOptionLength: MSS length 0"},
	{"err-optlen-one", unhex("a46e 1f90 6f3c5b0d 00000000 6002 ffd7 0000 0000 0101 6301"), "ErrOptionLength: kind 99 length 1"},
	{"err-optlen-missing", unhex("a46e 1f90 6f3c5b0d 00000000 6002 ffd7 0000 0000 0101 0108"), "ErrOptionLength: Timestamps kind byte last"},
	{"err-overflow", unhex("a46e 1f90 6f3c5b0d 00000000 7002 ffd7 0000 0000 0204 05b4 080a 9d1b"), "ErrOptionOverflow: Timestamps past the data offset"},
	{"err-overflow-unknown", unhex("a46e 1f90 6f3c5b0d 00000000 6002 ffd7 0000 0000 0101 6310"), "ErrOptionOverflow: kind 99 length 16 in 2 bytes"},
	{"err-optsize-mss", unhex("a46e 1f90 6f3c5b0d 00000000 6002 ffd7 0000 0000 0203 0501"), "ErrOptionSize: MSS length 3"},
	{"err-optsize-ts", unhex("a46e 1f90 6f3c5b0d 00000000 8010 ffd7 0000 0000 080c 9d1b26c6 9d1b26c6 0000"), "ErrOptionSize: Timestamps length 12"},
	{"err-optsize-sack", unhex("a46e 1f90 6f3c5b0d 00000000 9010 ffd7 0000 0000 0101 050b 00000001 00000002 00 000101"), "ErrOptionSize: SACK length 11"},
	{"err-optsize-tfo", unhex("a46e 1f90 6f3c5b0d 00000000 6002 ffd7 0000 0000 2203 0100"), "ErrOptionSize: Fast Open length 3 (odd)"},
	{"err-optsize-mptcp", unhex("a46e 1f90 6f3c5b0d 00000000 6002 ffd7 0000 0000 1e02 0101"), "ErrOptionSize: MPTCP length 2"},
	{"err-optsize-accecn", unhex("a46e 1f90 6f3c5b0d 00000000 6010 ffd7 0000 0000 ac04 0000"), "ErrOptionSize: AccECN length 4"},
	{"err-sackblocks", unhex("a46e 1f90 6f3c5b0d 00000000 6010 ffd7 0000 0000 0101 0502"), "ErrSACKBlocks: SACK with no block"},
	{"err-wscale", unhex("a46e 1f90 6f3c5b0d 00000000 6002 ffd7 0000 0000 0103 030f"), "ErrWindowScale (warning): shift 15"},
}

// Disagreements holds one segment for every row of fuzz/DISAGREEMENTS.md
// not already shown by Errors.
var Disagreements = []Sample{
	{"dis-dup-ts", unhex("a46e 1f90 6f3c5b0d 2b52e145 b010 0200 0000 0000" +
		" 0101 080a 00000001 00000002 0101 080a 00000003 00000004"),
		"two Timestamps options: tcpwire reports the first, gVisor the last"},
	{"dis-dup-mss", unhex("a46e 1f90 6f3c5b0d 00000000 7002 ffd7 0000 0000 020405b4 02040218"),
		"two MSS options on a SYN: tcpwire reports the first, gVisor the last"},
	{"dis-mss-zero", unhex("a46e 1f90 6f3c5b0d 00000000 7002 ffd7 0000 0000 02040000 01030307"),
		"MSS 0 on a SYN: gVisor stops reading the SYN options there"},
	{"dis-mss-small", unhex("a46e 1f90 6f3c5b0d 00000000 6002 ffd7 0000 0000 02040010"),
		"MSS 16: gVisor raises it to its minimum send MSS"},
	{"dis-mptcp-len", unhex("a46e 1f90 6f3c5b0d 00000000 7002 ffd7 0000 0000 1e05 0181 00 01 0101"),
		"MP_CAPABLE of length 5: gopacket drops it and keeps the rest as padding"},
	{"dis-eol-nonzero", unhex("a46e 1f90 6f3c5b0d 00000000 7002 ffd7 0000 0000 020405b4 00 010203"),
		"bytes after End of Option List that are not zero: kept as padding"},
	{"dis-after-eol", unhex("a46e 1f90 6f3c5b0d 00000000 7002 ffd7 0000 0000 00 0204 05b4 000000"),
		"an MSS option after End of Option List: padding, not an option"},
	{"dis-sack4", unhex("a46e 1f90 6f3c5b0d 2b52e145 e010 0200 0000 0000" +
		" 0101 0522 00000001 00000002 00000003 00000004 00000005 00000006 00000007 00000008"),
		"SACK with four blocks: valid without Timestamps"},
	{"dis-unknown-kind", unhex("a46e 1f90 6f3c5b0d 00000000 7002 ffd7 0000 0000 6306 01020304 0101"),
		"unknown kind 99, 6 bytes: kept raw by all"},
	{"dis-ws-on-ack", unhex("a46e 1f90 6f3c5b0e 2b52e145 6010 0200 0000 0000 0103 0307"),
		"Window Scale on a non-SYN: decoded by tcpwire and gopacket, ignored by gVisor"},
	{"dis-ae-flag", unhex("a46e 1f90 6f3c5b0e 2b52e145 5110 0200 0000 0000"),
		"AE flag: gopacket calls it NS, gVisor does not see it"},
	{"dis-ts-on-syn", unhex("a46e 1f90 6f3c5b0d 00000000 8002 ffd7 0000 0000 0101 080a 00000001 00000002"),
		"Timestamps with non-zero TSecr on a SYN: gVisor drops TSecr"},
}

// All returns every sample: real, error and disagreement classes.
func All() []Sample {
	all := make([]Sample, 0, len(Real)+len(Errors)+len(Disagreements))
	all = append(all, Real...)
	all = append(all, Errors...)
	return append(all, Disagreements...)
}
