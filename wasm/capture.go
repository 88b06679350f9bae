package main

import (
	"strconv"

	"github.com/tcpwire/tcpwire/capture/frame"
)

// ImportCapture returns the view of a new state holding the TCP segments
// of a pcap or pcapng file, at most MaxSteps of them. The first segment's
// sender is A; segments of other connections are skipped, so the state
// holds one connection.
func ImportCapture(file []byte) []byte {
	st, _ := ParseState("")
	var msg string
	var aPort, bPort uint16
	err := readCapture(file, func(p frame.Packet) bool {
		if len(p.TCP) < 4 {
			return true
		}
		sp := uint16(p.TCP[0])<<8 | uint16(p.TCP[1])
		dp := uint16(p.TCP[2])<<8 | uint16(p.TCP[3])
		if len(st.Steps) == 0 {
			st.A, st.B, aPort, bPort = p.Src, p.Dst, sp, dp
			st.Config.Port = [2]uint16{sp, dp}
		}
		fromA := p.Src == st.A && p.Dst == st.B && sp == aPort && dp == bPort
		fromB := p.Src == st.B && p.Dst == st.A && sp == bPort && dp == aPort
		if !fromA && !fromB {
			return true
		}
		if len(st.Steps) == MaxSteps {
			msg = "only the first " + strconv.Itoa(MaxSteps) + " segments of the connection were imported"
			return false
		}
		st.Steps = append(st.Steps, Step{FromB: fromB, Mode: CheckFixed, Seg: append([]byte(nil), p.TCP...), TOS: p.TOS})
		return true
	})
	if err != nil {
		msg = err.Error()
	} else if len(st.Steps) == 0 {
		msg = "the capture holds no TCP segment"
	}
	return view(&st, msg)
}

// ExportPcap returns the steps of the state in text as a pcap file of raw
// IP packets (LINKTYPE_RAW), one a millisecond apart, that Wireshark and
// tcpdump open.
func ExportPcap(text string) ([]byte, error) {
	st, err := ParseState(text)
	if err != nil {
		return nil, err
	}
	st.fill()
	segs := make([]frame.Packet, len(st.Steps))
	for i := range st.Steps {
		s := &st.Steps[i]
		segs[i] = frame.Packet{Src: st.src(s), Dst: st.dst(s), TOS: s.TOS, TCP: s.Seg}
	}
	return appendPcap(nil, segs)
}
