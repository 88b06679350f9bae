package handshake

import (
	"github.com/tcpwire/tcpwire/header"
)

// checkFlags applies the rules on the flags, acknowledgment and urgent
// fields and the ECN negotiation (RFC 3168 §6.1.1, RFC 9768 §3.1.1).
func (c *conn) checkFlags(x Side, h *header.Header, tos uint8, e *emitter) {
	X, Y := &c.ep[x], &c.ep[x.Peer()]
	syn, rst, ack := has(h, header.SYN), has(h, header.RST), has(h, header.ACK)
	if !ack && h.Ack != 0 && (syn || rst) {
		e.add(Warning, CodeAckNonzero, ruleHeader, FieldAck, seqs(h.Ack), "0",
			"the acknowledgment number is not zero while ACK is not set", seqFix(FieldAck, 0))
	}
	if !has(h, header.URG) && h.Urgent != 0 {
		e.add(Note, CodeUrgentNonzero, ruleUrgent, FieldUrgent, u32(uint32(h.Urgent)), "0",
			"the urgent pointer is not zero while URG is not set", setFix(FieldUrgent, 0, "0"))
	}
	if h.Flags&header.Reserved != 0 {
		e.add(Warning, CodeReservedNonzero, ruleReservedBits, FieldFlags, h.Flags.String(), (h.Flags &^ header.Reserved).String(),
			"reserved bits must be sent as zero", flagsFix(h.Flags&^header.Reserved))
	}
	bits := h.Flags & ecnBits
	switch {
	case syn && !ack:
	case syn:
		if !Y.synSent || c.midstream {
			return
		}
		mode, ok := ecnAnswer(Y.offer.ecn, bits)
		if !ok {
			want := h.Flags &^ ecnBits
			rule := ruleECN
			if Y.offer.ecn == ECNClassic {
				want |= header.ECE
			}
			if Y.offer.ecn == ECNAccurate {
				rule = ruleAccECN
			}
			e.add(Error, CodeECNUnsolicited, rule, FieldFlags, h.Flags.String(), want.String(),
				"the SYN,ACK's ECN bits do not answer the SYN's ("+Y.offer.ecn.String()+" asked)", flagsFix(want))
		}
		c.ecn, c.ecnKnown = mode, true
		X.offer.ecn = mode
	case !c.ecnKnown:
	case c.ecn == ECNOff && bits != 0, c.ecn == ECNClassic && bits&header.AE != 0:
		allowed := header.Flags(0)
		if c.ecn == ECNClassic {
			allowed = header.ECE | header.CWR
		}
		want := h.Flags &^ (ecnBits &^ allowed)
		e.add(Warning, CodeECNNotNegotiated, ruleECN, FieldFlags, h.Flags.String(), want.String(),
			"ECN feedback bits on a connection that did not negotiate them", flagsFix(want))
	}
	if !syn && c.ecnKnown && c.ecn == ECNOff && tos&3 != 0 {
		e.add(Warning, CodeECTNotNegotiated, ruleECN, FieldTOS, u32(uint32(tos&3)), "0",
			"the IP header marks the packet ECN-capable on a connection without ECN", setFix(FieldTOS, uint32(tos&^3), u32(uint32(tos&^3))))
	}
}

// ecnAnswer tells the ECN mode a SYN,ACK with the ECN bits answer sets when
// the SYN asked for asked, and whether the answer is one the SYN allows.
func ecnAnswer(asked ECN, answer header.Flags) (ECN, bool) {
	switch asked {
	case ECNOff:
		return ECNOff, answer == 0
	case ECNClassic:
		switch answer {
		case 0:
			return ECNOff, true
		case header.ECE:
			return ECNClassic, true
		}
		return ECNOff, false
	}
	// RFC 9768 §3.1.1 Table 2: the SYN,ACK's AE, CWR, ECE.
	switch answer {
	case 0:
		return ECNOff, true
	case header.ECE, header.AE | header.ECE:
		return ECNClassic, true
	}
	return ECNAccurate, true
}

