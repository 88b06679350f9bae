package handshake_test

import (
	"encoding/json"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/checksum"
	"github.com/tcpwire/tcpwire/handshake"
	"github.com/tcpwire/tcpwire/header"
)

// errorsIn returns the findings of severity Error among fs.
func errorsIn(fs []handshake.Finding) []handshake.Finding {
	var out []handshake.Finding
	for _, f := range fs {
		if f.Severity == handshake.Error {
			out = append(out, f)
		}
	}
	return out
}

// findingsOf returns every finding of the verdicts.
func findingsOf(vs []handshake.Verdict) []handshake.Finding {
	var out []handshake.Finding
	for _, v := range vs {
		out = append(out, v.Findings...)
	}
	return out
}

// TestScenariosCheckClean builds every scenario of the catalogue and checks
// its segments: no finding at all, neither from the builder's own view nor
// from a checker that sees only the segments.
func TestScenariosCheckClean(t *testing.T) {
	infos := handshake.Scenarios()
	require.GreaterOrEqual(t, len(infos), 14)
	for _, in := range infos {
		t.Run(in.Name, func(t *testing.T) {
			s, err := handshake.New(in.Name)
			require.NoError(t, err)
			assert.Equal(t, in.Description, s.Description)
			for i, st := range s.Steps {
				assert.Empty(t, st.Findings, "step %d %s", i, st.Summary)
				assert.Equal(t, checksum.Good, st.Checksum, "step %d", i)
				assert.Equal(t, st.Summary, st.Header.String())
				assert.Equal(t, i+1, st.Segment.Frame)
				ok, err := checksum.VerifyTCP(st.Segment.Src, st.Segment.Dst, st.Segment.TCP)
				require.NoError(t, err)
				assert.True(t, ok, "step %d checksum", i)
			}
			vs := handshake.Check(s.Segments())
			assert.Empty(t, findingsOf(vs))
			for i, v := range vs {
				assert.Equal(t, 1, v.Conn)
				assert.Equal(t, s.Steps[i].From, v.From, "step %d", i)
				assert.Equal(t, checksum.Good, v.Checksum)
			}
		})
	}
}

// TestScenarioStates pins the states both endpoints pass through in the
// sequences of RFC 9293 §3.5 and §3.6, as built and as checked.
func TestScenarioStates(t *testing.T) {
	type pair struct{ C, S handshake.State }
	const (
		cl, li, ss, sr, es = handshake.Closed, handshake.Listen, handshake.SynSent, handshake.SynReceived, handshake.Established
		f1, f2, cw, cg     = handshake.FinWait1, handshake.FinWait2, handshake.CloseWait, handshake.Closing
		la, tw             = handshake.LastAck, handshake.TimeWait
	)
	tests := []struct {
		name           string
		built, checked []pair // checked is nil when it equals built
	}{
		{"open", []pair{{ss, sr}, {es, sr}, {es, es}}, nil},
		{"close", []pair{{ss, sr}, {es, sr}, {es, es}, {f1, cw}, {f2, cw}, {tw, la}, {tw, cl}}, nil},
		{"three-segment-close", []pair{{ss, sr}, {es, sr}, {es, es}, {f1, cw}, {tw, la}, {tw, cl}}, nil},
		{"simultaneous-open",
			[]pair{{ss, cl}, {sr, sr}, {sr, sr}, {es, es}},
			[]pair{{ss, sr}, {sr, sr}, {sr, es}, {es, es}}},
		{"simultaneous-close",
			[]pair{{ss, sr}, {es, sr}, {es, es}, {f1, es}, {cg, cg}, {cg, tw}, {tw, tw}},
			[]pair{{ss, sr}, {es, sr}, {es, es}, {f1, cw}, {cg, cg}, {cg, tw}, {tw, tw}}},
		{"half-close", []pair{{ss, sr}, {es, sr}, {es, es}, {es, es}, {f1, cw}, {f2, cw}, {f2, cw}, {f2, cw},
			{f2, cw}, {f2, cw}, {tw, la}, {tw, cl}}, nil},
		{"abort", []pair{{ss, sr}, {es, sr}, {es, es}, {es, es}, {es, es}, {cl, cl}}, nil},
		{"refused", []pair{{ss, cl}, {cl, cl}}, []pair{{ss, sr}, {cl, cl}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := handshake.New(tt.name)
			require.NoError(t, err)
			var built, checked []pair
			for _, st := range s.Steps {
				built = append(built, pair{st.Client.State, st.Server.State})
			}
			for _, v := range handshake.Check(s.Segments()) {
				checked = append(checked, pair{v.Client.State, v.Server.State})
			}
			want := tt.checked
			if want == nil {
				want = tt.built
			}
			assert.Empty(t, cmp.Diff(tt.built, built), "built")
			assert.Empty(t, cmp.Diff(want, checked), "checked")
		})
	}
}

