package main

import (
	"errors"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/tcpwire/tcpwire/header"
)

// Update applies op with its step index and argument to the state in text
// and returns the view of the result. When op fails the view shows the
// state unchanged, with the error. These are the ops:
//
//	op        arg                      effect on step
//	""        -                        none: the view of the state
//	select    -                        selects it
//	field     id=value                 sets a header field (id from the view's fields)
//	mode      auto|fixed|wrong         sets its checksum mode
//	hex       hex digits               replaces the segment
//	payload   text:… or hex:…          replaces the payload
//	optadd    mss|wscale|sackOK|…|N    appends an option
//	optdel    index                    removes an option
//	optset    index=value              sets an option's value
//	dir       -                        swaps the direction
//	dup       -                        inserts a copy after it
//	add       -                        inserts an empty segment from A after it
//	del       -                        removes it
//	up, down  -                        moves it
//	addr      a=IP or b=IP             sets an endpoint's address
//	tos       0..255                   sets the IP TOS / Traffic Class byte
//	fix       finding index            applies the fix the checker gives for a finding
//	carry     -                        rebuilds the steps after it from the scenario
//	config    key=value                sets an endpoint setting and rebuilds the scenario
//	scenario  name                     builds the named scenario with its own endpoints ("" to start empty)
//
// Setting the checksum field puts the step in fixed mode.
func Update(text, op string, step int, arg string) []byte {
	st, err := ParseState(text)
	if err != nil {
		st, _ = ParseState("")
		return view(&st, err.Error())
	}
	next := st.clone()
	if err := next.apply(op, step, arg); err != nil {
		return view(&st, err.Error())
	}
	return view(&next, "")
}

func (st *State) clone() State {
	c := *st
	c.Steps = slices.Clone(st.Steps)
	for i := range c.Steps {
		c.Steps[i].Seg = slices.Clone(c.Steps[i].Seg)
	}
	return c
}

var errNoStep = errors.New("no such step")

