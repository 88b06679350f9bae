package handshake_test

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/handshake"
	"github.com/tcpwire/tcpwire/header"
)

// TestMidstream checks every scenario from its second, third and fourth
// segment on, as a capture started late would show it: no error.
func TestMidstream(t *testing.T) {
	for _, in := range handshake.Scenarios() {
		s, err := handshake.New(in.Name)
		require.NoError(t, err)
		segs := s.Segments()
		for skip := 1; skip < min(4, len(segs)); skip++ {
			vs := handshake.Check(segs[skip:])
			assert.Empty(t, errorsIn(findingsOf(vs)), "%s from segment %d", in.Name, skip)
		}
	}
}

// TestTupleReuse runs the same connection twice on one four-tuple, the
// second SYN arriving in TIME-WAIT: two connections, no finding.
func TestTupleReuse(t *testing.T) {
	s, err := handshake.New("open-data-close")
	require.NoError(t, err)
	segs := s.Segments()
	second, err := handshake.New("open-data-close")
	require.NoError(t, err)
	second.Client.ISN, second.Server.ISN = 900_000, 7_000_000
	require.NoError(t, second.Build())
	vs := handshake.Check(append(segs, second.Segments()...))
	assert.Empty(t, findingsOf(vs))
	assert.Equal(t, 1, vs[len(segs)-1].Conn)
	assert.Equal(t, 2, vs[len(segs)].Conn)
	assert.Equal(t, handshake.TimeWait, vs[len(vs)-1].Client.State)
}

// TestRetransmittedSYN checks that a SYN sent again is a retransmission,
// not a new connection.
func TestRetransmittedSYN(t *testing.T) {
	s, err := handshake.New("open")
	require.NoError(t, err)
	segs := s.Segments()
	vs := handshake.Check([]handshake.Segment{segs[0], segs[0], segs[1], segs[1], segs[2]})
	assert.Equal(t, []handshake.Code{handshake.CodeRetransmission}, codesOf(vs[1].Findings))
	assert.Equal(t, []handshake.Code{handshake.CodeRetransmission}, codesOf(vs[3].Findings))
	assert.Empty(t, vs[4].Findings)
	assert.Equal(t, 1, vs[4].Conn)
	assert.Equal(t, handshake.Established, vs[4].Server.State)
}

// TestBareSegments checks segments without addresses: the checksum is
// unverified and the rest is checked as usual.
func TestBareSegments(t *testing.T) {
	s, err := handshake.New("close")
	require.NoError(t, err)
	segs := s.Segments()
	for i := range segs {
		segs[i].Src, segs[i].Dst = netip.Addr{}, netip.Addr{}
	}
	vs := handshake.Check(segs)
	assert.Empty(t, findingsOf(vs))
	for _, v := range vs {
		assert.Equal(t, "unverified", v.Checksum.String())
	}
	assert.Equal(t, handshake.TimeWait, vs[len(vs)-1].Client.State)
}

// TestSimultaneousOpenOptions builds a simultaneous open where only the
// client offers Window Scale, SACK and Timestamps: each SYN-ACK carries
// only what both SYNs offered, and nothing is flagged.
func TestSimultaneousOpenOptions(t *testing.T) {
	s, err := handshake.New("simultaneous-open")
	require.NoError(t, err)
	s.Server.WindowScale, s.Server.SACKPermitted, s.Server.Timestamps = false, false, false
	require.NoError(t, s.Build())
	for i, st := range s.Steps {
		assert.Empty(t, st.Findings, "step %d", i)
	}
	assert.Empty(t, findingsOf(handshake.Check(s.Segments())))
	_, ws := s.Steps[2].Header.Options.WindowScale()
	assert.False(t, ws, "the client's SYN-ACK answers a SYN without Window Scale")
}

// TestNotErrors checks what real stacks send and SPEC §5 says is not an
// error: a D-SACK block below the acknowledgment (RFC 2883), a keep-alive
// with one garbage octet, and a Fast Open cookie request.
func TestNotErrors(t *testing.T) {
	s, err := handshake.New("data")
	require.NoError(t, err)
	// The server's ACK of the request reports it twice received.
	h := s.Steps[4].Header
	var o header.Options
	require.NoError(t, o.SetBytes(h.Options.Bytes()))
	require.NoError(t, o.AddNOP())
	require.NoError(t, o.AddNOP())
	require.NoError(t, o.AddSACK(header.SACKBlock{Left: 1001, Right: 1038}))
	dsack := append([]byte{}, o.Bytes()...)
	s.Steps[4].Edit = &handshake.Edit{Options: &dsack}
	// The client's last ACK becomes a keep-alive with one octet.
	s.Steps[6].Edit = &handshake.Edit{Seq: ptr[header.Seq](1037), Payload: ptr([]byte{0})}
	require.NoError(t, s.Rebuild(4))
	vs := handshake.Check(s.Segments())
	assert.Empty(t, vs[4].Findings)
	assert.Equal(t, []handshake.Code{handshake.CodeKeepAlive}, codesOf(vs[6].Findings))
	assert.Empty(t, errorsIn(findingsOf(vs)))

	// A SYN asking for a Fast Open cookie, answered with one.
	fo, err := handshake.New("open")
	require.NoError(t, err)
	fo.Client.FastOpen = nil
	fo.Steps[0].Data = []byte{}
	require.NoError(t, fo.Build())
	opt, ok := fo.Steps[0].Header.Options.Find(header.KindFastOpen)
	require.True(t, ok, "cookie request")
	assert.Empty(t, opt.Data)
	assert.Empty(t, findingsOf(handshake.Check(fo.Segments())))
}

