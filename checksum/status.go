package checksum

import (
	"encoding/binary"
	"errors"
	"net/netip"
	"strconv"
)

// Status classifies the checksum field of a captured TCP segment.
// The zero value is Unverified.
type Status uint8

// The checksum statuses.
const (
	// Unverified: no addresses are known, so there is no pseudo-header;
	// or the capture truncated the payload and the field is not the
	// partial sum.
	Unverified Status = iota
	// Good: the checksum over pseudo-header, header and payload verifies.
	Good
	// Bad: it does not verify, and the field is not the partial sum.
	Bad
	// Partial: the field holds the folded, uncomplemented pseudo-header
	// sum only. The segment was captured before checksum offload filled it
	// in (Linux CHECKSUM_PARTIAL; every Linux loopback capture): it is
	// offloaded, not corrupt.
	Partial
)

var statusNames = [...]string{
	Unverified: "unverified",
	Good:       "good",
	Bad:        "bad",
	Partial:    "partial",
}

// ErrStatus: text that names no [Status], or a Status value out of range.
var ErrStatus = errors.New("checksum: unknown status")

// String returns "unverified", "good", "bad" or "partial", and
// "Status(n)" for a value out of range.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// GoString returns the Go name of s, such as "checksum.Partial".
func (s Status) GoString() string {
	switch s {
	case Unverified:
		return "checksum.Unverified"
	case Good:
		return "checksum.Good"
	case Bad:
		return "checksum.Bad"
	case Partial:
		return "checksum.Partial"
	}
	return "checksum.Status(" + strconv.Itoa(int(s)) + ")"
}

// AppendText appends the name String returns to b. A value out of range is
// ErrStatus.
func (s Status) AppendText(b []byte) ([]byte, error) {
	if int(s) >= len(statusNames) {
		return b, ErrStatus
	}
	return append(b, statusNames[s]...), nil
}

// MarshalText returns the name String returns. A value out of range is
// ErrStatus.
func (s Status) MarshalText() ([]byte, error) {
	return s.AppendText(nil)
}

// UnmarshalText sets s from a name MarshalText returns; any other text is
// ErrStatus.
func (s *Status) UnmarshalText(text []byte) error {
	for i, n := range statusNames {
		if string(text) == n {
			*s = Status(i)
			return nil
		}
	}
	return ErrStatus
}

// Classify tells the [Status] of a captured segment's checksum field
// (header and payload, possibly cut short by the capture's snap length)
// sent from src to dst. length is the TCP length the IP header gives (IPv4
// total length minus header lengths, IPv6 payload length minus extension
// headers); segment holds the first len(segment) ≤ length of those bytes.
//
//   - Unverified when src or dst is invalid (the zero Addr: bare TCP bytes)
//     or the pair is mixed or the length does not fit the pseudo-header
//     (see [PseudoHeader]); when length is below 20, or below len(segment),
//     or segment ends before the checksum field; and when the payload is
//     truncated and the field is not the partial sum.
//   - Good when the whole segment was captured and [VerifyTCP] holds.
//   - Partial when the field equals [PseudoHeader](src, dst, ProtocolTCP,
//     length): what Linux writes before offload fills the field in. This
//     needs the addresses and the length only, so it is reported for
//     truncated segments too. 0x0000 and 0xffff, the two forms of
//     ones'-complement zero, count as equal here.
//   - Bad otherwise.
func Classify(src, dst netip.Addr, segment []byte, length int) Status {
	if length < headerLen || len(segment) > length || len(segment) < checkOffset+2 {
		return Unverified
	}
	p, err := segmentPseudoHeader(src, dst, length)
	if err != nil {
		return Unverified
	}
	if len(segment) == length && Sum(segment, p) == 0xffff {
		return Good
	}
	field := binary.BigEndian.Uint16(segment[checkOffset:])
	if field == p || field == 0 && p == 0xffff {
		return Partial
	}
	if len(segment) < length {
		return Unverified
	}
	return Bad
}
