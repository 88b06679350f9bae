package header

import (
	"encoding/binary"
	"encoding/hex"
	"strconv"
)

// Option is one option as it stands in the option area. Data aliases the
// bytes it was read from.
type Option struct {
	// Kind is the option's kind byte.
	Kind Kind
	// Offset is the byte offset of the kind byte from the start of the TCP
	// header (20 for the first option).
	Offset int
	// Data holds the bytes after the kind and length bytes; it is empty for
	// End of Option List and No-Operation.
	Data []byte
}

// Len returns the option's length on the wire, kind and length bytes
// included.
func (o Option) Len() int {
	if o.Kind == KindEnd || o.Kind == KindNOP {
		return 1
	}
	return 2 + len(o.Data)
}

// SACKBlock is one block of a SACK option: the octets from Left up to but
// not including Right have been received (RFC 2018 §3).
type SACKBlock struct {
	Left, Right Seq
}

// Timestamps is the value of a Timestamps option (RFC 7323 §3.2). Echo
// (TSecr) is meaningful only when the segment carries ACK.
type Timestamps struct {
	Value, Echo uint32
}

// UserTimeout is the value of a User Timeout option (RFC 5482 §2).
type UserTimeout struct {
	// Minutes is the granularity bit: the timeout counts minutes, not seconds.
	Minutes bool
	// Timeout is the 15-bit timeout value.
	Timeout uint16
}

// AO is the value of a TCP Authentication Option (RFC 5925 §2.2).
type AO struct {
	KeyID, RNextKeyID uint8
	// MAC aliases the option's message authentication code.
	MAC []byte
}

// MPTCP is the value of a Multipath TCP option (RFC 8684 §3).
type MPTCP struct {
	// Subtype is the high nibble of the first data byte (MP_CAPABLE is 0,
	// MP_JOIN 1, DSS 2, …).
	Subtype uint8
	// Data aliases the option's bytes after the length byte, subtype
	// nibble included.
	Data []byte
}

// AccECN is the value of an AccECN option (RFC 9768 §3.2.3): up to three
// 24-bit byte counters in the order the kind gives. Order 0 (kind 172)
// carries EE0B, ECEB, EE1B; order 1 (kind 174) carries EE1B, ECEB, EE0B.
type AccECN struct {
	// Counters holds the N counters present, in wire order.
	Counters [3]uint32
	// N is how many counters the option carries, 0 to 3.
	N int
}

// Experimental is the value of an experimental option carrying an RFC 6994
// Experiment Identifier.
type Experimental struct {
	ExID uint16
	// Data aliases the bytes after the ExID.
	Data []byte
}

// MSS returns the Maximum Segment Size carried by o (RFC 9293 §3.7.1).
func (o Option) MSS() (uint16, bool) {
	if o.Kind != KindMSS || len(o.Data) != 2 {
		return 0, false
	}
	return binary.BigEndian.Uint16(o.Data), true
}

// WindowScale returns the shift count carried by o, as sent (RFC 7323 §2.2).
// A shift above 14 is returned as it is; RFC 7323 §2.3 says to use 14.
func (o Option) WindowScale() (uint8, bool) {
	if o.Kind != KindWindowScale || len(o.Data) != 1 {
		return 0, false
	}
	return o.Data[0], true
}

// Timestamps returns the TSval and TSecr carried by o.
func (o Option) Timestamps() (Timestamps, bool) {
	if o.Kind != KindTimestamps || len(o.Data) != 8 {
		return Timestamps{}, false
	}
	return Timestamps{binary.BigEndian.Uint32(o.Data), binary.BigEndian.Uint32(o.Data[4:])}, true
}

// SACK appends the blocks carried by o to dst and returns the extended
// slice; with a [4]SACKBlock array as dst it does not allocate.
func (o Option) SACK(dst []SACKBlock) ([]SACKBlock, bool) {
	if o.Kind != KindSACK || len(o.Data)%sackBlockLen != 0 {
		return dst, false
	}
	for d := o.Data; len(d) >= sackBlockLen; d = d[sackBlockLen:] {
		dst = append(dst, SACKBlock{Seq(binary.BigEndian.Uint32(d)), Seq(binary.BigEndian.Uint32(d[4:]))})
	}
	return dst, true
}

// MD5 returns the 16-byte digest of a TCP MD5 Signature option (RFC 2385).
func (o Option) MD5() (digest [16]byte, ok bool) {
	if o.Kind != KindMD5 || len(o.Data) != 16 {
		return digest, false
	}
	return [16]byte(o.Data), true
}

