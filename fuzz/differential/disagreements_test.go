package differential_test

import (
	"os"
	"strings"
	"testing"

	"github.com/gopacket/gopacket/layers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/fuzz/differential"
	"github.com/tcpwire/tcpwire/fuzz/differential/gopacketpeer"
	"github.com/tcpwire/tcpwire/fuzz/differential/gvisorpeer"
	"github.com/tcpwire/tcpwire/fuzz/differential/xnetoracle"
	"github.com/tcpwire/tcpwire/fuzz/samples"
	"github.com/tcpwire/tcpwire/header"
)

// compare runs both peer comparisons on seg.
func compare(t *testing.T, seg []byte) (gp, gv differential.Class) {
	t.Helper()
	var h header.Header
	err := h.Decode(seg)
	var w differential.Walk
	if differential.FixedLayout(seg) == 0 {
		w.Reset(seg[header.MinLen : int(seg[12]>>4)*4])
	}
	var p layers.TCP
	gp, gerr := gopacketpeer.Gopacket(&p, seg, &w, &h, err)
	require.NoError(t, gerr, "gopacket")
	gv, verr := gvisorpeer.GVisor(seg, &w, &h, err)
	require.NoError(t, verr, "gVisor")
	return gp, gv
}

// Each row of fuzz/DISAGREEMENTS.md, shown by a sample: the classes the
// comparison with each peer finds.
func TestDisagreementClasses(t *testing.T) {
	want := map[string][2]differential.Class{
		"err-short":            {differential.ClassShort, differential.ClassShort},
		"err-empty":            {differential.ClassShort, differential.ClassShort},
		"err-dataoffset":       {differential.ClassDataOffset, differential.ClassDataOffset},
		"err-dataoffset-zero":  {differential.ClassDataOffset, differential.ClassDataOffset},
		"err-truncated":        {differential.ClassTruncated, differential.ClassTruncated},
		"err-optlen-zero":      {differential.ClassMalformed, differential.ClassMalformed},
		"err-optlen-one":       {differential.ClassMalformed, differential.ClassMalformed},
		"err-optlen-missing":   {differential.ClassMalformed, differential.ClassMalformed},
		"err-overflow":         {differential.ClassMalformed, differential.ClassMalformed},
		"err-overflow-unknown": {differential.ClassMalformed, differential.ClassMalformed},
		"err-optsize-mss":      {differential.ClassKindLength, differential.ClassKindLength},
		"err-optsize-ts":       {differential.ClassKindLength, differential.ClassKindLength},
		"err-optsize-sack":     {differential.ClassKindLength | differential.ClassPadding, differential.ClassKindLength | differential.ClassPadding},
		"err-optsize-tfo":      {differential.ClassKindLength, differential.ClassKindLength},
		"err-optsize-mptcp":    {differential.ClassKindLength, differential.ClassKindLength},
		"err-optsize-accecn":   {differential.ClassKindLength, differential.ClassKindLength},
		"err-sackblocks":       {differential.ClassSACKEmpty, differential.ClassSACKEmpty},
		"err-wscale":           {differential.ClassWindowScale, differential.ClassWindowScale},
		"dis-dup-ts":           {differential.ClassDuplicate, differential.ClassDuplicate},
		"dis-dup-mss":          {differential.ClassDuplicate, differential.ClassDuplicate},
		"dis-mss-zero":         {0, differential.ClassMSSZero},
		"dis-mss-small":        {0, differential.ClassMSSSmall},
		"dis-mptcp-len":        {differential.ClassMPTCPSubtype, 0},
		"dis-eol-nonzero":      {differential.ClassPadding, differential.ClassPadding},
		"dis-after-eol":        {differential.ClassPadding, differential.ClassPadding},
		"dis-sack4":            {0, 0},
		"dis-unknown-kind":     {0, 0},
		"dis-ws-on-ack":        {0, 0},
		"dis-ae-flag":          {differential.ClassFlags, differential.ClassFlags},
		"dis-ts-on-syn":        {0, differential.ClassTSEcrOnSYN},
		"reserved":             {differential.ClassFlags, differential.ClassFlags},
		"linux-accecn-syn":     {differential.ClassFlags, differential.ClassFlags},
	}
	seen := map[string]bool{}
	for _, s := range samples.All() {
		t.Run(s.Name, func(t *testing.T) {
			gp, gv := compare(t, s.Bytes)
			w, ok := want[s.Name]
			if !ok {
				// Real headers without a listed class: zero padding after
				// End of Option List is the only class they may show.
				assert.Zero(t, gp&^differential.ClassPadding, "gopacket classes %v", gp)
				assert.Zero(t, gv&^differential.ClassPadding, "gVisor classes %v", gv)
				return
			}
			seen[s.Name] = true
			assert.Equal(t, w[0].String(), gp.String(), "gopacket")
			assert.Equal(t, w[1].String(), gv.String(), "gVisor")
		})
	}
	assert.Len(t, seen, len(want), "every listed sample exists")
}

