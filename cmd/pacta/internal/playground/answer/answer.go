// Package answer answers the playground's questions about agreement
// sources held in the page: check, decide, settle, test, render and vet.
//
// It is the one code path behind the WebAssembly build of the playground
// (package wasm in the directory below), and it asks the library exactly
// what the CLI asks: interp.Compile, Program.ParseActionJSON and
// Program.Decide, Program.ReadCSV or ReadJSONL and Program.Settle,
// Program.RunTests, render.Render and Program.Vet; the text and JSON of
// an answer are what the library's WriteText and WriteJSON methods
// write, so that `pacta decide`, `pacta settle`, `pacta test` and the
// playground print the same bytes for the same input.
//
// Every question takes a Request and returns a Response; neither fails:
// a problem is the Response's Error (or, for Check, its Problems), with
// the position it is about.
package answer

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pacta-lang/pacta/cmd/pacta/internal/ledgerfmt"
	"github.com/pacta-lang/pacta/cmd/pacta/internal/problems"
	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/render"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// Source is one agreement file held in the page.
type Source struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// Request is a question. Sources are the agreement files; the other
// members are read by the questions that need them.
type Request struct {
	Sources []Source `json:"sources"`
	// Action is the action to decide, as the JSON object `pacta decide
	// --action` takes (decide).
	Action string `json:"action,omitempty"`
	// AsOf is a date (YYYY-MM-DD) as pacta decide --as-of and pacta
	// settle --as-of read it (decide, settle, render).
	AsOf string `json:"as_of,omitempty"`
	// Ledger is a ledger, CSV or JSON Lines (told apart as pacta settle
	// tells standard input: a first character "{" is JSON Lines), named
	// "ledger" in positions (settle, render).
	Ledger string `json:"ledger,omitempty"`
	// Period is what pacta settle --period reads: 2027-Q1, 2027-H1,
	// 2027-03, 2027 (settle, render).
	Period string `json:"period,omitempty"`
	// Agreement names the agreement when the sources declare several
	// (settle, render).
	Agreement string `json:"agreement,omitempty"`
}

// Response is an answer.
type Response struct {
	// OK is false when the question could not be answered; Error then
	// says why.
	OK    bool     `json:"ok"`
	Error *Problem `json:"error,omitempty"`
	// Problems are every problem of the sources (check; and any question
	// asked of sources that do not compile), sorted, with Omitted the
	// number not listed; Rendered is them as pacta check prints them:
	// each with its source line, a caret under the column, and the hint.
	Problems []Problem `json:"problems,omitempty"`
	Omitted  int       `json:"omitted,omitempty"`
	Rendered string    `json:"rendered,omitempty"`
	// Agreements are the agreements the sources declare (check).
	Agreements []string `json:"agreements,omitempty"`
	// Text is the answer as the CLI prints it; JSON as --format json
	// writes it (decide, settle, test, vet). HTML is the document of
	// pacta render (render).
	Text string          `json:"text,omitempty"`
	JSON json.RawMessage `json:"json,omitempty"`
	HTML string          `json:"html,omitempty"`
	// Failed counts the failed tests (test) or vet's errors (vet).
	Failed int `json:"failed,omitempty"`
}

// Problem is one problem with its position, in the shape pacta check
// --format json writes (package problems), with the field of an action
// or ledger row when the problem is about one.
type Problem struct {
	problems.Problem
	Field string `json:"field,omitempty"`
}

// Session answers questions, keeping the program compiled last so that
// questions asked of the same sources do not compile them again. It is
// not safe for use by several goroutines at once.
type Session struct {
	key  [32]byte
	prog *interp.Program
	err  error
	srcs []interp.Source
}

// compile compiles the sources, or returns the program compiled last
// from the same sources.
func (s *Session) compile(srcs []Source) (*interp.Program, []interp.Source, error) {
	h := sha256.New()
	for _, src := range srcs {
		fmt.Fprintf(h, "%d:%s%d:%s", len(src.Name), src.Name, len(src.Text), src.Text)
	}
	var key [32]byte
	h.Sum(key[:0])
	if s.srcs != nil && key == s.key {
		return s.prog, s.srcs, s.err
	}
	in := make([]interp.Source, len(srcs))
	for i, src := range srcs {
		in[i] = interp.Source{Name: src.Name, Text: []byte(src.Text)}
	}
	var err error
	if len(in) == 0 {
		err = errors.New("no source given")
	}
	var p *interp.Program
	if err == nil {
		p, err = interp.Compile(in)
	}
	s.key, s.prog, s.err, s.srcs = key, p, err, in
	return p, in, err
}

