package main

import (
	"encoding/binary"
	"errors"
	"strconv"
	"strings"
)

// A field is one field of the fixed TCP header as the RFC 9293 §3.1 diagram
// draws it: bits counted from the first bit of the header, most significant
// bit first. Each flag is a one-bit field of its own.
type field struct {
	id, label string
	bit, bits int
}

// fields lists the fixed header in wire order (RFC 9293 §3.1; AE from RFC
// 9768 §3.1, ECE and CWR from RFC 3168 §6.1).
var fields = [...]field{
	{"src_port", "Source port", 0, 16},
	{"dst_port", "Destination port", 16, 16},
	{"seq", "Sequence number", 32, 32},
	{"ack", "Acknowledgment number", 64, 32},
	{"data_offset", "Data offset", 96, 4},
	{"reserved", "Reserved", 100, 3},
	{"flag_ae", "AE", 103, 1},
	{"flag_cwr", "CWR", 104, 1},
	{"flag_ece", "ECE", 105, 1},
	{"flag_urg", "URG", 106, 1},
	{"flag_ack", "ACK", 107, 1},
	{"flag_psh", "PSH", 108, 1},
	{"flag_rst", "RST", 109, 1},
	{"flag_syn", "SYN", 110, 1},
	{"flag_fin", "FIN", 111, 1},
	{"window", "Window", 112, 16},
	{"checksum", "Checksum", 128, 16},
	{"urgent", "Urgent pointer", 144, 16},
}

const fieldChecksum = "checksum"

func findField(id string) (field, bool) {
	for _, f := range fields {
		if f.id == id {
			return f, true
		}
	}
	return field{}, false
}

// get reads f from a fixed header of at least 20 bytes.
func (f field) get(hdr []byte) uint64 {
	word := uint64(binary.BigEndian.Uint32(hdr[f.bit/32*4:]))
	shift := 32 - f.bit%32 - f.bits
	return word >> shift & (1<<f.bits - 1)
}

// set writes v into f of a fixed header of at least 20 bytes.
func (f field) set(hdr []byte, v uint64) {
	p := hdr[f.bit/32*4:]
	word := binary.BigEndian.Uint32(p)
	shift := 32 - f.bit%32 - f.bits
	mask := uint32(1<<f.bits-1) << shift
	binary.BigEndian.PutUint32(p, word&^mask|uint32(v)<<shift&mask)
}

func (f field) max() uint64 { return 1<<f.bits - 1 }

// parse reads a value for f in decimal or 0x hexadecimal, within its range.
func (f field) parse(s string) (uint64, error) {
	s = strings.TrimSpace(s)
	v, err := strconv.ParseUint(s, 0, 64)
	if err != nil || v > f.max() {
		return 0, errors.New(f.label + " must be a number from 0 to " + strconv.FormatUint(f.max(), 10))
	}
	return v, nil
}
