//go:build !purego

package checksum

import "golang.org/x/sys/cpu"

var archKernels = []kernelCase{
	{"avx2", sumAVX2, cpu.X86.HasAVX2},
	{"avx512", sumAVX512, cpu.X86.HasAVX512F && cpu.X86.HasAVX512BW && cpu.X86.HasAVX512VL},
	{"avx512vnni", sumAVX512VNNI, cpu.X86.HasAVX512F && cpu.X86.HasAVX512BW && cpu.X86.HasAVX512VL && cpu.X86.HasAVX512VNNI},
}
