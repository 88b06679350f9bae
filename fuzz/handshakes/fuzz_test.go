package handshakes

import (
	"reflect"
	"testing"

	"github.com/tcpwire/tcpwire/handshake"
)

// FuzzChecker checks segments mutated out of a built scenario (see
// Mutate): the checker never panics, gives one verdict per segment, gives
// the same verdicts when run again, and neither printing a finding nor
// applying its fix panics.
func FuzzChecker(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		segs, err := Mutate(b)
		if err != nil {
			t.Fatal(err)
		}
		vs := handshake.Check(segs)
		if len(vs) != len(segs) {
			t.Fatalf("%d verdicts for %d segments", len(vs), len(segs))
		}
		if again := handshake.Check(segs); !reflect.DeepEqual(vs, again) {
			t.Fatalf("verdicts differ between two runs on the same segments")
		}
		c := handshake.NewChecker()
		c.MaxConns = 1
		for i, s := range segs {
			if v := c.Check(s); v.Segment != i {
				t.Fatalf("verdict %d numbered %d", i, v.Segment)
			}
		}
		for i, v := range vs {
			for _, fd := range v.Findings {
				if fd.String() == "" {
					t.Fatalf("segment %d: empty finding", i)
				}
				if fd.Fix != nil {
					seg := segs[i]
					seg.TCP = append([]byte(nil), seg.TCP...)
					_ = seg.Apply(fd.Fix)
				}
			}
		}
	})
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
