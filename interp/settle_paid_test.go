package interp_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
)

// overdueList lists what a statement reports overdue.
func overdueList(st *result.Statement) []string {
	var out []string
	for _, o := range st.Overdue {
		out = append(out, fmt.Sprintf("%s %s due %s outstanding %s charge %s", o.Line.Clause.Num, o.Line.Kind, o.Line.Due,
			money(o.Outstanding), money(o.LateCharge)))
	}
	return out
}

// TestSettlePaymentOnTheDayLinesAccrue: a payment pays the open lines
// accrued on or before its date (SPEC 6.5), whatever the order of the rows
// of that date (7.6): a payment on a period's last day pays that period's
// share line, and a milestone of the same day recorded after it.
func TestSettlePaymentOnTheDayLinesAccrue(t *testing.T) {
	p := compile(t, `
agreement paid "Paid on the day" {
  effective 2025-01-01
  currency USD
  party cy  "CY"
  party ana "ANA"
  action lease { amt money }
  event payment { payer party  payee party  amount money }

  clause 3 "Royalty"
    cy pays ana 10% of amt of each lease
      late penalty USD 8.00 per year

  clause 4 "Fee"
    cy pays ana USD 50.00 on each lease
      late penalty USD 8.00 per year
}`)
	recs := ledger(t, p, "",
		"payment 2025-06-30 payer=cy payee=ana amount=150.00",
		"lease 2025-06-30 actor=cy amt=1,000.00",
	)
	st := settle(t, p, "", "2025-01-01", "2025-12-31", recs)
	sameList(t, "lines", lineList(st), []string{
		// Q2: 10% × 1,000.00 = 100.00, accrued and due 2025-06-30.
		"2025-Q2 cy>ana 3 share 2025-06-30 due 2025-06-30 USD 100.00",
		// 50.00 on the lease of 2025-06-30, due that day.
		"2025-Q2 cy>ana 4 milestone 2025-06-30 due 2025-06-30 USD 50.00",
		// The payment of 150.00 on 2025-06-30 pays 100.00 + 50.00 on
		// their due date: no delay, no penalty (the engine charged 8.00 ×
		// 1 year on each, the lines still unpaid on 2025-12-31).
	})
	sameList(t, "overdue", overdueList(st), nil)
}

// TestSettlePaymentAfterTheEnd: a payment made after the agreement ended
// still pays the lines owed within the term (SPEC 4.2, 6.5), including
// the line of the period the end cut short, which accrues on the
// agreement's last day.
func TestSettlePaymentAfterTheEnd(t *testing.T) {
	p := compile(t, `
agreement cut "Paid after the end" {
  effective 2025-01-01
  ends 2026-03-19
  currency USD
  party cy  "CY"
  party ana "ANA"
  action lease { amt money }
  event payment { payer party  payee party  amount money }

  clause 7 "Royalty"
    cy pays ana 10% of amt of each lease
      settled yearly
      late penalty USD 5.00 per week
}`)
	recs := ledger(t, p, "",
		"lease 2026-01-10 actor=cy amt=1,000.00",
		"payment 2026-07-06 payer=cy payee=ana amount=100.00",
	)
	st := settle(t, p, "", "", "", recs)
	sameList(t, "lines", lineList(st), []string{
		// 2026 is cut at the end: 10% × 1,000.00 = 100.00, due
		// 2026-03-19. Paid in full on 2026-07-06: delay counts to
		// 2026-03-19 at most, k = 0, nothing charged.
		"2026 cy>ana 7 share 2026-03-19 due 2026-03-19 USD 100.00",
	})
	// The engine left the whole 100.00 overdue: the payment came before
	// the line was issued.
	sameList(t, "overdue", overdueList(st), nil)
}

