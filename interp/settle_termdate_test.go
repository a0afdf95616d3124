package interp_test

// The dates on which a money clause's terms are evaluated (SPEC 9.3) when
// an amendment replaces a term the clause uses: an installment schedule's
// total on its first date (never before the clause version's first day);
// limit amounts, split shares and tier rates of a share on the last day of
// the settlement period; a recoupment advance on the clause version's
// first day. Every figure is worked out by hand.

import (
	"testing"
)

func TestTermDateInstallments(t *testing.T) {
	p := compile(t, `
agreement deal "Terms" {
  effective 2025-01-01
  currency USD
  party ana "ANA"
  party ben "BEN"
  term fee = USD 300.00
  clause 1 "Instalments"
    ana pays ben fee in 3 equal monthly installments from 2025-01-15
}`, `
amendment am1 "Fee" amends deal {
  effective 2025-02-01
  replace term fee = USD 900.00
  clause 2 "Late schedule"
    ana pays ben fee in 3 equal monthly installments from 2025-01-20
}`)
	st := settle(t, p, "", "", "2025-03-31", nil)
	sameList(t, "lines", lineList(st), []string{
		// Clause 1: the total is fixed on the first date, 2025-01-15,
		// when fee is 300.00: 300.00 / 3 = 100.00 each, the amendment
		// of fee notwithstanding.
		"2025-Q1 ana>ben 1 installment 2025-01-15 due 2025-01-15 USD 100.00",
		"2025-Q1 ana>ben 1 installment 2025-02-15 due 2025-02-15 USD 100.00",
		"2025-Q1 ana>ben 1 installment 2025-03-15 due 2025-03-15 USD 100.00",
		// Clause 2 is in force from 2025-02-01: its first date,
		// 2025-01-20, is before that, so the total is taken on
		// 2025-02-01, when fee is 900.00: 900.00 / 3 = 300.00 each; the
		// first installment, before the clause, is not owed.
		"2025-Q1 ana>ben 2 installment 2025-02-20 due 2025-02-20 USD 300.00",
		"2025-Q1 ana>ben 2 installment 2025-03-20 due 2025-03-20 USD 300.00",
	})
}

func TestTermDateLimits(t *testing.T) {
	p := compile(t, `
agreement deal "Limits" {
  effective 2025-01-01
  currency USD
  party ana "ANA"
  party ben "BEN"
  term capm = USD 100.00
  term capq = USD 100.00
  term gmin = USD 100.00
  action sell { amt money }
  clause 1 "Monthly cap"
    ana pays ben 10% of amt of each sell
      settled monthly
      at most capm per month
  clause 2 "Quarterly cap"
    ana pays ben 10% of amt of each sell
      settled monthly
      at most capq per quarter
  clause 3 "Guarantee"
    ana pays ben 1% of amt of each sell
      settled quarterly
      minimum guarantee gmin per quarter
}`, `
amendment am1 "Monthly cap" amends deal {
  effective 2025-01-20
  replace term capm = USD 50.00
}`, `
amendment am2 "Quarterly limits" amends deal {
  effective 2025-02-15
  replace term capq = USD 200.00
  replace term gmin = USD 300.00
}`)
	recs := ledger(t, p, "deal",
		"sell 2025-01-10 actor=ana amt=1500.00",
		"sell 2025-02-20 actor=ana amt=1000.00",
	)
	st := settle(t, p, "", "", "2025-03-31", recs)
	sameList(t, "totals", clauseTotals(st), []string{
		// Clause 1: January 10% × 1,500.00 = 150.00, capped at capm as
		// on 2025-01-31, 50.00 (not 100.00, its value on the sale's
		// date); February 10% × 1,000.00 = 100.00, capped at 50.00.
		"2025-01 ana>ben 1 USD 50.00",
		"2025-02 ana>ben 1 USD 50.00",
		// Clause 2, one window for the quarter: January earns 150.00,
		// X on 2025-01-31 is 100.00: min(100, 150) − min(100, 0) =
		// 100.00. February earns 100.00, X on 2025-02-28 is 200.00:
		// min(200, 250) − min(200, 150) = 200 − 150 = 50.00.
		"2025-01 ana>ben 2 USD 100.00",
		"2025-02 ana>ben 2 USD 50.00",
		// Clause 3: Q1 1% × 1,500.00 + 1% × 1,000.00 = 15.00 + 10.00 =
		// 25.00; the minimum is gmin on 2025-03-31, 300.00: a true-up of
		// 300.00 − 25.00 = 275.00, so 300.00 in all.
		"2025-Q1 ana>ben 3 USD 300.00",
	})
}

