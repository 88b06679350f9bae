package xnetoracle

import (
	"encoding/binary"

	"golang.org/x/net/icmp"
	"golang.org/x/net/ipv4"
	"golang.org/x/net/ipv6"
)

// Addresses used in built packets (RFC 5737 and RFC 3849 documentation
// ranges).
var (
	src4 = [4]byte{192, 0, 2, 1}
	dst4 = [4]byte{198, 51, 100, 2}
	src6 = [16]byte{0x20, 0x01, 0x0d, 0xb8, 15: 1}
	dst6 = [16]byte{0x20, 0x01, 0x0d, 0xb8, 15: 2}
)

// IPv4 returns an IPv4 packet carrying seg as TCP, with optWords 32-bit
// words of IP options (NOPs, at most 10) after the 20-byte header. The
// total length field is set from len(seg), which must fit.
func IPv4(optWords int, seg []byte) []byte {
	optWords = min(optWords, 10)
	hl := 20 + 4*optWords
	p := make([]byte, hl, hl+len(seg))
	p[0] = 0x40 | byte(hl/4)
	binary.BigEndian.PutUint16(p[2:], uint16(hl+len(seg)))
	p[6] = 0x40 // DF
	p[8], p[9] = 64, 6
	copy(p[12:], src4[:])
	copy(p[16:], dst4[:])
	for i := 20; i < hl; i++ {
		p[i] = 1
	}
	return append(p, seg...)
}

// IPv6 returns an IPv6 packet carrying seg as TCP (next header 6).
func IPv6(seg []byte) []byte {
	p := make([]byte, 40, 40+len(seg))
	p[0] = 0x60
	binary.BigEndian.PutUint16(p[4:], uint16(len(seg)))
	p[6], p[7] = 6, 64
	copy(p[8:], src6[:])
	copy(p[24:], dst6[:])
	return append(p, seg...)
}

// ICMPError returns an ICMP (v6 false) or ICMPv6 error message quoting the
// packet pkt: Destination Unreachable, Port Unreachable for kind 0, Time
// Exceeded for 1, and Packet Too Big (ICMPv6) or Parameter Problem for 2.
func ICMPError(v6 bool, kind int, pkt []byte) ([]byte, error) {
	m := icmp.Message{}
	switch {
	case kind%3 == 0 && !v6:
		m.Type, m.Code, m.Body = ipv4.ICMPTypeDestinationUnreachable, 3, &icmp.DstUnreach{Data: pkt}
	case kind%3 == 0:
		m.Type, m.Code, m.Body = ipv6.ICMPTypeDestinationUnreachable, 4, &icmp.DstUnreach{Data: pkt}
	case kind%3 == 1 && !v6:
		m.Type, m.Body = ipv4.ICMPTypeTimeExceeded, &icmp.TimeExceeded{Data: pkt}
	case kind%3 == 1:
		m.Type, m.Body = ipv6.ICMPTypeTimeExceeded, &icmp.TimeExceeded{Data: pkt}
	case !v6:
		m.Type, m.Body = ipv4.ICMPTypeParameterProblem, &icmp.ParamProb{Pointer: 8, Data: pkt}
	default:
		m.Type, m.Body = ipv6.ICMPTypePacketTooBig, &icmp.PacketTooBig{MTU: 1280, Data: pkt}
	}
	return m.Marshal(nil)
}

// Quoted returns the packet an ICMP or ICMPv6 error message quotes, or nil
// when msg is not an error message icmp.ParseMessage accepts.
func Quoted(v6 bool, msg []byte) []byte {
	proto := 1
	if v6 {
		proto = 58
	}
	m, err := icmp.ParseMessage(proto, msg)
	if err != nil {
		return nil
	}
	switch b := m.Body.(type) {
	case *icmp.DstUnreach:
		return b.Data
	case *icmp.TimeExceeded:
		return b.Data
	case *icmp.ParamProb:
		return b.Data
	case *icmp.PacketTooBig:
		return b.Data
	}
	return nil
}

// TCPIn returns the TCP bytes of an IP packet that ipv4.ParseHeader or
// ipv6.ParseHeader accepts, carrying TCP, unfragmented (IPv4) and without
// extension headers (IPv6); v6 says which. The segment ends at the total
// length when quoted is false; a quoted packet (inside an ICMP error) is
// cut short by the quoting host, so it ends with the bytes. It also
// returns the packet cut at the same end.
func TCPIn(pkt []byte, quoted bool) (ip, seg []byte, v6, ok bool) {
	if len(pkt) == 0 {
		return nil, nil, false, false
	}
	switch pkt[0] >> 4 {
	case 4:
		h, err := ipv4.ParseHeader(pkt)
		if err != nil || h.Protocol != 6 || h.FragOff&0x1fff != 0 || h.Flags&ipv4.MoreFragments != 0 {
			return nil, nil, false, false
		}
		end := len(pkt)
		if !quoted {
			if h.TotalLen < h.Len || h.TotalLen > len(pkt) {
				return nil, nil, false, false
			}
			end = h.TotalLen
		}
		return pkt[:end], pkt[h.Len:end], false, true
	case 6:
		h, err := ipv6.ParseHeader(pkt)
		if err != nil || h.NextHeader != 6 {
			return nil, nil, true, false
		}
		end := len(pkt)
		if !quoted {
			if 40+h.PayloadLen > len(pkt) {
				return nil, nil, true, false
			}
			end = 40 + h.PayloadLen
		}
		return pkt[:end], pkt[40:end], true, true
	}
	return nil, nil, false, false
}
