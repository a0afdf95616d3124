package main

import (
	"fmt"
	"io"

	"github.com/pacta-lang/pacta/lang"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "pacta check FILE|DIR...",
		`Parse and type-check agreements. Every problem is printed as
file:line:col: message, with the source line and a caret, sorted.
Exit status: 0 no problems, 1 problems found, 2 usage error.`, stderr)
	quiet := fs.Bool("q", false, "print nothing when there are no problems")
	limits := limitFlags(fs, false)
	paths, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "pacta check: no files given")
		fs.Usage()
		return 2
	}
	srcs, err := readSources(paths, limits()...)
	if err != nil {
		fmt.Fprintf(stderr, "pacta check: %v\n", err)
		return 1
	}
	errs := checkSources(srcs)
	if len(errs) > 0 {
		printErrors(stderr, errs, srcs)
		fmt.Fprintf(stderr, "%d %s\n", errs.Total(), plural(errs.Total(), "problem", "problems"))
		return 1
	}
	if !*quiet {
		fmt.Fprintf(stdout, "ok: %d %s checked\n", len(srcs), plural(len(srcs), "file", "files"))
	}
	return 0
}

// checkSources parses and checks srcs together. Syntax errors are reported
// alone: checking a file that did not parse would report problems that are
// only echoes of the syntax error.
func checkSources(srcs []source) lang.ErrorList {
	files, errs := parseSources(srcs)
	if len(errs) > 0 {
		errs.Sort()
		return errs
	}
	_, errs = lang.Check(files, checkConfig())
	errs.Sort()
	return errs
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
