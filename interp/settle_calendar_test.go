package interp_test

import "testing"

// Half years and contract years in a settlement (SPEC 7.2, 11.5). Every
// figure is worked by hand beside it.
func TestSettleHalfAndContractYears(t *testing.T) {
	p := compile(t, `
agreement cy "Contract years" {
  effective 2027-03-15
  ends 2029-03-14
  currency USD
  party r   "Reseller Ltd"
  party lab "Lab Inc"
  action resell { revenue money }

  clause 1 "Tiers by contract year, invoiced monthly"
    r pays lab marginal tiers reset each contract year {
      10% up to USD 1,000.00
      20% above
    } of revenue of each resell by r
      settled monthly

  clause 2 "Contract-year minimum"
    r pays lab 10% of revenue of each resell by r
      settled per contract year
      minimum guarantee USD 200.00 per contract year

  clause 3 "Half-yearly cap"
    r pays lab 10% of revenue of each resell by r
      settled semi-annually
      at most USD 100.00 per half-year
}`)
	recs := ledger(t, p, "",
		"resell 2027-03-20 actor=r revenue=800.00",
		"resell 2028-03-14 actor=r revenue=700.00",
		"resell 2028-03-15 actor=r revenue=900.00",
	)
	st := settle(t, p, "", "2027-03-15", "2029-03-14", recs)
	sameList(t, "contract years", lineList(st), []string{
		// Clause 1. 2027-03: 10% × 800 = 80.00.
		"2027-03 r>lab 1 share 2027-03-31 due 2027-03-31 USD 80.00",
		// 2028-03 holds two contract years: on 2028-03-14 the first one's
		// volume reaches 1,500: 10% × 200 + 20% × 500 = 120.00; on
		// 2028-03-15 the second one starts from zero: 10% × 900 = 90.00.
		// 120.00 + 90.00 = 210.00.
		"2028-03 r>lab 1 share 2028-03-31 due 2028-03-31 USD 210.00",
		// Clause 2, per contract year from 15 March: the first holds
		// 800 + 700 = 1,500, 10% = 150.00, topped up to the 200.00
		// minimum: a line of 150.00 and a true-up of 50.00, on its last
		// day, 2028-03-14.
		"contract year from 2027-03-15 r>lab 2 share 2028-03-14 due 2028-03-14 USD 150.00",
		"contract year from 2027-03-15 r>lab 2 true-up 2028-03-14 due 2028-03-14 USD 50.00",
		// The second, to the agreement's end on 2029-03-14: 10% × 900 =
		// 90.00 and a true-up of 110.00.
		"contract year from 2028-03-15 r>lab 2 share 2029-03-14 due 2029-03-14 USD 90.00",
		"contract year from 2028-03-15 r>lab 2 true-up 2029-03-14 due 2029-03-14 USD 110.00",
		// Clause 3, calendar halves: 2027-H1 has 80.00; 2028-H1 has
		// 10% × (700 + 900) = 160.00, cut to the 100.00 cap.
		"2027-H1 r>lab 3 share 2027-06-30 due 2027-06-30 USD 80.00",
		"2028-H1 r>lab 3 share 2028-06-30 due 2028-06-30 USD 100.00",
	})
}

// Late interest counted by the day and by whole periods (SPEC 6.6): the
// charge and the note that says how the delay was counted.
func TestSettleDayCounts(t *testing.T) {
	p := compile(t, `
agreement dc "Day counts" {
  effective 2027-01-01
  currency USD
  party r  "R"
  party s1 "S1"
  party s2 "S2"
  party s3 "S3"
  event payment { payer party  payee party  amount money }

  clause 1 "Actual/365"
    r pays s1 USD 10,000.00 on 2028-01-01 due within 31 days
      late interest 8% per year counted daily (actual/365)
  clause 2 "30/360"
    r pays s2 USD 3,600.00 on 2027-01-31
      late interest 10% per year counted daily (30/360)
  clause 3 "Whole months"
    r pays s3 USD 1,000.00 on 2027-01-31
      late interest 1% per whole month from the day after the due date
}`)
	recs := ledger(t, p, "",
		"payment 2027-03-31 payer=r payee=s2 amount=3,600.00",
		"payment 2027-04-30 payer=r payee=s3 amount=1,000.00",
		"payment 2028-03-03 payer=r payee=s1 amount=10,000.00",
	)
	st := settle(t, p, "", "2027-01-01", "2028-12-31", recs)
	var got []string
	for _, l := range st.Lines {
		if l.Kind == "late interest" {
			got = append(got, l.Payee+" "+money(l.Amount)+" "+l.Notes[0])
		}
	}
	sameList(t, "late interest", got, []string{
		// Due 2028-01-01 + 31 days = 2028-02-01, paid 2028-03-03: 29 days
		// of February 2028 and 2 of March, 31 days.
		// 10,000.00 × 8% × 31 / 365 = 24,800 / 365 = 67.945… = 67.95.
		"s1 USD 67.95 paid USD 10,000.00 on 2028-03-03, due 2028-02-01: 31 days actual/365, from 2028-02-01 (the due date)",
		// 2027-01-31 to 2027-03-31 under 30/360: both 31sts become 30ths,
		// 30 × 2 = 60 days. 3,600.00 × 10% × 60 / 360 = 60.00.
		"s2 USD 60.00 paid USD 3,600.00 on 2027-03-31, due 2027-01-31: 60 days 30/360, from 2027-01-31 (the due date)",
		// Delay from 2027-02-01; whole months to 2027-04-30: 2027-03-01
		// and 2027-04-01 are reached, 2027-05-01 is not: 2 months.
		// 1,000.00 × 1% × 2 = 20.00.
		"s3 USD 20.00 paid USD 1,000.00 on 2027-04-30, due 2027-01-31: 2 whole months late, only whole months counting, from 2027-02-01 (the day after the due date)",
	})
}

