// Package gvisorpeer compares tcpwire's header decoder with gVisor's
// header.TCP, TCPValid, ParseSynOptions and ParseTCPOptions: they may differ
// only as fuzz/DISAGREEMENTS.md lists. It is a package of its own so that
// the fuzzing binary of its target links, and instruments for coverage,
// gVisor and nothing it does not need.
package gvisorpeer
