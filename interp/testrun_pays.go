package interp

import (
	"context"
	"sort"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// expectPays settles the test's events and compares what the payer owes
// the payee for the period (under one clause, if the test names one).
func (t *testRun) expectPays(ctx context.Context, s *lang.ExpectPays) {
	want, err := t.eval(ctx, s.Amount)
	if err != nil {
		t.fail(s.Pos(), "%v", err)
		return
	}
	pv, err := t.eval(ctx, s.Period)
	if err != nil {
		t.fail(s.Pos(), "%v", err)
		return
	}
	var from, to types.Date
	switch pv.kind {
	case KindPeriod:
		from, to = pv.perOf().Start(), pv.perOf().End()
	case KindDate:
		from, to = pv.dateOf(), pv.dateOf()
	default:
		t.fail(s.Period.Pos(), "%s is not a period or a date", lang.FormatExpr(s.Period))
		return
	}
	events := append([]*Record(nil), t.events...)
	sort.SliceStable(events, func(i, j int) bool {
		return events[i].Fields[events[i].Schema.dateIdx()].dateOf().Before(events[j].Fields[events[j].Schema.dateIdx()].dateOf())
	})
	seq := func(yield func(Event, error) bool) {
		for _, r := range events {
			if r.Schema.agreement != t.ag {
				continue
			}
			if !yield(Event{Record: r, Source: "test " + t.res.Name}, nil) {
				return
			}
		}
	}
	st, err := t.p.Settle(ctx, seq, SettleOptions{Agreement: t.ag.id, From: from, To: to})
	if err != nil {
		t.fail(s.Pos(), "%v", err)
		return
	}
	got := MoneyValue(want.str, types.Decimal{})
	for _, l := range st.Lines {
		if l.Payer != s.Payer.Name || l.Payee != s.Payee.Name {
			continue
		}
		if s.Clause != nil && l.Clause.Num != s.Clause.Num {
			continue
		}
		t.covered[l.Clause.Decl] = true
		if l.Amount.str != want.str {
			t.fail(s.Pos(), "%s is owed in %s, not %s", l.Clause, l.Amount.str, want.str)
			return
		}
		if got.num, err = got.num.Add(l.Amount.num); err != nil {
			t.fail(s.Pos(), "%v", err)
			return
		}
	}
	if !got.Equal(want) {
		what := ""
		if s.Clause != nil {
			what = " under " + s.Clause.Num
		}
		t.fail(s.Pos(), "expected %s to pay %s %s for %s%s, but the settlement gives %s",
			s.Payer.Name, s.Payee.Name, want, lang.FormatExpr(s.Period), what, got)
	}
}
