package frame

import (
	"net/netip"
	"time"
)

// Packet is one TCP segment found in a frame or a capture file, or to be
// written to one.
//
// The TCP slice of a Packet from Decode or ParsePacket aliases their input,
// and that of capture.Reader.Next the Reader's buffer (valid until the next
// call to Next): copy it (bytes.Clone) to keep it longer.
type Packet struct {
	// Frame is the 1-based frame number in a capture file, 0 otherwise.
	Frame int
	// Time is the capture timestamp.
	Time time.Time
	// Src and Dst are the IP source and destination addresses: both IPv4
	// or both IPv6.
	Src, Dst netip.Addr
	// TOS is the IPv4 type-of-service byte or the IPv6 traffic class; the
	// ECN codepoint is its low two bits (RFC 3168 §5).
	TOS uint8
	// TCP is the TCP header and payload as captured. It is shorter than
	// Length when the capture's snap length cut the frame, and can then be
	// shorter than the 20-byte TCP header too.
	TCP []byte
	// Length is the TCP length according to the IP header: the IPv4 total
	// length less the IPv4 header, or the IPv6 payload length less the
	// extension headers (RFC 9293 §3.1, the "TCP length" of the
	// pseudo-header).
	Length int
	// Fragmented reports that the segment came in the first fragment of a
	// fragmented IP datagram (More Fragments set, offset 0): TCP and
	// Length then cover that fragment only.
	Fragmented bool
}

// Truncated reports whether the capture holds fewer TCP bytes than the IP
// header announces (the snap length cut the frame).
func (p *Packet) Truncated() bool { return len(p.TCP) < p.Length }
