//go:build !amd64 || purego

package checksum

var archKernels []kernelCase
