package handshake_test

import (
	"bytes"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tcpwire/tcpwire/handshake"
	"github.com/tcpwire/tcpwire/header"
)

// longScenario builds a connection that carries n segments of 1000 bytes
// from the client, each acknowledged, across the 2^32 wrap, then closes.
func longScenario(t testing.TB, n int) *handshake.Scenario {
	t.Helper()
	steps := append([]handshake.Step{}, openSteps...)
	chunk := bytes.Repeat([]byte("x"), 1000)
	for range n {
		steps = append(steps,
			handshake.Step{From: handshake.Client, Action: handshake.ActData, Data: chunk},
			handshake.Step{From: handshake.Server, Action: handshake.ActACK})
	}
	steps = append(steps,
		handshake.Step{From: handshake.Client, Action: handshake.ActFIN},
		handshake.Step{From: handshake.Server, Action: handshake.ActFIN},
		handshake.Step{From: handshake.Client, Action: handshake.ActACK})
	s := custom(steps...)
	s.Client.ISN = header.Seq(0xffff_ffff - 1000*uint32(n)/2)
	require.NoError(t, s.Build())
	return s
}

// TestLongScenario checks a long connection that wraps: no finding.
func TestLongScenario(t *testing.T) {
	s := longScenario(t, 2000)
	last := s.Steps[len(s.Steps)-1]
	assert.Equal(t, handshake.TimeWait, last.Client.State)
	assert.Equal(t, handshake.Closed, last.Server.State)
	assert.Empty(t, findingsOf(handshake.Check(s.Segments())))
}

// TestCheckAllocs checks that a segment without findings costs no
// allocation once its connection is known.
func TestCheckAllocs(t *testing.T) {
	segs := longScenario(t, 600).Segments()
	c := handshake.NewChecker()
	for _, s := range segs[:3] {
		c.Check(s)
	}
	i := 3
	allocs := testing.AllocsPerRun(1000, func() {
		if v := c.Check(segs[i]); v.Findings != nil {
			panic(v.Findings[0].String())
		}
		i++
	})
	assert.Zero(t, allocs)
}

// TestCheckerBounded checks that the checker follows at most MaxConns
// connections, forgetting the least recently active: a connection that
// comes back after being forgotten is picked up mid-stream, without error.
func TestCheckerBounded(t *testing.T) {
	var all []handshake.Segment
	var lists [][]handshake.Segment
	for port := range uint16(8) {
		s, err := handshake.New("open-data-close")
		require.NoError(t, err)
		s.Client.Addr = netipPort(s.Client.Addr, 40000+port)
		require.NoError(t, s.Build())
		lists = append(lists, s.Segments())
	}
	for i := range lists[0] {
		for _, l := range lists {
			all = append(all, l[i])
		}
	}
	c := handshake.NewChecker()
	c.MaxConns = 3
	conns := map[int]bool{}
	for _, s := range all {
		v := c.Check(s)
		conns[v.Conn] = true
		assert.Empty(t, errorsIn(v.Findings))
	}
	assert.Greater(t, len(conns), 8, "forgotten connections come back as new ones")

	unbounded := handshake.Check(all)
	assert.Empty(t, findingsOf(unbounded))
}

// BenchmarkCheck checks a long built connection (about 4000 segments).
func BenchmarkCheck(b *testing.B) {
	segs := longScenario(b, 2000).Segments()
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		c := handshake.NewChecker()
		for _, s := range segs {
			c.Check(s)
		}
		n += len(segs)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "segments/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/segment")
}

// BenchmarkBuild builds the whole open-data-close scenario.
func BenchmarkBuild(b *testing.B) {
	s, err := handshake.New("open-data-close")
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Build(); err != nil {
			b.Fatal(err)
		}
	}
}

func netipPort(a netip.AddrPort, port uint16) netip.AddrPort {
	return netip.AddrPortFrom(a.Addr(), port)
}
