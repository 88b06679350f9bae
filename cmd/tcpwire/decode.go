package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/tcpwire/tcpwire/capture"
	"github.com/tcpwire/tcpwire/capture/frame"
	"github.com/tcpwire/tcpwire/checksum"
	"github.com/tcpwire/tcpwire/header"
)

func init() {
	register(command{name: "decode", summary: "decode TCP segments from a capture or a hex dump", run: runDecode})
}

const decodeUsage = `Usage: tcpwire decode [--json] [-v] [FILE|-]

Decodes every TCP segment of FILE (standard input when FILE is - or
missing). FILE is a pcap or pcapng capture, recognised by its magic number,
or a hex dump of packets separated by blank lines, each a bare TCP segment,
an IPv4 or IPv6 packet or an Ethernet frame, with white space, 0x prefixes,
colons and tcpdump -xx or Wireshark offsets allowed.

Text output is one tcpdump-style line per segment; -v adds every field.
--json writes one JSON object per segment (NDJSON) with the keys frame,
src, dst, src_port, dst_port, seq, ack, header_len, flags, flag_names,
window, checksum, checksum_status, urgent, payload_len, the present ones of
mss, wscale, sack_permitted, tsval, tsecr, sack, and options.

Examples:
  tcpwire decode capture.pcapng
  tcpwire decode --json capture.pcap | jq .flag_names
  echo '4500003c...' | tcpwire decode -v -

Flags:
`

func runDecode(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("decode", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonOut := fs.Bool("json", false, "write one JSON object per segment (NDJSON)")
	verbose := fs.Bool("v", false, "print every field of each segment")
	fs.Usage = func() { fmt.Fprint(stderr, decodeUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return exitUsage(err)
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "tcpwire decode: one input at a time")
		return 2
	}
	name := fs.Arg(0)
	in, err := openInput(name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "tcpwire decode: %v\n", err)
		return 2
	}
	defer in.Close()
	if name == "" {
		name = "-"
	}

	w := bufio.NewWriterSize(stdout, 64<<10)
	defer w.Flush()
	var line []byte
	status := 0
	err = eachSegment(in, func(s *segment, derr error) {
		if derr != nil {
			w.Flush()
			switch {
			case s.cut && errors.Is(derr, header.ErrTruncated):
				// Not wrong, only cut by the capture: show what is there.
				fmt.Fprintf(stderr, "%s:%d: note: the capture's snap length cut the TCP header: %v\n", name, s.frame, derr)
			case isWarning(derr):
				fmt.Fprintf(stderr, "%s:%d: warning: %v\n", name, s.frame, derr)
			default:
				fmt.Fprintf(stderr, "%s:%d: error: %v\n", name, s.frame, derr)
				status = 1
				return
			}
		}
		switch {
		case *jsonOut:
			line = s.appendJSON(line[:0])
		case *verbose:
			line = s.appendVerbose(line[:0])
		default:
			line = s.appendLine(line[:0])
		}
		w.Write(line)
	})
	if err != nil {
		w.Flush()
		fmt.Fprintf(stderr, "tcpwire decode: %s: %v\n", name, err)
		return 2
	}
	return status
}

// exitUsage returns the exit status for a flag parsing error: 0 for -h.
func exitUsage(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// isWarning reports whether err left the header fully decoded.
func isWarning(err error) bool {
	var e *header.Error
	return errors.As(err, &e) && e.Warning()
}

// openInput opens the named file, or returns stdin for "" and "-".
func openInput(name string, stdin io.Reader) (io.ReadCloser, error) {
	if name == "" || name == "-" {
		return io.NopCloser(stdin), nil
	}
	return os.Open(name)
}

// eachSegment reads r, a capture or a hex dump, and calls f for every TCP
// segment in it, with the error decoding its header. It returns an error
// only for input it cannot read at all.
func eachSegment(r io.Reader, f func(*segment, error)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	magic, _ := br.Peek(4)
	var s segment
	if capture.IsCapture(magic) {
		cr, err := capture.NewReader(br)
		if err != nil {
			return err
		}
		for {
			p, err := cr.Next()
			if err == io.EOF {
				return nil
			}
			var fe *capture.FrameError
			if errors.As(err, &fe) {
				s = segment{frame: fe.Frame}
				f(&s, err)
				continue
			}
			if err != nil {
				return err
			}
			s.fill(p)
			f(&s, s.h.Decode(p.TCP))
		}
	}
	text, err := io.ReadAll(br)
	if err != nil {
		return err
	}
	for i, dump := range frame.SplitHex(text) {
		b, err := frame.ParseHex(nil, dump)
		if err != nil {
			return fmt.Errorf("packet %d: %w", i+1, err)
		}
		p, err := frame.ParsePacket(b)
		if err != nil {
			return fmt.Errorf("packet %d: %w", i+1, err)
		}
		p.Frame = i + 1
		s.fill(p)
		f(&s, s.h.Decode(p.TCP))
	}
	return nil
}

// fill sets s from a captured packet, its checksum status included.
func (s *segment) fill(p frame.Packet) {
	s.frame, s.src, s.dst, s.length, s.cut = p.Frame, p.Src, p.Dst, p.Length, p.Truncated()
	s.status = checksum.Classify(p.Src, p.Dst, p.TCP, p.Length)
}
