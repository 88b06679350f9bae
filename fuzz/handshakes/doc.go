// Package handshakes fuzzes tcpwire's connection checker and scenario
// builder: segments mutated out of the built scenarios (dropped,
// duplicated, swapped, corrupted, cut short, or raw bytes) never make the
// checker panic and always give the same verdicts, and scenarios built
// from any sound endpoint configuration check clean.
package handshakes
