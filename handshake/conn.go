package handshake

import (
	"net/netip"

	"github.com/tcpwire/tcpwire/header"
)

// offer is what an endpoint's SYN offered.
type offer struct {
	mss, wscale, sackOK, ts bool
	shift                   uint8
	ecn                     ECN
}

// peer is what the engine knows of one endpoint of a connection.
type peer struct {
	addr  netip.AddrPort
	state State
	tcb   TCB
	// sent: the endpoint has sent a segment; synSent: its SYN was seen and
	// tcb.ISS holds; synAckSent: it sent SYN,ACK; rcvKnown: tcb.RcvNxt
	// holds; passive: it went to SYN-RECEIVED from LISTEN.
	sent, synSent, synAckSent, rcvKnown, passive bool
	offer                                        offer
	// finSent: the endpoint sent FIN at sequence number finSeq.
	finSent bool
	finSeq  header.Seq
	// edge is the right edge of the window the endpoint advertised:
	// the largest ACK + scaled window it has sent (RFC 9293 §3.8.6).
	edge      header.Seq
	edgeKnown bool
	// The last ACK and window sent, for duplicate-ACK detection.
	ackSent bool
	lastAck header.Seq
	lastWin uint16
	// tsVal is the last TSval sent.
	tsVal  uint32
	tsSent bool
	// hole is the most recent gap in what the endpoint sent, for telling
	// out-of-order segments from retransmissions.
	holeStart, holeEnd header.Seq
	hole               bool
	// replyAck is the ACK a closed endpoint's RST gives the SYN it
	// refuses (RFC 9293 §3.10.7.1).
	replyAck header.Seq
	// maxSndWnd is MAX.SND.WND, the largest window the peer offered
	// (RFC 5961 §5.2).
	maxSndWnd uint32
}

// snapshot returns the endpoint's public state.
func (p *peer) snapshot() Snapshot {
	t := p.tcb
	t.RcvWnd = 0
	if p.edgeKnown && p.rcvKnown && p.tcb.RcvNxt.Less(p.edge) {
		t.RcvWnd = uint32(p.edge - p.tcb.RcvNxt)
	}
	return Snapshot{Addr: p.addr, State: p.state, TCB: t}
}

// conn is the engine that follows one connection: both endpoints through
// the RFC 9293 state machine, from the segments one sends and the other
// receives. The checker and the builder share it.
type conn struct {
	id int
	ep [2]peer
	// midstream: the first segment seen was not the opening SYN, so the
	// negotiation is unknown and rules that depend on it are skipped.
	midstream bool
	// negotiated: both SYNs were seen; wscale, sack, ts and ecn hold what
	// they agreed (RFC 7323 §2.2, §3.2; RFC 2018 §2; RFC 3168 §6.1.1).
	negotiated       bool
	wscale, sack, ts bool
	ecn              ECN
	ecnKnown         bool
	// blind: the current segment's options were cut off by the capture;
	// unknownOpts: a SYN's were, so the negotiation is unknown.
	blind, unknownOpts bool
	lastUse            uint64
}

// shift returns the window shift the endpoint x applies to the windows it
// sends in segments without SYN, and whether it is known.
func (c *conn) shift(x Side) (uint8, bool) {
	if !c.negotiated {
		return 0, false
	}
	if !c.wscale {
		return 0, true
	}
	return min(c.ep[x].offer.shift, 14), true
}

// flag helpers
func has(h *header.Header, f header.Flags) bool { return h.Flags&f != 0 }

const ecnBits = header.AE | header.CWR | header.ECE

// seqLen is the sequence space the segment occupies (RFC 9293 §3.4).
func seqLen(h *header.Header, plen uint32) uint32 {
	n := plen
	if has(h, header.SYN) {
		n++
	}
	if has(h, header.FIN) {
		n++
	}
	return n
}

// segment runs a segment from x through the engine: sent, then received.
func (c *conn) segment(x Side, h *header.Header, plen uint32, tos uint8, e *emitter) {
	old, probe := c.send(x, h, plen, tos, e)
	c.deliver(x, h, plen, old, probe, e)
}

