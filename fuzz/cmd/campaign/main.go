// Command campaign runs every fuzz target of the fuzz module in turn, for
// a given time each, as many at once as there are cores, and prints a
// summary. Native Go fuzzing runs one target per process, so each target
// is its own `go test -fuzz` run. New interesting inputs (which Go
// minimises before it keeps them) are copied from the fuzzing cache into
// the target's committed corpus, testdata/fuzz/<Target>/; crashers are
// written there by go test itself.
//
// From the fuzz module's directory:
//
//	go run ./cmd/campaign -fuzztime 10m
//	go run ./cmd/campaign -run 'Gopacket|GVisor' -fuzztime 30s -jobs 1 -parallel 2
//
// checksums.FuzzSum runs a second time with -tags purego, so that the
// portable kernel is fuzzed as well as the machine's vector kernel.
package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"
)

const module = "github.com/tcpwire/tcpwire/fuzz"

// target is one fuzz function of one package, built with tags.
type target struct {
	pkg, name, tags string
}

func (t target) String() string {
	s := t.pkg + "." + t.name
	if t.tags != "" {
		s += " [" + t.tags + "]"
	}
	return s
}

// result is what one run of a target gave.
type result struct {
	target
	execs    int64
	elapsed  time.Duration
	added    int
	crashers []string
	// deadlineRace records that go test failed with "context deadline
	// exceeded" at the end of the fuzzing time and wrote no crasher: a race
	// in Go's fuzzing coordinator (go.dev/issue/75804, fixed in Go 1.27),
	// not a finding.
	deadlineRace bool
	err          error
}

func main() {
	fuzztime := flag.Duration("fuzztime", time.Minute, "fuzzing time per target")
	jobs := flag.Int("jobs", runtime.NumCPU(), "targets run at once")
	parallel := flag.Int("parallel", 0, "fuzzing workers per target (default: cores / jobs, at least 1)")
	match := flag.String("run", "", "run only targets whose package.Name matches this regexp")
	list := flag.Bool("list", false, "list the targets and exit")
	keep := flag.Bool("corpus", true, "copy new interesting inputs into the committed corpus")
	purego := flag.Bool("purego", true, "run checksums.FuzzSum again with -tags purego")
	minimize := flag.Duration("minimizetime", 5*time.Second, "time go test may spend minimising each new input (-fuzzminimizetime)")
	flag.Parse()
	log.SetFlags(0)
	if *parallel <= 0 {
		*parallel = max(1, runtime.NumCPU() / *jobs)
	}
	re, err := regexp.Compile(*match)
	if err != nil {
		log.Fatal(err)
	}
	targets, err := discover(*purego)
	if err != nil {
		log.Fatal(err)
	}
	targets = slices.DeleteFunc(targets, func(t target) bool { return !re.MatchString(t.String()) })
	if *list || len(targets) == 0 {
		for _, t := range targets {
			fmt.Println(t)
		}
		return
	}
	cache, err := goEnv("GOCACHE")
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("%d targets, %v each, %d at once with %d workers each", len(targets), *fuzztime, *jobs, *parallel)
	results := make([]result, len(targets))
	var wg sync.WaitGroup
	sem := make(chan struct{}, *jobs)
	for i, t := range targets {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			results[i] = run(t, *fuzztime, *minimize, *parallel, cache, *keep)
			r := &results[i]
			status := "ok"
			if r.err != nil {
				status = r.err.Error()
			}
			log.Printf("%-40s %12d execs %8.0f/s %4d new %d crashers: %s", t, r.execs, rate(r), r.added, len(r.crashers), status)
		}()
	}
	wg.Wait()
	failed := summary(os.Stdout, results)
	if failed {
		os.Exit(1)
	}
}

// discover lists the fuzz targets of every package of the module except
// the benchmarks in peers and the commands.
func discover(purego bool) ([]target, error) {
	out, err := exec.Command("go", "test", "-list", "^Fuzz", "./...").Output()
	if err != nil {
		return nil, fmt.Errorf("go test -list: %v", err)
	}
	// go test -list prints the names of a package, then "ok <path> <time>".
	var targets, names []target
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "Fuzz") {
			names = append(names, target{name: line})
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 || f[0] != "ok" || !strings.HasPrefix(f[1], module+"/") {
			continue
		}
		pkg := strings.TrimPrefix(f[1], module+"/")
		for _, n := range names {
			if pkg == "peers" || strings.HasPrefix(pkg, "cmd/") {
				continue
			}
			targets = append(targets, target{pkg: pkg, name: n.name})
			if purego && pkg == "checksums" && n.name == "FuzzSum" {
				targets = append(targets, target{pkg: pkg, name: n.name, tags: "purego"})
			}
		}
		names = nil
	}
	return targets, nil
}

func goEnv(key string) (string, error) {
	out, err := exec.Command("go", "env", key).Output()
	return strings.TrimSpace(string(out)), err
}

