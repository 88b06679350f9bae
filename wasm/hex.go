package main

import (
	"encoding/hex"
	"errors"
	"strconv"

	"github.com/tcpwire/tcpwire/capture/frame"
)

func hexString(b []byte) string { return string(hex.AppendEncode(nil, b)) }

// parseHex reads hex bytes in any form frame.ParseHex reads, with an error
// message for the page (without the package prefix).
func parseHex(s string) ([]byte, error) {
	b, err := frame.ParseHex(nil, []byte(s))
	var he *frame.HexError
	if errors.As(err, &he) {
		return nil, errors.New(strconv.Quote(he.Token) + " is not hex bytes (line " + strconv.Itoa(he.Line) + ", column " + strconv.Itoa(he.Column) + ")")
	}
	return b, err
}
