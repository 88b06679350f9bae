package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"github.com/tcpwire/tcpwire/capture/frame"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roundTrip writes ps with a Writer of link type lt and reads them back.
func roundTrip(t *testing.T, lt frame.LinkType, ps []frame.Packet) []frame.Packet {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, lt)
	require.NoError(t, err)
	for _, p := range ps {
		require.NoError(t, w.WritePacket(p))
	}
	got, st := readAll(t, buf.Bytes())
	assert.Equal(t, Stats{Frames: len(ps), Segments: len(ps)}, st)
	return got
}

// Every real capture, written by the Writer and read again, gives the same
// segments: addresses, TOS, timestamps (nanoseconds), TCP bytes, lengths
// and truncation.
func TestWriterRoundTripCaptures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(capturesDir, "*.pcap*"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		for _, lt := range []frame.LinkType{frame.LinkRaw, frame.LinkEthernet} {
			t.Run(filepath.Base(f)+"/"+lt.String(), func(t *testing.T) {
				b, err := os.ReadFile(f)
				require.NoError(t, err)
				want, _ := readAll(t, b)
				assert.Empty(t, cmp.Diff(want, roundTrip(t, lt, want), cmpOpts))
			})
		}
	}
}

func TestWriterRoundTripFragments(t *testing.T) {
	ps := []frame.Packet{
		{Frame: 1, Time: time.Unix(1, 2).UTC(), Src: v4a, Dst: v4b, TOS: 0x03, TCP: tcpData[:8], Length: 8, Fragmented: true},
		{Frame: 2, Time: time.Unix(3, 4).UTC(), Src: v6a, Dst: v6b, TOS: 0xfe, TCP: tcpData[:16], Length: 16, Fragmented: true},
		{Frame: 3, Time: time.Unix(5, 6).UTC(), Src: v6a, Dst: v6b, TCP: tcpData[:10], Length: 100},
	}
	assert.Empty(t, cmp.Diff(ps, roundTrip(t, frame.LinkRaw, ps), cmpOpts))
}

// The bytes of one IPv4 and one IPv6 record, field by field.
func TestWriterBytes(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf, frame.LinkRaw)
	require.NoError(t, err)
	ts := time.Unix(1700000000, 123456789)
	require.NoError(t, w.WritePacket(frame.Packet{Time: ts, Src: v4a, Dst: v4b, TOS: 0x02, TCP: tcpSYN}))
	require.NoError(t, w.WritePacket(frame.Packet{Time: ts, Src: v6a, Dst: v6b, TOS: 0xb9, TCP: tcpSYN[:12], Length: 20}))
	b := buf.Bytes()

	// File header: nanosecond magic, version 2.4, snap length, LINKTYPE_RAW.
	assert.Equal(t, uint32(0xa1b23c4d), binary.LittleEndian.Uint32(b[0:]))
	assert.Equal(t, []byte{2, 0, 4, 0}, b[4:8])
	assert.Equal(t, uint32(262144), binary.LittleEndian.Uint32(b[16:]))
	assert.Equal(t, uint32(101), binary.LittleEndian.Uint32(b[20:]))

	rec := b[24:]
	assert.Equal(t, uint32(1700000000), binary.LittleEndian.Uint32(rec[0:]))
	assert.Equal(t, uint32(123456789), binary.LittleEndian.Uint32(rec[4:]))
	assert.Equal(t, uint32(40), binary.LittleEndian.Uint32(rec[8:]))
	assert.Equal(t, uint32(40), binary.LittleEndian.Uint32(rec[12:]))
	ip := rec[16:56]
	assert.Equal(t, []byte{0x45, 0x02, 0, 40, 0, 0, 0x40, 0, 64, 6}, ip[:10])
	assert.Equal(t, []byte{192, 0, 2, 1, 198, 51, 100, 2}, ip[12:20])
	assert.Equal(t, uint16(0xffff), onesSum(ip[:20]), "IPv4 header checksum verifies (RFC 1071)")
	assert.Equal(t, tcpSYN, ip[20:])

	rec = b[24+16+40:]
	assert.Equal(t, uint32(40+12), binary.LittleEndian.Uint32(rec[8:]), "captured")
	assert.Equal(t, uint32(40+20), binary.LittleEndian.Uint32(rec[12:]), "on the wire")
	ip = rec[16:]
	assert.Equal(t, []byte{0x6b, 0x90, 0, 0, 0, 20, 6, 64}, ip[:8])
	assert.Equal(t, v6a.AsSlice(), ip[8:24])
	assert.Equal(t, v6b.AsSlice(), ip[24:40])
	assert.Equal(t, tcpSYN[:12], ip[40:])
}

