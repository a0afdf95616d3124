package interp_test

// Caps across clauses (SPEC 7.4.1), against figures worked by hand.

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

const jointSrc = `agreement j "Joint" {
  effective 2027-01-01
  ends 2028-12-31
  currency USD
  rounding half_even to 0.01
  party r "R"
  party v "V"
  party w "W"
  action sell { net money }
  clause 5.1 "Royalty" r pays v 10% of net of each sell by r
  clause 5.2 "Bonus" r pays split { v 50%, w 50% } 5% of net of each sell by r settled monthly
  clause 5.3 "Combined cap"
    clauses 5.1 and 5.2 together at most USD 100.00 per year, at most USD 150.00 over the term
}`

func TestSettleJointCap(t *testing.T) {
	p := compile(t, jointSrc)
	st := settle(t, p, "", "2027-01-01", "2028-03-31", ledger(t, p, "",
		"sell 2027-01-15 actor=r net=400.00",
		"sell 2027-02-15 actor=r net=600.00",
		"sell 2027-04-10 actor=r net=200.00",
		"sell 2028-01-10 actor=r net=1,000.00",
	))
	// Lines in date order, same date by clause number (SPEC 7.4.1):
	// 5.2 Jan 2027: 5% x 400 = 20.00 (year 20, term 20), split 10/10.
	// 5.2 Feb: 5% x 600 = 30.00 (year 50, term 50), split 15/15.
	// 5.1 Q1: 10% x 1,000 = 100.00; the year has 50 left: cut to 50.00.
	// 5.2 Apr: 10.00, cut to 0 (the year is at 100). 5.1 Q2: 20.00 -> 0.
	// 2028 (the year resets; the term is at 100): 5.2 Jan: 50.00 (year
	// 50, term 150), split 25/25. 5.1 Q1: 100.00, cut to 50 by the year,
	// then to 0 by the term (150 reached).
	sameList(t, "joint", clauseTotals(st), []string{
		"2027-01 r>v 5.2 USD 10.00", "2027-01 r>w 5.2 USD 10.00",
		"2027-02 r>v 5.2 USD 15.00", "2027-02 r>w 5.2 USD 15.00",
		"2027-Q1 r>v 5.1 USD 50.00",
		"2028-01 r>v 5.2 USD 25.00", "2028-01 r>w 5.2 USD 25.00",
	})
	var q2828 []string
	for _, l := range st.Lines {
		if l.Clause.Num == "5.1" && l.Period.String() == "2028-Q1" {
			q2828 = l.Notes
		}
	}
	for _, want := range []string{
		"clauses 5.1 and 5.2 together at most USD 100.00 per year (clause 5.3): cut from USD 100.00",
		"clauses 5.1 and 5.2 together at most USD 150.00 over the term (clause 5.3): cut from USD 50.00",
	} {
		if !slices.Contains(q2828, want) {
			t.Errorf("2028-Q1 notes %q lack %q", q2828, want)
		}
	}
	// The zero lines are shown with their reason (SPEC 6.1).
	var zero []string
	for _, l := range st.Lines {
		if !l.Amount.Num().IsZero() {
			continue
		}
		for _, n := range l.Notes {
			if strings.Contains(n, "cut from") {
				zero = append(zero, l.Clause.Num+" "+l.Period.String()+" "+l.Payee)
				break
			}
		}
	}
	sameList(t, "zero lines", zero, []string{"5.2 2027-04 v", "5.2 2027-04 w", "5.1 2027-Q2 v", "5.1 2028-Q1 v"})
}

func TestSettleJointCapAmended(t *testing.T) {
	rows := []string{
		"sell 2027-01-15 actor=r net=400.00",
		"sell 2027-02-15 actor=r net=600.00",
		"sell 2028-01-10 actor=r net=1,000.00",
	}
	// 2027 as in TestSettleJointCap: 20.00 + 30.00 + 50.00 (cut) = 100.00.
	// Replaced from 2028 by 120.00 a year and 200.00 over the term, the
	// running totals carry on: 5.2 Jan 2028 50.00 (year 50, term 150);
	// 5.1 Q1 100.00, cut to 70.00 by the year, then to 200 - 150 = 50.00
	// by the term.
	p := compile(t, jointSrc, `amendment j2 "More" amends j {
  effective 2028-01-01
  replace clause 5.3 "Combined cap"
    clauses 5.1 and 5.2 together at most USD 120.00 per year, at most USD 200.00 over the term
}`)
	st := settle(t, p, "", "2028-01-01", "2028-03-31", ledger(t, p, "", rows...))
	sameList(t, "replaced", clauseTotals(st), []string{
		"2028-01 r>v 5.2 USD 25.00", "2028-01 r>w 5.2 USD 25.00",
		"2028-Q1 r>v 5.1 USD 50.00",
	})
	// Deleted from 2028: the 2028 lines are not capped (5.1: 10% of
	// 1,000.00 = 100.00).
	p = compile(t, jointSrc, `amendment j2 "Less" amends j {
  effective 2028-01-01
  delete clause 5.3
}`)
	st = settle(t, p, "", "2028-01-01", "2028-03-31", ledger(t, p, "", rows...))
	sameList(t, "deleted", clauseTotals(st), []string{
		"2028-01 r>v 5.2 USD 25.00", "2028-01 r>w 5.2 USD 25.00",
		"2028-Q1 r>v 5.1 USD 100.00",
	})
}

