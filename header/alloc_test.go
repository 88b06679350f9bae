package header_test

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tcpwire/tcpwire/header"
)

// TestZeroAllocs measures the allocations of every hot path, error paths
// included.
func TestZeroAllocs(t *testing.T) {
	syn := unhex(t, linuxSYN)
	sack := unhex(t, linuxSACK)
	badopt := unhex(t, "00 01 00 02 00 00 00 01 00 00 00 00 70 02 ff ff 00 00 00 00 02 04 05 b4 08 0a 00 00")
	short := syn[:10]
	src, dst := netip.MustParseAddr("2001:db8::1"), netip.MustParseAddr("2001:db8::2")
	var h header.Header
	out := make([]byte, 128)
	var blocks [4]header.SACKBlock
	var e *header.Error // outside the closures: errors.As makes its target escape
	cases := map[string]func(){
		"decode syn": func() { _ = h.Decode(syn) },
		"decode sack": func() {
			_ = h.Decode(sack)
			_, _ = h.Options.SACK(blocks[:0])
			_, _ = h.Options.Timestamps()
		},
		"decode badopt": func() {
			if err := h.Decode(badopt); err == nil {
				panic("no error")
			}
		},
		"decode short": func() {
			if !errors.As(h.Decode(short), &e) || e.Offset != 10 {
				panic("wrong error")
			}
		},
		"iterate options": func() {
			_ = h.Decode(syn)
			for o := range h.Options.All() {
				_ = o.Offset
			}
		},
		"encode": func() {
			_ = h.Decode(syn)
			if _, err := h.Encode(out); err != nil {
				panic(err)
			}
		},
		"append": func() {
			_ = h.Decode(sack)
			if _, err := h.AppendBinary(out[:0]); err != nil {
				panic(err)
			}
		},
		"encode short buffer": func() {
			_ = h.Decode(syn)
			if _, err := h.Encode(out[:3]); err == nil {
				panic("no error")
			}
		},
		"set checksum": func() {
			_ = h.Decode(sack)
			if err := h.SetChecksum(src, dst); err != nil {
				panic(err)
			}
		},
		"build options": func() {
			var o header.Options
			_ = o.AddMSS(1460)
			_ = o.AddSACKPermitted()
			_ = o.AddTimestamps(header.Timestamps{Value: 1})
			_ = o.AddNOP()
			_ = o.AddWindowScale(7)
			if o.AddSACK(blocks[:]...) == nil {
				panic("no error")
			}
		},
	}
	for name, f := range cases {
		assert.Zero(t, testing.AllocsPerRun(100, f), name)
	}
}
