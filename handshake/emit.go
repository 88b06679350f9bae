package handshake

import (
	"strconv"

	"github.com/tcpwire/tcpwire/header"
)

// emitter collects the findings of one segment. Nothing is formatted until
// a rule is broken, so a clean segment costs no allocation.
type emitter struct {
	out   []Finding
	index int
	frame int
	conn  int
	from  Side
}

// add records a finding.
func (e *emitter) add(sev Severity, code Code, rule string, field Field, seen, expected, msg string, fix *Fix) {
	e.out = append(e.out, Finding{
		Severity: sev, Code: code, Rule: rule,
		Segment: e.index, Frame: e.frame, Conn: e.conn, From: e.from,
		Field: field, Seen: seen, Expected: expected, Message: msg, Fix: fix,
	})
}

// u32 and seqs format numbers for findings.
func u32(v uint32) string      { return strconv.FormatUint(uint64(v), 10) }
func seqs(s header.Seq) string { return u32(uint32(s)) }

// setFix returns the fix that sets a numeric field.
func setFix(field Field, v uint32, text string) *Fix {
	return &Fix{Field: field, Value: v, Text: "set " + string(field) + " to " + text}
}

// seqFix returns the fix that sets seq or ack to s.
func seqFix(field Field, s header.Seq) *Fix { return setFix(field, uint32(s), seqs(s)) }

// ackFix returns the fix that sets the ack of a segment sent by x, now
// ack, to what x has received: its RCV.NXT. There is none when x's RCV.NXT
// is not known or is ack already (the ACK is right for its sender and the
// fault lies earlier in the conversation).
func ackFix(x *peer, ack header.Seq) *Fix {
	if !x.rcvKnown || x.tcb.RcvNxt == ack {
		return nil
	}
	return seqFix(FieldAck, x.tcb.RcvNxt)
}

// flagsFix returns the fix that sets the flags to f.
func flagsFix(f header.Flags) *Fix { return setFix(FieldFlags, uint32(f), f.String()) }

// optionsFix returns the fix that rewrites the option area of h: without
// the options of kind drop (when drop is not End), with the Window Scale
// shift capped at 14 when capShift is set, then with add appended.
func optionsFix(h *header.Header, drop header.Kind, capShift bool, add func(*header.Options) error, text string) *Fix {
	var o header.Options
	for opt := range h.Options.All() {
		switch {
		case opt.Kind == drop && drop != header.KindEnd:
			continue
		case opt.Kind == header.KindEnd:
			// Padding after End is dropped with it; Encode pads again.
			continue
		case opt.Kind == header.KindNOP:
			if o.AddNOP() != nil {
				return nil
			}
		case opt.Kind == header.KindWindowScale && capShift:
			if o.AddWindowScale(min(opt.Data[0], 14)) != nil {
				return nil
			}
		default:
			if o.Add(opt.Kind, opt.Data) != nil {
				return nil
			}
		}
	}
	if add != nil && add(&o) != nil {
		return nil
	}
	return &Fix{Field: FieldOptions, Options: append([]byte{}, o.Bytes()...), Text: text}
}