func TestTermDateSplitShare(t *testing.T) {
	p := compile(t, `
agreement deal "Split term" {
  effective 2025-01-01
  currency USD
  party ana "ANA"
  party ben "BEN"
  party cy "CY"
  term rt = 40%
  action lease { amt money }
  clause 4 "Split"
    cy pays split { ana rt remainder to ben } 10% of amt of each lease
      settled monthly
}`, `
amendment am2 "Rate" amends deal {
  effective 2025-04-26
  replace term rt = 50%
}`)
	recs := ledger(t, p, "deal", "lease 2025-04-21 actor=ben amt=1000.00")
	st := settle(t, p, "", "", "2025-04-30", recs)
	sameList(t, "totals", clauseTotals(st), []string{
		// 10% × 1,000.00 = 100.00; rt is taken on the period's last day,
		// 2025-04-30, when it is 50%: ana 50.00, ben the remainder 50.00
		// (not 40.00 / 60.00, rt on the lease's date).
		"2025-04 cy>ana 4 USD 50.00",
		"2025-04 cy>ben 4 USD 50.00",
	})
}

func TestTermDateRecoupment(t *testing.T) {
	p := compile(t, `
agreement deal "Advance from a term" {
  effective 2024-09-20
  currency USD
  party ben "BEN"
  party dee "DEE"
  term fee = USD 3293.00
  action sell { amt money }
  clause 10 "Royalty"
    ben pays dee 10% of amt of each sell
      settled monthly
      recouping fee
}`, `
amendment am2 "Fee" amends deal {
  effective 2024-10-07
  replace term fee = USD 647.00
}`)
	recs := ledger(t, p, "deal",
		"sell 2027-09-16 actor=dee amt=10000.00",
		"sell 2027-10-16 actor=dee amt=25000.00",
	)
	st := settle(t, p, "", "", "2027-10-31", recs)
	sameList(t, "totals", clauseTotals(st), []string{
		// The advance is fee on the version's first day, 2024-09-20:
		// 3,293.00 (not 647.00). September 2027: 10% × 10,000.00 =
		// 1,000.00, all recouped, 2,293.00 left; October: 10% ×
		// 25,000.00 = 2,500.00, of which 2,293.00 recouped: 207.00 paid.
		"2027-10 ben>dee 10 USD 207.00",
	})
}

func TestTermDateTierRateAfterVersionEnd(t *testing.T) {
	p := compile(t, `
agreement deal "Tiers" {
  effective 2025-01-01
  currency USD
  party ana "ANA"
  party ben "BEN"
  term rt = 10%
  action sell { amt money }
  clause 1 "Tiered"
    ana pays ben marginal tiers {
      rt up to USD 1000.00
      50% above
    } of amt of each sell
      settled quarterly
}`, `
amendment am1 "End" amends deal {
  effective 2025-02-15
  replace term rt = 20%
  delete clause 1
}`)
	recs := ledger(t, p, "deal", "sell 2025-01-10 actor=ana amt=500.00")
	st := settle(t, p, "", "", "2025-03-31", recs)
	sameList(t, "totals", clauseTotals(st), []string{
		// The clause ends on 2025-02-14, inside Q1; the tier rates are
		// those on the period's last day, 2025-03-31, when rt is 20%:
		// 20% × 500.00 = 100.00 (not 10% × 500.00 = 50.00).
		"2025-Q1 ana>ben 1 USD 100.00",
	})
}
