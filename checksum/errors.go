package checksum

import (
	"errors"
	"strconv"
)

// The errors the package returns. None of them allocates: address and
// length errors are these values, and a short segment is reported as a
// [*ShortError] that wraps ErrShort.
var (
	// ErrAddress: the source and destination are not both valid IPv4 or
	// both valid IPv6 addresses (netip.Addr.Is4 and Is6; an IPv4-mapped
	// IPv6 address is IPv6).
	ErrAddress = errors.New("checksum: addresses are not both IPv4 or both IPv6")
	// ErrLength: the upper-layer length does not fit the pseudo-header's
	// length field: 16 bits for IPv4 (RFC 9293 §3.1), 32 bits for IPv6
	// (RFC 8200 §8.1).
	ErrLength = errors.New("checksum: length exceeds the pseudo-header's length field")
	// ErrShort: the segment is shorter than the 20-byte fixed TCP header.
	ErrShort = errors.New("checksum: segment shorter than the 20-byte TCP header")
)

// headerLen is the length of the fixed TCP header (RFC 9293 §3.1).
const headerLen = 20

// ShortError reports a TCP segment too short to hold the 20-byte fixed
// header, and so its checksum field at bytes 16–17. errors.Is(err, ErrShort)
// matches it.
//
// The values returned are shared: do not modify them.
type ShortError struct {
	// Len is the segment's length: the byte offset where it ended.
	Len int
}

// shortErrors holds one ShortError per possible short length, so that
// returning one does not allocate.
var shortErrors = func() (e [headerLen]ShortError) {
	for i := range e {
		e[i].Len = i
	}
	return e
}()

// Error says how long the segment was and how long it had to be.
func (e *ShortError) Error() string {
	b := []byte("checksum: TCP segment ends at byte ")
	b = strconv.AppendInt(b, int64(e.Len), 10)
	b = append(b, ", inside the 20-byte fixed header"...)
	return string(b)
}

// Unwrap returns ErrShort.
func (e *ShortError) Unwrap() error { return ErrShort }
