package capture

import (
	"io"
	"math"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"

	"github.com/tcpwire/tcpwire/capture/frame"
)

// writerSnapLen is the snap length written in the file header: libpcap's
// largest, so that readers accept every record.
const writerSnapLen = 262144

// Writer writes TCP segments to a classic pcap file with nanosecond
// timestamps, building the IP header (and, for frame.LinkEthernet, an
// Ethernet header) around each segment.
type Writer struct {
	w    *pcapgo.Writer
	link frame.LinkType
	buf  []byte
}

// NewWriter writes the pcap file header for link type frame.LinkRaw or
// frame.LinkEthernet and returns a Writer for the records. Other link types get
// a *LinkTypeError.
func NewWriter(w io.Writer, link frame.LinkType) (*Writer, error) {
	if link != frame.LinkRaw && link != frame.LinkEthernet {
		return nil, &LinkTypeError{LinkType: link}
	}
	pw := pcapgo.NewWriterNanos(w)
	if err := pw.WriteFileHeader(writerSnapLen, layers.LinkType(link)); err != nil {
		return nil, err
	}
	return &Writer{w: pw, link: link}, nil
}

// WritePacket writes one record holding p, with the headers
// frame.AppendHeaders builds for the TCP length p.Length (len(p.TCP) when
// Length is 0). A Length above len(p.TCP) writes a record cut to the bytes
// present, as a short snap length would. The TCP bytes are written as
// they are: their checksum is the caller's. A zero Time is written as the
// Unix epoch.
//
// It returns frame.ErrAddress or frame.ErrLength, or ErrTime, for a packet
// it cannot write.
func (w *Writer) WritePacket(p frame.Packet) error {
	length := p.Length
	if length == 0 {
		length = len(p.TCP)
	}
	t := p.Time
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	if s := t.Unix(); s < 0 || s > math.MaxUint32 {
		return ErrTime
	}
	b, err := frame.AppendHeaders(w.buf[:0], w.link, &p, length)
	if err != nil {
		return err
	}
	b = append(b, p.TCP...)
	w.buf = b
	ci := gopacket.CaptureInfo{Timestamp: t, CaptureLength: len(b), Length: len(b) + length - len(p.TCP)}
	return w.w.WritePacket(ci, b)
}
