package interp_test

import "testing"

// A late charge cut by its cap says so in its note, with what it came to
// before the cap (as a share's cap does); one under its cap does not.
func TestLateChargeCapIsShown(t *testing.T) {
	p := compile(t, `
agreement a "A" {
  effective 2027-01-01
  currency GBP
  party p "P"
  party q "Q"
  party s "S"
  event payment { payer party  payee party  amount money }
  clause 1 "Capped" p pays q GBP 10,000.00 on 2027-01-10 due within 30 days
    late interest 1% per month capped at 2%
  clause 2 "Under the cap" p pays s GBP 10,000.00 on 2027-01-10 due within 30 days
    late interest 1% per month capped at 12%
}
`)
	recs := ledger(t, p, "",
		"payment 2027-07-01 payer=p payee=q amount=10,000.00",
		"payment 2027-07-01 payer=p payee=s amount=10,000.00",
	)
	st := settle(t, p, "", "2027-01-01", "2027-09-30", recs)
	// Both are due 2027-01-10 + 30 days = 2027-02-09 and paid 2027-07-01:
	// months started from 02-09: to 03-09, 04-09, 05-09, 06-09 and the one
	// from 06-09 under way on 07-01, 5 in all. 5 × 1% × 10,000.00 =
	// 500.00. Clause 1's cap, 2% × 10,000.00 = 200.00, cuts it to 200.00;
	// clause 2's, 1,200.00, does not.
	var got []string
	for _, l := range st.Lines {
		if l.Kind == "late interest" {
			got = append(got, l.Clause.Num+" "+money(l.Amount)+" "+l.Notes[0])
		}
	}
	sameList(t, "late interest", got, []string{
		"1 GBP 200.00 paid GBP 10,000.00 on 2027-07-01, due 2027-02-09: 5 months late, a month begun counting in full, from 2027-02-09 (the due date); cut to the cap of GBP 200.00 from GBP 500.00",
		"2 GBP 500.00 paid GBP 10,000.00 on 2027-07-01, due 2027-02-09: 5 months late, a month begun counting in full, from 2027-02-09 (the due date)",
	})
}
