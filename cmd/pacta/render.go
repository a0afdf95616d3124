package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pacta-lang/pacta/interp/render"
	"github.com/pacta-lang/pacta/interp/types"
)

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("render", "pacta render FILE|DIR... [--as-of DATE] [--since DATE] [--agreement ID] [--format html|md|pdf] [--check] [--ledger PATH [--period P]] [-o FILE]",
		`Render agreements as a document a lawyer reviews: one self-contained HTML
file (no network, style sheet and pictures inline, a print style sheet),
or Markdown with --format md, or PDF with --format pdf, printed by a
headless Chromium if one is installed). It shows every clause in force as of a
date (by default, with every amendment) with its number, title and
prose, where its version comes from, and a plain-English reading of its
logic generated from the source; the versions; the precedence between
clauses (a picture per action) and tier charts; the defined terms as a
glossary linked from every use; the test blocks as worked examples (with
--check, whether each passes); each amendment as a redline (or, with
--since, what changed from that date to --as-of); and, with --ledger,
the statement (for --period, or the whole ledger) with each line linked
to the ledger rows it comes from, and the breaches.

The same input always gives the same bytes (HTML and Markdown; a PDF
carries the time it was printed).

Exit status: 0 rendered (failed tests are shown in the document and do
not change it: pacta test is the gate), 1 problems with the agreements
or the ledger, 2 usage error.`, stderr)
	asOf := fs.String("as-of", "", "consolidate the agreement as in force on this `date`, with the amendments known on it (default: every amendment)")
	agreement := fs.String("agreement", "", "render this `agreement` only (default: every agreement loaded)")
	format := fs.String("format", "html", "output format: html, md, or pdf (printed by a headless Chromium)")
	since := fs.String("since", "", "show as a redline what changed from this `date` to --as-of, instead of each amendment")
	check := fs.Bool("check", false, "run the test blocks and mark each worked example passed or failed")
	ledger := fs.String("ledger", "", "add the statement of this ledger (a .csv or .jsonl `file`)")
	period := fs.String("period", "", "the `period` of the statement: 2027-Q1, 2027-H1, 2027-03 or 2027 (default: the whole ledger)")
	out := fs.String("o", "", "write the document to this `file` instead of standard output")
	limits := limitFlags(fs, true)
	paths, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return usageError(fs, stderr, "render", "no agreement files given")
	}
	if *format != "html" && *format != "md" && *format != "pdf" {
		return usageError(fs, stderr, "render", fmt.Sprintf("unknown format %q: use html, md or pdf", *format))
	}
	opts := render.Options{Agreement: *agreement, Format: *format, Check: *check}
	if *format == "pdf" {
		opts.Format = "html"
	}
	if *asOf != "" {
		d, err := types.ParseDate(*asOf)
		if err != nil {
			return usageError(fs, stderr, "render", fmt.Sprintf("--as-of: %v", err))
		}
		opts.AsOf = d
	}
	if *since != "" {
		d, err := types.ParseDate(*since)
		if err != nil {
			return usageError(fs, stderr, "render", fmt.Sprintf("--since: %v", err))
		}
		opts.Since = d
		if !opts.AsOf.IsZero() && opts.AsOf.Before(d) {
			return usageError(fs, stderr, "render", fmt.Sprintf("--since %s is after --as-of %s", d, opts.AsOf))
		}
	}
	if *period != "" && *ledger == "" {
		return usageError(fs, stderr, "render", "--period needs --ledger")
	}
	if *ledger != "" {
		lf := ""
		switch strings.ToLower(filepath.Ext(*ledger)) {
		case ".csv":
			lf = "csv"
		case ".jsonl", ".json", ".ndjson":
			lf = "jsonl"
		default:
			return usageError(fs, stderr, "render", fmt.Sprintf("%s: cannot tell the ledger's format from its name; use a .csv or .jsonl file", *ledger))
		}
		data, err := os.ReadFile(*ledger)
		if err != nil {
			printCmdError(stderr, "render", fileError(*ledger, err))
			return 1
		}
		opts.Ledger = &render.Ledger{Name: *ledger, Data: data, Format: lf}
	}
	p, err := loadProgram(paths, limits()...)
	if err != nil {
		printCmdError(stderr, "render", err)
		return 1
	}
	if *period != "" {
		// A fiscal period counts by the agreement's fiscal year, known
		// once the agreements are loaded.
		per, err := readPeriod(p, *agreement, *period)
		if err != nil {
			return usageError(fs, stderr, "render", fmt.Sprintf("--period: %v", err))
		}
		opts.Ledger.Period = per
	}
	var buf bytes.Buffer
	if err := render.Render(context.Background(), &buf, p, opts); err != nil {
		printCmdError(stderr, "render", err)
		return 1
	}
	doc := buf.Bytes()
	if *format == "pdf" {
		pdf, err := printPDF(doc)
		if err != nil {
			printCmdError(stderr, "render", err)
			return 1
		}
		doc = pdf
	}
	if *out == "" {
		stdout.Write(doc)
		return 0
	}
	if err := os.WriteFile(*out, doc, 0o644); err != nil {
		printCmdError(stderr, "render", fileError(*out, err))
		return 1
	}
	return 0
}
