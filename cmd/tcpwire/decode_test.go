package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCmd runs tcpwire with args and stdin and returns its exit status and
// outputs.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status := run(args, strings.NewReader(stdin), &out, &errOut)
	return status, out.String(), errOut.String()
}

// A Linux SYN to port 8080 inside an IPv4 packet, as tcpdump -xx prints
// it on loopback (Ethernet header with zero MACs first).
const synFrame = `	0x0000:  0000 0000 0000 0000 0000 0000 0800 4500
	0x0010:  003c 8f0e 4000 4006 ada3 7f00 0001 7f00
	0x0020:  0001 a46e 1f90 6f3c 5b0d 0000 0000 a002
	0x0030:  ffd7 fe30 0000 0204 ffd7 0402 080a 9d1b
	0x0040:  26c5 0000 0000 0103 0307
`

func TestDecodeHexForms(t *testing.T) {
	ip := "4500003c8f0e40004006ada37f0000017f000001" +
		"a46e1f906f3c5b0d00000000a002ffd7fe3000000204ffd70402080a9d1b26c50000000001030307"
	bare := ip[40:]
	tests := []struct {
		name, in, want string
	}{
		{"Ethernet frame from tcpdump -xx", synFrame, "1 IP 127.0.0.1.42094 > 127.0.0.1.8080: Flags [S], seq 1866226445, win 65495, options [mss 65495,sackOK,TS val 2635802309 ecr 0,nop,wscale 7], length 0\n"},
		{"IPv4 packet", ip, "1 IP 127.0.0.1.42094 > 127.0.0.1.8080: Flags [S], seq 1866226445, win 65495, options [mss 65495,sackOK,TS val 2635802309 ecr 0,nop,wscale 7], length 0\n"},
		{"bare TCP header", bare, "1 42094 > 8080: Flags [S], seq 1866226445, win 65495, options [mss 65495,sackOK,TS val 2635802309 ecr 0,nop,wscale 7], length 0\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runCmd(t, tt.in, "decode", "-")
			require.Equal(t, 0, status, errOut)
			assert.Equal(t, tt.want, out)
		})
	}
}

func TestDecodeJSONBareAndPartial(t *testing.T) {
	status, out, errOut := runCmd(t, synFrame, "decode", "--json")
	require.Equal(t, 0, status, errOut)
	var rec map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rec))
	assert.Equal(t, "127.0.0.1", rec["src"])
	assert.Equal(t, "partial", rec["checksum_status"], "loopback SYN holds the pseudo-header sum")
	assert.Equal(t, []any{"SYN"}, rec["flag_names"])
	assert.Equal(t, float64(40), rec["header_len"])
	assert.Equal(t, true, rec["sack_permitted"])

	status, out, errOut = runCmd(t, "a46e1f906f3c5b0d00000000a002ffd7fe3000000204ffd70402080a9d1b26c50000000001030307", "decode", "--json")
	require.Equal(t, 0, status, errOut)
	rec = nil
	require.NoError(t, json.Unmarshal([]byte(out), &rec))
	assert.NotContains(t, rec, "src", "bare TCP has no addresses")
	assert.Equal(t, "unverified", rec["checksum_status"])
}

func TestDecodeVerbose(t *testing.T) {
	status, out, _ := runCmd(t, synFrame, "decode", "-v")
	require.Equal(t, 0, status)
	for _, want := range []string{
		"     0  source port       42094\n",
		"    12  flags             0x002 [S] (SYN)\n",
		"    16  checksum          0xfe30 (partial)\n",
		"    37  option            wscale 7\n",
		"    40  payload           0 bytes\n",
	} {
		assert.Contains(t, out, want)
	}
}

func TestDecodeErrors(t *testing.T) {
	// The MSS option claims 8 bytes where 4 are left.
	status, out, errOut := runCmd(t, "0001000200000001000000006002ffff0000000002080000", "decode", "-")
	assert.Equal(t, 1, status)
	assert.Empty(t, out)
	assert.Equal(t, "-:1: error: tcp header: option runs past the option area: option mss (kind 2) length 8 at byte 20\n", errOut)

	status, _, errOut = runCmd(t, "45 zz", "decode", "-")
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, `"zz" is not hex bytes at line 1, column 4`)

	status, _, errOut = runCmd(t, "", "decode", "no-such-file.pcap")
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, "no-such-file.pcap")

	status, out, _ = runCmd(t, "", "decode", "-h")
	assert.Equal(t, 0, status)
	assert.Empty(t, out)
}

func TestDecodeSnapLengthCut(t *testing.T) {
	status, out, errOut := runCmd(t, "", "decode", "--json", "../../testdata/captures/http-ipv4-snap60.pcap")
	require.Equal(t, 0, status, errOut)
	assert.Contains(t, errOut, "http-ipv4-snap60.pcap:1: note: the capture's snap length cut the TCP header")
	assert.Equal(t, 12, strings.Count(out, "\n"))
}
