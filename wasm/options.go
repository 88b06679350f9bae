package main

import (
	"errors"
	"strconv"
	"strings"

	"github.com/tcpwire/tcpwire/header"
)

// optionKinds are the options the editor adds by name, each with the value
// a new one starts with.
var optionKinds = [...]struct {
	name string
	kind header.Kind
	init string
}{
	{"mss", header.KindMSS, "1460"},
	{"wscale", header.KindWindowScale, "7"},
	{"sackOK", header.KindSACKPermitted, ""},
	{"sack", header.KindSACK, "1:2"},
	{"TS", header.KindTimestamps, "1 0"},
	{"nop", header.KindNOP, ""},
	{"eol", header.KindEnd, ""},
	{"tfo", header.KindFastOpen, ""},
	{"utimeout", header.KindUserTimeout, "0000"},
	{"md5", header.KindMD5, "00000000000000000000000000000000"},
	{"mptcp", header.KindMPTCP, "0081"},
}

// optionValue returns the value of o in the form the options editor shows
// and setOption reads: the number for mss and wscale, "val ecr" for
// Timestamps, "left:right …" for SACK, hex for the rest.
func optionValue(o header.Option) string {
	switch o.Kind {
	case header.KindMSS:
		if v, ok := o.MSS(); ok {
			return strconv.Itoa(int(v))
		}
	case header.KindWindowScale:
		if v, ok := o.WindowScale(); ok {
			return strconv.Itoa(int(v))
		}
	case header.KindTimestamps:
		if ts, ok := o.Timestamps(); ok {
			return strconv.FormatUint(uint64(ts.Value), 10) + " " + strconv.FormatUint(uint64(ts.Echo), 10)
		}
	case header.KindSACK:
		var buf [4]header.SACKBlock
		if blocks, ok := o.SACK(buf[:0]); ok {
			var b []byte
			for i, blk := range blocks {
				if i > 0 {
					b = append(b, ' ')
				}
				b = strconv.AppendUint(b, uint64(blk.Left), 10)
				b = append(b, ':')
				b = strconv.AppendUint(b, uint64(blk.Right), 10)
			}
			return string(b)
		}
	}
	return hexString(o.Data)
}

// optionData reads an option value in the form optionValue gives and
// returns the option's data bytes.
func optionData(k header.Kind, v string) ([]byte, error) {
	v = strings.TrimSpace(v)
	nums := func(n int, bits int) ([]uint64, error) {
		parts := strings.Fields(strings.ReplaceAll(v, ":", " "))
		if n > 0 && len(parts) != n {
			return nil, errors.New("needs " + strconv.Itoa(n) + " numbers")
		}
		out := make([]uint64, len(parts))
		for i, p := range parts {
			x, err := strconv.ParseUint(p, 0, bits)
			if err != nil {
				return nil, errors.New(strconv.Quote(p) + " is not a number from 0 to " + strconv.FormatUint(1<<bits-1, 10))
			}
			out[i] = x
		}
		return out, nil
	}
	switch k {
	case header.KindMSS:
		n, err := nums(1, 16)
		if err != nil {
			return nil, err
		}
		return []byte{byte(n[0] >> 8), byte(n[0])}, nil
	case header.KindWindowScale:
		n, err := nums(1, 8)
		if err != nil {
			return nil, err
		}
		return []byte{byte(n[0])}, nil
	case header.KindTimestamps, header.KindSACK:
		want := 2
		if k == header.KindSACK {
			want = 0
		}
		n, err := nums(want, 32)
		if err != nil {
			return nil, err
		}
		if len(n)%2 != 0 || len(n) == 0 {
			return nil, errors.New("needs pairs left:right")
		}
		b := make([]byte, 0, 4*len(n))
		for _, x := range n {
			b = append(b, byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
		}
		return b, nil
	}
	b, err := parseHex(v)
	if err != nil {
		return nil, errors.New("value must be hex bytes")
	}
	return b, nil
}

// editOptions rebuilds the option area of seg with edit applied to the
// list of its options, keeping the payload, and returns the new segment.
// The header is encoded again by the codec, which recomputes the data
// offset and refuses options that do not fit in 40 bytes.
func editOptions(seg []byte, edit func(opts []rawOption) ([]rawOption, error)) ([]byte, error) {
	var h header.Header
	if err := h.Decode(seg); err != nil {
		var herr *header.Error
		if !errors.As(err, &herr) || !herr.Warning() {
			return nil, errors.New("the header does not decode, fix it first: " + err.Error())
		}
	}
	var opts []rawOption
	for o := range h.Options.All() {
		opts = append(opts, rawOption{o.Kind, append([]byte(nil), o.Data...)})
	}
	// The encoder pads the area with zeros, which decode as an End of
	// Option List: drop a last one rather than make it explicit. The view
	// marks it as padding, not as an option to edit.
	if n := len(opts); n > 0 && opts[n-1].kind == header.KindEnd {
		opts = opts[:n-1]
	}
	opts, err := edit(opts)
	if err != nil {
		return nil, err
	}
	h.Options.Reset()
	for _, o := range opts {
		if err := h.Options.Add(o.kind, o.data); err != nil {
			return nil, err
		}
	}
	h.DataOffset = 0
	return h.AppendBinary(nil)
}

type rawOption struct {
	kind header.Kind
	data []byte
}

func addOption(name string) func([]rawOption) ([]rawOption, error) {
	return func(opts []rawOption) ([]rawOption, error) {
		for _, k := range optionKinds {
			if k.name == name {
				data, err := optionData(k.kind, k.init)
				if err != nil {
					return nil, err
				}
				return append(opts, rawOption{k.kind, data}), nil
			}
		}
		if n, err := strconv.ParseUint(name, 10, 8); err == nil {
			return append(opts, rawOption{header.Kind(n), nil}), nil
		}
		return nil, errors.New("unknown option " + strconv.Quote(name))
	}
}

func deleteOption(i int) func([]rawOption) ([]rawOption, error) {
	return func(opts []rawOption) ([]rawOption, error) {
		if i < 0 || i >= len(opts) {
			return nil, errors.New("no option " + strconv.Itoa(i))
		}
		return append(opts[:i], opts[i+1:]...), nil
	}
}

func setOption(i int, value string) func([]rawOption) ([]rawOption, error) {
	return func(opts []rawOption) ([]rawOption, error) {
		if i < 0 || i >= len(opts) {
			return nil, errors.New("no option " + strconv.Itoa(i))
		}
		data, err := optionData(opts[i].kind, value)
		if err != nil {
			return nil, errors.New(opts[i].kind.String() + ": " + err.Error())
		}
		opts[i].data = data
		return opts, nil
	}
}
