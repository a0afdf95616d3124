package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// scratchAgreement is the agreement expressions are evaluated in when no
// file is given: it declares nothing but a date and a currency.
const scratchAgreement = `agreement scratch "Scratch" {
  effective 2000-01-01
  currency USD
}
`

func runEval(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("eval", "pacta eval [-f FILE|DIR]... [--agreement ID] [--as-of DATE] [--format text|json] EXPR",
		`Evaluate an expression exactly and print its value. With -f, the
expression may use the parties, kinds, terms and actions of the loaded
agreements (as amended).

With --format json, one JSON object is written to standard output on one
line, whether the expression could be evaluated or not:
  {"value": {"kind": "money", "value": "200.00", "currency": "USD"},
   "text": "USD 200.00", "type": "money(USD)", "problems": [], "omitted": 0}
value is the result as a program reads it (types.Value's JSON: exact
decimal strings, no separators), or null if there is none; text is the
same value written as Pacta writes it, or null; type is the expression's
type, or null if it could not be checked; problems lists what went wrong,
each as {"file", "line", "col", "message", "hint"} (see pacta check
--help; the expression itself is the file "<expr>"). value, text and type
are the fields of pacta serve's POST /v1/eval answer.

Exit status: 0 success, 1 error, 2 usage error.`, stderr)
	var files multiFlag
	fs.Var(&files, "f", "load an agreement file or directory (repeatable)")
	agreement := fs.String("agreement", "", "the agreement whose terms the expression sees, when several are loaded")
	asOf := fs.String("as-of", "", "evaluate against the version of the agreement in force on this `date`")
	format := fs.String("format", "text", "output format: text or json")
	limits := limitFlags(fs, false)
	rest, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		return usageError(fs, stderr, "eval", fmt.Sprintf("unknown format %q: use text or json", *format))
	}
	jsonOut := *format == "json"
	if len(rest) == 0 {
		fmt.Fprintln(stderr, "pacta eval: no expression given")
		fs.Usage()
		return 2
	}
	src := strings.Join(rest, " ")
	var opts interp.EvalOptions
	if *asOf != "" {
		d, err := types.ParseDate(*asOf)
		if err != nil {
			fmt.Fprintf(stderr, "pacta eval: --as-of: %v\n", err)
			return 2
		}
		opts.AsOf = d
	}
	var srcs []source
	if len(files) == 0 {
		srcs = []source{{"<scratch>", []byte(scratchAgreement)}}
	} else {
		var err error
		if srcs, err = readSources(files, limits()...); err != nil {
			if jsonOut {
				return writeEvalJSON(stdout, stderr, evalJSON{}, err)
			}
			fmt.Fprintf(stderr, "pacta eval: %v\n", err)
			return 1
		}
	}
	prog, err := compileSources(srcs)
	if err != nil {
		if jsonOut {
			return writeEvalJSON(stdout, stderr, evalJSON{}, err)
		}
		reportError(stderr, "pacta eval", err, srcs)
		return 1
	}
	exprSrc := []byte(src)
	x, err := prog.CompileExpr(*agreement, "<expr>", exprSrc)
	if err != nil {
		if jsonOut {
			return writeEvalJSON(stdout, stderr, evalJSON{}, err)
		}
		reportError(stderr, "pacta eval", err, append(srcs, source{"<expr>", exprSrc}))
		if hint := evalFileHint(rest); hint != "" {
			fmt.Fprintln(stderr, hint)
		}
		return 1
	}
	typ := x.Type().String()
	v, err := x.Eval(context.Background(), opts)
	if err != nil {
		if jsonOut {
			return writeEvalJSON(stdout, stderr, evalJSON{Type: &typ}, err)
		}
		reportError(stderr, "pacta eval", err, append(srcs, source{"<expr>", exprSrc}))
		return 1
	}
	if jsonOut {
		text := v.String()
		exact, err := v.MarshalJSON()
		if err != nil {
			return writeEvalJSON(stdout, stderr, evalJSON{Type: &typ}, err)
		}
		return writeEvalJSON(stdout, stderr, evalJSON{Value: exact, Text: &text, Type: &typ}, nil)
	}
	fmt.Fprintln(stdout, v)
	return 0
}

// evalJSON is the object eval --format json writes (see its help).
type evalJSON struct {
	Value    json.RawMessage `json:"value"`
	Text     *string         `json:"text"`
	Type     *string         `json:"type"`
	Problems []problemJSON   `json:"problems"`
	Omitted  int             `json:"omitted"`
}

// writeEvalJSON writes doc with the problems err holds, and returns the
// exit status.
func writeEvalJSON(stdout, stderr io.Writer, doc evalJSON, err error) int {
	doc.Problems, doc.Omitted = problemsJSON(err)
	if werr := writeJSON(stdout, doc, false); werr != nil {
		fmt.Fprintf(stderr, "pacta eval: %v\n", werr)
		return 1
	}
	if err != nil {
		return 1
	}
	return 0
}

// compileSources compiles sources with the standard library.
func compileSources(srcs []source, opts ...interp.Option) (*interp.Program, error) {
	in := make([]interp.Source, len(srcs))
	for i, s := range srcs {
		in[i] = interp.Source{Name: s.name, Text: s.src}
	}
	// The files the agreements name (a calendar's holidays) are read
	// beside them, as the command line names them.
	return interp.Compile(in, append(append(programOptions(), interp.WithLocalFiles()), opts...)...)
}

// reportError prints err: a list of positioned problems with carets, or
// one line.
func reportError(w io.Writer, cmd string, err error, srcs []source) {
	if errs, ok := err.(lang.ErrorList); ok {
		printErrors(w, errs, srcs)
		return
	}
	if e, ok := err.(*interp.EvalError); ok && e.Pos.IsValid() {
		printErrors(w, lang.ErrorList{{Pos: e.Pos, Msg: e.Msg}}, srcs)
		return
	}
	fmt.Fprintf(w, "%s: %v\n", cmd, nameAgreementFlag(cmd, err))
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// evalFileHint is what to say when an expression that does not compile
// starts with the name of an agreement file or directory: the user meant
// to load it (`pacta eval deal.pacta 'fee * 2'` for `pacta eval -f
// deal.pacta 'fee * 2'`). It is "" otherwise.
func evalFileHint(rest []string) string {
	if len(rest) < 2 {
		return ""
	}
	fi, err := os.Stat(rest[0])
	if err != nil || !(fi.IsDir() || strings.HasSuffix(rest[0], ".pacta")) {
		return ""
	}
	kind := "a file"
	if fi.IsDir() {
		kind = "a directory"
	}
	quoted := make([]string, len(rest)-1)
	for i, a := range rest[1:] {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return fmt.Sprintf("%s is %s: to load it, write pacta eval -f %s %s", rest[0], kind, rest[0], strings.Join(quoted, " "))
}
