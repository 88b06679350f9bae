package header

import "strconv"

// Kind is a TCP option kind (the first byte of an option; IANA "TCP Option
// Kind Numbers").
type Kind uint8

// Option kinds with a typed decoding in this package.
const (
	KindEnd           Kind = 0   // End of Option List, RFC 9293 §3.2
	KindNOP           Kind = 1   // No-Operation, RFC 9293 §3.2
	KindMSS           Kind = 2   // Maximum Segment Size, RFC 9293 §3.7.1
	KindWindowScale   Kind = 3   // Window Scale, RFC 7323 §2
	KindSACKPermitted Kind = 4   // SACK Permitted, RFC 2018 §2
	KindSACK          Kind = 5   // SACK, RFC 2018 §3
	KindTimestamps    Kind = 8   // Timestamps, RFC 7323 §3
	KindMD5           Kind = 19  // TCP MD5 Signature, RFC 2385
	KindUserTimeout   Kind = 28  // User Timeout, RFC 5482
	KindAO            Kind = 29  // TCP Authentication Option, RFC 5925
	KindMPTCP         Kind = 30  // Multipath TCP, RFC 8684
	KindFastOpen      Kind = 34  // TCP Fast Open cookie, RFC 7413
	KindAccECN0       Kind = 172 // Accurate ECN, order 0, RFC 9768
	KindAccECN1       Kind = 174 // Accurate ECN, order 1, RFC 9768
	KindExperiment1   Kind = 253 // RFC 3692-style experiment 1, RFC 4727 / RFC 6994
	KindExperiment2   Kind = 254 // RFC 3692-style experiment 2, RFC 4727 / RFC 6994
)

// kindNames holds the short name tcpdump prints for each kind it knows.
var kindNames = [256]string{
	KindEnd: "eol", KindNOP: "nop", KindMSS: "mss", KindWindowScale: "wscale",
	KindSACKPermitted: "sackOK", KindSACK: "sack", KindTimestamps: "TS",
	KindMD5: "md5", KindUserTimeout: "uto", KindAO: "tcp-ao", KindMPTCP: "mptcp",
	KindFastOpen: "tfo", KindAccECN0: "accecn0", KindAccECN1: "accecn1",
	KindExperiment1: "exp", KindExperiment2: "exp",
}

// fixedLen holds the one valid length of each kind of fixed length, and 0
// for kinds whose length varies.
var fixedLen = [256]uint8{
	KindEnd: 1, KindNOP: 1, KindMSS: 4, KindWindowScale: 3, KindSACKPermitted: 2,
	KindTimestamps: 10, KindMD5: 18, KindUserTimeout: 4,
}

// minLen holds the least valid length of each kind; 2 for the rest.
var minLen = [256]uint8{
	KindSACK: 10, KindAO: 4, KindMPTCP: 3, KindExperiment1: 4, KindExperiment2: 4,
}

// String returns the short name tcpdump uses for k ("mss", "wscale",
// "sackOK", "TS", …), or "kind-N" for a kind without a typed decoding.
func (k Kind) String() string {
	if n := kindNames[k]; n != "" {
		return n
	}
	return "kind-" + strconv.Itoa(int(k))
}

// validLength reports whether an option of kind k may be l bytes long on
// the wire, kind and length bytes included. It is the single place where
// per-kind length rules live.
func (k Kind) validLength(l int) bool {
	if f := fixedLen[k]; f != 0 {
		return l == int(f)
	}
	if l < max(int(minLen[k]), 2) {
		return false
	}
	switch k {
	case KindSACK:
		return (l-2)%sackBlockLen == 0
	case KindFastOpen:
		// RFC 7413 §4.1.1: empty (a cookie request) or a 4..16-byte cookie of
		// even length.
		return l == 2 || (l >= 6 && l <= 18 && l%2 == 0)
	case KindAccECN0, KindAccECN1:
		// RFC 9768 §3.2.3: zero to three 24-bit counters.
		return (l-2)%3 == 0 && l <= 11
	}
	return true
}

// minLength returns the least length kind k allows, for error reports.
func (k Kind) minLength() int {
	if f := fixedLen[k]; f != 0 {
		return int(f)
	}
	return max(int(minLen[k]), 2)
}
