package capture

import (
	"bytes"
	"errors"
	"github.com/tcpwire/tcpwire/capture/frame"
	"io"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// frameErrs are the errors a *FrameError may wrap.
var frameErrs = []error{frame.ErrTruncated, frame.ErrIPVersion, frame.ErrIPHeader, frame.ErrIPLength, frame.ErrExtensionHeader, frame.ErrTCPLength}

// FuzzReader reads arbitrary bytes as a capture: no input may panic, every
// error is one of the documented types, the counts add up, and every
// segment read survives a Writer round trip. The seed corpus in
// testdata/fuzz/FuzzReader holds the small real captures of
// testdata/captures, copies cut inside a record, with a damaged IP header
// or an unknown link type, and constructed frames of every link type.
func FuzzReader(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			var fe *FormatError
			var fi *FileError
			var le *LinkTypeError
			if !errors.As(err, &fe) && !errors.As(err, &fi) && !errors.As(err, &le) {
				t.Fatalf("NewReader: untyped error %T %v", err, err)
			}
			return
		}
		for range 10000 {
			p, err := r.Next()
			st := r.Stats()
			if st.Frames != st.Segments+st.NotTCP+st.Fragments+st.Malformed {
				t.Fatalf("stats do not add up: %+v", st)
			}
			if err == io.EOF {
				return
			}
			var fi *FileError
			if errors.As(err, &fi) {
				if _, again := r.Next(); again != err {
					t.Fatalf("FileError not repeated: %v then %v", err, again)
				}
				return
			}
			var fe *FrameError
			if errors.As(err, &fe) {
				if fe.Frame != st.Frames || fe.Offset < 0 || !isOneOf(fe.Err, frameErrs) {
					t.Fatalf("bad frame error %+v at %+v", *fe, st)
				}
				continue
			}
			if err != nil {
				t.Fatalf("Next: untyped error %T %v", err, err)
			}
			checkPacket(t, p, st, st.Segments <= roundTrips)
		}
	})
}

func isOneOf(err error, errs []error) bool {
	for _, e := range errs {
		if err == e {
			return true
		}
	}
	return false
}

// roundTrips is how many segments of each input go through the Writer
// (each round trip sets up a Reader, which allocates its buffers).
const roundTrips = 8

func checkPacket(t *testing.T, p frame.Packet, st Stats, roundTrip bool) {
	if p.Frame != st.Frames {
		t.Fatalf("frame %d, read %d", p.Frame, st.Frames)
	}
	if !p.Src.IsValid() || p.Src.Is4() != p.Dst.Is4() || p.Src.Is6() != p.Dst.Is6() {
		t.Fatalf("addresses %v %v", p.Src, p.Dst)
	}
	if len(p.TCP) > p.Length || (!p.Fragmented && p.Length < tcpMinLen) {
		t.Fatalf("TCP %d bytes, Length %d, fragmented %v", len(p.TCP), p.Length, p.Fragmented)
	}
	if !roundTrip {
		return
	}
	var buf bytes.Buffer
	w, err := NewWriter(&buf, frame.LinkRaw)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WritePacket(p); err != nil {
		tooLong := p.Length > 65535-ipv4HeaderLen
		if errors.Is(err, ErrTime) || (errors.Is(err, frame.ErrLength) && tooLong) {
			return
		}
		t.Fatalf("WritePacket(%+v): %v", p, err)
	}
	r, err := NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Next()
	if err != nil {
		t.Fatalf("reading back frame %d: %v", p.Frame, err)
	}
	got.Frame = p.Frame
	if p.Time.IsZero() { // a pcapng Simple frame.Packet Block has no time
		p.Time = time.Unix(0, 0).UTC()
	}
	if d := cmp.Diff(p, got, cmpOpts); d != "" {
		t.Fatalf("round trip of frame %d (-read +written):\n%s", p.Frame, d)
	}
}
