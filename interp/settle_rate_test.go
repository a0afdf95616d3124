package interp_test

// The rate column of a share's line shows the rate's value (SPEC 7.6).

import "testing"

func TestSettleRateColumn(t *testing.T) {
	p := compile(t, `
agreement rc "Rate column" {
  effective 2027-01-01
  currency USD
  party r   "Reseller"
  party lab "Lab"
  action resell { region text  revenue money }
  term standard = 30%
  clause 1 "Term rate" r pays lab (100% - standard) of revenue of each resell by r
  clause 2 "Rate per row" r pays lab (if region == "EU" then 22% else 20%) of revenue of each resell by r
  clause 3 "Lines" r pays lab of each resell by r:
    standard of revenue where region == "EU"
    10% of revenue otherwise
}
`)
	recs := ledger(t, p, "",
		"resell 2027-01-10 actor=r region=US revenue=100.00",
		"resell 2027-02-10 actor=r region=EU revenue=100.00",
		"resell 2027-04-10 actor=r region=US revenue=100.00",
	)
	st := settle(t, p, "", "2027-01-01", "2027-06-30", recs)
	want := map[string]string{
		// 100% − 30% = 70%, the same for every row: its value.
		"2027-Q1 1": "70%",
		// 20% for the US row, 22% for the EU row: the rate varies, so
		// the column shows it as written.
		"2027-Q1 2": `(if region == "EU" then 22% else 20%)`,
		// One row in Q2: 20%.
		"2027-Q2 2": "20%",
		// Each line with its own value: standard is 30%.
		"2027-Q1 3": "30% of USD 100.00; 10% of USD 100.00",
	}
	got := map[string]string{}
	for _, l := range st.Lines {
		got[l.Period.String()+" "+l.Clause.Num] = l.Rate
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("rate of %s: %q, want %q", k, got[k], w)
		}
	}
}
