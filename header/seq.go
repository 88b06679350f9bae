package header

import "strconv"

// Seq is a TCP sequence or acknowledgment number. Sequence space is finite
// (0 to 2^32−1) and all arithmetic on it is done modulo 2^32, so Seq values
// are compared with serial-number arithmetic (RFC 9293 §3.4, RFC 1982),
// never with the < operator on the raw integers.
//
// The zero value is sequence number 0.
type Seq uint32

// Add returns s advanced by n octets of sequence space, modulo 2^32.
func (s Seq) Add(n uint32) Seq { return s + Seq(n) }

// Sub returns the signed distance from t to s, so that t.Add(uint32(d)) == s
// for d := s.Sub(t). The result is meaningful while the two numbers are less
// than 2^31 apart.
func (s Seq) Sub(t Seq) int32 { return int32(s - t) }

// Less reports whether s comes before t in sequence space.
func (s Seq) Less(t Seq) bool { return int32(s-t) < 0 }

// LessEq reports whether s comes before t or equals it.
func (s Seq) LessEq(t Seq) bool { return int32(s-t) <= 0 }

// Compare returns -1 if s comes before t, +1 if it comes after and 0 if they
// are equal.
func (s Seq) Compare(t Seq) int {
	switch d := int32(s - t); {
	case d < 0:
		return -1
	case d > 0:
		return 1
	}
	return 0
}

// InWindow reports whether s lies in the window of size octets that starts at
// start: start ≤ s < start+size, modulo 2^32 (RFC 9293 §3.4, the test of
// Table 6 in §3.10.7.4). An empty window holds nothing.
func (s Seq) InWindow(start Seq, size uint32) bool { return uint32(s-start) < size }

// String returns the sequence number in decimal.
func (s Seq) String() string { return strconv.FormatUint(uint64(s), 10) }
