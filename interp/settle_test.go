package interp_test

// Settlements against figures worked by hand from SPEC.md sections 6 to 8,
// the arithmetic in the comments; property tests; and an independent Go
// computation of the example deal's revenue share.

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
)

// ---- helpers ----

// ledger builds ledger rows; each is "action date field=value ..." (see
// fieldsOf; actions name their actor with actor=PARTY).
func ledger(t testing.TB, p *interp.Program, agreement string, rows ...string) []*types.Record {
	t.Helper()
	out := make([]*types.Record, len(rows))
	for i, row := range rows {
		action, rest, _ := strings.Cut(row, " ")
		date, fields, _ := strings.Cut(rest, " ")
		out[i] = newAction(t, p, agreement, action, "date="+date+" "+fields)
	}
	return out
}

// events streams records as ledger rows 1, 2, ...
func events(recs []*types.Record) iter.Seq2[interp.Event, error] {
	return func(yield func(interp.Event, error) bool) {
		for i, r := range recs {
			if !yield(interp.Event{Record: r, Source: "ledger", Line: i + 1}, nil) {
				return
			}
		}
	}
}

func settle(t testing.TB, p *interp.Program, agreement, from, to string, recs []*types.Record) *result.Statement {
	t.Helper()
	opts := interp.SettleOptions{Agreement: agreement}
	if from != "" {
		opts.From = mustDate(t, from)
	}
	if to != "" {
		opts.To = mustDate(t, to)
	}
	st, err := p.Settle(context.Background(), events(recs), opts)
	if err != nil {
		t.Fatalf("settle: %v", err)
	}
	return st
}

func money(v types.Value) string { return v.String() } // "USD 1,250.00"

// clauseTotals adds up the lines of the named clauses (all when none is
// named) per period, payer, payee and clause, in statement order:
// "2027-Q1 r>lab 7.1 USD 800,000.00". Sums of zero are left out, as SPEC
// 6.1 leaves out lines whose rounded amount is zero.
func clauseTotals(st *result.Statement, clauses ...string) []string {
	type key struct{ period, payer, payee, clause, cur string }
	var order []key
	sums := map[key]types.Decimal{}
	for _, l := range st.Lines {
		if len(clauses) > 0 && !slices.Contains(clauses, l.Clause.Num) {
			continue
		}
		k := key{l.Period.String(), l.Payer, l.Payee, l.Clause.Num, l.Amount.Currency()}
		s, ok := sums[k]
		if !ok {
			order = append(order, k)
		}
		sums[k], _ = s.Add(l.Amount.Num())
	}
	var out []string
	for _, k := range order {
		if sums[k].IsZero() {
			continue
		}
		out = append(out, fmt.Sprintf("%s %s>%s %s %s", k.period, k.payer, k.payee, k.clause,
			money(types.MoneyValue(k.cur, sums[k]))))
	}
	return out
}

// lineList lists the lines of the named clauses with their kind and dates:
// "2027-Q4 r>lab 7.1 true-up 2027-12-31 due 2027-12-31 USD 100,000.00".
func lineList(st *result.Statement, clauses ...string) []string {
	var out []string
	for _, l := range st.Lines {
		if len(clauses) > 0 && !slices.Contains(clauses, l.Clause.Num) {
			continue
		}
		out = append(out, fmt.Sprintf("%s %s>%s %s %s %s due %s %s", l.Period, l.Payer, l.Payee,
			l.Clause.Num, l.Kind, l.Date, l.Due, money(l.Amount)))
	}
	return out
}

