package header

import (
	"errors"
	"strconv"
)

// The kinds of error the codec reports. Every error it returns is an *Error
// whose Kind is one of these, so errors.Is(err, ErrOptionLength) tells what
// went wrong and errors.As gives the *Error with the byte offset.
var (
	// ErrShort: the buffer is shorter than the 20-byte fixed header.
	ErrShort = errors.New("shorter than the 20-byte fixed header")
	// ErrDataOffset: the data offset is below 5 words, or an encoded
	// header's DataOffset disagrees with its options.
	ErrDataOffset = errors.New("bad data offset")
	// ErrTruncated: the data offset points past the end of the buffer.
	ErrTruncated = errors.New("data offset past the end of the buffer")
	// ErrOptionLength: an option's length byte is below 2, or missing.
	ErrOptionLength = errors.New("option length below 2")
	// ErrOptionOverflow: an option runs past the end of the option area.
	ErrOptionOverflow = errors.New("option runs past the option area")
	// ErrOptionSize: an option's length is not one its kind allows.
	ErrOptionSize = errors.New("wrong length for the option kind")
	// ErrSACKBlocks: a SACK option holds no block, or more than 4.
	ErrSACKBlocks = errors.New("SACK block count out of range")
	// ErrWindowScale: a Window Scale shift above 14. The header is fully
	// decoded; RFC 7323 §2.3 says to log it and use 14.
	ErrWindowScale = errors.New("window scale shift above 14")
	// ErrOptionSpace: the options do not fit in the 40-byte option area.
	ErrOptionSpace = errors.New("options exceed 40 bytes")
	// ErrFlags: a Flags value has bits above the 12 the header carries.
	ErrFlags = errors.New("flags beyond the 12 header bits")
	// ErrShortBuffer: the destination buffer is too small for the segment.
	ErrShortBuffer = errors.New("destination buffer too small")
)

// Error is an error found at a byte offset of a TCP header.
//
// The codec never formats a message until Error is called, so returning one
// costs nothing.
type Error struct {
	// Kind is one of the Err… values above.
	Kind error
	// Offset is the byte offset from the start of the TCP header: of the
	// option's kind byte for an option error, 12 for the data offset.
	Offset int
	// Option is the kind of the option at fault, for option errors.
	Option Kind
	// Value is the value found: the option's length or Window Scale shift,
	// the data offset, or the buffer length.
	Value int
	// Limit is the bound Value broke: the least or the most allowed, or the
	// length needed.
	Limit int
}

// Error describes the problem and where it is.
func (e *Error) Error() string {
	b := []byte("tcp header: ")
	b = append(b, e.Kind.Error()...)
	switch e.Kind {
	case ErrShort, ErrTruncated, ErrShortBuffer:
		b = append(b, ": have "...)
		b = strconv.AppendInt(b, int64(e.Value), 10)
		b = append(b, " bytes, need "...)
		b = strconv.AppendInt(b, int64(e.Limit), 10)
	case ErrDataOffset:
		b = append(b, ": "...)
		b = strconv.AppendInt(b, int64(e.Value), 10)
		b = append(b, " words, want "...)
		b = strconv.AppendInt(b, int64(e.Limit), 10)
	case ErrFlags:
		b = append(b, ": 0x"...)
		b = strconv.AppendInt(b, int64(e.Value), 16)
	case ErrOptionSpace:
		b = append(b, ": "...)
		b = strconv.AppendInt(b, int64(e.Value), 10)
		b = append(b, " bytes"...)
	default:
		b = append(b, ": option "...)
		b = append(b, e.Option.String()...)
		b = append(b, " (kind "...)
		b = strconv.AppendInt(b, int64(e.Option), 10)
		b = append(b, ")"...)
		switch e.Kind {
		case ErrSACKBlocks:
			b = append(b, " with "...)
			b = strconv.AppendInt(b, int64(e.Value), 10)
			b = append(b, " blocks"...)
		case ErrWindowScale:
			b = append(b, " shift "...)
			b = strconv.AppendInt(b, int64(e.Value), 10)
		default:
			b = append(b, " length "...)
			b = strconv.AppendInt(b, int64(e.Value), 10)
		}
	}
	b = append(b, " at byte "...)
	b = strconv.AppendInt(b, int64(e.Offset), 10)
	return string(b)
}

// Unwrap returns e.Kind, so that errors.Is matches the Err… values.
func (e *Error) Unwrap() error { return e.Kind }

// Warning reports whether the header was fully decoded despite e, as it is
// for ErrWindowScale: the value is well-formed and the RFC says how to use it.
func (e *Error) Warning() bool { return e.Kind == ErrWindowScale }
