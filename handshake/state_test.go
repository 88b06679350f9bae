package handshake_test

import (
	"encoding/json"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/handshake"
	"github.com/tcpwire/tcpwire/header"
)

// TestStateNames checks the eleven states of RFC 9293 §3.3.2 by name, and
// that the names survive MarshalText / UnmarshalText.
func TestStateNames(t *testing.T) {
	want := []string{"CLOSED", "LISTEN", "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1",
		"FIN-WAIT-2", "CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT"}
	for i, name := range want {
		s := handshake.State(i)
		assert.Equal(t, name, s.String())
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back handshake.State
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
		assert.Equal(t, i >= int(handshake.Established), s.Synchronized(), name)
	}
	assert.Equal(t, "State(11)", handshake.State(11).String())
	_, err := handshake.State(11).MarshalText()
	assert.ErrorIs(t, err, handshake.ErrState)
	var s handshake.State
	assert.ErrorIs(t, s.UnmarshalText([]byte("OPEN")), handshake.ErrState)
}

// TestTextTypes round-trips the other named types through JSON.
func TestTextTypes(t *testing.T) {
	type all struct {
		Side     handshake.Side
		Severity handshake.Severity
		ECN      handshake.ECN
	}
	for _, v := range []all{
		{handshake.Client, handshake.Note, handshake.ECNOff},
		{handshake.Server, handshake.Warning, handshake.ECNClassic},
		{handshake.Server, handshake.Error, handshake.ECNAccurate},
	} {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		var back all
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, v, back, string(b))
	}
	b, err := json.Marshal(all{handshake.Server, handshake.Error, handshake.ECNAccurate})
	require.NoError(t, err)
	assert.JSONEq(t, `{"Side":"server","Severity":"error","ECN":"accecn"}`, string(b))
	assert.Equal(t, handshake.Client, handshake.Server.Peer())

	var side handshake.Side
	assert.ErrorIs(t, side.UnmarshalText([]byte("middle")), handshake.ErrSide)
	var sev handshake.Severity
	assert.ErrorIs(t, sev.UnmarshalText([]byte("fatal")), handshake.ErrSeverity)
	var e handshake.ECN
	assert.ErrorIs(t, e.UnmarshalText([]byte("l4s")), handshake.ErrECN)
}

// TestVerdictJSON checks the JSON a front end receives for a finding.
func TestVerdictJSON(t *testing.T) {
	s, err := handshake.New("open")
	require.NoError(t, err)
	segs := s.Segments()
	segs[2].TCP = append([]byte{}, segs[2].TCP...)
	segs[2].TCP[13] = 0 // no flags at all
	v := handshake.Check(segs)[2]
	require.Len(t, v.Findings, 2)
	assert.Equal(t, handshake.CodeChecksumBad, v.Findings[0].Code)
	b, err := json.Marshal(v.Findings[1])
	require.NoError(t, err)
	assert.JSONEq(t, `{"severity":"error","code":"ack_missing","rule":"RFC 9293 §3.10.7.4 (fifth check)",
		"segment":2,"frame":3,"conn":1,"from":"client","field":"flags","seen":"[none]","expected":"[.]",
		"message":"every segment after the initial SYN carries ACK; the receiver drops this one",
		"fix":{"field":"flags","value":16,"text":"set flags to [.]"}}`, string(b))
}

// TestEditErrors checks that a step whose edit cannot be encoded is an
// error from Build, naming the step.
func TestEditErrors(t *testing.T) {
	s, err := handshake.New("open")
	require.NoError(t, err)
	bad := []byte{2, 9, 0} // MSS with length 9, past the area
	s.Steps[1].Edit = &handshake.Edit{Options: &bad}
	err = s.Build()
	var se *handshake.StepError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 1, se.Step)
	assert.ErrorIs(t, err, header.ErrOptionOverflow)
	assert.Contains(t, err.Error(), "handshake: step 1: ")

	s.Steps[1].Edit = nil
	s.Steps[0].Action = "jump"
	err = s.Build()
	assert.ErrorIs(t, err, handshake.ErrAction)
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 0, se.Step)

	s.Steps[0].Action = handshake.ActSYN
	s.Server.Addr = netip.MustParseAddrPort("[2001:db8::1]:80")
	assert.ErrorIs(t, s.Build(), handshake.ErrFamily)
}

// TestEditDataOffsetAndBytes edits what the header type cannot express: a
// data offset that disagrees with the options, and a segment given as raw
// bytes.
func TestEditDataOffsetAndBytes(t *testing.T) {
	s, err := handshake.New("data")
	require.NoError(t, err)
	s.Steps[3].Edit = &handshake.Edit{DataOffset: ptr[uint8](4)}
	require.NoError(t, s.RebuildStep(3))
	assert.Equal(t, "good", s.Steps[3].Checksum.String())
	assert.Equal(t, []handshake.Code{handshake.CodeMalformed}, codesOf(s.Steps[3].Findings))
	assert.Equal(t, handshake.FieldHeader, s.Steps[3].Findings[0].Field)

	clean, err := handshake.New("data")
	require.NoError(t, err)
	raw := clean.Steps[3].Segment.TCP
	s.Steps[3].Edit = &handshake.Edit{TCP: &raw}
	require.NoError(t, s.Rebuild(3))
	assert.Empty(t, findingsOf(handshake.Check(s.Segments())))
	assert.Equal(t, raw, s.Steps[3].Segment.TCP)
}