// sameList compares two lists in any order (the statement's order is
// checked by TestSettleDeterministic).
func sameList(t *testing.T, what string, got, want []string) {
	t.Helper()
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if slices.Equal(got, want) {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s:\n got:\n", what)
	for _, g := range got {
		fmt.Fprintf(&b, "   %s\n", g)
	}
	b.WriteString(" want:\n")
	for _, w := range want {
		fmt.Fprintf(&b, "   %s\n", w)
	}
	t.Error(b.String())
}

// ---- flat and multi-line shares ----

const sharesSrc = `
agreement shares "Share constructs" {
  effective 2027-01-01
  currency USD
  rounding half_even to 0.01

  party r    "Reseller Ltd"
  party lab  "Lab Inc"
  party fund "Fund LP"

  action resell {
    customer text
    revenue  money
  }

  clause 1 "Flat royalty"
    r pays lab 20% of revenue of each resell by r
      settled quarterly
      due 30 days after period end

  clause 2 "Channel royalty"
    r pays fund of each resell by r:
      30% of revenue where customer == "gov"
      10% of revenue where revenue >= USD 500.00
      5% of revenue otherwise
      settled quarterly

  clause 3 "Government royalty"
    r pays lab 1% of revenue of each resell by r where customer == "gov"
}
`

func TestSettleFlatAndLines(t *testing.T) {
	p := compile(t, sharesSrc)
	recs := ledger(t, p, "",
		"resell 2027-01-10 actor=r customer=gov revenue=1,000.00",
		"resell 2027-02-20 actor=r customer=edu revenue=600.00",
		"resell 2027-03-31 actor=r customer=retail revenue=400.00",
		"resell 2027-03-31 actor=r customer=gov revenue=0.05",
		"resell 2027-03-31 actor=lab customer=gov revenue=9,999.00", // not by r: not counted
		"resell 2027-07-01 actor=r customer=retail revenue=0.03",
		"resell 2027-07-02 actor=r customer=retail revenue=0.03",
		"resell 2027-07-03 actor=r customer=retail revenue=0.03",
	)
	st := settle(t, p, "", "2027-01-01", "2027-09-30", recs)
	sameList(t, "clause totals", clauseTotals(st), []string{
		// Clause 1, Q1: 20% × (1,000.00 + 600.00 + 400.00 + 0.05)
		//   = 20% × 2,000.05 = 400.01 exactly.
		"2027-Q1 r>lab 1 USD 400.01",
		// Clause 2, Q1, first line that matches:
		//   gov 1,000.00 → 30% = 300.00 (not also line 2)
		//   edu   600.00 → 10% =  60.00
		//   retail 400.00 → 5% =  20.00
		//   gov     0.05 → 30% =   0.015
		//   total 380.015, rounded half-even once: 380.02
		"2027-Q1 r>fund 2 USD 380.02",
		// Clause 3 counts only government sales, settled quarterly by
		// default: 1% × (1,000.00 + 0.05) = 10.0005 → 10.00.
		"2027-Q1 r>lab 3 USD 10.00",
		// Clause 1, Q3: 20% × 0.09 = 0.018 → 0.02 (rounding each sale
		// would give 3 × 0.01 = 0.03). Clause 2: 5% × 0.09 = 0.0045 → 0.00,
		// so no line.
		"2027-Q3 r>lab 1 USD 0.02",
	})
	for _, l := range st.Lines {
		if l.Clause.Num == "1" && l.Period.String() == "2027-Q1" {
			if l.Kind != "share" || l.Base == nil || money(*l.Base) != "USD 2,000.05" {
				t.Errorf("Q1 line: kind %q base %v", l.Kind, l.Base)
			}
			// 2027-03-31 + 30 days.
			if l.Due != mustDate(t, "2027-04-30") {
				t.Errorf("Q1 line due %s, want 2027-04-30", l.Due)
			}
		}
		if l.Clause.Num == "2" && l.Period.String() == "2027-Q1" && l.Due != mustDate(t, "2027-03-31") {
			t.Errorf("clause 2 due %s, want the period's last day 2027-03-31", l.Due)
		}
	}
}

// TestSettleExampleQuarter is the statement of SPEC T.6.
func TestSettleExampleQuarter(t *testing.T) {
	p := exampleDeal(t)
	recs := ledger(t, p, "",
		"sell 2026-10-15 actor=openai product=CE platform=Azure region=US gross=1,000,000.00 refunds=50,000.00",
		"sell 2026-11-20 actor=openai product=API platform=AWS region=EU gross=2,000,000.00 refunds=100,000.00",
		"sell 2026-12-05 actor=openai product=API platform=AWS region=US gross=10.02 refunds=0.00",
		"sell 2026-12-10 actor=openai product=CE platform=Azure region=US gross=500,000.00 refunds=0.00",
	)
	st := settle(t, p, "", "2026-10-01", "2026-12-31", recs)
	sameList(t, "lines", lineList(st), []string{
		// 4.1: installment 4 of 20, 2026-10-01, due within 30 days.
		"2026-Q4 openai>microsoft 4.1 installment 2026-10-01 due 2026-10-31 USD 12,500,000,000.00",
		// 5.1 as first written: 20% × 950,000.00.
		"2026-Q4 openai>microsoft 5.1 share 2026-12-31 due 2027-02-14 USD 190,000.00",
		// 5.1 as replaced: 25% × 1,900,010.02 + 20% × 500,000.00
		//   = 475,002.505 + 100,000.00 = 575,002.505 → 575,002.50.
		"2026-Q4 openai>microsoft 5.1 share 2026-12-31 due 2027-02-14 USD 575,002.50",
	})
	if len(st.Totals) != 1 || money(st.Totals[0].Amount) != "USD 12,500,765,002.50" {
		for _, tt := range st.Totals {
			t.Logf("total %s %s>%s %s", tt.Period, tt.Payer, tt.Payee, money(tt.Amount))
		}
		t.Errorf("want one total of USD 12,500,765,002.50")
	}
	amendments := map[string]bool{}
	for _, l := range st.Lines {
		if l.Clause.Num == "5.1" {
			amendments[l.Clause.Amendment] = true
		}
	}
	if !amendments[""] || !amendments["aws_concessions"] {
		t.Errorf("the two 5.1 lines should name the agreement and the amendment: %v", amendments)
	}
}

// ---- tiers ----

const tiersSrc = `
agreement tiered "Tiers" {
  effective 2027-01-01
  currency USD

  party r   "Reseller Ltd"
  party lab "Lab Inc"

  action resell { revenue money }
  action license { fee money }

  clause 1 "Marginal, reset yearly"
    r pays lab marginal tiers reset yearly {
      20% up to USD 10,000.00
      15% up to USD 50,000.00
      10% above
    } of revenue of each resell by r
      settled quarterly

  clause 2 "Marginal, cumulative"
    r pays lab marginal tiers cumulative {
      20% up to USD 10,000.00
      15% up to USD 50,000.00
      10% above
    } of revenue of each resell by r
      settled quarterly

  clause 3 "Whole, reset yearly"
    r pays lab whole tiers reset yearly {
      20% up to USD 10,000.00
      15% up to USD 50,000.00
      10% above
    } of revenue of each resell by r
      settled quarterly

  clause 4 "Marginal, per period"
    r pays lab marginal tiers {
      20% up to USD 10,000.00
      15% up to USD 50,000.00
      10% above
    } of revenue of each resell by r
      settled quarterly

  clause 5 "Whole, the SPEC example"
    r pays lab whole tiers reset yearly {
      20% up to USD 1,000.00
      15% above
    } of fee of each license by r
      settled quarterly
}
`

func TestSettleTiers(t *testing.T) {
	p := compile(t, tiersSrc)
	recs := ledger(t, p, "",
		"resell 2027-02-01 actor=r revenue=4,000.00",
		"license 2027-03-01 actor=r fee=800.00",
		"resell 2027-05-01 actor=r revenue=8,000.00",
		"license 2027-06-01 actor=r fee=400.00",
		"resell 2027-08-01 actor=r revenue=38,000.00",
		"resell 2027-11-01 actor=r revenue=1,000.00",
		"resell 2028-02-01 actor=r revenue=10,000.00",
		"resell 2028-05-01 actor=r revenue=0.01",
		"resell 2028-05-02 actor=r revenue=5,000.00",
	)
	st := settle(t, p, "", "2027-01-01", "2028-06-30", recs)
	// Marginal F(v): 20% of v up to 10,000 (F = 2,000 there); 15% of v
	// above that up to 50,000 (F(50,000) = 2,000 + 6,000 = 8,000); 10%
	// above.
	sameList(t, "marginal, reset yearly", clauseTotals(st, "1"), []string{
		"2027-Q1 r>lab 1 USD 800.00",   // F(4,000) = 800
		"2027-Q2 r>lab 1 USD 1,500.00", // F(12,000) − F(4,000) = 2,300 − 800
		"2027-Q3 r>lab 1 USD 5,700.00", // F(50,000) − F(12,000) = 8,000 − 2,300 (on the threshold)
		"2027-Q4 r>lab 1 USD 100.00",   // F(51,000) − F(50,000) = 10% × 1,000
		"2028-Q1 r>lab 1 USD 2,000.00", // reset: F(10,000) = 2,000 (on the threshold)
		"2028-Q2 r>lab 1 USD 750.00",   // 15% × 5,000.01 = 750.0015 → 750.00
	})
	sameList(t, "marginal, cumulative", clauseTotals(st, "2"), []string{
		"2027-Q1 r>lab 2 USD 800.00",
		"2027-Q2 r>lab 2 USD 1,500.00",
		"2027-Q3 r>lab 2 USD 5,700.00",
		"2027-Q4 r>lab 2 USD 100.00",
		"2028-Q1 r>lab 2 USD 1,000.00", // no reset: 51,000 → 61,000 at 10%
		"2028-Q2 r>lab 2 USD 500.00",   // 10% × 5,000.01 = 500.001 → 500.00
	})
	// Whole F(v) = rate of the first tier whose threshold is at least v,
	// times v.
	sameList(t, "whole, reset yearly", clauseTotals(st, "3"), []string{
		"2027-Q1 r>lab 3 USD 800.00",    // 20% × 4,000
		"2027-Q2 r>lab 3 USD 1,000.00",  // 15% × 12,000 − 800 = 1,800 − 800
		"2027-Q3 r>lab 3 USD 5,700.00",  // 15% × 50,000 − 1,800 (50,000 is in the lower tier)
		"2027-Q4 r>lab 3 USD -2,400.00", // 10% × 51,000 − 7,500: a credit
		"2028-Q1 r>lab 3 USD 2,000.00",  // reset: 20% × 10,000
		"2028-Q2 r>lab 3 USD 250.00",    // 15% × 15,000.01 − 2,000 = 250.0015
	})
	sameList(t, "marginal, each period its own window", clauseTotals(st, "4"), []string{
		"2027-Q1 r>lab 4 USD 800.00",   // F(4,000)
		"2027-Q2 r>lab 4 USD 1,600.00", // F(8,000)
		"2027-Q3 r>lab 4 USD 6,200.00", // F(38,000) = 2,000 + 15% × 28,000
		"2027-Q4 r>lab 4 USD 200.00",   // F(1,000)
		"2028-Q1 r>lab 4 USD 2,000.00", // F(10,000)
		"2028-Q2 r>lab 4 USD 1,000.00", // F(5,000.01) = 1,000.002
	})
	// SPEC 7.3: Q1 800 → 160; Q2 takes the year to 1,200: 15% × 1,200 − 160.
	sameList(t, "whole, the SPEC example", clauseTotals(st, "5"), []string{
		"2027-Q1 r>lab 5 USD 160.00",
		"2027-Q2 r>lab 5 USD 20.00",
	})
}

// TestSettleFiscal: fiscal quarters and a threshold window that resets
// each fiscal year (SPEC 11.4: with July as the first month, FY2028 runs
// from 2027-07-01 to 2028-06-30).
func TestSettleFiscal(t *testing.T) {
	p := compile(t, `
agreement fy "Fiscal" {
  effective 2026-07-01
  currency USD
  fiscal year starts July
  party r   "Reseller Ltd"
  party lab "Lab Inc"
  action resell { revenue money }
  clause 1 "Fiscal royalty"
    r pays lab marginal tiers reset fiscal yearly {
      10% up to USD 1,000.00
      20% above
    } of revenue of each resell by r
      settled fiscal quarterly
}`)
	recs := ledger(t, p, "",
		"resell 2027-06-30 actor=r revenue=900.00",
		"resell 2027-07-01 actor=r revenue=900.00",
		"resell 2027-08-01 actor=r revenue=200.00",
	)
	st := settle(t, p, "", "2026-07-01", "2027-09-30", recs)
	sameList(t, "fiscal", clauseTotals(st), []string{
		"FY2027-Q4 r>lab 1 USD 90.00", // 10% × 900
		// A new fiscal year: the window restarts. 1,100 in the quarter:
		// 10% × 1,000 + 20% × 100 = 120.00 (a calendar-year window would
		// have given 10% × 100 + 20% × 1,000 = 210.00).
		"FY2028-Q1 r>lab 1 USD 120.00",
	})
}

// ---- caps, floors, recoupment, guarantees ----

const limitsSrc = `
agreement limits "Limits" {
  effective 2027-01-01
  currency USD

  party r   "Reseller Ltd"
  party lab "Lab Inc"

  action resell { revenue money }

  clause 1 "Quarterly cap"
    r pays lab 20% of revenue of each resell by r
      settled quarterly
      at most USD 500.00 per quarter

  clause 2 "Yearly cap"
    r pays lab 20% of revenue of each resell by r
      settled quarterly
      at most USD 1,000.00 per year

  clause 3 "Lifetime cap"
    r pays lab 20% of revenue of each resell by r
      settled quarterly
      at most USD 1,500.00 over the term

  clause 4 "Quarterly floor"
    r pays lab 20% of revenue of each resell by r
      settled quarterly
      at least USD 300.00 per quarter

  clause 5 "Recoupment"
    r pays lab 20% of revenue of each resell by r
      settled quarterly
      recouping USD 1,300.00

  clause 6 "Guarantee"
    r pays lab 20% of revenue of each resell by r
      settled quarterly
      minimum guarantee USD 3,000.00 per year
}
`

func TestSettleLimits(t *testing.T) {
	p := compile(t, limitsSrc)
	// 20% per quarter: 2027 Q1 600, Q2 600, Q3 200, Q4 200; 2028 Q1 200,
	// Q2 nothing, Q3 400, Q4 nothing.
	recs := ledger(t, p, "",
		"resell 2027-02-01 actor=r revenue=3,000.00",
		"resell 2027-05-01 actor=r revenue=3,000.00",
		"resell 2027-08-01 actor=r revenue=1,000.00",
		"resell 2027-11-01 actor=r revenue=1,000.00",
		"resell 2028-02-01 actor=r revenue=1,000.00",
		"resell 2028-08-01 actor=r revenue=2,000.00",
	)
	st := settle(t, p, "", "2027-01-01", "2028-12-31", recs)
	sameList(t, "cap per quarter", clauseTotals(st, "1"), []string{
		"2027-Q1 r>lab 1 USD 500.00", // min(500, 600)
		"2027-Q2 r>lab 1 USD 500.00",
		"2027-Q3 r>lab 1 USD 200.00",
		"2027-Q4 r>lab 1 USD 200.00",
		"2028-Q1 r>lab 1 USD 200.00",
		"2028-Q3 r>lab 1 USD 400.00",
	})
	sameList(t, "cap per year, hit in Q2", clauseTotals(st, "2"), []string{
		"2027-Q1 r>lab 2 USD 600.00", // year to date 600
		"2027-Q2 r>lab 2 USD 400.00", // min(1,000, 1,200) − 600
		// Q3 and Q4 2027: the cap is reached, nothing.
		"2028-Q1 r>lab 2 USD 200.00", // a new year
		"2028-Q3 r>lab 2 USD 400.00",
	})
	sameList(t, "cap over the term", clauseTotals(st, "3"), []string{
		"2027-Q1 r>lab 3 USD 600.00",
		"2027-Q2 r>lab 3 USD 600.00", // 1,200
		"2027-Q3 r>lab 3 USD 200.00", // 1,400
		"2027-Q4 r>lab 3 USD 100.00", // min(1,500, 1,600) − 1,400
	})
	// SPEC 7.2: "A clause version is settled for every period that
	// overlaps its life", so the floor also tops up 2028-Q2 and 2028-Q4,
	// which have no sales.
	sameList(t, "floor per quarter", clauseTotals(st, "4"), []string{
		"2027-Q1 r>lab 4 USD 600.00",
		"2027-Q2 r>lab 4 USD 600.00",
		"2027-Q3 r>lab 4 USD 300.00", // 200 topped up to 300
		"2027-Q4 r>lab 4 USD 300.00",
		"2028-Q1 r>lab 4 USD 300.00",
		"2028-Q2 r>lab 4 USD 300.00", // 0 topped up to 300
		"2028-Q3 r>lab 4 USD 400.00",
		"2028-Q4 r>lab 4 USD 300.00",
	})
	sameList(t, "recoupment over three periods", clauseTotals(st, "5"), []string{
		// Q1: 600 recouped (1,300 → 700), nothing paid.
		// Q2: 600 recouped (700 → 100), nothing paid.
		"2027-Q3 r>lab 5 USD 100.00", // 100 recouped (100 → 0), 100 paid
		"2027-Q4 r>lab 5 USD 200.00",
		"2028-Q1 r>lab 5 USD 200.00",
		"2028-Q3 r>lab 5 USD 400.00",
	})
	sameList(t, "minimum guarantee lines", lineList(st, "6"), []string{
		"2027-Q1 r>lab 6 share 2027-03-31 due 2027-03-31 USD 600.00",
		"2027-Q2 r>lab 6 share 2027-06-30 due 2027-06-30 USD 600.00",
		"2027-Q3 r>lab 6 share 2027-09-30 due 2027-09-30 USD 200.00",
		"2027-Q4 r>lab 6 share 2027-12-31 due 2027-12-31 USD 200.00",
		// 2027 paid 1,600: true-up 3,000 − 1,600.
		"2027-Q4 r>lab 6 true-up 2027-12-31 due 2027-12-31 USD 1,400.00",
		"2028-Q1 r>lab 6 share 2028-03-31 due 2028-03-31 USD 200.00",
		"2028-Q3 r>lab 6 share 2028-09-30 due 2028-09-30 USD 400.00",
		// 2028 paid 600: true-up 2,400, in Q4 although Q4 had no sales.
		"2028-Q4 r>lab 6 true-up 2028-12-31 due 2028-12-31 USD 2,400.00",
	})
}

// TestSettlePeriodNotOver: SPEC 7.6, a period whose last day is after
// the span's end is settled as far as the span goes, with a note; its line
// is dated at the statement's end. Settling to 2027-05-15 gives Q1 and the
// first half of Q2 (20% of 3,000.00 = 600.00 before the limits).
func TestSettlePeriodNotOver(t *testing.T) {
	p := compile(t, limitsSrc)
	recs := ledger(t, p, "",
		"resell 2027-02-01 actor=r revenue=3,000.00",
		"resell 2027-05-01 actor=r revenue=3,000.00",
	)
	st := settle(t, p, "", "2027-01-01", "2027-05-15", recs)
	var q2 []string
	for _, l := range st.Lines {
		if l.Period.String() != "2027-Q2" {
			continue
		}
		q2 = append(q2, l.Clause.Num+" "+l.Kind+" "+money(l.Amount))
		if l.Date != mustDate(t, "2027-05-15") {
			t.Errorf("clause %s: the Q2 line is dated %s, want the statement's end 2027-05-15", l.Clause.Num, l.Date)
		}
		if !slices.ContainsFunc(l.Notes, func(n string) bool { return strings.Contains(n, "not over: counted to 2027-05-15") }) {
			t.Errorf("clause %s: the Q2 line has no note that the period is not over: %q", l.Clause.Num, l.Notes)
		}
	}
	sameList(t, "2027-Q2 so far", q2, []string{
		"1 share USD 500.00", // cut to the quarterly cap
		"2 share USD 400.00", // the year's cap: min(1,000, 1,200) − 600
		"3 share USD 600.00",
		"4 share USD 600.00", // above the floor
		"5 share USD 0.00",   // all recouped (700 of 1,300 left before Q2), shown with its note
		"6 share USD 600.00", // the guarantee waits for the year's end
	})
}

// TestSettleLicenceExample is the royalty of SPEC T.8 and 7.5, verbatim.
func TestSettleLicenceExample(t *testing.T) {
	p := compile(t, `
agreement model_licence "Model Licence" {
  effective 2027-01-01
  ends 2031-12-31
  currency USD

  party lab      "Frontier Lab Inc."
  party reseller "Cloud Reseller Ltd."
  party fund     "Seed Fund LP"

  action resell {
    customer text
    revenue  money
  }

  clause 7.1 "Royalty"
    reseller pays lab marginal tiers reset yearly {
      20% up to USD 10,000,000.00
      15% up to USD 50,000,000.00
      10% above
    } of revenue of each resell by reseller
      settled quarterly
      due 30 days after period end
      at most USD 20,000,000.00 per year
      minimum guarantee USD 1,000,000.00 per year
      recouping USD 2,000,000.00

  clause 7.2 "Advance"
    reseller pays lab USD 2,000,000.00 on 2027-01-15

  clause 8.1 "Distribution fee"
    reseller pays waterfall {
      fund up to USD 5,000,000.00
      lab rest
    } 5% of revenue of each resell by reseller
      settled yearly
}
`)
	recs := ledger(t, p, "",
		"resell 2027-02-15 actor=reseller customer=acme revenue=4,000,000.00",
		"resell 2027-05-15 actor=reseller customer=acme revenue=8,000,000.00",
		"resell 2027-08-15 actor=reseller customer=acme revenue=3,000,000.00",
		"resell 2027-11-15 actor=reseller customer=acme revenue=1,000,000.00",
	)
	st := settle(t, p, "", "2027-01-01", "2027-12-31", recs)
	sameList(t, "lines", lineList(st), []string{
		// 7.2, the advance.
		"2027-Q1 reseller>lab 7.2 payment 2027-01-15 due 2027-01-15 USD 2,000,000.00",
		// 7.1 (SPEC 7.5): Q1 800,000 all recouped; the zero line is shown
		// because a note explains it (SPEC 6.1).
		"2027-Q1 reseller>lab 7.1 share 2027-03-31 due 2027-04-30 USD 0.00",
		"2027-Q2 reseller>lab 7.1 share 2027-06-30 due 2027-07-30 USD 300,000.00",
		"2027-Q3 reseller>lab 7.1 share 2027-09-30 due 2027-10-30 USD 450,000.00",
		"2027-Q4 reseller>lab 7.1 share 2027-12-31 due 2028-01-30 USD 150,000.00",
		// Payouts 0 + 300,000 + 450,000 + 150,000 = 900,000: true-up 100,000.
		"2027-Q4 reseller>lab 7.1 true-up 2027-12-31 due 2028-01-30 USD 100,000.00",
		// 8.1: 5% × 16,000,000 = 800,000, all to the fund (limit 5,000,000).
		"2027 reseller>fund 8.1 share 2027-12-31 due 2027-12-31 USD 800,000.00",
	})
	for _, l := range st.Lines {
		if l.Amount.Num().IsZero() && !slices.ContainsFunc(l.Notes, func(n string) bool { return strings.Contains(n, "recouped") }) {
			t.Errorf("a zero line with no note that explains it: %s %s %q", l.Period, l.Clause.Num, l.Notes)
		}
	}
}

// ---- payees: splits and waterfalls ----

const payeesSrc = `
agreement payees "Payees" {
  effective 2027-01-01
  currency USD

  party r        "Payer Ltd"
  party a        "A"
  party b        "B"
  party c        "C"
  party fund     "Fund"
  party lab      "Lab"
  party founders "Founders"

  action resell { revenue money }
  action lease { revenue money }
  action rent { revenue money }

  clause 1 "Split, largest remainder"
    r pays split { a 45% b 45% c 10% } 10% of revenue of each resell by r
      settled quarterly

  clause 2 "Split, remainder to a party"
    r pays split { a 33.33% b 33.33% remainder to c } 100% of revenue of each lease by r
      settled quarterly

  clause 3 "Fee split"
    r pays split { fund 10% founders 5% remainder to lab } USD 10.00 on 2027-02-01

  clause 4 "Waterfall"
    r pays waterfall {
      fund up to USD 500.00
      split { lab 70% founders 30% } up to USD 1,000.00
      c rest
    } 10% of revenue of each rent by r
      settled quarterly

  clause 5 "Thirds"
    r pays split { a 33.33% b 33.33% c 33.34% } USD 0.10 on 2027-03-01
}
`

func TestSettlePayees(t *testing.T) {
	p := compile(t, payeesSrc)
	recs := ledger(t, p, "",
		"resell 2027-01-10 actor=r revenue=1.00",
		"lease 2027-01-10 actor=r revenue=100.00",
		"rent 2027-01-10 actor=r revenue=3,000.00",
		"resell 2027-04-10 actor=r revenue=1,000.01",
		"rent 2027-04-10 actor=r revenue=5,000.00",
		"rent 2027-07-10 actor=r revenue=10,000.00",
		"rent 2027-10-10 actor=r revenue=1.01",
	)
	st := settle(t, p, "", "2027-01-01", "2027-12-31", recs)
	sameList(t, "split, largest remainder", clauseTotals(st, "1"), []string{
		// Q1: 10% × 1.00 = 0.10. Exact shares 0.045, 0.045, 0.01; rounded
		// down 0.04, 0.04, 0.01 leave one cent, which goes to the largest
		// remainder: a and b tie at 0.005, so a (written first).
		"2027-Q1 r>a 1 USD 0.05",
		"2027-Q1 r>b 1 USD 0.04",
		"2027-Q1 r>c 1 USD 0.01",
		// Q2: 10% × 1,000.01 = 100.001 → 100.00; 45.00, 45.00, 10.00.
		"2027-Q2 r>a 1 USD 45.00",
		"2027-Q2 r>b 1 USD 45.00",
		"2027-Q2 r>c 1 USD 10.00",
	})
	sameList(t, "split, remainder to", clauseTotals(st, "2"), []string{
		// 100.00: 33.33 and 33.33, and c the rest, 33.34.
		"2027-Q1 r>a 2 USD 33.33",
		"2027-Q1 r>b 2 USD 33.33",
		"2027-Q1 r>c 2 USD 33.34",
	})
	sameList(t, "split of a payment", clauseTotals(st, "3", "5"), []string{
		// 10.00: fund 1.00, founders 0.50, lab the rest 8.50 (SPEC 8.4).
		"2027-Q1 r>fund 3 USD 1.00",
		"2027-Q1 r>founders 3 USD 0.50",
		"2027-Q1 r>lab 3 USD 8.50",
		// 0.10 in 33.33/33.33/33.34: 0.03 each and one cent left, to c
		// whose exact share 0.03334 lost the most.
		"2027-Q1 r>a 5 USD 0.03",
		"2027-Q1 r>b 5 USD 0.03",
		"2027-Q1 r>c 5 USD 0.04",
	})
	sameList(t, "waterfall", clauseTotals(st, "4"), []string{
		// Q1: 300 → fund (300 of 500).
		"2027-Q1 r>fund 4 USD 300.00",
		// Q2: 500 → fund 200 (full), split step 300: lab 210, founders 90.
		"2027-Q2 r>fund 4 USD 200.00",
		"2027-Q2 r>lab 4 USD 210.00",
		"2027-Q2 r>founders 4 USD 90.00",
		// Q3: 1,000 → split step 700 (to 1,000): lab 490, founders 210;
		// the rest, 300, to c.
		"2027-Q3 r>lab 4 USD 490.00",
		"2027-Q3 r>founders 4 USD 210.00",
		"2027-Q3 r>c 4 USD 300.00",
		// Q4: 10% × 1.01 = 0.101 → 0.10, all to c.
		"2027-Q4 r>c 4 USD 0.10",
	})
	// Whatever the grouping, the parts of each clause and period add up
	// to the period's amount.
	sum := map[string]types.Decimal{}
	for _, l := range st.Lines {
		k := l.Period.String() + " " + l.Clause.Num
		sum[k], _ = sum[k].Add(l.Amount.Num())
	}
	for k, want := range map[string]string{"2027-Q1 1": "0.10", "2027-Q2 1": "100.00", "2027-Q1 2": "100.00", "2027-Q3 4": "1000.00"} {
		if !sum[k].Equal(mustDec(t, want)) {
			t.Errorf("%s: parts add up to %s, want %s", k, sum[k], want)
		}
	}
}

// ---- consideration: installments, payments, milestones ----

const considSrc = `
agreement consid "Consideration" {
  effective 2027-01-01
  currency USD

  party r   "Payer Ltd"
  party lab "Lab Inc"

  event release { model text }

  clause 1 "Monthly installments"
    r pays lab USD 100.00 in 3 equal monthly installments from 2027-01-31

  clause 2 "Tiny installments"
    r pays lab USD 0.05 in 3 equal quarterly installments from 2027-01-01

  clause 3 "Fixed payments"
    lab pays r USD 250,000.00 on 2027-01-01, 2027-07-01
      due within 30 days

  clause 4 "First release"
    lab pays r USD 1,000.00 on first release
      due within 30 days

  clause 5 "Each release"
    lab pays r USD 10.00 on each release where model != "beta"
}
`

func TestSettleConsideration(t *testing.T) {
	p := compile(t, considSrc)
	recs := ledger(t, p, "",
		"release 2027-02-01 model=alpha",
		"release 2027-03-01 model=beta",
		"release 2027-05-01 model=gamma",
	)
	st := settle(t, p, "", "2027-01-01", "2027-12-31", recs)
	sameList(t, "installments", lineList(st, "1", "2"), []string{
		// USD 100.00 in 3: 33.33, 33.33 and the rest 33.34; monthly from
		// 2027-01-31 with the end-of-month rule.
		"2027-Q1 r>lab 1 installment 2027-01-31 due 2027-01-31 USD 33.33",
		"2027-Q1 r>lab 1 installment 2027-02-28 due 2027-02-28 USD 33.33",
		"2027-Q1 r>lab 1 installment 2027-03-31 due 2027-03-31 USD 33.34",
		// USD 0.05 in 3: 0.01, 0.01, 0.03 (SPEC 6.3).
		"2027-Q1 r>lab 2 installment 2027-01-01 due 2027-01-01 USD 0.01",
		"2027-Q2 r>lab 2 installment 2027-04-01 due 2027-04-01 USD 0.01",
		"2027-Q3 r>lab 2 installment 2027-07-01 due 2027-07-01 USD 0.03",
	})
	sameList(t, "payments and milestones", lineList(st, "3", "4", "5"), []string{
		"2027-Q1 lab>r 3 payment 2027-01-01 due 2027-01-31 USD 250,000.00",
		// First release 2027-02-01, due 30 days later: 2027-03-03.
		"2027-Q1 lab>r 4 milestone 2027-02-01 due 2027-03-03 USD 1,000.00",
		// Each release but beta.
		"2027-Q1 lab>r 5 milestone 2027-02-01 due 2027-02-01 USD 10.00",
		"2027-Q2 lab>r 5 milestone 2027-05-01 due 2027-05-01 USD 10.00",
		"2027-Q3 lab>r 3 payment 2027-07-01 due 2027-07-31 USD 250,000.00",
	})
	// No payment events in the ledger: payment is not tracked, so nothing
	// is overdue (SPEC 6.5).
	if len(st.Overdue) != 0 {
		t.Errorf("%d overdue lines although the ledger records no payments", len(st.Overdue))
	}
}

// ---- payments made and late charges ----

// payment is declared as SPEC 4.5 says an agreement that tracks payment
// declares it.
const lateSrc = `
agreement overdue "Late payment" {
  effective 2027-01-01
  currency USD

  party r    "Payer Ltd"
  party lab  "Lab Inc"
  party fund "Fund LP"
  party svc  "Services Co"

  event payment {
    payer  party
    payee  party
    amount money
  }

  clause 1 "Fee"
    r pays lab USD 1,000.00 on 2027-01-01
      due within 30 days
      late interest 1% per month capped at 5%

  clause 2 "Service"
    r pays lab USD 2,000.00 on 2027-02-01
      due within 10 days
      late penalty USD 5.00 per day capped at USD 30.00

  clause 3 "Support"
    r pays lab USD 500.00 on 2027-03-01
      due within 14 days

  clause 4 "Fund fee"
    r pays fund USD 100.00 on 2027-01-01
      due within 1 day
      late interest 2% per month capped at 3%

  clause 5 "Both charges"
    r pays svc USD 1,000.00 on 2027-01-01
      due within 30 days
      late interest 1% per month
      late penalty USD 10.00 per month capped at USD 15.00
}
`

func TestSettleLatePayment(t *testing.T) {
	p := compile(t, lateSrc)
	recs := ledger(t, p, "",
		"payment 2027-03-15 payer=r payee=lab amount=3,000.00",
		"payment 2027-04-10 payer=r payee=lab amount=200.00",
		"payment 2027-06-01 payer=r payee=fund amount=100.00",
		"payment 2027-06-01 payer=r payee=svc amount=1,000.00",
	)
	st := settle(t, p, "", "2027-01-01", "2027-06-30", recs)
	sameList(t, "lines", lineList(st), []string{
		"2027-Q1 r>lab 1 payment 2027-01-01 due 2027-01-31 USD 1,000.00",
		// Paid 2027-03-15, due 2027-01-31: 01-31 + 1 month = 02-28 is
		// before 03-15, + 2 months = 03-31 is not: 2 periods.
		// 1,000.00 × 1% × 2 = 20.00 (cap 5% × 1,000 = 50 not reached).
		"2027-Q1 r>lab 1 late interest 2027-03-15 due 2027-03-15 USD 20.00",
		"2027-Q1 r>lab 2 payment 2027-02-01 due 2027-02-11 USD 2,000.00",
		// Paid in full 2027-03-15, due 2027-02-11: 32 days × 5.00 = 160.00,
		// capped at 30.00.
		"2027-Q1 r>lab 2 late penalty 2027-03-15 due 2027-03-15 USD 30.00",
		"2027-Q1 r>lab 3 payment 2027-03-01 due 2027-03-15 USD 500.00",
		"2027-Q1 r>fund 4 payment 2027-01-01 due 2027-01-02 USD 100.00",
		// Paid 2027-06-01, due 2027-01-02: + 4 months = 05-02 is before,
		// + 5 months = 06-02 is not: 5 periods, 2% × 5 = 10% = 10.00,
		// capped at 3% of 100.00 = 3.00.
		"2027-Q2 r>fund 4 late interest 2027-06-01 due 2027-06-01 USD 3.00",
		"2027-Q1 r>svc 5 payment 2027-01-01 due 2027-01-31 USD 1,000.00",
		// Paid 2027-06-01, due 2027-01-31: 02-28, 03-31, 04-30 and 05-31
		// are before it, 06-30 is not: 5 months. Each modifier makes its
		// own line (SPEC 6.5): interest 1,000.00 × 1% × 5 = 50.00; penalty
		// 10.00 × 5 = 50.00, capped at 15.00.
		"2027-Q2 r>svc 5 late interest 2027-06-01 due 2027-06-01 USD 50.00",
		"2027-Q2 r>svc 5 late penalty 2027-06-01 due 2027-06-01 USD 15.00",
	})
	// Clause 3 was paid 200.00 of 500.00 (the 3,000.00 of 03-15 went to
	// clauses 1 and 2, which accrued first): 300.00 is overdue, 2027-03-15
	// to 2027-06-30 being 107 days. The late charges are lines too, due at
	// once and tracked like any other (SPEC 6.5), but never themselves
	// charged for delay: 20.00 and 30.00 due 03-15; 3.00, 50.00 and 15.00
	// due 06-01 (29 days).
	var got []string
	for _, o := range st.Overdue {
		got = append(got, fmt.Sprintf("%s %s %s, %d days, charge %s", o.Line.Clause.Num, o.Line.Kind,
			money(o.Outstanding), o.DaysLate, money(o.LateCharge)))
	}
	sameList(t, "overdue", got, []string{
		"3 payment USD 300.00, 107 days, charge USD 0.00",
		"1 late interest USD 20.00, 107 days, charge USD 0.00",
		"2 late penalty USD 30.00, 107 days, charge USD 0.00",
		"4 late interest USD 3.00, 29 days, charge USD 0.00",
		"5 late interest USD 50.00, 29 days, charge USD 0.00",
		"5 late penalty USD 15.00, 29 days, charge USD 0.00",
	})
}

// ---- breaches ----

const breachSrc = `
agreement breach "Breaches" {
  effective 2027-01-01
  currency USD

  party r   "Reseller Ltd"
  party lab "Lab Inc"

  action resell {
    customer text
    revenue  money
  }

  clause 1 "No sanctioned customers"
    r must not resell where customer == "sanctioned"
  clause 2 "Government sales"
    r may resell where customer == "gov"
  clause 3 "No government sales"
    r must not resell where customer == "gov"

  clause 4 "Royalty"
    r pays lab 10% of revenue of each resell by r
      settled quarterly
}
`

func TestSettleBreaches(t *testing.T) {
	p := compile(t, breachSrc)
	recs := ledger(t, p, "",
		"resell 2027-01-05 actor=r customer=retail revenue=100.00",
		"resell 2027-01-10 actor=r customer=sanctioned revenue=1,000.00",
		"resell 2027-02-01 actor=r customer=gov revenue=50.00",
	)
	st := settle(t, p, "", "2027-01-01", "2027-03-31", recs)
	// A breach changes no amount: 10% × (100 + 1,000 + 50) = 115.00.
	sameList(t, "royalty", clauseTotals(st), []string{"2027-Q1 r>lab 4 USD 115.00"})
	var got []string
	for _, b := range st.Breaches {
		got = append(got, fmt.Sprintf("%s:%d %s %s %s %s", b.Source, b.Line, b.Date, b.Action, b.Actor, summary(b.Decision)))
	}
	sameList(t, "breaches", got, []string{
		"ledger:2 2027-01-10 resell r prohibited by 1 [1 decides]",
		// SPEC 5.5: a conflict is reported too, naming the clauses.
		"ledger:3 2027-02-01 resell r conflict 2/3 [2 conflicts; 3 conflicts]",
	})
}

// TestSettleExampleBreach: a Google Cloud sale in the example deal's ledger
// is a breach of 3.1, and still pays Microsoft its 20%.
func TestSettleExampleBreach(t *testing.T) {
	p := exampleDeal(t)
	recs := ledger(t, p, "",
		"sell 2026-04-10 actor=openai product=API platform=GoogleCloud region=US gross=1,000.00 refunds=0.00",
	)
	st := settle(t, p, "", "2026-04-01", "2026-06-30", recs)
	sameList(t, "5.1", clauseTotals(st, "5.1"), []string{"2026-Q2 openai>microsoft 5.1 USD 200.00"})
	if len(st.Breaches) != 1 || st.Breaches[0].Decision.Clause == nil || st.Breaches[0].Decision.Clause.Num != "3.1" || st.Breaches[0].Line != 1 {
		t.Errorf("want one breach of 3.1 at ledger line 1, got %d", len(st.Breaches))
	}
}

// ---- rounding at statement lines in every mode ----

func TestSettleRoundingModes(t *testing.T) {
	// 25% × 10.02 = 2.505, exactly half-way between 2.50 and 2.51; and the
	// credit 25% × (0.00 − 10.02) = −2.505 (SPEC 8.3).
	modes := []struct{ mode, pos, neg string }{
		{"half_even", "2.50", "-2.50"},
		{"half_up", "2.51", "-2.51"},
		{"half_down", "2.50", "-2.50"},
		{"up", "2.51", "-2.51"},
		{"down", "2.50", "-2.50"},
		{"floor", "2.50", "-2.51"},
		{"ceiling", "2.51", "-2.50"},
	}
	for _, m := range modes {
		p := compile(t, `
agreement rnd "Rounding" {
  effective 2027-01-01
  currency USD
  rounding `+m.mode+` to 0.01
  party r "R"
  party lab "Lab"
  action resell { revenue money  refunds money }
  clause 1 "Share"
    r pays lab 25% of revenue - refunds of each resell by r
      settled quarterly
}`)
		recs := ledger(t, p, "",
			"resell 2027-01-10 actor=r revenue=10.02 refunds=0.00",
			"resell 2027-04-10 actor=r revenue=0.00 refunds=10.02",
		)
		st := settle(t, p, "", "2027-01-01", "2027-06-30", recs)
		sameList(t, m.mode, clauseTotals(st), []string{
			"2027-Q1 r>lab 1 USD " + m.pos,
			"2027-Q2 r>lab 1 USD " + m.neg,
		})
	}
	// A unit that is not a power of ten: 25% × 9.30 = 2.325, half-way
	// between 2.30 (46 units of 0.05) and 2.35 (47): half-even gives 2.30.
	p := compile(t, `
agreement rnd "Rounding" {
  effective 2027-01-01
  currency USD
  rounding half_even to 0.05
  party r "R"
  party lab "Lab"
  action resell { revenue money }
  clause 1 "Share"
    r pays lab 25% of revenue of each resell by r
}`)
	st := settle(t, p, "", "2027-01-01", "2027-03-31", ledger(t, p, "", "resell 2027-01-10 actor=r revenue=9.30"))
	sameList(t, "to 0.05", clauseTotals(st), []string{"2027-Q1 r>lab 1 USD 2.30"})
}

// ---- bad ledgers ----

func TestSettleBadLedger(t *testing.T) {
	p := compile(t, sharesSrc)
	ctx := context.Background()

	// Dates out of order: the second row is named.
	recs := ledger(t, p, "",
		"resell 2027-02-01 actor=r customer=gov revenue=1.00",
		"resell 2027-01-01 actor=r customer=gov revenue=1.00",
	)
	_, err := p.Settle(ctx, events(recs), interp.SettleOptions{})
	var le *interp.LedgerError
	if !errors.As(err, &le) || le.Line != 2 || le.Field != "date" {
		t.Errorf("out of order: %v, want a LedgerError for line 2, field date", err)
	}

	// An instance of another agreement's action.
	other := compile(t, tiersSrc)
	recs = append(ledger(t, p, "", "resell 2027-01-01 actor=r customer=gov revenue=1.00"),
		ledger(t, other, "", "resell 2027-02-01 actor=r revenue=1.00")...)
	_, err = p.Settle(ctx, events(recs), interp.SettleOptions{})
	if !errors.As(err, &le) || le.Line != 2 {
		t.Errorf("foreign row: %v, want a LedgerError for line 2", err)
	}

	// A reader's error stops the settlement and is returned as it is.
	boom := errors.New("disk on fire")
	_, err = p.Settle(ctx, func(yield func(interp.Event, error) bool) {
		r := ledger(t, p, "", "resell 2027-01-01 actor=r customer=gov revenue=1.00")[0]
		if yield(interp.Event{Record: r, Line: 1}, nil) {
			yield(interp.Event{}, boom)
		}
	}, interp.SettleOptions{})
	if !errors.Is(err, boom) {
		t.Errorf("reader error: %v", err)
	}

	// A cancelled context stops a long ledger.
	cctx, cancel := context.WithCancel(ctx)
	r := ledger(t, p, "", "resell 2027-01-01 actor=r customer=gov revenue=1.00")[0]
	n := 0
	_, err = p.Settle(cctx, func(yield func(interp.Event, error) bool) {
		for n = 0; n < 10_000_000; n++ {
			if n == 5000 {
				cancel()
			}
			if !yield(interp.Event{Record: r, Line: n + 1}, nil) {
				return
			}
		}
	}, interp.SettleOptions{})
	if !errors.Is(err, context.Canceled) || n > 10_000 {
		t.Errorf("cancelled after 5,000 rows: stopped at row %d with %v", n, err)
	}
}

// ---- properties ----

// render writes a statement out completely, for byte comparison.
func render(st *result.Statement) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s..%s as of %s, %d events\n", st.Agreement, st.Currency, st.From, st.To, st.AsOf, st.Events)
	for _, l := range st.Lines {
		base := ""
		if l.Base != nil {
			base = l.Base.String()
		}
		fmt.Fprintf(&b, "line %s %s %s %s>%s %s %s base=%s rate=%q %s %q\n", l.Period, l.Date, l.Due, l.Payer, l.Payee,
			l.Clause, l.Kind, base, l.Rate, l.Amount, l.Notes)
	}
	for _, t := range st.Totals {
		fmt.Fprintf(&b, "total %s %s>%s %s\n", t.Period, t.Payer, t.Payee, t.Amount)
	}
	for _, br := range st.Breaches {
		fmt.Fprintf(&b, "breach %s:%d %s %s %s %s\n", br.Source, br.Line, br.Date, br.Action, br.Actor, summary(br.Decision))
	}
	for _, o := range st.Overdue {
		fmt.Fprintf(&b, "overdue %s %s %s %d %s\n", o.Line.Clause, o.Line.Kind, o.Outstanding, o.DaysLate, o.LateCharge)
	}
	return b.String()
}

