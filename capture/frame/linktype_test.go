package frame_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tcpwire/tcpwire/capture/frame"
)

func TestLinkTypeString(t *testing.T) {
	for lt, name := range map[frame.LinkType]string{
		frame.LinkNull: "NULL", frame.LinkEthernet: "EN10MB", frame.LinkRaw: "RAW", frame.LinkLoop: "LOOP",
		frame.LinkLinuxSLL: "LINUX_SLL", frame.LinkIPv4: "IPV4", frame.LinkIPv6: "IPV6", frame.LinkLinuxSLL2: "LINUX_SLL2",
		105: "LINKTYPE_105",
	} {
		assert.Equal(t, name, lt.String())
	}
}