// TestSettlePaymentBeforeEffectiveTracks: a payment recorded before the
// agreement takes effect pays nothing, but the ledger holds a payment, so
// payment is tracked (SPEC 6.5).
func TestSettlePaymentBeforeEffectiveTracks(t *testing.T) {
	p := compile(t, `
agreement early "Early payment" {
  effective 2025-03-01
  currency USD
  party cy  "CY"
  party ana "ANA"
  event payment { payer party  payee party  amount money }

  clause 1 "Fee"
    cy pays ana USD 100.00 on 2025-03-10
      late penalty USD 2.00 per day
}`)
	recs := ledger(t, p, "",
		"payment 2025-02-01 payer=cy payee=ana amount=10.00",
	)
	st := settle(t, p, "", "2025-03-01", "2025-03-31", recs)
	sameList(t, "lines", lineList(st), []string{
		"2025-Q1 cy>ana 1 payment 2025-03-10 due 2025-03-10 USD 100.00",
		// Unpaid on 2025-03-31, 21 days after 2025-03-10: 21 × 2.00 = 42.00.
		"2025-Q1 cy>ana 1 late penalty 2025-03-31 due 2025-03-31 USD 42.00",
	})
	sameList(t, "overdue", overdueList(st), []string{
		"1 payment due 2025-03-10 outstanding USD 100.00 charge USD 42.00",
	})
}

// TestSettleUnpaidAfterTheEndCharged: what is unpaid is reckoned at the
// as-of date (SPEC 6.5, 7.6) — by default the last row's date when that is
// a payment made after the agreement ended — with delay counted to the
// agreement's last day, and the charge, dated that day within the span, is
// a statement line.
func TestSettleUnpaidAfterTheEndCharged(t *testing.T) {
	p := compile(t, `
agreement tardy "Unpaid after the end" {
  effective 2026-01-01
  ends 2026-03-19
  currency USD
  party cy  "CY"
  party ana "ANA"
  event payment { payer party  payee party  amount money }

  clause 1 "Fee"
    cy pays ana USD 100.00 on 2026-01-31
      late penalty USD 5.00 per week
}`)
	recs := ledger(t, p, "",
		"payment 2026-07-06 payer=cy payee=ana amount=40.00",
	)
	// The span ends on the agreement's last day, 2026-03-19; the as-of
	// date is the last row's, 2026-07-06.
	st := settle(t, p, "", "", "", recs)
	sameList(t, "lines", lineList(st), []string{
		"2026-Q1 cy>ana 1 payment 2026-01-31 due 2026-01-31 USD 100.00",
		// 60.00 still unpaid on 2026-07-06; delay counted to 2026-03-19:
		// 47 days after 2026-01-31 (28 in February + 19), 6 weeks = 42 <
		// 47 <= 49 = 7 weeks, k = 7: 7 × 5.00 = 35.00, dated 2026-03-19.
		// (The engine reported it overdue but issued no line.)
		"2026-Q1 cy>ana 1 late penalty 2026-03-19 due 2026-03-19 USD 35.00",
	})
	sameList(t, "overdue", overdueList(st), []string{
		"1 payment due 2026-01-31 outstanding USD 60.00 charge USD 35.00",
	})
}

// TestSettleLateChargeNotPaidBySamePayment: what is left of a payment does
// not pay the late charge that payment gave rise to; a later payment does
// (SPEC 6.5).
func TestSettleLateChargeNotPaidBySamePayment(t *testing.T) {
	p := compile(t, `
agreement fee "Fee" {
  effective 2027-01-01
  currency USD
  party cy  "CY"
  party ana "ANA"
  event payment { payer party  payee party  amount money }

  clause 1 "Fee"
    cy pays ana USD 100.00 on 2027-01-01
      late penalty USD 5.00 per day
}`)
	recs := ledger(t, p, "",
		"payment 2027-01-03 payer=cy payee=ana amount=200.00",
		"payment 2027-01-10 payer=cy payee=ana amount=10.00",
	)
	// Paid in full on 2027-01-03, 2 days after its due date: 2 × 5.00 =
	// 10.00, due 2027-01-03. The 100.00 left of that payment pays nothing.
	want := []string{
		"2027-Q1 cy>ana 1 payment 2027-01-01 due 2027-01-01 USD 100.00",
		"2027-Q1 cy>ana 1 late penalty 2027-01-03 due 2027-01-03 USD 10.00",
	}
	st := settle(t, p, "", "2027-01-01", "2027-01-05", recs)
	sameList(t, "lines to 01-05", lineList(st), want)
	sameList(t, "overdue on 01-05", overdueList(st), []string{
		// Late charges are never charged for delay.
		"1 late penalty due 2027-01-03 outstanding USD 10.00 charge USD 0.00",
	})
	// The payment of 2027-01-10 pays the charge.
	st = settle(t, p, "", "2027-01-01", "2027-01-31", recs)
	sameList(t, "lines to 01-31", lineList(st), want)
	sameList(t, "overdue on 01-31", overdueList(st), nil)
}

