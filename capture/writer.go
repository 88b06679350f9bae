package capture

import (
	"encoding/binary"
	"io"
	"math"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"

	"github.com/tcpwire/tcpwire/checksum"
)

// writerSnapLen is the snap length written in the file header: libpcap's
// largest, so that readers accept every record.
const writerSnapLen = 262144

// hopLimit is the TTL or hop limit of the IP headers the Writer builds.
const hopLimit = 64

// Writer writes TCP segments to a classic pcap file with nanosecond
// timestamps, building the IP header (and, for LinkEthernet, an Ethernet
// header with zero MAC addresses, as a Linux loopback capture has) around
// each segment.
type Writer struct {
	w    *pcapgo.Writer
	link LinkType
	buf  []byte
}

// NewWriter writes the pcap file header for link type LinkRaw or
// LinkEthernet and returns a Writer for the records. Other link types get
// a *LinkTypeError.
func NewWriter(w io.Writer, link LinkType) (*Writer, error) {
	if link != LinkRaw && link != LinkEthernet {
		return nil, &LinkTypeError{LinkType: link}
	}
	pw := pcapgo.NewWriterNanos(w)
	if err := pw.WriteFileHeader(writerSnapLen, layers.LinkType(link)); err != nil {
		return nil, err
	}
	return &Writer{w: pw, link: link}, nil
}

// WritePacket writes one record holding p. The IP header gets p.Src,
// p.Dst, p.TOS, TTL/hop limit 64 and the length p.Length (len(p.TCP) when
// Length is 0); an IPv4 header has Don't Fragment set and its header
// checksum filled in (RFC 791 §3.1). A Length above len(p.TCP) writes a
// record cut to the bytes present, as a short snap length would. A
// Fragmented packet is written as a first fragment: IPv4 More Fragments,
// or an IPv6 Fragment header with M set (RFC 8200 §4.5). The TCP bytes are
// written as they are: their checksum is the caller's. A zero Time is
// written as the Unix epoch.
//
// It returns ErrAddress, ErrLength or ErrTime for a packet it cannot
// write.
func (w *Writer) WritePacket(p Packet) error {
	length := p.Length
	if length == 0 {
		length = len(p.TCP)
	}
	if length < len(p.TCP) {
		return ErrLength
	}
	t := p.Time
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	if s := t.Unix(); s < 0 || s > math.MaxUint32 {
		return ErrTime
	}
	b := w.buf[:0]
	if w.link == LinkEthernet {
		var macs [12]byte // destination and source
		et := uint16(etherTypeIPv6)
		if p.Src.Is4() {
			et = etherTypeIPv4
		}
		b = binary.BigEndian.AppendUint16(append(b, macs[:]...), et)
	}
	var err error
	if b, err = appendIP(b, &p, length); err != nil {
		return err
	}
	b = append(b, p.TCP...)
	w.buf = b
	ci := gopacket.CaptureInfo{Timestamp: t, CaptureLength: len(b), Length: len(b) + length - len(p.TCP)}
	return w.w.WritePacket(ci, b)
}

// appendIP appends the IPv4 or IPv6 header for p, whose TCP length is
// length.
func appendIP(b []byte, p *Packet, length int) ([]byte, error) {
	switch {
	case p.Src.Is4() && p.Dst.Is4():
		if length > math.MaxUint16-ipv4HeaderLen {
			return b, ErrLength
		}
		flags := uint16(ipv4FlagDF)
		if p.Fragmented {
			flags = ipv4FlagMF
		}
		h := len(b)
		b = append(b, ipV4<<4|ipv4HeaderLen/4, p.TOS)
		b = binary.BigEndian.AppendUint16(b, uint16(ipv4HeaderLen+length))
		b = append(b, 0, 0) // identification
		b = binary.BigEndian.AppendUint16(b, flags)
		b = append(b, hopLimit, protoTCP, 0, 0)
		src, dst := p.Src.As4(), p.Dst.As4()
		b = append(b, src[:]...)
		b = append(b, dst[:]...)
		binary.BigEndian.PutUint16(b[h+10:], checksum.Checksum(b[h:]))
		return b, nil
	case p.Src.Is6() && p.Dst.Is6():
		next, ext := byte(protoTCP), 0
		if p.Fragmented {
			next, ext = protoFragment, 8
		}
		if ext+length > math.MaxUint16 {
			return b, ErrLength
		}
		b = append(b, ipV6<<4|p.TOS>>4, p.TOS<<4, 0, 0) // flow label 0
		b = binary.BigEndian.AppendUint16(b, uint16(ext+length))
		b = append(b, next, hopLimit)
		src, dst := p.Src.As16(), p.Dst.As16()
		b = append(b, src[:]...)
		b = append(b, dst[:]...)
		if p.Fragmented {
			// Next Header TCP, offset 0, M set, identification 0.
			b = append(b, protoTCP, 0, 0, 1, 0, 0, 0, 0)
		}
		return b, nil
	}
	return b, ErrAddress
}
