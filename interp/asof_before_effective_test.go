package interp_test

import (
	"context"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// An as-of date leaves out amendments, never the agreement itself (SPEC
// 9.3): asked as of a day before the agreement takes effect, a sale in its
// term is decided and settled by the agreement as first made; the
// amendment, effective later, is left out.
func TestAsOfBeforeEffective(t *testing.T) {
	p := compile(t, `
agreement a "A" {
  effective 2027-01-01
  currency USD
  party r "R"
  party v "V"
  action sell { amount money }
  clause 1 "Share" r pays v 10% of amount of each sell by r settled quarterly
  clause 2 "Limit" r must not sell where amount > USD 1,000.00
}
amendment b "B" amends a {
  effective 2027-02-01
  replace clause 1 "Share" r pays v 20% of amount of each sell by r settled quarterly
}
`)
	recs := ledger(t, p, "",
		"sell 2027-01-05 actor=r amount=500.00",
		"sell 2027-02-10 actor=r amount=2,000.00",
	)
	ctx := context.Background()
	for _, asOf := range []string{"2026-06-30", "2026-12-31"} {
		st, err := p.Settle(ctx, events(recs), interp.SettleOptions{From: mustDate(t, "2027-01-01"), To: mustDate(t, "2027-03-31"), AsOf: mustDate(t, asOf)})
		if err != nil {
			t.Fatal(err)
		}
		// Clause 1 as first made, 10%, on both sales (the amendment's 20%
		// is not known): 10% × (500.00 + 2,000.00) = 250.00. The second
		// sale is over the limit: one breach, of clause 2.
		sameList(t, "as of "+asOf, clauseTotals(st), []string{"2027-Q1 r>v 1 USD 250.00"})
		if st.Events != 2 || st.BreachCount != 1 {
			t.Errorf("as of %s: %d events counted and %d breaches, want 2 and 1", asOf, st.Events, st.BreachCount)
		}
		d, err := p.Decide(ctx, recs[1], interp.DecideOptions{AsOf: mustDate(t, asOf)})
		if err != nil {
			t.Fatal(err)
		}
		if d.Clause == nil || d.Clause.Num != "2" || d.Permitted() {
			t.Errorf("as of %s: %s, want prohibited by clause 2", asOf, d)
		}
	}
}

// An expression asked on its own as of a day before the agreement takes
// effect is evaluated by the agreement as first made (SPEC 9.3), as
// decide and settle answer: fee is USD 300.00 then, USD 900.00 after the
// amendment of 2027-02-01.
func TestEvalAsOfBeforeEffective(t *testing.T) {
	p := compile(t, `
agreement a "A" {
  effective 2027-01-01
  currency USD
  party r "R"
  term fee = USD 300.00
}
amendment b "B" amends a {
  effective 2027-02-01
  replace term fee = USD 900.00
}
`)
	for _, c := range []struct{ asOf, want string }{
		{"2026-06-30", "USD 300.00"},
		{"2027-01-15", "USD 300.00"},
		{"2027-02-01", "USD 900.00"},
	} {
		v, err := p.Eval(context.Background(), "", "fee", interp.EvalOptions{AsOf: mustDate(t, c.asOf)})
		if err != nil {
			t.Errorf("as of %s: %v", c.asOf, err)
			continue
		}
		if v.String() != c.want {
			t.Errorf("as of %s: fee is %s, want %s", c.asOf, v, c.want)
		}
	}
}
