package main

import (
	"encoding/json"
	"fmt"
)

// Build the three-way handshake and list each step's verdict and tcpdump
// line, as the page's ladder does.
func ExampleUpdate() {
	var v struct {
		Steps []struct{ Verdict, Label string }
	}
	_ = json.Unmarshal(Update("", "scenario", -1, "open"), &v)
	for _, s := range v.Steps {
		fmt.Println(s.Verdict, s.Label)
	}
	// Output:
	// ok 50000 > 80: Flags [S], seq 1000, win 65535, options [mss 1460,sackOK,TS val 100 ecr 0,nop,wscale 7], length 0
	// ok 80 > 50000: Flags [S.], seq 5000, ack 1001, win 65535, options [mss 1460,sackOK,TS val 900 ecr 100,nop,wscale 7], length 0
	// ok 50000 > 80: Flags [.], seq 1001, ack 5001, win 511, options [nop,nop,TS val 101 ecr 900], length 0
}

// Break the acknowledgment of the handshake's last step and read what the
// checker says, then apply its fix.
func ExampleUpdate_fix() {
	type finding struct {
		Code, Rule string
		Fix        *struct{ Op, Arg, Label string }
	}
	var v struct {
		State string
		Steps []struct {
			Verdict  string
			Findings []finding
		}
	}
	_ = json.Unmarshal(Update("", "scenario", -1, "open"), &v)
	_ = json.Unmarshal(Update(v.State, "field", 2, "ack=7000"), &v)
	f := v.Steps[2].Findings[0]
	fmt.Println(v.Steps[2].Verdict, f.Code, f.Rule)
	fmt.Println(f.Fix.Label)

	_ = json.Unmarshal(Update(v.State, f.Fix.Op, 2, f.Fix.Arg), &v)
	fmt.Println(v.Steps[2].Verdict)
	// Output:
	// error ack_unacceptable RFC 9293 §3.10.7.4
	// set ack to 5001
	// ok
}

// A state's text form is what the page keeps in its URL fragment.
func ExampleParseState() {
	st, err := ParseState("a=2001:db8::1&b=2001:db8::2&sel=0&s=aa9c400050000003e8000000005002faf000000000")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.A, "->", st.B, len(st.Steps), "step,", len(st.Steps[0].Seg), "bytes, checksum", st.Steps[0].Mode)

	_, err = ParseState("a=192.0.2.1&s=aq00")
	fmt.Println(err)
	// Output:
	// 2001:db8::1 -> 2001:db8::2 1 step, 20 bytes, checksum auto
	// state part 1 (s): unknown checksum mode "q"
}
