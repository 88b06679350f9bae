package capture

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"

	"github.com/tcpwire/tcpwire/capture/frame"
)

// Magic numbers at offset 0 of a capture file, read little-endian.
const (
	magicPcapMicro        = 0xa1b2c3d4
	magicPcapMicroSwapped = 0xd4c3b2a1
	magicPcapNano         = 0xa1b23c4d
	magicPcapNanoSwapped  = 0x4d3cb2a1
	magicPcapng           = 0x0a0d0d0a // Section Header Block type
)

// IsCapture reports whether prefix, the first 4 bytes of a file, is the
// magic number of a pcap (either byte order, micro- or nanosecond) or
// pcapng file.
func IsCapture(prefix []byte) bool {
	if len(prefix) < 4 {
		return false
	}
	switch binary.LittleEndian.Uint32(prefix) {
	case magicPcapMicro, magicPcapMicroSwapped, magicPcapNano, magicPcapNanoSwapped, magicPcapng:
		return true
	}
	return false
}

// Stats counts the frames a Reader has read so far. Frames is the sum of
// the other four.
type Stats struct {
	// Frames is the number of frames (packet records) read.
	Frames int
	// Segments is the number of TCP segments returned.
	Segments int
	// NotTCP counts frames skipped because they carry no TCP: other
	// EtherTypes or IP protocols, ESP, or a pcapng interface whose link
	// type the Reader does not decode.
	NotTCP int
	// Fragments counts IP fragments other than the first, skipped.
	Fragments int
	// Malformed counts frames reported as a *FrameError.
	Malformed int
}

// frameSource is what the pcap and pcapng decoders have in common.
type frameSource interface {
	ZeroCopyReadPacketData() ([]byte, gopacket.CaptureInfo, error)
}

// Reader reads the TCP segments of a pcap or pcapng capture, one frame at a
// time, without allocating per frame (for frames up to libpcap's 256 KiB
// maximum snap length).
type Reader struct {
	src    frameSource
	link   frame.LinkType // of a pcap file; pcapng frames carry their own
	ng     bool
	frame  int
	stats  Stats
	err    error // sticky: io.EOF or a *FileError
	frmErr FrameError
}

// NewReader reads the file header of a capture in pcap (microsecond or
// nanosecond, either byte order) or pcapng format, told apart by the magic
// number. It returns a *FormatError for any other input, a *FileError when
// the header cannot be read, and a *LinkTypeError for a pcap file of a link
// type the Reader does not decode. A gzip-compressed capture is not
// recognised: decompress it first (compress/gzip).
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReader(r)
	magic, err := br.Peek(4)
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, &FileError{Err: err}
	}
	switch binary.LittleEndian.Uint32(magic) {
	case magicPcapMicro, magicPcapMicroSwapped, magicPcapNano, magicPcapNanoSwapped:
		pr, err := pcapgo.NewReader(br)
		if err != nil {
			return nil, &FileError{Err: err}
		}
		lt := frame.LinkType(pr.LinkType())
		if !lt.Supported() {
			return nil, &LinkTypeError{LinkType: lt}
		}
		return &Reader{src: pr, link: lt}, nil
	case magicPcapng:
		nr, err := pcapgo.NewNgReader(br, pcapgo.NgReaderOptions{WantMixedLinkType: true})
		if err != nil {
			return nil, &FileError{Err: err}
		}
		return &Reader{src: nr, ng: true}, nil
	}
	return nil, &FormatError{Magic: [4]byte(magic)}
}

// Next returns the next TCP segment. Frames without TCP and IP fragments
// other than the first are skipped and counted in Stats.
//
// At the end of the file Next returns io.EOF. A malformed or cut frame
// returns a *FrameError, and the next call goes on with the next frame. A
// damaged file returns a *FileError, and so does every call after it.
//
// Packet.TCP, and the *FrameError, are valid until the next call to Next.
func (r *Reader) Next() (frame.Packet, error) {
	for r.err == nil {
		data, ci, err := r.src.ZeroCopyReadPacketData()
		if err != nil {
			if err == io.EOF {
				r.err = io.EOF
			} else {
				r.err = &FileError{Frame: r.frame + 1, Err: err}
			}
			break
		}
		r.frame++
		r.stats.Frames++
		lt := r.link
		if r.ng {
			if len(ci.AncillaryData) == 0 {
				r.stats.NotTCP++
				continue
			}
			t, _ := ci.AncillaryData[0].(layers.LinkType)
			lt = frame.LinkType(t)
		}
		p := frame.Packet{Frame: r.frame, Time: ci.Timestamp}
		res, off, err := frame.Decode(lt, data, ci.Length, &p)
		switch res {
		case frame.Segment:
			r.stats.Segments++
			return p, nil
		case frame.NotTCP:
			r.stats.NotTCP++
		case frame.Fragment:
			r.stats.Fragments++
		case frame.Malformed:
			r.stats.Malformed++
			r.frmErr = FrameError{Frame: r.frame, Offset: off, Err: err}
			return frame.Packet{}, &r.frmErr
		}
	}
	return frame.Packet{}, r.err
}

// Stats returns the counts of the frames read so far.
func (r *Reader) Stats() Stats { return r.stats }
