package header_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tcpwire/tcpwire/header"
)

func TestSeqArithmetic(t *testing.T) {
	tests := []struct {
		a, b header.Seq
		cmp  int
		dist int32
	}{
		{1, 2, -1, -1},
		{2, 1, 1, 1},
		{7, 7, 0, 0},
		// Wrap past 2^32: 0xfffffff0 comes before 0x10.
		{0xfffffff0, 0x10, -1, -0x20},
		{0x10, 0xfffffff0, 1, 0x20},
		// Just under half the space apart: still ordered.
		{0, 0x7fffffff, -1, -0x7fffffff},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.cmp, tt.a.Compare(tt.b), "%v.Compare(%v)", tt.a, tt.b)
		assert.Equal(t, tt.cmp < 0, tt.a.Less(tt.b), "%v.Less(%v)", tt.a, tt.b)
		assert.Equal(t, tt.cmp <= 0, tt.a.LessEq(tt.b), "%v.LessEq(%v)", tt.a, tt.b)
		assert.Equal(t, tt.dist, tt.a.Sub(tt.b), "%v.Sub(%v)", tt.a, tt.b)
		assert.Equal(t, tt.a, tt.b.Add(uint32(tt.a.Sub(tt.b))))
	}
	assert.Equal(t, header.Seq(4), header.Seq(0xfffffffe).Add(6))
	assert.Equal(t, "4294967295", header.Seq(0xffffffff).String())
}

func TestSeqInWindow(t *testing.T) {
	tests := []struct {
		s, start header.Seq
		size     uint32
		want     bool
	}{
		{100, 100, 10, true},
		{109, 100, 10, true},
		{110, 100, 10, false},
		{99, 100, 10, false},
		{100, 100, 0, false},
		// A window that wraps past 2^32.
		{0xfffffffe, 0xfffffff0, 0x20, true},
		{0x0000000f, 0xfffffff0, 0x20, true},
		{0x00000010, 0xfffffff0, 0x20, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.s.InWindow(tt.start, tt.size), "%v in [%v, +%d)", tt.s, tt.start, tt.size)
	}
}