func (st *State) apply(op string, i int, arg string) error {
	key, val, _ := strings.Cut(arg, "=")
	var s *Step
	if i >= 0 && i < len(st.Steps) {
		s = &st.Steps[i]
	}
	needStep := func() error {
		if s == nil {
			return errNoStep
		}
		st.Sel = i
		return nil
	}
	switch op {
	case "":
		return nil
	case "select":
		return needStep()
	case "field":
		if err := needStep(); err != nil {
			return err
		}
		f, ok := findField(key)
		if !ok {
			return errors.New("unknown field " + strconv.Quote(key))
		}
		if len(s.Seg) < header.MinLen {
			return errors.New("the segment is shorter than the 20-byte header")
		}
		v, err := f.parse(val)
		if err != nil {
			return err
		}
		f.set(s.Seg, v)
		if f.id == fieldChecksum {
			s.Mode = CheckFixed
		}
		return nil
	case "mode":
		if err := needStep(); err != nil {
			return err
		}
		m, ok := parseMode(arg)
		if !ok {
			return errors.New("checksum mode must be auto, fixed or wrong")
		}
		s.Mode = m
		return nil
	case "hex":
		if err := needStep(); err != nil {
			return err
		}
		b, err := parseHex(arg)
		if err != nil {
			return err
		}
		if len(b) == 0 {
			return errors.New("a segment needs at least one byte")
		}
		s.Seg = b
		return nil
	case "payload":
		if err := needStep(); err != nil {
			return err
		}
		return s.setPayload(arg)
	case "optadd", "optdel", "optset":
		if err := needStep(); err != nil {
			return err
		}
		var edit func([]rawOption) ([]rawOption, error)
		switch op {
		case "optadd":
			edit = addOption(arg)
		case "optdel":
			n, err := strconv.Atoi(arg)
			if err != nil {
				return errors.New("option index is not a number")
			}
			edit = deleteOption(n)
		default:
			n, err := strconv.Atoi(key)
			if err != nil {
				return errors.New("option index is not a number")
			}
			edit = setOption(n, val)
		}
		seg, err := editOptions(s.Seg, edit)
		if err != nil {
			return err
		}
		s.Seg = seg
		return nil
	case "dir":
		if err := needStep(); err != nil {
			return err
		}
		s.FromB = !s.FromB
		return nil
	case "dup", "add":
		if len(st.Steps) >= MaxSteps {
			return errors.New("a state holds at most " + strconv.Itoa(MaxSteps) + " steps")
		}
		var n Step
		if op == "dup" {
			if err := needStep(); err != nil {
				return err
			}
			n = Step{FromB: s.FromB, Mode: s.Mode, Seg: slices.Clone(s.Seg)}
		} else {
			h := header.Header{SrcPort: st.Config.Port[0], DstPort: st.Config.Port[1], Window: uint16(min(st.Config.Window[0], 65535))}
			n.Seg, _ = h.AppendBinary(nil)
		}
		i = min(max(i, -1), len(st.Steps)-1)
		st.Steps = slices.Insert(st.Steps, i+1, n)
		st.Sel = i + 1
		return nil
	case "del":
		if err := needStep(); err != nil {
			return err
		}
		st.Steps = slices.Delete(st.Steps, i, i+1)
		st.clampSel()
		return nil
	case "up", "down":
		if err := needStep(); err != nil {
			return err
		}
		j := i - 1
		if op == "down" {
			j = i + 1
		}
		if j < 0 || j >= len(st.Steps) {
			return nil
		}
		st.Steps[i], st.Steps[j] = st.Steps[j], st.Steps[i]
		st.Sel = j
		return nil
	case "addr":
		addr, err := parseAddr(val)
		if err != nil {
			return err
		}
		switch key {
		case "a":
			if st.B.Is4() != addr.Is4() {
				st.B = sameFamily(addr, defaultB)
			}
			st.A = addr
		case "b":
			if st.A.Is4() != addr.Is4() {
				st.A = sameFamily(addr, defaultA)
			}
			st.B = addr
		default:
			return errors.New("endpoint must be a or b")
		}
		return nil
	case "config":
		if err := st.Config.set(key, val); err != nil {
			return errors.New(key + ": " + err.Error())
		}
		if st.Scenario != "" {
			return st.build(st.Scenario, false)
		}
		return nil
	case "scenario":
		return st.build(arg, true)
	case "tos":
		if err := needStep(); err != nil {
			return err
		}
		n, err := strconv.ParseUint(strings.TrimSpace(arg), 0, 8)
		if err != nil {
			return errors.New("TOS must be a number from 0 to 255")
		}
		s.TOS = uint8(n)
		return nil
	case "fix":
		if err := needStep(); err != nil {
			return err
		}
		k, err := strconv.Atoi(arg)
		if err != nil {
			return errors.New("finding index is not a number")
		}
		return st.fix(i, k)
	case "carry":
		if err := needStep(); err != nil {
			return err
		}
		return st.carry(i)
	}
	return errors.New("unknown op " + strconv.Quote(op))
}

// sameFamily returns def, or an IPv6 address built from it when like is
// IPv6, so that both endpoints stay in one address family.
func sameFamily(like, def netip.Addr) netip.Addr {
	if like.Is4() {
		return def
	}
	b := def.As4()
	return netip.AddrFrom16([16]byte{0x20, 0x01, 0x0d, 0xb8, 15: b[3]})
}

func (s *Step) setPayload(arg string) error {
	kind, val, _ := strings.Cut(arg, ":")
	var p []byte
	switch kind {
	case "text":
		p = []byte(val)
	case "hex":
		b, err := parseHex(val)
		if err != nil {
			return err
		}
		p = b
	default:
		return errors.New("payload must be text:… or hex:…")
	}
	if len(s.Seg) < header.MinLen {
		return errors.New("the segment is shorter than the 20-byte header")
	}
	hl := min(int(fields[4].get(s.Seg))*4, len(s.Seg))
	s.Seg = append(s.Seg[:hl:hl], p...)
	return nil
}
