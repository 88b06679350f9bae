package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/tcpwire/tcpwire/capture"
	"github.com/tcpwire/tcpwire/handshake"
)

func init() {
	register(command{name: "check", summary: "check captures against RFC 9293, connection by connection", run: runCheck})
}

const checkUsage = `Usage: tcpwire check [--json] FILE...

Checks every TCP connection in each capture (pcap or pcapng) against RFC
9293 and the rules the handshake package lists: the state machine of both
endpoints, sequence and acknowledgment acceptability, option negotiation,
ECN, RST handling, and the analysis Wireshark users know (retransmission,
duplicate ACK, out-of-order, previous segment not captured, ACK of an
unseen segment, zero window). Findings print like compiler messages:

  FILE:FRAME: SEVERITY: [CODE] MESSAGE (RULE) fix: FIX

followed by a summary per connection. --json writes one JSON object per
finding and per connection summary instead (NDJSON).

Exit status: 0 when no finding is an error, 1 when one is, 2 when an input
cannot be read.

Examples:
  tcpwire check capture.pcapng
  tcpwire check --json *.pcap | jq 'select(.finding.severity == "error")'

Flags:
`

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonOut := fs.Bool("json", false, "write findings and summaries as NDJSON")
	fs.Usage = func() { fmt.Fprint(stderr, checkUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return exitUsage(err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	status := 0
	for _, name := range fs.Args() {
		errs, err := checkFile(name, *jsonOut, w)
		if err != nil {
			w.Flush()
			fmt.Fprintf(stderr, "tcpwire check: %s: %v\n", name, err)
			return 2
		}
		if errs > 0 {
			status = 1
		}
	}
	return status
}

// connSummary is what check says about one connection at the end.
type connSummary struct {
	Conn     int                 `json:"conn"`
	Client   string              `json:"client"`
	Server   string              `json:"server"`
	Segments int                 `json:"segments"`
	States   map[string][]string `json:"states"`
	Findings map[string]int      `json:"findings"`
}

// reached records that side has been in state st.
func (c *connSummary) reached(side string, st handshake.State) {
	if name := st.String(); !slices.Contains(c.States[side], name) {
		c.States[side] = append(c.States[side], name)
	}
}

// checkFile checks one capture and writes its findings and summaries to w.
// It returns the number of error findings.
func checkFile(name string, jsonOut bool, w io.Writer) (int, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r, err := capture.NewReader(bufio.NewReaderSize(f, 64<<10))
	if err != nil {
		return 0, err
	}
	checker := handshake.NewChecker()
	conns := map[int]*connSummary{}
	errs := 0
	enc := json.NewEncoder(w)
	for {
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		var fe *capture.FrameError
		if errors.As(err, &fe) {
			errs++
			if jsonOut {
				enc.Encode(map[string]any{"file": name, "frame": fe.Frame, "error": fe.Error()})
			} else {
				fmt.Fprintf(w, "%s:%d: error: [malformed] %v\n", name, fe.Frame, fe)
			}
			continue
		}
		if err != nil {
			return errs, err
		}
		v := checker.Check(handshake.Segment(p))
		c := conns[v.Conn]
		if c == nil {
			c = &connSummary{Conn: v.Conn, Client: v.Client.Addr.String(), Server: v.Server.Addr.String(),
				States: map[string][]string{}, Findings: map[string]int{}}
			conns[v.Conn] = c
		}
		c.Segments++
		c.reached("client", v.Client.State)
		c.reached("server", v.Server.State)
		for _, fd := range v.Findings {
			c.Findings[fd.Severity.String()]++
			if fd.Severity == handshake.Error {
				errs++
			}
			if jsonOut {
				enc.Encode(map[string]any{"file": name, "finding": fd})
				continue
			}
			fmt.Fprintf(w, "%s:%d: %s: [%s] %s (%s)", name, p.Frame, fd.Severity, fd.Code, fd.Message, fd.Rule)
			if fd.Fix != nil {
				fmt.Fprintf(w, " fix: %s", fd.Fix.Text)
			}
			fmt.Fprintln(w)
		}
	}
	ids := make([]int, 0, len(conns))
	for id := range conns {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	st := r.Stats()
	for _, id := range ids {
		c := conns[id]
		if jsonOut {
			enc.Encode(map[string]any{"file": name, "summary": c})
			continue
		}
		fmt.Fprintf(w, "%s: connection %d: %s → %s, %d segments, client %s, server %s; %d errors, %d warnings, %d notes\n",
			name, c.Conn, c.Client, c.Server, c.Segments,
			strings.Join(c.States["client"], " → "), strings.Join(c.States["server"], " → "),
			c.Findings["error"], c.Findings["warning"], c.Findings["note"])
	}
	if !jsonOut && (st.NotTCP > 0 || st.Fragments > 0 || st.Malformed > 0) {
		fmt.Fprintf(w, "%s: %d frames: %d TCP segments, %d not TCP, %d fragments, %d malformed\n",
			name, st.Frames, st.Segments, st.NotTCP, st.Fragments, st.Malformed)
	}
	return errs, nil
}
