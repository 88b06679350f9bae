package main

import (
	"net/netip"
	"strconv"

	"github.com/tcpwire/tcpwire/capture/frame"
)

// ImportHex returns the view of a new state holding the packets of a hex
// dump, which blank lines separate (frame.SplitHex); each is read by
// frame.ParseHex (plain hex, tcpdump -xx, Wireshark's hex dump, ...; lines
// starting with # are comments) and frame.ParsePacket: a bare TCP segment,
// or an IPv4 or IPv6 packet or Ethernet frame carrying TCP, whose
// addresses then become the endpoints'. The first sender is A.
func ImportHex(text string) []byte {
	st, _ := ParseState("")
	var first netip.Addr
	for n, dump := range frame.SplitHex([]byte(text)) {
		b, err := parseHex(string(dump))
		if err == nil && len(b) == 0 {
			continue // comments alone
		}
		var p frame.Packet
		if err == nil {
			p, err = frame.ParsePacket(b)
		}
		if err != nil {
			return view(&st, "packet "+strconv.Itoa(n+1)+": "+err.Error())
		}
		if len(st.Steps) == MaxSteps {
			return view(&st, "only the first "+strconv.Itoa(MaxSteps)+" segments were imported")
		}
		step := Step{Mode: CheckFixed, Seg: p.TCP, TOS: p.TOS}
		if p.Src.IsValid() {
			if !first.IsValid() {
				first = p.Src
				st.A, st.B = p.Src, p.Dst
			}
			step.FromB = p.Src != first
		}
		st.Steps = append(st.Steps, step)
	}
	if len(st.Steps) == 0 {
		return view(&st, "no hex to import")
	}
	return view(&st, "")
}