// send updates the sender x for segment h and reports what only the
// sender's history tells: whether the segment is old (a retransmission or
// keep-alive) or a zero-window probe.
func (c *conn) send(x Side, h *header.Header, plen uint32, tos uint8, e *emitter) (old, probe bool) {
	X, Y := &c.ep[x], &c.ep[x.Peer()]
	syn, fin, rst, ack := has(h, header.SYN), has(h, header.FIN), has(h, header.RST), has(h, header.ACK)
	c.checkFlags(x, h, tos, e)
	if !syn || !X.synSent || h.Seq == X.tcb.ISS {
		// The options of a SYN that does not belong here do not count.
		c.checkOptions(x, h, e)
	}
	if ts, ok := h.Options.Timestamps(); ok {
		defer func() { X.tsVal, X.tsSent = ts.Value, true }()
	}
	if rst {
		X.sent = true
		X.state = Closed
		return false, false
	}
	if syn {
		old := c.sendSYN(x, h, plen, e)
		if ack {
			c.sentAck(x, h, plen, fin, old, e)
		}
		return old, false
	}
	if !X.sent && !X.synSent {
		// The capture starts after this endpoint's SYN.
		c.midstream = true
		X.tcb.SndUna, X.tcb.SndNxt = h.Seq, h.Seq
		if X.state < Established {
			X.state = Established
		}
		if ack {
			X.tcb.RcvNxt, X.rcvKnown = h.Ack, true
		}
	}
	X.sent = true
	n := seqLen(h, plen)
	end := h.Seq.Add(n)
	switch d := h.Seq.Sub(X.tcb.SndNxt); {
	case X.finSent && n > 0 && X.finSeq.Add(1).Less(end):
		e.add(Error, CodeDataAfterFIN, ruleFIN, FieldSeq, seqs(h.Seq), "before "+seqs(X.finSeq),
			"data or FIN past the FIN this endpoint already sent at "+seqs(X.finSeq), nil)
		return true, false
	case n == 0 && ack && !fin && h.Seq == X.tcb.SndNxt.Add(^uint32(0)):
		e.add(Note, CodeKeepAlive, ruleKeepAlive, FieldSeq, seqs(h.Seq), seqs(X.tcb.SndNxt),
			"keep-alive: a zero-length segment one below SND.NXT", nil)
		old = true
	case n == 0:
	case d > 0 && Y.edgeKnown && !h.Seq.Less(Y.edge):
		e.add(Error, CodeSeqUnacceptable, ruleSeqAccept, FieldSeq, seqs(h.Seq),
			"in ["+seqs(Y.tcb.RcvNxt)+", "+seqs(Y.edge)+")",
			"the segment starts past the receive window, so the receiver drops it and acknowledges", seqFix(FieldSeq, X.tcb.SndNxt))
		return true, false
	case d > 0:
		e.add(Warning, CodePrevNotCaptured, ruleCapture, FieldSeq, seqs(h.Seq), seqs(X.tcb.SndNxt),
			"sequence number beyond SND.NXT: "+u32(uint32(d))+" octets were not seen", seqFix(FieldSeq, X.tcb.SndNxt))
		X.holeStart, X.holeEnd, X.hole = X.tcb.SndNxt, h.Seq, true
		X.tcb.SndNxt = end
	case d == 0:
		// At or past the right edge, or into a zero window the receiver
		// advertised last (RFC 9293 §3.8.6: a sender keeps to the largest
		// edge it was offered, except that a zero window stops it).
		full := Y.edgeKnown && (!h.Seq.Less(Y.edge) || Y.lastWin == 0 && Y.ackSent && !h.Seq.Less(Y.lastAck))
		switch {
		case plen == 1 && !fin && (full || X.tcb.SndWnd == 0 && c.negotiated):
			e.add(Note, CodeZeroWindowProbe, ruleZeroWindow, FieldPayload, "1 octet", "",
				"zero-window probe: one octet sent into a zero window", nil)
			probe = true
		case full && plen > 0:
			e.add(Error, CodeSeqUnacceptable, ruleSeqAccept, FieldSeq, seqs(h.Seq), "below "+seqs(Y.edge),
				"data past the right edge of the window the receiver offered (RCV.WND = 0 here): the receiver drops it", nil)
			return true, false
		}
		X.tcb.SndNxt = end
	case plen <= 1 && !fin && h.Seq == X.tcb.SndNxt.Add(^uint32(0)):
		e.add(Note, CodeKeepAlive, ruleKeepAlive, FieldSeq, seqs(h.Seq), seqs(X.tcb.SndNxt),
			"keep-alive: one octet below SND.NXT", nil)
		old = true
	case X.tcb.SndNxt.Less(end):
		// Resends old data together with new: the new part counts.
		X.tcb.SndNxt = end
	case X.hole && X.holeStart.LessEq(h.Seq) && h.Seq.Less(X.holeEnd):
		e.add(Warning, CodeOutOfOrder, ruleCapture, FieldSeq, seqs(h.Seq), seqs(X.tcb.SndNxt),
			"fills a gap left earlier: sent or captured out of order", nil)
		if h.Seq == X.holeStart {
			X.holeStart = end
		}
		X.hole = X.holeStart.Less(X.holeEnd)
	default:
		e.add(Note, CodeRetransmission, ruleRetransmit, FieldSeq, seqs(h.Seq), seqs(X.tcb.SndNxt),
			"retransmission of data already sent", nil)
		old = true
	}
	if fin && !old {
		X.finSent, X.finSeq = true, h.Seq.Add(plen)
		switch X.state {
		case Established, SynReceived:
			X.state = FinWait1
		case CloseWait:
			if ack && Y.finSent && h.Ack.LessEq(Y.finSeq) {
				// Sent before the peer's FIN arrived: a simultaneous
				// close (RFC 9293 §3.6, Figure 13).
				X.state = Closing
			} else {
				X.state = LastAck
			}
		}
	}
	if ack {
		c.sentAck(x, h, plen, fin, old, e)
	}
	return old, probe
}

