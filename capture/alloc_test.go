package capture

import (
	"bytes"
	"github.com/tcpwire/tcpwire/capture/frame"
	"io"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
	"github.com/stretchr/testify/require"
)

// repeated returns n frames cycling through the segments of a real capture
// (Ethernet framing kept).
func repeated(t testing.TB, name string, n int) []record {
	t.Helper()
	ps, _ := readAll(t, readCapture(t, name))
	var fs []record
	for i := 0; len(fs) < n; i++ {
		p := ps[i%len(ps)]
		var buf bytes.Buffer
		w, err := NewWriter(&buf, frame.LinkEthernet)
		require.NoError(t, err)
		require.NoError(t, w.WritePacket(p))
		fs = append(fs, record{data: buf.Bytes()[24+16:]})
	}
	return fs
}

// pcapngFile builds a pcapng file with one Ethernet interface.
func pcapngFile(t testing.TB, frames []record) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := pcapgo.NewNgWriter(&buf, layers.LinkTypeEthernet)
	require.NoError(t, err)
	for i, f := range frames {
		ci := gopacket.CaptureInfo{Timestamp: time.Unix(1700000000, int64(i)), CaptureLength: len(f.data), Length: len(f.data)}
		require.NoError(t, w.WritePacket(ci, f.data))
	}
	require.NoError(t, w.Flush())
	return buf.Bytes()
}

// allocsPerNext measures the allocations of one call to Next over file,
// after the Reader has been set up.
func allocsPerNext(t *testing.T, file []byte, wantErr bool) float64 {
	r, err := NewReader(bytes.NewReader(file))
	require.NoError(t, err)
	var bad bool
	a := testing.AllocsPerRun(200, func() {
		_, err := r.Next()
		if (err != nil) != wantErr || err == io.EOF {
			bad = true
		}
	})
	require.False(t, bad, "unexpected result from Next")
	return a
}

func TestNextAllocs(t *testing.T) {
	fs := repeated(t, "http-ipv6.pcap", 300)
	if n := allocsPerNext(t, pcapFile(t, frame.LinkEthernet, fs...), false); n != 0 {
		t.Errorf("pcap: %v allocations per Next, want 0", n)
	}
	if n := allocsPerNext(t, pcapngFile(t, fs), false); n != 0 {
		t.Errorf("pcapng: %v allocations per Next, want 0", n)
	}
	bad := make([]record, 300)
	for i := range bad {
		bad[i] = record{data: cat(ether(etherTypeIPv4), []byte{0x44}, make([]byte, 39))} // IHL 4
	}
	if n := allocsPerNext(t, pcapFile(t, frame.LinkEthernet, bad...), true); n != 0 {
		t.Errorf("malformed frames: %v allocations per Next, want 0", n)
	}
}

func TestWritePacketAllocs(t *testing.T) {
	for _, lt := range []frame.LinkType{frame.LinkRaw, frame.LinkEthernet} {
		w, err := NewWriter(io.Discard, lt)
		require.NoError(t, err)
		ps := []frame.Packet{
			{Time: time.Unix(1700000000, 0), Src: v4a, Dst: v4b, TCP: tcpData},
			{Time: time.Unix(1700000000, 0), Src: v6a, Dst: v6b, TCP: tcpData, Fragmented: true},
		}
		var werr error
		i := 0
		n := testing.AllocsPerRun(200, func() {
			if err := w.WritePacket(ps[i%2]); err != nil {
				werr = err
			}
			i++
		})
		require.NoError(t, werr)
		if n != 0 {
			t.Errorf("%v: %v allocations per WritePacket, want 0", lt, n)
		}
		n = testing.AllocsPerRun(200, func() {
			if w.WritePacket(frame.Packet{Src: v4a, Dst: v6a, TCP: tcpData}) == nil {
				werr = frame.ErrAddress
			}
		})
		require.NoError(t, werr)
		if n != 0 {
			t.Errorf("%v: %v allocations per failing WritePacket, want 0", lt, n)
		}
	}
}
