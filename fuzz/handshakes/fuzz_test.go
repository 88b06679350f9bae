package handshakes

import (
	"bytes"
	"testing"

	"github.com/tcpwire/tcpwire/handshake"
)

// FuzzChecker checks segments mutated out of a built scenario (see
// Mutate; the top bit of b[0] also limits the checker to one connection at
// a time, so that it forgets and meets connections again): the checker
// never panics, gives one verdict per segment, numbered in order, gives the
// same verdicts when run again, printing a finding never panics, and a fix
// that applies changes the segment.
func FuzzChecker(f *testing.F) { f.Fuzz(checkerProperty) }

func checkerProperty(t *testing.T, b []byte) {
	{
		segs, err := Mutate(b)
		if err != nil {
			t.Fatal(err)
		}
		check := func() []handshake.Verdict {
			c := handshake.NewChecker()
			if len(b) > 0 && b[0]&0x80 != 0 {
				c.MaxConns = 1
			}
			vs := make([]handshake.Verdict, len(segs))
			for i, s := range segs {
				vs[i] = c.Check(s)
			}
			return vs
		}
		vs, again := check(), check()
		var scratch []byte
		for i, v := range vs {
			if !sameVerdict(v, again[i]) {
				t.Fatalf("segment %d: verdicts differ between two runs on the same segments:\n%+v\n%+v", i, v, again[i])
			}
			if v.Segment != i {
				t.Fatalf("verdict %d numbered %d", i, v.Segment)
			}
			for _, fd := range v.Findings {
				if fd.String() == "" {
					t.Fatalf("segment %d: empty finding", i)
				}
				if fd.Fix != nil {
					seg := segs[i]
					scratch = append(scratch[:0], seg.TCP...)
					seg.TCP = scratch
					if seg.Apply(fd.Fix) == nil && seg.TOS == segs[i].TOS && bytes.Equal(seg.TCP, segs[i].TCP) {
						t.Fatalf("segment %d: the fix of %v changes nothing", i, fd)
					}
				}
			}
		}
	}
}

// sameVerdict reports whether a and b say the same, field by field (what
// reflect.DeepEqual would, at a fraction of its cost per execution).
func sameVerdict(a, b handshake.Verdict) bool {
	if a.Segment != b.Segment || a.Frame != b.Frame || a.Conn != b.Conn || a.From != b.From ||
		a.Checksum != b.Checksum || a.Client != b.Client || a.Server != b.Server || len(a.Findings) != len(b.Findings) {
		return false
	}
	for i := range a.Findings {
		fa, fb := a.Findings[i], b.Findings[i]
		if (fa.Fix == nil) != (fb.Fix == nil) {
			return false
		}
		if fa.Fix != nil {
			x, y := *fa.Fix, *fb.Fix
			if !bytes.Equal(x.Options, y.Options) {
				return false
			}
			if x.Field != y.Field || x.Value != y.Value || x.Text != y.Text {
				return false
			}
		}
		fa.Fix, fb.Fix = nil, nil
		if fa != fb {
			return false
		}
	}
	return true
}

// FuzzScenario builds a catalogue scenario with fuzzed endpoints (see
// Configure): every step's segment checks clean, both as the builder sees
// it and for a checker that sees only the segments.
func FuzzScenario(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Configure(b)
		if err != nil {
			t.Fatal(err)
		}
		for i, st := range s.Steps {
			if len(st.Findings) > 0 {
				t.Fatalf("%s: step %d (%s): %v", s.Name, i, st.Summary, st.Findings)
			}
		}
		for i, v := range handshake.Check(s.Segments()) {
			if len(v.Findings) > 0 {
				t.Fatalf("%s: segment %d (%s) checked: %v", s.Name, i, s.Steps[i].Summary, v.Findings)
			}
		}
	})
}
