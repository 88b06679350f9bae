package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io/fs"
	"mime"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"github.com/tcpwire/tcpwire/site"
)

// The playground is the static site plus two files from the Go toolchain:
// the WebAssembly module built from ../../wasm and the wasm_exec.js that
// goes with it. Neither is committed: both come from the toolchain that
// runs tcpwire, so they always match (see the wasm command's package doc).

const (
	wasmFile     = "tcpwire.wasm"
	wasmExecFile = "wasm_exec.js"
	wasmPackage  = "github.com/tcpwire/tcpwire/wasm"
)

// asset is one file of the playground, with its gzip-compressed form.
type asset struct {
	body, gz    []byte
	contentType string
	etag        string
}

func newAsset(name string, body []byte) (asset, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return asset{}, err
	}
	zw.Write(body)
	if err := zw.Close(); err != nil {
		return asset{}, err
	}
	sum := sha256.Sum256(body)
	ct := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) {
	case ".wasm":
		ct = "application/wasm"
	case ".js":
		ct = "text/javascript; charset=utf-8"
	}
	return asset{body: body, gz: buf.Bytes(), contentType: ct,
		etag: `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`}, nil
}

// siteAssets returns the embedded static files by path.
func siteAssets() (map[string]asset, error) {
	out := make(map[string]asset)
	err := fs.WalkDir(site.Files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(site.Files, p)
		if err != nil {
			return err
		}
		out[p], err = newAsset(p, b)
		return err
	})
	return out, err
}

// toolchain is the go command that builds the module.
type toolchain struct {
	goCmd string
	// dir is where to run it: any directory of the tcpwire module.
	dir string
}

func findToolchain(dir string) (toolchain, error) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return toolchain{}, errors.New("the playground is built with the Go toolchain, and no go command is on PATH")
	}
	return toolchain{goCmd: goCmd, dir: dir}, nil
}

func (tc toolchain) command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, tc.goCmd, args...)
	cmd.Dir = tc.dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	return cmd
}

func (tc toolchain) run(ctx context.Context, args ...string) ([]byte, error) {
	var stderr bytes.Buffer
	cmd := tc.command(ctx, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New("go " + strings.Join(args, " ") + ": " + msg)
	}
	return out, nil
}

// buildWasm builds the module into the user cache directory (Go's build
// cache makes a rebuild of unchanged sources quick) and returns it with
// the toolchain's wasm_exec.js.
func (tc toolchain) buildWasm(ctx context.Context) (module, wasmExec []byte, err error) {
	goroot, err := tc.run(ctx, "env", "GOROOT")
	if err != nil {
		return nil, nil, err
	}
	root := strings.TrimSpace(string(goroot))
	wasmExec, err = os.ReadFile(filepath.Join(root, "lib", "wasm", wasmExecFile))
	if errors.Is(err, fs.ErrNotExist) { // Go before 1.24 kept it in misc/wasm
		wasmExec, err = os.ReadFile(filepath.Join(root, "misc", "wasm", wasmExecFile))
	}
	if err != nil {
		return nil, nil, err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "tcpwire")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, err
	}
	f, err := os.CreateTemp(dir, "playground-*.wasm")
	if err != nil {
		return nil, nil, err
	}
	f.Close()
	defer os.Remove(f.Name())
	if _, err := tc.run(ctx, "build", "-trimpath", "-ldflags=-s -w", "-o", f.Name(), wasmPackage); err != nil {
		return nil, nil, errors.New(err.Error() + "\n(the module is built from the tcpwire source: run from a clone of the repository, or pass --src)")
	}
	module, err = os.ReadFile(f.Name())
	return module, wasmExec, err
}

// playgroundAssets returns every file of the playground by path.
func playgroundAssets(ctx context.Context, tc toolchain) (map[string]asset, error) {
	files, err := siteAssets()
	if err != nil {
		return nil, err
	}
	module, wasmExec, err := tc.buildWasm(ctx)
	if err != nil {
		return nil, err
	}
	if files[wasmFile], err = newAsset(wasmFile, module); err != nil {
		return nil, err
	}
	if files[wasmExecFile], err = newAsset(wasmExecFile, wasmExec); err != nil {
		return nil, err
	}
	return files, nil
}
