package interp_test

// Runtime errors of settlement (SPEC 6.2, 8.4, 11.1): positioned at the
// clause, in Pacta's words, each context said once, and failing only the
// questions that need the clause.

import (
	"context"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

func settleErr(t *testing.T, p *interp.Program, to string, rows ...string) error {
	t.Helper()
	opts := interp.SettleOptions{}
	if to != "" {
		opts.To = mustDate(t, to)
	}
	_, err := p.Settle(context.Background(), events(ledger(t, p, "", rows...)), opts)
	return err
}

func wantErr(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Errorf("no error, want %q", want)
	} else if err.Error() != want {
		t.Errorf("error\n got %q\nwant %q", err.Error(), want)
	}
}

// TestSettleDueDateOutOfRange: a due date after 9999-12-31 is an error of
// the settlement that reaches the payment, not of loading the agreement.
func TestSettleDueDateOutOfRange(t *testing.T) {
	src := `
agreement far "Far" {
  effective 2027-01-01
  currency USD
  party r   "R"
  party lab "Lab"
  action resell { revenue money }
  event release { model text }

  clause 4.1 "Last day"
    r pays lab USD 10.00 on 9999-12-31 due within 30 days

  clause 4.2 "Royalty"
    r pays lab 10% of revenue of each resell by r
      due 30 days after period end

  clause 4.3 "Launch"
    lab pays r USD 1.00 on each release due within 1 day
}`
	p, err := compileErr(src)
	if err != nil {
		t.Fatalf("the agreement must load (before the fix it failed: %v)", err)
	}
	// An unrelated question works.
	v, err := p.Eval(context.Background(), "", "USD 1.00 + USD 2.00", interp.EvalOptions{})
	if err != nil || v.String() != "USD 3.00" {
		t.Errorf("eval: %v %v", v, err)
	}
	// A settlement that stops before 9999-12-31 works.
	if err := settleErr(t, p, "", "resell 2027-01-10 actor=r revenue=5.00"); err != nil {
		t.Errorf("settling 2027: %v", err)
	}
	// One that reaches it fails, positioned at the clause's `due` (line
	// 11, column 40).
	wantErr(t, settleErr(t, p, "9999-12-31"),
		"a.pacta:11:40: clause 4.1: the due date, 9999-12-31 + 30 days, is after 9999-12-31")
	// A share whose last period ends on 9999-12-31, due 30 days later,
	// and a milestone on 9999-12-31 due a day later.
	p2 := compile(t, `
agreement far "Far" {
  effective 2027-01-01
  currency USD
  party r   "R"
  party lab "Lab"
  action resell { revenue money }
  event release { model text }

  clause 4.2 "Royalty"
    r pays lab 10% of revenue of each resell by r
      due 30 days after period end

  clause 4.3 "Launch"
    lab pays r USD 1.00 on each release due within 1 day
}`)
	wantErr(t, settleErr(t, p2, "", "resell 9999-12-10 actor=r revenue=5.00"),
		`ledger:1: field "date": 9999-12-10 is too late to settle: a.pacta:12:7: clause 4.2: the due date, 9999-12-31 + 30 days, is after 9999-12-31`)
	wantErr(t, settleErr(t, p2, "", "release 9999-12-31 model=x"),
		"ledger:1: a.pacta:15:41: clause 4.3: the due date, 9999-12-31 + 1 day, is after 9999-12-31")
}

// TestSettleSplitSharesMustAddUp: split shares that do not add up to 100%
// are an error naming the clause and the sum, never rescaled (SPEC 8.4);
// a share of 0% or less is an error too. The shares are value terms, so
// only the settlement can tell.
func TestSettleSplitSharesMustAddUp(t *testing.T) {
	p := compile(t, `
agreement splits "Splits" {
  effective 2027-01-01
  currency USD
  party r "R"
  party a "A"
  party b "B"
  party c "C"
  action resell { revenue money }
  term half = 45%
  term more = 60%
  term none = 0%
  term minus = 0% - 10%

  clause 6.1 "Short"
    r pays split { a half b half } USD 100.00 on 2027-01-10

  clause 6.2 "Over"
    r pays split { a more b more remainder to c } USD 100.00 on 2027-02-10

  clause 6.3 "Zero"
    r pays split { a none b 100% } USD 100.00 on 2027-03-10

  clause 6.4 "Negative"
    r pays split { a minus b 110% } USD 100.00 on 2027-04-10

  clause 6.5 "Right"
    r pays split { a half remainder to b } 10% of revenue of each resell by r
}`)
	// Before the fix: 45% + 45% paid 50/50; 60% + 60% with remainder to c
	// paid 50/50/0; 0% and -10% were "allocate: weight 1 is negative".
	wantErr(t, settleErr(t, p, "2027-01-31"),
		"a.pacta:16:12: clause 6.1: split shares add up to 90%, not 100%; add `remainder to PARTY` to say who gets the rest")
	wantErr(t, settleErr(t, p, "2027-02-28", "resell 2027-01-05 actor=r revenue=1.00"),
		"a.pacta:16:12: clause 6.1: split shares add up to 90%, not 100%; add `remainder to PARTY` to say who gets the rest")
	// The others, each alone in an agreement, so that no earlier clause
	// fails first.
	for _, tc := range []struct{ clause, want string }{
		{"6.2", "a.pacta:11:12: clause 6.2: split shares add up to 120%, more than 100%"},
		{"6.3", "a.pacta:11:22: clause 6.3: the share of a in the split is 0%; a share must be more than 0%"},
		{"6.4", "a.pacta:11:22: clause 6.4: the share of a in the split is -10%; a share must be more than 0%"},
		// A split within a waterfall step: 60% + 60% = 120%.
		{"6.6", "a.pacta:13:7: clause 6.6: split shares add up to 120%, more than 100%"},
	} {
		body := map[string]string{
			"6.2": "r pays split { a more b more remainder to c } USD 100.00 on 2027-02-10",
			"6.3": "r pays split { a none b 100% } USD 100.00 on 2027-03-10",
			"6.4": "r pays split { a minus b 110% } USD 100.00 on 2027-04-10",
			"6.6": "r pays waterfall {\n      a up to USD 1.00\n      split { b more c more } rest\n    } USD 100.00 on 2027-06-10",
		}[tc.clause]
		q := compile(t, `
agreement splits "Splits" {
  effective 2027-01-01
  currency USD
  party r "R"
  party a "A"
  party b "B"
  party c "C"
  term more = 60%  term none = 0%  term minus = 0% - 10%
  clause `+tc.clause+` "Bad"
    `+body+`
}`)
		wantErr(t, settleErr(t, q, "2027-12-31"), tc.want)
		// A settlement that stops before the payment's date is not
		// affected.
		if err := settleErr(t, q, "2027-01-05"); err != nil {
			t.Errorf("%s: settling before the payment: %v", tc.clause, err)
		}
	}
}

