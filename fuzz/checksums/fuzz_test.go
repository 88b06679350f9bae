package checksums

import (
	"encoding/binary"
	"errors"
	"net/netip"
	"testing"

	"github.com/tcpwire/tcpwire/checksum"
	"github.com/tcpwire/tcpwire/header"
)

// FuzzSum takes b[0]&7 as the alignment of the data in memory, b[1:3] as
// the initial value, b[3] as where to split it, and b[4:] as the data. Sum
// equals the naive sum at every length and alignment; the two halves
// combined and a Digest fed in pieces agree with it. (The checksum x/net
// computes is compared in differential/xnetoracle, gVisor's in
// differential/gvisorpeer: each fuzzing binary links only its own peer.)
func FuzzSum(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 4 {
			return
		}
		off, initial := int(b[0]&7), binary.BigEndian.Uint16(b[1:])
		buf := make([]byte, off+len(b)-4)
		d := buf[off:]
		copy(d, b[4:])
		want := Naive(d, initial)
		if got := checksum.Sum(d, initial); got != want {
			t.Fatalf("Sum(%d bytes at +%d, %#04x) = %#04x, naive %#04x", len(d), off, initial, got, want)
		}
		if got, want := checksum.Checksum(d), ^Naive(d, 0); got != want {
			t.Fatalf("Checksum(%d bytes) = %#04x, want %#04x", len(d), got, want)
		}
		k := int(b[3]) * len(d) / 255
		if got := checksum.Combine(checksum.Sum(d[:k], initial), checksum.Sum(d[k:], 0), k); got != want {
			t.Fatalf("Combine at %d of %d = %#04x, want %#04x", k, len(d), got, want)
		}
		dg := checksum.New()
		for rest, i := d, 0; len(rest) > 0; i++ {
			n := min(len(rest), 1+int(b[i%4])%67)
			dg.Write(rest[:n])
			rest = rest[n:]
		}
		if dg.Partial() != Naive(d, 0) || dg.Sum16() != ^dg.Partial() {
			t.Fatalf("Digest: partial %#04x, sum %#04x; want partial %#04x", dg.Partial(), dg.Sum16(), Naive(d, 0))
		}
	})
}

// ones reports whether a and b are the same ones'-complement number: equal,
// or both forms of zero (0x0000 and 0xffff).
func ones(a, b uint16) bool { return a == b || a == 0 && b == 0xffff || a == 0xffff && b == 0 }

// FuzzUpdate takes b[0] as the index of a 16-bit word of the data b[3:]
// and b[1:3] as its new value: Update of the old checksum equals the
// checksum of the changed data, and Update32 likewise for the aligned
// 32-bit word holding it, set to b[1:3] twice. RFC 1624 §3 allows the
// update to give the other form of zero; nothing else may differ.
func FuzzUpdate(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 5 {
			return
		}
		data := append([]byte(nil), b[3:]...)
		words := len(data) / 2
		i, nw := int(b[0])%words*2, binary.BigEndian.Uint16(b[1:])
		check := checksum.Checksum(data)
		old := binary.BigEndian.Uint16(data[i:])
		binary.BigEndian.PutUint16(data[i:], nw)
		if got, want := checksum.Update(check, old, nw), checksum.Checksum(data); !ones(got, want) {
			t.Fatalf("Update(%#04x, %#04x, %#04x) = %#04x, recomputed %#04x", check, old, nw, got, want)
		}
		if len(data) < 4 {
			return
		}
		j := i &^ 3
		if j+4 > len(data) {
			j -= 4
		}
		check = checksum.Checksum(data)
		old32, new32 := binary.BigEndian.Uint32(data[j:]), uint32(nw)<<16|uint32(nw)
		binary.BigEndian.PutUint32(data[j:], new32)
		if got, want := checksum.Update32(check, old32, new32), checksum.Checksum(data); !ones(got, want) {
			t.Fatalf("Update32(%#04x, %#08x, %#08x) = %#04x, recomputed %#04x", check, old32, new32, got, want)
		}
	})
}

// FuzzTCP takes b[0]&1 to choose IPv4 or IPv6, then the source and
// destination addresses and the segment. checksum.TCP equals the naive sum
// over the pseudo-header and the segment; with it in the
// field the segment verifies and classifies Good, with the pseudo-header
// sum it classifies Partial, cut short it is Unverified or Partial, and
// header.SetChecksum computes the same value.
func FuzzTCP(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 1 {
			return
		}
		var src, dst netip.Addr
		var seg []byte
		switch {
		case b[0]&1 == 0 && len(b) >= 9:
			src, dst = netip.AddrFrom4([4]byte(b[1:5])), netip.AddrFrom4([4]byte(b[5:9]))
			seg = append([]byte(nil), b[9:]...)
		case b[0]&1 == 1 && len(b) >= 33:
			src, dst = netip.AddrFrom16([16]byte(b[1:17])), netip.AddrFrom16([16]byte(b[17:33]))
			seg = append([]byte(nil), b[33:]...)
		default:
			return
		}
		sum, err := checksum.TCP(src, dst, seg)
		if len(seg) < header.MinLen {
			if !errors.Is(err, checksum.ErrShort) {
				t.Fatalf("TCP of %d bytes: %v, want ErrShort", len(seg), err)
			}
			return
		}
		if src.Is4() && len(seg) > 0xffff {
			if !errors.Is(err, checksum.ErrLength) {
				t.Fatalf("TCP of %d bytes over IPv4: %v, want ErrLength", len(seg), err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		zeroed := append([]byte(nil), seg...)
		zeroed[16], zeroed[17] = 0, 0
		if want := ^Naive(zeroed, Naive(Pseudo(src, dst, len(seg)), 0)); sum != want {
			t.Fatalf("TCP = %#04x, naive %#04x", sum, want)
		}
		binary.BigEndian.PutUint16(seg[16:], sum)
		if ok, err := checksum.VerifyTCP(src, dst, seg); !ok || err != nil {
			t.Fatalf("VerifyTCP with the computed checksum: %v, %v", ok, err)
		}
		if s := checksum.Classify(src, dst, seg, len(seg)); s != checksum.Good {
			t.Fatalf("Classify with the computed checksum: %v", s)
		}
		partial, err := checksum.PseudoHeader(src, dst, checksum.ProtocolTCP, uint32(len(seg)))
		if err != nil {
			t.Fatal(err)
		}
		if s := checksum.Classify(src, dst, seg[:len(seg)-1], len(seg)); s != checksum.Unverified && !(s == checksum.Partial && ones(sum, partial)) {
			t.Fatalf("Classify of a cut segment: %v", s)
		}
		var h header.Header
		if err := h.Decode(seg); err == nil {
			h.Checksum = ^sum
			if err := h.SetChecksum(src, dst); err != nil || h.Checksum != sum {
				t.Fatalf("SetChecksum = %#04x, %v; want %#04x", h.Checksum, err, sum)
			}
		}
		binary.BigEndian.PutUint16(seg[16:], partial)
		if s := checksum.Classify(src, dst, seg, len(seg)); s != checksum.Partial && s != checksum.Good {
			t.Fatalf("Classify with the pseudo-header sum %#04x in the field: %v", partial, s)
		}
		binary.BigEndian.PutUint16(seg[16:], sum^0x0100)
		if ok, _ := checksum.VerifyTCP(src, dst, seg); ok {
			t.Fatalf("VerifyTCP holds with a flipped bit")
		}
	})
}
