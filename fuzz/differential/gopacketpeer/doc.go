// Package gopacketpeer compares tcpwire's header decoder with gopacket's
// layers.TCP (v1.7.7): they may differ only as fuzz/DISAGREEMENTS.md lists.
// It is a package of its own so that the fuzzing binary of its target links,
// and instruments for coverage, gopacket and nothing it does not need.
package gopacketpeer