// UserTimeout returns the value of a User Timeout option.
func (o Option) UserTimeout() (UserTimeout, bool) {
	if o.Kind != KindUserTimeout || len(o.Data) != 2 {
		return UserTimeout{}, false
	}
	v := binary.BigEndian.Uint16(o.Data)
	return UserTimeout{Minutes: v&0x8000 != 0, Timeout: v & 0x7fff}, true
}

// AO returns the value of a TCP Authentication Option.
func (o Option) AO() (AO, bool) {
	if o.Kind != KindAO || len(o.Data) < 2 {
		return AO{}, false
	}
	return AO{KeyID: o.Data[0], RNextKeyID: o.Data[1], MAC: o.Data[2:]}, true
}

// MPTCP returns the value of a Multipath TCP option.
func (o Option) MPTCP() (MPTCP, bool) {
	if o.Kind != KindMPTCP || len(o.Data) < 1 {
		return MPTCP{}, false
	}
	return MPTCP{Subtype: o.Data[0] >> 4, Data: o.Data}, true
}

// FastOpenCookie returns the cookie of a TCP Fast Open option (RFC 7413
// §4.1.1); an empty cookie is a cookie request.
func (o Option) FastOpenCookie() ([]byte, bool) {
	if o.Kind != KindFastOpen {
		return nil, false
	}
	return o.Data, true
}

// AccECN returns the counters of an AccECN option of either order.
func (o Option) AccECN() (AccECN, bool) {
	if (o.Kind != KindAccECN0 && o.Kind != KindAccECN1) || len(o.Data)%3 != 0 || len(o.Data) > 9 {
		return AccECN{}, false
	}
	var a AccECN
	for d := o.Data; len(d) >= 3; d = d[3:] {
		a.Counters[a.N] = uint32(d[0])<<16 | uint32(d[1])<<8 | uint32(d[2])
		a.N++
	}
	return a, true
}

// Experimental returns the ExID and data of an experimental option (kinds
// 253 and 254, RFC 6994 §3).
func (o Option) Experimental() (Experimental, bool) {
	if (o.Kind != KindExperiment1 && o.Kind != KindExperiment2) || len(o.Data) < 2 {
		return Experimental{}, false
	}
	return Experimental{ExID: binary.BigEndian.Uint16(o.Data), Data: o.Data[2:]}, true
}

// AppendText appends o the way tcpdump prints it ("mss 1460", "sackOK",
// "TS val 1 ecr 0", "wscale 7", "sack 1 {1001:2001}", "nop"); options
// without a tcpdump form print their kind and data in hex.
func (o Option) AppendText(b []byte) ([]byte, error) {
	b = append(b, o.Kind.String()...)
	switch o.Kind {
	case KindEnd, KindNOP, KindSACKPermitted:
		return b, nil
	case KindMSS:
		v, _ := o.MSS()
		return strconv.AppendUint(append(b, ' '), uint64(v), 10), nil
	case KindWindowScale:
		v, _ := o.WindowScale()
		return strconv.AppendUint(append(b, ' '), uint64(v), 10), nil
	case KindTimestamps:
		ts, _ := o.Timestamps()
		b = strconv.AppendUint(append(b, " val "...), uint64(ts.Value), 10)
		return strconv.AppendUint(append(b, " ecr "...), uint64(ts.Echo), 10), nil
	case KindSACK:
		var buf [maxSACKBlocks]SACKBlock
		blocks, _ := o.SACK(buf[:0])
		b = strconv.AppendInt(append(b, ' '), int64(len(blocks)), 10)
		for _, blk := range blocks {
			b = strconv.AppendUint(append(b, " {"...), uint64(blk.Left), 10)
			b = strconv.AppendUint(append(b, ':'), uint64(blk.Right), 10)
			b = append(b, '}')
		}
		return b, nil
	case KindUserTimeout:
		ut, _ := o.UserTimeout()
		b = strconv.AppendUint(append(b, ' '), uint64(ut.Timeout), 10)
		if ut.Minutes {
			return append(b, " min"...), nil
		}
		return append(b, " sec"...), nil
	}
	if len(o.Data) > 0 {
		b = append(b, ' ')
		b = hex.AppendEncode(b, o.Data)
	}
	return b, nil
}

// String returns o in the form AppendText gives.
func (o Option) String() string {
	b, _ := o.AppendText(nil)
	return string(b)
}
