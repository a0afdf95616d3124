package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "pacta check [-q] [--format text|json] FILE|DIR...",
		`Parse and type-check agreements. Every problem is printed as
file:line:col: message, with the source line and a caret, sorted.

With --format json, one JSON document is written to standard output,
problems or not (and -q is ignored):
  {"files": ["deal/agreement.pacta", ...],
   "problems": [{"file": "deal/agreement.pacta", "line": 9, "col": 5,
                 "message": "unknown party \"sellr\"",
                 "hint": "did you mean \"seller\"?"}, ...],
   "omitted": 0}
files are the files read; problems are sorted by file, line and column;
hint is "" when there is none; line and col are 0 (and file "") for a
problem with no position, such as a file that cannot be read; omitted
counts problems past the first 1,000, which are not listed.

Exit status: 0 no problems, 1 problems found, 2 usage error.`, stderr)
	quiet := fs.Bool("q", false, "print nothing when there are no problems")
	format := fs.String("format", "text", "output format: text or json")
	limits := limitFlags(fs, false)
	paths, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		return usageError(fs, stderr, "check", fmt.Sprintf("unknown format %q: use text or json", *format))
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "pacta check: no files given")
		fs.Usage()
		return 2
	}
	srcs, err := readSources(paths, limits()...)
	if err != nil {
		if *format == "json" {
			return writeCheckJSON(stdout, stderr, nil, err)
		}
		fmt.Fprintf(stderr, "pacta check: %v\n", err)
		return 1
	}
	errs := checkSources(srcs)
	if *format == "json" {
		return writeCheckJSON(stdout, stderr, srcs, errs.Err())
	}
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

// checkJSON is the document check --format json writes (see its help).
type checkJSON struct {
	Files    []string      `json:"files"`
	Problems []problemJSON `json:"problems"`
	Omitted  int           `json:"omitted"`
}

// writeCheckJSON writes the JSON document for the files srcs and the
// problems err holds, and returns the exit status.
func writeCheckJSON(stdout, stderr io.Writer, srcs []source, err error) int {
	doc := checkJSON{Files: []string{}}
	for _, s := range srcs {
		doc.Files = append(doc.Files, s.name)
	}
	doc.Problems, doc.Omitted = problemsJSON(err)
	if werr := writeJSON(stdout, doc, true); werr != nil {
		fmt.Fprintf(stderr, "pacta check: %v\n", werr)
		return 1
	}
	if err != nil {
		return 1
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
	if len(errs) > 0 {
		errs.Sort()
		return errs
	}
	// What compiling finds beyond the checker (tier thresholds or amounts
	// that constant terms give, out of order or negative) is a problem
	// for check too: check passes exactly what the other commands load.
	if _, err := compileSources(srcs); err != nil {
		var el lang.ErrorList
		var ee *interp.EvalError
		switch {
		case errors.As(err, &el):
			el.Sort()
			return el
		case errors.As(err, &ee) && ee.Pos.IsValid():
			return lang.ErrorList{{Pos: ee.Pos, Msg: ee.Msg}}
		}
		return lang.ErrorList{{Msg: err.Error()}}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
