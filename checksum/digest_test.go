package checksum

import (
	"hash"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

var _ hash.Hash = (*Digest)(nil)

func TestDigestRandomSplits(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	buf := make([]byte, 3000)
	for i := range buf {
		buf[i] = byte(r.Uint32())
	}
	for i := 0; i < 500; i++ {
		b := buf[:r.IntN(len(buf)+1)]
		var d Digest // the zero value is usable
		for rest := b; len(rest) > 0; {
			k := r.IntN(min(len(rest), 70) + 1)
			n, err := d.Write(rest[:k])
			require.NoError(t, err)
			require.Equal(t, k, n)
			rest = rest[k:]
		}
		want := refSum(b, 0)
		require.Equal(t, want, d.Partial(), "len %d", len(b))
		require.Equal(t, ^want, d.Sum16())
		require.Equal(t, []byte{0xee, ^byte(want >> 8), ^byte(want)}, d.Sum([]byte{0xee}))
	}
}

func TestDigestHash(t *testing.T) {
	d := New()
	require.Equal(t, 2, d.Size())
	require.Equal(t, 2, d.BlockSize())
	_, _ = d.Write([]byte{0x00, 0x01, 0xf2})
	_, _ = d.Write([]byte{0x03, 0xf4, 0xf5, 0xf6, 0xf7})
	// RFC 1071 §3, written in two odd pieces.
	require.Equal(t, uint16(0xddf2), d.Partial())
	require.Equal(t, []byte{0x22, 0x0d}, d.Sum(nil))
	require.Equal(t, uint16(0xddf2), d.Partial(), "Sum does not change the state")
	d.Reset()
	require.Equal(t, uint16(0), d.Partial())
	require.Equal(t, uint16(0xffff), d.Sum16())
}
