package frame_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/capture/frame"
)

func TestParseHex(t *testing.T) {
	want := []byte{0x45, 0x00, 0x00, 0x3c, 0x1c, 0x46, 0x40, 0x00}
	tests := []struct{ name, in string }{
		{"plain", "450000 3c1c464000"},
		{"spaced bytes", "45 00 00 3c 1c 46 40 00\n"},
		{"colons", "45:00:00:3c:1c:46:40:00"},
		{"dashes and commas", "45-00-00-3c, 1c-46-40-00"},
		{"0x prefixes", "0x45, 0x00, 0x00, 0x3c,\n0x1c, 0x46, 0x40, 0x00"},
		{"0x words", "0x4500 0x003c 0x1c46 0x4000"},
		{"tcpdump -xx", "\t0x0000:  4500 003c 1c46 4000"},
		{"tcpdump -X with printable column", "\t0x0000:  4500 003c 1c46 4000                      E..<.F@."},
		{"Wireshark hex dump", "0000   45 00 00 3c 1c 46 40 00   E..<.F@."},
		{"hexdump -C", "00000000  45 00 00 3c 1c 46 40 00                           |E..<.F@.|"},
		{"CRLF lines", "45 00 00 3c\r\n1c 46 40 00\r\n"},
		{"comments", "# an IPv4 header\n45 00 00 3c\n  # continued\n1c 46 40 00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := frame.ParseHex(nil, []byte(tt.in))
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

func TestParseHexSixteenPerDumpLine(t *testing.T) {
	// The printable column of a full tcpdump -X line is all hex digits
	// here; it is dropped because a dump line holds 16 bytes.
	in := "\t0x0000:  0001 0203 0405 0607 0809 0a0b 0c0d 0e0f  abcdefabcdefabcd\n" +
		"\t0x0010:  1011                                     ab"
	got, err := frame.ParseHex(nil, []byte(in))
	require.NoError(t, err)
	assert.Equal(t, []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0x10, 0x11}, got)
}

func TestParseHexDumpC(t *testing.T) {
	in := "00000000  45 00 00 3c 1c 46 40 00  40 06 b1 e6 ac 10 0a 63  |E..<.F@.@......c|\n" +
		"00000010  ac 10 0a 0c                                       |....|\n"
	got, err := frame.ParseHex(nil, []byte(in))
	require.NoError(t, err)
	assert.Equal(t, []byte{0x45, 0, 0, 0x3c, 0x1c, 0x46, 0x40, 0, 0x40, 6, 0xb1, 0xe6, 0xac, 0x10, 0x0a, 0x63, 0xac, 0x10, 0x0a, 0x0c}, got)
}

func TestParseHexErrors(t *testing.T) {
	tests := []struct {
		name, in     string
		line, column int
		token        string
	}{
		{"odd digits", "45 0 00", 1, 4, "0"},
		{"not hex", "45 00\n00 zz", 2, 4, "zz"},
		{"stray text", "hello", 1, 1, "hello"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := frame.ParseHex(nil, []byte(tt.in))
			require.ErrorIs(t, err, frame.ErrHex)
			var e *frame.HexError
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.line, e.Line)
			assert.Equal(t, tt.column, e.Column)
			assert.Equal(t, tt.token, e.Token)
		})
	}
}

func TestSplitHex(t *testing.T) {
	in := "\n# first\n45 00\n00 3c\n\n  \r\n\t0x0000:  4500 003c\n\t0x0004:  1c46\n\n\nc633"
	got := frame.SplitHex([]byte(in))
	want := []string{"# first\n45 00\n00 3c\n", "\t0x0000:  4500 003c\n\t0x0004:  1c46\n", "c633"}
	require.Len(t, got, len(want))
	for i := range want {
		assert.Equal(t, want[i], string(got[i]), "packet %d", i)
	}
	assert.Empty(t, frame.SplitHex([]byte(" \n\n\t\n")))
}
