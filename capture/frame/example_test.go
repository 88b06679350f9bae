package frame_test

import (
	"fmt"

	"github.com/tcpwire/tcpwire/capture/frame"
)

// A packet pasted as tcpdump -xx prints it, read down to its TCP segment.
func ExampleParsePacket() {
	dump := `
	0x0000:  4500 0028 0000 4000 4006 0000 c000 0201
	0x0010:  c000 0202 9c40 0050 0000 03e8 0000 0000
	0x0020:  5002 faf0 0000 0000`
	b, err := frame.ParseHex(nil, []byte(dump))
	if err != nil {
		panic(err)
	}
	p, err := frame.ParsePacket(b)
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Src, "->", p.Dst, len(p.TCP), "bytes of TCP")
	// Output: 192.0.2.1 -> 192.0.2.2 20 bytes of TCP
}