// checkOptions applies the rules on options: the SYN-only options, Window
// Scale's shift, and what the SYNs negotiated (RFC 9293 §3.7.1; RFC 7323
// §2.2, §2.3, §3.2; RFC 2018 §2, §3).
func (c *conn) checkOptions(x Side, h *header.Header, e *emitter) {
	X, Y := &c.ep[x], &c.ep[x.Peer()]
	o := &h.Options
	if c.blind {
		return
	}
	syn, ack, rst := has(h, header.SYN), has(h, header.ACK), has(h, header.RST)
	if sh, ok := o.WindowScale(); ok && sh > 14 {
		e.add(Warning, CodeWScaleExceeds14, ruleWScaleShift, FieldOptions, "wscale "+u32(uint32(sh)), "wscale 14",
			"a window scale shift above 14 is used as 14", optionsFix(h, header.KindEnd, true, nil, "set the window scale shift to 14"))
	}
	if syn {
		if _, ok := o.MSS(); !ok && !rst {
			mss := uint16(1460)
			e.add(Note, CodeMSSAbsent, ruleMSS, FieldOptions, "no mss", "mss",
				"the SYN has no MSS option: the peer assumes 536 (IPv4) or 1220 (IPv6)",
				optionsFix(h, header.KindEnd, false, func(o *header.Options) error { return o.AddMSS(mss) }, "add mss 1460"))
		}
		if ack && Y.synSent && !c.midstream {
			if _, ok := o.WindowScale(); ok && !Y.offer.wscale {
				e.add(Error, CodeWScaleUnsolicited, ruleWScale, FieldOptions, "wscale", "no wscale",
					"Window Scale in a SYN,ACK answering a SYN without it", optionsFix(h, header.KindWindowScale, false, nil, "remove wscale"))
			}
			if _, ok := o.Timestamps(); ok && !Y.offer.ts {
				e.add(Error, CodeTSUnsolicited, ruleTS, FieldOptions, "TS", "no TS",
					"Timestamps in a SYN,ACK answering a SYN without them", optionsFix(h, header.KindTimestamps, false, nil, "remove TS"))
			}
		}
		return
	}
	if _, ok := o.MSS(); ok {
		e.add(Warning, CodeMSSPresent, ruleMSS, FieldOptions, "mss", "no mss",
			"MSS belongs on SYN segments only", optionsFix(h, header.KindMSS, false, nil, "remove mss"))
	}
	if _, ok := o.WindowScale(); ok {
		e.add(Warning, CodeWScalePresent, ruleWScale, FieldOptions, "wscale", "no wscale",
			"Window Scale belongs on SYN segments only and is ignored here", optionsFix(h, header.KindWindowScale, false, nil, "remove wscale"))
	}
	if o.SACKPermitted() {
		e.add(Warning, CodeSACKPermPresent, ruleSACKPerm, FieldOptions, "sackOK", "no sackOK",
			"SACK-Permitted belongs on SYN segments only", optionsFix(h, header.KindSACKPermitted, false, nil, "remove sackOK"))
	}
	if !c.negotiated {
		return
	}
	if _, ok := o.Find(header.KindSACK); ok && !c.sack {
		e.add(Error, CodeSACKNotPermitted, ruleSACKPerm, FieldOptions, "sack", "no sack",
			"SACK blocks on a connection whose SYNs did not both carry SACK-Permitted", optionsFix(h, header.KindSACK, false, nil, "remove sack"))
	}
	_, hasTS := o.Timestamps()
	switch {
	case hasTS && !c.ts:
		e.add(Warning, CodeTSNotNegotiated, ruleTS, FieldOptions, "TS", "no TS",
			"Timestamps on a connection whose SYNs did not both carry them: the receiver ignores them",
			optionsFix(h, header.KindTimestamps, false, nil, "remove TS"))
	case !hasTS && c.ts && !rst:
		val := X.tsVal + 1
		echo := Y.tsVal
		e.add(Error, CodeTSMissing, ruleTS, FieldOptions, "no TS", "TS",
			"Timestamps were negotiated, so every segment but RST carries them; the receiver drops this one",
			optionsFix(h, header.KindEnd, false, func(o *header.Options) error {
				if err := o.AddNOP(); err != nil {
					return err
				}
				if err := o.AddNOP(); err != nil {
					return err
				}
				return o.AddTimestamps(header.Timestamps{Value: val, Echo: echo})
			}, "add TS val "+u32(val)+" ecr "+u32(echo)))
	}
}
