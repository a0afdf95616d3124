package interp_test

// Preconditions (SPEC 4.7): a question whose precondition does not hold
// fails with the precondition's message and position, the same in every
// path: evaluating, deciding, settling and testing.

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

const leaseSrc = `agreement lease "Equipment lease" {
  effective 2027-01-01
  currency USD
  party lessor "Lessor"
  party lessee "Lessee"
  kind Platform = AWS | Azure

  action sell {
    platform Platform
    price    money
    requires price > USD 0.00 else "a sale has a positive price"
  }

  event delivery {
    item text
    requires item != "" else "a delivery names its item"
  }

  term start = 2027-03-01

  term delay_fee(d date) = USD 500.00 * days_between(start, d)
    requires d >= start else "no delay fee before the start date"

  clause 3.1 "Large sales"
    requires platform == AWS or price < USD 1,000.00 else "large sales go through AWS"
    lessee may sell

  clause 4.1 "Share"
    lessee pays lessor 10% of price of each sell
      settled quarterly

  clause 5.1 "Delay fee"
    lessor pays lessee delay_fee(date) on each delivery
}
`

// at is the position of the first `requires` followed by cond in leaseSrc.
func at(t *testing.T, src, cond string) lang.Pos {
	t.Helper()
	i := strings.Index(src, "requires "+cond)
	if i < 0 {
		t.Fatalf("no requires %s", cond)
	}
	line := strings.Count(src[:i], "\n") + 1
	col := i - strings.LastIndex(src[:i], "\n")
	return lang.Pos{File: "a.pacta", Offset: i, Line: line, Col: col}
}

// precondition returns the precondition failure err carries.
func precondition(t *testing.T, path string, err error) *interp.PreconditionError {
	t.Helper()
	var pe *interp.PreconditionError
	if !errors.As(err, &pe) {
		t.Fatalf("%s: want a precondition failure, got %v", path, err)
	}
	var ee *interp.EvalError
	if !errors.As(err, &ee) || ee.Pos != pe.Pos {
		t.Errorf("%s: the failure must be an EvalError at the requires: %v", path, err)
	}
	return pe
}

func samePre(t *testing.T, path string, err error, pos lang.Pos, msg string) {
	t.Helper()
	pe := precondition(t, path, err)
	if pe.Pos != pos || pe.Message != msg {
		t.Errorf("%s: got %q at %s, want %q at %s", path, pe.Message, pe.Pos, msg, pos)
	}
}

// The worked example of the issue: a fee asked about before its start
// date fails instead of returning a negative amount (2027-02-20 is 9 days
// before 2027-03-01: USD 500.00 × -9 would be USD -4,500.00).
func TestPreconditionTermEveryPath(t *testing.T) {
	p := compile(t, leaseSrc)
	ctx := context.Background()
	pos := at(t, leaseSrc, "d >= start")
	const msg = "no delay fee before the start date"

	// On and after the start date it holds: 2027-03-05 is 4 days after
	// 2027-03-01, 4 × USD 500.00 = USD 2,000.00.
	v, err := p.Eval(ctx, "", "delay_fee(2027-03-05)", interp.EvalOptions{})
	if err != nil || v.String() != "USD 2,000.00" {
		t.Fatalf("delay_fee(2027-03-05) = %v, %v; want USD 2,000.00", v, err)
	}

	// eval
	_, err = p.Eval(ctx, "", "delay_fee(2027-02-20)", interp.EvalOptions{})
	samePre(t, "eval", err, pos, msg)
	want := pos.String() + ": no delay fee before the start date (term delay_fee requires d >= start)"
	if err.Error() != want {
		t.Errorf("eval error\n got %q\nwant %q", err.Error(), want)
	}

	// eval, through another expression: still the term's failure.
	_, err = p.Eval(ctx, "", "USD 1.00 + delay_fee(2027-02-20)", interp.EvalOptions{})
	samePre(t, "eval inside an expression", err, pos, msg)

	// settle: a delivery before the start makes clause 5.1 evaluate the
	// fee; the error names the ledger row and the clause.
	err = settleErr(t, p, "", "delivery 2027-02-20 item=pump")
	samePre(t, "settle", err, pos, msg)
	wantErr(t, err, "ledger:1: clause 5.1: "+want)
	var le *interp.LedgerError
	if !errors.As(err, &le) || le.Line != 1 {
		t.Errorf("settle: want a ledger error naming row 1, got %v", err)
	}
}

