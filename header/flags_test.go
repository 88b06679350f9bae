package header_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tcpwire/tcpwire/header"
)

func TestFlagsText(t *testing.T) {
	tests := []struct {
		f                header.Flags
		short, long, go_ string
	}{
		{header.SYN, "[S]", "SYN", "header.SYN"},
		{header.SYN | header.ACK, "[S.]", "SYN, ACK", "header.SYN|header.ACK"},
		{header.ACK, "[.]", "ACK", "header.ACK"},
		{header.PSH | header.ACK, "[P.]", "PSH, ACK", "header.PSH|header.ACK"},
		{header.FIN | header.ACK, "[F.]", "FIN, ACK", "header.FIN|header.ACK"},
		{header.RST, "[R]", "RST", "header.RST"},
		{header.RST | header.ACK, "[R.]", "RST, ACK", "header.RST|header.ACK"},
		{header.SYN | header.ECE | header.CWR, "[SEW]", "SYN, ECE, CWR", "header.SYN|header.ECE|header.CWR"},
		{header.AE | header.ACK, "[.e]", "ACK, AE", "header.ACK|header.AE"},
		{0, "[none]", "", "header.Flags(0x0)"},
		{0x800 | header.FIN, "[Fr]", "FIN, Reserved(0x800)", "header.FIN|header.Flags(0x800)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.short, tt.f.String())
		assert.Equal(t, tt.long, tt.f.Long())
		assert.Equal(t, tt.go_, tt.f.GoString())
	}
	assert.Equal(t, []string{"SYN", "ACK"}, slices.Collect((header.SYN | header.ACK).Names))
	assert.True(t, (header.SYN | header.ACK).Has(header.SYN))
	assert.False(t, header.SYN.Has(header.SYN|header.ACK))
	assert.Equal(t, header.Flags(0x012), header.SYN|header.ACK, "Wireshark's 0x012 is SYN, ACK")
}
