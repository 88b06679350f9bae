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

	"github.com/tcpwire/tcpwire/fuzz/differential"
	"github.com/tcpwire/tcpwire/fuzz/samples"
)

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
		c.add("differential", "FuzzGopacket", s.Name, seg)
		c.add("differential", "FuzzGVisor", s.Name, seg)
		c.add("roundtrip", "FuzzDecodeEncode", s.Name, seg)
		c.add("differential", "FuzzBPF", s.Name, append([]byte{byte(i % 11)}, seg...))
		c.add("differential", "FuzzIP", s.Name+"-v4", differential.IPv4(i%3, seg))
		c.add("differential", "FuzzIP", s.Name+"-v6", differential.IPv6(seg))
		if len(seg) < 8 {
			continue
		}
		for _, q := range []struct {
			name string
			v6   bool
			n    int
		}{{"-icmp8", false, 8}, {"-icmp", false, len(seg)}, {"-icmp6", true, len(seg)}} {
			pkt := differential.IPv4(0, seg)[:20+q.n]
			if q.v6 {
				pkt = differential.IPv6(seg)[:40+q.n]
			}
			msg, err := differential.ICMPError(q.v6, i, pkt)
			if err != nil {
				log.Fatal(err)
			}
			v := byte(0)
			if q.v6 {
				v = 1
			}
			c.add("differential", "FuzzICMP", s.Name+q.name, append([]byte{v}, msg...))
		}
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
