package main

import (
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
)

// The module decodes hex itself: encoding/hex's errors format with fmt,
// which would double the module's size.

func hexString(b []byte) string { return string(hex.AppendEncode(nil, b)) }

// parseHex reads hex digits, ignoring white space, colons and a 0x prefix.
func parseHex(s string) ([]byte, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "0x")
	b := make([]byte, 0, len(s)/2)
	var hi byte
	odd := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		var v byte
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':':
			continue
		case '0' <= c && c <= '9':
			v = c - '0'
		case 'a' <= c && c <= 'f':
			v = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			v = c - 'A' + 10
		default:
			r := []rune(s[i:])[0]
			return nil, errors.New("not a hex digit: " + strconv.QuoteRune(r) + " at character " + strconv.Itoa(i))
		}
		if odd {
			b = append(b, hi<<4|v)
		} else {
			hi = v
		}
		odd = !odd
	}
	if odd {
		return nil, errors.New("hex needs an even number of digits")
	}
	return b, nil
}
