package interp_test

// Whether a share counts prohibited rows (SPEC 7.1.1), against figures
// worked by hand.

import (
	"slices"
	"testing"
)

const countSrc = `
agreement count "Counting breaches" {
  effective 2027-01-01
  currency USD
  rounding half_even to 0.01

  party r   "Reseller"
  party lab "Lab"

  action resell { region text  revenue money }

  clause 1 "No EU resale"
    r must not resell where region == "EU"
  clause 2 "Royalty on permitted resales"
    r pays lab 10% of revenue of each permitted resell by r
  clause 3 "Royalty on every resale"
    r pays lab 10% of revenue of each resell by r
  clause 4 "Royalty, the rule written out"
    r pays lab 10% of revenue of each resell whether permitted or not by r
}
`

func TestSettlePermittedOnly(t *testing.T) {
	p := compile(t, countSrc)
	recs := ledger(t, p, "",
		"resell 2027-01-10 actor=r region=US revenue=1,000.00",
		"resell 2027-02-10 actor=r region=EU revenue=250.00", // prohibited by 1
		"resell 2027-04-10 actor=r region=EU revenue=80.00",  // prohibited by 1
	)
	st := settle(t, p, "", "2027-01-01", "2027-06-30", recs)
	sameList(t, "permitted only, or every row", clauseTotals(st), []string{
		// Q1, permitted only: 10% × 1,000.00 = 100.00 (the EU row of
		// 250.00 is left out).
		"2027-Q1 r>lab 2 USD 100.00",
		// Q1, every row: 10% × (1,000.00 + 250.00) = 125.00.
		"2027-Q1 r>lab 3 USD 125.00",
		"2027-Q1 r>lab 4 USD 125.00",
		// Q2: only the prohibited 80.00: nothing under 2, 8.00 under 3
		// and 4.
		"2027-Q2 r>lab 3 USD 8.00",
		"2027-Q2 r>lab 4 USD 8.00",
	})
	if st.BreachCount != 2 {
		t.Errorf("breaches: %d, want 2", st.BreachCount)
	}
	notes := map[string][]string{}
	for _, l := range st.Lines {
		notes[l.Period.String()+" "+l.Clause.Num] = l.Notes
	}
	for k, want := range map[string][]string{
		"2027-Q1 2": {"counts each permitted resell only: 1 prohibited resell row not counted"},
		"2027-Q1 3": {"counts each resell whether permitted or not: 1 prohibited resell row counted"},
		"2027-Q1 4": {"counts each resell whether permitted or not: 1 prohibited resell row counted"},
		// Q2's line under 2 is zero, and shown: the note explains why.
		"2027-Q2 2": {"counts each permitted resell only: 1 prohibited resell row not counted"},
	} {
		if !slices.Equal(notes[k], want) {
			t.Errorf("notes of %s: got %q, want %q", k, notes[k], want)
		}
	}
}
