package main

import (
	"encoding/binary"
	"errors"
	"net/netip"
	"strconv"

	"github.com/tcpwire/tcpwire/checksum"
)

// The module reads and writes capture files itself rather than through the
// capture package: that package reads with gopacket, whose package
// initialisation keeps its protocol tables in any binary that imports it
// and would take the module from 0.8 MB to 1.7 MB gzip-compressed, past its
// budget. pcap_test.go checks this reader against the capture package on
// every capture in testdata/captures.

// Link-layer header types (https://www.tcpdump.org/linktypes.html).
const (
	linkNull     = 0
	linkEthernet = 1
	linkRawBSD   = 12
	linkRawBSD14 = 14
	linkRaw      = 101
	linkLoop     = 108
	linkSLL      = 113
	linkIPv4     = 228
	linkIPv6     = 229
	linkSLL2     = 276
)

// segment is one TCP segment found in a capture.
type segment struct {
	src, dst netip.Addr
	tos      uint8
	tcp      []byte
}

var errCaptureFormat = errors.New("not a pcap or pcapng file")

// readCapture calls fn with each TCP segment of a pcap (LINKTYPE and record
// and record layout of draft-ietf-opsawg-pcap) or pcapng
// (draft-ietf-opsawg-pcapng) file until fn returns false. Frames that are
// not IPv4 or IPv6 carrying TCP, and non-first IP fragments, are skipped.
func readCapture(file []byte, fn func(segment) bool) error {
	if len(file) < 24 {
		return errCaptureFormat
	}
	switch binary.BigEndian.Uint32(file) {
	case 0xa1b2c3d4, 0xa1b23c4d:
		return readPcap(file, binary.BigEndian, fn)
	case 0xd4c3b2a1, 0x4d3cb2a1:
		return readPcap(file, binary.LittleEndian, fn)
	case 0x0a0d0d0a:
		return readPcapng(file, fn)
	}
	return errCaptureFormat
}

func truncatedAt(off int) error {
	return errors.New("capture cut short at byte " + strconv.Itoa(off))
}

func readPcap(file []byte, bo binary.ByteOrder, fn func(segment) bool) error {
	link := bo.Uint32(file[20:]) & 0xffff
	for off := 24; off < len(file); {
		if len(file)-off < 16 {
			return truncatedAt(off)
		}
		n := int(bo.Uint32(file[off+8:]))
		if n > len(file)-off-16 {
			return truncatedAt(off)
		}
		frame := file[off+16 : off+16+n]
		off += 16 + n
		if s, ok := parseFrame(link, frame); ok && !fn(s) {
			return nil
		}
	}
	return nil
}

func readPcapng(file []byte, fn func(segment) bool) error {
	var bo binary.ByteOrder = binary.BigEndian
	var links []uint32
	for off := 0; off < len(file); {
		if len(file)-off < 12 {
			return truncatedAt(off)
		}
		typ := bo.Uint32(file[off:])
		if typ == 0x0a0d0d0a { // Section Header Block: sets the byte order
			switch binary.BigEndian.Uint32(file[off+8:]) {
			case 0x1a2b3c4d:
				bo = binary.BigEndian
			case 0x4d3c2b1a:
				bo = binary.LittleEndian
			default:
				return errCaptureFormat
			}
			links = links[:0]
		}
		n := int(bo.Uint32(file[off+4:]))
		if n < 12 || n%4 != 0 || n > len(file)-off {
			return truncatedAt(off)
		}
		body := file[off+8 : off+n-4]
		off += n
		switch typ {
		case 1: // Interface Description Block
			if len(body) < 2 {
				return truncatedAt(off - n)
			}
			links = append(links, uint32(bo.Uint16(body)))
		case 6: // Enhanced Packet Block
			if len(body) < 20 {
				return truncatedAt(off - n)
			}
			iface, capLen := int(bo.Uint32(body)), int(bo.Uint32(body[12:]))
			if iface >= len(links) || capLen > len(body)-20 {
				return truncatedAt(off - n)
			}
			if s, ok := parseFrame(links[iface], body[20:20+capLen]); ok && !fn(s) {
				return nil
			}
		case 3: // Simple Packet Block: interface 0
			if len(body) < 4 || len(links) == 0 {
				return truncatedAt(off - n)
			}
			capLen := min(int(bo.Uint32(body)), len(body)-4)
			if s, ok := parseFrame(links[0], body[4:4+capLen]); ok && !fn(s) {
				return nil
			}
		}
	}
	return nil
}

