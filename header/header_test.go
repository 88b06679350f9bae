package header_test

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/header"
)

// unhex decodes a hex string with spaces, for readable test bytes.
func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	require.NoError(t, err)
	return b
}

// Headers from Linux loopback traffic (kernel 6.x), as tcpdump -xx shows
// them after the IP header.
const (
	// SYN: MSS 65495, SACK permitted, Timestamps, NOP, window scale 7.
	linuxSYN = "a4 6e 1f 90 6f 3c 5b 0d 00 00 00 00 a0 02 ff d7 fe 30 00 00" +
		" 02 04 ff d7 04 02 08 0a 9d 1b 26 c5 00 00 00 00 01 03 03 07"
	// SYN-ACK answering it.
	linuxSYNACK = "1f 90 a4 6e 2b 52 e1 44 6f 3c 5b 0e a0 12 ff cb fe 30 00 00" +
		" 02 04 ff d7 04 02 08 0a 9d 1b 26 c5 9d 1b 26 c5 01 03 03 07"
	// ACK with NOP, NOP, Timestamps and two SACK blocks.
	linuxSACK = "1f 90 a4 6e 2b 52 e1 45 6f 3c 5b 0e d0 10 02 00 fe 40 00 00" +
		" 01 01 08 0a 9d 1b 26 d0 9d 1b 26 c9" +
		" 01 01 05 12 6f 3c 6b 0e 6f 3c 7b 0e 6f 3c 8b 0e 6f 3c 9b 0e"
	// Bare ACK, no options.
	bareACK = "a4 6e 1f 90 6f 3c 5b 0e 2b 52 e1 45 50 10 02 00 fe 28 00 00"
)

func TestDecodeSYN(t *testing.T) {
	b := unhex(t, linuxSYN)
	var h header.Header
	require.NoError(t, h.Decode(b))

	assert.Equal(t, uint16(42094), h.SrcPort)
	assert.Equal(t, uint16(8080), h.DstPort)
	assert.Equal(t, header.Seq(0x6f3c5b0d), h.Seq)
	assert.Equal(t, header.Seq(0), h.Ack)
	assert.Equal(t, uint8(10), h.DataOffset)
	assert.Equal(t, header.SYN, h.Flags)
	assert.Equal(t, uint16(65495), h.Window)
	assert.Equal(t, uint16(0xfe30), h.Checksum)
	assert.Equal(t, uint16(0), h.Urgent)
	assert.Empty(t, h.Payload)
	assert.Equal(t, 20, h.Options.Len())

	mss, ok := h.Options.MSS()
	require.True(t, ok)
	assert.Equal(t, uint16(65495), mss)
	ws, ok := h.Options.WindowScale()
	require.True(t, ok)
	assert.Equal(t, uint8(7), ws)
	assert.True(t, h.Options.SACKPermitted())
	ts, ok := h.Options.Timestamps()
	require.True(t, ok)
	assert.Equal(t, header.Timestamps{Value: 0x9d1b26c5, Echo: 0}, ts)
	_, ok = h.Options.SACK(nil)
	assert.False(t, ok)

	var kinds []header.Kind
	var offsets []int
	for o := range h.Options.All() {
		kinds = append(kinds, o.Kind)
		offsets = append(offsets, o.Offset)
	}
	assert.Equal(t, []header.Kind{header.KindMSS, header.KindSACKPermitted, header.KindTimestamps, header.KindNOP, header.KindWindowScale}, kinds)
	assert.Equal(t, []int{20, 24, 26, 36, 37}, offsets)
	assert.Equal(t, "42094 > 8080: Flags [S], seq 1866226445, win 65495, options [mss 65495,sackOK,TS val 2635802309 ecr 0,nop,wscale 7], length 0", h.String())
}

