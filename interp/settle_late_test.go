package interp_test

import (
	"encoding/json"
	"fmt"
	"strings"
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

// TestSettleZeroLines: one rule for every construct (SPEC 6.1): a line
// whose rounded amount is zero is not shown, unless a note explains why
// the whole amount came to zero (then every part of it is shown).
func TestSettleZeroLines(t *testing.T) {
	p := compile(t, `
agreement zeros "Zero lines" {
  effective 2027-01-01
  currency USD
  party r   "R"
  party a   "A"
  party b   "B"
  action resell { revenue money }
  event release { seats integer }

  clause 1 "Milestone"
    r pays a USD 1.00 * seats on each release

  clause 2 "Split share"
    r pays split { a 99% b 1% } 10% of revenue of each resell by r

  clause 3 "Waterfall share"
    r pays waterfall {
      a up to USD 1.00
      b rest
    } 10% of revenue of each resell by r

  clause 4 "Installments"
    r pays a USD 0.02 in 3 equal monthly installments from 2027-01-31

  clause 5 "Nothing payment"
    r pays b USD 0.00 on 2027-02-01

  clause 6 "Recouped share"
    r pays split { a 50% b 50% } 10% of revenue of each resell by r
      recouping USD 100.00
}`)
	recs := ledger(t, p, "",
		"release 2027-01-05 seats=0",
		"release 2027-01-06 seats=2",
		"resell 2027-01-10 actor=r revenue=5.00",
	)
	st := settle(t, p, "", "2027-01-01", "2027-03-31", recs)
	sameList(t, "lines", lineList(st), []string{
		// Clause 1: 1.00 × 0 seats = 0.00, not shown; 1.00 × 2 = 2.00.
		"2027-Q1 r>a 1 milestone 2027-01-06 due 2027-01-06 USD 2.00",
		// Clause 2: 10% × 5.00 = 0.50; a 99% = 0.495 → 0.49 down, b 1% =
		// 0.005 → 0.00 down; one cent left goes to the larger remainder,
		// b's 0.005 against a's 0.005: a tie, so a (written first): a 0.50,
		// b 0.00, not shown.
		"2027-Q1 r>a 2 share 2027-03-31 due 2027-03-31 USD 0.50",
		// Clause 3: 0.50, all to a (its step holds up to 1.00); b's step
		// gets 0.00, not shown.
		"2027-Q1 r>a 3 share 2027-03-31 due 2027-03-31 USD 0.50",
		// Clause 4: 0.02 in 3: 0.00, 0.00 and the rest 0.02 on 03-31; the
		// zero installments are not shown.
		"2027-Q1 r>a 4 installment 2027-03-31 due 2027-03-31 USD 0.02",
		// Clause 5: a payment of 0.00 is not shown.
		// Clause 6: 0.50 recouped in full (99.50 still to recoup): the
		// whole amount is zero and a note says why, so both parts show.
		"2027-Q1 r>a 6 share 2027-03-31 due 2027-03-31 USD 0.00",
		"2027-Q1 r>b 6 share 2027-03-31 due 2027-03-31 USD 0.00",
	})
}

// TestOverdueWithoutLateTermsJSON: an amount overdue under a clause with
// no late terms bears a late charge of 0, written with the agreement's
// two decimals in JSON as every amount is ("0.00", not "0").
func TestOverdueWithoutLateTermsJSON(t *testing.T) {
	p := compile(t, `
agreement fee "Fee" {
  effective 2027-01-01
  currency USD
  party r   "R"
  party lab "Lab"
  event payment { payer party  payee party  amount money }

  clause 1 "Fee"
    r pays lab USD 100.00 on 2027-01-10
}`)
	// USD 10.00 of the USD 100.00 due 2027-01-10 paid on 01-20: USD 90.00
	// is 21 days late on 2027-01-31 (11 to 31 January, both included),
	// with no late terms.
	recs := ledger(t, p, "", "payment 2027-01-20 payer=r payee=lab amount=10.00")
	st := settle(t, p, "", "2027-01-01", "2027-01-31", recs)
	if len(st.Overdue) != 1 {
		t.Fatalf("overdue %d, want 1", len(st.Overdue))
	}
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"days_late":21,"late_charge":"0.00"`) {
		t.Errorf("JSON %s\nwants \"days_late\":21,\"late_charge\":\"0.00\"", b)
	}
}