// TestSettleOverdueAsOfBeforeLaterPayments: the overdue report is what
// was unpaid on the as-of date (SPEC 6.5), so a line paid late, after an
// --as-of date that comes before the ledger's end, was overdue on it.
// Before the fix the report applied every payment of the ledger first:
// settled as of 2027-03-01 over a ledger running to 2027-05-31, it said
// nothing was overdue, while `expect a owes b USD 1,000.00 overdue as of
// 2027-03-01` (which settles through that date) held. (found by review)
func TestSettleOverdueAsOfBeforeLaterPayments(t *testing.T) {
	p := compile(t, `
agreement asof "Overdue as of" {
  effective 2027-01-01
  currency USD
  party a "A"
  party b "B"
  party c "C"
  event payment { payer party  payee party  amount money }

  clause 1 "Fee"
    a pays b USD 1,000.00 on 2027-01-31
      late interest 1% per month capped at USD 25.00

  clause 2 "Other fee"
    c pays b USD 300.00 on 2027-01-31
}`)
	recs := ledger(t, p, "",
		"payment 2027-02-15 payer=c payee=b amount=100.00",
		"payment 2027-03-31 payer=a payee=b amount=500.00",
		"payment 2027-04-10 payer=c payee=b amount=200.00",
		"payment 2027-05-31 payer=a payee=b amount=500.00",
	)
	opts := interp.SettleOptions{To: mustDate(t, "2027-05-31"), AsOf: mustDate(t, "2027-03-01")}
	st, err := p.Settle(context.Background(), events(recs), opts)
	if err != nil {
		t.Fatal(err)
	}
	sameList(t, "overdue", overdueList(st), []string{
		// Clause 1: nothing of the 1,000.00 due 2027-01-31 was paid by
		// 2027-03-01. Delay 2027-01-31 + 1 month = 2027-02-28 is before
		// 2027-03-01, + 2 months = 2027-03-31 is not: 2 started months,
		// 1,000.00 × 1% × 2 = 20.00 (under the cap of 25.00).
		"1 payment due 2027-01-31 outstanding USD 1,000.00 charge USD 20.00",
		// Clause 2: 300.00 less the 100.00 paid on 2027-02-15 = 200.00
		// (the 200.00 of 2027-04-10 came after the as-of date).
		"2 payment due 2027-01-31 outstanding USD 200.00 charge USD 0.00",
	})
}

// TestSettleRecoupCreditNote: a credit under recoupment is not clawed
// back but added to the balance (SPEC 7.4 step 6), and the line's note
// says so. Worked by hand, 10% of amt - ref, advance USD 100.00:
//
//	Q1 10% × 500.00 = 50.00, all recouped: 50.00 still to recoup
//	Q2 10% × -300.00 = -30.00, a credit: nothing paid, 80.00 to recoup
//	Q3 10% × 1,000.00 = 100.00: 80.00 recouped, 20.00 paid
//
// Before the fix the Q2 note read "recouped USD -30.00 of the advance".
// (found by review)
func TestSettleRecoupCreditNote(t *testing.T) {
	p := compile(t, `
agreement rc "Recoup" {
  effective 2027-01-01
  currency USD
  party p "P"
  party q "Q"
  action sale { amt money  ref money }
  clause 1 "Share"
    p pays q 10% of amt - ref of each sale
      recouping USD 100.00
}`)
	recs := ledger(t, p, "",
		"sale 2027-02-01 actor=p amt=500.00 ref=0.00",
		"sale 2027-05-01 actor=p amt=0.00 ref=300.00",
		"sale 2027-08-01 actor=p amt=1,000.00 ref=0.00",
	)
	st := settle(t, p, "", "", "2027-09-30", recs)
	var got []string
	for _, l := range st.Lines {
		got = append(got, l.Period.String()+" "+money(l.Amount)+": "+fmt.Sprint(l.Notes))
	}
	sameList(t, "lines", got, []string{
		"2027-Q1 USD 0.00: [recouped USD 50.00 of the advance; USD 50.00 still to recoup]",
		"2027-Q2 USD 0.00: [a credit of USD 30.00, not clawed back, is added to the advance: USD 80.00 still to recoup]",
		"2027-Q3 USD 20.00: [recouped USD 80.00 of the advance; USD 0.00 still to recoup]",
	})
}