// Ask answers the question named q: "check", "decide", "settle", "test",
// "render" or "vet".
func (s *Session) Ask(ctx context.Context, q string, req Request) Response {
	switch q {
	case "check":
		return s.Check(req)
	case "decide":
		return s.Decide(ctx, req)
	case "settle":
		return s.Settle(ctx, req)
	case "test":
		return s.Test(ctx, req)
	case "render":
		return s.Render(ctx, req)
	case "vet":
		return s.Vet(ctx, req)
	}
	return failed(fmt.Errorf("unknown question %q: ask check, decide, settle, test, render or vet", q))
}

// Check compiles the sources as pacta check does and lists every problem.
func (s *Session) Check(req Request) Response {
	p, srcs, err := s.compile(req.Sources)
	if err != nil {
		return sourceProblems(err, srcs)
	}
	return Response{OK: true, Agreements: p.Agreements()}
}

// program compiles the sources for a question, or answers with their
// problems.
func (s *Session) program(req Request) (*interp.Program, *Response) {
	p, srcs, err := s.compile(req.Sources)
	if err != nil {
		r := sourceProblems(err, srcs)
		return nil, &r
	}
	return p, nil
}

// Decide decides req.Action as pacta decide --action does; Text is the
// decision with every clause that applied and why (Decision.WriteText),
// JSON is Decision.WriteJSON's.
func (s *Session) Decide(ctx context.Context, req Request) Response {
	p, bad := s.program(req)
	if bad != nil {
		return *bad
	}
	if strings.TrimSpace(req.Action) == "" {
		return failed(errors.New(`no action given: write one as a JSON object, such as {"action": "sell", "actor": "...", "date": "2026-06-01", ...}`))
	}
	var opts interp.DecideOptions
	if req.AsOf != "" {
		d, err := types.ParseDate(req.AsOf)
		if err != nil {
			return failed(fmt.Errorf("as of: %v", err))
		}
		opts.AsOf = d
	}
	rec, err := p.ParseActionJSON([]byte(req.Action))
	if err != nil {
		return failed(err)
	}
	if rec.Schema.Event() {
		return failed(fmt.Errorf("%q is an event; only an action can be permitted or prohibited", rec.Schema.Name()))
	}
	d, err := p.Decide(ctx, rec, opts)
	if err != nil {
		return failed(err)
	}
	return both(d.WriteText, d.WriteJSON)
}

// Settle settles req.Ledger as pacta settle --ledger - does (the
// format told by the first character); rows are named ledger:LINE.
func (s *Session) Settle(ctx context.Context, req Request) Response {
	p, bad := s.program(req)
	if bad != nil {
		return *bad
	}
	if strings.TrimSpace(req.Ledger) == "" {
		return failed(errors.New("no ledger given: paste CSV with a header row, or JSON Lines"))
	}
	opts := interp.SettleOptions{Agreement: req.Agreement}
	if req.Period != "" {
		per, err := p.ParsePeriod(req.Agreement, req.Period)
		if err != nil {
			return failed(fmt.Errorf("period: %v", err))
		}
		opts.From, opts.To = per.Start(), per.End()
	}
	if req.AsOf != "" {
		d, err := types.ParseDate(req.AsOf)
		if err != nil {
			return failed(fmt.Errorf("as of: %v", err))
		}
		opts.AsOf = d
	}
	read := p.ReadCSV
	if isJSONLines(req.Ledger) {
		read = p.ReadJSONL
	}
	st, err := p.Settle(ctx, read(req.Agreement, "ledger", strings.NewReader(req.Ledger)), opts)
	if err != nil {
		return failed(err)
	}
	return both(st.WriteText, st.WriteJSON)
}

// isJSONLines tells a ledger's format as pacta settle does for standard
// input (package ledgerfmt); a ledger of nothing but white space is CSV.
func isJSONLines(ledger string) bool {
	json, _ := ledgerfmt.JSONLines([]byte(ledger))
	return json
}

// Test runs the test blocks as pacta test does: Text is
// TestReport.WriteText's (each test, the failures with positions, and
// the clauses no test exercises), JSON is TestReport.WriteJSON's.
func (s *Session) Test(ctx context.Context, req Request) Response {
	p, bad := s.program(req)
	if bad != nil {
		return *bad
	}
	rep, err := p.RunTests(ctx)
	if err != nil {
		return failed(err)
	}
	r := both(rep.WriteText, rep.WriteJSON)
	r.Failed = rep.Failed()
	return r
}

