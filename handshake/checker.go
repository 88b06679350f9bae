package handshake

import (
	"net/netip"

	"github.com/tcpwire/tcpwire/checksum"
	"github.com/tcpwire/tcpwire/header"
)

// DefaultMaxConns is the number of connections a Checker follows at once
// unless told otherwise.
const DefaultMaxConns = 1 << 16

// Verdict is what the checker says about one segment.
type Verdict struct {
	// Segment is the segment's index in the checker's input, from 0.
	Segment int `json:"segment"`
	// Frame is the segment's frame number, when the input gave one.
	Frame int `json:"frame,omitempty"`
	// Conn numbers the segment's connection from 1; 0 when the segment
	// could not be decoded.
	Conn int `json:"conn"`
	// From is the side that sent the segment.
	From Side `json:"from"`
	// Checksum is the status of the checksum field.
	Checksum checksum.Status `json:"checksum"`
	// Client and Server are both endpoints after the segment.
	Client Snapshot `json:"client"`
	Server Snapshot `json:"server"`
	// Findings lists the rules the segment broke and the notes about it,
	// nil when there are none.
	Findings []Finding `json:"findings,omitempty"`
}

// connKey identifies a connection by its two endpoints, the lower first.
type connKey struct{ a, b netip.AddrPort }

func keyOf(src, dst netip.AddrPort) connKey {
	if src.Compare(dst) > 0 {
		src, dst = dst, src
	}
	return connKey{src, dst}
}

// Checker checks a sequence of segments, connection by connection, against
// RFC 9293 and the rules listed in the package documentation. Feed it the
// segments in capture order with Check. It keeps a fixed amount of state
// per connection, never the segments, and follows at most MaxConns
// connections at once, forgetting the least recently active beyond that.
//
// A Checker is not safe for concurrent use. The zero value is not ready;
// use NewChecker.
type Checker struct {
	// MaxConns bounds the connections followed at once; 0 or less means
	// no bound.
	MaxConns int
	conns    map[connKey]*conn
	// last is the connection of the previous segment, which the next one
	// most often belongs to too.
	last    *conn
	lastKey connKey
	n       int
	nconn   int
	clock   uint64
	h       header.Header
	e       emitter
}

// NewChecker returns a Checker with no connections.
func NewChecker() *Checker {
	return &Checker{MaxConns: DefaultMaxConns, conns: make(map[connKey]*conn)}
}

// Check checks the next segment. It allocates only for the findings it
// returns and, once per connection, for the connection's state.
func (c *Checker) Check(s Segment) Verdict {
	v := Verdict{Segment: c.n, Frame: s.Frame}
	c.n++
	c.e = emitter{index: v.Segment, frame: s.Frame}
	st, ok, blind := inspect(&s, &c.h, &c.e)
	v.Checksum = st
	if !ok {
		v.Findings = c.e.out
		return v
	}
	h := &c.h
	src, dst := netip.AddrPortFrom(s.Src, h.SrcPort), netip.AddrPortFrom(s.Dst, h.DstPort)
	cn := c.lookup(src, dst, h)
	x := Client
	if cn.ep[Server].addr == src {
		x = Server
	}
	c.e.conn, c.e.from = cn.id, x
	for i := range c.e.out {
		c.e.out[i].Conn, c.e.out[i].From = cn.id, x
	}
	cn.blind = blind
	cn.segment(x, h, uint32(s.tcpLen()-int(h.DataOffset)*4), s.TOS, &c.e)
	v.Conn, v.From = cn.id, x
	v.Client, v.Server = cn.ep[Client].snapshot(), cn.ep[Server].snapshot()
	v.Findings = c.e.out
	return v
}

