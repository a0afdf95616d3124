package interp_test

// The agreement's term (SPEC 4.2): outside it no clause applies, so no
// share counts an event, no milestone fires, nothing is scheduled and no
// floor or guarantee runs; the statement's range stays within it.

import (
	"context"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

const termSrc = `
agreement span "Term" {
  effective 2027-01-01
  ends 2027-05-15
  currency USD

  party r   "R"
  party lab "Lab"

  action resell { revenue money }
  event release { model text }

  clause 1 "Royalty"
    r pays lab 10% of revenue of each resell by r
      settled quarterly
      recouping USD 50.00

  clause 2 "Each release"
    lab pays r USD 10.00 on each release

  clause 3 "Floor"
    r pays lab 1% of revenue of each resell by r
      settled quarterly
      at least USD 5.00 per quarter

  clause 4 "Guarantee"
    r pays lab 2% of revenue of each resell by r
      settled quarterly
      minimum guarantee USD 100.00 per year
}
`

func TestSettleOutsideTheTerm(t *testing.T) {
	p := compile(t, termSrc)
	recs := ledger(t, p, "",
		"resell 2026-12-15 actor=r revenue=1,000.00", // before the term: nothing
		"resell 2027-01-10 actor=r revenue=1,000.00",
		"resell 2027-05-10 actor=r revenue=200.00",
		"release 2027-05-20 model=alpha",             // after the term: no milestone
		"resell 2027-05-20 actor=r revenue=1,000.00", // after the term: nothing
		"resell 2027-08-10 actor=r revenue=1,000.00", // after the term: nothing
	)
	st, err := p.Settle(context.Background(), events(recs), interp.SettleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The range: from the effective date to the last row (2027-08-10),
	// but not after the agreement's last day, 2027-05-15.
	if st.From.String() != "2027-01-01" || st.To.String() != "2027-05-15" {
		t.Errorf("statement from %s to %s, want 2027-01-01 to 2027-05-15", st.From, st.To)
	}
	sameList(t, "lines", lineList(st), []string{
		// Clause 1, Q1: 10% × 1,000.00 = 100.00, of which 50.00 recoups
		// the advance: 50.00 paid. The 2026-12-15 sale is before the term.
		"2027-Q1 r>lab 1 share 2027-03-31 due 2027-03-31 USD 50.00",
		// Q2 ends with the agreement on 2027-05-15: only the 05-10 sale,
		// 10% × 200.00 = 20.00, dated and due on the agreement's last day.
		"2027-Q2 r>lab 1 share 2027-05-15 due 2027-05-15 USD 20.00",
		// Clause 3: Q1 1% × 1,000.00 = 10.00; Q2 1% × 200.00 = 2.00,
		// raised to the floor of 5.00. No Q3: the agreement has ended.
		"2027-Q1 r>lab 3 share 2027-03-31 due 2027-03-31 USD 10.00",
		"2027-Q2 r>lab 3 share 2027-05-15 due 2027-05-15 USD 5.00",
		// Clause 4: Q1 2% × 1,000.00 = 20.00; Q2 2% × 200.00 = 4.00. The
		// year's window ends with the agreement: 24.00 paid, 100.00
		// guaranteed, a true-up of 76.00 on 2027-05-15.
		"2027-Q1 r>lab 4 share 2027-03-31 due 2027-03-31 USD 20.00",
		"2027-Q2 r>lab 4 share 2027-05-15 due 2027-05-15 USD 4.00",
		"2027-Q2 r>lab 4 true-up 2027-05-15 due 2027-05-15 USD 76.00",
		// Clause 2: the only release is after the term: nothing.
	})
	for _, l := range st.Lines {
		for _, n := range l.Notes {
			if strings.Contains(n, "not over") {
				t.Errorf("clause %s %s: %q, but the agreement ended on the line's date", l.Clause.Num, l.Period, n)
			}
		}
	}

	// An explicit range past the end shows the same lines: nothing arises
	// after 2027-05-15.
	st2 := settle(t, p, "", "2027-01-01", "2027-12-31", recs)
	sameList(t, "explicit range", lineList(st2), lineList(st))
}

// TestSettleRowsBeforeTheTerm: a ledger whose rows all come before the
// agreement takes effect counts for nothing and never gives an inverted
// range.
func TestSettleRowsBeforeTheTerm(t *testing.T) {
	p := compile(t, termSrc)
	recs := ledger(t, p, "", "resell 2026-12-15 actor=r revenue=1,000.00")
	st, err := p.Settle(context.Background(), events(recs), interp.SettleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Before the fix: from 2027-01-01 to 2026-12-15.
	if st.From.String() != "2027-01-01" || st.To.String() != "2027-01-01" {
		t.Errorf("statement from %s to %s, want 2027-01-01 to 2027-01-01", st.From, st.To)
	}
	if len(st.Lines) != 0 {
		t.Errorf("%d lines from a row before the agreement took effect", len(st.Lines))
	}
	// A range that ends before the agreement takes effect, with the start
	// left to default to the effective date, is refused in plain words.
	_, err = p.Settle(context.Background(), events(recs), interp.SettleOptions{To: mustDate(t, "2026-12-31")})
	if err == nil || err.Error() != "the statement would end on 2026-12-31, before span takes effect on 2027-01-01" {
		t.Errorf("got %v", err)
	}
}

// TestSettlePaymentAfterTheTerm: a payment made after the agreement ended
// still pays what was owed within the term; late charges run to the
// agreement's last day at most.
func TestSettlePaymentAfterTheTerm(t *testing.T) {
	p := compile(t, `
agreement span "Term" {
  effective 2027-01-01
  ends 2027-03-31
  currency USD
  party r   "R"
  party lab "Lab"
  event payment { payer party  payee party  amount money }
  clause 1 "Fee"
    r pays lab USD 100.00 on 2027-02-01
      due within 10 days
      late penalty USD 1.00 per day
}`)
	recs := ledger(t, p, "", "payment 2027-04-20 payer=r payee=lab amount=100.00")
	st, err := p.Settle(context.Background(), events(recs), interp.SettleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// To stops at the end (2027-03-31); overdue is judged on the last
	// row's date, 2027-04-20.
	if st.To.String() != "2027-03-31" || st.AsOf.String() != "2027-04-20" {
		t.Errorf("to %s as of %s, want 2027-03-31 as of 2027-04-20", st.To, st.AsOf)
	}
	sameList(t, "lines", lineList(st), []string{
		"2027-Q1 r>lab 1 payment 2027-02-01 due 2027-02-11 USD 100.00",
		// Paid in full 2027-04-20, due 2027-02-11, but the penalty runs to
		// the agreement's last day: 2027-02-11 to 2027-03-31 is 17 + 31 =
		// 48 days, USD 1.00 × 48 = 48.00, on 2027-03-31.
		"2027-Q1 r>lab 1 late penalty 2027-03-31 due 2027-03-31 USD 48.00",
	})
	if len(st.Overdue) != 1 || st.Overdue[0].Line.Kind != "late penalty" {
		t.Errorf("overdue: want only the late penalty (the fee was paid), got %d", len(st.Overdue))
	}
}
