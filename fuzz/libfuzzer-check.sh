#!/usr/bin/env bash
# Builds every fuzz target of this module as a libFuzzer binary, the way
# ClusterFuzzLite's compile_native_go_fuzzer does (go-118-fuzz-build, then
# clang -fsanitize=fuzzer), and runs each for a few seconds on its seed
# corpus converted to libFuzzer's input format. go-118-fuzz-build rewrites
# source files, so it works on a copy of the tree.
#
# Needs clang with libFuzzer (Debian: apt-get install clang) and the Go
# module proxy. LIBFUZZER_SECONDS sets the run time per target (default 2).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
secs=${LIBFUZZER_SECONDS:-2}
# The version ClusterFuzzLite's base image builds with at the time of
# writing; pinned so that the check is repeatable.
tool_version=v0.0.0-20250520111509-a70c2aa677fa

command -v clang >/dev/null || { echo "libfuzzer-check: clang not found" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tar -C "$root" --exclude=.git --exclude=node_modules -cf - . | tar -C "$work" -xf -
GOWORK=off GOBIN="$work/bin" go install "github.com/AdamKorcz/go-118-fuzz-build@$tool_version"
cd "$work/fuzz"
go get "github.com/AdamKorcz/go-118-fuzz-build/testing@$tool_version" 2>/dev/null

status=0
for file in $(find . -name fuzz_test.go -not -path './peers/*' | sort); do
	pkg=${file#./}
	pkg=${pkg%/fuzz_test.go}
	for fn in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | cut -d' ' -f2); do
		name="${pkg//\//.}.$fn"
		"$work/bin/go-118-fuzz-build" -o "$work/$name.a" -func "$fn" "./$pkg"
		clang -fsanitize=fuzzer "$work/$name.a" -lpthread -o "$work/$name"
		go run ./cmd/seedconv -in "$pkg/testdata/fuzz/$fn" -out "$work/corpus/$name" >/dev/null
		if "$work/$name" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
			-print_final_stats=1 -artifact_prefix="${TMPDIR:-/tmp}/libfuzzer-$name-" "$work/corpus/$name" >"$work/$name.log" 2>&1; then
			runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$name.log" | grep -o '[0-9]*$')
			seeds=$(ls "$here/$pkg/testdata/fuzz/$fn" | wc -l)
			printf '%-42s ok: %s seeds, %s runs in %ss\n' "$name" "$seeds" "$runs" "$secs"
		else
			printf '%-42s FAILED\n' "$name"
			tail -40 "$work/$name.log"
			status=1
		fi
	done
done
exit $status
