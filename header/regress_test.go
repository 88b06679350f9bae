package header_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/header"
)

// After an option error the header holds the options decoded before the
// problem, and nothing more: String, All and the accessors must not walk
// into the malformed option. Found by fuzz/roundtrip FuzzDecodeEncode: the
// option area was kept whole, and String panicked reading the missing
// length byte of a Timestamps kind at the end of the area.
func TestDecodeErrorKeepsOptionsBefore(t *testing.T) {
	for _, c := range []struct {
		name, hex string
		keep      int
	}{
		{"length byte missing", "a46e 1f90 6f3c5b0d 00000000 6002 ffd7 0000 0000 0101 0108", 3},
		{"length below 2", "a46e 1f90 6f3c5b0d 00000000 7002 ffd7 0000 0000 020405b4 0101 6301", 6},
		{"overflow", "a46e 1f90 6f3c5b0d 00000000 7002 ffd7 0000 0000 0204 05b4 080a 9d1b", 4},
		{"wrong size", "a46e 1f90 6f3c5b0d 00000000 7002 ffd7 0000 0000 0101 0402 0203 0501", 4},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := unhex(t, c.hex)
			var h header.Header
			err := h.Decode(b)
			var e *header.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.keep, h.Options.Len())
			assert.Equal(t, b[header.MinLen:header.MinLen+c.keep], h.Options.Bytes())
			assert.NotPanics(t, func() { _ = h.String() })
			n := 0
			for opt := range h.Options.All() {
				assert.Less(t, opt.Offset, e.Offset)
				n++
			}
			assert.NotZero(t, n)
			_, ok := h.Options.Find(header.KindTimestamps)
			assert.False(t, ok)
			// The error still describes the problem.
			assert.Equal(t, header.MinLen+c.keep, e.Offset)
			assert.Contains(t, err.Error(), "at byte")
		})
	}
}
