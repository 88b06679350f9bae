package main

import (
	"strconv"
	"unicode/utf8"
)

// jsonWriter writes JSON by hand, without reflection, for a small module.
// Values written after a key or inside an array are separated by commas
// automatically. Its methods are not inlined: they are called from
// hundreds of places, and inlining them all costs the module more bytes
// than the calls cost time.
type jsonWriter struct {
	b     []byte
	comma bool
}

//go:noinline
func (w *jsonWriter) sep() {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.comma = true
}

//go:noinline
func (w *jsonWriter) open(c byte) {
	w.sep()
	w.b = append(w.b, c)
	w.comma = false
}

//go:noinline
func (w *jsonWriter) close(c byte) {
	w.b = append(w.b, c)
	w.comma = true
}

//go:noinline
func (w *jsonWriter) obj() { w.open('{') }

//go:noinline
func (w *jsonWriter) endObj() { w.close('}') }

//go:noinline
func (w *jsonWriter) arr() { w.open('[') }

//go:noinline
func (w *jsonWriter) endArr() { w.close(']') }

// key writes an object key; the value written next belongs to it.
//
//go:noinline
func (w *jsonWriter) key(k string) {
	w.sep()
	w.b = appendJSONString(w.b, k)
	w.b = append(w.b, ':')
	w.comma = false
}

//go:noinline
func (w *jsonWriter) str(s string) {
	w.sep()
	w.b = appendJSONString(w.b, s)
}

//go:noinline
func (w *jsonWriter) bytesStr(s []byte) {
	w.sep()
	w.b = appendJSONString(w.b, string(s))
}

//go:noinline
func (w *jsonWriter) uint(v uint64) {
	w.sep()
	w.b = strconv.AppendUint(w.b, v, 10)
}

//go:noinline
func (w *jsonWriter) int(v int) {
	w.sep()
	w.b = strconv.AppendInt(w.b, int64(v), 10)
}

//go:noinline
func (w *jsonWriter) bool(v bool) {
	w.sep()
	w.b = strconv.AppendBool(w.b, v)
}

// Shorthands for a key and its value.

//go:noinline
func (w *jsonWriter) kstr(k, v string) { w.key(k); w.str(v) }

//go:noinline
func (w *jsonWriter) kuint(k string, v uint64) { w.key(k); w.uint(v) }

//go:noinline
func (w *jsonWriter) kint(k string, v int) { w.key(k); w.int(v) }

//go:noinline
func (w *jsonWriter) kbool(k string, v bool) { w.key(k); w.bool(v) }

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string; invalid UTF-8 becomes U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x7f:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\ufffd`...)
		} else if r == '\u2028' || r == '\u2029' {
			b = append(b, `\u202`...)
			b = append(b, hexDigits[r&0xf])
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
