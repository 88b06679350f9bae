// Package roundtrip checks that tcpwire's header codec round-trips: every
// header Decode accepts encodes back to the same bytes, and every header
// built with the Options builder encodes to bytes that decode to the same
// value.
package roundtrip
