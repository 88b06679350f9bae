package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/capture"
	"github.com/tcpwire/tcpwire/capture/frame"
)

// TestReadCaptureMatchesCapturePackage reads every capture of the project
// with the module's own reader and with the capture package, and expects
// the same segments.
func TestReadCaptureMatchesCapturePackage(t *testing.T) {
	files, err := filepath.Glob("../testdata/captures/*.pcap*")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			file, err := os.ReadFile(name)
			require.NoError(t, err)
			var want []frame.Packet
			r, err := capture.NewReader(bytes.NewReader(file))
			require.NoError(t, err)
			for {
				p, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				var fe *capture.FrameError
				if errors.As(err, &fe) {
					continue
				}
				require.NoError(t, err)
				p.Frame, p.Time, p.TCP = 0, time.Time{}, bytes.Clone(p.TCP)
				want = append(want, p)
			}
			var got []frame.Packet
			require.NoError(t, readCapture(file, func(p frame.Packet) bool {
				got = append(got, p)
				return true
			}))
			require.Equal(t, want, got)
		})
	}
}

func TestExportPcapReadsBack(t *testing.T) {
	state := newState(t, "aa"+synFromA, "bw"+synFromA)
	file, err := ExportPcap(state)
	require.NoError(t, err)
	r, err := capture.NewReader(bytes.NewReader(file))
	require.NoError(t, err)
	st, err := ParseState(state)
	require.NoError(t, err)
	st.fill()
	for i, s := range st.Steps {
		p, err := r.Next()
		require.NoError(t, err, "packet %d", i)
		assert.Equal(t, st.src(&s), p.Src)
		assert.Equal(t, st.dst(&s), p.Dst)
		assert.Equal(t, s.Seg, p.TCP)
		assert.Equal(t, len(s.Seg), p.Length)
	}
	_, err = r.Next()
	assert.ErrorIs(t, err, io.EOF)

	// The IPv4 header checksum verifies (RFC 791 §3.1).
	ip := file[24+16 : 24+16+20]
	assert.Equal(t, uint16(0), capture16(ip))
}

func capture16(b []byte) uint16 {
	var s uint32
	for i := 0; i < len(b); i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	for s > 0xffff {
		s = s&0xffff + s>>16
	}
	return ^uint16(s)
}

func TestImportCapture(t *testing.T) {
	file, err := os.ReadFile("../testdata/captures/http-ipv6.pcapng")
	require.NoError(t, err)
	v := decodeView(t, ImportCapture(file))
	require.Empty(t, v.Error)
	assert.Equal(t, "::1", v.A)
	require.NotEmpty(t, v.Steps)
	assert.Contains(t, v.Steps[0].Label, "Flags [S]")
	assert.Equal(t, "a", v.Steps[0].Dir)
	assert.Equal(t, "b", v.Steps[1].Dir)
	for i, s := range v.Steps {
		// Loopback captures hold the pseudo-header sum only (SPEC §5).
		assert.Equal(t, "partial", s.Checksum.Status, "step %d", i)
	}

	v = decodeView(t, ImportCapture([]byte("not a capture at all, no")))
	assert.Equal(t, errCaptureFormat.Error(), v.Error)
	var raw map[string]any
	require.NoError(t, json.Unmarshal(ImportCapture(nil), &raw))
}
