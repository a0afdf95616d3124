package interp_test

// The order of SPEC 7.4's steps (floors, then caps in the order written,
// then the guarantee at the version's last settlement period) and tier
// windows shorter than a settlement period (7.3), worked by hand. Each
// case failed before the fix; the bug it pins is said above it.

import "testing"

// TestSettleFloorBeforeCaps: a floor per year tops the year up in its
// last quarter (7.4 step 3), and the cap per quarter (step 4) then acts on
// the topped-up amount. Before the fix the top-up was a separate line the
// caps did not see (3,892.37 in Q4).
func TestSettleFloorBeforeCaps(t *testing.T) {
	p := compile(t, `
agreement fl "Floor" {
  effective 2024-01-01
  currency USD
  party ana "ANA"
  party ben "BEN"
  action sell { amt money }
  clause 2 "Floor and cap"
    ana pays ben 6.3% of amt of each sell
      settled quarterly
      at least USD 3893.00 per year
      at most USD 1000.00 per quarter
}`)
	st := settle(t, p, "", "2024-01-01", "2024-12-31", ledger(t, p, "",
		"sell 2024-03-01 actor=ana amt=10.00"))
	sameList(t, "floor per year, cap per quarter", clauseTotals(st), []string{
		"2024-Q1 ana>ben 2 USD 0.63", // 6.3% × 10.00
		// Q4 (no sales): 0 + top-up 3,893.00 − 0.63 = 3,892.37, cut by
		// the quarterly cap to 1,000.00.
		"2024-Q4 ana>ben 2 USD 1,000.00",
	})
}

// TestSettleFloorLineIsPaid: the line of a period with no events that
// a floor tops up is owed from the period's end, so a payment made
// after it pays it. Before the fix it was issued only at the statement's
// end, after the payment, and stayed overdue.
func TestSettleFloorLineIsPaid(t *testing.T) {
	p := compile(t, `
agreement fl "Floor" {
  effective 2025-01-01
  currency USD
  party ana "ANA"
  party ben "BEN"
  action sell { amt money }
  event payment {
    payer  party
    payee  party
    amount money
  }
  clause 1 "Floor"
    ana pays ben 10% of amt of each sell
      settled quarterly
      at least USD 100.00 per quarter
}`)
	st := settle(t, p, "", "2025-01-01", "2025-07-31", ledger(t, p, "",
		"payment 2025-05-10 payer=ana payee=ben amount=100.00"))
	// Q1 has no sales: topped up to 100.00, due 2025-03-31, paid in full
	// on 2025-05-10. Q2 likewise, due 2025-06-30, unpaid on 2025-07-31.
	// Q3 is not over: no floor yet, nothing shown.
	sameList(t, "lines", lineList(st), []string{
		"2025-Q1 ana>ben 1 share 2025-03-31 due 2025-03-31 USD 100.00",
		"2025-Q2 ana>ben 1 share 2025-06-30 due 2025-06-30 USD 100.00",
	})
	var overdue []string
	for _, o := range st.Overdue {
		overdue = append(overdue, o.Line.Period.String()+" "+money(o.Outstanding))
	}
	sameList(t, "overdue", overdue, []string{"2025-Q2 USD 100.00"})
}

// TestSettleCapsInOrderWritten: a cap per year written before a cap per
// month acts first (7.4 step 4). Before the fix the cap per settlement
// period always came first (December 114.43).
func TestSettleCapsInOrderWritten(t *testing.T) {
	p := compile(t, `
agreement caps "Caps" {
  effective 2026-01-01
  currency USD
  rounding down to 0.01
  party ana "ANA"
  party cy "CY"
  action sell { amt money }
  clause 3 "Caps"
    cy pays ana 36.4% of amt of each sell
      settled monthly
      at most USD 546.00 per year
      at most USD 192.50 per month
}`)
	st := settle(t, p, "", "2026-01-01", "2026-12-31", ledger(t, p, "",
		"sell 2026-11-21 actor=cy amt=1237.97",
		"sell 2026-12-24 actor=cy amt=314.37"))
	sameList(t, "caps in order", clauseTotals(st), []string{
		// 36.4% × 1,237.97 = 450.62108 → 450.62 (down); year cap:
		// min(546, 450.62) = 450.62; month cap: 192.50.
		"2026-11 cy>ana 3 USD 192.50",
		// 36.4% × 314.37 = 114.43068 → 114.43; year cap on 565.05:
		// 546 − 450.62 = 95.38; month cap: 95.38.
		"2026-12 cy>ana 3 USD 95.38",
	})
}

// TestSettleTierWindowsShorterThanPeriod: `reset monthly` under
// quarterly settlement; each month is a threshold window (7.3). Before
// the fix the window was cut at the quarter's start (Q1 60.00:
// F(200) = 10 + 50).
func TestSettleTierWindowsShorterThanPeriod(t *testing.T) {
	p := compile(t, `
agreement tw "Windows" {
  effective 2025-01-01
  currency USD
  party ana "ANA"
  party ben "BEN"
  action sell { amt money }
  clause 1 "Royalty"
    ana pays ben marginal tiers reset monthly {
      10% up to USD 100.00
      50% above
    } of amt of each sell
      settled quarterly
}`)
	st := settle(t, p, "", "2025-01-01", "2025-06-30", ledger(t, p, "",
		"sell 2025-01-10 actor=ana amt=100.00",
		"sell 2025-02-10 actor=ana amt=100.00",
		"sell 2025-03-05 actor=ana amt=80.00",
		"sell 2025-03-30 actor=ana amt=40.00",
		"sell 2025-04-02 actor=ana amt=50.00"))
	sameList(t, "monthly windows", clauseTotals(st), []string{
		// January F(100) = 10; February F(100) = 10; March F(120) =
		// 10 + 50% × 20 = 20: Q1 40.00.
		"2025-Q1 ana>ben 1 USD 40.00",
		// April starts afresh: F(50) = 5.
		"2025-Q2 ana>ben 1 USD 5.00",
	})
}

