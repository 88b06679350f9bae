#!/usr/bin/env bash
# Runs the side-by-side benchmarks of fuzz/peers (tcpwire, gVisor,
# gopacket on the same bytes) COUNT times in one run and prints benchstat's
# table with one column per implementation, so that the ratios read
# across. benchstat groups by key=value sub-benchmark names, so the names
# BenchmarkDecode/syn/gvisor are rewritten as BenchmarkDecode/case=syn/impl=gvisor.
#
#   scripts/bench-peers.sh [COUNT [BENCH-REGEXP]]
#   GOOS=js GOARCH=wasm scripts/bench-peers.sh 6 Checksum   # under Node
#
# The raw results stay in fuzz/peers.txt for a later comparison.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
count=${1:-6}
bench=${2:-.}
exec=()
[ "$(go env GOOS)" = js ] && exec=(-exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec")
go test "${exec[@]}" -run '^$' -bench "$bench" -benchmem -count "$count" ./peers/ | tee peers.txt
sed -E 's#^(Benchmark[A-Za-z]+)/([^/ ]+)/([a-z]+)#\1/case=\2/impl=\3#' peers.txt > peers.kv.txt
env -u GOOS -u GOARCH go tool benchstat -col /impl -row .name,/case peers.kv.txt
rm peers.kv.txt