func TestDecodeSACK(t *testing.T) {
	var h header.Header
	require.NoError(t, h.Decode(unhex(t, linuxSACK)))
	assert.Equal(t, header.ACK, h.Flags)
	var buf [4]header.SACKBlock
	blocks, ok := h.Options.SACK(buf[:0])
	require.True(t, ok)
	want := []header.SACKBlock{{Left: 0x6f3c6b0e, Right: 0x6f3c7b0e}, {Left: 0x6f3c8b0e, Right: 0x6f3c9b0e}}
	if diff := cmp.Diff(want, blocks); diff != "" {
		t.Errorf("SACK blocks (-want +got):\n%s", diff)
	}
	ts, ok := h.Options.Timestamps()
	require.True(t, ok)
	assert.Equal(t, header.Timestamps{Value: 0x9d1b26d0, Echo: 0x9d1b26c9}, ts)
}

func TestDecodeFields(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want header.Header
	}{
		{
			name: "bare ACK",
			in:   bareACK,
			want: header.Header{SrcPort: 42094, DstPort: 8080, Seq: 0x6f3c5b0e, Ack: 0x2b52e145, DataOffset: 5, Flags: header.ACK, Window: 512, Checksum: 0xfe28},
		},
		{
			name: "all twelve flag bits and urgent pointer",
			in:   "00 01 00 02 ff ff ff ff 80 00 00 01 5f ff 00 00 12 34 00 07",
			want: header.Header{SrcPort: 1, DstPort: 2, Seq: 0xffffffff, Ack: 0x80000001, DataOffset: 5, Flags: 0xfff, Checksum: 0x1234, Urgent: 7},
		},
		{
			name: "AE and CWR, ECE with SYN (AccECN setup, RFC 9768 §3.1.1)",
			in:   "00 01 00 02 00 00 00 01 00 00 00 00 51 c2 ff ff 00 00 00 00",
			want: header.Header{SrcPort: 1, DstPort: 2, Seq: 1, DataOffset: 5, Flags: header.AE | header.CWR | header.ECE | header.SYN, Window: 0xffff},
		},
		{
			name: "payload after the header",
			in:   "00 01 00 02 00 00 00 01 00 00 00 02 50 18 01 00 00 00 00 00 68 69",
			want: header.Header{SrcPort: 1, DstPort: 2, Seq: 1, Ack: 2, DataOffset: 5, Flags: header.PSH | header.ACK, Window: 256, Payload: []byte("hi")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got header.Header
			require.NoError(t, got.Decode(unhex(t, tt.in)))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Decode (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	const fixed = "00 01 00 02 00 00 00 01 00 00 00 00"
	tests := []struct {
		name   string
		in     string
		kind   error
		offset int
		option header.Kind
		value  int
	}{
		{"empty", "", header.ErrShort, 0, 0, 0},
		{"19 bytes", fixed + " 50 02 ff ff 00 00 00", header.ErrShort, 19, 0, 19},
		{"data offset 4", fixed + " 40 02 ff ff 00 00 00 00", header.ErrDataOffset, 12, 0, 4},
		{"data offset 0", fixed + " 00 02 ff ff 00 00 00 00", header.ErrDataOffset, 12, 0, 0},
		{"data offset past end", fixed + " 60 02 ff ff 00 00 00 00 02 04", header.ErrTruncated, 12, 0, 22},
		{"option length 0", fixed + " 60 02 ff ff 00 00 00 00 02 00 05 b4", header.ErrOptionLength, 20, header.KindMSS, 0},
		{"option length 1 after NOP", fixed + " 60 02 ff ff 00 00 00 00 01 fe 01 00", header.ErrOptionLength, 21, 254, 1},
		{"length byte missing", fixed + " 60 02 ff ff 00 00 00 00 01 01 01 02", header.ErrOptionLength, 23, header.KindMSS, 0},
		{"option past the area", fixed + " 60 02 ff ff 00 00 00 00 02 08 05 b4", header.ErrOptionOverflow, 20, header.KindMSS, 8},
		{"badopt: SYN option runs past header", fixed + " 70 02 ff ff 00 00 00 00 02 04 05 b4 08 0a 00 00", header.ErrOptionOverflow, 24, header.KindTimestamps, 10},
		{"MSS length 3", fixed + " 60 02 ff ff 00 00 00 00 02 03 05 00", header.ErrOptionSize, 20, header.KindMSS, 3},
		{"window scale length 4", fixed + " 60 02 ff ff 00 00 00 00 03 04 07 00", header.ErrOptionSize, 20, header.KindWindowScale, 4},
		{"SACK-permitted length 3", fixed + " 60 02 ff ff 00 00 00 00 04 03 00 00", header.ErrOptionSize, 20, header.KindSACKPermitted, 3},
		{"timestamps length 8", fixed + " 70 10 ff ff 00 00 00 00 08 08 00 00 00 00 00 00", header.ErrOptionSize, 20, header.KindTimestamps, 8},
		{"SACK length 11", fixed + " 80 10 ff ff 00 00 00 00 05 0b 00 00 00 01 00 00 00 02 00 00", header.ErrOptionSize, 20, header.KindSACK, 11},
		{"SACK with no block", fixed + " 60 10 ff ff 00 00 00 00 05 02 00 00", header.ErrSACKBlocks, 20, header.KindSACK, 0},
		{"fast open cookie of 3 bytes", fixed + " 70 02 ff ff 00 00 00 00 22 05 01 02 03 00 00 00", header.ErrOptionSize, 20, header.KindFastOpen, 5},
		{"AccECN of 4 bytes", fixed + " 60 10 ff ff 00 00 00 00 ac 04 00 00", header.ErrOptionSize, 20, header.KindAccECN0, 4},
		{"experimental without ExID", fixed + " 60 10 ff ff 00 00 00 00 fd 02 00 00", header.ErrOptionSize, 20, header.KindExperiment1, 2},
		{"window scale 15", fixed + " 60 02 ff ff 00 00 00 00 03 03 0f 00", header.ErrWindowScale, 20, header.KindWindowScale, 15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h header.Header
			err := h.Decode(unhex(t, tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			var e *header.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.offset, e.Offset, "offset")
			assert.Equal(t, tt.option, e.Option, "option")
			assert.Equal(t, tt.value, e.Value, "value")
			assert.Equal(t, tt.kind == header.ErrWindowScale, e.Warning())
			assert.Contains(t, err.Error(), "at byte ")
		})
	}
}

func TestWindowScaleWarningKeepsHeader(t *testing.T) {
	// A malformed option after a too-large shift is the error reported.
	const fixed = "00 01 00 02 00 00 00 01 00 00 00 00"
	var h header.Header
	err := h.Decode(unhex(t, fixed+" 70 02 ff ff 00 00 00 00 03 03 0f 02 03 05 00 00"))
	assert.ErrorIs(t, err, header.ErrOptionSize)

	err = h.Decode(unhex(t, fixed+" 70 02 ff ff 00 00 00 00 03 03 0f 02 04 05 b4 00"))
	require.ErrorIs(t, err, header.ErrWindowScale)
	mss, ok := h.Options.MSS()
	assert.True(t, ok)
	assert.Equal(t, uint16(1460), mss)
	ws, _ := h.Options.WindowScale()
	assert.Equal(t, uint8(15), ws)
}

func TestErrorMessage(t *testing.T) {
	var h header.Header
	err := h.Decode(unhex(t, "00 01 00 02 00 00 00 01 00 00 00 00 60 02 ff ff 00 00 00 00 02 08 05 b4"))
	assert.EqualError(t, err, "tcp header: option runs past the option area: option mss (kind 2) length 8 at byte 20")
	err = h.Decode([]byte{1, 2, 3})
	assert.EqualError(t, err, "tcp header: shorter than the 20-byte fixed header: have 3 bytes, need 20 at byte 3")
	assert.False(t, errors.Is(err, header.ErrTruncated))
}

func TestUnknownAndTypedOptions(t *testing.T) {
	var o header.Options
	require.NoError(t, o.Add(header.KindMD5, make([]byte, 16)))
	require.NoError(t, o.Add(header.Kind(99), []byte{0xab, 0xcd}))
	require.NoError(t, o.Add(header.KindUserTimeout, []byte{0x80, 0x05}))
	require.NoError(t, o.AddEnd())
	h := header.Header{SrcPort: 1, DstPort: 2, Flags: header.ACK, Options: o}
	b, err := h.AppendBinary(nil)
	require.NoError(t, err)
	var got header.Header
	require.NoError(t, got.Decode(b))
	var names []string
	for opt := range got.Options.All() {
		names = append(names, opt.String())
	}
	assert.Equal(t, []string{"md5 00000000000000000000000000000000", "kind-99 abcd", "uto 5 min", "eol"}, names)
	assert.Equal(t, []byte{0}, got.Options.Padding())

	opt, ok := got.Options.Find(header.KindUserTimeout)
	require.True(t, ok)
	ut, ok := opt.UserTimeout()
	require.True(t, ok)
	assert.Equal(t, header.UserTimeout{Minutes: true, Timeout: 5}, ut)
	_, ok = opt.MSS()
	assert.False(t, ok)
}

func TestOptionValues(t *testing.T) {
	tests := []struct {
		name string
		kind header.Kind
		data []byte
		get  func(header.Option) (any, bool)
		want any
	}{
		{"AO", header.KindAO, []byte{1, 2, 0xaa, 0xbb}, func(o header.Option) (any, bool) { return o.AO() },
			header.AO{KeyID: 1, RNextKeyID: 2, MAC: []byte{0xaa, 0xbb}}},
		{"MPTCP DSS", header.KindMPTCP, []byte{0x20, 0x01}, func(o header.Option) (any, bool) { return o.MPTCP() },
			header.MPTCP{Subtype: 2, Data: []byte{0x20, 0x01}}},
		{"fast open request", header.KindFastOpen, nil, func(o header.Option) (any, bool) { return o.FastOpenCookie() },
			[]byte{}},
		{"fast open cookie", header.KindFastOpen, []byte{1, 2, 3, 4, 5, 6, 7, 8}, func(o header.Option) (any, bool) { return o.FastOpenCookie() },
			[]byte{1, 2, 3, 4, 5, 6, 7, 8}},
		{"AccECN order 1, two counters", header.KindAccECN1, []byte{0, 0, 1, 0x01, 0x00, 0x00}, func(o header.Option) (any, bool) { return o.AccECN() },
			header.AccECN{Counters: [3]uint32{1, 0x10000, 0}, N: 2}},
		{"experimental", header.KindExperiment2, []byte{0xf9, 0x89, 7}, func(o header.Option) (any, bool) { return o.Experimental() },
			header.Experimental{ExID: 0xf989, Data: []byte{7}}},
		{"MD5", header.KindMD5, []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, func(o header.Option) (any, bool) { return o.MD5() },
			[16]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var o header.Options
			require.NoError(t, o.Add(tt.kind, tt.data))
			h := header.Header{Options: o}
			b, err := h.AppendBinary(nil)
			require.NoError(t, err)
			var got header.Header
			require.NoError(t, got.Decode(b))
			opt, ok := got.Options.Find(tt.kind)
			require.True(t, ok)
			v, ok := tt.get(opt)
			require.True(t, ok)
			if diff := cmp.Diff(tt.want, v); diff != "" {
				t.Errorf("value (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOptionsBuilderErrors(t *testing.T) {
	var o header.Options
	require.NoError(t, o.AddMSS(1460))
	require.NoError(t, o.AddTimestamps(header.Timestamps{Value: 1}))
	require.NoError(t, o.AddNOP())
	require.NoError(t, o.AddNOP())
	blocks := []header.SACKBlock{{1, 2}, {3, 4}, {5, 6}, {7, 8}}
	err := o.AddSACK(blocks...)
	assert.ErrorIs(t, err, header.ErrOptionSpace)
	var e *header.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 36, e.Offset)
	assert.Equal(t, 16, o.Len(), "a failed Add leaves the options as they were")
	require.NoError(t, o.AddSACK(blocks[:2]...))

	assert.ErrorIs(t, o.AddSACK(), header.ErrSACKBlocks)
	assert.ErrorIs(t, o.AddSACK(append(blocks, blocks[0])...), header.ErrSACKBlocks)
	assert.ErrorIs(t, o.AddWindowScale(15), header.ErrWindowScale)
	assert.ErrorIs(t, o.Add(header.KindMSS, []byte{1}), header.ErrOptionSize)
	assert.ErrorIs(t, o.Add(header.KindNOP, []byte{1}), header.ErrOptionSize)
	assert.ErrorIs(t, o.AddFastOpen([]byte{1, 2, 3}), header.ErrOptionSize)
	assert.ErrorIs(t, o.Add(header.Kind(200), make([]byte, 254)), header.ErrOptionSize)
}

func TestEncodeErrors(t *testing.T) {
	h := header.Header{Flags: 0x1000}
	_, err := h.Encode(make([]byte, 60))
	assert.ErrorIs(t, err, header.ErrFlags)

	h = header.Header{DataOffset: 6}
	_, err = h.AppendBinary(nil)
	assert.ErrorIs(t, err, header.ErrDataOffset)
	var e *header.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 12, e.Offset)
	assert.Equal(t, 5, e.Limit)

	h = header.Header{Payload: []byte("hello")}
	_, err = h.Encode(make([]byte, 24))
	assert.ErrorIs(t, err, header.ErrShortBuffer)
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 25, e.Limit)
	n, err := h.Encode(make([]byte, 25))
	require.NoError(t, err)
	assert.Equal(t, 25, n)
}

func TestEncodePadsOptions(t *testing.T) {
	h := header.Header{SrcPort: 1, DstPort: 2, Flags: header.SYN}
	require.NoError(t, h.Options.AddMSS(1460))
	require.NoError(t, h.Options.AddWindowScale(7))
	b, err := h.AppendBinary([]byte{0xee})
	require.NoError(t, err)
	assert.Equal(t, unhex(t, "ee 00 01 00 02 00 00 00 00 00 00 00 00 70 02 00 00 00 00 00 00 02 04 05 b4 03 03 07 00"), b)
}

// TestEncodeEveryOptionLength encodes option areas of every length from 0
// to 40 bytes (an unknown option of distinct bytes, then NOPs) into a
// buffer full of 0xee, with a payload behind: the options land byte for
// byte, padded with zeros to a multiple of 4, the payload follows, and
// nothing past the segment is written.
func TestEncodeEveryOptionLength(t *testing.T) {
	payload := []byte("data")
	for n := 0; n <= header.MaxOptionsLen; n++ {
		h := header.Header{SrcPort: 1, DstPort: 2, Flags: header.ACK, Payload: payload}
		want := []byte{}
		if n >= 2 {
			data := make([]byte, min(n, 38)-2)
			for i := range data {
				data[i] = byte(0x10 + i)
			}
			require.NoError(t, h.Options.Add(200, data))
			want = append([]byte{200, byte(len(data) + 2)}, data...)
		}
		for len(want) < n {
			require.NoError(t, h.Options.AddNOP())
			want = append(want, 1)
		}
		for len(want)%4 != 0 {
			want = append(want, 0)
		}
		buf := bytes.Repeat([]byte{0xee}, 128)
		got, err := h.Encode(buf)
		require.NoError(t, err, "%d bytes of options", n)
		require.Equal(t, 20+len(want)+len(payload), got, "%d bytes of options", n)
		assert.Equal(t, want, buf[20:20+len(want)], "%d bytes of options", n)
		assert.Equal(t, payload, buf[20+len(want):got], "%d bytes of options", n)
		assert.Equal(t, bytes.Repeat([]byte{0xee}, 128-got), buf[got:], "%d bytes of options: written past the segment", n)
	}
}

func TestRoundTrip(t *testing.T) {
	for _, in := range []string{
		linuxSYN, linuxSYNACK, linuxSACK, bareACK,
		// Reserved bits set, non-zero padding after EOL, payload.
		"00 01 00 02 00 00 00 01 00 00 00 02 6e 18 01 00 ab cd 00 00 01 00 ff 7f 68 69",
		// Unknown kinds and No-Operations in odd places.
		"00 01 00 02 00 00 00 01 00 00 00 02 80 10 01 00 00 00 00 00 01 63 03 aa 01 01 c8 02 1c 04 00 20 01 00 00 00",
	} {
		b := unhex(t, in)
		var h header.Header
		require.NoError(t, h.Decode(b), in)
		out := make([]byte, h.Len())
		n, err := h.Encode(out)
		require.NoError(t, err)
		assert.Equal(t, b, out[:n], "Encode")
		app, err := h.AppendBinary(nil)
		require.NoError(t, err)
		assert.Equal(t, b, app, "AppendBinary")
	}
}

func TestBuildDecodeEqual(t *testing.T) {
	want := header.Header{SrcPort: 8080, DstPort: 42094, Seq: 0x2b52e144, Ack: 0x6f3c5b0e, Flags: header.SYN | header.ACK | header.ECE, Window: 65483}
	require.NoError(t, want.Options.AddMSS(65495))
	require.NoError(t, want.Options.AddSACKPermitted())
	require.NoError(t, want.Options.AddTimestamps(header.Timestamps{Value: 10, Echo: 20}))
	require.NoError(t, want.Options.AddNOP())
	require.NoError(t, want.Options.AddWindowScale(7))
	b, err := want.AppendBinary(nil)
	require.NoError(t, err)
	var got header.Header
	require.NoError(t, got.Decode(b))
	want.DataOffset = 10
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b []byte) bool { return len(a) == 0 && len(b) == 0 || string(a) == string(b) })); diff != "" {
		t.Errorf("decode(encode(h)) (-want +got):\n%s", diff)
	}
}

func TestOptionsSetBytes(t *testing.T) {
	var o header.Options
	require.NoError(t, o.SetBytes(unhex(t, "02 04 05 b4 01 03 03 07")))
	mss, ok := o.MSS()
	assert.True(t, ok)
	assert.Equal(t, uint16(1460), mss)
	ws, ok := o.WindowScale()
	assert.True(t, ok)
	assert.Equal(t, uint8(7), ws)

	err := o.SetBytes(unhex(t, "01 02 03 b4"))
	assert.ErrorIs(t, err, header.ErrOptionSize)
	var e *header.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 21, e.Offset)
	assert.Zero(t, o.Len())

	assert.ErrorIs(t, o.SetBytes(make([]byte, 41)), header.ErrOptionSpace)
	assert.ErrorIs(t, o.SetBytes(unhex(t, "03 03 0f 00")), header.ErrWindowScale)
	assert.Equal(t, 4, o.Len(), "a warning keeps the options")
}

// A capture cut by its snap length keeps what it holds: the fixed fields
// and the options that end before the cut.
func TestDecodeTruncatedKeepsCapturedPart(t *testing.T) {
	b := unhex(t, linuxSYN)[:26]
	var h header.Header
	err := h.Decode(b)
	require.ErrorIs(t, err, header.ErrTruncated)
	assert.Equal(t, uint16(42094), h.SrcPort)
	assert.Equal(t, header.SYN, h.Flags)
	assert.Equal(t, uint8(10), h.DataOffset)
	mss, ok := h.Options.MSS()
	assert.True(t, ok)
	assert.Equal(t, uint16(65495), mss)
	assert.True(t, h.Options.SACKPermitted())
	_, ok = h.Options.Timestamps()
	assert.False(t, ok, "the Timestamps option was cut")
	assert.Nil(t, h.Payload)
}