// onesSum is the RFC 1071 ones'-complement sum of b (even length).
func onesSum(b []byte) uint16 {
	var s uint32
	for i := 0; i+1 < len(b); i += 2 {
		s += uint32(binary.BigEndian.Uint16(b[i:]))
	}
	for s > 0xffff {
		s = s&0xffff + s>>16
	}
	return uint16(s)
}

func TestWriterEthernet(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf, frame.LinkEthernet)
	require.NoError(t, err)
	require.NoError(t, w.WritePacket(frame.Packet{Src: v4a, Dst: v4b, TCP: tcpSYN}))
	require.NoError(t, w.WritePacket(frame.Packet{Src: v6a, Dst: v6b, TCP: tcpSYN}))
	b := buf.Bytes()
	assert.Equal(t, uint32(1), binary.LittleEndian.Uint32(b[20:]))
	assert.Equal(t, append(make([]byte, 12), 0x08, 0x00), b[24+16:24+16+14])
	second := 24 + 16 + 14 + 40 + 16
	assert.Equal(t, append(make([]byte, 12), 0x86, 0xdd), b[second:second+14])
	// A zero Time is written as the Unix epoch.
	assert.Equal(t, make([]byte, 8), b[24:32])
}

func TestWriterErrors(t *testing.T) {
	_, err := NewWriter(io.Discard, frame.LinkLinuxSLL)
	var le *LinkTypeError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, frame.LinkLinuxSLL, le.LinkType)

	w, err := NewWriter(io.Discard, frame.LinkRaw)
	require.NoError(t, err)
	tests := []struct {
		name string
		p    frame.Packet
		err  error
	}{
		{"no addresses", frame.Packet{TCP: tcpSYN}, frame.ErrAddress},
		{"mixed families", frame.Packet{Src: v4a, Dst: v6b, TCP: tcpSYN}, frame.ErrAddress},
		{"IPv4-mapped and IPv4", frame.Packet{Src: netip.MustParseAddr("::ffff:192.0.2.1"), Dst: v4b, TCP: tcpSYN}, frame.ErrAddress},
		{"Length below the bytes", frame.Packet{Src: v4a, Dst: v4b, TCP: tcpData, Length: 20}, frame.ErrLength},
		{"IPv4 total length above 65535", frame.Packet{Src: v4a, Dst: v4b, TCP: tcpSYN, Length: 65516}, frame.ErrLength},
		{"IPv6 payload above 65535", frame.Packet{Src: v6a, Dst: v6b, TCP: tcpSYN, Length: 65536}, frame.ErrLength},
		{"IPv6 fragment payload above 65535", frame.Packet{Src: v6a, Dst: v6b, TCP: tcpSYN, Length: 65535 - 7, Fragmented: true}, frame.ErrLength},
		{"before 1970", frame.Packet{Src: v4a, Dst: v4b, TCP: tcpSYN, Time: time.Unix(-1, 0)}, ErrTime},
		{"after 2106", frame.Packet{Src: v4a, Dst: v4b, TCP: tcpSYN, Time: time.Unix(1<<32, 0)}, ErrTime},
	}
	for _, tt := range tests {
		assert.ErrorIs(t, w.WritePacket(tt.p), tt.err, tt.name)
	}
	// The largest lengths that fit.
	assert.NoError(t, w.WritePacket(frame.Packet{Src: v4a, Dst: v4b, TCP: tcpSYN, Length: 65515}))
	assert.NoError(t, w.WritePacket(frame.Packet{Src: v6a, Dst: v6b, TCP: tcpSYN, Length: 65535}))
}

// A write error of the underlying writer is returned.
func TestWriterIOError(t *testing.T) {
	_, err := NewWriter(failWriter{}, frame.LinkRaw)
	assert.ErrorIs(t, err, errDiskFull)
}

var errDiskFull = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }
