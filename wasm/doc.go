// Command wasm is the engine of the tcpwire playground: a GOOS=js
// GOARCH=wasm program that runs the header codec, the checksum and the
// connection checker in the browser, behind a small, coarse API.
//
// # API
//
// On start it sets globalThis.tcpwire to an object with these functions and
// calls globalThis.tcpwireReady() if the page defined it. Each edit in the
// page is one call; every call returns a JSON string (an object with an
// "error" member on failure) so nothing else crosses the boundary.
//
//	function                        returns
//	update(state, op, step, arg)    the view of state after applying op (see Update)
//	scenarios()                     the scenarios of the handshake package's catalogue
//	importHex(text)                 the view of a state holding the packets of a hex dump
//	importCapture(bytes)            the view of a state holding a pcap/pcapng's TCP segments
//	exportPcap(state)               a Uint8Array: the steps as a pcap file (an Error on failure)
//
// The state is a short text, the same one the page keeps in its URL
// fragment, so that a link reproduces what it shows (see State). The view
// holds everything the page draws: each step's bytes, fields with their bit
// ranges, options with their byte ranges, tcpdump line, checksum with the
// pseudo-header, the checker's verdict and findings with their fixes, both
// endpoints' states and TCB variables after the step, and a Go literal of
// the header.
//
// Nothing here decides whether a segment is right: the header package
// decodes and encodes, the checksum package computes and classifies, and
// the handshake package builds the scenarios and checks every step (a
// state that still has its scenario's steps is rechecked by the scenario,
// which knows which segments cross in flight; any other goes through the
// checker as a capture would).
//
// # How the module reaches the browser
//
// The module is not committed. "tcpwire serve" and "tcpwire site" build it
// from this directory with the Go toolchain that runs them
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags=-s -w
//
// into the user cache directory, and take wasm_exec.js from the same
// toolchain's GOROOT, so the two always match and a fresh clone needs no
// build step and no network. Go's build cache makes every start after the
// first take about a second.
//
// The module avoids encoding/json, fmt and net/http (its JSON is written by
// hand), and reads the framing of capture files without gopacket (see
// pcap.go; the frames inside are decoded by capture/frame), to stay under its size budget of 1 MB gzip-compressed, which
// cmd/tcpwire's TestWasmModuleWithinBudget checks.
package main