// TestOpenTCB pins the TCB variables after each step of the three-way
// handshake and a request (RFC 9293 §3.5 Figure 6, with ISNs 1000 and
// 5000 and windows scaled by 7 once both SYNs agreed).
func TestOpenTCB(t *testing.T) {
	s, err := handshake.New("data")
	require.NoError(t, err)
	type tcbs struct{ C, S handshake.TCB }
	got := make([]tcbs, 0, 4)
	for _, st := range s.Steps[:4] {
		got = append(got, tcbs{st.Client.TCB, st.Server.TCB})
	}
	want := []tcbs{
		{C: handshake.TCB{ISS: 1000, SndUna: 1000, SndNxt: 1001},
			S: handshake.TCB{IRS: 1000, RcvNxt: 1001, SndWnd: 65535}},
		{C: handshake.TCB{ISS: 1000, IRS: 5000, SndUna: 1001, SndNxt: 1001, SndWnd: 65535, RcvNxt: 5001},
			S: handshake.TCB{ISS: 5000, IRS: 1000, SndUna: 5000, SndNxt: 5001, SndWnd: 65535, RcvNxt: 1001, RcvWnd: 65535}},
		{C: handshake.TCB{ISS: 1000, IRS: 5000, SndUna: 1001, SndNxt: 1001, SndWnd: 65535, RcvNxt: 5001, RcvWnd: 511 << 7},
			S: handshake.TCB{ISS: 5000, IRS: 1000, SndUna: 5001, SndNxt: 5001, SndWnd: 511 << 7, RcvNxt: 1001, RcvWnd: 65535}},
		{C: handshake.TCB{ISS: 1000, IRS: 5000, SndUna: 1001, SndNxt: 1038, SndWnd: 65535, RcvNxt: 5001, RcvWnd: 511 << 7},
			S: handshake.TCB{ISS: 5000, IRS: 1000, SndUna: 5001, SndNxt: 5001, SndWnd: 511 << 7, RcvNxt: 1038, RcvWnd: 65535 - 37}},
	}
	assert.Empty(t, cmp.Diff(want, got))
}

// TestWrap checks that the wrap scenario does cross 2^32 in both
// directions and that the checker follows it.
func TestWrap(t *testing.T) {
	s, err := handshake.New("wrap")
	require.NoError(t, err)
	last := s.Steps[len(s.Steps)-1]
	assert.Less(t, uint32(last.Client.TCB.SndNxt), uint32(last.Client.TCB.ISS))
	assert.Less(t, uint32(last.Server.TCB.SndNxt), uint32(last.Server.TCB.ISS))
	assert.Equal(t, header.Seq(0xffff_fff0).Add(1+37+1), last.Client.TCB.SndNxt)
}

// TestScenarioJSON round-trips a scenario through encoding/json: the
// endpoints, steps and results survive, and rebuilding the decoded
// scenario gives the same segments.
func TestScenarioJSON(t *testing.T) {
	s, err := handshake.New("ecn")
	require.NoError(t, err)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"state":"SYN-SENT"`)
	assert.Contains(t, string(b), `"ecn":"ecn"`)
	assert.Contains(t, string(b), `"from":"server"`)
	assert.Contains(t, string(b), `"checksum":"good"`)
	var back handshake.Scenario
	require.NoError(t, json.Unmarshal(b, &back))
	opt := cmp.Options{cmpopts.EquateComparable(netip.Addr{}, netip.AddrPort{}), cmpopts.IgnoreFields(handshake.Step{}, "Header")}
	assert.Empty(t, cmp.Diff(s, &back, opt))
	require.NoError(t, back.Build())
	assert.Empty(t, cmp.Diff(s, &back, opt))
}

func TestNewUnknown(t *testing.T) {
	_, err := handshake.New("no-such-scenario")
	assert.ErrorIs(t, err, handshake.ErrUnknownScenario)
}

// TestRebuildCarriesEdit edits the request's payload and rebuilds from
// there: every later segment follows the new length.
func TestRebuildCarriesEdit(t *testing.T) {
	s, err := handshake.New("open-data-close")
	require.NoError(t, err)
	longer := []byte("GET /longer/path HTTP/1.1\r\nHost: example.com\r\n\r\n")
	s.Steps[3].Edit = &handshake.Edit{Payload: &longer}

	// Rechecking alone keeps the old segments: the server's ACK now
	// falls short, and the client's FIN sits where the request ended.
	stale := *s
	stale.Steps = append([]handshake.Step(nil), s.Steps...)
	require.NoError(t, stale.RebuildStep(3))
	assert.Equal(t, header.Seq(1001+37), stale.Steps[4].Client.TCB.SndUna)
	codes := map[handshake.Code]bool{}
	for _, st := range stale.Steps {
		for _, f := range st.Findings {
			codes[f.Code] = true
		}
	}
	assert.True(t, codes[handshake.CodeRetransmission], "%v", codes)

	require.NoError(t, s.Rebuild(3))
	for i, st := range s.Steps {
		assert.Empty(t, st.Findings, "step %d", i)
	}
	want := header.Seq(1001 + len(longer))
	assert.Equal(t, want, s.Steps[4].Client.TCB.SndUna)
	assert.Equal(t, want+1, s.Steps[len(s.Steps)-1].Server.TCB.RcvNxt)
	assert.Empty(t, findingsOf(handshake.Check(s.Segments())))
}