// sentAck records the acknowledgment and window x sent.
func (c *conn) sentAck(x Side, h *header.Header, plen uint32, fin, old bool, e *emitter) {
	X, Y := &c.ep[x], &c.ep[x.Peer()]
	// What x acknowledges it has received, whatever the capture missed.
	if X.rcvKnown && X.tcb.RcvNxt.Less(h.Ack) && (!Y.sent || h.Ack.LessEq(Y.tcb.SndNxt)) {
		X.tcb.RcvNxt = h.Ack
	}
	if X.ackSent && plen == 0 && !fin && !old && h.Ack == X.lastAck && h.Window == X.lastWin && h.Window != 0 &&
		Y.sent && h.Ack.Less(Y.tcb.SndNxt) {
		e.add(Note, CodeDupAck, ruleDupAck, FieldAck, seqs(h.Ack), "",
			"duplicate ACK: same acknowledgment and window, no data, while data is outstanding", nil)
	}
	if h.Window == 0 && !has(h, header.SYN) {
		e.add(Warning, CodeZeroWindow, ruleZeroWindow, FieldWindow, "0", "",
			"zero window: the receiver has no buffer space", nil)
	}
	X.ackSent, X.lastAck, X.lastWin = true, h.Ack, h.Window
	if sh, ok := c.shift(x); ok {
		if has(h, header.SYN) {
			sh = 0
		}
		edge := h.Ack.Add(uint32(h.Window) << sh)
		if !X.edgeKnown || X.edge.Less(edge) {
			X.edge, X.edgeKnown = edge, true
		}
	}
}

// sendSYN handles a segment with SYN from x; it reports whether the
// segment is old (a retransmitted SYN or SYN,ACK).
func (c *conn) sendSYN(x Side, h *header.Header, plen uint32, e *emitter) bool {
	X, Y := &c.ep[x], &c.ep[x.Peer()]
	ack := has(h, header.ACK)
	X.sent = true
	switch {
	case X.synSent && h.Seq == X.tcb.ISS:
		if !ack || X.synAckSent {
			e.add(Note, CodeRetransmission, ruleRetransmit, FieldSeq, seqs(h.Seq), "",
				"retransmission of the SYN", nil)
			return true
		}
		// The SYN,ACK of a simultaneous open (RFC 9293 §3.5, Figure 8),
		// possibly sent after the peer's SYN,ACK arrived.
		X.synAckSent = true
		return false
	case X.synSent:
		e.add(Warning, CodeSYNUnexpected, ruleSYN, FieldFlags, h.Flags.String(), (h.Flags &^ header.SYN).String(),
			"a SYN with a new sequence number in a connection under way: the receiver answers with a challenge ACK",
			flagsFix(h.Flags&^header.SYN))
		return true
	}
	switch {
	case !ack && X.state == SynReceived && X.passive:
		// Its SYN crossed the peer's: a simultaneous open.
		X.passive = false
	case !ack:
		X.state = SynSent
	default:
		X.synAckSent = true
		if X.state < SynReceived {
			X.state = SynReceived
		}
		if !X.rcvKnown {
			// The capture starts after the peer's SYN.
			c.midstream = true
			X.tcb.IRS, X.tcb.RcvNxt, X.rcvKnown = h.Ack.Add(^uint32(0)), h.Ack, true
		}
	}
	X.synSent = true
	X.tcb.ISS, X.tcb.SndUna = h.Seq, h.Seq
	X.tcb.SndNxt = h.Seq.Add(seqLen(h, plen))
	X.offer = offerOf(h)
	c.unknownOpts = c.unknownOpts || c.blind
	if Y.synSent && !c.negotiated && !c.midstream && !c.unknownOpts {
		c.negotiate()
	}
	return false
}

