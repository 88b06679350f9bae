package main

import (
	"strconv"

	"github.com/tcpwire/tcpwire/header"
)

// goLiteral returns Go source that builds h with the header package: a
// header.Header literal, then the option area set from its bytes.
func goLiteral(h *header.Header) string {
	b := []byte("h := header.Header{\n")
	b = goField(b, "SrcPort", strconv.FormatUint(uint64(h.SrcPort), 10))
	b = goField(b, "DstPort", strconv.FormatUint(uint64(h.DstPort), 10))
	b = goField(b, "Seq", strconv.FormatUint(uint64(h.Seq), 10))
	if h.Ack != 0 {
		b = goField(b, "Ack", strconv.FormatUint(uint64(h.Ack), 10))
	}
	if h.Flags != 0 {
		b = goField(b, "Flags", h.Flags.GoString())
	}
	b = goField(b, "Window", strconv.FormatUint(uint64(h.Window), 10))
	b = goField(b, "Checksum", "0x"+strconv.FormatUint(uint64(h.Checksum), 16))
	if h.Urgent != 0 {
		b = goField(b, "Urgent", strconv.FormatUint(uint64(h.Urgent), 10))
	}
	if len(h.Payload) > 0 {
		b = goField(b, "Payload", "[]byte("+strconv.Quote(string(h.Payload))+")")
	}
	b = append(b, "}\n"...)
	if opts := h.Options.Bytes(); len(opts) > 0 {
		b = append(b, "// "...)
		b, _ = h.Options.AppendText(b)
		b = append(b, "\nif err := h.Options.SetBytes([]byte{"...)
		for i, c := range opts {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, '0', 'x', hexDigits[c>>4], hexDigits[c&0xf])
		}
		b = append(b, "}); err != nil {\n\treturn err\n}\n"...)
	}
	return string(b)
}

// goField appends one "\tName: value,\n" line of a composite literal.
func goField(b []byte, name, value string) []byte {
	b = append(b, '\t')
	b = append(b, name...)
	b = append(b, ": "...)
	b = append(b, value...)
	return append(b, ",\n"...)
}
