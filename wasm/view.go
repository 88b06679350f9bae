package main

import (
	"errors"
	"unicode/utf8"

	"github.com/tcpwire/tcpwire/checksum"
	"github.com/tcpwire/tcpwire/header"
)

// view writes the JSON the page draws st from; msg, if not empty, is an
// error to show beside the control that caused it.
func view(st *State, msg string) []byte {
	st.fill()
	w := &jsonWriter{b: make([]byte, 0, 4096)}
	w.obj()
	if msg != "" {
		w.kstr("error", msg)
	}
	w.key("state")
	w.bytesStr(st.AppendText(nil))
	w.kstr("a", st.A.String())
	w.kstr("b", st.B.String())
	w.kstr("scenario", st.Scenario)
	w.kint("sel", st.Sel)
	writeConfig(w, &st.Config)
	w.kbool("follows", st.follows() != nil)
	verdicts := st.check()
	w.key("steps")
	w.arr()
	for i := range st.Steps {
		writeStep(w, st, i, &verdicts[i])
	}
	w.endArr()
	w.endObj()
	return w.b
}

func writeConfig(w *jsonWriter, c *Config) {
	w.key("config")
	w.arr()
	for side := range 2 {
		w.obj()
		w.kuint("port", uint64(c.Port[side]))
		w.kuint("isn", uint64(c.ISN[side]))
		w.kuint("win", uint64(c.Window[side]))
		w.kuint("mss", uint64(c.MSS[side]))
		w.kint("ws", int(c.WScale[side]))
		w.kbool("sack", c.SACK[side])
		w.kbool("ts", c.TS[side])
		w.endObj()
	}
	w.endArr()
}

func writeStep(w *jsonWriter, st *State, i int, v *verdict) {
	s := &st.Steps[i]
	w.obj()
	if s.FromB {
		w.kstr("dir", "b")
	} else {
		w.kstr("dir", "a")
	}
	w.kstr("hex", hexString(s.Seg))
	w.kint("len", len(s.Seg))
	w.kuint("tos", uint64(s.TOS))

	var h header.Header
	err := h.Decode(s.Seg)
	var herr *header.Error
	errors.As(err, &herr)
	decoded := err == nil || herr != nil && herr.Warning()
	if err != nil {
		w.key("decodeError")
		w.obj()
		w.kstr("msg", err.Error())
		if herr != nil {
			w.kint("offset", herr.Offset)
			w.kbool("warning", herr.Warning())
		}
		w.endObj()
	}
	if !decoded && len(s.Seg) >= header.MinLen {
		// The fixed header holds the flags even when the options are bad.
		w.kstr("flags", header.Flags(uint16(s.Seg[12]&0x0f)<<8|uint16(s.Seg[13])).String())
	}
	if decoded {
		w.kstr("label", h.String())
		w.kstr("flags", h.Flags.String())
		w.kint("headerLen", h.HeaderLen())
		w.kstr("go", goLiteral(&h))
	}

	if len(s.Seg) >= header.MinLen {
		w.key("fields")
		w.arr()
		for _, f := range fields {
			w.obj()
			w.kstr("id", f.id)
			w.kstr("label", f.label)
			w.kint("bit", f.bit)
			w.kint("bits", f.bits)
			w.kuint("value", f.get(s.Seg))
			w.endObj()
		}
		w.endArr()
	}
	if decoded {
		writeOptions(w, &h)
		w.kint("payloadOffset", h.HeaderLen())
		w.kint("payloadLen", len(h.Payload))
		w.kstr("payloadHex", hexString(h.Payload))
		if utf8.Valid(h.Payload) {
			w.kstr("payloadText", string(h.Payload))
		}
	}
	writeChecksum(w, st, s, v.status)
	writeVerdict(w, v)
	w.endObj()
}

func writeOptions(w *jsonWriter, h *header.Header) {
	w.kint("optionsLen", h.Options.Len())
	w.kint("optionsMax", header.MaxOptionsLen)
	w.key("options")
	w.arr()
	n := 0
	for range h.Options.All() {
		n++
	}
	i := 0
	for o := range h.Options.All() {
		i++
		w.obj()
		if i == n && o.Kind == header.KindEnd {
			w.kbool("padding", true)
		}
		w.kuint("kind", uint64(o.Kind))
		w.kstr("name", o.Kind.String())
		w.kint("offset", o.Offset)
		w.kint("len", o.Len())
		w.kstr("text", o.String())
		w.kstr("value", optionValue(o))
		w.endObj()
	}
	w.endArr()
	if pad := h.Options.Padding(); len(pad) > 0 {
		w.kint("paddingLen", len(pad))
	}
}

func writeChecksum(w *jsonWriter, st *State, s *Step, status checksum.Status) {
	w.key("checksum")
	w.obj()
	w.kstr("mode", s.Mode.String())
	src, dst := st.src(s), st.dst(s)
	if len(s.Seg) >= header.MinLen {
		w.kuint("value", uint64(fields[16].get(s.Seg)))
		if want, err := checksum.TCP(src, dst, s.Seg); err == nil {
			w.kuint("correct", uint64(want))
		}
		w.kstr("status", status.String())
	}
	ph := pseudoHeader(src, dst, len(s.Seg))
	w.kstr("pseudoHeader", hexString(ph))
	if sum, err := checksum.PseudoHeader(src, dst, checksum.ProtocolTCP, uint32(len(s.Seg))); err == nil {
		w.kuint("pseudoSum", uint64(sum))
	}
	w.endObj()
}