// progress matches go test's fuzzing status lines.
var progress = regexp.MustCompile(`fuzz: elapsed: (\S+), execs: (\d+) `)
var failing = regexp.MustCompile(`Failing input written to (\S+)`)

// run fuzzes t for d and collects its figures. Go minimises each new
// interesting input before it keeps it, for up to minimize; no executions
// are counted meanwhile.
func run(t target, d, minimize time.Duration, parallel int, cache string, keep bool) result {
	r := result{target: t}
	cacheDir := filepath.Join(cache, "fuzz", module+"/"+t.pkg, t.name)
	before := files(cacheDir)
	// go test's own -timeout (10 minutes by default) must outlast the
	// fuzzing time.
	args := []string{"test", "-run", "^$", "-fuzz", "^" + t.name + "$", "-fuzztime", d.String(),
		"-timeout", (d + 10*time.Minute).String(),
		"-fuzzminimizetime", minimize.String(), "-parallel", strconv.Itoa(parallel)}
	if t.tags != "" {
		args = append(args, "-tags", t.tags)
	}
	args = append(args, "./"+t.pkg)
	// Compiling and gathering baseline coverage come on top of the fuzzing
	// time; a run that takes far longer than that has hung.
	ctx, cancel := context.WithTimeout(context.Background(), d+15*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	for _, m := range progress.FindAllStringSubmatch(out.String(), -1) {
		r.elapsed, _ = time.ParseDuration(m[1])
		r.execs, _ = strconv.ParseInt(m[2], 10, 64)
	}
	for _, m := range failing.FindAllStringSubmatch(out.String(), -1) {
		r.crashers = append(r.crashers, filepath.Join(t.pkg, m[1]))
	}
	switch {
	case ctx.Err() != nil:
		r.err = fmt.Errorf("killed after %v: hung", d+15*time.Minute)
	case err != nil && len(r.crashers) > 0:
		r.err = fmt.Errorf("crasher")
	case err != nil && strings.Contains(out.String(), "\n    context deadline exceeded\n"):
		r.deadlineRace = true
	case err != nil:
		r.err = fmt.Errorf("%v: %s", err, tail(out.String(), 800))
	}
	if r.err != nil {
		logFile := filepath.Join(os.TempDir(), "campaign-"+strings.NewReplacer("/", "-", " ", "", "[", "", "]", "").Replace(t.String())+".log")
		if os.WriteFile(logFile, out.Bytes(), 0o644) == nil {
			r.err = fmt.Errorf("%v (log: %s)", r.err, logFile)
		}
	}
	if keep {
		r.added = copyNew(cacheDir, before, filepath.Join(t.pkg, "testdata", "fuzz", t.name))
	}
	return r
}

// files lists the file names in dir.
func files(dir string) map[string]bool {
	m := map[string]bool{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		m[e.Name()] = true
	}
	return m
}

// copyNew copies the files of src not in before into dst, unless dst has
// them already, and returns how many it copied.
func copyNew(src string, before map[string]bool, dst string) int {
	n := 0
	for name := range files(src) {
		if before[name] {
			continue
		}
		if _, err := os.Stat(filepath.Join(dst, name)); err == nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			continue
		}
		if os.MkdirAll(dst, 0o755) != nil || os.WriteFile(filepath.Join(dst, name), b, 0o644) != nil {
			continue
		}
		n++
	}
	return n
}

func tail(s string, n int) string {
	if len(s) > n {
		s = "…" + s[len(s)-n:]
	}
	return s
}

func rate(r *result) float64 {
	if r.elapsed <= 0 {
		return 0
	}
	return float64(r.execs) / r.elapsed.Seconds()
}

// summary prints the table of results and reports whether any failed.
func summary(w io.Writer, results []result) bool {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "target\texecs\texecs/s\tnew corpus entries\tcrashers\t")
	var execs int64
	var added, crashers int
	var elapsed time.Duration
	failed := false
	for i := range results {
		r := &results[i]
		fmt.Fprintf(tw, "%s\t%d\t%.0f\t%d\t%d\t\n", r.target, r.execs, rate(r), r.added, len(r.crashers))
		execs += r.execs
		added += r.added
		crashers += len(r.crashers)
		elapsed += r.elapsed
		failed = failed || r.err != nil
	}
	fmt.Fprintf(tw, "total (%d targets, %v of fuzzing)\t%d\t\t%d\t%d\t\n", len(results), elapsed.Round(time.Second), execs, added, crashers)
	tw.Flush()
	for i := range results {
		if r := &results[i]; r.deadlineRace {
			fmt.Fprintf(w, "\n%s: go test reported \"context deadline exceeded\" at the end of the fuzzing time without a crasher (go.dev/issue/75804, a race in Go's fuzzing coordinator); not counted as a failure\n", r.target)
		}
	}
	for i := range results {
		if r := &results[i]; r.err != nil {
			fmt.Fprintf(w, "\n%s: %v\n", r.target, r.err)
			for _, c := range r.crashers {
				fmt.Fprintf(w, "  crasher: %s\n", c)
			}
		}
	}
	return failed
}
