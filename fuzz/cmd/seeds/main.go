// Command seeds writes the named seed corpora of the fuzz targets from
// fuzz/samples: real headers, every error class and every disagreement
// class, wrapped as each target takes its input. Run it from the fuzz
// module's directory:
//
//	go run ./cmd/seeds
//
// It overwrites its own files (named after the samples) and leaves the
// entries the campaign runner added alone.
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/tcpwire/tcpwire/fuzz/differential/xnetoracle"
	"github.com/tcpwire/tcpwire/fuzz/samples"
	"github.com/tcpwire/tcpwire/handshake"
)

// buildPrograms are FuzzBuild inputs after the fixed fields and payload
// length: option-builder calls, one selector byte each (see
// roundtrip.Build) followed by its arguments.
var buildPrograms = map[string][]byte{
	// MSS 1460, SACK permitted, Timestamps, NOP, window scale 7: Linux's SYN.
	"linux-syn": {2, 0x05, 0xb4, 4, 5, 0x9d, 0x1b, 0x26, 0xc5, 0, 0, 0, 0, 0, 3, 7},
	// NOP, NOP, Timestamps, NOP, NOP, SACK with two blocks.
	"sack": {0, 0, 5, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 12, 0, 6, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4},
	// Fast Open cookie of 8 bytes, then a request, MSS, End and padding.
	"tfo": {7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 7, 0, 2, 0x05, 0xb4, 1, 0, 0},
	// Window scale 15 (refused), SACK with 0 and 5 blocks (refused), a
	// 41-byte option (refused), then options past the 40 bytes.
	"refused": {3, 15, 6, 0, 6, 5, 9, 99, 40, 2, 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0},
	// MPTCP, AccECN, experimental and AO options through Add.
	"add-kinds": {8, 2, 0x01, 0x81, 0x18, 6, 0, 0, 1, 0, 0, 2, 0x38, 4, 0xf9, 0x89, 0, 0},
	// Any kind with any length through Add, a raw Window Scale of 20.
	"add-raw": {9, 3, 1, 20, 10, 99, 0, 11, 0, 3, 1, 2, 3},
}

// corpus collects seed files per package directory and target.
type corpus map[string][]byte

func (c corpus) add(dir, target, name string, b []byte) {
	c[filepath.Join(dir, "testdata", "fuzz", target, name)] = b
}

func main() {
	c := corpus{}
	all := samples.All()
	for i, s := range all {
		seg := s.Bytes
		c.add("differential/gopacketpeer", "FuzzGopacket", s.Name, seg)
		c.add("differential/gvisorpeer", "FuzzGVisor", s.Name, seg)
		c.add("roundtrip", "FuzzDecodeEncode", s.Name, seg)
		c.add("differential/xnetoracle", "FuzzBPF", s.Name, append([]byte{byte(i % 11)}, seg...))
		c.add("differential/xnetoracle", "FuzzIP", s.Name+"-v4", xnetoracle.IPv4(i%3, seg))
		c.add("differential/xnetoracle", "FuzzIP", s.Name+"-v6", xnetoracle.IPv6(seg))
		if len(seg) < 8 {
			continue
		}
		for _, q := range []struct {
			name string
			v6   bool
			n    int
		}{{"-icmp8", false, 8}, {"-icmp", false, len(seg)}, {"-icmp6", true, len(seg)}} {
			pkt := xnetoracle.IPv4(0, seg)[:20+q.n]
			if q.v6 {
				pkt = xnetoracle.IPv6(seg)[:40+q.n]
			}
			msg, err := xnetoracle.ICMPError(q.v6, i, pkt)
			if err != nil {
				log.Fatal(err)
			}
			v := byte(0)
			if q.v6 {
				v = 1
			}
			c.add("differential/xnetoracle", "FuzzICMP", s.Name+q.name, append([]byte{v}, msg...))
		}
	}
	loop4 := []byte{0, 127, 0, 0, 1, 127, 0, 0, 1}
	doc6 := append([]byte{1}, append(xnetoracle.IPv6(nil)[8:24], xnetoracle.IPv6(nil)[24:40]...)...)
	for i, s := range all {
		c.add("checksums", "FuzzSum", s.Name, append([]byte{byte(i), byte(i * 37), byte(i * 11), byte(i * 53)}, s.Bytes...))
		c.add("checksums", "FuzzUpdate", s.Name, append([]byte{byte(i * 7), 0xff, byte(i)}, s.Bytes...))
		c.add("checksums", "FuzzTCP", s.Name+"-v4", append(append([]byte{}, loop4...), s.Bytes...))
		c.add("checksums", "FuzzTCP", s.Name+"-v6", append(append([]byte{}, doc6...), s.Bytes...))
		c.add("differential/gvisorpeer", "FuzzChecksum", s.Name+"-v4", append(append([]byte{}, loop4...), s.Bytes...))
		c.add("differential/gvisorpeer", "FuzzChecksum", s.Name+"-v6", append(append([]byte{}, doc6...), s.Bytes...))
		c.add("differential/xnetoracle", "FuzzICMPChecksum", s.Name, append([]byte{0x12, 0x34, 0, byte(i)}, s.Bytes...))
	}
	// Lengths around the vector kernel's threshold (96 bytes) and a full
	// Ethernet payload, at every alignment, with all-ones data whose sums
	// carry the most.
	for _, n := range []int{0, 1, 2, 3, 31, 32, 33, 95, 96, 97, 127, 128, 129, 255, 256, 1460} {
		data := make([]byte, 4+n)
		for j := 4; j < len(data); j++ {
			data[j] = 0xff
		}
		data[0], data[1], data[2], data[3] = byte(n), 0xff, 0xff, byte(n*3)
		c.add("checksums", "FuzzSum", fmt.Sprintf("ones-%d", n), data)
	}
	for i, in := range handshake.Scenarios() {
		n := byte(i)
		c.add("handshakes", "FuzzChecker", in.Name, []byte{n})
		c.add("handshakes", "FuzzScenario", in.Name, []byte{n})
		// Drop, duplicate, swap, corrupt the flags byte, cut short, insert
		// a raw bare ACK from the server, forget the addresses, mark CE.
		c.add("handshakes", "FuzzChecker", in.Name+"-mutated", []byte{n,
			0, 1, 1, 2, 2, 0, 3, 1, 13, 0x04, 4, 2, 30,
			0x85, 1, 20, 0x1f, 0x90, 0xc3, 0x50, 0, 0, 0x13, 0x89, 0, 0, 0x03, 0xe9, 0x50, 0x10, 0xff, 0xff, 0, 0, 0, 0,
			6, 3, 7, 2, 3})
		// IPv6, ISNs near the wrap, no options on one side, largest shift.
		c.add("handshakes", "FuzzScenario", in.Name+"-v6-wrap", []byte{n, 1,
			0xff, 0xff, 0xff, 0xf0, 0xff, 0xff, 0xff, 0xff, 0x05, 0xb4, 0xe7, 0xff, 0xff,
			0xff, 0xff, 0xff, 0x00, 0, 0, 0, 1, 0x02, 0x18, 0x00, 0x10, 0x00})
	}
	fixed := []byte{0xa4, 0x6e, 0x1f, 0x90, 0x6f, 0x3c, 0x5b, 0x0d, 0, 0, 0, 0, 0x00, 0x02, 0xff, 0xd7, 0, 0, 0, 0}
	for name, ops := range buildPrograms {
		c.add("roundtrip", "FuzzBuild", name, append(append([]byte{}, fixed...), ops...))
	}
	for path, b := range c {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("wrote %d seed files\n", len(c))
}
