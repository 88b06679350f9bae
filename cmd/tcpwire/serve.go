package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

func init() {
	register(command{
		name:    "serve",
		summary: "serve the playground in the browser",
		run:     runServe,
	})
}

func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", "127.0.0.1:8080", "address to listen on")
	open := fl.Bool("open", false, "open the playground in the default browser")
	src := fl.String("src", ".", "a directory of the tcpwire module's source, to build the WebAssembly module from")
	fl.Usage = func() {
		fmt.Fprint(stderr, `Usage: tcpwire serve [--addr host:port] [--open] [--src dir]

Serves the playground: build each step of a TCP connection, edit every
header field and see each step checked. The WebAssembly module is built on
start with the Go toolchain (quick after the first time), so run it from a
clone of the repository:

	go run ./cmd/tcpwire serve --open

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
	if err != nil {
		fmt.Fprintln(stderr, "tcpwire serve:", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "tcpwire serve:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	site, err := siteAssets()
	if err != nil {
		fmt.Fprintln(stderr, "tcpwire serve:", err)
		return 1
	}
	srv := newServer(site)
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintln(stdout, "serving", url, "- building the WebAssembly module first (the first build takes a minute)…")
	go func() {
		start := time.Now()
		files, err := playgroundAssets(ctx, tc)
		srv.setFiles(files, err)
		if err != nil {
			fmt.Fprintln(stderr, "tcpwire serve: building the playground:", err)
			stop()
			return
		}
		w := files[wasmFile]
		fmt.Fprintf(stdout, "built %s in %.1fs: %d bytes, %d gzip-compressed\n",
			wasmFile, time.Since(start).Seconds(), len(w.body), len(w.gz))
		fmt.Fprintln(stdout, "playground at", url)
		if *open {
			if err := openBrowser(url); err != nil {
				fmt.Fprintln(stderr, "tcpwire serve: --open:", err)
			}
		}
	}()

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		hs.Shutdown(shutdown)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "tcpwire serve:", err)
		return 1
	}
	if _, err := srv.wait(); err != nil {
		return 1
	}
	return 0
}

// server serves the playground: the page at once, and the WebAssembly
// module and wasm_exec.js once they are built (requests for them wait for
// the build, while the page says it is loading).
type server struct {
	site  map[string]asset
	ready chan struct{}
	once  sync.Once
	files map[string]asset
	err   error
}

func newServer(site map[string]asset) *server {
	return &server{site: site, ready: make(chan struct{})}
}

func (s *server) setFiles(files map[string]asset, err error) {
	s.once.Do(func() {
		s.files, s.err = files, err
		close(s.ready)
	})
}

func (s *server) wait() (map[string]asset, error) {
	<-s.ready
	return s.files, s.err
}

// securityPolicy lets the page run its own scripts and the WebAssembly
// module and load nothing from elsewhere.
const securityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'"

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" {
		name = "index.html"
	}
	a, ok := s.site[name]
	if !ok {
		select {
		case <-s.ready:
		case <-r.Context().Done():
			return
		}
		if s.err != nil {
			http.Error(w, "the playground could not be built: "+s.err.Error(), http.StatusInternalServerError)
			return
		}
		a, ok = s.files[name]
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", a.etag)
	h.Set("Vary", "Accept-Encoding")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", securityPolicy)
	if match := r.Header.Get("If-None-Match"); match == a.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := a.body
	if acceptsGzip(r.Header.Get("Accept-Encoding")) {
		h.Set("Content-Encoding", "gzip")
		body = a.gz
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip.
func acceptsGzip(accept string) bool {
	for part := range strings.SplitSeq(accept, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			return !strings.Contains(strings.ReplaceAll(params, " ", ""), "q=0") ||
				strings.Contains(params, "q=0.")
		}
	}
	return false
}

func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	return cmd.Start()
}
