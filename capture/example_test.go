package capture_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/tcpwire/tcpwire/capture/frame"
	"io"
	"log"
	"net/netip"
	"os"

	"github.com/tcpwire/tcpwire/capture"
)

// Read a real loopback capture (an HTTP request over IPv6) and print one
// line per TCP segment: frame, addresses and ports, flags byte, TCP length.
func ExampleReader() {
	f, err := os.Open("../testdata/captures/http-ipv6.pcap")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	r, err := capture.NewReader(f)
	if err != nil {
		log.Fatal(err)
	}
	for {
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		var fe *capture.FrameError
		if errors.As(err, &fe) {
			fmt.Println("skipped:", fe)
			continue
		}
		if err != nil {
			log.Fatal(err)
		}
		src := binary.BigEndian.Uint16(p.TCP[0:])
		dst := binary.BigEndian.Uint16(p.TCP[2:])
		fmt.Printf("%2d [%v]:%d > [%v]:%d flags %#02x length %d\n", p.Frame, p.Src, src, p.Dst, dst, p.TCP[13], p.Length)
	}
	fmt.Printf("%+v\n", r.Stats())
	// Output:
	//  1 [::1]:51694 > [::1]:9101 flags 0x02 length 40
	//  2 [::1]:9101 > [::1]:51694 flags 0x12 length 40
	//  3 [::1]:51694 > [::1]:9101 flags 0x10 length 32
	//  4 [::1]:51694 > [::1]:9101 flags 0x18 length 106
	//  5 [::1]:9101 > [::1]:51694 flags 0x10 length 32
	//  6 [::1]:9101 > [::1]:51694 flags 0x18 length 217
	//  7 [::1]:51694 > [::1]:9101 flags 0x10 length 32
	//  8 [::1]:9101 > [::1]:51694 flags 0x18 length 96
	//  9 [::1]:51694 > [::1]:9101 flags 0x10 length 32
	// 10 [::1]:9101 > [::1]:51694 flags 0x11 length 32
	// 11 [::1]:51694 > [::1]:9101 flags 0x11 length 32
	// 12 [::1]:9101 > [::1]:51694 flags 0x10 length 32
	// 13 [::1]:51694 > [::1]:9101 flags 0x10 length 32
	// {Frames:13 Segments:13 NotTCP:0 Fragments:0 Malformed:0}
}

// Write a SYN and its SYN-ACK as a raw-IP pcap file and read them back.
func ExampleWriter() {
	f, err := os.CreateTemp("", "example-*.pcap")
	if err != nil {
		log.Fatal(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()

	w, err := capture.NewWriter(f, frame.LinkRaw)
	if err != nil {
		log.Fatal(err)
	}
	client, server := netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("192.0.2.80")
	syn := []byte{0xc0, 0x01, 0x00, 0x50, 0, 0, 0, 100, 0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff, 0, 0, 0, 0}
	synAck := []byte{0x00, 0x50, 0xc0, 0x01, 0, 0, 0, 200, 0, 0, 0, 101, 0x50, 0x12, 0xff, 0xff, 0, 0, 0, 0}
	for _, p := range []frame.Packet{
		{Src: client, Dst: server, TCP: syn},
		{Src: server, Dst: client, TCP: synAck},
	} {
		if err := w.WritePacket(p); err != nil {
			log.Fatal(err)
		}
	}

	if _, err := f.Seek(0, io.SeekStart); err != nil {
		log.Fatal(err)
	}
	r, err := capture.NewReader(f)
	if err != nil {
		log.Fatal(err)
	}
	for {
		p, err := r.Next()
		if err != nil {
			break
		}
		fmt.Println(p.Frame, p.Src, "->", p.Dst, "flags", p.TCP[13], "length", p.Length)
	}
	// Output:
	// 1 192.0.2.1 -> 192.0.2.80 flags 2 length 20
	// 2 192.0.2.80 -> 192.0.2.1 flags 18 length 20
}
