package interp

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp/result"

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
	switch pv.Kind() {
	case types.KindPeriod:
		from, to = pv.Period().Start(), pv.Period().End()
	case types.KindDate:
		from, to = pv.Date(), pv.Date()
	default:
		t.fail(s.Period.Pos(), "%s is not a period or a date", lang.FormatExpr(s.Period))
		return
	}
	opts := SettleOptions{Agreement: t.ag.id, From: from, To: to}
	if t.explict {
		// Settled as of the test's as-of date (SPEC 10.2), as
		// `pacta settle --as-of` and the REPL's :asof do: the amendments
		// made after it are not known.
		opts.AsOf = t.asOf
	}
	st, err := t.settle(ctx, opts)
	if err != nil {
		t.fail(s.Pos(), "%v", err)
		return
	}
	var due types.Date
	var otherDue []string
	if s.Due != nil {
		if due, err = types.ParseDate(s.Due.Text); err != nil {
			t.fail(s.Due.Pos(), "%v", err)
			return
		}
	}
	got := types.MoneyValue(want.Str(), types.Decimal{})
	for _, l := range st.Lines {
		if l.Payer != s.Payer.Name || l.Payee != s.Payee.Name {
			continue
		}
		if s.Clause != nil && l.Clause.Num != s.Clause.Num {
			continue
		}
		if !belongsTo(l, from, to) {
			if s.Clause != nil && l.Kind == "share" && !l.Period.IsZero() && !l.Period.End().Before(from) && !to.Before(l.Period.Start()) {
				t.fail(s.Pos(), "clause %s is settled %s: ask for %s", l.Clause.Num, settledWord(l.Period.Kind()), wholeWord(l.Period.Kind()))
				return
			}
			continue
		}
		if s.Due != nil && l.Due != due {
			// Each other due date with the rule that made it (SPEC
			// 6.1): "USD 100.00 due 30 days after 2027-01-10 (the
			// payment date): 2027-02-09".
			if l.DueRule != "" {
				otherDue = append(otherDue, fmt.Sprintf("%s %s", l.Amount, l.DueRule))
			} else {
				otherDue = append(otherDue, fmt.Sprintf("%s due %s", l.Amount, l.Due))
			}
			continue
		}
		t.covered[l.Clause.Decl] = true
		t.coverJointCaps(l)
		if l.Amount.Str() != want.Str() {
			t.fail(s.Pos(), "%s is owed in %s, not %s", l.Clause, l.Amount.Str(), want.Str())
			return
		}
		n, err := got.Num().Add(l.Amount.Num())
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
		if s.Due != nil {
			what += " due " + s.Due.Text
		}
		also := ""
		if len(otherDue) > 0 {
			also = " (and " + strings.Join(otherDue, ", ") + ")"
		}
		t.fail(s.Pos(), "expected %s to pay %s %s for %s%s, but the settlement gives %s%s",
			s.Payer.Name, s.Payee.Name, want, lang.FormatExpr(s.Period), what, got, also)
	}
}

// settle settles the test's events (its givens that are instances of this
// agreement's actions and events), in date order.
func (t *testRun) settle(ctx context.Context, opts SettleOptions) (*result.Statement, error) {
	events := append([]*types.Record(nil), t.events...)
	sort.SliceStable(events, func(i, j int) bool {
		return events[i].Fields[schemaOf(events[i].Schema).dateIdx()].Date().Before(events[j].Fields[schemaOf(events[j].Schema).dateIdx()].Date())
	})
	seq := func(yield func(Event, error) bool) {
		for _, r := range events {
			if schemaOf(r.Schema).agreement != t.ag {
				continue
			}
			if !yield(Event{Record: r, Source: "test " + t.res.Name}, nil) {
				return
			}
		}
	}
	st, err := t.p.Settle(ctx, seq, opts)
	if err == nil && st.Terminated != nil {
		t.covered[st.Terminated.Clause.Decl] = true // a right exercised (SPEC 5.6)
	}
	if err == nil {
		// The clauses that decided the settlement's breaches applied in
		// a decision (SPEC 10.3): a share of each permitted sale
		// depends on them.
		for _, b := range st.BreachTally {
			for _, c := range []*result.ClauseInfo{b.Clause, b.Conflict[0], b.Conflict[1]} {
				if c != nil {
					t.covered[c.Decl] = true
				}
			}
		}
	}
	return st, err
}

// belongsTo reports whether line l belongs to the days from..to (SPEC
// 10.2): a share or a true-up when its settlement period lies within
// them, any other line when the date it arose on does.
func belongsTo(l *result.Line, from, to types.Date) bool {
	if (l.Kind == "share" || l.Kind == "true-up") && !l.Period.IsZero() {
		return !l.Period.Start().Before(from) && !to.Before(l.Period.End())
	}
	return !l.Date.Before(from) && !to.Before(l.Date)
}

// settledWord and wholeWord name a settlement period's kind for the
// message of an expectation that asks for part of one.
func settledWord(k types.PeriodKind) string {
	switch k {
	case types.PeriodMonth:
		return "monthly"
	case types.PeriodQuarter:
		return "quarterly"
	case types.PeriodHalf:
		return "semi-annually"
	case types.PeriodYear:
		return "yearly"
	case types.PeriodFiscalQuarter:
		return "by fiscal quarter"
	case types.PeriodFiscalHalf:
		return "by fiscal half year"
	case types.PeriodFiscalYear:
		return "by fiscal year"
	case types.PeriodContractYear:
		return "per contract year"
	}
	return "over longer periods"
}

func wholeWord(k types.PeriodKind) string {
	switch k {
	case types.PeriodMonth:
		return "a whole month"
	case types.PeriodQuarter:
		return "a whole quarter"
	case types.PeriodHalf:
		return "a whole half year"
	case types.PeriodYear:
		return "a whole year"
	case types.PeriodFiscalQuarter:
		return "a whole fiscal quarter"
	case types.PeriodFiscalHalf:
		return "a whole fiscal half year"
	case types.PeriodFiscalYear:
		return "a whole fiscal year"
	case types.PeriodContractYear:
		return "a whole contract year"
	}
	return "the whole period"
}

// coverJointCaps marks as exercised (SPEC 10.3) each cap across clauses
// that cut line l: its note says so ("clauses 5.1 and 5.2 together at
// most USD 100.00 per year (clause 5.3): cut from USD 60.00").
func (t *testRun) coverJointCaps(l *result.Line) {
	for _, v := range t.ag.versions {
		if v.money == nil {
			continue
		}
		for _, j := range v.money.joint {
			for _, c := range j.caps {
				for _, n := range l.Notes {
					if strings.HasPrefix(n, c.text+": cut from ") {
						t.covered[j.clause.Decl] = true
					}
				}
			}
		}
	}
}
