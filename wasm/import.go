package main

import (
	"encoding/binary"
	"net/netip"
	"strconv"
	"strings"
)

// ImportHex returns the view of a new state holding the segments in text,
// one per line (blank lines and lines starting with # are skipped). A line
// may hold bare TCP bytes, or an IPv4 or IPv6 packet carrying TCP, whose
// addresses then become the endpoints'. The first sender is A.
func ImportHex(text string) []byte {
	st, _ := ParseState("")
	var first netip.Addr
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		b, err := parseHex(line)
		if err != nil {
			return view(&st, "line "+strconv.Itoa(n+1)+": "+err.Error())
		}
		if len(st.Steps) == MaxSteps {
			return view(&st, "only the first "+strconv.Itoa(MaxSteps)+" segments were imported")
		}
		step := Step{Mode: CheckFixed, Seg: b}
		if src, dst, seg, ok := stripIP(b); ok {
			if !first.IsValid() {
				first = src
				st.A, st.B = src, dst
			}
			step.Seg = seg
			step.FromB = src != first
		}
		st.Steps = append(st.Steps, step)
	}
	if len(st.Steps) == 0 {
		return view(&st, "no hex to import")
	}
	return view(&st, "")
}

// stripIP recognises an IPv4 or IPv6 packet carrying TCP whose length
// field matches b exactly, and returns its addresses and the TCP segment.
// Bare TCP bytes almost never satisfy all of parseIP's checks and this one.
func stripIP(b []byte) (src, dst netip.Addr, seg []byte, ok bool) {
	s, ok := parseIP(b)
	if !ok {
		return
	}
	n := int(binary.BigEndian.Uint16(b[2:]))
	if b[0]>>4 == 6 {
		n = 40 + int(binary.BigEndian.Uint16(b[4:]))
	}
	if n != len(b) {
		return src, dst, nil, false
	}
	return s.src, s.dst, s.tcp, true
}
