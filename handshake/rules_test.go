package handshake_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/handshake"
	"github.com/tcpwire/tcpwire/header"
)

func ptr[T any](v T) *T { return &v }

// opts builds an option area.
func opts(t testing.TB, build func(o *header.Options) error) []byte {
	t.Helper()
	var o header.Options
	require.NoError(t, build(&o))
	return append([]byte{}, o.Bytes()...)
}

// decoded decodes the segment of a built step.
func decoded(t testing.TB, st handshake.Step) header.Header {
	t.Helper()
	var h header.Header
	require.NoError(t, h.Decode(st.Segment.TCP))
	return h
}

func codesOf(fs []handshake.Finding) []handshake.Code {
	var out []handshake.Code
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

// custom returns a scenario of the given steps between the default
// endpoints, unbuilt.
func custom(steps ...handshake.Step) *handshake.Scenario {
	s := &handshake.Scenario{Name: "custom", Steps: steps}
	s.Client, s.Server = handshake.DefaultEndpoints()
	return s
}

var openSteps = []handshake.Step{
	{From: handshake.Client, Action: handshake.ActSYN},
	{From: handshake.Server, Action: handshake.ActSYNACK},
	{From: handshake.Client, Action: handshake.ActACK},
}

func with(steps ...handshake.Step) []handshake.Step {
	return append(append([]handshake.Step{}, openSteps...), steps...)
}

// TestRulesBroken breaks every rule on purpose, one at a time, on a built
// scenario, and checks that the checker reports exactly the expected
// finding on the broken segment, with the expected field and fix, that the
// builder's own view agrees, and that applying the fix, to the segment or
// as an edit, clears it.
func TestRulesBroken(t *testing.T) {
	const odc = "open-data-close" // 0 SYN, 1 SYN-ACK, 2 ACK, 3 request, 4 ACK, 5 response, 6 ACK, 7 FIN, 8 ACK, 9 FIN, 10 ACK
	c, s := handshake.Client, handshake.Server
	// orig gives the original step i of a scenario, for edits that keep
	// most of a segment.
	type origFn func(i int) header.Header
	tests := []struct {
		name     string
		scenario string
		steps    []handshake.Step
		// edits break the rule; those on steps other than step may set up
		// the conditions for it, with findings of their own.
		edits func(t *testing.T, orig origFn) map[int]*handshake.Edit
		step  int
		codes []handshake.Code
		field handshake.Field
		fix   func(t *testing.T, orig origFn) *handshake.Fix // nil: the finding has no fix
	}{
		{name: "bad checksum", scenario: odc, step: 3,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{3: {Checksum: ptr[uint16](0x1234)}}
			},
			codes: []handshake.Code{handshake.CodeChecksumBad}, field: handshake.FieldChecksum,
			fix: func(_ *testing.T, orig origFn) *handshake.Fix {
				return &handshake.Fix{Field: handshake.FieldChecksum, Value: uint32(orig(3).Checksum)}
			}},
		{name: "ack number without ACK on SYN", scenario: odc, step: 0,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{0: {Ack: ptr[header.Seq](77)}}
			},
			codes: []handshake.Code{handshake.CodeAckNonzero}, field: handshake.FieldAck,
			fix: func(*testing.T, origFn) *handshake.Fix { return &handshake.Fix{Field: handshake.FieldAck, Value: 0} }},
		{name: "urgent pointer without URG", scenario: odc, step: 3,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{3: {Urgent: ptr[uint16](5)}}
			},
			codes: []handshake.Code{handshake.CodeUrgentNonzero}, field: handshake.FieldUrgent,
			fix: func(*testing.T, origFn) *handshake.Fix { return &handshake.Fix{Field: handshake.FieldUrgent, Value: 0} }},
		{name: "reserved bit set", scenario: odc, step: 3,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{3: {Flags: ptr(uint16(header.ACK | header.PSH | 0x200))}}
			},
			codes: []handshake.Code{handshake.CodeReservedNonzero}, field: handshake.FieldFlags,
			fix: func(*testing.T, origFn) *handshake.Fix {
				return &handshake.Fix{Field: handshake.FieldFlags, Value: uint32(header.ACK | header.PSH)}
			}},
		{name: "data without ACK", scenario: odc, step: 3,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{3: {Flags: ptr(uint16(header.PSH))}}
			},
			codes: []handshake.Code{handshake.CodeAckMissing}, field: handshake.FieldFlags,
			fix: func(*testing.T, origFn) *handshake.Fix {
				return &handshake.Fix{Field: handshake.FieldFlags, Value: uint32(header.ACK | header.PSH)}
			}},
		{name: "SYN-ACK acknowledging the wrong number", scenario: odc, step: 1,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{1: {Ack: ptr[header.Seq](999)}}
			},
			codes: []handshake.Code{handshake.CodeAckUnacceptable}, field: handshake.FieldAck,
			fix: func(*testing.T, origFn) *handshake.Fix { return &handshake.Fix{Field: handshake.FieldAck, Value: 1001} }},
		{name: "third ACK acknowledging past the SYN-ACK", scenario: odc, step: 2,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{2: {Ack: ptr[header.Seq](5005)}}
			},
			codes: []handshake.Code{handshake.CodeAckUnacceptable}, field: handshake.FieldAck,
			fix: func(*testing.T, origFn) *handshake.Fix { return &handshake.Fix{Field: handshake.FieldAck, Value: 5001} }},
		{name: "ACK far below SND.UNA", scenario: odc, step: 6,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{6: {Ack: ptr(header.Seq(5041).Add(^uint32(1_000_000 - 1)))}}
			},
			codes: []handshake.Code{handshake.CodeAckUnacceptable}, field: handshake.FieldAck,
			fix: func(*testing.T, origFn) *handshake.Fix { return &handshake.Fix{Field: handshake.FieldAck, Value: 5041} }},
		{name: "ACK of data never sent", scenario: odc, step: 4,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{4: {Ack: ptr[header.Seq](2000)}}
			},
			codes: []handshake.Code{handshake.CodeAckLostSegment}, field: handshake.FieldAck,
			fix: func(*testing.T, origFn) *handshake.Fix { return &handshake.Fix{Field: handshake.FieldAck, Value: 1038} }},
		{name: "refusing RST with an unacceptable ACK", scenario: "refused", step: 1,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{1: {Ack: ptr[header.Seq](5)}}
			},
			codes: []handshake.Code{handshake.CodeRSTUnacceptable}, field: handshake.FieldAck,
			fix: func(*testing.T, origFn) *handshake.Fix { return &handshake.Fix{Field: handshake.FieldAck, Value: 1001} }},
		{name: "RST in the window but not at RCV.NXT", scenario: "abort", step: 5,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{5: {Seq: ptr[header.Seq](1048)}}
			},
			codes: []handshake.Code{handshake.CodeRSTChallenge}, field: handshake.FieldSeq,
			fix: func(*testing.T, origFn) *handshake.Fix { return &handshake.Fix{Field: handshake.FieldSeq, Value: 1038} }},
		{name: "RST outside the window", scenario: "abort", step: 5,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{5: {Seq: ptr[header.Seq](1038 + 10_000_000)}}
			},
			codes: []handshake.Code{handshake.CodeRSTUnacceptable}, field: handshake.FieldSeq,
			fix: func(*testing.T, origFn) *handshake.Fix { return &handshake.Fix{Field: handshake.FieldSeq, Value: 1038} }},
		{name: "SYN in an established connection", scenario: odc, step: 3,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{3: {Flags: ptr(uint16(header.SYN | header.ACK | header.PSH))}}
			},
			codes: []handshake.Code{handshake.CodeSYNUnexpected}, field: handshake.FieldFlags,
			fix: func(*testing.T, origFn) *handshake.Fix {
				return &handshake.Fix{Field: handshake.FieldFlags, Value: uint32(header.ACK | header.PSH)}
			}},
		{name: "data beyond the receive window", scenario: odc, step: 3,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{3: {Seq: ptr[header.Seq](1001 + 10_000_000)}}
			},
			codes: []handshake.Code{handshake.CodeSeqUnacceptable}, field: handshake.FieldSeq,
			fix: func(*testing.T, origFn) *handshake.Fix { return &handshake.Fix{Field: handshake.FieldSeq, Value: 1001} }},
		{name: "data past a gap", scenario: odc, step: 3,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{3: {Seq: ptr[header.Seq](1101)}}
			},
			codes: []handshake.Code{handshake.CodePrevNotCaptured}, field: handshake.FieldSeq,
			fix: func(*testing.T, origFn) *handshake.Fix { return &handshake.Fix{Field: handshake.FieldSeq, Value: 1001} }},
		{name: "data after FIN", scenario: odc, step: 10,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{10: {Payload: ptr([]byte("x"))}}
			},
			codes: []handshake.Code{handshake.CodeDataAfterFIN}, field: handshake.FieldSeq},
		{name: "retransmission", scenario: odc, step: 6,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{6: {Seq: ptr[header.Seq](1001), Payload: ptr([]byte("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"))}}
			},
			codes: []handshake.Code{handshake.CodeRetransmission}, field: handshake.FieldSeq},
		{name: "keep-alive", scenario: odc, step: 6,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{6: {Seq: ptr[header.Seq](1037)}}
			},
			codes: []handshake.Code{handshake.CodeKeepAlive}, field: handshake.FieldSeq},
		{name: "zero window", scenario: odc, step: 4,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{4: {Window: ptr[uint16](0)}}
			},
			codes: []handshake.Code{handshake.CodeZeroWindow}, field: handshake.FieldWindow},
		{name: "duplicate ACK", steps: with(
			handshake.Step{From: c, Action: handshake.ActData, Data: []byte("first")},
			handshake.Step{From: c, Action: handshake.ActData, Data: []byte("second")},
			handshake.Step{From: s, Action: handshake.ActACK},
			handshake.Step{From: s, Action: handshake.ActACK}), step: 6,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{5: {Ack: ptr[header.Seq](1006)}, 6: {Ack: ptr[header.Seq](1006)}}
			},
			codes: []handshake.Code{handshake.CodeDupAck}, field: handshake.FieldAck},
		{name: "out of order", steps: with(
			handshake.Step{From: c, Action: handshake.ActData, Data: []byte("BBBB")},
			handshake.Step{From: c, Action: handshake.ActData, Data: []byte("AAAA")}), step: 4,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{3: {Seq: ptr[header.Seq](1005)}, 4: {Seq: ptr[header.Seq](1001)}}
			},
			codes: []handshake.Code{handshake.CodeOutOfOrder}, field: handshake.FieldSeq},
		{name: "zero-window probe", steps: with(
			handshake.Step{From: s, Action: handshake.ActACK},
			handshake.Step{From: c, Action: handshake.ActData, Data: []byte("x")}), step: 4,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{3: {Window: ptr[uint16](0)}}
			},
			codes: []handshake.Code{handshake.CodeZeroWindowProbe}, field: handshake.FieldPayload},
		{name: "data into a zero window", steps: with(
			handshake.Step{From: s, Action: handshake.ActACK},
			handshake.Step{From: c, Action: handshake.ActData, Data: []byte("too much")}), step: 4,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{3: {Window: ptr[uint16](0)}}
			},
			codes: []handshake.Code{handshake.CodeSeqUnacceptable}, field: handshake.FieldSeq},
		{name: "SYN without MSS", scenario: odc, step: 0,
			edits: func(t *testing.T, _ origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{0: {Options: ptr(opts(t, func(o *header.Options) error {
					o.AddSACKPermitted()
					o.AddTimestamps(header.Timestamps{Value: 100})
					o.AddNOP()
					return o.AddWindowScale(7)
				}))}}
			},
			codes: []handshake.Code{handshake.CodeMSSAbsent}, field: handshake.FieldOptions,
			fix: func(t *testing.T, _ origFn) *handshake.Fix {
				return &handshake.Fix{Field: handshake.FieldOptions, Options: opts(t, func(o *header.Options) error {
					o.AddSACKPermitted()
					o.AddTimestamps(header.Timestamps{Value: 100})
					o.AddNOP()
					o.AddWindowScale(7)
					return o.AddMSS(1460)
				})}
			}},
		{name: "MSS on a data segment", scenario: odc, step: 3,
			edits: func(t *testing.T, orig origFn) map[int]*handshake.Edit {
				h := orig(3)
				mss := []byte{byte(header.KindMSS), 4, 0x05, 0xb4} // 1460
				return map[int]*handshake.Edit{3: {Options: ptr(append(mss, h.Options.Bytes()...))}}
			},
			codes: []handshake.Code{handshake.CodeMSSPresent}, field: handshake.FieldOptions,
			fix: func(_ *testing.T, orig origFn) *handshake.Fix {
				h := orig(3)
				return &handshake.Fix{Field: handshake.FieldOptions, Options: h.Options.Bytes()}
			}},
		{name: "Window Scale on a data segment", scenario: odc, step: 3,
			edits: func(t *testing.T, orig origFn) map[int]*handshake.Edit {
				h := orig(3)
				return map[int]*handshake.Edit{3: {Options: ptr(opts(t, func(o *header.Options) error {
					o.SetBytes(h.Options.Bytes())
					o.AddNOP()
					return o.AddWindowScale(7)
				}))}}
			},
			codes: []handshake.Code{handshake.CodeWScalePresent}, field: handshake.FieldOptions,
			fix: func(t *testing.T, orig origFn) *handshake.Fix {
				h := orig(3)
				return &handshake.Fix{Field: handshake.FieldOptions, Options: opts(t, func(o *header.Options) error {
					o.SetBytes(h.Options.Bytes())
					return o.AddNOP()
				})}
			}},
		{name: "SACK-Permitted on a data segment", scenario: odc, step: 3,
			edits: func(t *testing.T, orig origFn) map[int]*handshake.Edit {
				h := orig(3)
				return map[int]*handshake.Edit{3: {Options: ptr(opts(t, func(o *header.Options) error {
					o.SetBytes(h.Options.Bytes())
					return o.AddSACKPermitted()
				}))}}
			},
			codes: []handshake.Code{handshake.CodeSACKPermPresent}, field: handshake.FieldOptions,
			fix: func(_ *testing.T, orig origFn) *handshake.Fix {
				h := orig(3)
				return &handshake.Fix{Field: handshake.FieldOptions, Options: h.Options.Bytes()}
			}},
		{name: "window scale shift 15", scenario: odc, step: 0,
			edits: func(t *testing.T, _ origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{0: {Options: ptr(opts(t, func(o *header.Options) error {
					o.AddMSS(1460)
					o.AddNOP()
					return o.Add(header.KindWindowScale, []byte{15})
				}))}}
			},
			codes: []handshake.Code{handshake.CodeWScaleExceeds14}, field: handshake.FieldOptions,
			fix: func(t *testing.T, _ origFn) *handshake.Fix {
				return &handshake.Fix{Field: handshake.FieldOptions, Options: opts(t, func(o *header.Options) error {
					o.AddMSS(1460)
					o.AddNOP()
					return o.AddWindowScale(14)
				})}
			}},
		{name: "Window Scale in a SYN-ACK to a SYN without it", scenario: odc, step: 1,
			edits: func(t *testing.T, orig origFn) map[int]*handshake.Edit {
				h := orig(1)
				return map[int]*handshake.Edit{
					0: {Options: ptr(opts(t, func(o *header.Options) error {
						o.AddMSS(1460)
						o.AddSACKPermitted()
						return o.AddTimestamps(header.Timestamps{Value: 100})
					}))},
					1: {Options: ptr(h.Options.Bytes())},
				}
			},
			codes: []handshake.Code{handshake.CodeWScaleUnsolicited}, field: handshake.FieldOptions,
			fix: func(t *testing.T, orig origFn) *handshake.Fix {
				h := orig(1)
				return &handshake.Fix{Field: handshake.FieldOptions, Options: h.Options.Bytes()[:17]}
			}},
		{name: "Timestamps in a SYN-ACK to a SYN without them", scenario: odc, step: 1,
			edits: func(t *testing.T, orig origFn) map[int]*handshake.Edit {
				h := orig(1)
				return map[int]*handshake.Edit{
					0: {Options: ptr(opts(t, func(o *header.Options) error {
						o.AddMSS(1460)
						o.AddNOP()
						o.AddNOP()
						o.AddSACKPermitted()
						o.AddNOP()
						return o.AddWindowScale(7)
					}))},
					1: {Options: ptr(h.Options.Bytes())},
				}
			},
			codes: []handshake.Code{handshake.CodeTSUnsolicited}, field: handshake.FieldOptions,
			fix: func(t *testing.T, _ origFn) *handshake.Fix {
				return &handshake.Fix{Field: handshake.FieldOptions, Options: opts(t, func(o *header.Options) error {
					o.AddMSS(1460)
					o.AddSACKPermitted()
					o.AddNOP()
					return o.AddWindowScale(7)
				})}
			}},
		{name: "SACK without SACK-Permitted", scenario: odc, step: 4,
			edits: func(t *testing.T, orig origFn) map[int]*handshake.Edit {
				h := orig(4)
				return map[int]*handshake.Edit{
					0: {Options: ptr(opts(t, func(o *header.Options) error {
						o.AddMSS(1460)
						o.AddNOP()
						o.AddNOP()
						o.AddTimestamps(header.Timestamps{Value: 100})
						o.AddNOP()
						return o.AddWindowScale(7)
					}))},
					4: {Options: ptr(opts(t, func(o *header.Options) error {
						o.SetBytes(h.Options.Bytes())
						o.AddNOP()
						o.AddNOP()
						return o.AddSACK(header.SACKBlock{Left: 900, Right: 1000})
					}))},
				}
			},
			codes: []handshake.Code{handshake.CodeSACKNotPermitted}, field: handshake.FieldOptions,
			fix: func(t *testing.T, orig origFn) *handshake.Fix {
				h := orig(4)
				return &handshake.Fix{Field: handshake.FieldOptions, Options: opts(t, func(o *header.Options) error {
					o.SetBytes(h.Options.Bytes())
					o.AddNOP()
					return o.AddNOP()
				})}
			}},
		{name: "Timestamps not negotiated", scenario: odc, step: 3,
			edits: func(t *testing.T, _ origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{
					0: {Options: ptr(opts(t, func(o *header.Options) error {
						o.AddMSS(1460)
						o.AddNOP()
						o.AddNOP()
						o.AddSACKPermitted()
						o.AddNOP()
						return o.AddWindowScale(7)
					}))},
					3: {Options: ptr(opts(t, func(o *header.Options) error {
						o.AddNOP()
						o.AddNOP()
						return o.AddTimestamps(header.Timestamps{Value: 1, Echo: 2})
					}))},
				}
			},
			codes: []handshake.Code{handshake.CodeTSNotNegotiated}, field: handshake.FieldOptions,
			fix: func(t *testing.T, _ origFn) *handshake.Fix {
				return &handshake.Fix{Field: handshake.FieldOptions, Options: []byte{1, 1}}
			}},
		{name: "Timestamps missing", scenario: odc, step: 3,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{3: {Options: ptr([]byte{})}}
			},
			codes: []handshake.Code{handshake.CodeTSMissing}, field: handshake.FieldOptions,
			fix: func(_ *testing.T, orig origFn) *handshake.Fix {
				h := orig(3)
				return &handshake.Fix{Field: handshake.FieldOptions, Options: h.Options.Bytes()}
			}},
		{name: "ECE in a SYN-ACK to a SYN without ECN", scenario: odc, step: 1,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{1: {Flags: ptr(uint16(header.SYN | header.ACK | header.ECE))}}
			},
			codes: []handshake.Code{handshake.CodeECNUnsolicited}, field: handshake.FieldFlags,
			fix: func(*testing.T, origFn) *handshake.Fix {
				return &handshake.Fix{Field: handshake.FieldFlags, Value: uint32(header.SYN | header.ACK)}
			}},
		{name: "CWR in a classic ECN SYN-ACK", scenario: "ecn", step: 1,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{1: {Flags: ptr(uint16(header.SYN | header.ACK | header.ECE | header.CWR))}}
			},
			codes: []handshake.Code{handshake.CodeECNUnsolicited}, field: handshake.FieldFlags,
			fix: func(*testing.T, origFn) *handshake.Fix {
				return &handshake.Fix{Field: handshake.FieldFlags, Value: uint32(header.SYN | header.ACK | header.ECE)}
			}},
		{name: "ECE without ECN", scenario: odc, step: 3,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{3: {Flags: ptr(uint16(header.ACK | header.PSH | header.ECE))}}
			},
			codes: []handshake.Code{handshake.CodeECNNotNegotiated}, field: handshake.FieldFlags,
			fix: func(*testing.T, origFn) *handshake.Fix {
				return &handshake.Fix{Field: handshake.FieldFlags, Value: uint32(header.ACK | header.PSH)}
			}},
		{name: "ECT(0) without ECN", scenario: odc, step: 3,
			edits: func(*testing.T, origFn) map[int]*handshake.Edit {
				return map[int]*handshake.Edit{3: {TOS: ptr[uint8](2)}}
			},
			codes: []handshake.Code{handshake.CodeECTNotNegotiated}, field: handshake.FieldTOS,
			fix: func(*testing.T, origFn) *handshake.Fix { return &handshake.Fix{Field: handshake.FieldTOS, Value: 0} }},
	}
	ignoreText := cmpopts.IgnoreFields(handshake.Fix{}, "Text")
	covered := map[handshake.Code]bool{handshake.CodeMalformed: true} // TestMalformed
	for _, tt := range tests {
		covered[tt.codes[0]] = true
	}
	assert.Equal(t, documentedCodes(t), covered, "every documented rule is broken once here")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			build := func() *handshake.Scenario {
				if tt.scenario != "" {
					sc, err := handshake.New(tt.scenario)
					require.NoError(t, err)
					return sc
				}
				sc := custom(append([]handshake.Step{}, tt.steps...)...)
				require.NoError(t, sc.Build())
				return sc
			}
			clean := build()
			orig := func(i int) header.Header { return decoded(t, clean.Steps[i]) }
			sc := build()
			edits := tt.edits(t, orig)
			first := len(sc.Steps)
			for i, e := range edits {
				sc.Steps[i].Edit = e
				first = min(first, i)
			}
			require.NoError(t, sc.Rebuild(first))

			vs := handshake.Check(sc.Segments())
			got := vs[tt.step].Findings
			require.Equal(t, tt.codes, codesOf(got), "checker")
			assert.Equal(t, tt.codes, codesOf(sc.Steps[tt.step].Findings), "builder")
			for i, v := range vs[:tt.step] {
				if edits[i] == nil {
					assert.Empty(t, v.Findings, "segment %d before the broken one", i)
				}
			}
			f := got[0]
			assert.Equal(t, tt.field, f.Field)
			assert.Equal(t, tt.step, f.Segment)
			assert.NotEmpty(t, f.Rule)
			assert.NotEmpty(t, f.Message)
			if tt.fix == nil {
				assert.Nil(t, f.Fix)
				return
			}
			require.NotNil(t, f.Fix)
			assert.NotEmpty(t, f.Fix.Text)
			assert.Empty(t, cmp.Diff(tt.fix(t, orig), f.Fix, ignoreText, cmpopts.EquateEmpty()))

			// The fix applied to the segment clears the finding.
			segs := sc.Segments()
			require.NoError(t, segs[tt.step].Apply(f.Fix))
			after := handshake.Check(segs)[tt.step].Findings
			assert.NotContains(t, codesOf(after), tt.codes[0], "%v", after)

			// The fix recorded as an edit, and the scenario rebuilt from it,
			// leaves no error anywhere.
			require.NoError(t, sc.Steps[tt.step].Edit.Apply(f.Fix))
			require.NoError(t, sc.Rebuild(tt.step))
			assert.NotContains(t, codesOf(sc.Steps[tt.step].Findings), tt.codes[0])
			assert.Empty(t, errorsIn(findingsOf(handshake.Check(sc.Segments()))))
		})
	}
}

