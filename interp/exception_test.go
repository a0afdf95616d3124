package interp_test

// Exceptions to terms (SPEC 4.8): the exception that applies and that no
// other applying exception overrides gives the term's value; two that
// apply unordered are a positioned conflict naming both.

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

const supplySrc = `agreement supply "Supply" {
  effective 2027-01-01
  currency USD
  party seller "Seller"
  party buyer  "Buyer"
  kind BuyerKind = Retail | Charity | School

  action order {
    buyer_kind BuyerKind
    volume     integer
    amount     money
  }

  term rate(o order) = 20%

  exception 6.3 rate = 12% where o.buyer_kind == Charity
  exception 6.4 notwithstanding 6.3 rate = 15% where o.buyer_kind == Charity and o.volume >= 1000
  exception 6.5 rate = 10% where o.volume >= 5000
  exception 6.6 notwithstanding 6.4 rate = 8% where o.buyer_kind == Charity and o.volume >= 2000 and o.volume < 5000

  clause 7.1 "Rebate"
    seller pays buyer rate of amount of each order
      settled quarterly
}
`

func orderExpr(kind string, volume int) string {
	return fmt.Sprintf("rate(order by buyer { buyer_kind: %s, volume: %d, amount: USD 1.00, date: 2027-02-01 })", kind, volume)
}

func TestExceptionsPickTheOneThatApplies(t *testing.T) {
	p := compile(t, supplySrc)
	for _, c := range []struct {
		kind   string
		volume int
		want   string
	}{
		{"Retail", 10, "20%"},    // no exception applies: the term's body
		{"School", 1000, "20%"},  // 6.4 needs a charity
		{"Charity", 10, "12%"},   // 6.3
		{"Charity", 1000, "15%"}, // 6.3 and 6.4 apply; 6.4 is notwithstanding 6.3
		{"Charity", 2000, "8%"},  // 6.3, 6.4, 6.6 apply; 6.6 overrides 6.4, and 6.3 through it
		{"Retail", 6000, "10%"},  // 6.5
	} {
		v, err := p.Eval(context.Background(), "", orderExpr(c.kind, c.volume), interp.EvalOptions{})
		if err != nil || v.String() != c.want {
			t.Errorf("%s, %d units: %v, %v; want %s", c.kind, c.volume, v, err, c.want)
		}
	}
}

// A charity ordering 6,000 units meets 6.3, 6.4 and 6.5 (6.6 needs fewer
// than 5,000 units). 6.4 overrides 6.3, but nothing orders 6.4 and 6.5.
func TestExceptionsConflict(t *testing.T) {
	p := compile(t, supplySrc)
	_, err := p.Eval(context.Background(), "", orderExpr("Charity", 6000), interp.EvalOptions{})
	wantErr(t, err, "a.pacta:17:3: exceptions 6.4 and 6.5 to term rate both apply, and neither is notwithstanding the other (6.5 is at a.pacta:18:3)")
	if !errors.Is(err, interp.ErrExceptionConflict) {
		t.Errorf("the conflict must unwrap to ErrExceptionConflict: %v", err)
	}
	// The same conflict in a settlement names the ledger row and the
	// clause.
	err = settleErr(t, p, "2027-03-31", "order 2027-02-01 actor=buyer buyer_kind=Charity volume=6000 amount=USD:100.00")
	wantErr(t, err, "ledger:1: clause 7.1: a.pacta:17:3: exceptions 6.4 and 6.5 to term rate both apply, and neither is notwithstanding the other (6.5 is at a.pacta:18:3)")
}

// A share whose rate is a term with exceptions: each order at its own
// rate.
func TestExceptionsInASettlement(t *testing.T) {
	p := compile(t, supplySrc)
	st, err := p.Settle(context.Background(), events(ledger(t, p, "",
		"order 2027-01-10 actor=buyer buyer_kind=Retail volume=10 amount=USD:1000.00",
		"order 2027-01-20 actor=buyer buyer_kind=Charity volume=10 amount=USD:500.00",
		"order 2027-02-10 actor=buyer buyer_kind=Charity volume=2000 amount=USD:2000.00",
		"order 2027-03-10 actor=buyer buyer_kind=Retail volume=6000 amount=USD:3000.00",
	)), interp.SettleOptions{To: mustDate(t, "2027-03-31")})
	if err != nil {
		t.Fatal(err)
	}
	// 20% × 1,000.00 = 200.00 (the body)
	// 12% ×   500.00 =  60.00 (6.3)
	//  8% × 2,000.00 = 160.00 (6.6)
	// 10% × 3,000.00 = 300.00 (6.5)
	// together         720.00 for 2027-Q1
	var total []string
	for _, l := range st.Lines {
		total = append(total, l.Amount.String())
	}
	if len(st.Lines) != 1 || st.Lines[0].Amount.String() != "USD 720.00" {
		t.Errorf("lines: %v, want one line of USD 720.00", total)
	}
}

