package interp

import (
	"context"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file runs the test statements that expect what a settlement
// reports about obligations (SPEC 10.2): amounts overdue and obligations
// not met.

// expectOverdue settles the test's events up to the date and compares
// what the payer still owes the payee on lines due before it.
func (t *testRun) expectOverdue(ctx context.Context, s *lang.ExpectOverdue) {
	want, err := t.eval(ctx, s.Amount)
	if err != nil {
		t.fail(s.Pos(), "%v", err)
		return
	}
	asOf, err := types.ParseDate(s.AsOf.Text)
	if err != nil {
		t.fail(s.AsOf.Pos(), "%v", err)
		return
	}
	st, err := t.settle(ctx, SettleOptions{Agreement: t.ag.id, To: asOf, AsOf: asOf})
	if err != nil {
		t.fail(s.Pos(), "%v", err)
		return
	}
	got := types.MoneyValue(want.Str(), types.Decimal{})
	for _, o := range st.Overdue {
		l := o.Line
		if l.Payer != s.Payer.Name || l.Payee != s.Payee.Name || s.Clause != nil && l.Clause.Num != s.Clause.Num {
			continue
		}
		t.covered[l.Clause.Decl] = true
		if o.Outstanding.Str() != want.Str() {
			t.fail(s.Pos(), "%s is overdue in %s, not %s", l.Clause, o.Outstanding.Str(), want.Str())
			return
		}
		n, err := got.Num().Add(o.Outstanding.Num())
		if err == nil {
			got, err = withNum(got, n)
		}
		if err != nil {
			t.fail(s.Pos(), "%v", err)
			return
		}
	}
	if !got.Equal(want) {
		what := ""
		if s.Clause != nil {
			what = " under " + s.Clause.Num
		}
		t.fail(s.Pos(), "expected %s to owe %s %s overdue as of %s%s, but the settlement gives %s",
			s.Payer.Name, s.Payee.Name, want, s.AsOf.Text, what, got)
	}
}

// expectUnmet settles the test's events up to the date and looks for the
// obligation among those not met by their deadline.
func (t *testRun) expectUnmet(ctx context.Context, s *lang.ExpectUnmet) {
	asOf, err := types.ParseDate(s.AsOf.Text)
	if err != nil {
		t.fail(s.AsOf.Pos(), "%v", err)
		return
	}
	st, err := t.settle(ctx, SettleOptions{Agreement: t.ag.id, To: asOf, AsOf: asOf})
	if err != nil {
		t.fail(s.Pos(), "%v", err)
		return
	}
	for _, u := range st.Unmet {
		if u.Clause.Num == s.Clause.Num {
			t.covered[u.Clause.Decl] = true
			return
		}
	}
	t.fail(s.Pos(), "expected clause %s to be unmet as of %s, but the settlement to that date reports it met or not yet due", s.Clause.Num, s.AsOf.Text)
}