// TestMalformed checks that a header the codec refuses is one error
// finding, and the checker goes on.
func TestMalformed(t *testing.T) {
	sc, err := handshake.New("data")
	require.NoError(t, err)
	segs := sc.Segments()
	segs[3].TCP = append([]byte{}, segs[3].TCP...)
	segs[3].TCP[12] = 4 << 4 // data offset 4 words
	vs := handshake.Check(segs)
	require.Equal(t, []handshake.Code{handshake.CodeMalformed}, codesOf(vs[3].Findings))
	assert.Equal(t, handshake.Error, vs[3].Findings[0].Severity)
	assert.Equal(t, 0, vs[3].Conn)
	// The request never arrived: the server's ACK of it acknowledges
	// unseen data.
	assert.Equal(t, []handshake.Code{handshake.CodeAckLostSegment}, codesOf(vs[4].Findings))
}

// documentedCodes returns the codes of the rule table in doc.go, checking
// that each is a constant declared in finding.go.
func documentedCodes(t *testing.T) map[handshake.Code]bool {
	t.Helper()
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	decl, err := os.ReadFile("finding.go")
	require.NoError(t, err)
	out := map[handshake.Code]bool{}
	for _, m := range regexp.MustCompile(`(?m)^//\t([a-z_0-9]+) +(error|warning|note) `).FindAllSubmatch(doc, -1) {
		code := string(m[1])
		assert.Contains(t, string(decl), `Code = "`+code+`"`)
		out[handshake.Code(code)] = true
	}
	return out
}
