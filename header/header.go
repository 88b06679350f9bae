package header

import (
	"encoding/binary"
	"slices"
	"strconv"
)

// Header is a TCP header as plain data (RFC 9293 §3.1): every field of the
// wire format, the options and the payload that follows. Build one by hand
// or fill one with Decode; Encode writes it back.
type Header struct {
	SrcPort, DstPort uint16
	// Seq is the sequence number of the first octet of the segment (of the
	// SYN, when SYN is set).
	Seq Seq
	// Ack is the next sequence number the sender expects; meaningful only
	// with ACK set.
	Ack Seq
	// DataOffset is the header length in 32-bit words, 5 to 15. Decode sets
	// it; Encode computes it from Options when it is 0 and refuses a
	// non-zero value that disagrees with them.
	DataOffset uint8
	// Flags holds all 12 flag bits, reserved bits included.
	Flags Flags
	// Window is the receive window as sent, before any window scaling.
	Window uint16
	// Checksum is the checksum field as sent (see SetChecksum).
	Checksum uint16
	// Urgent is the urgent pointer; meaningful only with URG set.
	Urgent uint16
	// Options is the option area, padding included.
	Options Options
	// Payload is the segment data after the header. Decode makes it alias
	// the decoded buffer.
	Payload []byte
}

// Decode decodes the TCP segment in b (header, then payload) into h, checking
// the header strictly (see the package documentation for every rule). It
// never allocates: Payload aliases b (nil when the segment has no data), the
// options are copied into h.
//
// On error h holds what was decoded before the problem was found: the fixed
// fields once the first 20 bytes are there, and the options before a
// malformed one, or before the end of a buffer that the data offset runs
// past (a capture cut by its snap length). The error is an *Error naming
// the problem and its byte offset. It refers to memory in
// h and stays valid until h is decoded into or encoded again. The one
// error that leaves a fully decoded header is ErrWindowScale, a warning.
func (h *Header) Decode(b []byte) error {
	o := &h.Options
	if len(b) < MinLen {
		return o.fail(ErrShort, len(b), 0, len(b), MinLen)
	}
	off := b[12] >> 4
	if off < MinLen/4 {
		return o.fail(ErrDataOffset, 12, 0, int(off), MinLen/4)
	}
	h.SrcPort = binary.BigEndian.Uint16(b[0:])
	h.DstPort = binary.BigEndian.Uint16(b[2:])
	h.Seq = Seq(binary.BigEndian.Uint32(b[4:]))
	h.Ack = Seq(binary.BigEndian.Uint32(b[8:]))
	h.DataOffset = off
	h.Flags = Flags(b[12]&0x0f)<<8 | Flags(b[13])
	h.Window = binary.BigEndian.Uint16(b[14:])
	h.Checksum = binary.BigEndian.Uint16(b[16:])
	h.Urgent = binary.BigEndian.Uint16(b[18:])
	hl := int(off) * 4
	h.Payload = nil
	o.Reset()
	if hl > len(b) {
		// What was captured stays decoded, as a capture cut short by its
		// snap length shows it: the fixed fields and the options that end
		// before the cut.
		o.n = uint8(copy(o.buf[:], b[MinLen:]))
		o.parse()
		return o.fail(ErrTruncated, 12, 0, len(b), hl)
	}
	if hl < len(b) {
		h.Payload = b[hl:]
	}
	if hl == MinLen {
		return nil
	}
	o.n = uint8(copy(o.buf[:], b[MinLen:hl]))
	if o.parseCommon() {
		return nil
	}
	return o.parse()
}

// parseCommon recognises, with a few word compares, the option layouts that
// RFC 7323 Appendix A recommends and Linux sends on nearly every segment, and
// indexes them. Each layout it accepts is one parse accepts with the same
// result; for anything else it returns false and parse decides.
func (o *Options) parseCommon() bool {
	b := &o.buf
	switch n := int(o.n); {
	case n == 20:
		// SYN: MSS, SACK permitted, Timestamps, NOP, Window Scale ≤ 14.
		if binary.BigEndian.Uint16(b[0:]) == 0x0204 && binary.BigEndian.Uint32(b[4:]) == 0x0402080a &&
			binary.BigEndian.Uint32(b[16:])&0xffffff00 == 0x01030300 && b[19] <= maxWindowShift {
			o.at = [numIndexed]uint8{idxMSS: 1, idxSACKPermitted: 5, idxTimestamps: 7, idxWindowScale: 18}
			return true
		}
	case n == 12:
		// NOP, NOP, Timestamps.
		if binary.BigEndian.Uint32(b[0:]) == 0x0101080a {
			o.at[idxTimestamps] = 3
			return true
		}
	case n == 24 || n == 32 || n == 40:
		// NOP, NOP, Timestamps, NOP, NOP, SACK with 1 to 3 blocks.
		if binary.BigEndian.Uint32(b[0:]) == 0x0101080a && binary.BigEndian.Uint32(b[12:]) == 0x01010500|uint32(n-14) {
			o.at[idxTimestamps] = 3
			o.at[idxSACK] = 15
			return true
		}
	}
	return false
}

