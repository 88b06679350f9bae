package main

import (
	"net/netip"
	"strconv"
)

// appendLine appends s as one tcpdump-style line, after its frame number:
// "3 IP 127.0.0.1.42094 > 127.0.0.1.8080: Flags [S], seq 1, win 65495, length 0".
func (s *segment) appendLine(b []byte) []byte {
	b = strconv.AppendInt(b, int64(s.frame), 10)
	b = append(b, ' ')
	b = s.appendEndpoints(b)
	b = s.h.AppendSummary(b)
	return append(b, '\n')
}

// appendEndpoints appends "IP src.port > dst.port: " as tcpdump does, or
// "port > port: " for bare TCP bytes.
func (s *segment) appendEndpoints(b []byte) []byte {
	if s.src.IsValid() {
		if s.src.Is4() {
			b = append(b, "IP "...)
		} else {
			b = append(b, "IP6 "...)
		}
		b = appendAddrPort(b, s.src, s.h.SrcPort)
		b = append(b, " > "...)
		b = appendAddrPort(b, s.dst, s.h.DstPort)
	} else {
		b = strconv.AppendUint(b, uint64(s.h.SrcPort), 10)
		b = append(b, " > "...)
		b = strconv.AppendUint(b, uint64(s.h.DstPort), 10)
	}
	return append(b, ": "...)
}

func appendAddrPort(b []byte, a netip.Addr, port uint16) []byte {
	b = a.AppendTo(b)
	b = append(b, '.')
	return strconv.AppendUint(b, uint64(port), 10)
}

// appendVerbose appends the line of appendLine and then every field of the
// header, one per line, after the byte offset where it starts.
func (s *segment) appendVerbose(b []byte) []byte {
	h := &s.h
	b = s.appendLine(b)
	b = strconv.AppendUint(appendField(b, 0, "source port"), uint64(h.SrcPort), 10)
	b = strconv.AppendUint(appendField(b, 2, "destination port"), uint64(h.DstPort), 10)
	b = strconv.AppendUint(appendField(b, 4, "sequence number"), uint64(h.Seq), 10)
	b = strconv.AppendUint(appendField(b, 8, "ack number"), uint64(h.Ack), 10)
	b = strconv.AppendUint(appendField(b, 12, "data offset"), uint64(h.DataOffset), 10)
	b = append(b, " words ("...)
	b = strconv.AppendInt(b, int64(s.headerLen()), 10)
	b = append(b, " bytes)"...)
	b = appendField(b, 12, "flags")
	b = append(b, "0x"...)
	b = append(b, hexDigits[h.Flags>>8&0xf], hexDigits[h.Flags>>4&0xf], hexDigits[h.Flags&0xf], ' ')
	b, _ = h.Flags.AppendText(b)
	if long := h.Flags.Long(); long != "" {
		b = append(b, " ("...)
		b = append(b, long...)
		b = append(b, ')')
	}
	b = strconv.AppendUint(appendField(b, 14, "window"), uint64(h.Window), 10)
	b = append(appendField(b, 16, "checksum"), "0x"...)
	b = append(b, hexDigits[h.Checksum>>12], hexDigits[h.Checksum>>8&0xf], hexDigits[h.Checksum>>4&0xf], hexDigits[h.Checksum&0xf])
	b = append(b, " ("...)
	b = append(b, s.status.String()...)
	b = append(b, ')')
	b = strconv.AppendUint(appendField(b, 18, "urgent pointer"), uint64(h.Urgent), 10)
	for o := range h.Options.All() {
		b, _ = o.AppendText(appendField(b, o.Offset, "option"))
	}
	if pad := h.Options.Padding(); len(pad) > 0 {
		b = strconv.AppendInt(appendField(b, s.headerLen()-len(pad), "padding"), int64(len(pad)), 10)
		b = append(b, " bytes"...)
	}
	b = strconv.AppendInt(appendField(b, s.headerLen(), "payload"), int64(s.payloadLen()), 10)
	b = append(b, " bytes"...)
	if captured := len(h.Payload); captured < s.payloadLen() {
		b = append(b, " ("...)
		b = strconv.AppendInt(b, int64(captured), 10)
		b = append(b, " captured)"...)
	}
	return append(b, '\n')
}

// appendField ends the line before it and starts the line of a field:
// its byte offset and its name, aligned.
func appendField(b []byte, offset int, name string) []byte {
	if len(b) > 0 && b[len(b)-1] != '\n' {
		b = append(b, '\n')
	}
	b = append(b, "    "...)
	if offset < 10 {
		b = append(b, ' ')
	}
	b = strconv.AppendInt(b, int64(offset), 10)
	b = append(b, "  "...)
	b = append(b, name...)
	for i := len(name); i < 18; i++ {
		b = append(b, ' ')
	}
	return b
}

const hexDigits = "0123456789abcdef"
