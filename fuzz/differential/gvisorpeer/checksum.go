package gvisorpeer

import (
	"encoding/binary"
	"fmt"
	"net/netip"

	"gvisor.dev/gvisor/pkg/tcpip"
	gvchecksum "gvisor.dev/gvisor/pkg/tcpip/checksum"
	gvisor "gvisor.dev/gvisor/pkg/tcpip/header"

	"github.com/tcpwire/tcpwire/checksum"
)

// Checksum compares tcpwire's TCP checksum with gVisor's for the input of
// FuzzChecksum: b[0]&1 chooses IPv4 or IPv6, the addresses follow (4 or 16
// bytes each), then the segment. gVisor's pseudo-header takes a 16-bit
// length, so segments above 65535 bytes are not compared. The two may
// return the two forms of ones'-complement zero for the same sum; nothing
// else may differ.
func Checksum(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	var src, dst netip.Addr
	var gsrc, gdst tcpip.Address
	var seg []byte
	switch {
	case b[0]&1 == 0 && len(b) >= 9:
		src, dst = netip.AddrFrom4([4]byte(b[1:5])), netip.AddrFrom4([4]byte(b[5:9]))
		gsrc, gdst = tcpip.AddrFrom4([4]byte(b[1:5])), tcpip.AddrFrom4([4]byte(b[5:9]))
		seg = b[9:]
	case b[0]&1 == 1 && len(b) >= 33:
		src, dst = netip.AddrFrom16([16]byte(b[1:17])), netip.AddrFrom16([16]byte(b[17:33]))
		gsrc, gdst = tcpip.AddrFrom16([16]byte(b[1:17])), tcpip.AddrFrom16([16]byte(b[17:33]))
		seg = b[33:]
	default:
		return nil
	}
	if len(seg) < gvisor.TCPMinimumSize || len(seg) > 0xffff {
		return nil
	}
	sum, err := checksum.TCP(src, dst, seg)
	if err != nil {
		return err
	}
	zeroed := append([]byte(nil), seg...)
	zeroed[16], zeroed[17] = 0, 0
	p := gvisor.PseudoHeaderChecksum(gvisor.TCPProtocolNumber, gsrc, gdst, uint16(len(seg)))
	if want := ^gvchecksum.Checksum(zeroed, p); sum != want && !(sum == 0 && want == 0xffff || sum == 0xffff && want == 0) {
		return fmt.Errorf("checksum.TCP = %#04x, gVisor %#04x", sum, want)
	}
	binary.BigEndian.PutUint16(zeroed[16:], sum)
	t := gvisor.TCP(zeroed)
	if _, _, ok := gvisor.TCPValid(t, nil, 0, gsrc, gdst, true); !ok {
		return nil
	}
	payload := t.Payload()
	if !t.IsChecksumValid(gsrc, gdst, gvchecksum.Checksum(payload, 0), uint16(len(payload))) {
		return fmt.Errorf("gVisor's IsChecksumValid refuses checksum.TCP's %#04x", sum)
	}
	return nil
}
