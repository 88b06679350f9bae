package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The status and failure lines go test prints are read as they are.
func TestProgressLines(t *testing.T) {
	out := "fuzz: elapsed: 0s, gathering baseline coverage: 0/55 completed\n" +
		"fuzz: elapsed: 3s, execs: 42716 (14226/sec), new interesting: 23 (total: 78)\n" +
		"fuzz: elapsed: 1m3s, execs: 4104042 (20453/sec), new interesting: 34 (total: 89)\n" +
		"    Failing input written to testdata/fuzz/FuzzBuild/e82324bb2397cde1\n"
	m := progress.FindAllStringSubmatch(out, -1)
	require.Len(t, m, 2)
	d, err := time.ParseDuration(m[1][1])
	require.NoError(t, err)
	assert.Equal(t, 63*time.Second, d)
	assert.Equal(t, "4104042", m[1][2])
	f := failing.FindAllStringSubmatch(out, -1)
	require.Len(t, f, 1)
	assert.Equal(t, "testdata/fuzz/FuzzBuild/e82324bb2397cde1", f[0][1])
}

// Only files that appeared in the cache during the run are copied, and
// none that the corpus has already.
func TestCopyNew(t *testing.T) {
	cache, corpus := t.TempDir(), filepath.Join(t.TempDir(), "FuzzX")
	write := func(dir, name string) {
		require.NoError(t, os.MkdirAll(dir, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644))
	}
	write(cache, "old")
	before := files(cache)
	write(cache, "new1")
	write(cache, "new2")
	write(corpus, "new2")
	assert.Equal(t, 1, copyNew(cache, before, corpus))
	assert.Equal(t, map[string]bool{"new1": true, "new2": true}, files(corpus))
}

// The summary adds up the runs and reports failures after the table.
func TestSummary(t *testing.T) {
	rs := []result{
		{target: target{pkg: "a", name: "FuzzA"}, execs: 100, elapsed: 2 * time.Second, added: 3},
		{target: target{pkg: "b", name: "FuzzB", tags: "purego"}, execs: 50, elapsed: time.Second,
			crashers: []string{"b/testdata/fuzz/FuzzB/1"}, err: os.ErrInvalid},
		{target: target{pkg: "c", name: "FuzzC"}, execs: 10, elapsed: time.Second, deadlineRace: true},
	}
	var w bytes.Buffer
	assert.True(t, summary(&w, rs))
	out := w.String()
	assert.Contains(t, out, "a.FuzzA")
	assert.Contains(t, out, "b.FuzzB [purego]")
	assert.Regexp(t, `total \(3 targets, 4s of fuzzing\)\s+160\s+3\s+1`, out)
	assert.Contains(t, out, "crasher: b/testdata/fuzz/FuzzB/1")
	assert.Contains(t, out, "c.FuzzC: go test reported")
	assert.False(t, summary(&bytes.Buffer{}, rs[:1]))
}
