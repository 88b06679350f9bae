package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wasmBudget is the most the WebAssembly module may weigh gzip-compressed.
const wasmBudget = 1 << 20

var (
	builtOnce   sync.Once
	builtAssets map[string]asset
	builtErr    error
)

// playground builds the playground once for all the tests that need it.
func playground(t *testing.T) map[string]asset {
	t.Helper()
	builtOnce.Do(func() {
		tc, err := findToolchain("../..")
		if err != nil {
			builtErr = err
			return
		}
		builtAssets, builtErr = playgroundAssets(context.Background(), tc)
	})
	require.NoError(t, builtErr)
	return builtAssets
}

func TestWasmModuleWithinBudget(t *testing.T) {
	files := playground(t)
	w := files[wasmFile]
	require.True(t, bytes.HasPrefix(w.body, []byte("\x00asm")), "a WebAssembly module")
	t.Logf("%s: %d bytes, %d gzip-compressed (budget %d)", wasmFile, len(w.body), len(w.gz), wasmBudget)
	assert.LessOrEqual(t, len(w.gz), wasmBudget)
	assert.Equal(t, "application/wasm", w.contentType)
	assert.Contains(t, string(files[wasmExecFile].body), "globalThis.Go")
	for _, name := range []string{"index.html", "style.css", "js/app.js"} {
		assert.Contains(t, files, name)
	}
}

func TestServeHTTP(t *testing.T) {
	site, err := siteAssets()
	require.NoError(t, err)
	srv := newServer(site)
	srv.setFiles(playground(t), nil)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}

	get := func(method, path string, header ...string) *http.Response {
		req, err := http.NewRequest(method, ts.URL+path, nil)
		require.NoError(t, err)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := client.Do(req)
		require.NoError(t, err)
		t.Cleanup(func() { res.Body.Close() })
		return res
	}

	res := get("GET", "/", "Accept-Encoding", "gzip, deflate, br")
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
	assert.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
	assert.Contains(t, res.Header.Get("Content-Security-Policy"), "script-src 'self' 'wasm-unsafe-eval'")
	zr, err := gzip.NewReader(res.Body)
	require.NoError(t, err)
	page, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Contains(t, string(page), `<script type="module" src="js/app.js">`)

	for path, ct := range map[string]string{
		"/tcpwire.wasm": "application/wasm",
		"/wasm_exec.js": "text/javascript; charset=utf-8",
		"/js/app.js":    "text/javascript; charset=utf-8",
		"/style.css":    "text/css; charset=utf-8",
	} {
		res := get("GET", path)
		assert.Equal(t, http.StatusOK, res.StatusCode, path)
		assert.Equal(t, ct, res.Header.Get("Content-Type"), path)
		assert.Empty(t, res.Header.Get("Content-Encoding"), "%s without Accept-Encoding", path)
	}

	etag := get("HEAD", "/tcpwire.wasm").Header.Get("ETag")
	require.NotEmpty(t, etag)
	assert.Equal(t, http.StatusNotModified, get("GET", "/tcpwire.wasm", "If-None-Match", etag).StatusCode)
	assert.Equal(t, http.StatusNotFound, get("GET", "/nope.js").StatusCode)
	assert.Equal(t, http.StatusMethodNotAllowed, get("POST", "/").StatusCode)
	assert.Empty(t, get("GET", "/", "Accept-Encoding", "gzip;q=0").Header.Get("Content-Encoding"))
}

func TestServePageBeforeBuild(t *testing.T) {
	site, err := siteAssets()
	require.NoError(t, err)
	srv := newServer(site)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	assert.Equal(t, http.StatusOK, rec.Code, "the page does not wait for the module")

	srv.setFiles(nil, io.ErrUnexpectedEOF)
	rec = httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/tcpwire.wasm", nil))
	assert.Equal(t, http.StatusInternalServerError, rec.Code)
	assert.Contains(t, rec.Body.String(), "could not be built")
}

func TestAcceptsGzip(t *testing.T) {
	for accept, want := range map[string]bool{
		"":                   false,
		"gzip":               true,
		"deflate, gzip":      true,
		"GZIP;q=0.5":         true,
		"gzip;q=0":           false,
		"br, identity":       false,
		"x-gzip, identity":   false,
		"deflate, gzip ;q=1": true,
	} {
		assert.Equal(t, want, acceptsGzip(accept), "%q", accept)
	}
}

func TestSiteCommand(t *testing.T) {
	playground(t) // warm the build cache
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"site", "-o", dir, "--src", "../.."}, nil, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	for _, name := range []string{"index.html", "style.css", "js/app.js", wasmFile, wasmExecFile} {
		info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		require.NoError(t, err, name)
		assert.Positive(t, info.Size(), name)
	}
	assert.True(t, strings.HasPrefix(stdout.String(), "wrote the playground to"))

	code = run([]string{"site", "-nosuchflag"}, nil, &stdout, &stderr)
	assert.Equal(t, 2, code)
}