// parse checks and indexes the option area o.buf[:o.n]. It holds the one
// copy of the decoding rules in the package documentation's table. On an
// error (not the ErrWindowScale warning) it keeps only the options before
// the malformed one, so that All, String and the accessors never walk into
// it.
func (o *Options) parse() error {
	b := o.buf[:o.n]
	warn := false
	for i := 0; i < len(b); {
		k := Kind(b[i])
		if k <= KindNOP {
			if k == KindEnd {
				o.ended = true
				break
			}
			i++
			continue
		}
		if i+1 >= len(b) {
			return o.cut(i, ErrOptionLength, k, 0, 2)
		}
		l := int(b[i+1])
		switch {
		case l < 2:
			return o.cut(i, ErrOptionLength, k, l, 2)
		case i+l > len(b):
			return o.cut(i, ErrOptionOverflow, k, l, len(b)-i)
		case fixedLen[k] != 0:
			if l != int(fixedLen[k]) {
				return o.cut(i, ErrOptionSize, k, l, int(fixedLen[k]))
			}
			if k == KindWindowScale && b[i+2] > maxWindowShift && !warn {
				warn = true
				o.fail(ErrWindowScale, MinLen+i, k, int(b[i+2]), maxWindowShift)
			}
		case k == KindSACK && l == 2:
			return o.cut(i, ErrSACKBlocks, k, 0, maxSACKBlocks)
		case !k.validLength(l):
			return o.cut(i, ErrOptionSize, k, l, k.minLength())
		}
		if x := indexOf[k]; x != 0 && o.at[x-1] == 0 {
			o.at[x-1] = uint8(i + 1)
		}
		i += l
	}
	if warn {
		return &o.err
	}
	return nil
}

// cut reports an error of kind for the option at i of the area, and keeps
// only the options before it.
func (o *Options) cut(i int, kind error, k Kind, value, limit int) error {
	clear(o.buf[i:o.n])
	o.n = uint8(i)
	return o.fail(kind, MinLen+i, k, value, limit)
}

// HeaderLen returns the length of the encoded header: 20 bytes and the
// options padded to a multiple of 4.
func (h *Header) HeaderLen() int { return MinLen + (h.Options.Len()+3)&^3 }

// Len returns the length of the encoded segment: header and payload.
func (h *Header) Len() int { return h.HeaderLen() + len(h.Payload) }

// encodeError reports why h cannot be encoded into a buffer of size avail,
// for a header of hl bytes; it returns nil when h can be.
func (h *Header) encodeError(avail, hl int) error {
	switch n := hl + len(h.Payload); {
	case h.Flags&^flagMask != 0:
		return h.Options.fail(ErrFlags, 12, 0, int(h.Flags), int(flagMask))
	case h.DataOffset != 0 && int(h.DataOffset) != hl/4:
		return h.Options.fail(ErrDataOffset, 12, 0, int(h.DataOffset), hl/4)
	case avail < n:
		return h.Options.fail(ErrShortBuffer, avail, 0, avail, n)
	}
	return nil
}

