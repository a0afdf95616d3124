package interp_test

import "testing"

// TestStatementEventsCountsRowsThatCount: Statement.Events counts the
// ledger rows the settlement took into account (SPEC 4.2, 7.6): a row
// before the agreement takes effect or after it ends counts for nothing
// and is not counted, but a payment after the end still pays what was
// owed and is counted.
func TestStatementEventsCountsRowsThatCount(t *testing.T) {
	p := compile(t, `
agreement spanned "Spanned" {
  effective 2027-01-01
  ends 2027-06-30
  currency USD
  party r   "R"
  party lab "Lab"
  action resell { revenue money }
  event payment { payer party  payee party  amount money }
  clause 5.1 "Royalty"
    r pays lab 10% of revenue of each resell by r
      settled quarterly
}`)
	st := settle(t, p, "", "", "", ledger(t, p, "",
		"resell 2026-12-31 actor=r revenue=100.00",          // before: nothing
		"resell 2027-01-10 actor=r revenue=100.00",          // counted
		"resell 2027-06-30 actor=r revenue=100.00",          // the last day: counted
		"payment 2027-07-05 payer=r payee=lab amount=20.00", // after, a payment: counted
		"resell 2027-07-06 actor=r revenue=100.00",          // after: nothing
	))
	// Counted: 2027-01-10, 2027-06-30 and the payment = 3 rows of 5.
	// Before the fix all 5 were counted.
	if st.Events != 3 {
		t.Errorf("%d events counted, want 3", st.Events)
	}
	// The rows outside the term count for nothing: 2027-Q1 owes 10% of
	// USD 100.00 = 10.00, and 2027-Q2 10% of USD 100.00 = 10.00; the
	// payment of 20.00 pays both, so nothing is overdue.
	if got := clauseTotals(st); len(got) != 2 || got[0] != "2027-Q1 r>lab 5.1 USD 10.00" || got[1] != "2027-Q2 r>lab 5.1 USD 10.00" {
		t.Errorf("lines %q", got)
	}
	if len(st.Overdue) != 0 {
		t.Errorf("%d overdue, want none", len(st.Overdue))
	}
}
