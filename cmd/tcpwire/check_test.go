package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckRealCaptures(t *testing.T) {
	files, err := filepath.Glob("../../testdata/captures/*.pcap*")
	require.NoError(t, err)
	for _, file := range files {
		status, out, errOut := runCmd(t, "", "check", file)
		assert.Equal(t, 0, status, "%s: %s%s", file, out, errOut)
		assert.NotContains(t, out, ": error: ", file)
		assert.Contains(t, out, "connection 1: ", file)
	}
}

func TestCheckFindsBrokenSegment(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.pcap")
	status, _, errOut := runCmd(t, "", "build", "open-data-close", "-o", good)
	require.Equal(t, 0, status, errOut)

	status, out, _ := runCmd(t, "", "check", good)
	require.Equal(t, 0, status, out)
	assert.Contains(t, out, "0 errors")

	b, err := os.ReadFile(good)
	require.NoError(t, err)
	// Frame 3, the client's ACK, is the first segment acknowledging 5001,
	// the server's ISN + 1 (the SYN-ACK before it acknowledges 1001).
	ack := []byte{0, 0, 0x13, 0x89}
	i := strings.Index(string(b), string(ack))
	require.Positive(t, i)
	b[i+3]++ // acknowledge a byte the server never sent
	bad := filepath.Join(dir, "bad.pcap")
	require.NoError(t, os.WriteFile(bad, b, 0o644))
	status, out, _ = runCmd(t, "", "check", bad)
	assert.Equal(t, 1, status, out)
	assert.Contains(t, out, "bad.pcap:3: error: [")
	assert.Contains(t, out, "fix: ")

	status, out, _ = runCmd(t, "", "check", "--json", bad)
	assert.Equal(t, 1, status)
	var sawError bool
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct {
			Finding *struct {
				Severity string `json:"severity"`
				Frame    int    `json:"frame"`
			} `json:"finding"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &rec), line)
		if rec.Finding != nil && rec.Finding.Severity == "error" {
			sawError = true
			assert.Equal(t, 3, rec.Finding.Frame)
		}
	}
	assert.True(t, sawError)
}

func TestCheckUnreadable(t *testing.T) {
	status, _, errOut := runCmd(t, "", "check", "no-such.pcap")
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, "no-such.pcap")
	notCapture := filepath.Join(t.TempDir(), "x.pcap")
	require.NoError(t, os.WriteFile(notCapture, []byte("hello, world"), 0o644))
	status, _, _ = runCmd(t, "", "check", notCapture)
	assert.Equal(t, 2, status)
	status, _, _ = runCmd(t, "", "check")
	assert.Equal(t, 2, status)
}
