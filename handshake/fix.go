package handshake

import (
	"errors"

	"github.com/tcpwire/tcpwire/header"
)

// Fix is one change to a segment: set Field to Value, or, for
// FieldOptions, replace the option area with Options.
type Fix struct {
	Field Field `json:"field"`
	// Value is the new value of a numeric field (seq, ack, flags, window,
	// checksum, urgent, tos).
	Value uint32 `json:"value"`
	// Options is the new option area when Field is FieldOptions.
	Options []byte `json:"options,omitempty"`
	// Text says what the fix does: "set ack to 1001".
	Text string `json:"text"`
}

// ErrFix: a Fix names a field it cannot set.
var ErrFix = errors.New("handshake: fix names no settable field")

// Apply makes the change to h. The checksum is left as it is (see
// Segment.Apply, which keeps it correct); FieldTOS is not in the header
// and is ErrFix here.
func (f *Fix) Apply(h *header.Header) error {
	switch f.Field {
	case FieldSeq:
		h.Seq = header.Seq(f.Value)
	case FieldAck:
		h.Ack = header.Seq(f.Value)
	case FieldFlags:
		h.Flags = header.Flags(f.Value)
	case FieldWindow:
		h.Window = uint16(f.Value)
	case FieldChecksum:
		h.Checksum = uint16(f.Value)
	case FieldUrgent:
		h.Urgent = uint16(f.Value)
	case FieldOptions:
		if err := h.Options.SetBytes(f.Options); err != nil {
			return err
		}
		h.DataOffset = 0
	default:
		return ErrFix
	}
	return nil
}

// Edit overrides fields of a built step's segment: each non-nil field
// replaces what the builder computed. A nil Checksum means the checksum is
// computed (correct); set it to send a deliberately wrong one.
type Edit struct {
	SrcPort  *uint16     `json:"srcPort,omitempty"`
	DstPort  *uint16     `json:"dstPort,omitempty"`
	Seq      *header.Seq `json:"seq,omitempty"`
	Ack      *header.Seq `json:"ack,omitempty"`
	Flags    *uint16     `json:"flags,omitempty"`
	Window   *uint16     `json:"window,omitempty"`
	Checksum *uint16     `json:"checksum,omitempty"`
	Urgent   *uint16     `json:"urgent,omitempty"`
	// Options replaces the option area (raw bytes, checked as Decode does).
	Options *[]byte `json:"options,omitempty"`
	// Payload replaces the data.
	Payload *[]byte `json:"payload,omitempty"`
	// TOS replaces the IP TOS / Traffic Class byte.
	TOS *uint8 `json:"tos,omitempty"`
	// DataOffset replaces the data offset nibble of the encoded header
	// (values above 15 keep their low four bits), even when the options
	// disagree with it.
	DataOffset *uint8 `json:"dataOffset,omitempty"`
	// TCP replaces the whole segment, header and payload, with these bytes
	// as they are (a segment imported from hex); the other fields are
	// ignored, bar TOS.
	TCP *[]byte `json:"tcp,omitempty"`
}

// Apply records the fix f in e, so that rebuilding the step applies it.
func (e *Edit) Apply(f *Fix) error {
	v := f.Value
	switch f.Field {
	case FieldSeq, FieldAck:
		s := header.Seq(v)
		if f.Field == FieldSeq {
			e.Seq = &s
		} else {
			e.Ack = &s
		}
	case FieldFlags:
		x := uint16(v)
		e.Flags = &x
	case FieldWindow:
		x := uint16(v)
		e.Window = &x
	case FieldChecksum:
		// A correct checksum is what the builder computes.
		e.Checksum = nil
	case FieldUrgent:
		x := uint16(v)
		e.Urgent = &x
	case FieldOptions:
		o := append([]byte(nil), f.Options...)
		e.Options = &o
	case FieldTOS:
		x := uint8(v)
		e.TOS = &x
	default:
		return ErrFix
	}
	return nil
}

// apply overrides the fields of h and *tos that e sets; it reports whether
// e fixes the checksum.
func (e *Edit) apply(h *header.Header, tos *uint8) (fixedSum bool, err error) {
	if e == nil {
		return false, nil
	}
	set16 := func(dst *uint16, v *uint16) {
		if v != nil {
			*dst = *v
		}
	}
	set16(&h.SrcPort, e.SrcPort)
	set16(&h.DstPort, e.DstPort)
	if e.Seq != nil {
		h.Seq = *e.Seq
	}
	if e.Ack != nil {
		h.Ack = *e.Ack
	}
	if e.Flags != nil {
		h.Flags = header.Flags(*e.Flags)
	}
	set16(&h.Window, e.Window)
	set16(&h.Urgent, e.Urgent)
	if e.Options != nil {
		if err := h.Options.SetBytes(*e.Options); err != nil {
			if he, ok := err.(*header.Error); !ok || !he.Warning() {
				return false, err
			}
		}
		h.DataOffset = 0
	}
	if e.Payload != nil {
		h.Payload = *e.Payload
	}
	if e.TOS != nil {
		*tos = *e.TOS
	}
	if e.Checksum != nil {
		h.Checksum = *e.Checksum
		return true, nil
	}
	return false, nil
}
