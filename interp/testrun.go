package interp

import (
	"context"
	"fmt"
	"sort"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// testRun is the state of one test block.
type testRun struct {
	p       *Program
	ag      *agreement
	asOf    types.Date
	explict bool
	comp    *compiler
	givens  map[*lang.Given]types.Value
	events  []*types.Record
	res     *result.TestResult
	covered map[*lang.ClauseDecl]bool
}

// RunTests runs every test block in the program's files, in file order.
//
// Failing tests are not errors: they are in the report. An error is a
// cancelled context or an evaluation that could not run.
func (p *Program) RunTests(ctx context.Context) (*result.TestReport, error) {
	rep := &result.TestReport{}
	covered := map[*lang.ClauseDecl]bool{}
	for _, a := range p.agreements {
		blocks := []struct {
			items     []lang.Item
			amendment string
			from      types.Date
		}{{a.info.Decl.Items, "", a.effective}}
		for i, am := range a.info.Amendments {
			blocks = append(blocks, struct {
				items     []lang.Item
				amendment string
				from      types.Date
			}{am.Items, am.ID.Name, a.versions[i+1].from})
		}
		for _, b := range blocks {
			for _, it := range b.items {
				td, ok := it.(*lang.TestDecl)
				if !ok {
					continue
				}
				if err := ctxErr(ctx); err != nil {
					return nil, err
				}
				res := &result.TestResult{Name: td.Name.Value, Agreement: a.id, Amendment: b.amendment, Pos: td.Pos()}
				run := &testRun{p: p, ag: a, asOf: b.from, res: res, covered: covered, givens: map[*lang.Given]types.Value{}}
				run.run(ctx, td)
				rep.Results = append(rep.Results, res)
			}
		}
		// Coverage: every clause of every version.
		seen := map[*lang.ClauseDecl]bool{}
		for _, v := range a.versions {
			splitsCovered(v, covered)
		}
		for _, v := range a.versions {
			for _, c := range v.clauses {
				if !seen[c.Decl] && !covered[c.Decl] {
					rep.Unexercised = append(rep.Unexercised, c)
				}
				seen[c.Decl] = true
			}
		}
	}
	sort.SliceStable(rep.Unexercised, func(i, j int) bool {
		return rep.Unexercised[i].Pos.Before(rep.Unexercised[j].Pos)
	})
	return rep, nil
}

func (t *testRun) fail(pos lang.Pos, format string, args ...any) {
	t.res.Failures = append(t.res.Failures, result.TestFailure{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// compiler returns a compiler for the version in force at the test's date,
// seeing the givens bound so far.
func (t *testRun) compiler() *compiler {
	v := t.ag.versionAt(t.asOf)
	if v == nil {
		v = t.ag.versions[0]
	}
	c := *v.comp
	c.givens = t.givens
	// A fresh term cache: the version's own is shared by every goroutine
	// using the program, and a test must not write to it.
	c.done = map[*lang.TermDecl]*term{}
	return &c
}

func (t *testRun) eval(ctx context.Context, e lang.Expr) (types.Value, error) {
	n, err := t.compiler().expr(e)
	if err != nil {
		return types.Value{}, err
	}
	fr := t.p.newFrame(ctx, t.asOf)
	return n.eval(fr)
}

func (t *testRun) run(ctx context.Context, td *lang.TestDecl) {
	for _, s := range td.Stmts {
		switch s := s.(type) {
		case *lang.AsOf:
			d, err := types.ParseDate(s.Date.Text)
			if err != nil {
				t.fail(s.Pos(), "%v", err)
				return
			}
			t.asOf, t.explict = d, true
		case *lang.Given:
			v, err := t.eval(ctx, s.Value)
			if err != nil {
				t.fail(s.Pos(), "given %s: %v", s.Name.Name, err)
				return
			}
			t.givens[s] = v
			switch v.Kind() {
			case types.KindRecord:
				if !schemaOf(v.Record().Schema).item { // an item of a list is no event (SPEC 4.5.1)
					t.events = append(t.events, v.Record())
				}
			case types.KindList:
				for _, e := range v.List() {
					if e.Kind() == types.KindRecord && !schemaOf(e.Record().Schema).item {
						t.events = append(t.events, e.Record())
					}
				}
			}
		case *lang.Expect:
			v, err := t.eval(ctx, s.Cond)
			if err != nil {
				t.fail(s.Pos(), "%v", err)
				continue
			}
			if !v.Truth() {
				t.fail(s.Pos(), "expected %s%s", lang.FormatExpr(s.Cond), t.explainFalse(ctx, s.Cond))
			}
		case *lang.ExpectVerdict:
			t.expectVerdict(ctx, s)
		case *lang.ExpectPays:
			t.expectPays(ctx, s)
		case *lang.ExpectOverdue:
			t.expectOverdue(ctx, s)
		case *lang.ExpectUnmet:
			t.expectUnmet(ctx, s)
		case *lang.ExpectFails:
			t.expectFails(ctx, s)
		}
	}
}

// explainFalse shows both sides of a failed comparison.
func (t *testRun) explainFalse(ctx context.Context, e lang.Expr) string {
	b, ok := e.(*lang.Binary)
	if !ok || b.Op < lang.Eq || b.Op > lang.Ge {
		return ""
	}
	x, err1 := t.eval(ctx, b.X)
	y, err2 := t.eval(ctx, b.Y)
	if err1 != nil || err2 != nil {
		return ""
	}
	return fmt.Sprintf(", but %s is %s and %s is %s", lang.FormatExpr(b.X), x, lang.FormatExpr(b.Y), y)
}

func (t *testRun) expectVerdict(ctx context.Context, s *lang.ExpectVerdict) {
	v, err := t.eval(ctx, s.Subject)
	if err != nil {
		t.fail(s.Pos(), "%v", err)
		return
	}
	if v.Kind() != types.KindRecord || v.Record().Schema.Event() {
		t.fail(s.Pos(), "%s is not an action", lang.FormatExpr(s.Subject))
		return
	}
	var opts DecideOptions
	if t.explict {
		opts.AsOf = t.asOf
	}
	if t.ag.terminable && len(t.events) > 0 {
		// A termination among the givens holds for the decision (SPEC
		// 5.6): the test's ledger is settled to find it.
		st, err := t.settle(ctx, SettleOptions{Agreement: t.ag.id, AsOf: opts.AsOf, OnBreach: func(*result.Breach) error { return nil }})
		if err != nil {
			t.fail(s.Pos(), "%v", err)
			return
		}
		opts.Terminated = st.Terminated
	}
	d, err := t.p.Decide(ctx, v.Record(), opts)
	if err != nil {
		t.fail(s.Pos(), "%v", err)
		return
	}
	for _, a := range d.Applied {
		t.covered[a.Clause.Decl] = true
	}
	if d.Verdict != s.Verdict && !(d.Verdict == lang.NotCovered && d.Effect == s.Verdict) {
		t.fail(s.Pos(), "expected %s, but it is %s", s.Verdict, d.String())
		return
	}
	if s.Clause != nil {
		switch {
		case d.Verdict == lang.Conflict:
			if d.Conflict[0].Num != s.Clause.Num && d.Conflict[1].Num != s.Clause.Num {
				t.fail(s.Pos(), "expected a conflict involving %s, but it is %s", s.Clause.Num, d.String())
			}
		case d.Clause == nil:
			t.fail(s.Pos(), "expected %s by %s, but it is %s", s.Verdict, s.Clause.Num, d.String())
		case d.Clause.Num != s.Clause.Num:
			t.fail(s.Pos(), "expected %s by %s, but it is %s", s.Verdict, s.Clause.Num, d.String())
		}
	}
}