// offerOf returns what a SYN offers.
func offerOf(h *header.Header) offer {
	var o offer
	_, o.mss = h.Options.MSS()
	o.shift, o.wscale = h.Options.WindowScale()
	o.sackOK = h.Options.SACKPermitted()
	_, o.ts = h.Options.Timestamps()
	switch h.Flags & ecnBits {
	case ecnBits:
		o.ecn = ECNAccurate
	case header.ECE | header.CWR:
		o.ecn = ECNClassic
	}
	return o
}

// negotiate settles what both SYNs agreed.
func (c *conn) negotiate() {
	a, b := &c.ep[Client].offer, &c.ep[Server].offer
	c.negotiated = true
	c.wscale = a.wscale && b.wscale
	c.sack = a.sackOK && b.sackOK
	c.ts = a.ts && b.ts
}

// deliver updates the receiver of segment h, sent by x, and checks that it
// accepts it.
func (c *conn) deliver(x Side, h *header.Header, plen uint32, old, probe bool, e *emitter) {
	X, Y := &c.ep[x], &c.ep[x.Peer()]
	syn, fin, rst, ack := has(h, header.SYN), has(h, header.FIN), has(h, header.RST), has(h, header.ACK)
	switch {
	case rst:
		c.deliverRST(x, h, e)
		return
	case syn:
		c.deliverSYN(x, h, plen, old, e)
		return
	case !ack:
		e.add(Error, CodeAckMissing, ruleAckBit, FieldFlags, h.Flags.String(), (h.Flags | header.ACK).String(),
			"every segment after the initial SYN carries ACK; the receiver drops this one", flagsFix(h.Flags|header.ACK))
		return
	}
	switch Y.state {
	case SynSent:
		acceptable := Y.tcb.ISS.Less(h.Ack) && h.Ack.LessEq(Y.tcb.SndNxt)
		if !acceptable {
			e.add(Error, CodeAckUnacceptable, ruleSynSent, FieldAck, seqs(h.Ack), "in ("+seqs(Y.tcb.ISS)+", "+seqs(Y.tcb.SndNxt)+"]",
				"ACK in SYN-SENT must satisfy ISS < SEG.ACK ≤ SND.NXT; the receiver answers with RST", seqFix(FieldAck, Y.tcb.SndNxt))
			return
		}
		if !c.midstream {
			// Without SYN the segment is dropped (RFC 9293 §3.10.7.3).
			return
		}
		// The capture missed the peer's SYN,ACK: the endpoint is open.
		Y.state = Established
		Y.tcb.RcvNxt, Y.rcvKnown = h.Seq, true
	case SynReceived:
		if !Y.synSent {
			// The capture missed this endpoint's SYN,ACK, which the
			// segment acknowledges.
			c.midstream = true
			e.add(Warning, CodeAckLostSegment, ruleCapture, FieldAck, seqs(h.Ack), "",
				"acknowledges a SYN,ACK the capture did not show", nil)
			Y.synSent, Y.sent = true, true
			Y.tcb.ISS = h.Ack.Add(^uint32(0))
			Y.tcb.SndUna, Y.tcb.SndNxt = Y.tcb.ISS, h.Ack
		}
		if !(Y.tcb.SndUna.Less(h.Ack) && h.Ack.LessEq(Y.tcb.SndNxt)) {
			e.add(Error, CodeAckUnacceptable, ruleOtherStates, FieldAck, seqs(h.Ack), "in ("+seqs(Y.tcb.SndUna)+", "+seqs(Y.tcb.SndNxt)+"]",
				"ACK in SYN-RECEIVED must satisfy SND.UNA < SEG.ACK ≤ SND.NXT; the receiver answers with RST", seqFix(FieldAck, Y.tcb.SndNxt))
			return
		}
		Y.state = Established
	case Closed, Listen:
		if Y.sent || Y.synSent || X.synSent && !c.midstream {
			// A segment for an endpoint that has closed: it answers with RST.
			return
		}
		// The capture starts mid-connection, and this endpoint has not
		// been seen sending yet.
		c.midstream = true
		Y.state = Established
		Y.tcb.SndUna, Y.tcb.SndNxt = h.Ack, h.Ack
		Y.tcb.RcvNxt, Y.rcvKnown = h.Seq, true
	}
	if Y.tcb.SndNxt.Less(h.Ack) && (Y.sent || Y.synSent) {
		if !c.midstream {
			e.add(Error, CodeAckLostSegment, ruleOtherStates, FieldAck, seqs(h.Ack), "≤ "+seqs(Y.tcb.SndNxt),
				"acknowledges data the peer has not sent (SEG.ACK > SND.NXT): the receiver drops the segment, unless the capture missed it",
				seqFix(FieldAck, Y.tcb.SndNxt))
			// The peer cannot have sent past the largest window it was
			// offered (plus a FIN): an ACK beyond that is not a lost
			// segment's, and the receiver drops it as RFC 9293 §3.10.7.4
			// says, so that the correct ACKs after it stay acceptable.
			if Y.maxSndWnd > 0 && Y.tcb.SndUna.Add(Y.maxSndWnd+1).Less(h.Ack) {
				return
			}
		} else {
			e.add(Warning, CodeAckLostSegment, ruleCapture, FieldAck, seqs(h.Ack), "≤ "+seqs(Y.tcb.SndNxt),
				"acknowledges a segment the capture did not show", nil)
		}
		// Go on as if the capture had missed it, so that one lost segment
		// makes one finding.
		Y.tcb.SndNxt = h.Ack
	}
	if !c.midstream && Y.maxSndWnd > 0 && h.Ack.Less(Y.tcb.SndUna.Add(-Y.maxSndWnd)) {
		e.add(Error, CodeAckUnacceptable, ruleOldAck, FieldAck, seqs(h.Ack), "≥ "+seqs(Y.tcb.SndUna.Add(-Y.maxSndWnd)),
			"acknowledges data older than a window below SND.UNA: the receiver drops it and answers with an ACK", ackFix(X, h.Ack))
		return
	}
	if Y.tcb.SndUna.Less(h.Ack) {
		Y.tcb.SndUna = h.Ack
	}
	if sh, ok := c.shift(x); ok {
		Y.tcb.SndWnd = uint32(h.Window) << sh
	} else {
		Y.tcb.SndWnd = uint32(h.Window)
	}
	Y.maxSndWnd = max(Y.maxSndWnd, Y.tcb.SndWnd)
	if Y.finSent && Y.finSeq.Less(Y.tcb.SndUna) {
		switch Y.state {
		case FinWait1:
			Y.state = FinWait2
		case Closing:
			Y.state = TimeWait
		case LastAck:
			Y.state = Closed
		}
	}
	if old || probe || !Y.rcvKnown || Y.state == Closed || Y.state == TimeWait && !fin {
		return
	}
	// Data and FIN arrive in order (RFC 9293 §3.10.7.4, seventh and eighth
	// checks); what arrives past a gap waits for it.
	end := h.Seq.Add(seqLen(h, plen))
	if h.Seq.LessEq(Y.tcb.RcvNxt) && Y.tcb.RcvNxt.Less(end) {
		Y.tcb.RcvNxt = end
		if fin {
			c.receivedFIN(x.Peer())
		}
	}
}

