package samples

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/header"
)

// Real headers decode without error, and their data offset covers exactly
// the options they were written with.
func TestRealDecode(t *testing.T) {
	for _, s := range Real {
		var h header.Header
		require.NoError(t, h.Decode(s.Bytes), s.Name)
		assert.NotZero(t, h.DataOffset, s.Name)
	}
}

// Each error sample gives the error its name says.
func TestErrorSamples(t *testing.T) {
	kinds := map[string]error{
		"short": header.ErrShort, "empty": header.ErrShort, "dataoffset": header.ErrDataOffset,
		"truncated": header.ErrTruncated, "optlen": header.ErrOptionLength,
		"overflow": header.ErrOptionOverflow, "optsize": header.ErrOptionSize,
		"sackblocks": header.ErrSACKBlocks, "wscale": header.ErrWindowScale,
	}
	for _, s := range Errors {
		class := strings.Split(strings.TrimPrefix(s.Name, "err-"), "-")[0]
		want := kinds[class]
		require.NotNil(t, want, s.Name)
		var h header.Header
		err := h.Decode(s.Bytes)
		assert.True(t, errors.Is(err, want), "%s: %v", s.Name, err)
	}
}

// Disagreement samples are valid headers.
func TestDisagreementSamplesDecode(t *testing.T) {
	for _, s := range Disagreements {
		var h header.Header
		assert.NoError(t, h.Decode(s.Bytes), s.Name)
	}
}
