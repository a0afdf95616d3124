package interp_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// TestSettlePartialRefusesOrderedConstructs: an agreement with a construct
// that carries state from one row to the next is refused by SettlePartial
// with ErrInOrder (so pacta settle --jobs settles it in one pass), and one
// without any is accepted. Each case adds one construct to the same base.
func TestSettlePartialRefusesOrderedConstructs(t *testing.T) {
	const head = `agreement a "A" {
  effective 2027-01-01
  currency USD
  party p "P"
  party q "Q"
  event termination {
    notice_by    party
    under_clause text
  }
  action sell { amount money }
  term rate(s sell) = 10%
  clause 3.1 "No big sales" p must not sell where amount > USD 100.00
  clause 5.1 "Share" p pays q 10% of amount of each sell by p settled quarterly
`
	cases := []struct{ name, extra, refused string }{
		{"none", "", ""},
		{"termination right", `  clause 12.1 "End" q may terminate on 90 days notice
`, "terminate"},
		{"remedy", `  clause 12.4 "Damages" p pays q USD 1,000.00 on first breach of 3.1
`, "remedy"},
		{"raised rate", `  clause 5.2 "After breach" p pays q of each sell by p:
    30% of amount from the day after the first breach of 3.1
    20% of amount otherwise
    settled quarterly
`, "after a breach"},
		{"rates by sale", `  clause 5.2 "Tiers" p pays q marginal tiers reset yearly {
    up to USD 1,000.00: 25% where amount > USD 50.00, 20% otherwise
    above: 5 points less
  } of amount of each sell by p
`, "depend on the sale"},
		{"joint cap", `  clause 5.2 "Bonus" p pays q 5% of amount of each sell by p settled quarterly
  clause 5.3 "Combined" clauses 5.1 and 5.2 together at most USD 100.00 over the term
`, "across clauses"},
		{"split by each sale", `  term weight(s sell) = 2
  clause 5.2 "Split" p pays split pro rata { q weight shares } 5% of amount of each sell by p
`, "numbers of shares"},
		{"term exception", `  exception 6.3 rate = 12% where s.amount > USD 50.00
`, "exceptions"},
	}
	ledger := "action,actor,date,amount\nsell,p,2027-01-05,USD 10.00\n"
	for _, c := range cases {
		src := head + c.extra + "}\n"
		p, err := interp.Compile([]interp.Source{{Name: "a.pacta", Text: []byte(src)}})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		_, err = p.SettlePartial(context.Background(), p.ReadCSV("", "l.csv", strings.NewReader(ledger)), interp.SettleOptions{})
		switch {
		case c.refused == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.refused != "" && (!errors.Is(err, interp.ErrInOrder) || !strings.Contains(err.Error(), c.refused)):
			t.Errorf("%s: got %v, want ErrInOrder naming %q", c.name, err, c.refused)
		}
	}
}
