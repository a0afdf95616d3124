package interp_test

// Which exception to a term applied (SPEC 4.8), in statements, decisions
// and evaluations.

import (
	"context"
	"slices"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

const excTraceSrc = `agreement exc "Exceptions" {
  effective 2027-01-01
  currency USD
  rounding half_even to 0.01
  party a "A"
  party b "B"
  kind BuyerKind = Retail | Charity
  action order { buyer_kind BuyerKind  volume integer  amount money }

  term rate(o order) = 20%
  exception 6.3 rate = 12% where o.buyer_kind == Charity
  exception 6.4 notwithstanding 6.3 rate = 15% where o.buyer_kind == Charity and o.volume >= 1000

  term limit(o order) = 100
  exception 6.5 limit = 500 where o.buyer_kind == Charity

  clause 7.1 "Rebate" a pays b rate of amount of each order by a
  clause 7.2 "Volume" a must not order where volume > limit
}`

func TestExceptionInStatement(t *testing.T) {
	p := compile(t, excTraceSrc)
	// Q1: retail 100.00 at 20% = 20.00; charity 100.00 (5 units) at 12%
	// (6.3) = 12.00; charity 100.00 (400 units) at 12% = 12.00; charity
	// 10.00 (1,000 units) at 15% (6.4 over 6.3) = 1.50. 45.50.
	st := settle(t, p, "", "2027-01-01", "2027-03-31", ledger(t, p, "",
		"order 2027-01-10 actor=a buyer_kind=Retail volume=5 amount=100.00",
		"order 2027-01-11 actor=a buyer_kind=Charity volume=5 amount=100.00",
		"order 2027-01-12 actor=a buyer_kind=Charity volume=400 amount=100.00",
		"order 2027-01-13 actor=a buyer_kind=Charity volume=1000 amount=10.00",
	))
	sameList(t, "rebate", clauseTotals(st, "7.1"), []string{"2027-Q1 a>b 7.1 USD 45.50"})
	want := "term rate took exception 6.3 (for 2 order rows), exception 6.4 (for 1 order row)"
	for _, l := range st.Lines {
		if l.Clause.Num == "7.1" && !slices.Contains(l.Notes, want) {
			t.Errorf("notes %q lack %q", l.Notes, want)
		}
	}
}

func TestExceptionInDecisionAndEval(t *testing.T) {
	p := compile(t, excTraceSrc)
	rec := ledger(t, p, "", "order 2027-02-01 actor=a buyer_kind=Charity volume=600 amount=1.00")[0]
	// 600 > limit, which is 500 for a charity (6.5): prohibited by 7.2.
	d, err := p.Decide(context.Background(), rec, interp.DecideOptions{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	if d.Clause == nil || d.Clause.Num != "7.2" || len(d.Applied) != 1 {
		t.Fatalf("decision %+v", d)
	}
	if got := d.Applied[0].Exceptions; len(got) != 1 || got[0].Exception != "6.5" || got[0].Term != "limit" {
		t.Errorf("exceptions %+v, want 6.5 to limit", got)
	}
	// Without Explain, nothing is recorded.
	d, err = p.Decide(context.Background(), rec, interp.DecideOptions{})
	if err != nil || d.Applied[0].Exceptions != nil {
		t.Errorf("without Explain: %v, %+v", err, d.Applied)
	}
	x, err := p.CompileExpr("", "<t>", []byte(`rate(order by a { buyer_kind: Charity, volume: 2000, amount: USD 1.00, date: 2027-02-01 })`))
	if err != nil {
		t.Fatal(err)
	}
	// 6.3 and 6.4 both apply; 6.4 is notwithstanding 6.3: 15%.
	v, used, err := x.EvalExplained(context.Background(), interp.EvalOptions{})
	if err != nil || v.String() != "15%" || len(used) != 1 || used[0].String() != "exception 6.4 to term rate" {
		t.Errorf("got %v, %+v, %v", v, used, err)
	}
}

func TestExceptionInMilestone(t *testing.T) {
	p := compile(t, `agreement m "M" {
  effective 2027-01-01
  currency USD
  party a "A"
  party b "B"
  event release { tier integer }
  term bonus(e release) = USD 10.00
  exception 2.1 bonus = USD 25.00 where e.tier >= 2
  clause 3.1 "Bonus" a pays b bonus on each release
}`)
	// Two releases on one day make one line: 10.00 + 25.00 (2.1) = 35.00.
	st := settle(t, p, "", "2027-01-01", "2027-03-31", ledger(t, p, "",
		"release 2027-02-01 tier=1",
		"release 2027-02-01 tier=3",
	))
	sameList(t, "milestone", clauseTotals(st), []string{"2027-Q1 a>b 3.1 USD 35.00"})
	if len(st.Lines) != 1 || !slices.Contains(st.Lines[0].Notes, "term bonus took exception 2.1 (for 1 release row)") {
		t.Errorf("lines %d, notes %q", len(st.Lines), st.Lines[0].Notes)
	}
}