// TestSettleTierWindowFiscalYearAcrossQuarter: `reset fiscal yearly`
// with the fiscal year from March, settled by calendar quarter: Q1 holds
// February (fiscal year 2024) and March (fiscal year 2025).
func TestSettleTierWindowFiscalYearAcrossQuarter(t *testing.T) {
	p := compile(t, `
agreement tw "Fiscal" {
  effective 2025-01-01
  fiscal year starts March
  currency USD
  party ana "ANA"
  party ben "BEN"
  action sell { amt money }
  clause 1 "Royalty"
    ana pays ben marginal tiers reset fiscal yearly {
      10% up to USD 100.00
      50% above
    } of amt of each sell
      settled quarterly
}`)
	st := settle(t, p, "", "2025-01-01", "2025-03-31", ledger(t, p, "",
		"sell 2025-02-10 actor=ana amt=100.00",
		"sell 2025-03-10 actor=ana amt=100.00"))
	sameList(t, "fiscal windows", clauseTotals(st), []string{
		// February, fiscal year to Feb 2025: F(100) = 10; March, a new
		// fiscal year: F(100) = 10. One window would give F(200) = 60.
		"2025-Q1 ana>ben 1 USD 20.00",
	})
}

// TestSettleGuaranteeAtVersionEnd: a guarantee of a version deleted by
// an amendment trues up at the version's last settlement period in the
// year, and not after its life (7.4 step 7, 9.2). Before the fix the
// true-up came at the year's end, in Q4.
func TestSettleGuaranteeAtVersionEnd(t *testing.T) {
	p := compile(t, `
agreement g "Guarantee" {
  effective 2025-01-01
  currency USD
  party ana "ANA"
  party ben "BEN"
  action sell { amt money }
  clause 1 "Royalty"
    ana pays ben 10% of amt of each sell
      settled quarterly
      minimum guarantee USD 1000.00 per year
}
amendment am1 "Stop" amends g {
  effective 2025-05-16
  delete clause 1
}`)
	st := settle(t, p, "", "2025-01-01", "2026-12-31", ledger(t, p, "",
		"sell 2025-02-01 actor=ana amt=100.00",
		"sell 2025-05-01 actor=ana amt=200.00",
		"sell 2025-12-01 actor=ana amt=100.00"))
	sameList(t, "lines", lineList(st), []string{
		"2025-Q1 ana>ben 1 share 2025-03-31 due 2025-03-31 USD 10.00",
		"2025-Q2 ana>ben 1 share 2025-06-30 due 2025-06-30 USD 20.00",
		// The life ends 2025-05-15, in Q2, its last period: 1,000.00 −
		// (10.00 + 20.00) = 970.00. The December sale counts for
		// nothing, and 2026 has no true-up.
		"2025-Q2 ana>ben 1 true-up 2025-06-30 due 2025-06-30 USD 970.00",
	})
}

// TestSettleGuaranteeVersionEndedBeforeStatementEnd: the statement ends
// inside the version's last period but after its life: the period is
// settled (dated at the statement's end), and the guarantee trues up.
// Before the fix the lines were dated at the period's end, after the
// statement, and left out.
func TestSettleGuaranteeVersionEndedBeforeStatementEnd(t *testing.T) {
	p := compile(t, `
agreement g "Guarantee" {
  effective 2025-01-01
  currency USD
  party ana "ANA"
  party ben "BEN"
  action sell { amt money }
  clause 1 "Royalty"
    ana pays ben 10% of amt of each sell
      settled quarterly
      minimum guarantee USD 1000.00 per year
}
amendment am1 "Stop" amends g {
  effective 2025-05-16
  delete clause 1
}`)
	st := settle(t, p, "", "2025-01-01", "2025-05-31", ledger(t, p, "",
		"sell 2025-02-01 actor=ana amt=100.00"))
	sameList(t, "lines", lineList(st), []string{
		"2025-Q1 ana>ben 1 share 2025-03-31 due 2025-03-31 USD 10.00",
		// Q2 has no sales; the life ended 2025-05-15, before the
		// statement's end: 1,000.00 − 10.00 = 990.00, due at the
		// quarter's end.
		"2025-Q2 ana>ben 1 true-up 2025-05-31 due 2025-06-30 USD 990.00",
	})
	// The same with a row after the life (it counts for nothing): the
	// row closes Q2 of the ended version before the statement's end.
	st = settle(t, p, "", "2025-01-01", "2025-05-31", ledger(t, p, "",
		"sell 2025-02-01 actor=ana amt=100.00",
		"sell 2025-05-20 actor=ana amt=100.00"))
	sameList(t, "lines with a row after the life", lineList(st), []string{
		"2025-Q1 ana>ben 1 share 2025-03-31 due 2025-03-31 USD 10.00",
		"2025-Q2 ana>ben 1 true-up 2025-05-31 due 2025-06-30 USD 990.00",
	})
}
