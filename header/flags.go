package header

import (
	"strconv"
	"strings"
)

// Flags holds the 12 flag bits of the TCP header: the low nibble of byte 12
// (three reserved bits and AE) above the eight bits of byte 13 (CWR … FIN),
// laid out as Wireshark shows them (0x012 is SYN, ACK).
type Flags uint16

// The flag bits (RFC 9293 §3.1; ECE and CWR from RFC 3168 §6.1; AE from
// RFC 9768 §3.1, formerly the historic NS bit of RFC 3540).
const (
	FIN Flags = 1 << iota
	SYN
	RST
	PSH
	ACK
	URG
	ECE
	CWR
	AE
	// Reserved holds the three reserved bits: sent as zero, kept as received
	// (RFC 9293 §3.1).
	Reserved Flags = 0x0E00
)

// flagMask is every bit a Flags value can carry on the wire.
const flagMask Flags = 0x0FFF

var flagNames = [...]struct {
	bit   Flags
	short byte
	long  string
}{
	{FIN, 'F', "FIN"},
	{SYN, 'S', "SYN"},
	{RST, 'R', "RST"},
	{PSH, 'P', "PSH"},
	{ACK, '.', "ACK"},
	{URG, 'U', "URG"},
	{ECE, 'E', "ECE"},
	{CWR, 'W', "CWR"},
	{AE, 'e', "AE"},
	{0x0200, 'r', "Reserved(0x200)"},
	{0x0400, 'r', "Reserved(0x400)"},
	{0x0800, 'r', "Reserved(0x800)"},
}

// Has reports whether every bit of g is set in f.
func (f Flags) Has(g Flags) bool { return f&g == g }

// AppendText appends the tcpdump form of f to b (see String).
func (f Flags) AppendText(b []byte) ([]byte, error) {
	b = append(b, '[')
	if f&flagMask == 0 {
		b = append(b, "none"...)
	}
	for _, n := range flagNames {
		if f&n.bit != 0 {
			b = append(b, n.short)
		}
	}
	return append(b, ']'), nil
}

// String returns f the way tcpdump prints it: "[S]", "[S.]", "[P.]",
// "[F.]", "[R.]", "[none]", with E for ECE, W for CWR, e for AE and r for
// each reserved bit.
func (f Flags) String() string {
	var buf [20]byte
	b, _ := f.AppendText(buf[:0])
	return string(b)
}

// Names calls yield with the name of each set bit, lowest bit first, the
// order Wireshark uses ("SYN", "ACK"); reserved bits are named with their
// value, as "Reserved(0x200)".
func (f Flags) Names(yield func(string) bool) {
	for _, n := range flagNames {
		if f&n.bit != 0 && !yield(n.long) {
			return
		}
	}
}

// Long returns the names of the set bits joined as Wireshark shows them:
// "SYN, ACK". It returns "" when no bit is set.
func (f Flags) Long() string {
	var sb strings.Builder
	for name := range f.Names {
		if sb.Len() > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(name)
	}
	return sb.String()
}

// GoString returns f as a Go expression, such as "header.SYN|header.ACK".
func (f Flags) GoString() string {
	var sb strings.Builder
	for _, n := range flagNames[:9] {
		if f&n.bit != 0 {
			if sb.Len() > 0 {
				sb.WriteByte('|')
			}
			sb.WriteString("header.")
			sb.WriteString(n.long)
		}
	}
	if rest := f &^ (flagMask &^ Reserved); rest != 0 || sb.Len() == 0 {
		if sb.Len() > 0 {
			sb.WriteByte('|')
		}
		sb.WriteString("header.Flags(0x")
		sb.WriteString(strconv.FormatUint(uint64(rest), 16))
		sb.WriteByte(')')
	}
	return sb.String()
}
