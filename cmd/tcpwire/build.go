package main

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"os"

	"github.com/tcpwire/tcpwire/capture"
	"github.com/tcpwire/tcpwire/capture/frame"
	"github.com/tcpwire/tcpwire/handshake"
	"github.com/tcpwire/tcpwire/header"
)

func init() {
	register(command{name: "build", summary: "build the segments of a connection scenario", run: runBuild})
}

const buildUsage = `Usage: tcpwire build --list
       tcpwire build SCENARIO [flags] (-o FILE.pcap | --hex | --json | --ladder)

Builds the segments of a scenario from the catalogue (three-way open, data,
four-way close and the variants real stacks produce) between two endpoints,
with correct checksums, and writes them as a pcap file (-o, opens in
Wireshark), as hex (TCP segments separated by blank lines, which tcpwire
decode reads back), as NDJSON (one step per
line: the segment, both endpoints' states and TCB variables, the findings)
or as a ladder diagram.

--repeat N builds the scenario N times over, each time from the next client
port, into one output: a large capture for load and speed tests.

Examples:
  tcpwire build --list
  tcpwire build open-close --ladder
  tcpwire build open-close --client 192.0.2.1:40000 --server 192.0.2.2:80 -o oc.pcap
  tcpwire build sack --mss 1400 --wscale 7 --json | jq .summary

Flags:
`

func runBuild(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	list := fs.Bool("list", false, "list the scenarios")
	out := fs.String("o", "", "write the segments to this pcap file")
	hexOut := fs.Bool("hex", false, "write each TCP segment as a line of hex")
	jsonOut := fs.Bool("json", false, "write each step as a JSON object (NDJSON)")
	ladder := fs.Bool("ladder", false, "draw the steps as a ladder diagram")
	repeat := fs.Int("repeat", 1, "build the scenario this many times, from consecutive client ports")
	client := fs.String("client", "", "client address and port (default 192.0.2.1:40000)")
	server := fs.String("server", "", "server address and port (default 192.0.2.2:80)")
	clientISN := fs.Uint("client-isn", 0, "client initial sequence number (0: the scenario's)")
	serverISN := fs.Uint("server-isn", 0, "server initial sequence number (0: the scenario's)")
	mss := fs.Int("mss", -1, "MSS both endpoints offer (0: none; -1: the scenario's)")
	wscale := fs.Int("wscale", -1, "window scale shift both offer (-1: the scenario's; 15 turns it off)")
	fs.Usage = func() { fmt.Fprint(stderr, buildUsage); fs.PrintDefaults() }
	// Flags may follow the scenario name.
	var name string
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage(err)
	}
	if *list {
		for _, info := range handshake.Scenarios() {
			fmt.Fprintf(stdout, "%-22s %s\n", info.Name, info.Description)
		}
		return 0
	}
	if name == "" && fs.NArg() == 1 {
		name = fs.Arg(0)
	}
	outputs := 0
	for _, set := range []bool{*out != "", *hexOut, *jsonOut, *ladder} {
		if set {
			outputs++
		}
	}
	if name == "" || outputs != 1 || *repeat < 1 {
		fmt.Fprintln(stderr, "tcpwire build: need a scenario name and exactly one of -o, --hex, --json, --ladder")
		fs.Usage()
		return 2
	}
	s, err := handshake.New(name)
	if err != nil {
		fmt.Fprintf(stderr, "tcpwire build: %v (tcpwire build --list names them)\n", err)
		return 2
	}
	for _, e := range []struct {
		name, flag string
		ep         *handshake.Endpoint
		isn        uint
	}{{"client", *client, &s.Client, *clientISN}, {"server", *server, &s.Server, *serverISN}} {
		if e.flag != "" {
			if e.ep.Addr, err = netip.ParseAddrPort(e.flag); err != nil {
				fmt.Fprintf(stderr, "tcpwire build: --%s %q: %v\n", e.name, e.flag, err)
				return 2
			}
		}
		if e.isn != 0 {
			e.ep.ISN = header.Seq(e.isn)
		}
		if *mss >= 0 {
			e.ep.MSS = uint16(*mss)
		}
		switch {
		case *wscale > 14:
			e.ep.WindowScale = false
		case *wscale >= 0:
			e.ep.WindowScale, e.ep.Shift = true, uint8(*wscale)
		}
	}

	var w io.Writer = stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintf(stderr, "tcpwire build: %v\n", err)
			return 2
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	defer bw.Flush()
	var pw *capture.Writer
	if *out != "" {
		if pw, err = capture.NewWriter(bw, frame.LinkRaw); err != nil {
			fmt.Fprintf(stderr, "tcpwire build: %v\n", err)
			return 2
		}
	}
	if last := int(s.Client.Addr.Port()) + *repeat - 1; last > 65535 {
		fmt.Fprintf(stderr, "tcpwire build: --repeat %d runs the client port past 65535 (from %d)\n", *repeat, s.Client.Addr.Port())
		return 2
	}
	enc := json.NewEncoder(bw)
	for i := range *repeat {
		if i > 0 {
			s.Client.Addr = netip.AddrPortFrom(s.Client.Addr.Addr(), s.Client.Addr.Port()+1)
		}
		if err := s.Build(); err != nil {
			fmt.Fprintf(stderr, "tcpwire build: %s: %v\n", name, err)
			return 2
		}
		switch {
		case *ladder:
			bw.WriteString(s.Ladder())
		case *jsonOut:
			for _, st := range s.Steps {
				if err := enc.Encode(st); err != nil {
					fmt.Fprintf(stderr, "tcpwire build: %v\n", err)
					return 2
				}
			}
		case *hexOut:
			for _, seg := range s.Segments() {
				bw.WriteString(hex.EncodeToString(seg.TCP))
				bw.WriteString("\n\n")
			}
		default:
			for _, seg := range s.Segments() {
				if err := pw.WritePacket(frame.Packet(seg)); err != nil {
					fmt.Fprintf(stderr, "tcpwire build: %s: %v\n", *out, err)
					return 2
				}
			}
		}
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(stderr, "tcpwire build: %v\n", err)
		return 2
	}
	return 0
}
