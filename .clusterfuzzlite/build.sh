#!/bin/bash -eu
# Compiles every native Go fuzz target of the fuzz module for libFuzzer with
# compile_native_go_fuzzer (go-118-fuzz-build underneath) and packs each
# target's seed corpus, converted to libFuzzer's input format, as
# $OUT/<fuzzer>_seed_corpus.zip. fuzz/libfuzzer-check.sh does the same
# build outside the container, with Debian's clang.
tool_version=v0.0.0-20250520111509-a70c2aa677fa
go install "github.com/AdamKorcz/go-118-fuzz-build@$tool_version"

cd "$SRC/tcpwire/fuzz"
# The harnesses are rewritten to import the tool's testing shim, which must
# therefore be a requirement of the module.
go get "github.com/AdamKorcz/go-118-fuzz-build/testing@$tool_version"

for file in $(find . -name fuzz_test.go -not -path './peers/*' | sort); do
	pkg=${file#./}
	pkg=${pkg%/fuzz_test.go}
	for fn in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | cut -d' ' -f2); do
		fuzzer="${pkg//\//_}_${fn}"
		compile_native_go_fuzzer "github.com/tcpwire/tcpwire/fuzz/$pkg" "$fn" "$fuzzer"
		go run ./cmd/seedconv -in "$pkg/testdata/fuzz/$fn" -out "$WORK/seeds/$fuzzer"
		(cd "$WORK/seeds/$fuzzer" && zip -q -r "$OUT/${fuzzer}_seed_corpus.zip" .)
	done
done