// fuzz/DISAGREEMENTS.md names every class and every disagreement sample.
func TestDisagreementsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../DISAGREEMENTS.md")
	require.NoError(t, err)
	for c := differential.ClassShort; c <= differential.ClassFlags; c <<= 1 {
		require.NotEmpty(t, c.String())
		assert.Contains(t, string(doc), "`"+c.String()+"`")
	}
	for _, s := range append(samples.Disagreements, samples.Errors...) {
		assert.True(t, strings.Contains(string(doc), "`"+s.Name+"`"), "sample %s", s.Name)
	}
}

// The BPF programs mark a field missing exactly when the packet ends
// before it.
func TestBPFPresence(t *testing.T) {
	bpf, err := xnetoracle.NewBPF()
	require.NoError(t, err)
	syn := samples.Real[0].Bytes
	for n := 0; n <= len(syn); n++ {
		f, err := bpf.Run(xnetoracle.IPv4(2, syn[:n]), false)
		require.NoError(t, err)
		for i := xnetoracle.FieldSrcPort; i <= xnetoracle.FieldUrgent; i++ {
			assert.Equal(t, xnetoracle.End(i) <= n, f.Present(i), "field %d with %d bytes", i, n)
		}
		var h header.Header
		require.NoError(t, xnetoracle.CompareBPF(f, syn[:n], &h, h.Decode(syn[:n])))
	}
	f, err := bpf.Run(xnetoracle.IPv6(syn), true)
	require.NoError(t, err)
	assert.Equal(t, uint32(0xa46e), f.Value(xnetoracle.FieldSrcPort))
	assert.Equal(t, uint32(0x0002), f.Value(xnetoracle.FieldFlags))
	assert.Equal(t, uint32(10), f.Value(xnetoracle.FieldDataOffset))
	assert.Equal(t, uint32(0x6f3c), f.Value(xnetoracle.FieldSeqHi))
	assert.Equal(t, uint32(0x5b0d), f.Value(xnetoracle.FieldSeqLo))
}

// An ICMP error quoting 8 bytes of a SYN gives back those bytes, and
// tcpwire reports the short quote as ErrShort.
func TestICMPQuote(t *testing.T) {
	bpf, err := xnetoracle.NewBPF()
	require.NoError(t, err)
	syn := samples.Real[0].Bytes
	for _, v6 := range []bool{false, true} {
		pkt := xnetoracle.IPv4(0, syn)[:28]
		if v6 {
			pkt = xnetoracle.IPv6(syn)[:48]
		}
		for kind := range 3 {
			msg, err := xnetoracle.ICMPError(v6, kind, pkt)
			require.NoError(t, err)
			ip, seg, gotV6, ok := xnetoracle.TCPIn(xnetoracle.Quoted(v6, msg), true)
			require.True(t, ok)
			assert.Equal(t, v6, gotV6)
			assert.Equal(t, syn[:8], seg)
			f, err := bpf.Run(ip, v6)
			require.NoError(t, err)
			require.NoError(t, xnetoracle.Quote8(f, seg))
			var h header.Header
			err = h.Decode(seg)
			require.ErrorIs(t, err, header.ErrShort)
			require.NoError(t, xnetoracle.CompareBPF(f, seg, &h, err))
		}
	}
}

// gVisor agrees with tcpwire's checksum on every sample, over IPv4 and
// IPv6.
func TestGVisorChecksum(t *testing.T) {
	for _, s := range samples.All() {
		v4 := append([]byte{0, 192, 0, 2, 1, 198, 51, 100, 2}, s.Bytes...)
		require.NoError(t, gvisorpeer.Checksum(v4), s.Name)
		v6 := append(append([]byte{1}, xnetoracle.IPv6(nil)[8:40]...), s.Bytes...)
		require.NoError(t, gvisorpeer.Checksum(v6), s.Name)
	}
}
