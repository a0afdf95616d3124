package interp_test

import (
	"fmt"
	"testing"
)

// A floor across clauses with a due rule (SPEC 7.4.1): the true-up is
// due counted from the last day of the floor's window.
const jointFloorDueSrc = `agreement fd "Floor due" {
  effective 2027-01-01
  ends 2028-06-30
  currency USD
  party r "R"
  party v "V"
  action sell { net money }
  clause 5.1 "New sales" r pays v 10% of net of each sell by r settled quarterly
  clause 5.2 "Renewals" r pays v 5% of net of each sell by r settled monthly
  clause 5.3 "Commitment"
    clauses 5.1 and 5.2 together at least USD 160.00 per year, at least USD 400.00 over the term
      due 30 days after period end
}`

func TestSettleJointFloorDue(t *testing.T) {
	p := compile(t, jointFloorDueSrc)
	st := settle(t, p, "", "2027-01-01", "2028-06-30", ledger(t, p, "",
		"sell 2027-01-15 actor=r net=400.00",
		"sell 2028-02-15 actor=r net=1,000.00",
	))
	// 2027: 5.2 January 5% × 400.00 = 20.00, 5.1 Q1 10% × 400.00 = 40.00;
	// 60.00 is 100.00 short of 160.00. The window ends 2027-12-31: due 30
	// days after it, 2027-12-31 + 30 days = 2028-01-30 (31 December not
	// counted; 1 January is the first day, 30 January the thirtieth).
	// 2028, cut short by the agreement's end on 2028-06-30: 5.2 February
	// 5% × 1,000.00 = 50.00, 5.1 Q1 10% × 1,000.00 = 100.00; 150.00 is
	// 10.00 short of 160.00, due 2028-06-30 + 30 days = 2028-07-30.
	// Over the term: 60.00 + 100.00 + 150.00 + 10.00 = 320.00 (the yearly
	// true-ups count), 80.00 short of 400.00, due 2028-07-30 as well. The
	// line over the term is in 5.1's settlement period of its date,
	// 2028-Q2.
	sameList(t, "true-ups", lineList(st, "5.3"), []string{
		"2027 r>v 5.3 true-up 2027-12-31 due 2028-01-30 USD 100.00",
		"2028 r>v 5.3 true-up 2028-06-30 due 2028-07-30 USD 10.00",
		"2028-Q2 r>v 5.3 true-up 2028-06-30 due 2028-07-30 USD 80.00",
	})
	var rules []string
	for _, l := range st.Lines {
		if l.Clause.Num == "5.3" {
			rules = append(rules, l.DueRule)
		}
	}
	sameList(t, "due rules", rules, []string{
		"due 30 days after 2027-12-31 (the last day of 2027): 2028-01-30",
		"due 30 days after 2028-06-30 (the agreement's last day, in 2028): 2028-07-30",
		"due 30 days after 2028-06-30 (the agreement's last day): 2028-07-30",
	})
}

// Without a due rule the true-up is due on the window's last day, and
// its due rule says so.
func TestSettleJointFloorDueDefault(t *testing.T) {
	p := compile(t, jointFloorSrc)
	st := settle(t, p, "", "2027-01-01", "2027-12-31", nil)
	// No sale in 2027: the year is trued up in full, 80.00.
	var got []string
	for _, l := range st.Lines {
		got = append(got, fmt.Sprintf("%s %s: %s", l.Due, money(l.Amount), l.DueRule))
	}
	sameList(t, "default", got, []string{
		"2027-12-31 USD 80.00: due on 2027-12-31 (the last day of 2027)",
	})
}

// An unpaid true-up is overdue after its due date and bears the clause's
// late interest, as any line does (SPEC 6.5).
func TestSettleJointFloorOverdue(t *testing.T) {
	p := compile(t, `agreement od "Overdue floor" {
  effective 2027-01-01
  currency USD
  party r "R"
  party v "V"
  action sell { net money }
  event payment { payer party  payee party  amount money }
  clause 5.1 "New sales" r pays v 10% of net of each sell by r settled quarterly
  clause 5.2 "Renewals" r pays v 5% of net of each sell by r settled quarterly
  clause 5.3 "Commitment"
    clauses 5.1 and 5.2 together at least USD 1,000.00 per year
      due 30 days after period end
      late interest 1% per month
}`)
	st := settle(t, p, "", "2027-01-01", "2028-03-31", ledger(t, p, "",
		"payment 2028-02-15 payer=r payee=v amount=400.00",
	))
	// No sale: 2027 is trued up in full, 1,000.00, due 2027-12-31 + 30
	// days = 2028-01-30. 400.00 is paid on 2028-02-15; 600.00 is unpaid
	// on 2028-03-31 (the as-of date), late by the days from 2028-01-31 to
	// 2028-03-31, both included: 1 + 29 (February 2028) + 31 = 61.
	// Late interest, per started month after 2028-01-30: the 400.00 paid
	// 02-15 is within 1 month (01-30 + 1 month = 02-29): 400.00 × 1% × 1
	// = 4.00; the 600.00 unpaid on 03-31: + 2 months = 03-30 is before
	// it, + 3 = 04-30 is not: 3 months, 600.00 × 1% × 3 = 18.00. The
	// line's whole charge as of 03-31: 4.00 + 18.00 = 22.00.
	var got []string
	for _, o := range st.Overdue {
		got = append(got, fmt.Sprintf("%s %s due %s: %s, %d days late, charge %s", o.Line.Clause.Num, o.Line.Kind, o.Line.Due,
			money(o.Outstanding), o.DaysLate, money(o.LateCharge)))
	}
	if len(got) == 0 || got[0] != "5.3 true-up due 2028-01-30: USD 600.00, 61 days late, charge USD 22.00" {
		t.Errorf("overdue: %q", got)
	}
}

