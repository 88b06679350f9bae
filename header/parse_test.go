package header

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseCommonAgrees checks that every layout the word-compare fast path
// accepts is indexed exactly as the general parser indexes it, and that
// near misses fall through to the general parser.
func TestParseCommonAgrees(t *testing.T) {
	for _, tt := range []struct {
		in     string
		common bool
	}{
		{"0204ffd70402080a9d1b26c50000000001030307", true},
		{"0204ffd70402080a9d1b26c5000000000103030e", true},
		{"0204ffd70402080a9d1b26c5000000000103030f", false}, // shift 15: a warning
		{"0204ffd70402080a9d1b26c50000000001030207", false}, // wrong length
		{"0101080a9d1b26d09d1b26c9", true},
		{"0101080a9d1b26d09d1b26c90101050a6f3c6b0e6f3c7b0e", true},
		{"0101080a9d1b26d09d1b26c901010512000000010000000200000003000000040000", false},
		{"0101080a9d1b26d09d1b26c901010512000000010000000200000003000000040000ffff", false}, // 38 bytes
		{"0101080a9d1b26d09d1b26c9010105126f3c6b0e6f3c7b0e6f3c8b0e6f3c9b0e", true},
		{"0101080a9d1b26d09d1b26c90101051a000000010000000200000003000000040000000500000006", true},
		{"0101080a9d1b26d09d1b26c9010105120000000100000002000000030000000400000005", false}, // SACK length off
	} {
		b, err := hex.DecodeString(tt.in)
		require.NoError(t, err)
		var fast, slow Options
		fast.n = uint8(copy(fast.buf[:], b))
		slow.n = fast.n
		slow.buf = fast.buf
		assert.Equal(t, tt.common, fast.parseCommon(), tt.in)
		slowErr := slow.parse()
		if tt.common {
			assert.NoError(t, slowErr, tt.in)
			assert.Equal(t, slow.at, fast.at, tt.in)
		}
	}
}
