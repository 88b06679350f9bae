package main

import (
	"encoding/hex"
	"errors"
	"net/netip"
	"strconv"
	"strings"
)

// MaxSteps bounds the steps of a state, so that a pasted capture cannot make
// the page unusable.
const MaxSteps = 64

// A State is everything the playground shows: the two endpoints' addresses,
// the segments exchanged, the selected step and the scenario settings they
// were built from. Its text form (AppendText, ParseState) is the page's URL
// fragment:
//
//	a=192.0.2.1&b=192.0.2.2&sel=0&s=aa<hex>&s=ba<hex>…
//
// where each s holds one step: its direction (a: A to B, b: B to A), its
// checksum mode (a: auto, f: fixed, w: wrong), the segment in hex and, if
// not zero, a dot and the TOS byte in decimal. The other keys hold the
// scenario (sc) and the endpoints' settings (see Config).
type State struct {
	A, B netip.Addr
	// Scenario is the scenario the steps were built from, "" if none.
	Scenario string
	Config   Config
	Steps    []Step
	// Sel is the index of the selected step.
	Sel int
}

// A Step is one segment and how the playground treats it.
type Step struct {
	// FromB is set when B sends the segment to A.
	FromB bool
	Mode  CheckMode
	// Seg is the TCP segment, header and payload, as sent.
	Seg []byte
	// TOS is the IPv4 TOS or IPv6 Traffic Class byte the segment travels
	// with; its low two bits are the ECN codepoint (RFC 3168 §5).
	TOS uint8
}

// CheckMode says where a step's checksum field comes from.
type CheckMode uint8

const (
	// CheckAuto computes the checksum field on every change.
	CheckAuto CheckMode = iota
	// CheckFixed keeps the checksum field as it was set or captured.
	CheckFixed
	// CheckWrong computes the checksum and flips its lowest bit, which is
	// never the other form of ones'-complement zero, so it never verifies.
	CheckWrong
)

var modeNames = [...]string{CheckAuto: "auto", CheckFixed: "fixed", CheckWrong: "wrong"}

// String returns "auto", "fixed" or "wrong".
func (m CheckMode) String() string {
	if int(m) < len(modeNames) {
		return modeNames[m]
	}
	return "mode(" + strconv.Itoa(int(m)) + ")"
}

func parseMode(s string) (CheckMode, bool) {
	for i, n := range modeNames {
		if s == n || s == n[:1] {
			return CheckMode(i), true
		}
	}
	return 0, false
}

// ErrState is the error for a state text that does not parse; the
// *StateError carrying it names the part at fault.
var ErrState = errors.New("bad state")

// A StateError is a part of a state text that could not be read.
type StateError struct {
	// Key is the key of the part at fault ("a", "s", …).
	Key string
	// Index counts the parts from 0.
	Index  int
	Reason string
}

// Error says which part of the state text is wrong and why.
func (e *StateError) Error() string {
	return "state part " + strconv.Itoa(e.Index) + " (" + e.Key + "): " + e.Reason
}

// Unwrap returns ErrState.
func (e *StateError) Unwrap() error { return ErrState }

// ParseState reads the text form of a State. An empty text is the empty
// state with the default addresses.
func ParseState(text string) (State, error) {
	st := State{A: defaultA, B: defaultB, Config: defaultConfig}
	if text == "" {
		return st, nil
	}
	for i, part := range strings.Split(strings.TrimPrefix(text, "#"), "&") {
		key, val, _ := strings.Cut(part, "=")
		fail := func(reason string) (State, error) {
			return State{}, &StateError{Key: key, Index: i, Reason: reason}
		}
		switch key {
		case "":
			continue
		case "a", "b":
			addr, err := parseAddr(val)
			if err != nil {
				return fail(err.Error())
			}
			if key == "a" {
				st.A = addr
			} else {
				st.B = addr
			}
		case "sel":
			n, err := strconv.Atoi(val)
			if err != nil || n < 0 {
				return fail("not a step index")
			}
			st.Sel = n
		case "sc":
			st.Scenario = val
		case "s":
			if len(st.Steps) == MaxSteps {
				return fail("more than " + strconv.Itoa(MaxSteps) + " steps")
			}
			if len(val) < 2 || (val[0] != 'a' && val[0] != 'b') {
				return fail("step must start with its direction, a or b")
			}
			mode, ok := parseMode(val[1:2])
			if !ok {
				return fail("unknown checksum mode " + strconv.Quote(val[1:2]))
			}
			segHex, tosText, hasTOS := strings.Cut(val[2:], ".")
			seg, err := parseHex(segHex)
			if err != nil {
				return fail("segment is not hex")
			}
			var tos uint64
			if hasTOS {
				if tos, err = strconv.ParseUint(tosText, 10, 8); err != nil {
					return fail("TOS must be 0 to 255")
				}
			}
			st.Steps = append(st.Steps, Step{FromB: val[0] == 'b', Mode: mode, Seg: seg, TOS: uint8(tos)})
		default:
			if err := st.Config.set(key, val); err != nil {
				return fail(err.Error())
			}
		}
	}
	if st.A.Is4() != st.B.Is4() {
		return State{}, &StateError{Key: "b", Reason: "endpoints must both be IPv4 or both IPv6"}
	}
	st.clampSel()
	return st, nil
}

func parseAddr(s string) (netip.Addr, error) {
	addr, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, errors.New("not an IP address: " + strconv.Quote(s))
	}
	if addr.Zone() != "" {
		return netip.Addr{}, errors.New("an address with a zone cannot be in a link")
	}
	return addr, nil
}

func (st *State) clampSel() {
	if st.Sel >= len(st.Steps) {
		st.Sel = len(st.Steps) - 1
	}
	if st.Sel < 0 {
		st.Sel = 0
	}
}

// AppendText appends the text form of st to b: the form ParseState reads,
// with parts in a fixed order so that equal states have equal texts.
func (st *State) AppendText(b []byte) []byte {
	b = st.A.AppendTo(append(b, "a="...))
	b = st.B.AppendTo(append(b, "&b="...))
	if st.Scenario != "" {
		b = append(append(b, "&sc="...), st.Scenario...)
	}
	b = st.Config.appendText(b)
	b = strconv.AppendInt(append(b, "&sel="...), int64(st.Sel), 10)
	for _, s := range st.Steps {
		dir := byte('a')
		if s.FromB {
			dir = 'b'
		}
		b = append(b, "&s="...)
		b = append(b, dir, s.Mode.String()[0])
		b = hex.AppendEncode(b, s.Seg)
		if s.TOS != 0 {
			b = strconv.AppendUint(append(b, '.'), uint64(s.TOS), 10)
		}
	}
	return b
}

// src and dst return the addresses a step is sent from and to.
func (st *State) src(s *Step) netip.Addr {
	if s.FromB {
		return st.B
	}
	return st.A
}

func (st *State) dst(s *Step) netip.Addr {
	if s.FromB {
		return st.A
	}
	return st.B
}
