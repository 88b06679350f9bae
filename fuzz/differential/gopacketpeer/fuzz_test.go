package gopacketpeer

import (
	"testing"

	"github.com/gopacket/gopacket/layers"

	"github.com/tcpwire/tcpwire/fuzz/differential"
	"github.com/tcpwire/tcpwire/header"
)

// FuzzGopacket compares tcpwire with gopacket's layers.TCP on the segment
// b; they may differ only as fuzz/DISAGREEMENTS.md lists. The seed corpus
// is written by fuzz/cmd/seeds from fuzz/samples.
func FuzzGopacket(f *testing.F) {
	// One layers.TCP for every input, as a decoding loop keeps one, so that
	// its option slice is allocated once rather than per execution.
	var peer layers.TCP
	f.Fuzz(func(t *testing.T, b []byte) {
		var h header.Header
		err := h.Decode(b)
		var w differential.Walk
		if differential.FixedLayout(b) == 0 {
			w.Reset(b[header.MinLen : int(b[12]>>4)*4])
		}
		if _, err := Gopacket(&peer, b, &w, &h, err); err != nil {
			t.Fatal(err)
		}
	})
}
