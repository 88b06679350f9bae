package frame_test

import (
	"net/netip"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/capture"
	"github.com/tcpwire/tcpwire/capture/frame"
)

// firstFrame returns the first TCP packet of a committed capture and the
// frame's bytes as the file holds them.
func firstPacket(t *testing.T, name string) frame.Packet {
	t.Helper()
	f, err := os.Open("../../testdata/captures/" + name)
	require.NoError(t, err)
	defer f.Close()
	r, err := capture.NewReader(f)
	require.NoError(t, err)
	p, err := r.Next()
	require.NoError(t, err)
	p.TCP = append([]byte(nil), p.TCP...)
	return p
}

func TestParsePacket(t *testing.T) {
	v4 := firstPacket(t, "http-ipv4.pcap")
	v6 := firstPacket(t, "http-ipv6.pcap")
	w, err := os.CreateTemp(t.TempDir(), "*.pcap")
	require.NoError(t, err)
	pw, err := capture.NewWriter(w, frame.LinkRaw)
	require.NoError(t, err)
	require.NoError(t, pw.WritePacket(v4))
	require.NoError(t, w.Close())
	raw, err := os.ReadFile(w.Name())
	require.NoError(t, err)
	ipv4 := raw[24+16:] // pcap file header, record header

	tests := []struct {
		name     string
		in       []byte
		src      netip.Addr
		tcp      []byte
		tcpBytes int
	}{
		{"IPv4 packet", ipv4, v4.Src, v4.TCP, v4.Length},
		{"Ethernet frame", append(make([]byte, 12), append([]byte{0x08, 0x00}, ipv4...)...), v4.Src, v4.TCP, v4.Length},
		{"bare TCP", v6.TCP, netip.Addr{}, v6.TCP, len(v6.TCP)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := frame.ParsePacket(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.src, p.Src)
			assert.Equal(t, tt.tcp, p.TCP)
			assert.Equal(t, tt.tcpBytes, p.Length)
		})
	}

	udp := append([]byte(nil), ipv4...)
	udp[9] = 17 // protocol UDP; the header checksum is not checked
	_, err = frame.ParsePacket(udp)
	assert.ErrorIs(t, err, frame.ErrNotTCP)
}