// Only the conditions and the value chosen are evaluated: the body that
// divides by zero is not evaluated when the exception applies, nor is an
// exception's value when its condition does not hold.
func TestExceptionsAreLazy(t *testing.T) {
	p := compile(t, `agreement lazy "Lazy" {
  effective 2027-01-01
  party a "A"
  term ratio(x integer) = 100 / x
  exception 1 ratio = 0 where x == 0
  exception 2 ratio = 1 / 0 where x < 0
}
`)
	for src, want := range map[string]string{
		"ratio(0)": "0",    // exception 1; 100 / 0 is never evaluated
		"ratio(8)": "12.5", // the body, exactly: 100 / 8 = 12.5; 1 / 0 is never evaluated
	} {
		v, err := p.Eval(context.Background(), "", src, interp.EvalOptions{})
		if err != nil || v.String() != want {
			t.Errorf("%s = %v, %v; want %s", src, v, err, want)
		}
	}
	// Exception 2 applies: its value is evaluated and fails.
	if _, err := p.Eval(context.Background(), "", "ratio(-1)", interp.EvalOptions{}); err == nil {
		t.Error("ratio(-1) must fail: exception 2 divides by zero")
	}
}

// A replaced term keeps the agreement's exceptions; its preconditions are
// checked before any exception.
func TestExceptionsWithAmendmentsAndPreconditions(t *testing.T) {
	src := `agreement supply "Supply" {
  effective 2027-01-01
  currency USD
  party buyer "Buyer"
  kind BuyerKind = Retail | Charity
  party seller "Seller"
  action order { buyer_kind BuyerKind  volume integer  amount money }
  term rate(o order) = 20%
    requires o.volume > 0 else "an order has at least one unit"
  exception 6.3 rate = 12% where o.buyer_kind == Charity
  clause 7.1 "Rebate" seller pays buyer rate of amount of each order settled quarterly
}

amendment later "Later" amends supply {
  effective 2027-07-01
  replace term rate(o order) = 25%
}
`
	p := compile(t, src)
	ask := func(kind, date string, volume int) (string, error) {
		e := fmt.Sprintf("rate(order by buyer { buyer_kind: %s, volume: %d, amount: USD 1.00, date: %s })", kind, volume, date)
		v, err := p.Eval(context.Background(), "", e, interp.EvalOptions{AsOf: mustDate(t, date)})
		return v.String(), err
	}
	for _, c := range []struct{ kind, date, want string }{
		{"Retail", "2027-02-01", "20%"},
		{"Retail", "2027-08-01", "25%"},  // the replaced body
		{"Charity", "2027-08-01", "12%"}, // 6.3 still applies to it
	} {
		if got, err := ask(c.kind, c.date, 5); err != nil || got != c.want {
			t.Errorf("%s on %s: %s, %v; want %s", c.kind, c.date, got, err, c.want)
		}
	}
	// In a settlement (the share applies the term to each order): after
	// the amendment, 25% × 100.00 = 25.00 for a retail order and 6.3's
	// 12% × 200.00 = 24.00 for a charity's, 49.00 for 2027-Q3.
	st, err := p.Settle(context.Background(), events(ledger(t, p, "",
		"order 2027-08-01 actor=buyer buyer_kind=Retail volume=1 amount=USD:100.00",
		"order 2027-08-02 actor=buyer buyer_kind=Charity volume=1 amount=USD:200.00",
	)), interp.SettleOptions{From: mustDate(t, "2027-07-01"), To: mustDate(t, "2027-09-30")})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Lines) != 1 || st.Lines[0].Amount.String() != "USD 49.00" {
		t.Errorf("lines: %+v, want one of USD 49.00", st.Lines)
	}
	// The precondition of the term as first written fails before 6.3 is
	// considered.
	_, err = ask("Charity", "2027-02-01", 0)
	samePre(t, "eval", err, at(t, src, "o.volume > 0"), "an order has at least one unit")
}

// An amendment may add an exception, from its effective date, and may
// put it notwithstanding one of the agreement's.
func TestExceptionsAddedByAnAmendment(t *testing.T) {
	p := compile(t, supplySrc, `amendment schools "Schools" amends supply {
  effective 2027-07-01
  exception 9.1 rate = 18% where o.buyer_kind == School
  exception 9.2 notwithstanding 6.3 rate = 11% where o.buyer_kind == Charity and o.volume < 100
}
`)
	ask := func(kind string, volume int, date string) string {
		e := fmt.Sprintf("rate(order by buyer { buyer_kind: %s, volume: %d, amount: USD 1.00, date: %s })", kind, volume, date)
		v, err := p.Eval(context.Background(), "", e, interp.EvalOptions{AsOf: mustDate(t, date)})
		if err != nil {
			return err.Error()
		}
		return v.String()
	}
	for _, c := range []struct {
		kind       string
		volume     int
		date, want string
	}{
		{"School", 10, "2027-02-01", "20%"},    // before the amendment: the body
		{"School", 10, "2027-08-01", "18%"},    // 9.1
		{"Charity", 10, "2027-02-01", "12%"},   // 6.3
		{"Charity", 10, "2027-08-01", "11%"},   // 9.2 is notwithstanding 6.3
		{"Charity", 1000, "2027-08-01", "15%"}, // 6.4; 9.2 needs fewer than 100 units
	} {
		if got := ask(c.kind, c.volume, c.date); got != c.want {
			t.Errorf("%s, %d units, on %s: %s; want %s", c.kind, c.volume, c.date, got, c.want)
		}
	}
}
