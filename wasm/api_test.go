package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stepView is the part of a step's view the tests look at.
type stepView struct {
	Dir      string `json:"dir"`
	Hex      string `json:"hex"`
	Label    string `json:"label"`
	Flags    string `json:"flags"`
	Verdict  string `json:"verdict"`
	Findings []struct {
		Severity string `json:"severity"`
		Code     string `json:"code"`
		Rule     string `json:"rule"`
		Field    string `json:"field"`
		Fix      *struct {
			Op, Arg string
		} `json:"fix"`
	} `json:"findings"`
	Fields []struct {
		ID    string `json:"id"`
		Bit   int    `json:"bit"`
		Bits  int    `json:"bits"`
		Value uint64 `json:"value"`
	} `json:"fields"`
	Options []struct {
		Name   string `json:"name"`
		Offset int    `json:"offset"`
		Len    int    `json:"len"`
		Value  string `json:"value"`
	} `json:"options"`
	OptionsLen int `json:"optionsLen"`
	Checksum   struct {
		Mode         string `json:"mode"`
		Value        uint64 `json:"value"`
		Correct      uint64 `json:"correct"`
		Status       string `json:"status"`
		PseudoHeader string `json:"pseudoHeader"`
	} `json:"checksum"`
	PayloadText string `json:"payloadText"`
	Go          string `json:"go"`
}

