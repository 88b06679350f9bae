package main

import (
	"encoding/json"
	"testing"
)

// FuzzUpdate applies arbitrary ops to arbitrary states: the engine must
// answer every call with a JSON view whose state parses back, and never
// panic, which would stop the module and the page with it.
func FuzzUpdate(f *testing.F) {
	f.Add("", "scenario", -1, "open")
	f.Add("a=192.0.2.1&b=192.0.2.2&s=aa9c400050000003e8000000006002faf078b90000020405b4", "field", 0, "data_offset=15")
	f.Add("a=192.0.2.1&b=192.0.2.2&s=aa9c400050000003e8000000006002faf078b90000020405b4", "optadd", 0, "sack")
	f.Add("a=2001:db8::1&b=2001:db8::2&s=bf0000", "payload", 0, "hex:ff")
	f.Add("sc=close&s=aa00&s=ba00", "carry", 1, "")
	f.Add("a=192.0.2.1&b=192.0.2.2&s=aa9c400050000003e80000000060", "optset", 0, "0=1")
	f.Fuzz(func(t *testing.T, state, op string, step int, arg string) {
		var v struct {
			State string            `json:"state"`
			Steps []json.RawMessage `json:"steps"`
		}
		if err := json.Unmarshal(Update(state, op, step, arg), &v); err != nil {
			t.Fatalf("view is not JSON: %v", err)
		}
		if _, err := ParseState(v.State); err != nil {
			t.Fatalf("the view's state %q does not parse: %v", v.State, err)
		}
		if len(v.Steps) > MaxSteps {
			t.Fatalf("%d steps", len(v.Steps))
		}
	})
}

// FuzzImport feeds arbitrary bytes to the capture reader and the hex
// importer.
func FuzzImport(f *testing.F) {
	f.Add([]byte("\xd4\xc3\xb2\xa1\x02\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04\x00\x65\x00\x00\x00"))
	f.Add([]byte("\x0a\x0d\x0d\x0a\x1c\x00\x00\x00\x4d\x3c\x2b\x1a\x01\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff\x1c\x00\x00\x00"))
	f.Add([]byte("4500002c000040004006 0000 c0000201 c0000202 9c400050000003e8000000006002faf078b90000020405b4"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, out := range [][]byte{ImportCapture(b), ImportHex(string(b))} {
			var v struct{ State string }
			if err := json.Unmarshal(out, &v); err != nil {
				t.Fatalf("view is not JSON: %v", err)
			}
		}
	})
}
