package checksum_test

import (
	"encoding/binary"
	"fmt"
	"net/netip"

	"github.com/tcpwire/tcpwire/checksum"
)

// The example of RFC 1071 §3.
func ExampleSum() {
	b := []byte{0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7}
	fmt.Printf("sum %#04x, checksum %#04x\n", checksum.Sum(b, 0), checksum.Checksum(b))
	// Output: sum 0xddf2, checksum 0x220d
}

// A checksum over pieces: the second starts at an odd offset.
func ExampleCombine() {
	b := []byte{0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7}
	a := checksum.Sum(b[:3], 0)
	rest := checksum.Sum(b[3:], 0)
	fmt.Printf("%#04x\n", checksum.Combine(a, rest, 3))
	// Output: 0xddf2
}

func ExampleDigest() {
	d := checksum.New()
	d.Write([]byte{0x00, 0x01, 0xf2})
	d.Write([]byte{0x03, 0xf4, 0xf5, 0xf6, 0xf7})
	fmt.Printf("%#04x % x\n", d.Sum16(), d.Sum(nil))
	// Output: 0x220d 22 0d
}

// The RST that Linux sent from a closed port on 127.0.0.1 (captured with
// tcpdump, which also printed "cksum 0x9918 (correct)").
func ExampleTCP() {
	rst := []byte{
		0xb7, 0x99, 0xb6, 0x2e, 0x00, 0x00, 0x00, 0x00, 0x31, 0xdc, 0x79, 0x11,
		0x50, 0x14, 0x00, 0x00, 0x99, 0x18, 0x00, 0x00,
	}
	lo := netip.MustParseAddr("127.0.0.1")
	c, err := checksum.TCP(lo, lo, rst)
	fmt.Printf("%#04x %v\n", c, err)
	ok, err := checksum.VerifyTCP(lo, lo, rst)
	fmt.Println(ok, err)
	// Output:
	// 0x9918 <nil>
	// true <nil>
}

// A sequence number rewritten by a middlebox, without summing again.
func ExampleUpdate32() {
	lo := netip.MustParseAddr("127.0.0.1")
	rst := []byte{
		0xb7, 0x99, 0xb6, 0x2e, 0x00, 0x00, 0x00, 0x00, 0x31, 0xdc, 0x79, 0x11,
		0x50, 0x14, 0x00, 0x00, 0x99, 0x18, 0x00, 0x00,
	}
	old := binary.BigEndian.Uint32(rst[4:])
	binary.BigEndian.PutUint32(rst[4:], 1000)
	c := checksum.Update32(binary.BigEndian.Uint16(rst[16:]), old, 1000)
	binary.BigEndian.PutUint16(rst[16:], c)
	ok, _ := checksum.VerifyTCP(lo, lo, rst)
	fmt.Printf("%#04x %v\n", c, ok)
	// Output: 0x9530 true
}

// A SYN captured on loopback holds only the pseudo-header sum: offload
// would have completed it.
func ExampleClassify() {
	lo := netip.MustParseAddr("127.0.0.1")
	syn := []byte{
		0xb6, 0x2e, 0xb7, 0x99, 0x31, 0xdc, 0x79, 0x10, 0x00, 0x00, 0x00, 0x00,
		0xa0, 0x02, 0xff, 0xd7, 0xfe, 0x30, 0x00, 0x00,
	}
	// The IP header said 40 bytes; the capture kept the first 20.
	fmt.Println(checksum.Classify(lo, lo, syn, 40))
	fmt.Println(checksum.Classify(netip.Addr{}, netip.Addr{}, syn, 40))
	// Output:
	// partial
	// unverified
}

func ExamplePseudoHeader() {
	p, err := checksum.PseudoHeader(netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("198.51.100.2"), checksum.ProtocolTCP, 40)
	fmt.Printf("%#04x %v\n", p, err)
	_, err = checksum.PseudoHeader(netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("2001:db8::2"), checksum.ProtocolTCP, 40)
	fmt.Println(err)
	// Output:
	// 0xec65 <nil>
	// checksum: addresses are not both IPv4 or both IPv6
}
