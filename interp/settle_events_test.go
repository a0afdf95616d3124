package interp_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

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
	// The statement says which rows the term left out (SPEC 4.2): the
	// resell of 2026-12-31 before it and that of 2027-07-06 after it.
	if st.RowsBeforeTerm != 1 || st.RowsAfterTerm != 1 {
		t.Errorf("rows outside the term: %d before, %d after; want 1 and 1", st.RowsBeforeTerm, st.RowsAfterTerm)
	}
	var b bytes.Buffer
	if err := st.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := "  2 ledger rows dated outside the term, 2027-01-01 to 2027-06-30 (both days included), count for nothing: 1 before it, 1 after it\n"
	if !strings.Contains(b.String(), want) {
		t.Errorf("statement lacks %q:\n%s", want, b.String())
	}
}

// TestMilestoneEachGathersADay: the instances of one day of an `on each`
// milestone make one line (SPEC 6.4), so that lines, obligations and the
// history for `owed` grow with days, not ledger rows; a payment of the
// same day pays the day's line, once it has paid the older lines, even
// though a release of that day comes after it in the ledger.
func TestMilestoneEachGathersADay(t *testing.T) {
	p := compile(t, `
agreement gather "Gather" {
  effective 2027-01-01
  currency USD
  party r   "R"
  party lab "Lab"
  event release { seats integer }
  event payment { payer party  payee party  amount money }
  clause 4.1 "Per release"
    r pays lab USD 0.333 * seats on each release due within 14 days
}`)
	st := settle(t, p, "", "", "2027-03-31", ledger(t, p, "",
		"release 2027-01-06 seats=1",
		"release 2027-01-06 seats=2",
		"release 2027-01-06 seats=1",
		"release 2027-01-07 seats=2",
		"release 2027-01-08 seats=1",
		"payment 2027-01-08 payer=r payee=lab amount=2.33",
		"release 2027-01-08 seats=2",
	))
	// Each instance is rounded half-even to 0.01 on its own: 1 seat is
	// 0.333 → 0.33, 2 seats 0.666 → 0.67.
	// 2027-01-06: 0.33 + 0.67 + 0.33 = 1.33, due 01-06 + 14 days = 01-20.
	// 2027-01-07: 0.67, due 01-21.
	// 2027-01-08: 0.33 + 0.67 = 1.00, due 01-22.
	want := []string{
		"2027-01-06 USD 1.33 due 2027-01-20 [on 3 × release of 2027-01-06]",
		"2027-01-07 USD 0.67 due 2027-01-21 [on release of 2027-01-07]",
		"2027-01-08 USD 1.00 due 2027-01-22 [on 2 × release of 2027-01-08]",
	}
	var got []string
	for _, l := range st.Lines {
		got = append(got, fmt.Sprintf("%s %s due %s %v", l.Date, money(l.Amount), l.Due, l.Notes))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The payment of 2.33 pays 1.33 (01-06) and 0.67 (01-07), and its last
	// 2.33 − 1.33 − 0.67 = 0.33 goes to the 1.00 of 01-08. So
	// 1.00 − 0.33 = 0.67 of the 01-08 line is overdue on 2027-03-31,
	// 68 days after 01-22 (9 days of January, 28 of February, 31 of March).
	if len(st.Overdue) != 1 || money(st.Overdue[0].Outstanding) != "USD 0.67" ||
		st.Overdue[0].Line.Date.String() != "2027-01-08" || st.Overdue[0].DaysLate != 68 {
		for _, o := range st.Overdue {
			t.Logf("overdue %s %s of %s, %d days", o.Line.Date, money(o.Outstanding), money(o.Line.Amount), o.DaysLate)
		}
		t.Errorf("want USD 0.67 of the 2027-01-08 line overdue, 68 days late")
	}
	if st.Events != 7 {
		t.Errorf("%d events, want 7", st.Events)
	}
}
