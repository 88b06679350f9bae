package header_test

import (
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/tcpwire/tcpwire/header"
)

// A SYN as Linux sends it on loopback.
var exampleSYN, _ = hex.DecodeString("a46e1f906f3c5b0d00000000a002ffd7fe300000" +
	"0204ffd70402080a9d1b26c50000000001030307")

func ExampleHeader_Decode() {
	var h header.Header
	if err := h.Decode(exampleSYN); err != nil {
		fmt.Println(err)
		return
	}
	mss, _ := h.Options.MSS()
	shift, _ := h.Options.WindowScale()
	fmt.Println(h.Flags, h.Flags.Long(), "seq", h.Seq, "mss", mss, "wscale", shift)
	fmt.Println(h.String())
	// Output:
	// [S] SYN seq 1866226445 mss 65495 wscale 7
	// 42094 > 8080: Flags [S], seq 1866226445, win 65495, options [mss 65495,sackOK,TS val 2635802309 ecr 0,nop,wscale 7], length 0
}

func ExampleHeader_Encode() {
	// The SYN-ACK that answers the SYN above.
	var syn header.Header
	_ = syn.Decode(exampleSYN)
	ts, _ := syn.Options.Timestamps()

	synack := header.Header{
		SrcPort: syn.DstPort,
		DstPort: syn.SrcPort,
		Seq:     0x2b52e144,
		Ack:     syn.Seq.Add(1), // SYN consumes one sequence number
		Flags:   header.SYN | header.ACK,
		Window:  65483,
	}
	_ = synack.Options.AddMSS(65495)
	_ = synack.Options.AddSACKPermitted()
	_ = synack.Options.AddTimestamps(header.Timestamps{Value: ts.Value + 1, Echo: ts.Value})
	_ = synack.Options.AddNOP()
	_ = synack.Options.AddWindowScale(7)

	buf := make([]byte, header.MaxLen)
	n, err := synack.Encode(buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d bytes: %x\n", n, buf[:n])
	// Output:
	// 40 bytes: 1f90a46e2b52e1446f3c5b0ea012ffcb000000000204ffd70402080a9d1b26c69d1b26c501030307
}

func ExampleOptions_All() {
	var h header.Header
	_ = h.Decode(exampleSYN)
	for o := range h.Options.All() {
		fmt.Printf("byte %d: kind %d (%v) %v\n", o.Offset, o.Kind, o.Kind, o)
	}
	// Output:
	// byte 20: kind 2 (mss) mss 65495
	// byte 24: kind 4 (sackOK) sackOK
	// byte 26: kind 8 (TS) TS val 2635802309 ecr 0
	// byte 36: kind 1 (nop) nop
	// byte 37: kind 3 (wscale) wscale 7
}

func ExampleError() {
	// The Timestamps option claims 10 bytes where 4 are left.
	bad := append([]byte(nil), exampleSYN[:28]...)
	bad[12] = 7 << 4 // data offset 7 words: 28 bytes
	copy(bad[20:], []byte{2, 4, 5, 0xb4, 8, 10, 0, 0})

	var h header.Header
	err := h.Decode(bad)
	var e *header.Error
	if errors.As(err, &e) {
		fmt.Println(errors.Is(err, header.ErrOptionOverflow), e.Offset, e.Option)
	}
	fmt.Println(err)
	// Output:
	// true 24 TS
	// tcp header: option runs past the option area: option TS (kind 8) length 10 at byte 24
}
