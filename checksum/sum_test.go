package checksum

import (
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// refSum is the naive reference: RFC 1071 §4.1 word by word, big-endian,
// an odd trailing byte padded on the right, carries folded at the end.
func refSum(b []byte, initial uint16) uint16 {
	acc := uint64(initial)
	for i := 0; i+1 < len(b); i += 2 {
		acc += uint64(b[i])<<8 | uint64(b[i+1])
	}
	if len(b)%2 == 1 {
		acc += uint64(b[len(b)-1]) << 8
	}
	for acc > 0xffff {
		acc = acc>>16 + acc&0xffff
	}
	return uint16(acc)
}

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	require.NoError(t, err)
	return b
}

func TestSumTable(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		initial uint16
		want    uint16
	}{
		{"empty", "", 0, 0},
		{"empty with initial", "", 0x1234, 0x1234},
		// RFC 1071 §3: the bytes 00 01 f2 03 f4 f5 f6 f7 sum to ddf2.
		{"RFC 1071 §3", "00 01 f2 03 f4 f5 f6 f7", 0, 0xddf2},
		{"one byte is the high byte", "ab", 0, 0xab00},
		// 0x0001 + 0xf203 + 0xf400 = 0x1e604, folded 0xe605.
		{"odd length", "00 01 f2 03 f4", 0, 0xe605},
		{"end-around carry", "ff ff 00 01", 0, 0x0001},
		{"all ones stays 0xffff", "ff ff ff ff ff ff ff ff", 0, 0xffff},
		{"all ones, odd", "ff ff ff ff ff ff ff ff ff", 0, 0xff00},
		{"zeros with initial 0xffff", "00 00", 0xffff, 0xffff},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := unhex(t, tt.in)
			require.Equal(t, tt.want, Sum(b, tt.initial))
			require.Equal(t, refSum(b, tt.initial), Sum(b, tt.initial))
			if tt.initial == 0 {
				require.Equal(t, ^tt.want, Checksum(b))
			}
		})
	}
}

// TestSumRandom checks Sum itself, its inline path for short buffers and
// its call of the kernel, like TestKernelsExhaustive does the kernels.
func TestSumRandom(t *testing.T) {
	const maxLen, maxAlign = 4096, 63
	r := rand.New(rand.NewPCG(1, 2))
	buf := make([]byte, maxLen+maxAlign)
	for i := range buf {
		buf[i] = byte(r.Uint32())
	}
	for n := 0; n <= maxLen; n++ {
		for align := 0; align <= maxAlign; align++ {
			b := buf[align : align+n]
			initial := uint16(r.Uint32())
			if got, want := Sum(b, initial), refSum(b, initial); got != want {
				t.Fatalf("len %d align %d initial %#04x: got %#04x, want %#04x", n, align, initial, got, want)
			}
		}
	}
}

func TestFold(t *testing.T) {
	for _, acc := range []uint64{0, 1, 0xffff, 0x10000, 0x1fffe, 0xffffffff, 0x1_0000_0000, 1<<64 - 1, 0x8000_0000_0000_0000, 0x1234_5678_9abc_def0} {
		want := acc % 0xffff
		got := Fold(acc)
		if acc == 0 {
			require.Equal(t, uint16(0), got)
			continue
		}
		if want == 0 {
			want = 0xffff
		}
		require.Equal(t, uint16(want), got, "Fold(%#x)", acc)
	}
}

func TestCombine(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	buf := make([]byte, 300)
	for i := range buf {
		buf[i] = byte(r.Uint32())
	}
	for i := 0; i < 2000; i++ {
		n := r.IntN(len(buf) + 1)
		k := r.IntN(n + 1)
		initial := uint16(r.Uint32())
		a := Sum(buf[:k], initial)
		b := Sum(buf[k:n], 0)
		require.Equal(t, refSum(buf[:n], initial), Combine(a, b, k), "n %d split %d", n, k)
	}
}

func TestUpdate(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	seg := make([]byte, 40)
	for i := 0; i < 2000; i++ {
		for j := range seg {
			seg[j] = byte(r.Uint32())
		}
		seg[16], seg[17] = 0, 0
		check := Checksum(seg)
		seg[16], seg[17] = byte(check>>8), byte(check)

		// Change one 16-bit word.
		w := 2 * r.IntN(20)
		if w == 16 {
			w = 18
		}
		old := uint16(seg[w])<<8 | uint16(seg[w+1])
		nw := uint16(r.Uint32())
		seg[w], seg[w+1] = byte(nw>>8), byte(nw)
		check = Update(check, old, nw)
		seg[16], seg[17] = byte(check>>8), byte(check)
		require.Equal(t, uint16(0xffff), Sum(seg, 0), "after Update of word %d", w)

		// Change the 32-bit sequence number.
		old32 := uint32(seg[4])<<24 | uint32(seg[5])<<16 | uint32(seg[6])<<8 | uint32(seg[7])
		new32 := r.Uint32()
		seg[4], seg[5], seg[6], seg[7] = byte(new32>>24), byte(new32>>16), byte(new32>>8), byte(new32)
		check = Update32(check, old32, new32)
		seg[16], seg[17] = byte(check>>8), byte(check)
		require.Equal(t, uint16(0xffff), Sum(seg, 0), "after Update32")
		seg[16], seg[17] = 0, 0
		want := Checksum(seg)
		// Ones'-complement zero has two forms; everything else is exact.
		if !(want == 0 && check == 0xffff || want == 0xffff && check == 0) {
			require.Equal(t, want, check)
		}
	}
}
