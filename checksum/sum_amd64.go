//go:build !purego

package checksum

import "golang.org/x/sys/cpu"

//go:generate sh -c "cd _asm && GOWORK=off go run . -out ../sum_amd64.s -stubs ../sum_stub_amd64.go -pkg checksum"

// The kernel, chosen once at start-up from the CPU's features.
var (
	useAVX512VNNI = cpu.X86.HasAVX512F && cpu.X86.HasAVX512BW && cpu.X86.HasAVX512VL && cpu.X86.HasAVX512VNNI
	useAVX512     = cpu.X86.HasAVX512F && cpu.X86.HasAVX512BW && cpu.X86.HasAVX512VL
	useAVX2       = cpu.X86.HasAVX2
)

// vectorMin is the length from which Sum calls the kernel; shorter buffers,
// headers and pseudo-headers above all, are summed inline, as a call into
// a vector kernel costs more than it saves below it.
const vectorMin = 96

// sumWords is the single dispatch point: see [sumGeneric] for what it
// returns.
func sumWords(b []byte) uint64 {
	switch {
	case useAVX512VNNI:
		return sumAVX512VNNI(b)
	case useAVX512:
		return sumAVX512(b)
	case useAVX2:
		return sumAVX2(b)
	}
	return sumGeneric(b)
}
