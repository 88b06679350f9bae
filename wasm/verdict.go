package main

import (
	"strconv"

	"github.com/tcpwire/tcpwire/handshake"
)

// writeVerdict writes the checker's verdict on a step: the worst severity
// of its findings ("ok" when it has none), the findings, and both endpoints
// after the step.
func writeVerdict(w *jsonWriter, v *verdict) {
	verdict := "ok"
	worst := handshake.Note
	w.key("findings")
	w.arr()
	for k, f := range v.findings {
		if f.Severity > handshake.Note && (verdict == "ok" || f.Severity > worst) {
			worst, verdict = f.Severity, f.Severity.String()
		}
		w.obj()
		w.kstr("severity", f.Severity.String())
		w.kstr("code", string(f.Code))
		w.kstr("rule", f.Rule)
		w.kstr("field", string(f.Field))
		if f.Seen != "" {
			w.kstr("seen", f.Seen)
		}
		if f.Expected != "" {
			w.kstr("expected", f.Expected)
		}
		w.kstr("msg", f.Message)
		if f.Fix != nil {
			w.key("fix")
			w.obj()
			w.kstr("op", "fix")
			w.kstr("arg", strconv.Itoa(k))
			w.kstr("label", f.Fix.Text)
			w.endObj()
		}
		w.endObj()
	}
	w.endArr()
	w.kstr("verdict", verdict)
	w.key("after")
	w.arr()
	for _, snap := range v.after {
		w.obj()
		w.kstr("state", snap.State.String())
		t := &snap.TCB
		w.key("tcb")
		w.obj()
		w.kuint("ISS", uint64(t.ISS))
		w.kuint("IRS", uint64(t.IRS))
		w.kuint("SND.UNA", uint64(t.SndUna))
		w.kuint("SND.NXT", uint64(t.SndNxt))
		w.kuint("SND.WND", uint64(t.SndWnd))
		w.kuint("RCV.NXT", uint64(t.RcvNxt))
		w.kuint("RCV.WND", uint64(t.RcvWnd))
		w.endObj()
		w.endObj()
	}
	w.endArr()
}
