// Command pacta checks, formats and runs Pacta agreements.
//
// Usage:
//
//	pacta check FILE...        parse and type-check
//	pacta fmt [-w|-l|-d] FILE... print or rewrite in canonical layout
//	pacta version              print the version
//
// Run `pacta help` or `pacta COMMAND --help` for details.
package main

import (
	"fmt"
	"io"
	"os"
)

// command is one subcommand of the CLI.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"check", "parse and type-check agreements", runCheck},
		{"fmt", "format agreements in the canonical layout", runFmt},
		{"eval", "evaluate an expression", runEval},
		{"decide", "decide whether actions are permitted", runDecide},
		{"settle", "settle a ledger and print the statement", runSettle},
		{"test", "run the test blocks of agreements", runTest},
		{"repl", "ask questions and try clauses interactively", runRepl},
		{"version", "print the version", runVersion},
		{"completion", "print a shell completion script (bash, zsh, fish)", runCompletion},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "--version", "-version":
		return runVersion(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return run([]string{args[1], "--help"}, stdout, stderr)
		}
		usage(stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "pacta: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Pacta: commercial agreements as code.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: pacta COMMAND [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run `pacta COMMAND --help` for the options of a command.")
}