// TestMissedSegments drops single segments of a built connection, as a
// capture that lost them would show it. A lost data or FIN segment is one
// ack_lost_segment error, where its acknowledgment arrives (SPEC §4), and
// nothing more; a lost handshake or pure ACK segment is no error at all.
// Losing anything but a FIN, both ends end up where they would have.
func TestMissedSegments(t *testing.T) {
	s, err := handshake.New("open-data-close")
	require.NoError(t, err)
	all := s.Segments()
	for drop := range all {
		segs := append(append([]handshake.Segment{}, all[:drop]...), all[drop+1:]...)
		vs := handshake.Check(segs)
		var want []handshake.Code
		switch s.Steps[drop].Action {
		case handshake.ActData, handshake.ActFIN:
			want = []handshake.Code{handshake.CodeAckLostSegment}
		}
		assert.Equal(t, want, codesOf(errorsIn(findingsOf(vs))), "without segment %d", drop)
		last := vs[len(vs)-1]
		if s.Steps[drop].Action != handshake.ActFIN && drop < len(all)-1 {
			assert.Equal(t, handshake.TimeWait, last.Client.State, "without segment %d", drop)
			assert.Equal(t, handshake.Closed, last.Server.State, "without segment %d", drop)
		}
	}
}

// TestAckBeyondWindow corrupts the ack of one pure ACK so that it
// acknowledges far more than the peer could have sent (a bit flip, not a
// lost segment): one ack_lost_segment error there, the receiver drops it,
// and the correct ACKs after it raise nothing (found by FuzzChecker, where
// the checker had taken the bad ACK as SND.UNA and then refused every
// correct ACK with a fix that changed nothing).
func TestAckBeyondWindow(t *testing.T) {
	s, err := handshake.New("open-data-close")
	require.NoError(t, err)
	segs := s.Segments()
	bad := -1
	for i, st := range s.Steps {
		if i > 2 && st.Action == handshake.ActACK {
			bad = i
			break
		}
	}
	require.NotEqual(t, -1, bad, "a pure ACK after the open")
	segs[bad].TCP = append([]byte(nil), segs[bad].TCP...)
	wrong := uint32(s.Steps[bad].Header.Ack) ^ 0x40000000
	require.NoError(t, segs[bad].Apply(&handshake.Fix{Field: handshake.FieldAck, Value: wrong}))

	vs := handshake.Check(segs)
	fs := errorsIn(findingsOf(vs))
	require.Len(t, fs, 1, "%v", fs)
	assert.Equal(t, handshake.CodeAckLostSegment, fs[0].Code)
	assert.Equal(t, bad, fs[0].Segment)
	require.NotNil(t, fs[0].Fix)
	assert.Equal(t, uint32(s.Steps[bad].Header.Ack), fs[0].Fix.Value, "the fix restores the ack")
	last := vs[len(vs)-1]
	assert.Equal(t, handshake.TimeWait, last.Client.State)
	assert.Equal(t, handshake.Closed, last.Server.State)
}

// TestLengthAndPadding checks segments whose IP length disagrees with the
// bytes: trailing link-layer padding is ignored, and a TCP length shorter
// than the header is a malformed header, not a panic.
func TestLengthAndPadding(t *testing.T) {
	s, err := handshake.New("data")
	require.NoError(t, err)
	segs := s.Segments()
	for i := range segs {
		segs[i].Length = len(segs[i].TCP)
		segs[i].TCP = append(append([]byte{}, segs[i].TCP...), 0, 0, 0, 0, 0, 0)
	}
	vs := handshake.Check(segs)
	assert.Empty(t, findingsOf(vs))
	for _, v := range vs {
		assert.Equal(t, "good", v.Checksum.String())
	}

	segs[3].Length = 12
	vs = handshake.Check(segs)
	assert.Equal(t, []handshake.Code{handshake.CodeMalformed}, codesOf(vs[3].Findings))
}