// TestSettleNegativeAmounts: a payment or milestone whose amount is
// negative is an error naming the clause (SPEC 6.2, 6.4), not a negative
// line.
func TestSettleNegativeAmounts(t *testing.T) {
	p := compile(t, `
agreement neg "Negative" {
  effective 2027-01-01
  currency USD
  party r   "R"
  party lab "Lab"
  event release { seats integer }
  term fee = USD 5.00 - USD 10.00

  clause 4.2 "Credit"
    r pays lab fee on 2027-02-01

  clause 4.3 "Per seat"
    r pays lab USD 1.00 * seats on each release
}`)
	// Before the fix: a line of USD -5.00.
	wantErr(t, settleErr(t, p, "2027-03-31"),
		"a.pacta:11:16: clause 4.2: the payment amount is negative: USD -5.00")
	// Before the fix: a line of USD -3.00.
	wantErr(t, settleErr(t, p, "2027-01-31", "release 2027-01-10 seats=-3"),
		"ledger:1: a.pacta:14:16: clause 4.3: the milestone amount is negative: USD -3.00")
}

// TestSettleErrorSaysItsClauseOnce: an error in a clause met while
// reading a row names the row and the clause once each.
func TestSettleErrorSaysItsClauseOnce(t *testing.T) {
	p := compile(t, `
agreement lng "Long" {
  effective 0001-01-01
  currency USD
  party r   "R"
  party lab "Lab"
  action resell { revenue money }
  clause 5.1 "Royalty"
    r pays lab 10% of revenue of each resell by r
      settled monthly
      at least USD 1.00 per month
}`)
	// From 0001-02 to 8400-12 there are 8,400 × 12 − 1 = 100,799 empty
	// months to settle at the floor, more than the limit of 100,000.
	// Before the fix: "ledger:2: clause 5.1: clause 5.1: more than ...".
	wantErr(t, settleErr(t, p, "", "resell 0001-01-10 actor=r revenue=5.00", "resell 8401-01-10 actor=r revenue=5.00"),
		"ledger:2: clause 5.1: more than 100000 empty periods to settle at the floor")
}

// TestSettleBadInstallments: an installment total that cannot be divided
// fails the settlement that reaches the schedule, not the loading.
func TestSettleBadInstallments(t *testing.T) {
	p, err := compileErr(`
agreement inst "Installments" {
  effective 2027-01-01
  currency USD
  party r   "R"
  party lab "Lab"
  term odd = USD 100.005
  clause 2.1 "Odd"
    r pays lab odd in 3 equal monthly installments from 2027-03-01
}`)
	if err != nil {
		t.Fatalf("the agreement must load (before the fix it failed: %v)", err)
	}
	if err := settleErr(t, p, "2027-02-28"); err != nil {
		t.Errorf("settling before the schedules: %v", err)
	}
	wantErr(t, settleErr(t, p, "2027-03-31"),
		"a.pacta:9:16: clause 2.1: the installment total USD 100.005 is not a whole multiple of 0.01")
	p2 := compile(t, `
agreement inst "Installments" {
  effective 2027-01-01
  currency USD
  party r   "R"
  party lab "Lab"
  term nothing = USD 0.00
  clause 2.2 "Nothing"
    r pays lab nothing in 3 equal monthly installments from 2027-05-01
}`)
	wantErr(t, settleErr(t, p2, "2027-05-31"),
		"a.pacta:9:16: clause 2.2: the installment total must be more than zero, not USD 0.00")
}
