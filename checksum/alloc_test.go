package checksum

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAllocs(t *testing.T) {
	v4, v6 := netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("2001:db8::1")
	seg := make([]byte, 1500)
	big := make([]byte, 0x10000) // too long for IPv4
	out := make([]byte, 0, 8)
	var d Digest
	var st Status
	text := []byte("partial")
	var sink uint16
	for name, f := range map[string]func(){
		"Sum": func() { sink += Sum(seg, 7) },
		"Sum of a stack buffer": func() {
			// A buffer that does not escape stays on the stack: the
			// kernels must not make it escape.
			var buf [1500]byte
			buf[9] = byte(sink)
			sink += Sum(buf[:], 0)
		},
		"Checksum":         func() { sink += Checksum(seg[:41]) },
		"Combine":          func() { sink += Combine(1, 2, 3) },
		"Update":           func() { sink += Update(1, 2, 3) },
		"Update32":         func() { sink += Update32(1, 2, 3) },
		"PseudoHeader v4":  func() { _, _ = PseudoHeader(v4, v4, ProtocolTCP, 20) },
		"PseudoHeader v6":  func() { _, _ = PseudoHeader(v6, v6, ProtocolTCP, 20) },
		"PseudoHeader err": func() { _, _ = PseudoHeader(v4, v6, ProtocolTCP, 20) },
		"TCP":              func() { _, _ = TCP(v6, v6, seg) },
		"TCP short":        func() { _, _ = TCP(v6, v6, seg[:7]) },
		"TCP length":       func() { _, _ = TCP(v4, v4, big) },
		"VerifyTCP":        func() { _, _ = VerifyTCP(v4, v4, seg) },
		"VerifyTCP err":    func() { _, _ = VerifyTCP(v4, netip.Addr{}, seg) },
		"Classify":         func() { Classify(v4, v4, seg[:100], 1500) },
		"Digest":           func() { d.Write(seg[:33]); d.Write(seg[:40]); out = d.Sum(out[:0]) },
		"Status":           func() { _ = Partial.String(); out, _ = Bad.AppendText(out[:0]) },
		"UnmarshalText":    func() { _ = st.UnmarshalText(text) },
	} {
		require.Zero(t, testing.AllocsPerRun(100, f), name)
	}
	_ = sink
}
