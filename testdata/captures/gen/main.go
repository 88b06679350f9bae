//go:build ignore

// Command gen produces the loopback TCP conversations recorded in
// testdata/captures. It runs a server and a client in one process on the
// given loopback address and port, then exits.
//
//	go run ./testdata/captures/gen -mode halfclose -addr 127.0.0.1:9102
//
// Modes:
//
//	halfclose  the client sends a request, shuts down its write side
//	           (shutdown(SHUT_WR), a FIN) and keeps reading while the server
//	           sends its answer in several writes, then closes.
//	abort      the client sends a request, reads the answer and closes with
//	           SO_LINGER 0, so the kernel sends RST instead of FIN.
//	ipopts     like abort, but closes with FIN, and the client's IPv4
//	           packets carry IP options (IP_OPTIONS: three No-Operations
//	           and End of Option List, RFC 791 §3.1), so their IHL is 6.
//	exthdr     the same over IPv6 with a Hop-by-Hop Options header and a
//	           Destination Options header (IPV6_HOPOPTS, IPV6_DSTOPTS:
//	           PadN only, RFC 8200 §4.2) on every client packet.
//	bulk       the server sends -size bytes to the client (in pieces of
//	           -chunk bytes -gap apart, if -chunk is set), then both close.
package main

import (
	"bytes"
	"flag"
	"io"
	"log"
	"net"
	"syscall"
	"time"
)

func main() {
	mode := flag.String("mode", "halfclose", "halfclose, abort or bulk")
	addr := flag.String("addr", "127.0.0.1:9102", "loopback address and port")
	size := flag.Int("size", 200*1024, "bytes the server sends in bulk mode")
	chunk := flag.Int("chunk", 0, "in bulk mode, write in pieces of this many bytes (0: one write)")
	gap := flag.Duration("gap", time.Millisecond, "pause between the pieces of -chunk")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		c, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		serve(*mode, c.(*net.TCPConn), *size, *chunk, *gap)
	}()

	d := net.Dialer{Control: func(_, _ string, rc syscall.RawConn) error {
		return setOptions(*mode, rc)
	}}
	c, err := d.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	client(*mode, c.(*net.TCPConn), *size)
	<-done
	ln.Close()
}

func serve(mode string, c *net.TCPConn, size, chunk int, gap time.Duration) {
	switch mode {
	case "halfclose":
		req, err := io.ReadAll(c) // until the client's FIN
		if err != nil {
			log.Fatal(err)
		}
		for i := 0; i < 3; i++ {
			time.Sleep(20 * time.Millisecond)
			if _, err := c.Write(append([]byte("part of the answer to "), req...)); err != nil {
				log.Fatal(err)
			}
		}
		c.Close()
	case "abort", "ipopts", "exthdr":
		buf := make([]byte, 64)
		n, err := c.Read(buf)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := c.Write(append([]byte("pong: "), buf[:n]...)); err != nil {
			log.Fatal(err)
		}
		// The client resets; the read ends with ECONNRESET or EOF.
		io.Copy(io.Discard, c)
		c.Close()
	case "bulk":
		data := bytes.Repeat([]byte("0123456789abcdef"), size/16+1)[:size]
		if chunk <= 0 {
			chunk = size
		}
		for len(data) > 0 {
			n := min(chunk, len(data))
			if _, err := c.Write(data[:n]); err != nil {
				log.Fatal(err)
			}
			data = data[n:]
			if len(data) > 0 && chunk < size {
				time.Sleep(gap)
			}
		}
		c.Close()
	}
}

func client(mode string, c *net.TCPConn, size int) {
	switch mode {
	case "halfclose":
		if _, err := c.Write([]byte("hello\n")); err != nil {
			log.Fatal(err)
		}
		if err := c.CloseWrite(); err != nil {
			log.Fatal(err)
		}
		b, err := io.ReadAll(c)
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("client read %d bytes after its FIN", len(b))
		c.Close()
	case "abort", "ipopts", "exthdr":
		if _, err := c.Write([]byte("ping")); err != nil {
			log.Fatal(err)
		}
		buf := make([]byte, 64)
		if _, err := c.Read(buf); err != nil {
			log.Fatal(err)
		}
		if mode == "abort" {
			if err := c.SetLinger(0); err != nil {
				log.Fatal(err)
			}
		}
		c.Close()
	case "bulk":
		n, err := io.Copy(io.Discard, c)
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("client read %d bytes", n)
		c.Close()
	}
}

// setOptions sets the IP options of the ipopts and exthdr modes on the
// client socket before it connects, so that the SYN carries them too.
func setOptions(mode string, rc syscall.RawConn) error {
	const ipv6HopOpts, ipv6DstOpts = 54, 59 // linux/in6.h
	var serr error
	err := rc.Control(func(fd uintptr) {
		switch mode {
		case "ipopts":
			serr = syscall.SetsockoptString(int(fd), syscall.IPPROTO_IP, syscall.IP_OPTIONS, "\x01\x01\x01\x00")
		case "exthdr":
			// Next Header (filled in by the kernel), length 0 (8 bytes),
			// PadN with 4 bytes of padding.
			padN := "\x00\x00\x01\x04\x00\x00\x00\x00"
			if serr = syscall.SetsockoptString(int(fd), syscall.IPPROTO_IPV6, ipv6HopOpts, padN); serr == nil {
				serr = syscall.SetsockoptString(int(fd), syscall.IPPROTO_IPV6, ipv6DstOpts, padN)
			}
		}
	})
	if err != nil {
		return err
	}
	return serr
}
