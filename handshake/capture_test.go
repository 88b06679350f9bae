package handshake_test

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/capture"
	"github.com/tcpwire/tcpwire/checksum"
	"github.com/tcpwire/tcpwire/handshake"
)

// readCapture reads the segments of a capture file in testdata/captures.
func readCapture(t testing.TB, name string) []handshake.Segment {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "captures", name))
	require.NoError(t, err)
	defer f.Close()
	r, err := capture.NewReader(f)
	require.NoError(t, err)
	var segs []handshake.Segment
	for {
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			return segs
		}
		require.NoError(t, err)
		p.TCP = bytes.Clone(p.TCP)
		segs = append(segs, handshake.Segment(p))
	}
}

// TestCaptures checks the real loopback captures of testdata/captures (see
// its README): no error finding, checksums partial (offloaded) except for
// the few segments the kernel checksums in software (RSTs, TIME-WAIT
// ACKs), and exactly the notes and warnings the traffic explains.
func TestCaptures(t *testing.T) {
	tests := []struct {
		file   string
		conns  int
		final  [2]handshake.State // client, server after the last segment
		notes  map[handshake.Code]int
		nGood  int
		nTotal int
	}{
		{"http-ipv4.pcap", 1, [2]handshake.State{handshake.Closed, handshake.TimeWait}, nil, 0, 12},
		{"http-ipv4.pcapng", 1, [2]handshake.State{handshake.Closed, handshake.TimeWait}, nil, 0, 12},
		{"http-ipv4-snap60.pcap", 1, [2]handshake.State{handshake.Closed, handshake.TimeWait}, nil, 0, 12},
		{"http-sll.pcap", 1, [2]handshake.State{handshake.Closed, handshake.TimeWait}, nil, 0, 12},
		// Both FINs cross: a simultaneous close through CLOSING.
		{"http-ipv6.pcap", 1, [2]handshake.State{handshake.TimeWait, handshake.TimeWait}, nil, 0, 13},
		{"http-ipv6.pcapng", 1, [2]handshake.State{handshake.TimeWait, handshake.TimeWait}, nil, 0, 13},
		{"http-sll2.pcap", 1, [2]handshake.State{handshake.TimeWait, handshake.Closed}, nil, 0, 12},
		{"refused.pcap", 1, [2]handshake.State{handshake.Closed, handshake.Closed}, nil, 1, 2},
		{"half-close.pcap", 1, [2]handshake.State{handshake.TimeWait, handshake.Closed}, nil, 0, 14},
		{"abortive-close.pcap", 1, [2]handshake.State{handshake.Closed, handshake.Closed}, nil, 0, 8},
		{"ecn.pcap", 1, [2]handshake.State{handshake.Closed, handshake.TimeWait}, nil, 0, 12},
		{"bulk.pcap", 1, [2]handshake.State{handshake.Closed, handshake.TimeWait},
			map[handshake.Code]int{handshake.CodeZeroWindow: 2}, 0, 16},
		{"sack-loss.pcap", 1, [2]handshake.State{handshake.Closed, handshake.TimeWait},
			map[handshake.Code]int{handshake.CodeRetransmission: 2, handshake.CodeDupAck: 1}, 1, 208},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			segs := readCapture(t, tt.file)
			require.Len(t, segs, tt.nTotal)
			vs := handshake.Check(segs)
			fs := findingsOf(vs)
			assert.Empty(t, errorsIn(fs))
			got := map[handshake.Code]int{}
			for _, f := range fs {
				got[f.Code]++
			}
			want := tt.notes
			if want == nil {
				want = map[handshake.Code]int{}
			}
			// The kinds of note are the traffic's; how many depends on
			// the run that recorded it (README: two segments lost in
			// sack-loss, two zero windows in bulk).
			assert.Equal(t, slices.Sorted(maps.Keys(want)), slices.Sorted(maps.Keys(got)), "%v", got)
			good := 0
			for i, v := range vs {
				assert.Contains(t, []checksum.Status{checksum.Partial, checksum.Good}, v.Checksum, "segment %d", i)
				if v.Checksum == checksum.Good {
					good++
				}
				assert.Equal(t, tt.conns, v.Conn)
				assert.Equal(t, segs[i].Frame, v.Frame)
			}
			assert.Equal(t, tt.nGood, good, "segments checksummed in software")
			last := vs[len(vs)-1]
			assert.Equal(t, tt.final, [2]handshake.State{last.Client.State, last.Server.State})
		})
	}
}

// TestCaptureECN checks that the ECN capture negotiates RFC 3168 ECN: the
// data segments travel ECT(0) without a finding, while the same segments
// on a connection without ECN would be flagged.
func TestCaptureECN(t *testing.T) {
	segs := readCapture(t, "ecn.pcap")
	ect := 0
	for _, s := range segs {
		if s.TOS&3 == 2 {
			ect++
		}
	}
	assert.Equal(t, 3, ect)
	assert.Empty(t, findingsOf(handshake.Check(segs)))

	// Clear ECE and CWR on the SYN: now the SYN-ACK's ECE is unsolicited.
	segs[0].TCP[13] &^= 0xc0
	vs := handshake.Check(segs)
	require.NotEmpty(t, vs[1].Findings)
	assert.Equal(t, handshake.CodeECNUnsolicited, vs[1].Findings[0].Code)
}

