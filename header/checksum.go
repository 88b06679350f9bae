package header

import (
	"net/netip"

	"github.com/tcpwire/tcpwire/checksum"
)

// SetChecksum computes the checksum of the segment h encodes to, sent from
// src to dst (both IPv4 or both IPv6), over the pseudo-header, header and
// payload (RFC 9293 §3.1; RFC 8200 §8.1 for IPv6), and stores it in
// h.Checksum. It does not allocate.
func (h *Header) SetChecksum(src, dst netip.Addr) error {
	var buf [MaxLen]byte
	saved, savedSum := h.Payload, h.Checksum
	h.Payload, h.Checksum = nil, 0
	hl, err := h.Encode(buf[:])
	h.Payload = saved
	if err != nil {
		h.Checksum = savedSum
		return err
	}
	pseudo, err := checksum.PseudoHeader(src, dst, checksum.ProtocolTCP, uint32(h.Len()))
	if err != nil {
		h.Checksum = savedSum
		return err
	}
	sum := checksum.Sum(buf[:hl], pseudo)
	sum = checksum.Combine(sum, checksum.Sum(h.Payload, 0), hl)
	h.Checksum = ^sum
	return nil
}
