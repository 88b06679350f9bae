//go:build !(js && wasm)

package main

import "os"

// main explains how to build the module: the API needs a JavaScript host.
func main() {
	os.Stderr.WriteString("this is the playground's WebAssembly module: build it with GOOS=js GOARCH=wasm, or run \"tcpwire serve\"\n")
	os.Exit(2)
}