// receivedFIN moves y on when the peer's FIN arrives in order.
func (c *conn) receivedFIN(y Side) {
	Y := &c.ep[y]
	switch Y.state {
	case SynReceived, Established:
		Y.state = CloseWait
	case FinWait1:
		if Y.finSent && Y.finSeq.Less(Y.tcb.SndUna) {
			Y.state = TimeWait
		} else {
			Y.state = Closing
		}
	case FinWait2:
		Y.state = TimeWait
	}
}

// deliverSYN handles a SYN or SYN,ACK arriving at the peer of x.
func (c *conn) deliverSYN(x Side, h *header.Header, plen uint32, old bool, e *emitter) {
	Y := &c.ep[x.Peer()]
	if !has(h, header.ACK) {
		if old {
			return
		}
		switch Y.state {
		case Listen, SynSent:
			// LISTEN: a passive open; SYN-SENT: a simultaneous open
			// (RFC 9293 §3.10.7.2, §3.10.7.3). Data on the SYN counts as
			// received once acknowledged: a server may drop it (RFC 7413
			// §4.2).
			Y.passive = Y.state == Listen
			Y.state = SynReceived
			Y.tcb.IRS, Y.tcb.RcvNxt, Y.rcvKnown = h.Seq, h.Seq.Add(1), true
			Y.tcb.SndWnd = uint32(h.Window)
			Y.maxSndWnd = Y.tcb.SndWnd
		case Closed:
			Y.replyAck = h.Seq.Add(seqLen(h, plen))
		}
		return
	}
	switch Y.state {
	case SynSent:
		if !(Y.tcb.ISS.Less(h.Ack) && h.Ack.LessEq(Y.tcb.SndNxt)) {
			e.add(Error, CodeAckUnacceptable, ruleSynSent, FieldAck, seqs(h.Ack), "in ("+seqs(Y.tcb.ISS)+", "+seqs(Y.tcb.SndNxt)+"]",
				"the SYN,ACK must acknowledge the SYN: ISS < SEG.ACK ≤ SND.NXT; the receiver answers with RST", seqFix(FieldAck, Y.tcb.SndNxt))
			return
		}
		Y.state = Established
		Y.tcb.IRS, Y.tcb.RcvNxt, Y.rcvKnown = h.Seq, h.Seq.Add(1+plen), true
	case SynReceived:
		if old || !(Y.tcb.SndUna.Less(h.Ack) && h.Ack.LessEq(Y.tcb.SndNxt)) {
			return
		}
		Y.state = Established
	case Closed, Listen:
		if Y.sent {
			return
		}
		// The capture starts after this endpoint's SYN.
		c.midstream = true
		Y.state, Y.synSent = Established, true
		Y.tcb.ISS = h.Ack.Add(^uint32(0))
		Y.tcb.IRS, Y.tcb.RcvNxt, Y.rcvKnown = h.Seq, h.Seq.Add(1+plen), true
		Y.tcb.SndNxt = h.Ack
	default:
		return
	}
	Y.tcb.SndUna = h.Ack
	Y.tcb.SndWnd = uint32(h.Window)
	Y.maxSndWnd = max(Y.maxSndWnd, Y.tcb.SndWnd)
}