// randomSales makes a ledger of n random sales of the example deal
// between from and to, in date order.
func randomSales(t testing.TB, p *interp.Program, rng *rand.Rand, n int, from, to string) []*types.Record {
	t.Helper()
	start, end := mustDate(t, from), mustDate(t, to)
	span := types.DaysBetween(start, end) + 1
	days := make([]int, n)
	for i := range days {
		days[i] = rng.IntN(span)
	}
	slices.Sort(days)
	platforms := []string{"Azure", "AWS", "GoogleCloud", "Direct"}
	actors := []string{"openai", "openai", "openai", "microsoft"}
	recs := make([]*types.Record, n)
	for i, dd := range days {
		date, _ := start.AddDays(dd)
		gross := rng.Int64N(100_000_000) // cents, up to 1,000,000.00
		refunds := rng.Int64N(gross/5 + 1)
		g, _ := types.NewDecimal(gross, 2)
		r, _ := types.NewDecimal(refunds, 2)
		rec, err := p.NewAction("", "sell", map[string]string{
			"actor": actors[rng.IntN(len(actors))], "product": "P", "region": "US",
			"platform": platforms[rng.IntN(len(platforms))], "date": date.String(),
			"gross": g.String(), "refunds": r.String(),
		})
		if err != nil {
			t.Fatal(err)
		}
		recs[i] = rec
	}
	return recs
}

