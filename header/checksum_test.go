package header_test

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/checksum"
	"github.com/tcpwire/tcpwire/header"
)

func TestSetChecksum(t *testing.T) {
	tests := []struct {
		name     string
		src, dst netip.Addr
		payload  string
	}{
		{"IPv4, even payload", netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("198.51.100.7"), "GET / HTTP/1.1\r\n"},
		{"IPv4, odd payload", netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("127.0.0.1"), "abc"},
		{"IPv6", netip.MustParseAddr("2001:db8::1"), netip.MustParseAddr("2001:db8::2"), "hello"},
		{"no payload", netip.MustParseAddr("::1"), netip.MustParseAddr("::1"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := header.Header{SrcPort: 40000, DstPort: 80, Seq: 1, Ack: 2, Flags: header.PSH | header.ACK, Window: 512, Payload: []byte(tt.payload)}
			require.NoError(t, h.Options.AddTimestamps(header.Timestamps{Value: 7, Echo: 9}))
			require.NoError(t, h.Options.AddNOP())
			require.NoError(t, h.SetChecksum(tt.src, tt.dst))
			seg, err := h.AppendBinary(nil)
			require.NoError(t, err)
			ok, err := checksum.VerifyTCP(tt.src, tt.dst, seg)
			require.NoError(t, err)
			assert.True(t, ok, "checksum 0x%04x does not verify", h.Checksum)
			want, err := checksum.TCP(tt.src, tt.dst, seg)
			require.NoError(t, err)
			assert.Equal(t, want, h.Checksum)
		})
	}
}

func TestSetChecksumErrors(t *testing.T) {
	h := header.Header{}
	err := h.SetChecksum(netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("2001:db8::1"))
	assert.ErrorIs(t, err, checksum.ErrAddress)
	h.Flags = 0x1000
	assert.ErrorIs(t, h.SetChecksum(netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("192.0.2.2")), header.ErrFlags)
}
