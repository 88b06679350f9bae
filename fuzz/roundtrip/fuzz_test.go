package roundtrip

import (
	"bytes"
	"errors"
	"testing"

	"github.com/tcpwire/tcpwire/header"
)

// dirty is a header decoded from a full option area, to decode into again:
// nothing of it may leak into the next decoding.
func dirty(t *testing.T) header.Header {
	var h header.Header
	full := []byte{
		0xa4, 0x6e, 0x1f, 0x90, 1, 2, 3, 4, 5, 6, 7, 8, 0xfe, 0x12, 0xff, 0xff, 0xaa, 0xbb, 0xcc, 0xdd,
		2, 4, 5, 0xb4, 3, 3, 7, 4, 2, 8, 10, 1, 2, 3, 4, 5, 6, 7, 8,
		5, 18, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0, 1, 0xde, 0xad,
	}
	if err := h.Decode(full); err != nil {
		t.Fatal(err)
	}
	return h
}

// FuzzDecodeEncode decodes b; when Decode accepts it (the Window Scale
// warning included), Encode and AppendBinary reproduce b exactly, decoding
// into a used Header gives the same result as into a new one, and the
// option area rebuilt with SetBytes reads the same.
func FuzzDecodeEncode(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		var h header.Header
		err := h.Decode(b)
		used := dirty(t)
		uerr := used.Decode(b)
		var e, ue *header.Error
		if (err == nil) != (uerr == nil) || err != nil && (!errors.As(err, &e) || !errors.As(uerr, &ue) || *e != *ue) {
			t.Fatalf("Decode into a used header: %v, into a new one: %v", uerr, err)
		}
		_ = h.String()
		if err != nil && !e.Warning() {
			return
		}
		if !Equal(&h, &used) {
			t.Fatalf("decoding into a used header (new, then used):\n%+v\n%+v", h, used)
		}
		hs, us := Summarize(&h.Options), Summarize(&used.Options)
		if !hs.Equal(&us) {
			t.Fatalf("options decoded into a used header (new, then used):\n%+v\n%+v", hs, us)
		}
		if h.Len() != len(b) {
			t.Fatalf("Len() = %d for %d bytes", h.Len(), len(b))
		}
		out := make([]byte, len(b))
		n, err := h.Encode(out)
		if err != nil || n != len(b) || !bytes.Equal(out, b) {
			t.Fatalf("Encode = %d, %v:\n% x\nwant\n% x", n, err, out, b)
		}
		app, err := h.AppendBinary([]byte{0xee})
		if err != nil || !bytes.Equal(app[1:], b) || app[0] != 0xee {
			t.Fatalf("AppendBinary = % x, %v", app, err)
		}
		if _, err := h.Encode(out[:len(b)-1]); !errors.Is(err, header.ErrShortBuffer) {
			t.Fatalf("Encode into %d bytes: %v, want ErrShortBuffer", len(b)-1, err)
		}
		var o header.Options
		serr := o.SetBytes(h.Options.Bytes())
		if (serr == nil) != (err == nil && e == nil) && !errors.Is(serr, header.ErrWindowScale) {
			t.Fatalf("SetBytes of a decoded option area: %v", serr)
		}
		if ss := Summarize(&o); !hs.Equal(&ss) {
			t.Fatalf("SetBytes of the decoded option area (decoded, then set):\n%+v\n%+v", hs, ss)
		}
	})
}

// FuzzBuild builds a header from b with the Options builder (see Build),
// encodes it and decodes the bytes: the decoded header equals the built
// one, field by field and accessor by accessor.
func FuzzBuild(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := Build(b)
		if err != nil {
			t.Fatal(err)
		}
		buf, err := h.AppendBinary(nil)
		if err != nil {
			t.Fatalf("encoding a built header: %v", err)
		}
		var got header.Header
		err = got.Decode(buf)
		if err != nil && !(errors.Is(err, header.ErrWindowScale) && shiftAbove14(&h.Options)) {
			t.Fatalf("decoding a built header: %v\n% x", err, buf)
		}
		want := h
		want.DataOffset = uint8(h.HeaderLen() / 4)
		if !Equal(&want, &got) {
			t.Fatalf("built → encoded → decoded (built, then decoded):\n%+v\n%+v", want, got)
		}
		if ws, gs := Summarize(&want.Options), Summarize(&got.Options); !ws.Equal(&gs) {
			t.Fatalf("option accessors (built, then decoded):\n%+v\n%+v", ws, gs)
		}
		// A DataOffset that disagrees with the options is refused, and so
		// are flag bits beyond 12.
		bad := h
		bad.DataOffset = want.DataOffset%15 + 1
		if _, err := bad.AppendBinary(nil); !errors.Is(err, header.ErrDataOffset) {
			t.Fatalf("DataOffset %d for %d header bytes: %v", bad.DataOffset, h.HeaderLen(), err)
		}
		bad = h
		bad.Flags |= 0x1000
		if _, err := bad.AppendBinary(nil); !errors.Is(err, header.ErrFlags) {
			t.Fatalf("flags %#x: %v", bad.Flags, err)
		}
	})
}
