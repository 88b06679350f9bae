package main

import (
	"strconv"

	"github.com/tcpwire/tcpwire/header"
)

// goLiteral returns Go source that builds h with the header package: a
// header.Header literal, then the option area set from its bytes.
func goLiteral(h *header.Header) string {
	b := []byte("h := header.Header{\n")
	field := func(name, value string) {
		b = append(b, '\t')
		b = append(b, name...)
		b = append(b, ": "...)
		b = append(b, value...)
		b = append(b, ",\n"...)
	}
	u := func(v uint64) string { return strconv.FormatUint(v, 10) }
	field("SrcPort", u(uint64(h.SrcPort)))
	field("DstPort", u(uint64(h.DstPort)))
	field("Seq", u(uint64(h.Seq)))
	if h.Ack != 0 {
		field("Ack", u(uint64(h.Ack)))
	}
	if h.Flags != 0 {
		field("Flags", h.Flags.GoString())
	}
	field("Window", u(uint64(h.Window)))
	field("Checksum", "0x"+strconv.FormatUint(uint64(h.Checksum), 16))
	if h.Urgent != 0 {
		field("Urgent", u(uint64(h.Urgent)))
	}
	if len(h.Payload) > 0 {
		field("Payload", "[]byte("+strconv.Quote(string(h.Payload))+")")
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
			b = append(b, "0x"...)
			b = append(b, hexDigits[c>>4], hexDigits[c&0xf])
		}
		b = append(b, "}); err != nil {\n\treturn err\n}\n"...)
	}
	return string(b)
}
