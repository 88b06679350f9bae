package main

import (
	"encoding/binary"
	"net/netip"

	"github.com/tcpwire/tcpwire/checksum"
)

// fill writes the checksum field of every step whose mode computes it.
// Steps too short to hold the field are left as they are.
func (st *State) fill() {
	for i := range st.Steps {
		s := &st.Steps[i]
		if s.Mode == CheckFixed || len(s.Seg) < 20 {
			continue
		}
		sum, err := checksum.TCP(st.src(s), st.dst(s), s.Seg)
		if err != nil {
			continue
		}
		if s.Mode == CheckWrong {
			sum ^= 1
		}
		binary.BigEndian.PutUint16(s.Seg[16:], sum)
	}
}

// pseudoHeader returns the bytes of the pseudo-header the TCP checksum
// covers for a segment of length bytes from src to dst: RFC 9293 §3.1 for
// IPv4, RFC 8200 §8.1 for IPv6. The page shows them; checksum.PseudoHeader
// computes their sum.
func pseudoHeader(src, dst netip.Addr, length int) []byte {
	if src.Is4() {
		b := make([]byte, 0, 12)
		b = append(b, src.AsSlice()...)
		b = append(b, dst.AsSlice()...)
		b = append(b, 0, checksum.ProtocolTCP)
		return binary.BigEndian.AppendUint16(b, uint16(length))
	}
	b := make([]byte, 0, 40)
	b = append(b, src.AsSlice()...)
	b = append(b, dst.AsSlice()...)
	b = binary.BigEndian.AppendUint32(b, uint32(length))
	return append(b, 0, 0, 0, checksum.ProtocolTCP)
}
