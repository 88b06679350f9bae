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
//	update(state, op, step, arg)    the view of state after applying op (see Ops)
//	importHex(text)                 the view of a state holding the segments in text
//	importCapture(bytes)            the view of a state holding a pcap/pcapng's TCP segments
//	exportPcap(state)               a Uint8Array: the steps as a pcap file
//
// The state is a short text, the same one the page keeps in its URL
// fragment, so that a link reproduces what it shows (see State). The view
// holds everything the page draws: each step's bytes, fields with their bit
// ranges, options with their byte ranges, tcpdump line, checksum with the
// pseudo-header, verdict and findings, and a Go literal of the header.
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
// hand) to stay well under its size budget of 1 MB gzip-compressed, which
// size_test.go checks.
package main
