package xnetoracle

import (
	"encoding/binary"
	"errors"
	"fmt"

	"golang.org/x/net/bpf"

	"github.com/tcpwire/tcpwire/header"
)

// The TCP header fields a BPF program extracts, each at most 16 bits wide
// so that the program can mark it: it returns the field ORed with 1<<16,
// while a load past the end of the packet makes bpf.VM return 0.
const (
	FieldSrcPort = iota
	FieldDstPort
	FieldSeqHi
	FieldSeqLo
	FieldAckHi
	FieldAckLo
	FieldDataOffset
	FieldFlags
	FieldWindow
	FieldChecksum
	FieldUrgent
	numFields
)

const present = 1 << 16

// fieldLoad gives each field's offset in the TCP header, load size and mask.
var fieldLoad = [numFields]struct {
	off, size int
	shift     uint32
	mask      uint32
}{
	FieldSrcPort:    {0, 2, 0, 0xffff},
	FieldDstPort:    {2, 2, 0, 0xffff},
	FieldSeqHi:      {4, 2, 0, 0xffff},
	FieldSeqLo:      {6, 2, 0, 0xffff},
	FieldAckHi:      {8, 2, 0, 0xffff},
	FieldAckLo:      {10, 2, 0, 0xffff},
	FieldDataOffset: {12, 1, 4, 0x0f},
	FieldFlags:      {12, 2, 0, 0x0fff},
	FieldWindow:     {14, 2, 0, 0xffff},
	FieldChecksum:   {16, 2, 0, 0xffff},
	FieldUrgent:     {18, 2, 0, 0xffff},
}

// BPF holds the compiled programs: for IPv4 packets, which find the TCP
// header from the IHL field (ldxb 4*([0]&0xf)) as tcpdump's filters do,
// and for IPv6 packets without extension headers, where it starts at 40.
type BPF struct {
	v4, v6 [numFields]*bpf.VM
}

// NewBPF assembles and loads the programs.
func NewBPF() (*BPF, error) {
	var p BPF
	for f, l := range fieldLoad {
		tail := []bpf.Instruction{
			bpf.ALUOpConstant{Op: bpf.ALUOpShiftRight, Val: l.shift},
			bpf.ALUOpConstant{Op: bpf.ALUOpAnd, Val: l.mask},
			bpf.ALUOpConstant{Op: bpf.ALUOpOr, Val: present},
			bpf.RetA{},
		}
		v4 := append([]bpf.Instruction{
			bpf.LoadMemShift{Off: 0},
			bpf.LoadIndirect{Off: uint32(l.off), Size: l.size},
		}, tail...)
		v6 := append([]bpf.Instruction{
			bpf.LoadAbsolute{Off: uint32(40 + l.off), Size: l.size},
		}, tail...)
		var err error
		if p.v4[f], err = bpf.NewVM(v4); err != nil {
			return nil, err
		}
		if p.v6[f], err = bpf.NewVM(v6); err != nil {
			return nil, err
		}
	}
	return &p, nil
}

// Fields is what the programs extracted: each value with the present bit,
// or 0 where the load ran past the packet.
type Fields [numFields]uint32

// Present reports whether the program for field i (FieldSrcPort …
// FieldUrgent) loaded it within the packet.
func (f *Fields) Present(i int) bool { return f[i]&present != 0 }

// Value returns field i as the program extracted it.
func (f *Fields) Value(i int) uint32 { return f[i] &^ present }

// End returns the offset in the TCP header just past field i.
func End(i int) int { return fieldLoad[i].off + fieldLoad[i].size }

// Run runs the programs for an IPv4 (v6 false) or IPv6 packet.
func (p *BPF) Run(pkt []byte, v6 bool) (Fields, error) {
	vms := &p.v4
	if v6 {
		vms = &p.v6
	}
	var f Fields
	for i, vm := range vms {
		n, err := vm.Run(pkt)
		if err != nil {
			return f, err
		}
		f[i] = uint32(n)
	}
	return f, nil
}

// CompareBPF checks tcpwire's decoding of seg (h and err from h.Decode)
// against the fields f the BPF programs extracted from the packet holding
// seg: a field is present exactly when seg holds its bytes; when seg holds
// the 20-byte fixed header, tcpwire decodes it or reports the data offset
// the program read, and every field it decodes equals the program's.
func CompareBPF(f Fields, seg []byte, h *header.Header, err error) error {
	for i, l := range fieldLoad {
		if (f[i]&present != 0) != (l.off+l.size <= len(seg)) {
			return fmt.Errorf("BPF field %d present = %v with %d TCP bytes", i, f[i]&present != 0, len(seg))
		}
	}
	var e *header.Error
	if err != nil && !errors.As(err, &e) {
		return fmt.Errorf("decoding returned %T: %v", err, err)
	}
	if len(seg) < header.MinLen {
		if e == nil || e.Kind != header.ErrShort || e.Offset != len(seg) {
			return fmt.Errorf("decoding %d bytes: %v, want ErrShort", len(seg), err)
		}
		return nil
	}
	off := int(f[FieldDataOffset] &^ present)
	switch {
	case off < 5:
		if e == nil || e.Kind != header.ErrDataOffset || e.Value != off {
			return fmt.Errorf("BPF data offset %d, Decode: %v", off, err)
		}
		return nil
	case off*4 > len(seg):
		if e == nil || e.Kind != header.ErrTruncated || e.Limit != off*4 {
			return fmt.Errorf("BPF data offset %d with %d bytes, Decode: %v", off, len(seg), err)
		}
		return nil
	}
	if e != nil && e.Offset < header.MinLen {
		return fmt.Errorf("decoding refuses a sound fixed header: %v", err)
	}
	v := func(i int) uint32 { return f[i] &^ present }
	if uint32(h.SrcPort) != v(FieldSrcPort) || uint32(h.DstPort) != v(FieldDstPort) ||
		uint32(h.Seq) != v(FieldSeqHi)<<16|v(FieldSeqLo) || uint32(h.Ack) != v(FieldAckHi)<<16|v(FieldAckLo) ||
		int(h.DataOffset) != off || uint32(h.Flags) != v(FieldFlags) || uint32(h.Window) != v(FieldWindow) ||
		uint32(h.Checksum) != v(FieldChecksum) || uint32(h.Urgent) != v(FieldUrgent) {
		return fmt.Errorf("tcpwire %+v, BPF %x", h, f)
	}
	if e == nil || e.Warning() {
		if len(h.Payload) != len(seg)-off*4 {
			return fmt.Errorf("payload of %d bytes, want %d", len(h.Payload), len(seg)-off*4)
		}
	}
	return nil
}

// Quote8 checks the first 8 bytes of a TCP header quoted in an ICMP error
// (RFC 792; RFC 4443 §3.1): ports and sequence number, which the BPF
// programs read from the quoted packet, against the quote's bytes.
func Quote8(f Fields, quote []byte) error {
	if len(quote) < 8 {
		return nil
	}
	if f[FieldSrcPort]&^present != uint32(binary.BigEndian.Uint16(quote)) ||
		f[FieldDstPort]&^present != uint32(binary.BigEndian.Uint16(quote[2:])) ||
		(f[FieldSeqHi]&^present)<<16|f[FieldSeqLo]&^present != binary.BigEndian.Uint32(quote[4:]) {
		return fmt.Errorf("BPF %x, quote % x", f[:4], quote[:8])
	}
	return nil
}
