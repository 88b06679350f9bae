package checksum

import (
	"encoding/binary"
	"net/netip"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// segment is one TCP segment read from a capture, with what its IP header
// says about it.
type segment struct {
	src, dst netip.Addr
	tcp      []byte // TCP header and payload
}

// readLoopback reads testdata/loopback.pcap: Linux loopback traffic (link
// type Ethernet) captured with tcpdump while a client connected to a closed
// port and then exchanged 17 and 1001 bytes with a server, over 127.0.0.1
// and then ::1.
func readLoopback(t testing.TB) []segment {
	t.Helper()
	b, err := os.ReadFile("testdata/loopback.pcap")
	require.NoError(t, err)
	require.Equal(t, uint32(0xa1b2c3d4), binary.LittleEndian.Uint32(b), "pcap magic")
	require.Equal(t, uint32(1), binary.LittleEndian.Uint32(b[20:]), "link type Ethernet")
	var segs []segment
	for b = b[24:]; len(b) > 0; {
		require.GreaterOrEqual(t, len(b), 16)
		n := int(binary.LittleEndian.Uint32(b[8:]))
		frame := b[16 : 16+n]
		b = b[16+n:]
		var s segment
		switch binary.BigEndian.Uint16(frame[12:]) {
		case 0x0800:
			ip := frame[14:]
			require.Equal(t, byte(6), ip[9], "protocol")
			ihl := int(ip[0]&0xf) * 4
			total := int(binary.BigEndian.Uint16(ip[2:]))
			s.src = netip.AddrFrom4([4]byte(ip[12:16]))
			s.dst = netip.AddrFrom4([4]byte(ip[16:20]))
			s.tcp = ip[ihl:total]
		case 0x86dd:
			ip := frame[14:]
			require.Equal(t, byte(6), ip[6], "next header")
			payload := int(binary.BigEndian.Uint16(ip[4:]))
			s.src = netip.AddrFrom16([16]byte(ip[8:24]))
			s.dst = netip.AddrFrom16([16]byte(ip[24:40]))
			s.tcp = ip[40 : 40+payload]
		default:
			t.Fatalf("unexpected ethertype in frame %d", len(segs))
		}
		segs = append(segs, s)
	}
	return segs
}

// loopbackChecksums are, per segment of the capture, the checksum field as
// captured and the correct value, both as tcpdump 4.99 -vv prints them
// ("cksum 0xfe30 (incorrect -> 0xd632)"): an independent computation.
// Segment 1, the RST the kernel sent for the closed IPv4 port, carries a
// full checksum computed in software; every other one holds the partial
// sum that loopback offload leaves.
var loopbackChecksums = [...]struct{ field, correct uint16 }{
	{0xfe30, 0xd632}, {0x9918, 0x9918}, {0xfe30, 0x9f5d}, {0xfe30, 0x15c6},
	{0xfe28, 0x3e45}, {0xfe39, 0x0c63}, {0xfe28, 0x3e34}, {0x0212, 0x76f7},
	{0xfe28, 0x3a46}, {0xfe28, 0x3a45}, {0xfe28, 0x3a49}, {0xfe28, 0x3a44},
	{0x0030, 0x7e6b}, {0x001c, 0x547a}, {0x0030, 0x5a40}, {0x0030, 0xdf2a},
	{0x0028, 0x0784}, {0x0039, 0xd5a1}, {0x0028, 0x0772}, {0x0411, 0x4035},
	{0x0028, 0x0383}, {0x0028, 0x0382}, {0x0028, 0x0386}, {0x0028, 0x0381},
}

func TestLoopbackCapture(t *testing.T) {
	segs := readLoopback(t)
	require.Len(t, segs, len(loopbackChecksums))
	for i, s := range segs {
		want := loopbackChecksums[i]
		field := binary.BigEndian.Uint16(s.tcp[16:])
		require.Equal(t, want.field, field, "segment %d field", i)

		got, err := TCP(s.src, s.dst, s.tcp)
		require.NoError(t, err)
		require.Equal(t, want.correct, got, "segment %d TCP", i)

		ok, err := VerifyTCP(s.src, s.dst, s.tcp)
		require.NoError(t, err)
		require.Equal(t, field == want.correct, ok, "segment %d VerifyTCP", i)

		p, err := PseudoHeader(s.src, s.dst, ProtocolTCP, uint32(len(s.tcp)))
		require.NoError(t, err)
		wantStatus := Good
		if field != want.correct {
			// The offloaded field is exactly the folded pseudo-header sum.
			require.Equal(t, field, p, "segment %d pseudo-header", i)
			wantStatus = Partial
		}
		require.Equal(t, wantStatus, Classify(s.src, s.dst, s.tcp, len(s.tcp)), "segment %d", i)

		// Cut by a 20-byte snap length: partial is still recognised, a
		// full checksum can no longer be checked.
		if len(s.tcp) > 20 {
			cut := Classify(s.src, s.dst, s.tcp[:20], len(s.tcp))
			if wantStatus == Partial {
				require.Equal(t, Partial, cut, "segment %d truncated", i)
			} else {
				require.Equal(t, Unverified, cut, "segment %d truncated", i)
			}
		}

		// With the field filled in as offload would, the segment is good.
		fixed := append([]byte(nil), s.tcp...)
		binary.BigEndian.PutUint16(fixed[16:], want.correct)
		require.Equal(t, Good, Classify(s.src, s.dst, fixed, len(fixed)), "segment %d fixed", i)
		// One flipped bit anywhere makes it bad.
		fixed[len(fixed)-1] ^= 0x10
		require.Equal(t, Bad, Classify(s.src, s.dst, fixed, len(fixed)), "segment %d corrupted", i)
		// Without addresses nothing can be said.
		require.Equal(t, Unverified, Classify(netip.Addr{}, netip.Addr{}, s.tcp, len(s.tcp)), "segment %d bare", i)
	}
}
