// Command seedconv converts the seed corpus of a native Go fuzz target
// that takes one []byte ("go test fuzz v1" files) into libFuzzer inputs for
// the same target built with go-118-fuzz-build, whose harness reads a
// []byte argument as a 4-byte big-endian length and that many bytes.
//
//	go run ./cmd/seedconv -in differential/testdata/fuzz/FuzzGVisor -out /tmp/corpus
//
// Empty inputs have no libFuzzer form (a length of 0 means 30 bytes to the
// harness) and are skipped.
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"os"
	"path/filepath"
	"strconv"
)

func main() {
	in := flag.String("in", "", "directory of go test fuzz v1 files")
	out := flag.String("out", "", "directory to write libFuzzer inputs to")
	flag.Parse()
	log.SetFlags(0)
	if *in == "" || *out == "" {
		log.Fatal("usage: seedconv -in dir -out dir")
	}
	entries, err := os.ReadDir(*in)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		src, err := os.ReadFile(filepath.Join(*in, e.Name()))
		if err != nil {
			log.Fatal(err)
		}
		b, err := parse(src)
		if err != nil {
			log.Fatalf("%s: %v", e.Name(), err)
		}
		if len(b) == 0 {
			continue
		}
		data := binary.BigEndian.AppendUint32(nil, uint32(len(b)))
		if err := os.WriteFile(filepath.Join(*out, e.Name()), append(data, b...), 0o644); err != nil {
			log.Fatal(err)
		}
		n++
	}
	fmt.Printf("%s: %d inputs\n", *in, n)
}

// parse reads a "go test fuzz v1" file holding one []byte value.
func parse(src []byte) ([]byte, error) {
	lines := bytes.Split(bytes.TrimSpace(src), []byte("\n"))
	if len(lines) != 2 || string(lines[0]) != "go test fuzz v1" {
		return nil, errors.New("not a go test fuzz v1 file with one value")
	}
	x, err := parser.ParseExpr(string(lines[1]))
	if err != nil {
		return nil, err
	}
	call, ok := x.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil, fmt.Errorf("not a []byte conversion: %s", lines[1])
	}
	if t, ok := call.Fun.(*ast.ArrayType); !ok || t.Len != nil || fmt.Sprint(t.Elt) != "byte" {
		return nil, fmt.Errorf("not a []byte conversion: %s", lines[1])
	}
	lit, ok := call.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil, fmt.Errorf("not a string literal: %s", lines[1])
	}
	s, err := strconv.Unquote(lit.Value)
	return []byte(s), err
}
