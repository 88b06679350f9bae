// Command _asm generates checksum/sum_amd64.s and its Go declarations with
// avo. Run it through go generate in the checksum package:
//
//	go generate ./checksum
//
// Every kernel returns an accumulator whose 16-bit fold is the
// ones'-complement sum of b read as little-endian 16-bit words (an odd last
// byte is the low byte of a last word); the caller byte-swaps the folded
// result (RFC 1071 §2(B)).
//
// The vector loops widen 16-bit words into 32-bit lanes: each word has its
// sign bit flipped, so that as a signed word it is its unsigned value minus
// 32768, and VPMADDWD (or VPDPWSSD) against a vector of ones adds adjacent
// pairs into 32-bit lanes. After the loops the bias, 32768 per word summed,
// is added back. A lane gains at most 65536 in magnitude per vector, and
// the lanes are widened into 64-bit sums after every chunk of at most
// chunkVectors main-loop iterations, so no lane ever overflows.
package main

import (
	. "github.com/mmcloughlin/avo/build"
	"github.com/mmcloughlin/avo/ir"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

// chunkVectors bounds the main-loop iterations between two widenings. Each
// vector adds at most 65536 in magnitude to a 32-bit lane; the lanes of all
// accumulators together take at most accs × unroll × chunkVectors vectors
// from the main loop (at most 8192 here) and fewer than 8 more from
// the tail, so their sum, taken before widening, stays below 2^30.
const chunkVectors = 1024

// kernel describes one vector kernel.
type kernel struct {
	name   string
	doc    string
	width  int  // vector width in bytes: 32 (YMM) or 64 (ZMM)
	accs   int  // independent 32-bit accumulators
	unroll int  // vectors per accumulator per main-loop iteration
	vnni   bool // add with VPDPWSSD instead of VPMADDWD and VPADDD
}

func main() {
	ConstraintExpr("!purego")
	for _, k := range []kernel{
		{name: "sumAVX2", width: 32, accs: 4, unroll: 2,
			doc: "sumAVX2 sums b with AVX2, 256 bytes per iteration."},
		{name: "sumAVX512", width: 64, accs: 4, unroll: 1,
			doc: "sumAVX512 sums b with AVX-512 F and BW, 256 bytes per iteration."},
		{name: "sumAVX512VNNI", width: 64, accs: 4, unroll: 1, vnni: true,
			doc: "sumAVX512VNNI sums b with AVX-512 F, BW and VNNI (VPDPWSSD), 256 bytes per iteration."},
	} {
		k.generate()
	}
	Generate()
}

// v returns vector register i at the kernel's width. The kernels use
// physical registers 0–13 only, so that every YMM/XMM view of them can be
// VEX-encoded.
func (k kernel) v(i int) reg.Register {
	z := []reg.VecPhysical{reg.Z0, reg.Z1, reg.Z2, reg.Z3, reg.Z4, reg.Z5, reg.Z6,
		reg.Z7, reg.Z8, reg.Z9, reg.Z10, reg.Z11, reg.Z12, reg.Z13}[i]
	if k.width == 64 {
		return z
	}
	return z.AsY()
}

// xor sets dst to a XOR b: VPXORD for ZMM, which VEX cannot encode.
func (k kernel) xor(a, b, dst Op) {
	if k.width == 64 {
		VPXORD(a, b, dst)
		return
	}
	VPXOR(a, b, dst)
}

// madd adds the pairs of signed words of src, multiplied by ones, into the
// 32-bit lanes of acc; src is clobbered.
func (k kernel) madd(src, ones, acc Op) {
	if k.vnni {
		// avo v0.5.0 has no AVX512_VNNI forms; the Go assembler does.
		Instruction(&ir.Instruction{
			Opcode:   "VPDPWSSD",
			Operands: []Op{src, ones, acc},
			Inputs:   []Op{src, ones, acc},
			Outputs:  []Op{acc},
			ISA:      []string{"AVX512_VNNI"},
		})
		return
	}
	VPMADDWD(src, ones, src)
	VPADDD(src, acc, acc)
}

// Vector register numbers.
const (
	rOnes  = 0 // 0x0001 in every word
	rFlip  = 1 // 0x8000 in every word
	rTotal = 2 // 64-bit lanes: the widened sums of all chunks
	rAcc   = 3 // rAcc … rAcc+accs-1: 32-bit lane accumulators
	rTmp   = 7 // rTmp … rTmp+accs-1: the words being added
	rWiden = 11
)

func (k kernel) generate() {
	TEXT(k.name, NOSPLIT, "func(b []byte) uint64")
	// The kernels only read b: without noescape every caller's buffer
	// would move to the heap.
	Pragma("noescape")
	Doc(k.doc)
	p := Load(Param("b").Base(), GP64())
	n := Load(Param("b").Len(), GP64())
	acc := GP64()
	XORQ(acc, acc)
	l := func(s string) LabelRef { return LabelRef(k.name + "_" + s) }
	label := func(s string) { Label(k.name + "_" + s) }

	// Fewer than 32 bytes: scalar only.
	CMPQ(n, Imm(32))
	JB(l("scalar"))

	start := GP64()
	MOVQ(n, start)

	ones, flip, total := k.v(rOnes), k.v(rFlip), k.v(rTotal)
	t := GP32()
	MOVL(U32(0x00010001), t)
	if k.width == 64 {
		VPBROADCASTD(t, ones)
	} else {
		MOVD(t, asX(ones))
		VPBROADCASTD(asX(ones), ones)
	}
	VPSLLW(U8(15), ones, flip)
	k.xor(total, total, total)
	for i := 0; i < k.accs; i++ {
		k.xor(k.v(rAcc+i), k.v(rAcc+i), k.v(rAcc+i))
	}
	step := k.width * k.accs * k.unroll

	// Each chunk runs the main loop at most chunkVectors times, then widens
	// the accumulators into total.
	label("chunk")
	CMPQ(n, U32(step))
	JB(l("single"))
	iters := GP64()
	MOVQ(U32(chunkVectors), iters)

	label("loop")
	for u := 0; u < k.unroll; u++ {
		for i := 0; i < k.accs; i++ {
			off := (u*k.accs + i) * k.width
			k.xor(Mem{Base: p, Disp: off}, flip, k.v(rTmp+i))
			k.madd(k.v(rTmp+i), ones, k.v(rAcc+i))
		}
	}
	ADDQ(U32(step), p)
	SUBQ(U32(step), n)
	CMPQ(n, U32(step))
	JB(l("single"))
	DECQ(iters)
	JNZ(l("loop"))
	k.widen(true)
	JMP(l("chunk"))

	// Fewer than step bytes left: whole vectors into the first
	// accumulator, which has room for them.
	label("single")
	CMPQ(n, U32(k.width))
	JB(l("half"))
	k.xor(Mem{Base: p}, flip, k.v(rTmp))
	k.madd(k.v(rTmp), ones, k.v(rAcc))
	ADDQ(U32(k.width), p)
	SUBQ(U32(k.width), n)
	JMP(l("single"))

	label("half")
	if k.width == 64 {
		// One 32-byte vector may remain.
		CMPQ(n, U32(32))
		JB(l("reduce"))
		y := asY(k.v(rTmp))
		VPXOR(Mem{Base: p}, asY(flip), y)
		VPMADDWD(y, asY(ones), y)
		// The VEX-encoded instructions zeroed the upper half of the ZMM
		// register, so adding all of it adds the 32 bytes only.
		VPADDD(k.v(rTmp), k.v(rAcc), k.v(rAcc))
		ADDQ(U32(32), p)
		SUBQ(U32(32), n)
	}

	label("reduce")
	k.widen(false)
	// Horizontal sum of the 64-bit lanes of total.
	y := asY(total)
	if k.width == 64 {
		hi := asY(k.v(rWiden))
		VEXTRACTI64X4(U8(1), total, hi)
		VPADDQ(hi, y, y)
	}
	x, xhi := asX(y), asX(k.v(rWiden))
	VEXTRACTI128(U8(1), y, xhi)
	VPADDQ(xhi, x, x)
	VPSHUFD(U8(0x4e), x, xhi)
	VPADDQ(xhi, x, x)
	MOVQ(x, acc)
	VZEROUPPER()

	// total held the signed sums of the words less 32768 each: add back
	// 32768 per word, 16384 per byte summed by the vectors. The result is
	// the exact sum of those words, below 2^63.
	SUBQ(n, start)
	SHLQ(U8(14), start)
	ADDQ(start, acc)

	// Scalar tail, fewer than 32 bytes, with end-around carries.
	label("scalar")
	TESTQ(U32(16), n)
	JZ(l("s8"))
	ADDQ(Mem{Base: p}, acc)
	ADCQ(Mem{Base: p, Disp: 8}, acc)
	ADCQ(U8(0), acc)
	ADDQ(U8(16), p)
	label("s8")
	TESTQ(U32(8), n)
	JZ(l("s4"))
	ADDQ(Mem{Base: p}, acc)
	ADCQ(U8(0), acc)
	ADDQ(U8(8), p)
	label("s4")
	w := GP64()
	TESTQ(U32(4), n)
	JZ(l("s2"))
	MOVL(Mem{Base: p}, w.As32())
	ADDQ(w, acc)
	ADCQ(U8(0), acc)
	ADDQ(U8(4), p)
	label("s2")
	TESTQ(U32(2), n)
	JZ(l("s1"))
	MOVWQZX(Mem{Base: p}, w)
	ADDQ(w, acc)
	ADCQ(U8(0), acc)
	ADDQ(U8(2), p)
	label("s1")
	TESTQ(U32(1), n)
	JZ(l("done"))
	MOVBQZX(Mem{Base: p}, w)
	ADDQ(w, acc)
	ADCQ(U8(0), acc)
	label("done")
	Store(acc, ReturnIndex(0))
	RET()
}

// widen adds the 32-bit lanes of the accumulators, sign-extended, into the
// 64-bit lanes of total, and zeroes the accumulators if zero is set.
func (k kernel) widen(zero bool) {
	s := k.v(rAcc)
	for i := 1; i < k.accs; i++ {
		VPADDD(k.v(rAcc+i), s, s)
	}
	total := k.v(rTotal)
	lo, hi := k.v(rWiden), k.v(rWiden+1)
	if k.width == 64 {
		h := asY(k.v(rWiden + 2))
		VPMOVSXDQ(asY(s), lo)
		VEXTRACTI64X4(U8(1), s, h)
		VPMOVSXDQ(h, hi)
	} else {
		x := asX(k.v(rWiden + 2))
		VPMOVSXDQ(asX(s), lo)
		VEXTRACTI128(U8(1), s, x)
		VPMOVSXDQ(x, hi)
	}
	VPADDQ(lo, total, total)
	VPADDQ(hi, total, total)
	if zero {
		for i := 0; i < k.accs; i++ {
			k.xor(k.v(rAcc+i), k.v(rAcc+i), k.v(rAcc+i))
		}
	}
}

// asX and asY view a vector register at 16 and 32 bytes.
func asX(r reg.Register) reg.Register { return r.(reg.Vec).AsX() }
func asY(r reg.Register) reg.Register { return r.(reg.Vec).AsY() }