// An action's precondition fails its decision and its ledger row.
func TestPreconditionActionEveryPath(t *testing.T) {
	p := compile(t, leaseSrc)
	ctx := context.Background()
	pos := at(t, leaseSrc, "price > USD 0.00")
	const msg = "a sale has a positive price"
	free := "date=2027-04-01 actor=lessee platform=AWS price=USD:0.00"

	_, err := p.Decide(ctx, newAction(t, p, "", "sell", free), interp.DecideOptions{})
	samePre(t, "decide", err, pos, msg)

	// Before the agreement takes effect the question still fails: the
	// action itself is not valid.
	_, err = p.Decide(ctx, newAction(t, p, "", "sell", "date=2026-06-01 actor=lessee platform=AWS price=USD:0.00"), interp.DecideOptions{})
	samePre(t, "decide before effect", err, pos, msg)

	// A valid sale first, then the free one on row 2.
	err = settleErr(t, p, "", "sell 2027-04-01 actor=lessee platform=AWS price=USD:100.00", "sell 2027-04-02 actor=lessee platform=AWS price=USD:0.00")
	samePre(t, "settle", err, pos, msg)
	wantErr(t, err, "ledger:2: "+pos.String()+": a sale has a positive price (action sell requires price > USD 0.00)")

	// An event's precondition fails its ledger row the same way.
	err = settleErr(t, p, "", "delivery 2027-03-05 item=")
	samePre(t, "settle an event", err, at(t, leaseSrc, `item != ""`), "a delivery names its item")
}

// A clause's precondition is checked when the clause applies, and fails
// the question then; it is not checked for actions the clause does not
// cover.
func TestPreconditionClauseEveryPath(t *testing.T) {
	p := compile(t, leaseSrc)
	ctx := context.Background()
	pos := at(t, leaseSrc, "platform == AWS")
	const msg = "large sales go through AWS"

	// Large on AWS, small on Azure: permitted by 3.1.
	for _, spec := range []string{
		"date=2027-04-01 actor=lessee platform=AWS price=USD:5000.00",
		"date=2027-04-01 actor=lessee platform=Azure price=USD:999.99",
	} {
		d, err := p.Decide(ctx, newAction(t, p, "", "sell", spec), interp.DecideOptions{})
		if err != nil || summary(d) != "permitted by 3.1 [3.1 decides]" {
			t.Errorf("%s: %v, %v", spec, d, err)
		}
	}
	// Sold by the lessor, 3.1 (about the lessee) does not apply: not
	// covered, and no failure.
	d, err := p.Decide(ctx, newAction(t, p, "", "sell", "date=2027-04-01 actor=lessor platform=Azure price=USD:5000.00"), interp.DecideOptions{})
	if err != nil || d.Verdict != lang.NotCovered {
		t.Errorf("lessor's sale: %v, %v", d, err)
	}

	large := "date=2027-04-01 actor=lessee platform=Azure price=USD:5000.00"
	_, err = p.Decide(ctx, newAction(t, p, "", "sell", large), interp.DecideOptions{})
	samePre(t, "decide", err, pos, msg)
	want := pos.String() + ": large sales go through AWS (clause 3.1 requires platform == AWS or price < USD 1,000.00)"
	wantErr(t, err, want)

	err = settleErr(t, p, "", "sell 2027-04-01 actor=lessee platform=Azure price=USD:5000.00")
	samePre(t, "settle", err, pos, msg)
	wantErr(t, err, "ledger:1: "+want)
}

// A share's own precondition is checked for each row it counts; the error
// names the clause once.
func TestPreconditionShareRow(t *testing.T) {
	src := `agreement s "S" {
  effective 2027-01-01
  currency USD
  party a "A"
  party b "B"
  action sell { price money }

  clause 1 "Share"
    requires price < USD 1,000.00 else "a sale is under USD 1,000.00"
    a pays b 10% of price of each sell where price > USD 10.00
}
`
	p := compile(t, src)
	// USD 5.00 is not counted (where), so not checked; USD 200.00 is:
	// 10% of USD 200.00 = USD 20.00.
	st, err := p.Settle(context.Background(), events(ledger(t, p, "",
		"sell 2027-01-10 actor=a price=USD:5.00", "sell 2027-01-11 actor=a price=USD:200.00")), interp.SettleOptions{To: mustDate(t, "2027-03-31")})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Lines) != 1 || st.Lines[0].Amount.String() != "USD 20.00" {
		t.Fatalf("lines: %v", st.Lines)
	}
	err = settleErr(t, p, "2027-03-31", "sell 2027-01-10 actor=a price=USD:5000.00")
	pos := at(t, src, "price < USD 1,000.00")
	samePre(t, "settle", err, pos, "a sale is under USD 1,000.00")
	wantErr(t, err, "ledger:1: "+pos.String()+": a sale is under USD 1,000.00 (clause 1 requires price < USD 1,000.00)")
}

