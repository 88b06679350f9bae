package main

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type afterView struct {
	State string            `json:"state"`
	TCB   map[string]uint64 `json:"tcb"`
}

type scenarioView struct {
	viewJSON
	Follows bool `json:"follows"`
	Steps   []struct {
		stepView
		After []afterView `json:"after"`
	} `json:"steps"`
}

func decodeScenario(t *testing.T, b []byte) scenarioView {
	t.Helper()
	var v scenarioView
	require.NoError(t, jsonUnmarshal(b, &v))
	return v
}

func TestEveryScenarioBuildsClean(t *testing.T) {
	var list []struct{ Name, Description string }
	require.NoError(t, jsonUnmarshal(Scenarios(), &list))
	require.NotEmpty(t, list)
	for _, sc := range list {
		t.Run(sc.Name, func(t *testing.T) {
			v := decodeScenario(t, Update("", "scenario", -1, sc.Name))
			require.Empty(t, v.Error)
			require.NotEmpty(t, v.Steps)
			assert.True(t, v.Follows)
			for i, s := range v.Steps {
				assert.NotEqual(t, "error", s.Verdict, "step %d: %+v", i, s.Findings)
				assert.Equal(t, "good", s.Checksum.Status, "step %d", i)
				require.Len(t, s.After, 2, "step %d", i)
			}
		})
	}
}

func TestOpenCloseStates(t *testing.T) {
	v := decodeScenario(t, Update("", "scenario", -1, "open-data-close"))
	require.Empty(t, v.Error)
	first, last := v.Steps[0], v.Steps[len(v.Steps)-1]
	assert.Equal(t, "a", first.Dir)
	assert.Contains(t, first.Label, "Flags [S]")
	assert.Equal(t, "SYN-SENT", first.After[0].State)
	assert.Equal(t, "SYN-RECEIVED", first.After[1].State, "the SYN arrives within its step")
	assert.Equal(t, uint64(1000), first.After[0].TCB["ISS"])
	assert.Equal(t, uint64(1001), first.After[0].TCB["SND.NXT"], "the SYN consumes one sequence number")
	assert.Equal(t, "ESTABLISHED", v.Steps[2].After[0].State)
	assert.Equal(t, "ESTABLISHED", v.Steps[2].After[1].State)
	assert.Equal(t, "TIME-WAIT", last.After[0].State)
	assert.Equal(t, "CLOSED", last.After[1].State)
}

func TestWrongAckIsFoundAndFixed(t *testing.T) {
	v := decodeScenario(t, Update("", "scenario", -1, "open"))
	require.Len(t, v.Steps, 3)
	ack := v.Steps[2].field(t, "ack")

	v = decodeScenario(t, Update(v.State, "field", 2, "ack="+strconv.FormatUint(ack+100, 10)))
	require.Empty(t, v.Error)
	s := v.Steps[2]
	assert.Equal(t, "error", s.Verdict)
	require.NotEmpty(t, s.Findings)
	f := s.Findings[0]
	assert.Equal(t, "ack", f.Field)
	assert.Contains(t, f.Rule, "RFC 9293")
	require.NotNil(t, f.Fix)
	assert.Equal(t, "fix", f.Fix.Op)

	v = decodeScenario(t, Update(v.State, f.Fix.Op, 2, f.Fix.Arg))
	require.Empty(t, v.Error)
	assert.Equal(t, "ok", v.Steps[2].Verdict)
	assert.Equal(t, ack, v.Steps[2].field(t, "ack"))
	assert.Equal(t, "good", v.Steps[2].Checksum.Status)
}

func TestCarryEditThrough(t *testing.T) {
	v := decodeScenario(t, Update("", "scenario", -1, "data"))
	seq := v.Steps[3].field(t, "seq")
	// Lengthen the request: the response's ack must follow it once carried.
	v = decodeScenario(t, Update(v.State, "payload", 3, "text:GET /longer-path HTTP/1.1\r\n\r\n"))
	require.Empty(t, v.Error)
	assert.Equal(t, seq, v.Steps[3].field(t, "seq"))
	broken := false
	for _, s := range v.Steps[4:] {
		broken = broken || s.Verdict != "ok"
	}
	assert.True(t, broken, "later steps still acknowledge the old length")

	v = decodeScenario(t, Update(v.State, "carry", 3, ""))
	require.Empty(t, v.Error)
	for i, s := range v.Steps {
		assert.Equal(t, "ok", s.Verdict, "step %d: %+v", i, s.Findings)
	}
}

func TestConfigRebuilds(t *testing.T) {
	v := decodeScenario(t, Update("", "scenario", -1, "open"))
	v = decodeScenario(t, Update(v.State, "config", -1, "aisn=4294967295"))
	require.Empty(t, v.Error)
	assert.Equal(t, uint64(4294967295), v.Steps[0].field(t, "seq"))
	assert.Equal(t, uint64(0), v.Steps[1].field(t, "ack"), "the ISN+1 wraps to 0")
	for i, s := range v.Steps {
		assert.Equal(t, "ok", s.Verdict, "step %d", i)
	}
	v = decodeScenario(t, Update(v.State, "config", -1, "bmss=536"))
	assert.Contains(t, v.Steps[1].Label, "mss 536")
}

func TestEditedStepsStopFollowing(t *testing.T) {
	v := decodeScenario(t, Update("", "scenario", -1, "data"))
	require.Contains(t, v.Steps[3].Label, "Flags [P.]")
	v = decodeScenario(t, Update(v.State, "dup", 3, ""))
	assert.False(t, v.Follows)
	assert.Equal(t, "retransmission", firstCode(v.Steps[4].Findings), "the checker sees the request twice")
	v = decodeScenario(t, Update(v.State, "carry", 1, ""))
	assert.NotEmpty(t, v.Error)
}

func firstCode(fs []struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Rule     string `json:"rule"`
	Field    string `json:"field"`
	Fix      *struct {
		Op, Arg string
	} `json:"fix"`
}) string {
	if len(fs) == 0 {
		return ""
	}
	return fs[0].Code
}
