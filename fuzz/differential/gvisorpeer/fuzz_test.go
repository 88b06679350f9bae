package gvisorpeer

import (
	"testing"

	"github.com/tcpwire/tcpwire/fuzz/differential"
	"github.com/tcpwire/tcpwire/header"
)

// FuzzGVisor compares tcpwire with gVisor's header.TCP, ParseSynOptions and
// ParseTCPOptions on the segment b; they may differ only as
// fuzz/DISAGREEMENTS.md lists. The seed corpus is written by fuzz/cmd/seeds
// from fuzz/samples.
func FuzzGVisor(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		var h header.Header
		err := h.Decode(b)
		var w differential.Walk
		if differential.FixedLayout(b) == 0 {
			w.Reset(b[header.MinLen : int(b[12]>>4)*4])
		}
		if _, err := GVisor(b, &w, &h, err); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzChecksum takes b[0]&1 to choose IPv4 or IPv6, then the source and
// destination addresses and the segment: tcpwire's checksum.TCP equals
// gVisor's PseudoHeaderChecksum and checksum.Checksum over the same bytes,
// and gVisor's IsChecksumValid accepts the segment carrying it.
func FuzzChecksum(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := Checksum(b); err != nil {
			t.Fatal(err)
		}
	})
}
