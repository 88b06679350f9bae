package main

import (
	"errors"

	"github.com/tcpwire/tcpwire/checksum"
	"github.com/tcpwire/tcpwire/header"
)

// writeFindings writes the verdict of step i and the findings behind it.
func writeFindings(w *jsonWriter, st *State, i int, decodeErr error) {
	s := &st.Steps[i]
	verdict := "ok"
	w.key("findings")
	w.arr()
	if decodeErr != nil {
		var herr *header.Error
		errors.As(decodeErr, &herr)
		sev := "error"
		if herr != nil && herr.Warning() {
			sev = "warning"
		}
		verdict = worse(verdict, sev)
		w.obj()
		w.kstr("severity", sev)
		w.kstr("code", "malformed")
		w.kstr("rule", "RFC 9293 §3.1")
		w.kstr("msg", decodeErr.Error())
		w.endObj()
	}
	if len(s.Seg) >= header.MinLen {
		src, dst := st.src(s), st.dst(s)
		switch checksum.Classify(src, dst, s.Seg, len(s.Seg)) {
		case checksum.Bad:
			want, _ := checksum.TCP(src, dst, s.Seg)
			verdict = worse(verdict, "error")
			w.obj()
			w.kstr("severity", "error")
			w.kstr("code", "checksum_bad")
			w.kstr("rule", "RFC 9293 §3.1")
			w.kstr("field", fieldChecksum)
			w.kuint("seen", uint64(fields[16].get(s.Seg)))
			w.kuint("expected", uint64(want))
			w.kstr("msg", "the checksum does not verify over the pseudo-header, header and payload")
			writeFix(w, "mode", "auto", "compute the checksum")
			w.endObj()
		case checksum.Partial:
			w.obj()
			w.kstr("severity", "note")
			w.kstr("code", "checksum_partial")
			w.kstr("rule", "RFC 9293 §3.1")
			w.kstr("field", fieldChecksum)
			w.kstr("msg", "the field holds the pseudo-header sum only: captured before checksum offload filled it in")
			w.endObj()
		}
	}
	w.endArr()
	w.kstr("verdict", verdict)
}

func writeFix(w *jsonWriter, op, arg, label string) {
	w.key("fix")
	w.obj()
	w.kstr("op", op)
	w.kstr("arg", arg)
	w.kstr("label", label)
	w.endObj()
}

var severityRank = map[string]int{"ok": 0, "note": 0, "warning": 1, "error": 2}

// worse returns the more severe of a verdict and a finding's severity.
func worse(verdict, sev string) string {
	if severityRank[sev] > severityRank[verdict] {
		return sev
	}
	return verdict
}
