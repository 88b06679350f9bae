package header_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/capture"
	"github.com/tcpwire/tcpwire/header"
)

// TestRealCaptures decodes every TCP segment of the committed loopback
// captures and encodes it back: each must decode without error (the
// snap-length cut file aside, where the cut is the error) and come back
// byte for byte.
func TestRealCaptures(t *testing.T) {
	files, err := filepath.Glob("../testdata/captures/*.pcap*")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	seen := map[header.Kind]int{}
	segments := 0
	for _, file := range files {
		f, err := os.Open(file)
		require.NoError(t, err)
		r, err := capture.NewReader(f)
		require.NoError(t, err)
		for {
			p, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			require.NoError(t, err, file)
			var h header.Header
			err = h.Decode(p.TCP)
			if p.Truncated() {
				if err != nil {
					assert.ErrorIs(t, err, header.ErrTruncated, "%s frame %d", file, p.Frame)
				}
				continue
			}
			require.NoError(t, err, "%s frame %d", file, p.Frame)
			out, err := h.AppendBinary(nil)
			require.NoError(t, err)
			assert.Equal(t, p.TCP, out, "%s frame %d", file, p.Frame)
			for o := range h.Options.All() {
				seen[o.Kind]++
			}
			segments++
		}
		require.NoError(t, f.Close())
	}
	assert.Greater(t, segments, 300)
	for _, k := range []header.Kind{header.KindMSS, header.KindWindowScale, header.KindSACKPermitted, header.KindSACK, header.KindTimestamps, header.KindNOP} {
		assert.Positive(t, seen[k], "no %v option in the captures", k)
	}
}
