package interp_test

import "testing"

// TestSettleRoundsFixedAmountsAndLimits: under a rounding unit coarser than
// a cent, a fixed payment's amount becomes a line rounded (SPEC 8.2 point
// 1), and the amounts of limits — caps, floors, guarantees, recoupment
// advances, waterfall limits — are rounded when used (8.2 point 2), with
// the agreement's mode: half_down to 1 takes every x.50 down to x.
func TestSettleRoundsFixedAmountsAndLimits(t *testing.T) {
	p := compile(t, `
agreement units "Whole units" {
  effective 2027-01-01
  currency USD
  rounding half_down to 1
  party r    "R"
  party lab  "Lab"
  party fund "Fund"
  action resell { revenue money }

  clause 1 "Fee"
    r pays lab USD 1,861.50 on 2027-02-04

  clause 2 "Quarterly cap"
    r pays lab 20% of revenue of each resell by r
      settled quarterly
      at most USD 500.50 per quarter

  clause 3 "Yearly cap"
    r pays lab 20% of revenue of each resell by r
      settled quarterly
      at most USD 1,000.50 per year

  clause 4 "Quarterly floor"
    r pays lab 20% of revenue of each resell by r
      settled quarterly
      at least USD 300.50 per quarter

  clause 5 "Recoupment"
    r pays lab 20% of revenue of each resell by r
      settled quarterly
      recouping USD 700.50

  clause 6 "Guarantee"
    r pays lab 20% of revenue of each resell by r
      settled quarterly
      minimum guarantee USD 3,000.50 per year

  clause 7 "Waterfall"
    r pays waterfall {
      fund up to USD 100.50
      lab rest
    } USD 250.00 on 2027-03-01
}`)
	// 20% per quarter: Q1 600, Q2 600, Q3 200, Q4 nothing.
	recs := ledger(t, p, "",
		"resell 2027-02-01 actor=r revenue=3,000.00",
		"resell 2027-05-01 actor=r revenue=3,000.00",
		"resell 2027-08-01 actor=r revenue=1,000.00",
	)
	st := settle(t, p, "", "2027-01-01", "2027-12-31", recs)
	sameList(t, "fixed payment", clauseTotals(st, "1"), []string{
		"2027-Q1 r>lab 1 USD 1,861.00", // 1,861.50 half_down to 1 (not 1,861.50)
	})
	sameList(t, "cap per quarter", clauseTotals(st, "2"), []string{
		"2027-Q1 r>lab 2 USD 500.00", // min(600, 500.50 → 500) (not 500.50)
		"2027-Q2 r>lab 2 USD 500.00",
		"2027-Q3 r>lab 2 USD 200.00",
	})
	sameList(t, "cap per year", clauseTotals(st, "3"), []string{
		"2027-Q1 r>lab 3 USD 600.00",
		"2027-Q2 r>lab 3 USD 400.00", // min(1,000.50 → 1,000, 1,200) − 600 (not 400.50)
	})
	sameList(t, "floor per quarter", clauseTotals(st, "4"), []string{
		"2027-Q1 r>lab 4 USD 600.00",
		"2027-Q2 r>lab 4 USD 600.00",
		"2027-Q3 r>lab 4 USD 300.00", // 200 topped up to 300.50 → 300 (not 300.50)
		"2027-Q4 r>lab 4 USD 300.00", // 0 topped up to 300
	})
	sameList(t, "recoupment", clauseTotals(st, "5"), []string{
		// Q1: 600 recouped (700.50 → 700; 700 → 100). Q2: 100 recouped,
		// 600 − 100 = 500 paid (not 600 − 100.50 = 499.50).
		"2027-Q2 r>lab 5 USD 500.00",
		"2027-Q3 r>lab 5 USD 200.00",
	})
	sameList(t, "guarantee", clauseTotals(st, "6"), []string{
		"2027-Q1 r>lab 6 USD 600.00",
		"2027-Q2 r>lab 6 USD 600.00",
		"2027-Q3 r>lab 6 USD 200.00",
		// 2027 paid 1,400: true-up 3,000.50 → 3,000 − 1,400 = 1,600 (not
		// 1,600.50).
		"2027-Q4 r>lab 6 USD 1,600.00",
	})
	sameList(t, "waterfall limit", clauseTotals(st, "7"), []string{
		"2027-Q1 r>fund 7 USD 100.00", // up to 100.50 → 100 (not 100.50)
		"2027-Q1 r>lab 7 USD 150.00",  // 250 − 100 (not 149.50)
	})
}
