package handshake_test

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/tcpwire/tcpwire/capture"
	"github.com/tcpwire/tcpwire/handshake"
	"github.com/tcpwire/tcpwire/header"
)

// Build the three-way handshake and the four-way close, and draw the
// ladder: both endpoints' states after each segment.
func Example() {
	s, err := handshake.New("close")
	if err != nil {
		panic(err)
	}
	fmt.Print(s.Ladder())
	last := s.Steps[len(s.Steps)-1]
	fmt.Println("client SND.NXT", last.Client.TCB.SndNxt, "RCV.NXT", last.Client.TCB.RcvNxt)
	// Output:
	//     client 192.0.2.10:50000                                         server 198.51.100.20:80
	//     CLOSED                                                          LISTEN
	// 1   SYN-SENT      -- [S] seq 1000 len 0 -------------------------->  SYN-RECEIVED  (client connect())
	// 2   ESTABLISHED    <---------------- [S.] seq 5000 ack 1001 len 0 -- SYN-RECEIVED  (server answers from listen())
	// 3   ESTABLISHED   -- [.] seq 1001 ack 5001 len 0 ----------------->  ESTABLISHED  (connect() returns; accept() returns)
	// 4   FIN-WAIT-1    -- [F.] seq 1001 ack 5001 len 0 ---------------->  CLOSE-WAIT  (client close())
	// 5   FIN-WAIT-2     <----------------- [.] seq 5001 ack 1002 len 0 -- CLOSE-WAIT
	// 6   TIME-WAIT      <---------------- [F.] seq 5001 ack 1002 len 0 -- LAST-ACK  (server close())
	// 7   TIME-WAIT     -- [.] seq 1002 ack 5002 len 0 ----------------->  CLOSED  (client enters TIME-WAIT)
	// client SND.NXT 1002 RCV.NXT 5002
}

// Check a list of segments: here the handshake, with the SYN-ACK's
// acknowledgment number broken on purpose.
func ExampleCheck() {
	s, err := handshake.New("open")
	if err != nil {
		panic(err)
	}
	segs := s.Segments()
	var h header.Header
	if err := h.Decode(segs[1].TCP); err != nil {
		panic(err)
	}
	h.Ack = 1500
	if err := h.SetChecksum(segs[1].Src, segs[1].Dst); err != nil {
		panic(err)
	}
	segs[1].TCP, _ = h.AppendBinary(nil)

	for _, v := range handshake.Check(segs) {
		fmt.Println(v.Segment, v.From, v.Checksum, v.Client.State, v.Server.State)
		for _, f := range v.Findings {
			fmt.Println("  ", f)
		}
	}
	// Output:
	// 0 client good SYN-SENT SYN-RECEIVED
	// 1 server good SYN-SENT SYN-RECEIVED
	//    error ack_unacceptable (RFC 9293 §3.10.7.3) segment 1 ack: the SYN,ACK must acknowledge the SYN: ISS < SEG.ACK ≤ SND.NXT; the receiver answers with RST [fix: set ack to 1001]
	// 2 client good SYN-SENT ESTABLISHED
}

// Edit a step, see the verdict, apply the fix it offers and rebuild the
// rest of the connection from there.
func ExampleScenario_Rebuild() {
	s, err := handshake.New("data")
	if err != nil {
		panic(err)
	}
	wrong := uint16(0xbeef)
	s.Steps[3].Edit = &handshake.Edit{Checksum: &wrong}
	if err := s.RebuildStep(3); err != nil {
		panic(err)
	}
	f := s.Steps[3].Findings[0]
	fmt.Println(s.Steps[3].Checksum, f.Code, f.Fix.Text)

	if err := s.Steps[3].Edit.Apply(f.Fix); err != nil {
		panic(err)
	}
	if err := s.Rebuild(3); err != nil {
		panic(err)
	}
	fmt.Println(s.Steps[3].Checksum, len(s.Steps[3].Findings))
	// Output:
	// bad checksum_bad set checksum to 0x609d
	// good 0
}

// List the scenarios the builder offers.
func ExampleScenarios() {
	for _, in := range handshake.Scenarios()[:4] {
		fmt.Printf("%-10s %s\n", in.Name, in.Description)
	}
	// Output:
	// open       three-way handshake: SYN, SYN-ACK, ACK (RFC 9293 §3.5)
	// open-ipv6  three-way handshake over IPv6
	// data       open, then a request and a response, each acknowledged
	// close      open, then the four-way close: FIN, ACK, FIN, ACK (RFC 9293 §3.6)
}

// Import a captured connection as a scenario and draw it. The capture
// holds a SYN to a port nobody listens on, answered with RST,ACK.
func ExampleFromSegments() {
	f, err := os.Open("../testdata/captures/refused.pcap")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	r, err := capture.NewReader(f)
	if err != nil {
		panic(err)
	}
	var segs []handshake.Segment
	for {
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			panic(err)
		}
		p.TCP = bytes.Clone(p.TCP)
		segs = append(segs, handshake.Segment(p))
	}
	s, err := handshake.FromSegments(segs)
	if err != nil {
		panic(err)
	}
	for _, st := range s.Steps {
		fmt.Println(st.From, st.Action, st.Header.Flags, st.Checksum, st.Client.State, st.Server.State)
	}
	fmt.Println("RST acknowledges the SYN:", s.Steps[1].Header.Ack == s.Steps[0].Header.Seq+1)
	// Output:
	// client syn [S] partial SYN-SENT SYN-RECEIVED
	// server rst [R.] good CLOSED CLOSED
	// RST acknowledges the SYN: true
}