// TestSettlePaymentPaysItsOwnCurrency: a payment pays the open lines in
// its own currency only (SPEC 6.5). Worked by hand: USD 100.00 and
// EUR 50.00 accrue on 2027-01-05; USD 150.00 is paid on 2027-01-10. It
// pays the USD 100.00; the USD 50.00 left pays nothing further, so the
// EUR 50.00 is unpaid on 2027-01-10, 5 days after its due date: a
// penalty of EUR 1.00 × 5 = EUR 5.00, and EUR 50.00 overdue. Before the
// fix the USD 50.00 left paid the EUR 50.00 line, which the overdue
// report then left out. (found by review)
func TestSettlePaymentPaysItsOwnCurrency(t *testing.T) {
	p := compile(t, `
agreement cur "Currencies" {
  effective 2027-01-01
  currency USD
  party p "P"
  party q "Q"
  event payment { payer party  payee party  amount money }
  clause 1 "USD fee"
    p pays q USD 100.00 on 2027-01-05
  clause 2 "EUR fee"
    p pays q EUR 50.00 on 2027-01-05
      late penalty EUR 1.00 per day
}`)
	recs := ledger(t, p, "", "payment 2027-01-10 payer=p payee=q amount=150.00")
	st := settle(t, p, "", "", "2027-01-10", recs)
	sameList(t, "overdue", overdueList(st), []string{
		"2 payment due 2027-01-05 outstanding EUR 50.00 charge EUR 5.00",
	})
	var notes []string
	for _, l := range st.Lines {
		if l.Kind == "late penalty" {
			notes = append(notes, money(l.Amount)+": "+fmt.Sprint(l.Notes))
		}
	}
	sameList(t, "late penalties", notes, []string{
		"EUR 5.00: [unpaid EUR 50.00 on 2027-01-10, due 2027-01-05: 5 days late, a day begun counting in full, from 2027-01-05 (the due date)]",
	})
}

// TestSettlePaymentRoundedNote: a fixed payment that rounding changes says
// so, as a share's line does (SPEC 4.2, 8.2 point 1). Under `rounding
// half_down to 1`, USD 1,861.50 is half-way between 1,861 and 1,862, and
// half_down takes 1,861: a line of USD 1,861.00 noted "exact amount
// 1,861.50, rounded half_down to 1". USD 20.00 needs no rounding and no
// note. Before the fix the 0.50 vanished without a word. (found by review)
func TestSettlePaymentRoundedNote(t *testing.T) {
	p := compile(t, `
agreement rd "Rounding" {
  effective 2027-01-01
  currency USD
  rounding half_down to 1
  party p "P"
  party q "Q"
  clause 1 "Pay"
    p pays q USD 1,861.50 on 2027-01-05
  clause 2 "Whole"
    p pays q USD 20.00 on 2027-01-06
}`)
	st := settle(t, p, "", "", "2027-01-31", nil)
	var got []string
	for _, l := range st.Lines {
		got = append(got, l.Clause.Num+" "+money(l.Amount)+": "+fmt.Sprint(l.Notes))
	}
	sameList(t, "lines", got, []string{
		"1 USD 1,861.00: [exact amount 1,861.50, rounded half_down to 1]",
		"2 USD 20.00: []",
	})
}

// TestStatementHeaderNamesEveryCurrency: a USD agreement with a fee in EUR
// says so in the text statement's header ("amounts in USD and EUR"), not
// "amounts in USD" above a EUR line.
func TestStatementHeaderNamesEveryCurrency(t *testing.T) {
	p := compile(t, `
agreement cur "Currencies" {
  effective 2027-01-01
  currency USD
  party p "P"
  party q "Q"
  action sell { amount money }
  clause 1 "EUR fee" p pays q EUR 50.00 on 2027-01-05
}`)
	st := settle(t, p, "", "", "2027-01-10", nil)
	var b strings.Builder
	if err := st.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "  amounts in USD and EUR; 0 ledger events counted\n") {
		t.Errorf("header:\n%s", b.String())
	}
}
