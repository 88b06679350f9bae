package input_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tcpwire/tcpwire/fuzz/input"
)

func TestReader(t *testing.T) {
	r := input.New([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9})
	assert.Equal(t, byte(1), r.Byte())
	assert.Equal(t, uint16(0x0203), r.U16())
	assert.Equal(t, uint32(0x04050607), r.U32())
	assert.Equal(t, 2, r.Len())
	assert.Equal(t, []byte{8, 9}, r.Bytes(5), "as many as are left")
	assert.Equal(t, 0, r.Len())
	assert.Zero(t, r.Byte(), "zeros once the input runs out")
	assert.Zero(t, r.U32())
	assert.Empty(t, r.Bytes(3))

	r = input.New([]byte{0xab})
	assert.Equal(t, uint16(0xab00), r.U16(), "a short number is padded with zeros")
}
