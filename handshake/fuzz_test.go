package handshake_test

import (
	"net/netip"
	"reflect"
	"testing"

	"github.com/tcpwire/tcpwire/handshake"
)

// fuzzAddrs are the two endpoints' addresses of fuzzed segments.
var fuzzAddrs = [2]netip.Addr{netip.MustParseAddr("192.0.2.10"), netip.MustParseAddr("198.51.100.20")}

// splitFuzz reads segments from data: a direction byte (low bit: 0 from
// the first address, 1 from the second; bit 1: a TOS of ECT(0); bit 2: the
// IP length claims 8 bytes more than captured, a snap-length cut; bit 3: 4
// bytes less, link padding), a length byte, then that many bytes of TCP.
func splitFuzz(data []byte) []handshake.Segment {
	var segs []handshake.Segment
	for len(data) >= 2 {
		dir, n := data[0], int(data[1])
		data = data[2:]
		n = min(n, len(data))
		s := handshake.Segment{Src: fuzzAddrs[dir&1], Dst: fuzzAddrs[1-dir&1], TCP: data[:n]}
		if dir&2 != 0 {
			s.TOS = 2
		}
		switch {
		case dir&4 != 0:
			s.Length = n + 8
		case dir&8 != 0 && n > 4:
			s.Length = n - 4
		}
		segs = append(segs, s)
		data = data[n:]
	}
	return segs
}

// joinFuzz is the inverse of splitFuzz for segments of a built scenario.
func joinFuzz(s *handshake.Scenario) []byte {
	var b []byte
	for _, st := range s.Steps {
		b = append(b, byte(st.From)|st.Segment.TOS&2, byte(len(st.Segment.TCP)))
		b = append(b, st.Segment.TCP...)
	}
	return b
}

// FuzzCheck checks arbitrary segment sequences: the checker never panics,
// gives the same verdicts twice, and every finding names its rule.
func FuzzCheck(f *testing.F) {
	for _, name := range []string{"open-data-close", "simultaneous-close", "refused", "ecn", "fast-open"} {
		s, err := handshake.New(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(joinFuzz(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		segs := splitFuzz(data)
		a, b := handshake.Check(segs), handshake.Check(segs)
		if !reflect.DeepEqual(a, b) {
			t.Fatal("two runs disagree")
		}
		for _, v := range a {
			for _, x := range v.Findings {
				if x.Code == "" || x.Rule == "" || x.Message == "" || x.Field == "" {
					t.Fatalf("incomplete finding %+v", x)
				}
				if x.Fix != nil && x.Fix.Text == "" {
					t.Fatalf("fix without text %+v", x)
				}
			}
		}
	})
}