// deliverRST handles a RST arriving at the peer of x (RFC 9293
// §3.10.7.3, §3.10.7.4; RFC 5961 §3.2).
func (c *conn) deliverRST(x Side, h *header.Header, e *emitter) {
	Y := &c.ep[x.Peer()]
	switch Y.state {
	case Closed, Listen:
		return
	case SynSent:
		if has(h, header.ACK) && Y.tcb.ISS.Less(h.Ack) && h.Ack.LessEq(Y.tcb.SndNxt) {
			Y.state = Closed
			return
		}
		fix := seqFix(FieldAck, Y.tcb.SndNxt)
		if !has(h, header.ACK) {
			fix = flagsFix(h.Flags | header.ACK)
		}
		e.add(Error, CodeRSTUnacceptable, ruleSynSent, FieldAck, seqs(h.Ack), seqs(Y.tcb.SndNxt),
			"a RST in SYN-SENT counts only with an acceptable ACK; the receiver ignores it", fix)
		return
	}
	if !Y.rcvKnown || h.Seq == Y.tcb.RcvNxt {
		if Y.state == SynReceived && Y.passive {
			// Back to LISTEN (RFC 9293 §3.10.7.4, second check).
			Y.state = Listen
		} else {
			Y.state = Closed
		}
		return
	}
	if !Y.edgeKnown || h.Seq.InWindow(Y.tcb.RcvNxt, uint32(Y.edge-Y.tcb.RcvNxt)) {
		e.add(Warning, CodeRSTChallenge, ruleRST, FieldSeq, seqs(h.Seq), seqs(Y.tcb.RcvNxt),
			"RST in the window but not at RCV.NXT: the receiver sends a challenge ACK and stays open", seqFix(FieldSeq, Y.tcb.RcvNxt))
		return
	}
	e.add(Error, CodeRSTUnacceptable, ruleRST, FieldSeq, seqs(h.Seq), seqs(Y.tcb.RcvNxt),
		"RST outside the receive window: the receiver drops it", seqFix(FieldSeq, Y.tcb.RcvNxt))
}