// TestInstallmentsThroughEngine: installments settled by the engine add
// back to the total, the last taking what rounding left.
func TestInstallmentsThroughEngine(t *testing.T) {
	// And through the engine: an awkward total in 7 parts.
	p := compile(t, `
agreement inst "Installments" {
  effective 2027-01-01
  currency USD
  party r "R"
  party lab "Lab"
  clause 1 "Seven"
    r pays lab USD 1,000,000.01 in 7 equal monthly installments from 2027-01-31
}`)
	st := settle(t, p, "", "2027-01-01", "2027-12-31", nil)
	sameList(t, "seven installments", lineList(st), []string{
		// 1,000,000.01 / 7 = 142,857.1442..., rounded down 142,857.14; the
		// last takes 1,000,000.01 − 6 × 142,857.14 = 142,857.17.
		"2027-Q1 r>lab 1 installment 2027-01-31 due 2027-01-31 USD 142,857.14",
		"2027-Q1 r>lab 1 installment 2027-02-28 due 2027-02-28 USD 142,857.14",
		"2027-Q1 r>lab 1 installment 2027-03-31 due 2027-03-31 USD 142,857.14",
		"2027-Q2 r>lab 1 installment 2027-04-30 due 2027-04-30 USD 142,857.14",
		"2027-Q2 r>lab 1 installment 2027-05-31 due 2027-05-31 USD 142,857.14",
		"2027-Q2 r>lab 1 installment 2027-06-30 due 2027-06-30 USD 142,857.14",
		"2027-Q3 r>lab 1 installment 2027-07-31 due 2027-07-31 USD 142,857.17",
	})
}