// parseFrame finds the IP packet in a frame of the given link type and the
// TCP segment in it.
func parseFrame(link uint32, b []byte) (segment, bool) {
	switch link {
	case linkNull, linkLoop:
		if len(b) < 4 {
			return segment{}, false
		}
		b = b[4:]
	case linkEthernet:
		if len(b) < 14 {
			return segment{}, false
		}
		typ, off := binary.BigEndian.Uint16(b[12:]), 14
		for (typ == 0x8100 || typ == 0x88a8) && len(b) >= off+4 { // VLAN tags
			typ, off = binary.BigEndian.Uint16(b[off+2:]), off+4
		}
		if typ != 0x0800 && typ != 0x86dd {
			return segment{}, false
		}
		b = b[off:]
	case linkSLL:
		if len(b) < 16 {
			return segment{}, false
		}
		b = b[16:]
	case linkSLL2:
		if len(b) < 20 {
			return segment{}, false
		}
		b = b[20:]
	case linkRaw, linkRawBSD, linkRawBSD14, linkIPv4, linkIPv6:
	default:
		return segment{}, false
	}
	return parseIP(b)
}

// parseIP returns the addresses and the TCP segment, as captured, of an
// IPv4 (RFC 791 §3.1) or IPv6 (RFC 8200 §3, §4) packet carrying TCP.
// Bytes after the IP length (link-layer padding) are dropped; a non-first
// fragment is not a segment.
func parseIP(b []byte) (segment, bool) {
	if len(b) < 20 {
		return segment{}, false
	}
	switch b[0] >> 4 {
	case 4:
		ihl, total := int(b[0]&0xf)*4, int(binary.BigEndian.Uint16(b[2:]))
		fragOff := binary.BigEndian.Uint16(b[6:]) & 0x1fff
		if ihl < 20 || total < ihl || len(b) < ihl || b[9] != checksum.ProtocolTCP || fragOff != 0 {
			return segment{}, false
		}
		end := min(total, len(b))
		return segment{netip.AddrFrom4([4]byte(b[12:16])), netip.AddrFrom4([4]byte(b[16:20])), b[1], b[ihl:end]}, true
	case 6:
		if len(b) < 40 {
			return segment{}, false
		}
		end := min(40+int(binary.BigEndian.Uint16(b[4:])), len(b))
		next, off := b[6], 40
		for next != checksum.ProtocolTCP {
			if off+8 > end {
				return segment{}, false
			}
			switch next {
			case 0, 43, 60: // hop-by-hop, routing, destination options
				next, off = b[off], off+(int(b[off+1])+1)*8
			case 44: // fragment
				if binary.BigEndian.Uint16(b[off+2:])>>3 != 0 {
					return segment{}, false
				}
				next, off = b[off], off+8
			default:
				return segment{}, false
			}
		}
		if off > end {
			return segment{}, false
		}
		tclass := b[0]<<4 | b[1]>>4
		return segment{netip.AddrFrom16([16]byte(b[8:24])), netip.AddrFrom16([16]byte(b[24:40])), tclass, b[off:end]}, true
	}
	return segment{}, false
}

// appendPcap appends a pcap file of raw IP packets (LINKTYPE_RAW), one
// segment each, a millisecond apart.
func appendPcap(b []byte, segs []segment) []byte {
	le := binary.LittleEndian
	b = le.AppendUint32(b, 0xa1b2c3d4) // microsecond timestamps
	b = le.AppendUint16(b, 2)
	b = le.AppendUint16(b, 4)
	b = le.AppendUint32(b, 0) // GMT offset
	b = le.AppendUint32(b, 0) // accuracy
	b = le.AppendUint32(b, 262144)
	b = le.AppendUint32(b, linkRaw)
	for i, s := range segs {
		ip := ipHeader(s.src, s.dst, s.tos, len(s.tcp))
		n := uint32(len(ip) + len(s.tcp))
		b = le.AppendUint32(b, 1767225600) // 2026-01-01T00:00:00Z
		b = le.AppendUint32(b, uint32(i)*1000)
		b = le.AppendUint32(b, n)
		b = le.AppendUint32(b, n)
		b = append(b, ip...)
		b = append(b, s.tcp...)
	}
	return b
}

// ipHeader returns an IPv4 (RFC 791 §3.1, don't fragment, TTL 64, header
// checksum filled in) or IPv6 (RFC 8200 §3, hop limit 64) header for a TCP
// segment of n bytes sent with the TOS or Traffic Class byte tos.
func ipHeader(src, dst netip.Addr, tos uint8, n int) []byte {
	if src.Is4() {
		h := make([]byte, 20, 20+n)
		h[0] = 0x45
		h[1] = tos
		binary.BigEndian.PutUint16(h[2:], uint16(20+n))
		h[6] = 0x40
		h[8] = 64
		h[9] = checksum.ProtocolTCP
		copy(h[12:], src.AsSlice())
		copy(h[16:], dst.AsSlice())
		binary.BigEndian.PutUint16(h[10:], checksum.Checksum(h))
		return h
	}
	h := make([]byte, 40, 40+n)
	h[0] = 0x60 | tos>>4
	h[1] = tos << 4
	binary.BigEndian.PutUint16(h[4:], uint16(n))
	h[6] = checksum.ProtocolTCP
	h[7] = 64
	copy(h[8:], src.AsSlice())
	copy(h[24:], dst.AsSlice())
	return h
}
