package handshake

import (
	"errors"
	"strconv"
)

// Severity ranks a Finding.
type Severity uint8

// The severities, least severe first. The zero value is Note.
const (
	// Note: worth knowing, not wrong (a retransmission, a keep-alive).
	Note Severity = iota
	// Warning: allowed or explainable, but suspicious (a segment the
	// capture missed, an option where it has no effect).
	Warning
	// Error: the segment breaks a rule; the receiver drops, resets or
	// ignores it.
	Error
)

var severityNames = [...]string{Note: "note", Warning: "warning", Error: "error"}

// ErrSeverity: text that names no Severity.
var ErrSeverity = errors.New("handshake: unknown severity")

// String returns "note", "warning" or "error".
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText returns the name String returns.
func (s Severity) MarshalText() ([]byte, error) {
	if int(s) >= len(severityNames) {
		return nil, ErrSeverity
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText sets s from "note", "warning" or "error".
func (s *Severity) UnmarshalText(b []byte) error {
	for i, n := range severityNames {
		if string(b) == n {
			*s = Severity(i)
			return nil
		}
	}
	return ErrSeverity
}

// Code is the stable, machine-readable name of a rule. Where Wireshark's
// TCP expert information has a name for the condition, the code is that
// name (tcp.analysis.retransmission is "retransmission"). The package
// documentation lists every code with its severity and source.
type Code string

// The codes the checker reports; the package documentation gives the
// severity, source and fix of each.
const (
	CodeMalformed         Code = "malformed"                     // the header cannot be decoded
	CodeChecksumBad       Code = "checksum_bad"                  // the checksum does not verify
	CodeAckNonzero        Code = "ack_nonzero"                   // an acknowledgment number without ACK (on SYN or RST)
	CodeUrgentNonzero     Code = "urgent_nonzero"                // an urgent pointer without URG
	CodeReservedNonzero   Code = "reserved_nonzero"              // a reserved flag bit set
	CodeAckMissing        Code = "ack_missing"                   // a segment after the initial SYN without ACK
	CodeAckUnacceptable   Code = "ack_unacceptable"              // an ACK that SYN-SENT or SYN-RECEIVED cannot accept
	CodeAckLostSegment    Code = "ack_lost_segment"              // an ACK of data not sent (or not captured)
	CodeRSTUnacceptable   Code = "rst_unacceptable"              // a RST the receiver ignores
	CodeRSTChallenge      Code = "rst_challenge"                 // a RST in the window but not at RCV.NXT
	CodeSYNUnexpected     Code = "syn_unexpected"                // a SYN in a connection under way
	CodeSeqUnacceptable   Code = "seq_unacceptable"              // a segment outside the receive window
	CodeDataAfterFIN      Code = "data_after_fin"                // data or FIN past the sender's FIN
	CodePrevNotCaptured   Code = "previous_segment_not_captured" // a gap before the segment
	CodeRetransmission    Code = "retransmission"                // data sent again
	CodeOutOfOrder        Code = "out_of_order"                  // a segment that fills an earlier gap
	CodeDupAck            Code = "dup_ack"                       // a duplicate ACK
	CodeKeepAlive         Code = "keep_alive"                    // a keep-alive
	CodeZeroWindowProbe   Code = "zero_window_probe"             // a zero-window probe
	CodeZeroWindow        Code = "zero_window"                   // a zero window advertised
	CodeMSSAbsent         Code = "mss_absent"                    // a SYN without MSS
	CodeMSSPresent        Code = "mss_present"                   // MSS on a segment without SYN
	CodeWScalePresent     Code = "wscale_present"                // Window Scale on a segment without SYN
	CodeSACKPermPresent   Code = "sack_perm_present"             // SACK-Permitted on a segment without SYN
	CodeWScaleExceeds14   Code = "window_scale_shift_exceeds_14" // a window scale shift above 14
	CodeWScaleUnsolicited Code = "wscale_unsolicited"            // Window Scale in a SYN-ACK to a SYN without it
	CodeTSUnsolicited     Code = "ts_unsolicited"                // Timestamps in a SYN-ACK to a SYN without them
	CodeSACKNotPermitted  Code = "sack_not_permitted"            // SACK blocks without SACK-Permitted on both SYNs
	CodeTSNotNegotiated   Code = "ts_not_negotiated"             // Timestamps without both SYNs carrying them
	CodeTSMissing         Code = "ts_missing"                    // no Timestamps once they were negotiated
	CodeECNUnsolicited    Code = "ecn_unsolicited"               // SYN-ACK ECN bits that do not answer the SYN
	CodeECNNotNegotiated  Code = "ecn_not_negotiated"            // ECN flags without ECN negotiated
	CodeECTNotNegotiated  Code = "ect_not_negotiated"            // an ECN-capable IP codepoint without ECN negotiated
)

// Field names the part of a segment a Finding or a Fix is about.
type Field string

// The fields. Options stands for the whole option area; TOS for the
// IPv4 TOS / IPv6 Traffic Class byte the segment travelled with (its low
// two bits are the ECN codepoint, RFC 3168 §5).
const (
	FieldSeq      Field = "seq"
	FieldAck      Field = "ack"
	FieldFlags    Field = "flags"
	FieldWindow   Field = "window"
	FieldChecksum Field = "checksum"
	FieldUrgent   Field = "urgent"
	FieldOptions  Field = "options"
	FieldPayload  Field = "payload"
	FieldTOS      Field = "tos"
	// FieldHeader stands for the header as a whole.
	FieldHeader Field = "header"
)

// Finding is one rule a segment broke, or one thing about it worth a note.
type Finding struct {
	Severity Severity `json:"severity"`
	Code     Code     `json:"code"`
	// Rule cites the source of the rule: "RFC 9293 §3.10.7.4".
	Rule string `json:"rule"`
	// Segment is the index of the segment in the checker's input, from 0.
	Segment int `json:"segment"`
	// Frame is the segment's frame number in its capture, 0 when unknown.
	Frame int `json:"frame,omitempty"`
	// Conn numbers the connection the segment belongs to, from 1, in the
	// order connections first appear.
	Conn int `json:"conn"`
	// From is the side that sent the segment.
	From  Side  `json:"from"`
	Field Field `json:"field"`
	// Seen is the value the segment holds; Expected what the rule wants.
	Seen     string `json:"seen,omitempty"`
	Expected string `json:"expected,omitempty"`
	Message  string `json:"message"`
	// Fix, when there is one, makes the finding go away.
	Fix *Fix `json:"fix,omitempty"`
}

// String returns the finding on one line: "error ack_unacceptable (RFC
// 9293 §3.10.7.3) segment 1 ack: …".
func (f Finding) String() string {
	b := make([]byte, 0, 128)
	b = append(b, f.Severity.String()...)
	b = append(b, ' ')
	b = append(b, f.Code...)
	b = append(b, " ("...)
	b = append(b, f.Rule...)
	b = append(b, ") segment "...)
	b = strconv.AppendInt(b, int64(f.Segment), 10)
	if f.Field != "" {
		b = append(b, ' ')
		b = append(b, f.Field...)
	}
	b = append(b, ": "...)
	b = append(b, f.Message...)
	if f.Fix != nil {
		b = append(b, " [fix: "...)
		b = append(b, f.Fix.Text...)
		b = append(b, ']')
	}
	return string(b)
}