// The due date moves off a day that is not a business day.
func TestSettleJointFloorDueBusinessDay(t *testing.T) {
	p := compile(t, `agreement bd "Floor business day" {
  effective 2027-01-01
  currency USD
  calendar c {
    weekends Saturday, Sunday
  }
  party r "R"
  party v "V"
  action sell { net money }
  clause 5.1 "New sales" r pays v 10% of net of each sell by r settled quarterly
  clause 5.2 "Renewals" r pays v 5% of net of each sell by r settled quarterly
  clause 5.3 "Commitment"
    clauses 5.1 and 5.2 together at least USD 50.00 per year
      due 30 days after period end adjusted to the following business day
}`)
	st := settle(t, p, "", "2027-01-01", "2027-12-31", nil)
	// 2027-12-31 + 30 days = 2028-01-30; 2028-01-01 is a Saturday, so
	// are 01-08, 01-15, 01-22 and 01-29, and 01-30 is a Sunday: the
	// following business day is Monday 2028-01-31.
	var got []string
	for _, l := range st.Lines {
		got = append(got, fmt.Sprintf("%s %s: %s", l.Due, money(l.Amount), l.DueRule))
	}
	sameList(t, "business day", got, []string{
		"2028-01-31 USD 50.00: due 30 days after 2027-12-31 (the last day of 2027): 2028-01-30 is a Sunday, moved to Monday 2028-01-31 by the following-business-day rule (calendar c)",
	})
}

// A termination (SPEC 5.6) closes the floor's last window at the end of
// the last of the named shares' settlement periods that hold the
// agreement's last day in force; nothing is trued up after it.
func TestSettleJointFloorTerminated(t *testing.T) {
	p := compile(t, `agreement e "Ended" {
  effective 2027-01-01
  currency USD
  party x "X"
  party y "Y"
  action sell { gross money }
  event termination { notice_by party  under_clause text }
  clause 5.1 "Share" x pays y 10% of gross of each sell by x settled quarterly
  clause 5.2 "Other" x pays y 5% of gross of each sell by x settled monthly
  clause 5.3 "Floor"
    clauses 5.1 and 5.2 together at least USD 100.00 per year
      due 30 days after period end
  clause 12.1 "Convenience" y may terminate on 90 days notice
}`)
	st := settle(t, p, "", "", "2029-06-30", ledger(t, p, "",
		"sell 2027-01-05 actor=x gross=50.00",
		"termination 2027-01-10 notice_by=y under_clause=12.1",
		"sell 2027-04-05 actor=x gross=100.00",
	))
	// Notice on 2027-01-10 takes effect 90 days later, 2027-04-10; the
	// last day in force is 2027-04-09. It falls in 5.1's 2027-Q2 (ends
	// 06-30) and 5.2's April (ends 04-30): the 2027 window closes on
	// 2027-06-30. Paid in it: 5.1 Q1 10% × 50.00 = 5.00, Q2 10% × 100.00
	// = 10.00; 5.2 January 5% × 50.00 = 2.50, April 5% × 100.00 = 5.00;
	// 22.50 in all, 77.50 short of 100.00 (not prorated), due 2027-06-30
	// + 30 days = 2027-07-30. No true-up for 2028: the clause has ended.
	var got []string
	for _, l := range st.Lines {
		if l.Clause.Num == "5.3" {
			got = append(got, fmt.Sprintf("%s %s due %s %s: %s", l.Period, l.Date, l.Due, money(l.Amount), l.DueRule))
		}
	}
	sameList(t, "terminated", got, []string{
		"2027 2027-06-30 due 2027-07-30 USD 77.50: due 30 days after 2027-06-30 (the last day of the settlement periods the termination cut short, in 2027): 2027-07-30",
	})
}

// The due rule of the clause in force on the window's last day applies
// (SPEC 7.4.1, 9.3): an amendment from 2028 gives 60 days.
func TestSettleJointFloorDueAmended(t *testing.T) {
	p := compile(t, jointFloorDueSrc, `amendment fd2 "Longer" amends fd {
  effective 2028-01-01
  replace clause 5.3 "Commitment"
    clauses 5.1 and 5.2 together at least USD 160.00 per year, at least USD 400.00 over the term
      due 60 days after period end
}`)
	st := settle(t, p, "", "2027-01-01", "2028-06-30", ledger(t, p, "",
		"sell 2027-01-15 actor=r net=400.00",
		"sell 2028-02-15 actor=r net=1,000.00",
	))
	// The amounts are those of TestSettleJointFloorDue. The 2027 window
	// ends under the first version: 2027-12-31 + 30 days = 2028-01-30.
	// The 2028 window and the term end on 2028-06-30, under the
	// amendment: 2028-06-30 + 60 days = 2028-08-29 (30 days to the end
	// of July, then 29 of August).
	sameList(t, "amended", lineList(st, "5.3"), []string{
		"2027 r>v 5.3 true-up 2027-12-31 due 2028-01-30 USD 100.00",
		"2028 r>v 5.3 true-up 2028-06-30 due 2028-08-29 USD 10.00",
		"2028-Q2 r>v 5.3 true-up 2028-06-30 due 2028-08-29 USD 80.00",
	})
}
