package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

func init() {
	register(command{
		name:    "site",
		summary: "write the playground as static files to a directory",
		run:     runSite,
	})
}

func runSite(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("site", flag.ContinueOnError)
	fl.SetOutput(stderr)
	out := fl.String("o", "playground", "directory to write the site to")
	src := fl.String("src", ".", "a directory of the tcpwire module's source, to build the WebAssembly module from")
	fl.Usage = func() {
		fmt.Fprint(stderr, `Usage: tcpwire site [-o dir] [--src dir]

Writes the playground (index.html, style sheet, scripts, tcpwire.wasm and
wasm_exec.js) to a directory, to host on any static web server that serves
.wasm files as application/wasm.

	go run ./cmd/tcpwire site -o /tmp/playground

`)
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	tc, err := findToolchain(*src)
	if err == nil {
		err = writeSite(context.Background(), tc, *out)
	}
	if err != nil {
		fmt.Fprintln(stderr, "tcpwire site:", err)
		return 1
	}
	fmt.Fprintln(stdout, "wrote the playground to", *out)
	return 0
}

func writeSite(ctx context.Context, tc toolchain, dir string) error {
	files, err := playgroundAssets(ctx, tc)
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name].body, 0o644); err != nil {
			return err
		}
	}
	return nil
}
