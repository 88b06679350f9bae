//go:build !purego

package checksum

import "golang.org/x/sys/cpu"

//go:generate sh -c "cd _asm && GOWORK=off go run . -out ../sum_amd64.s -stubs ../sum_stub_amd64.go -pkg checksum"

// kernel is the vector kernel for this CPU, chosen once at start-up.
var kernel = selectKernel()

// selectKernel picks the widest kernel the CPU (and the operating system,
// which must save the vector registers) supports.
func selectKernel() func([]byte) uint64 {
	x := cpu.X86
	switch {
	case x.HasAVX512F && x.HasAVX512BW && x.HasAVX512VL && x.HasAVX512VNNI:
		return sumAVX512VNNI
	case x.HasAVX512F && x.HasAVX512BW && x.HasAVX512VL:
		return sumAVX512
	case x.HasAVX2:
		return sumAVX2
	}
	return sumGeneric
}

// sumWords is the single dispatch point: see [sumGeneric] for what it
// returns.
func sumWords(b []byte) uint64 {
	return kernel(b)
}