// TestSettleDeterministic: the same ledger always gives the same
// statement, byte for byte, from the same program and from a fresh one.
func TestSettleDeterministic(t *testing.T) {
	p1, p2 := exampleDeal(t), exampleDeal(t)
	rng := rand.New(rand.NewPCG(5, 6))
	recs1 := randomSales(t, p1, rng, 400, "2026-01-01", "2027-12-31")
	rng = rand.New(rand.NewPCG(5, 6))
	recs2 := randomSales(t, p2, rng, 400, "2026-01-01", "2027-12-31")
	first := render(settle(t, p1, "", "2026-01-01", "2027-12-31", recs1))
	for i := 0; i < 5; i++ {
		if got := render(settle(t, p1, "", "2026-01-01", "2027-12-31", recs1)); got != first {
			t.Fatalf("run %d differs:\n%s\nvs\n%s", i, got, first)
		}
	}
	if got := render(settle(t, p2, "", "2026-01-01", "2027-12-31", recs2)); got != first {
		t.Fatalf("a second program gives another statement:\n%s\nvs\n%s", got, first)
	}
	for _, src := range []string{limitsSrc, payeesSrc, tiersSrc} {
		a, b := compile(t, src), compile(t, src)
		rows := []string{"resell 2027-02-01 actor=r revenue=3,000.00", "resell 2027-05-01 actor=r revenue=3,000.00", "resell 2028-02-01 actor=r revenue=1,000.00"}
		x := render(settle(t, a, "", "2027-01-01", "2028-12-31", ledger(t, a, "", rows...)))
		y := render(settle(t, b, "", "2027-01-01", "2028-12-31", ledger(t, b, "", rows...)))
		if x != y {
			t.Errorf("two compilations differ:\n%s\nvs\n%s", x, y)
		}
	}
}

