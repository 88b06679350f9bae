// Package site holds the static files of the tcpwire playground: the page,
// its style sheet and its JavaScript modules, embedded so that the tcpwire
// command can serve or write them. The WebAssembly module and wasm_exec.js
// are not here: the command builds the module from ../wasm and takes
// wasm_exec.js from the same Go toolchain (see the wasm command's doc).
//
// The page uses no framework and loads nothing from another origin, so it
// works offline.
package site

import "embed"

// Files holds index.html, style.css and the modules under js/.
//
//go:embed index.html style.css js
var Files embed.FS
