package frame

import "errors"

// The errors Decode, ParsePacket and AppendHeaders report. Test for them
// with errors.Is; Decode also returns the byte offset of the fault.
var (
	// ErrTruncated: the captured bytes end inside a link-layer, IP or IPv6
	// extension header, so the TCP header cannot be reached.
	ErrTruncated = errors.New("frame ends inside a header")
	// ErrIPVersion: the IP version nibble does not match the link layer's
	// protocol field (or is neither 4 nor 6 for raw IP).
	ErrIPVersion = errors.New("wrong IP version")
	// ErrIPHeader: an IPv4 header length (IHL) below 5 words.
	ErrIPHeader = errors.New("IPv4 header length below 20 bytes")
	// ErrIPLength: the IPv4 total length is shorter than the IPv4 header,
	// or the IP length runs past the frame's length on the wire.
	ErrIPLength = errors.New("IP length inconsistent with the frame")
	// ErrExtensionHeader: an IPv6 extension header runs past the IPv6
	// payload length.
	ErrExtensionHeader = errors.New("IPv6 extension header runs past the payload")
	// ErrTCPLength: the IP header leaves fewer than 20 bytes for an
	// unfragmented TCP segment.
	ErrTCPLength = errors.New("TCP length below 20 bytes")
	// ErrNotTCP: a packet given as bytes holds IP but no TCP segment
	// (another protocol, or an IP fragment other than the first).
	ErrNotTCP = errors.New("frame: not a TCP segment")
	// ErrAddress: AppendHeaders got invalid source or destination
	// addresses, or one IPv4 and one IPv6 address.
	ErrAddress = errors.New("source and destination must both be valid IPv4 or both IPv6 addresses")
	// ErrLength: AppendHeaders got a TCP length too long for the IP
	// length field.
	ErrLength = errors.New("TCP length does not fit")
	// ErrLinkType: AppendHeaders got a link type other than LinkRaw and
	// LinkEthernet.
	ErrLinkType = errors.New("link type not written")
)
