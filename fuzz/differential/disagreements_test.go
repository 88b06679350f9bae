package differential

import (
	"os"
	"strings"
	"testing"

	"github.com/gopacket/gopacket/layers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/fuzz/samples"
	"github.com/tcpwire/tcpwire/header"
)

// compare runs both peer comparisons on seg.
func compare(t *testing.T, seg []byte) (gp, gv Class) {
	t.Helper()
	var h header.Header
	err := h.Decode(seg)
	var w Walk
	if fixedLayout(seg) == 0 {
		w.Reset(seg[header.MinLen : int(seg[12]>>4)*4])
	}
	var p layers.TCP
	gp, gerr := Gopacket(&p, seg, &w, &h, err)
	require.NoError(t, gerr, "gopacket")
	gv, verr := GVisor(seg, &w, &h, err)
	require.NoError(t, verr, "gVisor")
	return gp, gv
}

// Each row of fuzz/DISAGREEMENTS.md, shown by a sample: the classes the
// comparison with each peer finds.
func TestDisagreementClasses(t *testing.T) {
	want := map[string][2]Class{
		"err-short":            {ClassShort, ClassShort},
		"err-empty":            {ClassShort, ClassShort},
		"err-dataoffset":       {ClassDataOffset, ClassDataOffset},
		"err-dataoffset-zero":  {ClassDataOffset, ClassDataOffset},
		"err-truncated":        {ClassTruncated, ClassTruncated},
		"err-optlen-zero":      {ClassMalformed, ClassMalformed},
		"err-optlen-one":       {ClassMalformed, ClassMalformed},
		"err-optlen-missing":   {ClassMalformed, ClassMalformed},
		"err-overflow":         {ClassMalformed, ClassMalformed},
		"err-overflow-unknown": {ClassMalformed, ClassMalformed},
		"err-optsize-mss":      {ClassKindLength, ClassKindLength},
		"err-optsize-ts":       {ClassKindLength, ClassKindLength},
		"err-optsize-sack":     {ClassKindLength | ClassPadding, ClassKindLength | ClassPadding},
		"err-optsize-tfo":      {ClassKindLength, ClassKindLength},
		"err-optsize-mptcp":    {ClassKindLength, ClassKindLength},
		"err-optsize-accecn":   {ClassKindLength, ClassKindLength},
		"err-sackblocks":       {ClassSACKEmpty, ClassSACKEmpty},
		"err-wscale":           {ClassWindowScale, ClassWindowScale},
		"dis-dup-ts":           {ClassDuplicate, ClassDuplicate},
		"dis-dup-mss":          {ClassDuplicate, ClassDuplicate},
		"dis-mss-zero":         {0, ClassMSSZero},
		"dis-mss-small":        {0, ClassMSSSmall},
		"dis-mptcp-len":        {ClassMPTCPSubtype, 0},
		"dis-eol-nonzero":      {ClassPadding, ClassPadding},
		"dis-after-eol":        {ClassPadding, ClassPadding},
		"dis-sack4":            {0, 0},
		"dis-unknown-kind":     {0, 0},
		"dis-ws-on-ack":        {0, 0},
		"dis-ae-flag":          {ClassFlags, ClassFlags},
		"dis-ts-on-syn":        {0, ClassTSEcrOnSYN},
		"reserved":             {ClassFlags, ClassFlags},
		"linux-accecn-syn":     {ClassFlags, ClassFlags},
	}
	seen := map[string]bool{}
	for _, s := range samples.All() {
		t.Run(s.Name, func(t *testing.T) {
			gp, gv := compare(t, s.Bytes)
			w, ok := want[s.Name]
			if !ok {
				// Real headers without a listed class: zero padding after
				// End of Option List is the only class they may show.
				assert.Zero(t, gp&^ClassPadding, "gopacket classes %v", gp)
				assert.Zero(t, gv&^ClassPadding, "gVisor classes %v", gv)
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
	for i := range classNames {
		assert.Contains(t, string(doc), "`"+Class(1<<i).String()+"`")
	}
	for _, s := range append(samples.Disagreements, samples.Errors...) {
		assert.True(t, strings.Contains(string(doc), "`"+s.Name+"`"), "sample %s", s.Name)
	}
}

// The BPF programs mark a field missing exactly when the packet ends
// before it.
func TestBPFPresence(t *testing.T) {
	syn := samples.Real[0].Bytes
	for n := 0; n <= len(syn); n++ {
		f, err := programs.Run(IPv4(2, syn[:n]), false)
		require.NoError(t, err)
		for i, l := range fieldLoad {
			assert.Equal(t, l.off+l.size <= n, f[i]&present != 0, "field %d with %d bytes", i, n)
		}
		var h header.Header
		require.NoError(t, CompareBPF(f, syn[:n], &h, h.Decode(syn[:n])))
	}
	f, err := programs.Run(IPv6(syn), true)
	require.NoError(t, err)
	assert.Equal(t, uint32(0xa46e)|present, f[fieldSrcPort])
	assert.Equal(t, uint32(0x0002)|present, f[fieldFlags])
	assert.Equal(t, uint32(10)|present, f[fieldDataOffset])
}

// An ICMP error quoting 8 bytes of a SYN gives back those bytes, and
// tcpwire reports the short quote as ErrShort.
func TestICMPQuote(t *testing.T) {
	syn := samples.Real[0].Bytes
	for _, v6 := range []bool{false, true} {
		pkt := IPv4(0, syn)[:28]
		if v6 {
			pkt = IPv6(syn)[:48]
		}
		for kind := range 3 {
			msg, err := ICMPError(v6, kind, pkt)
			require.NoError(t, err)
			ip, seg, gotV6, ok := TCPIn(Quoted(v6, msg), true)
			require.True(t, ok)
			assert.Equal(t, v6, gotV6)
			assert.Equal(t, syn[:8], seg)
			f, err := programs.Run(ip, v6)
			require.NoError(t, err)
			require.NoError(t, Quote8(f, seg))
			var h header.Header
			err = h.Decode(seg)
			require.ErrorIs(t, err, header.ErrShort)
			require.NoError(t, CompareBPF(f, seg, &h, err))
		}
	}
}
