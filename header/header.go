package header

import (
	"encoding/binary"
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
// On error h holds what was decoded before the problem was found; the error
// is an *Error naming the problem and its byte offset. It refers to memory in
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
	hl := int(off) * 4
	if hl > len(b) {
		return o.fail(ErrTruncated, 12, 0, len(b), hl)
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
	h.Payload = nil
	if hl < len(b) {
		h.Payload = b[hl:]
	}
	o.Reset()
	o.n = uint8(copy(o.buf[:], b[MinLen:hl]))
	if o.n == 0 {
		return nil
	}
	return o.parse()
}

// parse checks and indexes the option area o.buf[:o.n].
func (o *Options) parse() error {
	b := o.buf[:o.n]
	var warn bool
	for i := 0; i < len(b); {
		k := Kind(b[i])
		switch k {
		case KindEnd:
			o.index(k, i)
			if warn {
				return &o.err
			}
			return nil
		case KindNOP:
			i++
			continue
		}
		if i+1 >= len(b) {
			return o.fail(ErrOptionLength, MinLen+i, k, 0, 2)
		}
		l := int(b[i+1])
		switch {
		case l < 2:
			return o.fail(ErrOptionLength, MinLen+i, k, l, 2)
		case i+l > len(b):
			return o.fail(ErrOptionOverflow, MinLen+i, k, l, len(b)-i)
		case !k.validLength(l):
			return o.fail(ErrOptionSize, MinLen+i, k, l, int(kinds[k].min))
		case k == KindSACK && l == 2:
			return o.fail(ErrSACKBlocks, MinLen+i, k, 0, maxSACKBlocks)
		case k == KindWindowScale && b[i+2] > maxWindowShift && !warn:
			warn = true
			o.fail(ErrWindowScale, MinLen+i, k, int(b[i+2]), maxWindowShift)
		}
		o.index(k, i)
		i += l
	}
	if warn {
		return &o.err
	}
	return nil
}

// HeaderLen returns the length of the encoded header: 20 bytes and the
// options padded to a multiple of 4.
func (h *Header) HeaderLen() int { return MinLen + (h.Options.Len()+3)&^3 }

// Len returns the length of the encoded segment: header and payload.
func (h *Header) Len() int { return h.HeaderLen() + len(h.Payload) }

// check reports why h cannot be encoded.
func (h *Header) check() error {
	o := &h.Options
	if h.Flags&^flagMask != 0 {
		return o.fail(ErrFlags, 12, 0, int(h.Flags), int(flagMask))
	}
	if want := uint8(h.HeaderLen() / 4); h.DataOffset != 0 && h.DataOffset != want {
		return o.fail(ErrDataOffset, 12, 0, int(h.DataOffset), int(want))
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
	if err := h.check(); err != nil {
		return 0, err
	}
	n := h.Len()
	if len(b) < n {
		return 0, h.Options.fail(ErrShortBuffer, len(b), 0, len(b), n)
	}
	h.put(b[:n])
	return n, nil
}

// AppendBinary appends the encoded segment to b (encoding.BinaryAppender).
// Errors are those of Encode.
func (h *Header) AppendBinary(b []byte) ([]byte, error) {
	if err := h.check(); err != nil {
		return b, err
	}
	n := h.Len()
	b = append(b, make([]byte, n)...)
	h.put(b[len(b)-n:])
	return b, nil
}

// put writes the segment to b, which is exactly h.Len() bytes long.
func (h *Header) put(b []byte) {
	hl := h.HeaderLen()
	binary.BigEndian.PutUint16(b[0:], h.SrcPort)
	binary.BigEndian.PutUint16(b[2:], h.DstPort)
	binary.BigEndian.PutUint32(b[4:], uint32(h.Seq))
	binary.BigEndian.PutUint32(b[8:], uint32(h.Ack))
	b[12] = byte(hl/4)<<4 | byte(h.Flags>>8)
	b[13] = byte(h.Flags)
	binary.BigEndian.PutUint16(b[14:], h.Window)
	binary.BigEndian.PutUint16(b[16:], h.Checksum)
	binary.BigEndian.PutUint16(b[18:], h.Urgent)
	clear(b[MinLen+copy(b[MinLen:hl], h.Options.Bytes()) : hl])
	copy(b[hl:], h.Payload)
}

// AppendText appends the one-line summary tcpdump prints for the segment:
// "1234 > 80: Flags [S], seq 1000, win 64240, options [mss 1460], length 0".
func (h *Header) AppendText(b []byte) ([]byte, error) {
	b = strconv.AppendUint(b, uint64(h.SrcPort), 10)
	b = append(b, " > "...)
	b = strconv.AppendUint(b, uint64(h.DstPort), 10)
	b = append(b, ": Flags "...)
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
	b = strconv.AppendInt(b, int64(len(h.Payload)), 10)
	return b, nil
}

// String returns the summary AppendText gives.
func (h *Header) String() string {
	b, _ := h.AppendText(nil)
	return string(b)
}
