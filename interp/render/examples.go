package render

import (
	"strings"

	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/lang"
)

// This file lays out the `test` blocks as worked examples: the facts
// given (actions and events as schedules, one table per action), the
// answers expected, and the worked arithmetic the author wrote in
// comments; run with Options.Check, each expectation is marked passed or
// failed.

type exampleDoc struct {
	Name    string
	Anchor  string
	MadeBy  string // the amendment's title, "" for the agreement
	AsOf    string
	Tables  []*scheduleTable
	Values  []Text // givens that are not instances
	Expects []expectRow
	Status  string // "pass", "fail", or "" when not checked
	Errors  []string
}

type scheduleTable struct {
	Action  string
	Columns []string
	Rows    [][]string // the given's name, the actor, then the columns
}

type expectRow struct {
	Notes  []string // the author's comments before it
	Text   Text
	Status string
	Msg    string
}

// examples gathers the tests of the agreement and of its amendments known
// on asOf, in source order.
func examples(ai *lang.AgreementInfo, asOf string, r *reader, rep *result.TestReport) ([]*exampleDoc, bool) {
	results := map[string]*result.TestResult{}
	if rep != nil {
		for _, res := range rep.Results {
			results[res.Pos.String()] = res
		}
	}
	var out []*exampleDoc
	add := func(items []lang.Item, am *lang.Amendment) {
		for _, it := range items {
			td, ok := it.(*lang.TestDecl)
			if !ok {
				continue
			}
			ex := r.example(td, am)
			ex.Anchor = "example-" + itoa(len(out)+1)
			if rep != nil {
				markResults(ex, td, results[td.At.String()])
			}
			out = append(out, ex)
		}
	}
	add(ai.Decl.Items, nil)
	for _, am := range ai.Amendments {
		if asOf != "" && effectiveOf(am.Items) > asOf {
			continue
		}
		add(am.Items, am)
	}
	return out, rep != nil
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func (r *reader) example(td *lang.TestDecl, am *lang.Amendment) *exampleDoc {
	ex := &exampleDoc{Name: td.Name.Value}
	if am != nil {
		ex.MadeBy = title(am.Title, am.ID)
	}
	notes := r.comments(td)
	var pending []string
	take := func(line int) []string {
		for len(notes) > 0 && notes[0].At.Line < line {
			pending = append(pending, strings.TrimSpace(strings.TrimPrefix(notes[0].Text, "//")))
			notes = notes[1:]
		}
		out := pending
		pending = nil
		return out
	}
	tables := map[string]*scheduleTable{}
	for _, st := range td.Stmts {
		switch st := st.(type) {
		case *lang.AsOf:
			take(st.At.Line)
			ex.AsOf = st.Date.Text
		case *lang.Given:
			take(st.At.Line)
			if al, ok := unparen(st.Value).(*lang.ActionLit); ok && al.Fields != nil {
				tb := tables[al.Action.Name]
				if tb == nil {
					tb = &scheduleTable{Action: al.Action.Name}
					tables[al.Action.Name] = tb
					ex.Tables = append(ex.Tables, tb)
				}
				row := make([]string, 2, 2+len(tb.Columns))
				row[0] = st.Name.Name
				if al.Actor != nil {
					row[1] = r.party(al.Actor)
				}
				for _, f := range al.Fields.Fields {
					i := indexOf(tb.Columns, f.Name.Name)
					if i < 0 {
						tb.Columns = append(tb.Columns, f.Name.Name)
						for j := range tb.Rows {
							tb.Rows[j] = append(tb.Rows[j], "")
						}
						i = len(tb.Columns) - 1
					}
					for len(row) < 2+len(tb.Columns) {
						row = append(row, "")
					}
					row[2+i] = valueText(f.Value)
				}
				for len(row) < 2+len(tb.Columns) {
					row = append(row, "")
				}
				tb.Rows = append(tb.Rows, row)
				continue
			}
			var t Text
			t.add(st.Name.Name + " is ")
			t.addText(r.exprText(st.Value))
			ex.Values = append(ex.Values, t)
		default:
			row := expectRow{Notes: take(st.Pos().Line), Text: r.expectation(st)}
			ex.Expects = append(ex.Expects, row)
		}
	}
	if rest := take(td.End.Line + 1); len(rest) > 0 && len(ex.Expects) > 0 {
		last := &ex.Expects[len(ex.Expects)-1]
		last.Notes = append(last.Notes, rest...)
	}
	return ex
}

func indexOf(s []string, x string) int {
	for i, y := range s {
		if y == x {
			return i
		}
	}
	return -1
}

// valueText writes a literal as Pacta does, text without its quotes.
func valueText(e lang.Expr) string {
	if s, ok := unparen(e).(*lang.StringLit); ok {
		return s.Value
	}
	return lang.FormatExpr(e)
}

// expectation reads an `expect`.
func (r *reader) expectation(st lang.TestStmt) Text {
	var t Text
	switch st := st.(type) {
	case *lang.ExpectVerdict:
		t.addText(r.subject(st.Subject))
		t.add(" is " + st.Verdict.String())
		if st.Clause != nil {
			t.add(" by ")
			r.clauseRef(&t, st.Clause.Num)
		}
	case *lang.ExpectPays:
		t.add(r.party(st.Payer) + " pays " + r.party(st.Payee) + " ")
		t.addText(r.exprText(st.Amount))
		t.add(" for ")
		t.addText(r.exprText(st.Period))
		if st.Clause != nil {
			t.add(" under ")
			r.clauseRef(&t, st.Clause.Num)
		}
		if st.Due != nil {
			t.add(", due on " + st.Due.Text)
		}
	case *lang.ExpectOverdue:
		t.add(r.party(st.Payer) + " owes " + r.party(st.Payee) + " ")
		t.addText(r.exprText(st.Amount))
		t.add(" overdue as of " + st.AsOf.Text)
		if st.Clause != nil {
			t.add(" under ")
			r.clauseRef(&t, st.Clause.Num)
		}
	case *lang.ExpectUnmet:
		r.clauseRef(&t, st.Clause.Num)
		t.add(" is not met as of " + st.AsOf.Text)
	case *lang.Expect:
		t.addText(r.condition(st.Cond))
	case *lang.ExpectFails:
		t.addText(r.subject(st.Subject))
		t.add(" fails with “" + st.Message.Value + "”")
	}
	if s := t.String(); strings.HasPrefix(s, "the ") || strings.HasPrefix(s, "clause ") {
		return t.capitalize()
	}
	return t
}

// subject names what a verdict is expected of: a given by its name.
func (r *reader) subject(e lang.Expr) Text {
	if id, ok := unparen(e).(*lang.Ident); ok {
		return Text{{Text: id.Name}}
	}
	return r.exprText(e)
}

// comments returns the comments inside a test block, from its file.
func (r *reader) comments(td *lang.TestDecl) []lang.Comment {
	if r.source == nil {
		return nil
	}
	f := r.files[td.At.File]
	if f == nil {
		src := r.source(td.At.File)
		if src == nil {
			return nil
		}
		var errs lang.ErrorList
		f, errs = lang.Parse(td.At.File, src)
		if len(errs) > 0 || f == nil {
			return nil
		}
		r.files[td.At.File] = f
	}
	var out []lang.Comment
	for _, c := range f.Comments {
		if c.At.Line > td.At.Line && c.At.Line < td.End.Line {
			out = append(out, c)
		}
	}
	return out
}

// markResults marks the expectations that failed, and the example.
func markResults(ex *exampleDoc, td *lang.TestDecl, res *result.TestResult) {
	if res == nil {
		return
	}
	ex.Status = "pass"
	if !res.Passed() {
		ex.Status = "fail"
	}
	failed := map[string]string{}
	for _, f := range res.Failures {
		failed[f.Pos.String()] = f.Msg
	}
	i := 0
	for _, st := range td.Stmts {
		switch st.(type) {
		case *lang.AsOf, *lang.Given:
			if msg, ok := failed[st.Pos().String()]; ok {
				ex.Errors = append(ex.Errors, msg)
				delete(failed, st.Pos().String())
			}
			continue
		}
		row := &ex.Expects[i]
		i++
		row.Status = "pass"
		if msg, ok := failed[st.Pos().String()]; ok {
			row.Status, row.Msg = "fail", msg
			delete(failed, st.Pos().String())
		}
	}
	for _, f := range res.Failures {
		if _, ok := failed[f.Pos.String()]; ok {
			ex.Errors = append(ex.Errors, f.Pos.String()+": "+f.Msg)
		}
	}
}