// revenueShareByHand is an independent computation of clause 5.1 of the
// example deal (SPEC T.3, T.4, T.6): per calendar quarter and per version
// of the clause, the exact sum over sales by openai of the rate times net
// revenue (gross − refunds), where the rate is 20% up to 2026-10-31 and,
// from 2026-11-01, 25% on AWS and 20% otherwise; each (quarter, version)
// sum is rounded half-even to the cent once, when it becomes a line.
// It returns the total of the lines per quarter.
func revenueShareByHand(t testing.TB, recs []*types.Record) map[string]types.Decimal {
	amendment := mustDate(t, "2026-11-01")
	cent := mustDec(t, "0.01")
	r20, r25 := mustDec(t, "0.20"), mustDec(t, "0.25")
	type key struct {
		quarter string
		v2      bool
	}
	exact := map[key]types.Decimal{}
	for _, r := range recs {
		get := func(f string) *types.Value { v, _ := r.Field(f); return &v }
		if get("actor").Str() != "openai" {
			continue
		}
		date := get("date").Date()
		net, err := get("gross").Num().Sub(get("refunds").Num())
		if err != nil {
			t.Fatal(err)
		}
		v2 := !date.Before(amendment)
		rate := r20
		if v2 && get("platform").Str() == "AWS" {
			rate = r25
		}
		amt, _ := rate.Mul(net)
		k := key{types.PeriodOf(types.PeriodQuarter, 1, date).String(), v2}
		exact[k], _ = exact[k].Add(amt)
	}
	out := map[string]types.Decimal{}
	for k, e := range exact {
		rounded, _ := e.Round(cent, types.HalfEven)
		out[k.quarter], _ = out[k.quarter].Add(rounded)
	}
	return out
}

// TestSettleIndependentCheck compares the engine's 5.1 lines for random
// ledgers with revenueShareByHand, to the cent.
func TestSettleIndependentCheck(t *testing.T) {
	p := exampleDeal(t)
	rng := rand.New(rand.NewPCG(7, 8))
	for round := 0; round < 20; round++ {
		n := 1 + rng.IntN(300)
		recs := randomSales(t, p, rng, n, "2026-01-01", "2027-12-31")
		st := settle(t, p, "", "2026-01-01", "2027-12-31", recs)
		got := map[string]types.Decimal{}
		for _, l := range st.Lines {
			if l.Clause.Num == "5.1" {
				got[l.Period.String()], _ = got[l.Period.String()].Add(l.Amount.Num())
			}
		}
		want := revenueShareByHand(t, recs)
		for q, w := range want {
			if w.IsZero() {
				continue
			}
			if !got[q].Equal(w) {
				t.Errorf("ledger %d (%d sales), %s: engine %s, by hand %s", round, n, q, got[q], w)
			}
		}
		for q, g := range got {
			if _, ok := want[q]; !ok {
				t.Errorf("ledger %d, %s: engine %s, by hand nothing", round, q, g)
			}
		}
	}
}
