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
		{"vet", "find conflicts, dead clauses and money that does not add up", runVet},
		{"render", "render agreements as a document for review (HTML or Markdown)", runRender},
		{"repl", "ask questions and try clauses interactively", runRepl},
		{"serve", "answer decisions, settlements and checks over HTTP (JSON)", runServe},
		{"playground", "write the playground (Pacta in the browser) as static files", runPlayground},
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
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "A directory stands for the .pacta files below it, except in directories")
	fmt.Fprintln(w, "named testdata or vendor or starting with . or _ (as go's ./... does).")
	fmt.Fprintln(w)
	fmt.Fprint(w, exitStatusHelp)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run `pacta COMMAND --help` for the options of a command, and")
	fmt.Fprintln(w, "`pacta --version` for the version.")
}

// exitStatusHelp is the table of exit statuses that pacta help prints;
// README.md and doc.go show the same table.
const exitStatusHelp = `Exit status:
  0  success
  1  problems found: errors in agreements, ledgers or actions, failed
     tests, files that fmt -l or fmt -d would change, vet findings
  2  usage error: an unknown command or flag, a missing argument; for
     vet, also agreements that do not load (its 1 is for findings)
  3  pacta decide --fail-on: an action got the answer named
`
