// Command tcpwire serves the TCP playground and decodes, checks and builds
// TCP segments from the command line.
//
// Usage:
//
//	tcpwire <command> [flags] [arguments]
//
// Run "tcpwire help" for the list of commands and "tcpwire <command> -h" for
// the flags and examples of one.
package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// command is one subcommand of tcpwire. Each lives in a file of its own
// and registers itself from an init function.
type command struct {
	name    string
	summary string
	// run executes the command with the arguments after its name and
	// returns the process exit status.
	run func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands []command

// register adds c to the commands tcpwire knows.
func register(c command) {
	commands = append(commands, c)
	slices.SortFunc(commands, func(a, b command) int { return strings.Compare(a.name, b.name) })
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches args to a command and returns the exit status: 0 on
// success, 1 when a command reports a failure of what it checks, 2 on a
// usage error or unreadable input.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "tcpwire: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "tcpwire: TCP headers decoded, checked, built and explained")
	fmt.Fprintln(w, "\nUsage: tcpwire <command> [flags] [arguments]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"tcpwire <command> -h\" for a command's flags and examples.")
}
