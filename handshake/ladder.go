package handshake

import (
	"strconv"
	"strings"

	"github.com/tcpwire/tcpwire/header"
)

// ladderWidth is the width of the arrow column of a ladder.
const ladderWidth = 50

// Ladder draws the scenario as a ladder diagram in text: one line per
// step with the client's state, an arrow with the segment's flags, numbers
// and length, and the server's state, followed by the step's findings.
// Sequence numbers are absolute.
func (s *Scenario) Ladder() string {
	var b strings.Builder
	c, sv := s.Client.Addr.String(), s.Server.Addr.String()
	b.WriteString("    " + pad("client "+c, 14+ladderWidth) + "server " + sv + "\n")
	initial := Listen
	if s.Server.Closed {
		initial = Closed
	}
	b.WriteString("    " + pad("CLOSED", 14+ladderWidth) + initial.String() + "\n")
	for i := range s.Steps {
		st := &s.Steps[i]
		arrow := segmentLabel(&st.Segment)
		if st.From == Client {
			arrow = "--" + arrow + strings.Repeat("-", max(0, ladderWidth-4-len(arrow))) + "> "
		} else {
			arrow = " <" + strings.Repeat("-", max(0, ladderWidth-4-len(arrow))) + arrow + "--"
		}
		b.WriteString(pad(strconv.Itoa(i+1), 4) + pad(st.Client.State.String(), 14) + pad(arrow, ladderWidth) + st.Server.State.String())
		if st.Note != "" {
			b.WriteString("  (" + st.Note + ")")
		}
		if st.Crossing {
			b.WriteString("  [crosses the next segment]")
		}
		b.WriteByte('\n')
		for _, f := range st.Findings {
			b.WriteString("      " + f.Severity.String() + " " + string(f.Code) + ": " + f.Message + "\n")
		}
	}
	return b.String()
}

// segmentLabel is the text on a ladder's arrow: " [S.] seq 5000 ack 1001 len 0 ".
func segmentLabel(s *Segment) string {
	var h header.Header
	if err := h.Decode(s.TCP); err != nil {
		if he, ok := err.(*header.Error); !ok || !he.Warning() {
			return " malformed "
		}
	}
	l := " " + h.Flags.String() + " seq " + h.Seq.String()
	if h.Flags.Has(header.ACK) {
		l += " ack " + h.Ack.String()
	}
	return l + " len " + strconv.Itoa(s.tcpLen()-h.HeaderLen()) + " "
}

func pad(s string, n int) string {
	if k := len([]rune(s)); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s + " "
}
