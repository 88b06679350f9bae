package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/handshake"
)

// Every scenario builds, writes a capture that reads back and checks with
// no error, and its hex decodes segment by segment.
func TestBuildEveryScenario(t *testing.T) {
	status, list, _ := runCmd(t, "", "build", "--list")
	require.Equal(t, 0, status)
	infos := handshake.Scenarios()
	require.Len(t, strings.Split(strings.TrimSpace(list), "\n"), len(infos))
	for _, info := range infos {
		t.Run(info.Name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), info.Name+".pcap")
			status, _, errOut := runCmd(t, "", "build", info.Name, "-o", file)
			require.Equal(t, 0, status, errOut)
			status, out, errOut := runCmd(t, "", "check", file)
			assert.Equal(t, 0, status, out+errOut)

			status, hexOut, _ := runCmd(t, "", "build", info.Name, "--hex")
			require.Equal(t, 0, status)
			status, lines, errOut := runCmd(t, hexOut, "decode", "-")
			require.Equal(t, 0, status, errOut)
			s, err := handshake.New(info.Name)
			require.NoError(t, err)
			assert.Equal(t, len(s.Steps), strings.Count(lines, "\n"))
		})
	}
}

func TestBuildJSONAndFlags(t *testing.T) {
	status, out, errOut := runCmd(t, "", "build", "open", "--json", "--client", "10.0.0.1:1234", "--server", "10.0.0.2:80", "--client-isn", "4294967290", "--mss", "1400", "--wscale", "15")
	require.Equal(t, 0, status, errOut)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3)
	var step handshake.Step
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &step))
	assert.Equal(t, "10.0.0.1:1234", step.Client.Addr.String())
	assert.Contains(t, step.Summary, "seq 4294967290")
	assert.Contains(t, step.Summary, "mss 1400")
	assert.NotContains(t, step.Summary, "wscale")
	assert.Equal(t, "good", step.Checksum.String())

	status, out, _ = runCmd(t, "", "build", "open", "--ladder", "--repeat", "2")
	require.Equal(t, 0, status)
	assert.Equal(t, 2, strings.Count(out, "SYN-SENT"))
}

func TestBuildErrors(t *testing.T) {
	status, _, errOut := runCmd(t, "", "build", "no-such-scenario", "--hex")
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, "unknown scenario")
	status, _, _ = runCmd(t, "", "build", "open")
	assert.Equal(t, 2, status, "an output is required")
	status, _, errOut = runCmd(t, "", "build", "open", "--hex", "--client", "nonsense")
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, "nonsense")
	status, _, errOut = runCmd(t, "", "build", "open", "--hex", "--client", "10.0.0.1:65535", "--repeat", "2")
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, "past 65535")
}