// Render writes the document pacta render writes, as HTML, with the
// test blocks checked (--check) and, when req.Ledger is given, its
// statement.
func (s *Session) Render(ctx context.Context, req Request) Response {
	p, bad := s.program(req)
	if bad != nil {
		return *bad
	}
	opts := render.Options{Agreement: req.Agreement, Format: "html", Check: true}
	if req.AsOf != "" {
		d, err := types.ParseDate(req.AsOf)
		if err != nil {
			return failed(fmt.Errorf("as of: %v", err))
		}
		opts.AsOf = d
	}
	if strings.TrimSpace(req.Ledger) != "" {
		l := &render.Ledger{Name: "ledger", Data: []byte(req.Ledger), Format: "csv"}
		if isJSONLines(req.Ledger) {
			l.Format = "jsonl"
		}
		if req.Period != "" {
			per, err := p.ParsePeriod(req.Agreement, req.Period)
			if err != nil {
				return failed(fmt.Errorf("period: %v", err))
			}
			l.Period = per
		}
		opts.Ledger = l
	}
	var b bytes.Buffer
	if err := render.Render(ctx, &b, p, opts); err != nil {
		return failed(err)
	}
	return Response{OK: true, HTML: b.String()}
}

// Vet answers what pacta vet finds: JSON is the VetReport as
// json.Marshal writes it (the bytes of pacta serve's /v1/vet).
func (s *Session) Vet(ctx context.Context, req Request) Response {
	p, bad := s.program(req)
	if bad != nil {
		return *bad
	}
	rep, err := p.Vet(ctx)
	if err != nil {
		return failed(err)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		return failed(err)
	}
	return Response{OK: true, JSON: b, Failed: rep.Count(result.VetError)}
}

// both answers with what text and js write.
func both(text, js func(io.Writer) error) Response {
	var t, j bytes.Buffer
	if err := text(&t); err != nil {
		return failed(err)
	}
	if err := js(&j); err != nil {
		return failed(err)
	}
	return Response{OK: true, Text: t.String(), JSON: bytes.TrimSpace(j.Bytes())}
}

// sourceProblems answers with the problems of sources that do not
// compile.
func sourceProblems(err error, srcs []interp.Source) Response {
	ps, omitted := problems.Of(err)
	r := Response{Problems: make([]Problem, len(ps)), Omitted: omitted}
	for i, p := range ps {
		r.Problems[i] = Problem{Problem: p}
	}
	var errs lang.ErrorList
	var ie *interp.EvalError
	switch {
	case errors.As(err, &errs):
	case errors.As(err, &ie) && ie.Pos.IsValid():
		errs = lang.ErrorList{{Pos: ie.Pos, Msg: ie.Msg}}
	}
	if len(errs) > 0 {
		var b strings.Builder
		errs.RenderList(&b, func(file string) []byte {
			for _, s := range srcs {
				if s.Name == file {
					return s.Text
				}
			}
			return nil
		})
		r.Rendered = b.String()
	} else if len(ps) > 0 {
		r.Rendered = ps[0].Message + "\n"
	}
	if len(ps) > 0 {
		r.Error = &r.Problems[0]
	}
	return r
}

// failed answers with err, at its position when it has one: a source
// position for an evaluation error, ledger:LINE and the field for a
// ledger row, the field for an action.
func failed(err error) Response {
	pr := Problem{}
	var ee *interp.EvalError
	var le *interp.LedgerError
	var fe *interp.FieldError
	switch {
	case errors.As(err, &le):
		pr.File, pr.Line, pr.Field = le.Source, le.Line, le.Field
		pr.Message = le.Error()
	case errors.As(err, &ee) && ee.Pos.IsValid():
		pr.File, pr.Line, pr.Col, pr.Message = ee.Pos.File, ee.Pos.Line, ee.Pos.Col, ee.Msg
	case errors.As(err, &fe):
		pr.Field, pr.Message = fe.Field, err.Error()
	default:
		var errs lang.ErrorList
		if errors.As(err, &errs) {
			// An expression's problems (none today): positioned.
			ps, _ := problems.Of(err)
			if len(ps) > 0 {
				pr.Problem = ps[0]
				break
			}
		}
		pr.Message = err.Error()
	}
	return Response{Error: &pr}
}