// Due dates moved by business-day rules, and counted in business days
// (SPEC 11.6): each line says how its due date was made. The weekdays are
// worked out in interp/types/business_days_test.go.
func TestSettleBusinessDays(t *testing.T) {
	p := compile(t, `
agreement bd "Business days" {
  effective 2027-01-01
  currency USD
  party r "R"
  party s "S"
  calendar us {
    weekends Saturday, Sunday
    holidays 2027-05-31, 2027-12-24, 2027-12-31
  }
  action sell { gross money }

  clause 1 "Following"
    r pays s USD 100.00 on 2027-03-31 due within 45 days adjusted to the following business day
  clause 2 "Business days"
    r pays s USD 200.00 on 2027-12-20 due within 10 business days
  clause 3 "Month end"
    r pays s 10% of gross of each sell settled monthly adjusted to the modified following business day
  clause 4 "Holiday before a weekend"
    r pays s USD 300.00 on 2027-12-24 adjusted to the following business day in us
}`)
	recs := ledger(t, p, "", "sell 2027-07-10 actor=r gross=100.00")
	st := settle(t, p, "", "2027-01-01", "2027-12-31", recs)
	var got []string
	for _, l := range st.Lines {
		got = append(got, l.Clause.Num+" due "+l.Due.String()+": "+l.Notes[len(l.Notes)-1])
		if l.DueRule != l.Notes[len(l.Notes)-1] {
			t.Errorf("clause %s: due rule %q, note %q: a business-day note is the due rule", l.Clause.Num, l.DueRule, l.Notes[len(l.Notes)-1])
		}
	}
	sameList(t, "due dates", got, []string{
		// 2027-03-31 + 45 days = 2027-05-15, a Saturday.
		"1 due 2027-05-17: due 45 days after 2027-03-31 (the payment date): 2027-05-15 is a Saturday, moved to Monday 2027-05-17 by the following-business-day rule (calendar us)",
		// Ten business days from Monday 2027-12-20, skipping the holidays
		// on Fridays 24 and 31 December: Wednesday 2028-01-05.
		"2 due 2028-01-05: due 10 business days after 2027-12-20 (the payment date), calendar us: Wednesday 2028-01-05",
		// July's line is due on its last day, Saturday 2027-07-31; the next
		// business day is in August, so it goes back to Friday 2027-07-30.
		"3 due 2027-07-30: due on 2027-07-31 (the last day of 2027-07): 2027-07-31 is a Saturday, moved to Friday 2027-07-30 by the modified-following-business-day rule (calendar us)",
		// Friday 2027-12-24 is a holiday before a weekend: Monday 2027-12-27.
		"4 due 2027-12-27: due on 2027-12-24 (the payment date): 2027-12-24 is a holiday, moved to Monday 2027-12-27 by the following-business-day rule (calendar us)",
	})
}

// Semi-annual installments are six months apart, each counted from the
// first date with the end-of-month rule (SPEC 6.3, 11.5).
func TestSettleSemiAnnualInstallments(t *testing.T) {
	p := compile(t, `
agreement si "Semi-annual" {
  effective 2027-01-01
  currency USD
  party r "R"
  party s "S"
  clause 1 "Fee" r pays s USD 100.00 in 4 equal semi-annual installments from 2028-02-29
}`)
	st := settle(t, p, "", "2027-01-01", "2029-12-31", nil)
	sameList(t, "installments", lineList(st), []string{
		// 100.00 / 4 = 25.00 each. From 2028-02-29: + 6 months =
		// 2028-08-29, + 12 months = 2029-02-28 (February 2029 has 28
		// days), + 18 months = 2029-08-29 (from the first date, not from
		// 2029-02-28).
		"2028-Q1 r>s 1 installment 2028-02-29 due 2028-02-29 USD 25.00",
		"2028-Q3 r>s 1 installment 2028-08-29 due 2028-08-29 USD 25.00",
		"2029-Q1 r>s 1 installment 2029-02-28 due 2029-02-28 USD 25.00",
		"2029-Q3 r>s 1 installment 2029-08-29 due 2029-08-29 USD 25.00",
	})
}
