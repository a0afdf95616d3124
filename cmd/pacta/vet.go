package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/lang"
)

func runVet(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("vet", "pacta vet FILE|DIR... [--format text|json]",
		`Analyse agreements before anything runs (SPEC 14): a permission and a
prohibition that can both apply to one action with nothing ordering
them, clauses that can never apply or never win, notwithstanding and
subject to aimed at clauses they never meet, actions no clause covers,
shares of one base that take more than the whole, guarantees and
recoupments with nothing to act on, and prose whose percentages, day
counts or amounts disagree with the logic.

Each finding is printed as file:line:col: severity: message [kind], with
the source line and a caret. A finding that says an action can meet
something gives a witness: the action as JSON, which
  pacta decide FILE|DIR... --action 'JSON' [--as-of DATE]
answers as the finding says.

With --format json, one JSON document is written:
  {"files": [...], "findings": [{"kind": "conflict", "severity": "error",
    "pos": "deal.pacta:19:3", "agreement": "deal", "clauses": [...],
    "message": "...", "witness": {"action": {...}, "answer": "..."}}],
   "errors": 1, "warnings": 0, "infos": 2}

Exit status: 0 no errors or warnings (info, such as coverage, does not
count), 1 errors or warnings found, 2 usage error or agreements that do
not load.`, stderr)
	format := fs.String("format", "text", "output format: text or json")
	limits := limitFlags(fs, false)
	paths, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		return usageError(fs, stderr, "vet", fmt.Sprintf("unknown format %q: use text or json", *format))
	}
	if len(paths) == 0 {
		return usageError(fs, stderr, "vet", "no agreement files given")
	}
	srcs, err := readSources(paths, limits()...)
	if err != nil {
		fmt.Fprintf(stderr, "pacta vet: %v\n", err)
		return 2
	}
	p, err := loadProgram(paths, limits()...)
	if err != nil {
		printCmdError(stderr, "vet", err)
		return 2
	}
	rep, err := p.Vet(context.Background())
	if err != nil {
		fmt.Fprintf(stderr, "pacta vet: %v\n", err)
		return 2
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	if *format == "json" {
		doc := vetJSON{Files: []string{}, Findings: rep.Findings, Errors: rep.Count(result.VetError), Warnings: rep.Count(result.VetWarning), Infos: rep.Count(result.VetInfo)}
		if doc.Findings == nil {
			doc.Findings = []result.VetFinding{}
		}
		for _, s := range srcs {
			doc.Files = append(doc.Files, s.name)
		}
		if err := writeJSON(out, doc, true); err != nil {
			fmt.Fprintf(stderr, "pacta vet: %v\n", err)
			return 2
		}
	} else {
		writeVetText(out, rep, p.Source)
		fmt.Fprintln(out, vetSummary(rep, len(srcs)))
	}
	if rep.Failed() {
		return 1
	}
	return 0
}

// vetJSON is the document vet --format json writes (see its help).
type vetJSON struct {
	Files    []string            `json:"files"`
	Findings []result.VetFinding `json:"findings"`
	Errors   int                 `json:"errors"`
	Warnings int                 `json:"warnings"`
	Infos    int                 `json:"infos"`
}

// writeVetText writes each finding as `file:line:col: severity: message
// [kind]`, the source line with a caret, and the witness if any.
func writeVetText(w io.Writer, rep *result.VetReport, source func(string) []byte) {
	for i, f := range rep.Findings {
		if i > 0 {
			fmt.Fprintln(w)
		}
		e := &lang.Error{Pos: f.Pos, Msg: fmt.Sprintf("%s: %s [%s]", f.Severity, f.Message, f.Kind)}
		io.WriteString(w, e.Render(source(f.Pos.File)))
		if wit := f.Witness; wit != nil {
			if !wit.AsOf.IsZero() {
				fmt.Fprintf(w, "    witness (as of %s): %s\n", wit.AsOf, wit.Action)
			} else {
				fmt.Fprintf(w, "    witness: %s\n", wit.Action)
			}
			fmt.Fprintf(w, "    %s\n", wit.Answer)
		}
	}
	if len(rep.Findings) > 0 {
		fmt.Fprintln(w)
	}
}

// vetSummary is the last line of vet's text output.
func vetSummary(rep *result.VetReport, files int) string {
	e, wn, in := rep.Count(result.VetError), rep.Count(result.VetWarning), rep.Count(result.VetInfo)
	if e+wn == 0 {
		s := fmt.Sprintf("ok: no errors or warnings in %d %s", files, plural(files, "file", "files"))
		if in > 0 {
			s += fmt.Sprintf(" (%d %s)", in, plural(in, "note", "notes"))
		}
		return s
	}
	var parts []string
	parts = append(parts, fmt.Sprintf("%d %s", e, plural(e, "error", "errors")))
	parts = append(parts, fmt.Sprintf("%d %s", wn, plural(wn, "warning", "warnings")))
	parts = append(parts, fmt.Sprintf("%d %s", in, plural(in, "note", "notes")))
	return strings.Join(parts, ", ")
}