// TestCaptureMidstream drops the opening of real captures: checked from
// what they show, they give no error and no warning.
func TestCaptureMidstream(t *testing.T) {
	for _, file := range []string{"http-ipv4.pcap", "http-ipv6.pcap", "half-close.pcap", "bulk.pcap", "sack-loss.pcap"} {
		t.Run(file, func(t *testing.T) {
			segs := readCapture(t, file)
			for _, skip := range []int{1, 2, 3, 5} {
				vs := handshake.Check(segs[skip:])
				for _, f := range findingsOf(vs) {
					assert.NotEqual(t, handshake.Error, f.Severity, "skip %d: %v", skip, f)
					if f.Code != handshake.CodeZeroWindow {
						assert.NotEqual(t, handshake.Warning, f.Severity, "skip %d: %v", skip, f)
					}
				}
			}
		})
	}
}

// TestCapturesInterleaved checks several captures as one stream, their
// segments interleaved: each connection is followed on its own and the
// findings are those of the captures checked one by one.
func TestCapturesInterleaved(t *testing.T) {
	files := []string{"http-ipv4.pcap", "http-ipv6.pcap", "half-close.pcap", "abortive-close.pcap", "refused.pcap"}
	var lists [][]handshake.Segment
	want := map[handshake.Code]int{}
	for _, f := range files {
		segs := readCapture(t, f)
		lists = append(lists, segs)
		for _, x := range findingsOf(handshake.Check(segs)) {
			want[x.Code]++
		}
	}
	var all []handshake.Segment
	for i := 0; ; i++ {
		added := false
		for _, l := range lists {
			if i < len(l) {
				all = append(all, l[i])
				added = true
			}
		}
		if !added {
			break
		}
	}
	vs := handshake.Check(all)
	got := map[handshake.Code]int{}
	conns := map[int]bool{}
	for _, v := range vs {
		conns[v.Conn] = true
		for _, x := range v.Findings {
			got[x.Code]++
		}
	}
	assert.Len(t, conns, len(files))
	assert.Equal(t, want, got)
}

// TestFromSegments imports real captures as scenarios: the steps keep the
// captured bytes, the builder's view agrees with the checker's, and
// rebuilding after the handshake makes a clean connection of the same
// shape, with computed checksums.
func TestFromSegments(t *testing.T) {
	for _, file := range []string{"http-ipv4.pcap", "http-ipv6.pcap", "half-close.pcap", "abortive-close.pcap", "ecn.pcap", "refused.pcap", "bulk.pcap"} {
		t.Run(file, func(t *testing.T) {
			segs := readCapture(t, file)
			s, err := handshake.FromSegments(segs)
			require.NoError(t, err)
			require.Len(t, s.Steps, len(segs))
			vs := handshake.Check(segs)
			for i, st := range s.Steps {
				assert.Equal(t, segs[i].TCP, st.Segment.TCP, "step %d", i)
				assert.Equal(t, vs[i].Checksum, st.Checksum, "step %d", i)
				assert.Equal(t, codesOf(vs[i].Findings), codesOf(st.Findings), "step %d", i)
				if !st.Crossing {
					// A crossing segment arrives after the next is sent; the
					// checker, seeing them in order, takes it at once.
					assert.Equal(t, vs[i].Client.State, st.Client.State, "step %d", i)
					assert.Equal(t, vs[i].Server.State, st.Server.State, "step %d", i)
				}
			}
			if len(s.Steps) < 4 {
				return
			}
			// Rebuilding keeps the captured bytes (they are the edits);
			// dropped, the builder makes the segments afresh.
			require.NoError(t, s.Rebuild(3))
			assert.Equal(t, segs[3].TCP, s.Steps[3].Segment.TCP)
			for i := 3; i < len(s.Steps); i++ {
				s.Steps[i].Edit = nil
			}
			require.NoError(t, s.Rebuild(3))
			for i, st := range s.Steps[3:] {
				assert.Equal(t, checksum.Good, st.Checksum, "step %d", i+3)
				assert.Equal(t, segs[i+3].Length-len(segs[i+3].TCP)+len(st.Segment.TCP), len(st.Segment.TCP))
			}
			assert.Empty(t, errorsIn(findingsOf(handshake.Check(s.Segments()))))
			last := s.Steps[len(s.Steps)-1]
			assert.Equal(t, vs[len(vs)-1].Client.State, last.Client.State)
			assert.Equal(t, vs[len(vs)-1].Server.State, last.Server.State)
		})
	}
	_, err := handshake.FromSegments(nil)
	assert.ErrorIs(t, err, handshake.ErrNoSegments)
}

// TestApplyKeepsPartial applies a fix to a captured segment whose checksum
// was left partial by offload: the field is set to the new partial sum, so
// the segment still reads as offloaded, not corrupt.
func TestApplyKeepsPartial(t *testing.T) {
	segs := readCapture(t, "http-ipv4.pcap")
	s := segs[2]
	require.Equal(t, checksum.Partial, s.Checksum())
	require.NoError(t, s.Apply(&handshake.Fix{Field: handshake.FieldWindow, Value: 1000}))
	assert.Equal(t, checksum.Partial, s.Checksum())
	assert.Equal(t, []byte{0x03, 0xe8}, s.TCP[14:16])

	snap := readCapture(t, "http-ipv4-snap60.pcap")[3]
	require.Less(t, len(snap.TCP), snap.Length)
	assert.ErrorIs(t, snap.Apply(&handshake.Fix{Field: handshake.FieldWindow, Value: 1}), handshake.ErrFix)
}

// TestAllCaptures checks every capture in testdata/captures, those the
// table above does not know yet included: no error, no bad checksum.
func TestAllCaptures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "captures", "*.pcap*"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			vs := handshake.Check(readCapture(t, filepath.Base(f)))
			if len(vs) == 0 {
				t.Skip("no TCP segment in the capture")
			}
			assert.Empty(t, errorsIn(findingsOf(vs)))
			for i, v := range vs {
				assert.NotEqual(t, checksum.Bad, v.Checksum, "segment %d", i)
			}
		})
	}
}
