package handshake

import (
	"net/netip"
	"time"

	"github.com/tcpwire/tcpwire/checksum"
	"github.com/tcpwire/tcpwire/header"
)

// Segment is one TCP segment as the checker takes it: the TCP bytes and
// what the IP header said about them. Its fields are those of the packet
// the project's capture package reads, with the same names, types and
// order, so a captured packet p converts with handshake.Segment(p).
type Segment struct {
	// Frame is the frame number in the capture, from 1; 0 when unknown.
	Frame int `json:"frame,omitempty"`
	// Time is the capture timestamp; the zero Time when unknown.
	Time time.Time `json:"time,omitzero"`
	// Src and Dst are the IP addresses; the zero Addr when unknown (the
	// checksum is then unverified).
	Src netip.Addr `json:"src"`
	Dst netip.Addr `json:"dst"`
	// TOS is the IPv4 TOS or IPv6 Traffic Class byte; its low two bits
	// are the ECN codepoint (RFC 3168 §5).
	TOS uint8 `json:"tos,omitempty"`
	// TCP holds the TCP header and payload as captured, possibly cut short
	// by the capture's snap length.
	TCP []byte `json:"tcp"`
	// Length is the TCP length the IP header gives; 0 means len(TCP).
	// Bytes of TCP past it (link-layer padding) are ignored.
	Length int `json:"length,omitempty"`
	// Fragmented says the segment came in the first fragment of a
	// fragmented IP datagram: TCP and Length cover that fragment only, so
	// the checksum cannot be verified.
	Fragmented bool `json:"fragmented,omitempty"`
}

// captured returns the captured TCP bytes, without what follows the TCP
// length (link-layer padding).
func (s *Segment) captured() []byte {
	if s.Length > 0 && s.Length < len(s.TCP) {
		return s.TCP[:s.Length]
	}
	return s.TCP
}

// tcpLen returns the segment's TCP length.
func (s *Segment) tcpLen() int {
	if s.Length > 0 {
		return s.Length
	}
	return len(s.TCP)
}

// Checksum classifies the segment's checksum field with checksum.Classify:
// good, bad, partial (left to offload, not corrupt), or unverified without
// addresses, when the capture truncated the payload, or for a fragment.
func (s *Segment) Checksum() checksum.Status {
	if s.Fragmented {
		return checksum.Unverified
	}
	return checksum.Classify(s.Src, s.Dst, s.captured(), s.tcpLen())
}

// Apply applies the fix f to the segment and re-encodes it. A checksum that
// was good before is recomputed, and one left partial by offload is set to
// the new partial sum, so the fix does not break the checksum; a truncated
// segment cannot be re-encoded and is ErrFix.
func (s *Segment) Apply(f *Fix) error {
	if f.Field == FieldTOS {
		s.TOS = uint8(f.Value)
		return nil
	}
	if len(s.captured()) < s.tcpLen() {
		return ErrFix
	}
	status := s.Checksum()
	var h header.Header
	if err := h.Decode(s.captured()); err != nil {
		if he, ok := err.(*header.Error); !ok || !he.Warning() {
			return err
		}
	}
	if err := f.Apply(&h); err != nil {
		return err
	}
	if f.Field != FieldChecksum {
		switch status {
		case checksum.Good:
			if err := h.SetChecksum(s.Src, s.Dst); err != nil {
				return err
			}
		case checksum.Partial:
			p, err := checksum.PseudoHeader(s.Src, s.Dst, checksum.ProtocolTCP, uint32(h.Len()))
			if err != nil {
				return err
			}
			h.Checksum = p
		}
	}
	b, err := h.AppendBinary(make([]byte, 0, h.Len()))
	if err != nil {
		return err
	}
	s.TCP, s.Length = b, 0
	return nil
}
