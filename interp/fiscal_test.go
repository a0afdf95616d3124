package interp_test

import (
	"context"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

const fiscalSrc = `agreement july "July" {
  effective 2020-01-01
  fiscal year starts July
  party a "A"
  action sell { amount integer }
  clause 1 "First fiscal quarter of FY2027"
    a may sell where fiscal_quarter_of(date) == fiscal_quarter_of(2026-07-01)
}
agreement april "April" {
  effective 2020-01-01
  fiscal year starts April
  party a "A"
}
agreement plain "Plain" {
  effective 2020-01-01
  party a "A"
}
`

// TestFiscalPeriodsOf: fiscal_year_of and fiscal_quarter_of use the fiscal
// start of the agreement whose expression calls them, and a fiscal year is
// named by the calendar year it ends in (SPEC 11.4). Worked by hand:
//
//	July start: FY2026 runs 2025-07-01 to 2026-06-30, so 2026-06-30 is the
//	last day of FY2026 (in its Q4, April-June 2026) and 2026-07-01 the
//	first of FY2027 (Q1, July-September 2026); 2026-01-15 is in FY2026-Q3
//	(January-March 2026).
//	April start: FY2026 runs 2025-04-01 to 2026-03-31.
//	No declaration: the calendar year, FY2026 = 2026.
func TestFiscalPeriodsOf(t *testing.T) {
	p, err := interp.Compile([]interp.Source{{Name: "f.pacta", Text: []byte(fiscalSrc)}})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ agreement, expr, want string }{
		{"july", "fiscal_year_of(2026-06-30)", "FY2026"},
		{"july", "fiscal_year_of(2026-07-01)", "FY2027"},
		{"july", "fiscal_year_of(2025-07-01)", "FY2026"},
		{"july", "fiscal_quarter_of(2026-06-30)", "FY2026-Q4"},
		{"july", "fiscal_quarter_of(2026-07-01)", "FY2027-Q1"},
		{"july", "fiscal_quarter_of(2026-09-30)", "FY2027-Q1"},
		{"july", "fiscal_quarter_of(2026-10-01)", "FY2027-Q2"},
		{"july", "fiscal_quarter_of(2026-01-15)", "FY2026-Q3"},
		{"july", "start_of(fiscal_year_of(2026-06-30))", "2025-07-01"},
		{"july", "end_of(fiscal_year_of(2026-06-30))", "2026-06-30"},
		{"july", "end_of(fiscal_quarter_of(2026-01-15))", "2026-03-31"},
		{"april", "fiscal_year_of(2026-03-31)", "FY2026"},
		{"april", "fiscal_year_of(2026-04-01)", "FY2027"},
		{"april", "start_of(fiscal_year_of(2026-03-31))", "2025-04-01"},
		{"april", "fiscal_quarter_of(2026-03-31)", "FY2026-Q4"},
		{"plain", "fiscal_year_of(2026-06-30)", "FY2026"},
		{"plain", "start_of(fiscal_year_of(2026-06-30))", "2026-01-01"},
		{"plain", "fiscal_quarter_of(2026-06-30)", "FY2026-Q2"},
	}
	for _, c := range cases {
		v, err := p.Eval(context.Background(), c.agreement, c.expr, interp.EvalOptions{})
		if err != nil {
			t.Errorf("%s: %s: %v", c.agreement, c.expr, err)
			continue
		}
		if v.String() != c.want {
			t.Errorf("%s: %s = %s, want %s", c.agreement, c.expr, v, c.want)
		}
	}
	// In a clause's condition: FY2027-Q1 is July to September 2026.
	for _, c := range []struct {
		date string
		want lang.Verdict
	}{{"2026-06-30", lang.NotCovered}, {"2026-07-01", lang.Permitted}, {"2026-09-30", lang.Permitted}, {"2026-10-01", lang.NotCovered}} {
		d, err := p.Decide(context.Background(), newAction(t, p, "july", "sell", "actor=a amount=1 date="+c.date), interp.DecideOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Verdict != c.want {
			t.Errorf("sell on %s: %s, want %s", c.date, d.Verdict, c.want)
		}
	}
}
