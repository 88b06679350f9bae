package main

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parse reads back what go test writes for a []byte corpus entry, every
// byte value included.
func TestParse(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	for _, b := range [][]byte{{}, []byte("hello"), all, []byte("\x00\"\\\n`")} {
		got, err := parse([]byte(fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)))
		require.NoError(t, err)
		assert.Equal(t, string(b), string(got))
	}
}

// Files holding anything but one []byte value are refused.
func TestParseRefuses(t *testing.T) {
	for _, src := range []string{
		"",
		"go test fuzz v1\n",
		"go test fuzz v2\n[]byte(\"a\")\n",
		"go test fuzz v1\nstring(\"a\")\n",
		"go test fuzz v1\n[]byte(\"a\")\n[]byte(\"b\")\n",
		"go test fuzz v1\n[4]byte(\"a\")\n",
		"go test fuzz v1\nint(1)\n",
		"go test fuzz v1\n[]byte(\"a\n",
	} {
		_, err := parse([]byte(src))
		assert.Error(t, err, "%q", src)
	}
}
