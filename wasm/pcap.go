package main

import (
	"encoding/binary"
	"errors"
	"strconv"

	"github.com/tcpwire/tcpwire/capture/frame"
)

// The module reads the pcap and pcapng record framing itself rather than
// through the capture package: that package reads with gopacket, whose
// package initialisation keeps its protocol tables in any binary that
// imports it and would take the module to about 1.7 MB gzip-compressed,
// past its budget. What is inside each record, the link-layer and IP
// headers, is decoded by capture/frame, as the capture package does.
// pcap_test.go checks this reader against the capture package on every
// capture in testdata/captures.

var errCaptureFormat = errors.New("not a pcap or pcapng file")

// readCapture calls fn with each TCP segment of a pcap (file header and
// record layout of draft-ietf-opsawg-pcap) or pcapng
// (draft-ietf-opsawg-pcapng) file until fn returns false. Frames that are
// not IPv4 or IPv6 carrying TCP, non-first IP fragments and malformed
// frames are skipped.
func readCapture(file []byte, fn func(frame.Packet) bool) error {
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

func readPcap(file []byte, bo binary.ByteOrder, fn func(frame.Packet) bool) error {
	link := frame.LinkType(bo.Uint32(file[20:]))
	for off := 24; off < len(file); {
		if len(file)-off < 16 {
			return truncatedAt(off)
		}
		n, wire := int(bo.Uint32(file[off+8:])), int(bo.Uint32(file[off+12:]))
		if n > len(file)-off-16 {
			return truncatedAt(off)
		}
		data := file[off+16 : off+16+n]
		off += 16 + n
		if p, ok := decodeFrame(link, data, wire); ok && !fn(p) {
			return nil
		}
	}
	return nil
}

func readPcapng(file []byte, fn func(frame.Packet) bool) error {
	var bo binary.ByteOrder = binary.BigEndian
	var links []frame.LinkType
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
			links = append(links, frame.LinkType(bo.Uint16(body)))
		case 6: // Enhanced Packet Block
			if len(body) < 20 {
				return truncatedAt(off - n)
			}
			iface, capLen, wire := int(bo.Uint32(body)), int(bo.Uint32(body[12:])), int(bo.Uint32(body[16:]))
			if iface >= len(links) || capLen > len(body)-20 {
				return truncatedAt(off - n)
			}
			if p, ok := decodeFrame(links[iface], body[20:20+capLen], wire); ok && !fn(p) {
				return nil
			}
		case 3: // Simple Packet Block: interface 0
			if len(body) < 4 || len(links) == 0 {
				return truncatedAt(off - n)
			}
			wire := int(bo.Uint32(body))
			if p, ok := decodeFrame(links[0], body[4:4+min(wire, len(body)-4)], wire); ok && !fn(p) {
				return nil
			}
		}
	}
	return nil
}

// decodeFrame returns the TCP segment in a frame of link type lt, wire
// bytes long on the wire, when it holds one.
func decodeFrame(lt frame.LinkType, data []byte, wire int) (frame.Packet, bool) {
	var p frame.Packet
	res, _, _ := frame.Decode(lt, data, wire, &p)
	return p, res == frame.Segment
}

// appendPcap appends a pcap file of raw IP packets (LINKTYPE_RAW), one
// segment each, a millisecond apart.
func appendPcap(b []byte, segs []frame.Packet) ([]byte, error) {
	le := binary.LittleEndian
	b = le.AppendUint32(b, 0xa1b2c3d4) // microsecond timestamps
	b = le.AppendUint16(b, 2)
	b = le.AppendUint16(b, 4)
	b = le.AppendUint32(b, 0) // GMT offset
	b = le.AppendUint32(b, 0) // accuracy
	b = le.AppendUint32(b, 262144)
	b = le.AppendUint32(b, uint32(frame.LinkRaw))
	for i := range segs {
		rec := len(b)
		b = le.AppendUint32(b, 1767225600) // 2026-01-01T00:00:00Z
		b = le.AppendUint32(b, uint32(i)*1000)
		b = append(b, make([]byte, 8)...) // lengths, below
		var err error
		if b, err = frame.AppendHeaders(b, frame.LinkRaw, &segs[i], len(segs[i].TCP)); err != nil {
			return nil, err
		}
		b = append(b, segs[i].TCP...)
		n := uint32(len(b) - rec - 16)
		le.PutUint32(b[rec+8:], n)
		le.PutUint32(b[rec+12:], n)
	}
	return b, nil
}