// A payment on dates checks its precondition when the agreement loads and
// reports a failure from the settlement that reaches the payment.
func TestPreconditionPayment(t *testing.T) {
	src := `agreement s "S" {
  effective 2027-01-01
  currency USD
  party a "A"
  party b "B"
  term fee = USD 0.00

  clause 1 "Fee"
    requires fee > USD 0.00 else "the fee must be set"
    a pays b fee on 2027-06-01
}
`
	p := compile(t, src)
	if err := settleErr(t, p, "2027-03-31"); err != nil {
		t.Errorf("before the payment date: %v", err)
	}
	err := settleErr(t, p, "2027-06-30")
	pos := at(t, src, "fee > USD 0.00")
	samePre(t, "settle", err, pos, "the fee must be set")
	wantErr(t, err, pos.String()+": the fee must be set (clause 1 requires fee > USD 0.00)")
}

// Test blocks: `expect … fails` holds for the precondition's message and
// fails, saying why, otherwise; a question that fails a precondition
// where a value is expected fails the test with the same message and
// position.
func TestPreconditionTests(t *testing.T) {
	src := strings.TrimSuffix(leaseSrc, "}\n") + `
  test "passes" {
    expect delay_fee(2027-03-05) == USD 2,000.00
    expect delay_fee(2027-02-20) fails "no delay fee before the start date"
    expect sell by lessee { platform: Azure, price: USD 5,000.00, date: 2027-04-01 } fails "large sales go through AWS"
    expect sell by lessee { platform: AWS, price: USD 0.00, date: 2027-04-01 } fails "a sale has a positive price"
  }

  test "events" {
    expect delivery { item: "", date: 2027-04-01 } fails "a delivery names its item"
  }

  test "fails" {
    expect delay_fee(2027-03-05) fails "no delay fee before the start date"
    expect delay_fee(2027-02-20) fails "another message"
    expect sell by lessee { platform: AWS, price: USD 5,000.00, date: 2027-04-01 } fails "large sales go through AWS"
    expect 1 / 0 == 1 fails "x"
    expect delay_fee(2027-02-20) == USD 0.00
  }
}
`
	p := compile(t, src)
	rep, err := p.RunTests(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 3 || !rep.Results[0].Passed() || !rep.Results[1].Passed() {
		t.Fatalf("results: %+v %+v", rep.Results[0].Failures, rep.Results[1].Failures)
	}
	pos := at(t, src, "d >= start")
	want := []string{
		`expected delay_fee(2027-03-05) to fail with "no delay fee before the start date", but it is USD 2,000.00`,
		`expected delay_fee(2027-02-20) to fail with "another message", but it failed with "no delay fee before the start date" (` + pos.String() + `)`,
		`expected sell by lessee { platform: AWS, price: USD 5,000.00, date: 2027-04-01 } to fail with "large sales go through AWS", but it is permitted by 3.1 "Large sales"`,
		`expected 1 / 0 == 1 to fail with "x", but it failed otherwise: `,
		pos.String() + `: no delay fee before the start date (term delay_fee requires d >= start)`,
	}
	fs := rep.Results[2].Failures
	if len(fs) != len(want) {
		t.Fatalf("failures: %+v", fs)
	}
	for i, f := range fs {
		if !strings.HasPrefix(f.Msg, want[i]) {
			t.Errorf("failure %d:\n got %s\nwant %s", i, f.Msg, want[i])
		}
	}
}

// A share of permitted sells does not count a prohibited row, and so does
// not ask its precondition about it; a share of every sell does.
func TestPreconditionShareSkipsUncountedRows(t *testing.T) {
	src := `agreement s "S" {
  effective 2027-01-01
  currency USD
  party a "A"
  party b "B"
  action sell { price money }

  clause 1 "No sales over USD 1,000.00"
    a must not sell where price > USD 1,000.00

  clause 2 "Share"
    requires price <= USD 1,000.00 else "a counted sale is at most USD 1,000.00"
    a pays b 10% of price of each permitted sell
}
`
	p := compile(t, src)
	// The USD 5,000.00 sale is prohibited by clause 1, so clause 2 does not
	// count it; the USD 300.00 one gives 10% × 300.00 = USD 30.00.
	st, err := p.Settle(context.Background(), events(ledger(t, p, "",
		"sell 2027-01-10 actor=a price=USD:5000.00", "sell 2027-01-11 actor=a price=USD:300.00")), interp.SettleOptions{To: mustDate(t, "2027-03-31")})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Lines) != 1 || st.Lines[0].Amount.String() != "USD 30.00" {
		t.Errorf("lines: %+v, want one of USD 30.00", st.Lines)
	}
	// Counting every sell, the same row is asked about and fails.
	p = compile(t, strings.Replace(src, "of each permitted sell", "of each sell", 1))
	err = settleErr(t, p, "2027-03-31", "sell 2027-01-10 actor=a price=USD:5000.00")
	samePre(t, "settle", err, at(t, src, "price <= USD 1,000.00"), "a counted sale is at most USD 1,000.00")
}