// Encode writes the segment (header, then payload) to the start of b and
// returns the number of bytes written, h.Len(). Options are padded with zero
// bytes to a multiple of 4. It reports ErrShortBuffer when b is too small,
// ErrFlags for flag bits beyond the 12 the header holds and ErrDataOffset
// when a non-zero DataOffset disagrees with the options; it never writes a
// field that would not round-trip. The error refers to memory in h.
func (h *Header) Encode(b []byte) (int, error) {
	hl := h.HeaderLen()
	n := hl + len(h.Payload)
	if h.Flags > flagMask || (h.DataOffset != 0 && int(h.DataOffset)*4 != hl) || len(b) < n {
		return 0, h.encodeError(len(b), hl)
	}
	_ = b[MinLen-1] // len(b) ≥ n ≥ 20: lets the compiler drop the bounds checks below
	binary.BigEndian.PutUint32(b[0:], uint32(h.SrcPort)<<16|uint32(h.DstPort))
	binary.BigEndian.PutUint32(b[4:], uint32(h.Seq))
	binary.BigEndian.PutUint32(b[8:], uint32(h.Ack))
	binary.BigEndian.PutUint32(b[12:], uint32(hl/4)<<28|uint32(h.Flags)<<16|uint32(h.Window))
	binary.BigEndian.PutUint32(b[16:], uint32(h.Checksum)<<16|uint32(h.Urgent))
	// The option area goes over in a few fixed-size moves, overlapping
	// where its length is not a multiple of 16, which the compiler emits
	// inline where copy would call memmove; the bytes of buf past the
	// options are zero (see Options) and so serve as the padding.
	src, opts := h.Options.buf[:], b[MinLen:hl:hl]
	switch l := len(opts); {
	case l == 0:
	case l == 4:
		*(*[4]byte)(opts) = [4]byte(src)
	case l == 8:
		*(*[8]byte)(opts) = [8]byte(src)
	case l == 12:
		*(*[8]byte)(opts) = [8]byte(src)
		*(*[4]byte)(opts[8:]) = [4]byte(src[8:])
	case l <= 32:
		*(*[16]byte)(opts) = [16]byte(src)
		*(*[16]byte)(opts[l-16:]) = [16]byte(src[l-16:])
	default:
		*(*[16]byte)(opts) = [16]byte(src)
		*(*[16]byte)(opts[16:]) = [16]byte(src[16:])
		*(*[16]byte)(opts[l-16:]) = [16]byte(src[l-16:])
	}
	if len(h.Payload) > 0 {
		copy(b[hl:n], h.Payload)
	}
	return n, nil
}

// AppendBinary appends the encoded segment to b (encoding.BinaryAppender).
// Errors are those of Encode.
func (h *Header) AppendBinary(b []byte) ([]byte, error) {
	n := h.Len()
	b = slices.Grow(b, n)
	if _, err := h.Encode(b[len(b) : len(b)+n]); err != nil {
		return b, err
	}
	return b[:len(b)+n], nil
}

// AppendText appends the one-line summary tcpdump prints for the segment:
// "1234 > 80: Flags [S], seq 1000, win 64240, options [mss 1460], length 0".
func (h *Header) AppendText(b []byte) ([]byte, error) {
	b = strconv.AppendUint(b, uint64(h.SrcPort), 10)
	b = append(b, " > "...)
	b = strconv.AppendUint(b, uint64(h.DstPort), 10)
	b = append(b, ": "...)
	return h.AppendSummary(b), nil
}

// AppendSummary appends what tcpdump prints after the addresses and ports:
// "Flags [S.], seq 1000, ack 2001, win 64240, options [mss 1460], length 0".
// Sequence numbers are the raw values.
func (h *Header) AppendSummary(b []byte) []byte {
	b = append(b, "Flags "...)
	b, _ = h.Flags.AppendText(b)
	b = append(b, ", seq "...)
	b = strconv.AppendUint(b, uint64(h.Seq), 10)
	if len(h.Payload) > 0 {
		b = append(b, ':')
		b = strconv.AppendUint(b, uint64(h.Seq.Add(uint32(len(h.Payload)))), 10)
	}
	if h.Flags.Has(ACK) {
		b = append(b, ", ack "...)
		b = strconv.AppendUint(b, uint64(h.Ack), 10)
	}
	b = append(b, ", win "...)
	b = strconv.AppendUint(b, uint64(h.Window), 10)
	if h.Flags.Has(URG) {
		b = append(b, ", urg "...)
		b = strconv.AppendUint(b, uint64(h.Urgent), 10)
	}
	if h.Options.Len() > 0 {
		b = append(b, ", options ["...)
		b, _ = h.Options.AppendText(b)
		b = append(b, ']')
	}
	b = append(b, ", length "...)
	return strconv.AppendInt(b, int64(len(h.Payload)), 10)
}

// String returns the summary AppendText gives.
func (h *Header) String() string {
	b, _ := h.AppendText(nil)
	return string(b)
}
