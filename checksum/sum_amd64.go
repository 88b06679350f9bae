//go:build !purego

package checksum

import "golang.org/x/sys/cpu"

//go:generate sh -c "cd _asm && GOWORK=off go run . -out ../sum_amd64.s -stubs ../sum_stub_amd64.go -pkg checksum"

// The kernels sumWords can dispatch to.
const (
	kernelGeneric = iota
	kernelAVX2
	kernelAVX512
	kernelAVX512VNNI
)

// kernel is the vector kernel for this CPU, chosen once at start-up. It is
// a number, not a function value: a call through a function value would
// make every caller's buffer escape to the heap.
var kernel = selectKernel()

// selectKernel picks the widest kernel the CPU (and the operating system,
// which must save the vector registers) supports.
func selectKernel() int {
	x := cpu.X86
	switch {
	case x.HasAVX512F && x.HasAVX512BW && x.HasAVX512VL && x.HasAVX512VNNI:
		return kernelAVX512VNNI
	case x.HasAVX512F && x.HasAVX512BW && x.HasAVX512VL:
		return kernelAVX512
	case x.HasAVX2:
		return kernelAVX2
	}
	return kernelGeneric
}

// sumWords is the single dispatch point: see [sumGeneric] for what it
// returns.
func sumWords(b []byte) uint64 {
	switch kernel {
	case kernelAVX512VNNI:
		return sumAVX512VNNI(b)
	case kernelAVX512:
		return sumAVX512(b)
	case kernelAVX2:
		return sumAVX2(b)
	}
	return sumGeneric(b)
}
