package interp_test

// Metamorphic tests of settlement: settling a range piece by piece gives
// the same lines as settling it in one go (SPEC 7.6: a restricted
// statement replays the ledger from the start, so running totals carry
// over).

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
)

// loadExample loads the agreements of an example directory and its
// ledger.csv.
func loadExample(t *testing.T, dir string) (*interp.Program, []byte) {
	t.Helper()
	srcs, err := interp.ReadPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	p, err := interp.Compile(srcs)
	if err != nil {
		t.Fatal(err)
	}
	led, err := os.ReadFile(filepath.Join(dir, "ledger.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return p, led
}

// lineKey is everything a statement says about a line.
func lineKey(l *result.Line) string {
	base := ""
	if l.Base != nil {
		base = money(*l.Base)
	}
	return fmt.Sprintf("%s %s due %s %s>%s %s(%s) %s %s base %s rate %s notes %q",
		l.Period, l.Date, l.Due, l.Payer, l.Payee, l.Clause.Num, l.Clause.Amendment, l.Kind,
		money(l.Amount), base, l.Rate, l.Notes)
}

// comparable reports whether a line of a statement ending on to is a
// settled fact that a longer statement must repeat: not a period cut
// short by the statement's end, and not a charge on what was still
// unpaid at the statement's end (both depend on where the statement
// stops).
func comparable(l *result.Line, from, to types.Date) bool {
	if l.Period.Start().Before(from) || l.Period.End().After(to) || l.Date.Before(from) || l.Date.After(to) {
		return false
	}
	for _, n := range l.Notes {
		if strings.HasPrefix(n, "the period is not over") || strings.HasPrefix(n, "unpaid ") {
			return false
		}
	}
	return true
}

// piecewiseEqualsWhole settles the whole ledger, then every month,
// quarter and year within it on its own, and compares the lines each
// piece has in common with the whole. It returns the number of lines
// compared.
func piecewiseEqualsWhole(t *testing.T, p *interp.Program, ag string, read func() iter.Seq2[interp.Event, error]) int {
	t.Helper()
	run := func(opts interp.SettleOptions) *result.Statement {
		opts.Agreement = ag
		st, err := p.Settle(context.Background(), read(), opts)
		if err != nil {
			t.Fatalf("settle %s..%s: %v", opts.From, opts.To, err)
		}
		return st
	}
	whole := run(interp.SettleOptions{})
	compared := 0
	for _, kind := range []types.PeriodKind{types.PeriodMonth, types.PeriodQuarter, types.PeriodYear} {
		for per := types.PeriodOf(kind, 0, whole.From); !per.End().After(whole.To); {
			from, to := per.Start(), per.End()
			part := run(interp.SettleOptions{From: from, To: to})
			var want, got []string
			for _, l := range whole.Lines {
				if comparable(l, from, to) {
					want = append(want, lineKey(l))
				}
			}
			for _, l := range part.Lines {
				if comparable(l, from, to) {
					got = append(got, lineKey(l))
				}
			}
			sameList(t, fmt.Sprintf("%s %s %s", ag, kind, per), got, want)
			compared += len(want)
			var err error
			if per, err = per.Next(); err != nil {
				break
			}
		}
	}
	if compared == 0 {
		t.Errorf("%s: no line compared between %s and %s", ag, whole.From, whole.To)
	}
	return compared
}

func TestSettlePiecewiseEqualsWhole(t *testing.T) {
	dirs, err := filepath.Glob("../examples/*/ledger.csv")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no example ledgers: %v", err)
	}
	for _, lf := range dirs {
		dir := filepath.Dir(lf)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			p, led := loadExample(t, dir)
			for _, ag := range p.Agreements() {
				n := piecewiseEqualsWhole(t, p, ag, func() iter.Seq2[interp.Event, error] {
					return p.ReadCSV(ag, "ledger.csv", bytes.NewReader(led))
				})
				t.Logf("%s: %d lines compared", ag, n)
			}
		})
	}
}

// TestSettlePiecewiseLimits: the same over running totals that carry
// from period to period (caps per year and over the term, floors,
// recoupment, guarantees, tiers, waterfalls), late charges, and an
// agreement that ends mid-quarter.
func TestSettlePiecewiseLimits(t *testing.T) {
	cases := []struct {
		name, src string
		rows      []string
	}{
		{"limits", limitsSrc, []string{
			"resell 2027-02-01 actor=r revenue=3,000.00",
			"resell 2027-05-01 actor=r revenue=3,000.00",
			"resell 2027-08-01 actor=r revenue=1,000.00",
			"resell 2027-11-01 actor=r revenue=1,000.00",
			"resell 2028-02-01 actor=r revenue=1,000.00",
			"resell 2028-08-01 actor=r revenue=2,000.00",
		}},
		{"tiers", tiersSrc, []string{
			"resell 2027-02-01 actor=r revenue=8,000.00",
			"license 2027-03-01 actor=r fee=800.00",
			"resell 2027-05-01 actor=r revenue=30,000.00",
			"license 2027-05-01 actor=r fee=400.00",
			"resell 2027-08-01 actor=r revenue=20,000.00",
			"resell 2028-01-15 actor=r revenue=5,000.00",
			"resell 2028-04-15 actor=r revenue=1,000.00",
		}},
		{"payees", payeesSrc, []string{
			"resell 2027-01-10 actor=r revenue=1.00",
			"lease 2027-01-10 actor=r revenue=100.00",
			"rent 2027-01-10 actor=r revenue=3,000.00",
			"resell 2027-04-10 actor=r revenue=1,000.01",
			"rent 2027-04-10 actor=r revenue=5,000.00",
			"rent 2027-07-10 actor=r revenue=10,000.00",
			"rent 2027-10-10 actor=r revenue=1.01",
		}},
		{"late", lateSrc, []string{
			"payment 2027-03-15 payer=r payee=lab amount=3,000.00",
			"payment 2027-04-10 payer=r payee=lab amount=200.00",
			"payment 2027-06-01 payer=r payee=fund amount=100.00",
			"payment 2027-06-01 payer=r payee=svc amount=1,000.00",
			"payment 2027-09-30 payer=r payee=lab amount=10.00",
		}},
		{"term", termSrc, []string{
			"resell 2026-12-15 actor=r revenue=1,000.00",
			"resell 2027-01-10 actor=r revenue=1,000.00",
			"resell 2027-05-10 actor=r revenue=200.00",
			"release 2027-05-20 model=alpha",
			"resell 2027-08-10 actor=r revenue=1,000.00",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := compile(t, tc.src)
			recs := ledger(t, p, "", tc.rows...)
			piecewiseEqualsWhole(t, p, "", func() iter.Seq2[interp.Event, error] { return events(recs) })
		})
	}
}
