#!/usr/bin/env bash
# Runs every check of the project on a fresh Debian machine: formatting, vet,
# staticcheck and the tests of every module in go.work, the checksum tests
# again with -tags purego and GOARCH=386. Installs what it needs by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step gofmt
unformatted=$(gofmt -l $(git ls-files '*.go' | grep -v '^checksum/_asm/'))
if [ -n "$unformatted" ]; then
	printf 'not gofmt-formatted:\n%s\n' "$unformatted" >&2
	exit 1
fi

step "go vet"
go vet ./... ./fuzz/...

step staticcheck
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./... ./fuzz/...

step "go test"
go test -count=1 ./... ./fuzz/...

step "checksum: -tags purego"
go test -count=1 -tags purego ./checksum/...

step "checksum: GOARCH=386"
GOARCH=386 go test -count=1 ./checksum/...