// inspect classifies the checksum of s and decodes its header into h,
// reporting a bad checksum or a malformed header; ok is false when the
// header could not be decoded.
func inspect(s *Segment, h *header.Header, e *emitter) (st checksum.Status, ok, blind bool) {
	st = s.Checksum()
	tcp := s.captured()
	if err := h.Decode(tcp); err != nil {
		he, isH := err.(*header.Error)
		field := FieldHeader
		if isH && he.Option != 0 {
			field = FieldOptions
		}
		switch {
		case isH && he.Warning():
		case len(tcp) < s.tcpLen() && len(tcp) >= header.MinLen:
			// The snap length cut the header: keep the fixed part, and
			// know that the options are not all there.
			var fixed [header.MinLen]byte
			copy(fixed[:], tcp)
			off := fixed[12] >> 4
			fixed[12] = fixed[12]&0x0f | 5<<4
			if h.Decode(fixed[:]) != nil || off < 5 || int(off)*4 > s.tcpLen() {
				e.add(Error, CodeMalformed, ruleHeader, field, err.Error(), "", "the header cannot be decoded: "+err.Error(), nil)
				return st, false, false
			}
			h.DataOffset = off
			return st, true, true
		case len(tcp) < s.tcpLen():
			// Too little was captured to say anything.
			return st, false, false
		default:
			e.add(Error, CodeMalformed, ruleHeader, field, err.Error(), "", "the header cannot be decoded: "+err.Error(), nil)
			return st, false, false
		}
	}
	if st == checksum.Bad {
		var fix *Fix
		want, err := checksum.TCP(s.Src, s.Dst, tcp)
		if err == nil {
			fix = setFix(FieldChecksum, uint32(want), "0x"+hex16(want))
		}
		e.add(Error, CodeChecksumBad, ruleChecksum, FieldChecksum, "0x"+hex16(h.Checksum), "0x"+hex16(want),
			"the checksum does not verify: the receiver drops the segment", fix)
	}
	return st, true, len(tcp) < s.tcpLen() && len(tcp) < int(h.DataOffset)*4
}

func hex16(v uint16) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[v>>12], digits[v>>8&15], digits[v>>4&15], digits[v&15]})
}

// lookup returns the connection of a segment from src to dst, starting a
// new one for a new connection's SYN.
func (c *Checker) lookup(src, dst netip.AddrPort, h *header.Header) *conn {
	c.clock++
	k := keyOf(src, dst)
	cn := c.last
	if cn == nil || k != c.lastKey {
		cn = c.conns[k]
	}
	isSYN := h.Flags&(header.SYN|header.ACK|header.RST) == header.SYN
	if cn != nil && isSYN && cn.reusable(src, h) {
		// A new connection on the same four-tuple (RFC 9293 §3.10.7.4,
		// TIME-WAIT; or after a reset or refusal).
		*cn = conn{id: c.nextID()}
		cn.init(src, dst, h)
	}
	if cn == nil {
		if c.MaxConns > 0 && len(c.conns) >= c.MaxConns {
			c.evict()
		}
		cn = &conn{id: c.nextID()}
		cn.init(src, dst, h)
		c.conns[k] = cn
	}
	cn.lastUse = c.clock
	c.last, c.lastKey = cn, k
	return cn
}

func (c *Checker) nextID() int {
	c.nconn++
	return c.nconn
}

// evict forgets the least recently active connection.
func (c *Checker) evict() {
	var oldest connKey
	var at uint64
	for k, cn := range c.conns {
		if at == 0 || cn.lastUse < at {
			oldest, at = k, cn.lastUse
		}
	}
	delete(c.conns, oldest)
	c.last = nil
}

// init sets up a connection whose first segment goes from src to dst: the
// sender is the client unless the segment is a SYN,ACK, or, mid-connection,
// unless its port is the lower (servers listen on the lower ports).
func (cn *conn) init(src, dst netip.AddrPort, h *header.Header) {
	client := true
	switch {
	case h.Flags&(header.SYN|header.ACK) == header.SYN|header.ACK:
		client = false
	case h.Flags&header.SYN == 0:
		client = src.Port() > dst.Port()
	}
	if !client {
		src, dst = dst, src
	}
	cn.ep[Client].addr, cn.ep[Server].addr = src, dst
	cn.ep[Server].state = Listen
}

// reusable reports whether a SYN from src opens a new connection rather
// than belonging to this one.
func (cn *conn) reusable(src netip.AddrPort, h *header.Header) bool {
	a, b := &cn.ep[Client], &cn.ep[Server]
	done := func(p *peer) bool { return p.state == Closed || p.state == TimeWait || p.state == Listen }
	if done(a) && done(b) {
		return true
	}
	// A SYN with a new ISS from an endpoint whose SYN is known.
	p := a
	if b.addr == src {
		p = b
	}
	return p.synSent && h.Seq != p.tcb.ISS && (p.state == TimeWait || p.state == Closed)
}

// Check checks segments in order with a new Checker and returns a verdict
// for each.
func Check(segments []Segment) []Verdict {
	c := NewChecker()
	out := make([]Verdict, len(segments))
	for i, s := range segments {
		out[i] = c.Check(s)
	}
	return out
}
