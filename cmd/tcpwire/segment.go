package main

import (
	"encoding/hex"
	"net/netip"
	"strconv"

	"github.com/tcpwire/tcpwire/checksum"
	"github.com/tcpwire/tcpwire/header"
)

// segment is one decoded TCP segment with where it came from.
type segment struct {
	frame    int
	src, dst netip.Addr // invalid for bare TCP bytes
	h        header.Header
	// length is the TCP length from the IP header (header and payload);
	// it exceeds the captured bytes when the capture truncated the payload.
	length int
	// cut reports that the capture's snap length cut the segment.
	cut    bool
	status checksum.Status
}

// headerLen is the header length the data offset gives, captured or not.
func (s *segment) headerLen() int { return int(s.h.DataOffset) * 4 }

// payloadLen is the payload length the IP header gives, captured or not.
func (s *segment) payloadLen() int { return s.length - s.headerLen() }

// appendJSON appends s as one NDJSON line with the keys tcpwire decode
// --json documents. It writes the JSON by hand: no reflection, no
// allocation beyond b's growth.
func (s *segment) appendJSON(b []byte) []byte {
	h := &s.h
	b = strconv.AppendInt(append(b, `{"frame":`...), int64(s.frame), 10)
	if s.src.IsValid() {
		b = s.src.AppendTo(append(b, `,"src":"`...))
		b = s.dst.AppendTo(append(b, `","dst":"`...))
		b = append(b, '"')
	}
	b = appendUintField(b, "src_port", uint64(h.SrcPort))
	b = appendUintField(b, "dst_port", uint64(h.DstPort))
	b = appendUintField(b, "seq", uint64(h.Seq))
	b = appendUintField(b, "ack", uint64(h.Ack))
	b = appendUintField(b, "header_len", uint64(s.headerLen()))
	b = appendUintField(b, "flags", uint64(h.Flags))
	b = append(b, `,"flag_names":[`...)
	first := true
	for name := range h.Flags.Names {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = strconv.AppendQuote(b, name)
	}
	b = append(b, ']')
	b = appendUintField(b, "window", uint64(h.Window))
	b = appendUintField(b, "checksum", uint64(h.Checksum))
	b = append(b, `,"checksum_status":"`...)
	b = append(b, s.status.String()...)
	b = append(b, '"')
	b = appendUintField(b, "urgent", uint64(h.Urgent))
	b = strconv.AppendInt(append(b, `,"payload_len":`...), int64(s.payloadLen()), 10)
	o := &h.Options
	if v, ok := o.MSS(); ok {
		b = appendUintField(b, "mss", uint64(v))
	}
	if v, ok := o.WindowScale(); ok {
		b = appendUintField(b, "wscale", uint64(v))
	}
	if o.SACKPermitted() {
		b = append(b, `,"sack_permitted":true`...)
	}
	if ts, ok := o.Timestamps(); ok {
		b = appendUintField(b, "tsval", uint64(ts.Value))
		b = appendUintField(b, "tsecr", uint64(ts.Echo))
	}
	var buf [4]header.SACKBlock
	if blocks, ok := o.SACK(buf[:0]); ok {
		b = appendBlocks(append(b, `,"sack":`...), blocks)
	}
	b = append(b, `,"options":[`...)
	first = true
	for opt := range o.All() {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendOptionJSON(b, opt)
	}
	return append(b, "]}\n"...)
}

// appendBlocks appends SACK blocks as a JSON array of [left, right] pairs.
func appendBlocks(b []byte, blocks []header.SACKBlock) []byte {
	b = append(b, '[')
	for i, blk := range blocks {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendUint(append(b, '['), uint64(blk.Left), 10)
		b = strconv.AppendUint(append(b, ','), uint64(blk.Right), 10)
		b = append(b, ']')
	}
	return append(b, ']')
}

func appendUintField(b []byte, key string, v uint64) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	return strconv.AppendUint(b, v, 10)
}

// appendOptionJSON appends one option as {"kind":N,"len":N,...typed
// fields}; kinds without a typed form carry their data as hex.
func appendOptionJSON(b []byte, o header.Option) []byte {
	b = strconv.AppendUint(append(b, `{"kind":`...), uint64(o.Kind), 10)
	b = strconv.AppendInt(append(b, `,"len":`...), int64(o.Len()), 10)
	b = append(b, `,"name":`...)
	b = strconv.AppendQuote(b, o.Kind.String())
	switch o.Kind {
	case header.KindEnd, header.KindNOP, header.KindSACKPermitted:
	case header.KindMSS:
		v, _ := o.MSS()
		b = appendUintField(b, "mss", uint64(v))
	case header.KindWindowScale:
		v, _ := o.WindowScale()
		b = appendUintField(b, "shift", uint64(v))
	case header.KindTimestamps:
		ts, _ := o.Timestamps()
		b = appendUintField(b, "tsval", uint64(ts.Value))
		b = appendUintField(b, "tsecr", uint64(ts.Echo))
	case header.KindSACK:
		var buf [4]header.SACKBlock
		blocks, _ := o.SACK(buf[:0])
		b = appendBlocks(append(b, `,"blocks":`...), blocks)
	case header.KindUserTimeout:
		ut, _ := o.UserTimeout()
		b = appendUintField(b, "timeout", uint64(ut.Timeout))
		b = append(b, `,"minutes":`...)
		b = strconv.AppendBool(b, ut.Minutes)
	case header.KindMPTCP:
		m, _ := o.MPTCP()
		b = appendUintField(b, "subtype", uint64(m.Subtype))
		b = appendHexField(b, "data", o.Data)
	case header.KindExperiment1, header.KindExperiment2:
		if x, ok := o.Experimental(); ok {
			b = appendUintField(b, "exid", uint64(x.ExID))
			b = appendHexField(b, "data", x.Data)
		}
	case header.KindFastOpen:
		b = appendHexField(b, "cookie", o.Data)
	default:
		b = appendHexField(b, "data", o.Data)
	}
	return append(b, '}')
}

func appendHexField(b []byte, key string, v []byte) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, `":"`...)
	b = hex.AppendEncode(b, v)
	return append(b, '"')
}
