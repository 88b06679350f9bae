package capture

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/tcpwire/tcpwire/capture/frame"
)

// Sentinel errors. Test for them with errors.Is; the typed errors below
// wrap them and say where the problem is. The errors of a malformed frame
// (wrapped by *FrameError) and of a packet the Writer cannot build are
// those of the frame package.
var (
	// ErrUnknownFormat: the input starts with neither a pcap nor a pcapng
	// magic number (see *FormatError).
	ErrUnknownFormat = errors.New("not a pcap or pcapng file")
	// ErrLinkType: a link type the Reader cannot decode or the Writer
	// cannot write (see *LinkTypeError).
	ErrLinkType = errors.New("unsupported link type")
	// ErrTime: the Writer got a time that a pcap record cannot hold
	// (before 1970 or after 2106: the seconds field is an unsigned 32-bit
	// count).
	ErrTime = errors.New("time outside the range of a pcap record")
)

// FormatError is returned by NewReader when the input is neither pcap nor
// pcapng. It wraps ErrUnknownFormat.
type FormatError struct {
	// Magic holds the first four bytes of the input (offset 0).
	Magic [4]byte
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("capture: magic %x at offset 0: %v", e.Magic[:], ErrUnknownFormat)
}

// Unwrap returns ErrUnknownFormat.
func (e *FormatError) Unwrap() error { return ErrUnknownFormat }

// LinkTypeError reports a link type that is not supported. It wraps
// ErrLinkType.
type LinkTypeError struct {
	LinkType frame.LinkType
}

func (e *LinkTypeError) Error() string {
	return "capture: link type " + e.LinkType.String() + " (" + strconv.Itoa(int(e.LinkType)) + "): " + ErrLinkType.Error()
}

// Unwrap returns ErrLinkType.
func (e *LinkTypeError) Unwrap() error { return ErrLinkType }

// FileError reports that the capture file itself (its file header or the
// record or block framing a packet) cannot be read, for example because the
// file ends in the middle of a record. Reading cannot go on after it: every
// later call to Next returns the same error.
type FileError struct {
	// Frame is the 1-based number of the frame being read, 0 for the file
	// header.
	Frame int
	// Err is the error of the pcap or pcapng decoder (io.ErrUnexpectedEOF
	// for a file cut short).
	Err error
}

func (e *FileError) Error() string {
	if e.Frame == 0 {
		return "capture: file header: " + e.Err.Error()
	}
	return "capture: frame " + strconv.Itoa(e.Frame) + ": " + e.Err.Error()
}

// Unwrap returns the decoder's error.
func (e *FileError) Unwrap() error { return e.Err }

// FrameError reports a frame that the Reader skipped because its link-layer
// or IP headers are malformed or cut short. The next call to Next goes on
// with the next frame.
//
// The *FrameError returned by Next belongs to the Reader and is overwritten
// by the next FrameError it returns (so that skipping a bad frame does not
// allocate); copy the struct to keep it.
type FrameError struct {
	// Frame is the 1-based frame number in the file.
	Frame int
	// Offset is the byte offset, from the start of the frame's link-layer
	// header, of the field that is wrong or of the header that is cut.
	Offset int
	// Err is one of frame.ErrTruncated, ErrIPVersion, ErrIPHeader,
	// ErrIPLength, ErrExtensionHeader or ErrTCPLength.
	Err error
}

func (e *FrameError) Error() string {
	return "capture: frame " + strconv.Itoa(e.Frame) + ", offset " + strconv.Itoa(e.Offset) + ": " + e.Err.Error()
}

// Unwrap returns the sentinel error.
func (e *FrameError) Unwrap() error { return e.Err }