type viewJSON struct {
	Error string     `json:"error"`
	State string     `json:"state"`
	A     string     `json:"a"`
	B     string     `json:"b"`
	Sel   int        `json:"sel"`
	Steps []stepView `json:"steps"`
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

func decodeView(t *testing.T, b []byte) viewJSON {
	t.Helper()
	var v viewJSON
	require.NoError(t, json.Unmarshal(b, &v), "view is not JSON: %s", b)
	return v
}

func (s stepView) field(t *testing.T, id string) uint64 {
	t.Helper()
	for _, f := range s.Fields {
		if f.ID == id {
			return f.Value
		}
	}
	t.Fatalf("no field %q", id)
	return 0
}

// synFromA is a SYN from 192.0.2.1:40000 to 192.0.2.2:80, seq 1000,
// window 64240, MSS 1460, with its checksum filled in (0x78b9, computed
// by hand over the RFC 9293 §3.1 pseudo-header).
const synFromA = "9c400050000003e8000000006002faf078b900000204 05b4"

func newState(t *testing.T, steps ...string) string {
	t.Helper()
	text := "a=192.0.2.1&b=192.0.2.2"
	for _, s := range steps {
		text += "&s=" + strings.ReplaceAll(s, " ", "")
	}
	return text
}

func TestUpdateFieldChangesBytesAndChecksum(t *testing.T) {
	v := decodeView(t, Update(newState(t, "aa"+synFromA), "", -1, ""))
	require.Empty(t, v.Error)
	require.Len(t, v.Steps, 1)
	before := v.Steps[0]
	assert.Equal(t, "good", before.Checksum.Status)
	assert.Equal(t, "ok", before.Verdict)
	assert.Equal(t, "40000 > 80: Flags [S], seq 1000, win 64240, options [mss 1460], length 0", before.Label)

	v = decodeView(t, Update(v.State, "field", 0, "seq=1001"))
	require.Empty(t, v.Error)
	after := v.Steps[0]
	assert.Equal(t, uint64(1001), after.field(t, "seq"))
	assert.Equal(t, "000003e9", after.Hex[8:16], "sequence number bytes")
	assert.NotEqual(t, before.Checksum.Value, after.Checksum.Value, "auto checksum follows the edit")
	assert.Equal(t, after.Checksum.Correct, after.Checksum.Value)
	assert.Equal(t, "good", after.Checksum.Status)
}

func TestUpdateFlagBits(t *testing.T) {
	v := decodeView(t, Update(newState(t, "aa"+synFromA), "field", 0, "flag_ack=1"))
	require.Empty(t, v.Error)
	assert.Equal(t, "12", v.Steps[0].Hex[26:28], "byte 13 holds SYN and ACK")
	v = decodeView(t, Update(v.State, "field", 0, "flag_ae=1"))
	assert.Equal(t, "61", v.Steps[0].Hex[24:26], "AE is the low bit of byte 12")
	v = decodeView(t, Update(v.State, "field", 0, "reserved=7"))
	assert.Equal(t, "6f", v.Steps[0].Hex[24:26], "reserved bits sit above AE")
}

func TestUpdateRejectsOutOfRange(t *testing.T) {
	state := newState(t, "aa"+synFromA)
	for _, arg := range []string{"src_port=65536", "data_offset=16", "flag_syn=2", "seq=-1", "seq=x", "nosuch=1"} {
		v := decodeView(t, Update(state, "field", 0, arg))
		assert.NotEmpty(t, v.Error, arg)
		assert.Equal(t, strings.ReplaceAll(synFromA, " ", ""), v.Steps[0].Hex, "%s leaves the step unchanged", arg)
	}
}

func TestWrongChecksumFindingAndFix(t *testing.T) {
	v := decodeView(t, Update(newState(t, "aa"+synFromA), "mode", 0, "wrong"))
	s := v.Steps[0]
	assert.Equal(t, "bad", s.Checksum.Status)
	assert.Equal(t, s.Checksum.Correct^1, s.Checksum.Value)
	assert.Equal(t, "error", s.Verdict)
	require.Len(t, s.Findings, 1)
	f := s.Findings[0]
	assert.Equal(t, "checksum_bad", f.Code)
	assert.Equal(t, "RFC 9293 §3.1", f.Rule)
	require.NotNil(t, f.Fix)

	v = decodeView(t, Update(v.State, f.Fix.Op, 0, f.Fix.Arg))
	assert.Equal(t, "ok", v.Steps[0].Verdict)
	assert.Equal(t, "good", v.Steps[0].Checksum.Status)
}

func TestSettingChecksumFixesIt(t *testing.T) {
	v := decodeView(t, Update(newState(t, "aa"+synFromA), "field", 0, "checksum=0x1234"))
	assert.Equal(t, "fixed", v.Steps[0].Checksum.Mode)
	assert.Equal(t, uint64(0x1234), v.Steps[0].Checksum.Value)
	assert.Equal(t, "bad", v.Steps[0].Checksum.Status)
}

func TestPseudoHeader(t *testing.T) {
	v := decodeView(t, Update(newState(t, "aa"+synFromA), "", -1, ""))
	// RFC 9293 §3.1: source, destination, zero, protocol 6, TCP length 24.
	assert.Equal(t, "c0000201"+"c0000202"+"00"+"06"+"0018", v.Steps[0].Checksum.PseudoHeader)

	v = decodeView(t, Update(v.State, "addr", -1, "a=2001:db8::1"))
	require.Empty(t, v.Error)
	assert.Equal(t, "2001:db8::1", v.A)
	// B's default, 198.51.100.20, moves into 2001:db8::/32 with A.
	assert.Equal(t, "2001:db8::14", v.B, "B follows A into IPv6")
	// RFC 8200 §8.1: 16+16 address bytes, 32-bit length, 3 zeros, next header.
	assert.Equal(t, "20010db8000000000000000000000001"+"20010db8000000000000000000000014"+"00000018"+"000000"+"06",
		v.Steps[0].Checksum.PseudoHeader)
	assert.Equal(t, "good", v.Steps[0].Checksum.Status)
}

func TestOptionsEditor(t *testing.T) {
	state := newState(t, "aa"+synFromA)
	v := decodeView(t, Update(state, "optadd", 0, "sackOK"))
	require.Empty(t, v.Error)
	s := v.Steps[0]
	assert.Equal(t, 8, s.OptionsLen, "6 option bytes pad to 8")
	assert.Equal(t, uint64(7), s.field(t, "data_offset"), "28 bytes: 7 words")
	assert.Equal(t, "sackOK", s.Options[1].Name)
	assert.Equal(t, 24, s.Options[1].Offset)

	v = decodeView(t, Update(v.State, "optset", 0, "0=536"))
	require.Empty(t, v.Error)
	assert.Equal(t, "536", v.Steps[0].Options[0].Value)
	assert.Equal(t, "good", v.Steps[0].Checksum.Status)

	v = decodeView(t, Update(v.State, "optdel", 0, "1"))
	assert.Equal(t, 4, v.Steps[0].OptionsLen)
	assert.Equal(t, uint64(6), v.Steps[0].field(t, "data_offset"))

	// Timestamps (10) three times and MSS (4) make 34 bytes; a fourth
	// Timestamps does not fit in 40.
	state = v.State
	for range 3 {
		v = decodeView(t, Update(state, "optadd", 0, "TS"))
		require.Empty(t, v.Error)
		state = v.State
	}
	v = decodeView(t, Update(state, "optadd", 0, "TS"))
	assert.Contains(t, v.Error, "40 bytes")
	assert.Equal(t, 36, v.Steps[0].OptionsLen, "34 bytes of options pad to 36")

	v = decodeView(t, Update(state, "optset", 0, "1=1 2 3"))
	assert.Contains(t, v.Error, "needs 2 numbers")
}

func TestPayload(t *testing.T) {
	v := decodeView(t, Update(newState(t, "aa"+synFromA), "payload", 0, "text:GET /"))
	require.Empty(t, v.Error)
	assert.Equal(t, "GET /", v.Steps[0].PayloadText)
	assert.True(t, strings.HasSuffix(v.Steps[0].Hex, "474554202f"))
	assert.Contains(t, v.Steps[0].Label, "length 5")
	v = decodeView(t, Update(v.State, "payload", 0, "hex:00 ff"))
	assert.True(t, strings.HasSuffix(v.Steps[0].Hex, "0204"+"05b4"+"00ff"))
}

func TestMalformedHeaderIsAnError(t *testing.T) {
	// An MSS option whose length byte is 1 (RFC 9293 §3.2).
	v := decodeView(t, Update(newState(t, "aa"+synFromA), "hex", 0, "9c400050000003e8000000006002faf0000000000201 05b4"))
	require.Empty(t, v.Error)
	s := v.Steps[0]
	assert.Equal(t, "error", s.Verdict)
	require.NotEmpty(t, s.Findings)
	assert.Equal(t, "malformed", s.Findings[0].Code)
	assert.Empty(t, s.Label, "a header that does not decode has no tcpdump line")
	assert.Equal(t, "[S]", s.Flags, "the fixed header still gives the flags")
	assert.Equal(t, uint64(40000), s.field(t, "src_port"), "fixed fields still show")
}

func TestStepOps(t *testing.T) {
	state := newState(t, "aa"+synFromA)
	v := decodeView(t, Update(state, "dup", 0, ""))
	require.Len(t, v.Steps, 2)
	assert.Equal(t, 1, v.Sel)
	v = decodeView(t, Update(v.State, "dir", 1, ""))
	assert.Equal(t, "b", v.Steps[1].Dir)
	v = decodeView(t, Update(v.State, "up", 1, ""))
	assert.Equal(t, []string{"b", "a"}, []string{v.Steps[0].Dir, v.Steps[1].Dir})
	v = decodeView(t, Update(v.State, "add", 1, ""))
	require.Len(t, v.Steps, 3)
	assert.Equal(t, "50000 > 80: Flags [none], seq 0, win 65535, length 0", v.Steps[2].Label, "ports and window of the endpoints")
	v = decodeView(t, Update(v.State, "del", 0, ""))
	require.Len(t, v.Steps, 2)
	v = decodeView(t, Update(v.State, "del", 5, ""))
	assert.Equal(t, "no such step", v.Error)
}

func TestStateRoundTrip(t *testing.T) {
	v := decodeView(t, Update(newState(t, "aa"+synFromA, "bw"+synFromA), "select", 1, ""))
	st, err := ParseState(v.State)
	require.NoError(t, err)
	assert.Equal(t, v.State, string(st.AppendText(nil)))
	assert.Equal(t, 1, st.Sel)
	assert.True(t, st.Steps[1].FromB)
	assert.Equal(t, CheckWrong, st.Steps[1].Mode)

	again := decodeView(t, Update(v.State, "", -1, ""))
	if diff := cmp.Diff(v, again); diff != "" {
		t.Errorf("view of the state text differs (-first +again):\n%s", diff)
	}
}

func TestParseStateErrors(t *testing.T) {
	for _, text := range []string{
		"a=300.1.1.1",
		"a=192.0.2.1&b=2001:db8::1",
		"s=xa00",
		"s=az00",
		"s=aa0g",
		"sel=-1",
		"aport=70000",
		"zz=1",
	} {
		_, err := ParseState(text)
		assert.ErrorIs(t, err, ErrState, text)
		v := decodeView(t, Update(text, "", -1, ""))
		assert.NotEmpty(t, v.Error, text)
	}
}

func TestImportHex(t *testing.T) {
	// An IPv4 packet (RFC 791) carrying the SYN, then the SYN as bare TCP
	// bytes sent back.
	ip := "4500002c000040004006" + "0000" + "c0000201" + "c0000202"
	v := decodeView(t, ImportHex("# capture\n"+ip+synFromA+"\n\n"+"c6336402"+"00000000"+"\n"))
	require.Empty(t, v.Error)
	assert.Equal(t, "192.0.2.1", v.A)
	require.Len(t, v.Steps, 2)
	assert.Equal(t, strings.ReplaceAll(synFromA, " ", ""), v.Steps[0].Hex)
	assert.Equal(t, "good", v.Steps[0].Checksum.Status)
	assert.Equal(t, "fixed", v.Steps[0].Checksum.Mode, "imported checksums are kept")
	assert.Equal(t, "error", v.Steps[1].Verdict, "8 bytes are not a header")

	v = decodeView(t, ImportHex("zz"))
	assert.Contains(t, v.Error, "line 1")

	// Two Ethernet frames as tcpdump -xx prints them: the SYN from A, then
	// the same bytes from B (the addresses swapped).
	eth := "\t0x0000:  0000 0000 0000 0000 0000 0000 0800 "
	dump := "# tcpdump -xx\n" +
		eth + "4500\n\t0x0010:  002c 0000 4000 4006 0000 c000 0201 c000\n\t0x0020:  0202 9c40 0050 0000 03e8 0000 0000 6002\n\t0x0030:  faf0 78b9 0000 0204 05b4\n\n" +
		eth + "4500\n\t0x0010:  002c 0000 4000 4006 0000 c000 0202 c000\n\t0x0020:  0201 9c40 0050 0000 03e8 0000 0000 6002\n\t0x0030:  faf0 78b9 0000 0204 05b4\n"
	v = decodeView(t, ImportHex(dump))
	require.Empty(t, v.Error)
	assert.Equal(t, "192.0.2.1", v.A)
	require.Len(t, v.Steps, 2)
	assert.Equal(t, strings.ReplaceAll(synFromA, " ", ""), v.Steps[0].Hex)
	assert.Equal(t, "a", v.Steps[0].Dir)
	assert.Equal(t, "b", v.Steps[1].Dir)
}

func TestGoLiteral(t *testing.T) {
	v := decodeView(t, Update(newState(t, "aa"+synFromA), "", -1, ""))
	want := "h := header.Header{\n\tSrcPort: 40000,\n\tDstPort: 80,\n\tSeq: 1000,\n\tFlags: header.SYN,\n\tWindow: 64240,\n\tChecksum: 0x78b9,\n}\n" +
		"// mss 1460\nif err := h.Options.SetBytes([]byte{0x02, 0x04, 0x05, 0xb4}); err != nil {\n\treturn err\n}\n"
	assert.Equal(t, want, v.Steps[0].Go)
}

func TestJSONStrings(t *testing.T) {
	for _, s := range []string{"plain", "q\"b\\", "nl\n\x00\x7f<&>", "\u2028", "é", "\xff"} {
		var got string
		require.NoError(t, json.Unmarshal(appendJSONString(nil, s), &got), "%q", s)
		if s == "\xff" {
			assert.Equal(t, "\ufffd", got)
		} else {
			assert.Equal(t, s, got)
		}
	}
}
