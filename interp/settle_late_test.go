package interp_test

import (
	"fmt"
	"testing"
)

// TestSettleLateChargeOnePerLine: a line paid late in parts bears one late
// charge per modifier, and its cap holds for the whole line (SPEC 6.5).
func TestSettleLateChargeOnePerLine(t *testing.T) {
	p := compile(t, `
agreement parts "Late parts" {
  effective 2027-01-01
  currency USD
  party r    "R"
  party lab  "Lab"
  party fund "Fund"
  party svc  "Svc"
  event payment { payer party  payee party  amount money }

  clause 1 "Fee"
    r pays lab USD 1,000.00 on 2027-01-01
      due within 30 days
      late interest 1% per month capped at USD 25.00

  clause 2 "Service"
    r pays fund USD 2,000.00 on 2027-01-01
      due within 10 days
      late penalty USD 5.00 per day capped at USD 30.00

  clause 3 "Support"
    r pays svc USD 1,000.00 on 2027-01-01
      due within 30 days
      late interest 1% per month capped at USD 25.00
}`)
	recs := ledger(t, p, "",
		"payment 2027-01-15 payer=r payee=fund amount=1,000.00",
		"payment 2027-01-20 payer=r payee=fund amount=1,000.00",
		"payment 2027-03-15 payer=r payee=lab amount=500.00",
		"payment 2027-03-15 payer=r payee=svc amount=500.00",
		"payment 2027-05-15 payer=r payee=lab amount=500.00",
	)
	st := settle(t, p, "", "2027-01-01", "2027-06-30", recs)
	sameList(t, "late charges", lineList(st), []string{
		"2027-Q1 r>lab 1 payment 2027-01-01 due 2027-01-31 USD 1,000.00",
		// Due 2027-01-31. 500.00 paid 03-15: + 1 month = 02-28 is before,
		// + 2 = 03-31 is not: 2 periods, 500.00 × 1% × 2 = 10.00. 500.00
		// paid 05-15: 04-30 is before, 05-31 not: 4 periods, 500.00 × 1% ×
		// 4 = 20.00. One line for the whole fee, on the day it was paid in
		// full: 10.00 + 20.00 = 30.00, capped at 25.00 (two lines of 10.00
		// and 20.00, each under the cap, would charge 30.00).
		"2027-Q2 r>lab 1 late interest 2027-05-15 due 2027-05-15 USD 25.00",
		"2027-Q1 r>fund 2 payment 2027-01-01 due 2027-01-11 USD 2,000.00",
		// Due 2027-01-11, paid in full 01-20: 9 days × 5.00 = 45.00,
		// capped at 30.00, once (not 4 days × 5.00 = 20.00 for the first
		// half and 30.00 again for the second).
		"2027-Q1 r>fund 2 late penalty 2027-01-20 due 2027-01-20 USD 30.00",
		"2027-Q1 r>svc 3 payment 2027-01-01 due 2027-01-31 USD 1,000.00",
		// 500.00 paid 03-15 bears 10.00 (as above); 500.00 still unpaid on
		// 06-30: + 5 months = 06-30, 5 periods, 500.00 × 1% × 5 = 25.00.
		// 10.00 + 25.00 = 35.00, capped at 25.00, one line on 06-30.
		"2027-Q2 r>svc 3 late interest 2027-06-30 due 2027-06-30 USD 25.00",
	})
	var got []string
	for _, o := range st.Overdue {
		got = append(got, fmt.Sprintf("%s %s %s charge %s", o.Line.Clause.Num, o.Line.Kind, money(o.Outstanding), money(o.LateCharge)))
	}
	sameList(t, "overdue", got, []string{
		// The support fee's charge as of 06-30 is the line's whole charge,
		// capped: 25.00. The late charges due 05-15 and 01-20 are unpaid
		// and never charged for delay; the one due 06-30 is not yet late.
		"3 payment USD 500.00 charge USD 25.00",
		"1 late interest USD 25.00 charge USD 0.00",
		"2 late penalty USD 30.00 charge USD 0.00",
	})
}
