package interp_test

import (
	"context"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// Every line says which rule made its due date, and every overdue amount
// how its days late were counted (SPEC 6.1, 6.5). The dates are worked
// by hand in the comments; none is copied from the program's output.
func TestDueRules(t *testing.T) {
	p := compile(t, `
agreement dr "Due rules" {
  effective 2027-01-01
  ends 2028-03-15
  currency USD
  party r "R"
  party s "S"
  calendar uk {
    holidays 2027-12-24
  }
  action sell { gross money }
  event payment { payer party  payee party  amount money }

  clause 1 "Leap month end"
    r pays s USD 100.00 on 2028-01-31 due within 1 month
  clause 2 "Installments from a month end"
    r pays s USD 200.00 in 2 equal monthly installments from 2027-01-31 due within 30 days
  clause 3 "Holiday before a weekend"
    r pays s USD 300.00 on 2027-11-24 due within 30 days adjusted to the preceding business day
  clause 4 "Per sale"
    r pays s USD 5.00 on each sell due within 2 weeks
  clause 5 "Royalty"
    r pays s 10% of gross of each sell settled monthly
  clause 6 "Plain payment"
    s pays r USD 50.00 on 2027-06-01
    late penalty USD 1.00 per day
}`)
	recs := ledger(t, p, "",
		"sell 2027-02-20 actor=r gross=1,000.00",
		"payment 2027-06-04 payer=s payee=r amount=50.00",
		"sell 2028-03-10 actor=r gross=1,000.00",
	)
	st := settle(t, p, "", "2027-01-01", "2028-03-15", recs)
	var got []string
	for _, l := range st.Lines {
		got = append(got, l.Clause.Num+" "+l.Kind+" "+l.DueRule)
	}
	sameList(t, "due rules", got, []string{
		// 2028-01-31 + 1 month: February 2028 has 29 days (2028 is a
		// leap year), so the 31st is clamped to the 29th.
		"1 payment due 1 month after 2028-01-31 (the payment date): 2028-02-29",
		// 2027-01-31 + 30 days: 28 days to 2027-02-28, 2 more: 2027-03-02.
		"2 installment due 30 days after 2027-01-31 (the installment date, the first): 2027-03-02",
		// The second installment is 2027-01-31 + 1 month = 2027-02-28
		// (clamped); + 30 days: 31 days of March less 1 = 2027-03-30.
		"2 installment due 30 days after 2027-02-28 (the installment date, 2027-01-31 + 1 month): 2027-03-30",
		// 2027-11-24 + 30 days: 6 days to 2027-11-30, 24 more:
		// 2027-12-24, a Friday and a holiday, before a weekend; the
		// preceding business day is Thursday 2027-12-23.
		"3 payment due 30 days after 2027-11-24 (the payment date): 2027-12-24 is a holiday, moved to Thursday 2027-12-23 by the preceding-business-day rule (calendar uk)",
		// 2027-02-20 + 14 days: 8 days to 2027-02-28, 6 more: 2027-03-06.
		"4 milestone due 2 weeks after 2027-02-20 (the day of the sell): 2027-03-06",
		// 2028-03-10 + 14 days = 2028-03-24, after the agreement's end:
		// still the date the rule makes.
		"4 milestone due 2 weeks after 2028-03-10 (the day of the sell): 2028-03-24",
		// Without due, a share is due on its period's last day.
		"5 share due on 2027-02-28 (the last day of 2027-02)",
		// The agreement ends on 2028-03-15, inside March 2028: that day
		// closes the period and is its due date.
		"5 share due on 2028-03-15 (the agreement's last day, in 2028-03)",
		"6 payment due on 2027-06-01 (the payment date)",
		// Paid on 2027-06-04 (the only payment from s to r), 3 days
		// after 2027-06-01: USD 3.00, due at once on the day it was paid
		// in full. (Payment is tracked, so r's unpaid lines are overdue
		// and bear nothing: their clauses have no late modifier.)
		"6 late penalty due at once, on 2027-06-04 (the day the line was paid in full)",
	})
}

// An amount overdue is late by the days from the day after its due date
// to the as-of date, both included (SPEC 6.5).
func TestDaysLateRule(t *testing.T) {
	p := compile(t, `
agreement dl "Days late" {
  effective 2027-01-01
  currency USD
  party r "R"
  party s "S"
  event payment { payer party  payee party  amount money }
  clause 1 "Fee"
    r pays s USD 100.00 on 2028-02-01 due within 27 days
}`)
	recs := ledger(t, p, "", "payment 2027-01-02 payer=r payee=s amount=1.00")
	st := settle(t, p, "", "2028-01-01", "2028-03-31", recs)
	if len(st.Overdue) != 1 {
		t.Fatalf("overdue: %d amounts, want 1", len(st.Overdue))
	}
	o := st.Overdue[0]
	// Due 2028-02-01 + 27 days = 2028-02-28. As of 2028-03-31: 2028-02-29
	// (a leap day) and the 31 days of March, 32 days.
	want := "32 days late, counted from 2028-02-29 (the day after the due date 2028-02-28) to 2028-03-31 (the as-of date), both included"
	if o.DaysLate != 32 || o.DaysLateRule != want {
		t.Errorf("days late %d, %q\nwant 32, %q", o.DaysLate, o.DaysLateRule, want)
	}
}

// An amount still unpaid when the agreement has ended is overdue to the
// as-of date, but its late charge runs to the agreement's last day only
// (SPEC 4.2, 6.5): the overdue amount says so, or its charge cannot be
// checked from its days late (found by review).
func TestDaysLateRuleAfterTheEnd(t *testing.T) {
	p := compile(t, `
agreement de "Days late after the end" {
  effective 2027-01-01
  ends 2027-12-31
  currency USD
  party r "R"
  party s "S"
  event payment { payer party  payee party  amount money }
  clause 1 "Fee"
    r pays s USD 1,000.00 on 2027-11-01 due within 13 days
      late interest 1% per started month from the due date capped at 6%
}`)
	recs := ledger(t, p, "", "payment 2027-01-02 payer=r payee=s amount=1.00")
	st, err := p.Settle(context.Background(), events(recs), interp.SettleOptions{
		From: mustDate(t, "2027-01-01"), To: mustDate(t, "2027-12-31"), AsOf: mustDate(t, "2028-03-31"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Overdue) != 1 {
		t.Fatalf("overdue: %d amounts, want 1", len(st.Overdue))
	}
	o := st.Overdue[0]
	// Due 2027-11-01 + 13 days = 2027-11-14. Days late to 2028-03-31:
	// 16 (15 to 30 November) + 31 + 31 + 29 (2028 is a leap year) + 31 =
	// 138. The interest stops at the agreement's last day, 2027-12-31:
	// 2027-11-14 + 1 month = 2027-12-14 is before it, + 2 months =
	// 2028-01-14 is not, so 2 started months: 1,000.00 × 1% × 2 = 20.00
	// (to the as-of date it would have been 5 months, 50.00).
	want := "138 days late, counted from 2027-11-15 (the day after the due date 2027-11-14) to 2028-03-31 (the as-of date), both included; " +
		"the late charge is counted only to 2027-12-31, the agreement's last day: 2 months late, a month begun counting in full, from 2027-11-14 (the due date)"
	if o.DaysLate != 138 || o.DaysLateRule != want {
		t.Errorf("days late %d, %q\nwant 138, %q", o.DaysLate, o.DaysLateRule, want)
	}
	if got := o.LateCharge.Num().String(); got != "20.00" && got != "20" {
		t.Errorf("late charge %s, want 20.00", got)
	}
}
