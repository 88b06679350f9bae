package frame

import (
	"bytes"
	"errors"
	"strconv"
)

// ErrHex is the kind of error ParseHex reports; the *HexError says where.
var ErrHex = errors.New("frame: not a hex dump")

// HexError is a token of a hex dump that is not whole bytes of hex digits.
type HexError struct {
	// Line and Column are the 1-based position of the token.
	Line, Column int
	// Token is the offending text.
	Token string
}

// Error names the token and where it is.
func (e *HexError) Error() string {
	return "frame: " + strconv.Quote(e.Token) + " is not hex bytes at line " + strconv.Itoa(e.Line) + ", column " + strconv.Itoa(e.Column)
}

// Unwrap returns ErrHex.
func (e *HexError) Unwrap() error { return ErrHex }

// ParseHex appends the bytes of a hex dump to dst. It reads the forms people
// paste:
//
//   - hex digits in groups of whole bytes, separated by white space, colons,
//     dashes or commas ("45 00 00 3c", "4500003c", "45:00:00:3c"), each group
//     with or without "0x" ("0x45, 0x00");
//   - dump lines that start with an offset: tcpdump -x, -xx and -X
//     ("	0x0000:  4500 003c 1c46 4000  E..<.F@."), Wireshark's Copy as Hex
//     Dump ("0000   45 00 00 3c   E..<") and hexdump -C
//     ("00000000  45 00 00 3c  |E..<|"). The offset is dropped, and so is the
//     printable column: what follows 16 bytes, a gap of two or more spaces
//     after some bytes (but hexdump -C's after the eighth), or the first
//     group that is not hex bytes.
//
// Lines whose first character other than white space is # are comments.
func ParseHex(dst []byte, text []byte) ([]byte, error) {
	for line := 1; len(text) > 0; line++ {
		end := 0
		for end < len(text) && text[end] != '\n' {
			end++
		}
		var err error
		if dst, err = parseHexLine(dst, text[:end], line); err != nil {
			return dst, err
		}
		text = text[min(end+1, len(text)):]
	}
	return dst, nil
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hexValue(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// isHexSeparator reports whether c separates groups of a hex dump.
func isHexSeparator(c byte, dumpLine bool) bool {
	switch c {
	case ' ', '\t', '\r':
		return true
	case ':', '-', ',':
		return !dumpLine
	}
	return false
}

// parseHexLine appends the bytes of one line of a hex dump to dst.
func parseHexLine(dst, l []byte, line int) ([]byte, error) {
	i := 0
	for i < len(l) && isHexSeparator(l[i], true) {
		i++
	}
	if i < len(l) && l[i] == '#' {
		return dst, nil // a comment
	}
	// A dump line starts with an offset of at least 4 hex digits, maybe
	// after "0x", followed by a colon or by white space.
	j := i
	if j+1 < len(l) && l[j] == '0' && (l[j+1]|0x20) == 'x' {
		j += 2
	}
	k := j
	for k < len(l) && isHexDigit(l[k]) {
		k++
	}
	dump := k-j >= 4 && k < len(l) && (l[k] == ':' || l[k] == '\t' ||
		k+1 < len(l) && l[k] == ' ' && isHexSeparator(l[k+1], true))
	if dump {
		i = k + 1
	}
	n := 0   // bytes taken from this line
	gap := 0 // separators before the token
	for i < len(l) {
		if isHexSeparator(l[i], dump) {
			i++
			gap++
			continue
		}
		// On a dump line, a wide gap after some bytes starts the printable
		// column; hexdump -C's two spaces after the eighth byte do not.
		wide := dump && n > 0 && gap >= 2 && !(n == 8 && gap == 2)
		gap = 0
		start := i
		for i < len(l) && !isHexSeparator(l[i], dump) {
			i++
		}
		tok := l[start:i]
		digits := tok
		if len(digits) > 2 && digits[0] == '0' && (digits[1]|0x20) == 'x' {
			digits = digits[2:]
		}
		ok := len(digits)%2 == 0
		for _, c := range digits {
			ok = ok && isHexDigit(c)
		}
		switch {
		case dump && (n >= 16 || wide || !ok && n > 0):
			return dst, nil // the printable column
		case !ok:
			return dst, &HexError{Line: line, Column: start + 1, Token: string(tok)}
		}
		for d := 0; d < len(digits); d += 2 {
			dst = append(dst, hexValue(digits[d])<<4|hexValue(digits[d+1]))
			n++
		}
	}
	return dst, nil
}

// SplitHex splits a hex dump of several packets, which blank lines (or
// lines of white space alone) separate, into the dumps of each, for
// ParseHex. Comment lines belong to the packet around them.
func SplitHex(text []byte) [][]byte {
	var packets [][]byte
	start, blank := 0, true
	for i := 0; i <= len(text); {
		end := i
		for end < len(text) && text[end] != '\n' {
			end++
		}
		if len(bytes.TrimSpace(text[i:end])) == 0 {
			if !blank {
				packets = append(packets, text[start:i])
			}
			blank = true
		} else if blank {
			start, blank = i, false
		}
		i = end + 1
	}
	if !blank {
		packets = append(packets, text[start:])
	}
	return packets
}