const jointFloorSrc = `agreement jf "Joint floor" {
  effective 2027-01-01
  ends 2028-06-30
  currency USD
  party r "R"
  party v "V"
  action sell { net money }
  clause 5.1 "Royalty" r pays v 10% of net of each sell by r
  clause 5.2 "Bonus" r pays v 5% of net of each sell by r settled monthly
  clause 5.3 "Combined"
    clauses 5.1 and 5.2 together at most USD 100.00 per year, at least USD 80.00 per year, at least USD 200.00 over the term
}`

func TestSettleJointFloor(t *testing.T) {
	p := compile(t, jointFloorSrc)
	// 2027: 5.2 January 5% x 400 = 20.00, 5.1 Q1 10% x 400 = 40.00: 60.00,
	// 20.00 short of 80.00: a true-up of 20.00 on 2027-12-31.
	// 2028 (the term ends 2028-06-30): 5.2 February 50.00, 5.1 Q1 100.00
	// cut to 50.00 by the yearly cap: 100.00, not short of 80.00.
	// Over the term: 60.00 + 20.00 (the yearly true-up) + 100.00 =
	// 180.00, 20.00 short of 200.00: a true-up of 20.00 on 2028-06-30.
	st := settle(t, p, "", "2027-01-01", "2028-06-30", ledger(t, p, "",
		"sell 2027-01-15 actor=r net=400.00",
		"sell 2028-02-15 actor=r net=1,000.00",
	))
	sameList(t, "floors", lineList(st, "5.3"), []string{
		"2027 r>v 5.3 true-up 2027-12-31 due 2027-12-31 USD 20.00",
		"2028-Q2 r>v 5.3 true-up 2028-06-30 due 2028-06-30 USD 20.00",
	})
	// No row in 2027: the year is trued up in full (80.00); over the
	// term 80.00 + 100.00 = 180.00, short by 20.00.
	st = settle(t, p, "", "2027-01-01", "2028-06-30", ledger(t, p, "",
		"sell 2028-02-15 actor=r net=1,000.00",
	))
	sameList(t, "empty year", lineList(st, "5.3"), []string{
		"2027 r>v 5.3 true-up 2027-12-31 due 2027-12-31 USD 80.00",
		"2028-Q2 r>v 5.3 true-up 2028-06-30 due 2028-06-30 USD 20.00",
	})
	// A statement that ends inside the windows trues nothing up.
	st = settle(t, p, "", "2027-01-01", "2027-06-30", ledger(t, p, "",
		"sell 2027-01-15 actor=r net=400.00",
	))
	if got := lineList(st, "5.3"); len(got) != 0 {
		t.Errorf("true-ups before the windows are over: %q", got)
	}
}

// A cap across clauses is exercised by a test (SPEC 10.3) when a line the
// test's settlement counts was cut by it, and not otherwise (found by
// review: `pacta test` listed the cap as unexercised even when a test
// expected the figure it cut).
func TestJointCapCoverage(t *testing.T) {
	src := func(expect string) string {
		return `agreement c "C" {
  effective 2027-01-01
  currency USD
  party a "A"
  party b "B"
  action sell { net money }
  clause 5.1 "Share"
    a pays b 20% of net of each sell by a settled quarterly
  clause 5.2 "Bonus"
    a pays b 10% of net of each sell by a settled quarterly
  clause 5.3 "Cap"
    clauses 5.1 and 5.2 together at most USD 250.00 per year
  test "t" {
    given s = sell by a { net: USD ` + expect + `, date: 2027-01-10 }
    expect a pays b USD ` + map[string]string{"1000.00": "250.00", "100.00": "30.00"}[expect] + ` for 2027-Q1
  }
}`
	}
	unexercised := func(s string) []string {
		t.Helper()
		p, err := interp.Compile([]interp.Source{{Name: "c.pacta", Text: []byte(s)}})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := p.RunTests(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if rep.Failed() > 0 {
			t.Fatalf("the test fails: %+v", rep.Results[0].Failures)
		}
		var out []string
		for _, c := range rep.Unexercised {
			out = append(out, c.Num)
		}
		return out
	}
	// 1,000.00 of sales: 5.1 200.00, then 5.2 100.00 cut to 250.00 −
	// 200.00 = 50.00; together 250.00. The cap cut 5.2: all exercised.
	if got := unexercised(src("1000.00")); len(got) != 0 {
		t.Errorf("cap that cut a line: unexercised %v, want none", got)
	}
	// 100.00 of sales: 20.00 + 10.00 = 30.00, far under the cap, which
	// cut nothing: 5.3 is not exercised.
	if got := unexercised(src("100.00")); len(got) != 1 || got[0] != "5.3" {
		t.Errorf("cap that cut nothing: unexercised %v, want [5.3]", got)
	}
}
