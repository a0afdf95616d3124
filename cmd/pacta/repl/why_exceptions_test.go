package repl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWhyNamesException: :why says which exception to a term (SPEC 4.8)
// applied, for an expression, a decision and a money line.
func TestWhyNamesException(t *testing.T) {
	path := filepath.Join(t.TempDir(), "exc.pacta")
	src := `agreement exc "Exceptions" {
  effective 2027-01-01
  currency USD
  party a "A"
  party b "B"
  kind BuyerKind = Retail | Charity
  action order { buyer_kind BuyerKind  volume integer  amount money }
  term rate(o order) = 20%
  exception 6.3 rate = 12% where o.buyer_kind == Charity
  term limit(o order) = 100
  exception 6.5 limit = 500 where o.buyer_kind == Charity
  clause 7.1 "Rebate" a pays b rate of amount of each order by a
  clause 7.2 "Volume" a must not order where volume > limit
}`
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := runPiped(t, "rate(order by a { buyer_kind: Charity, volume: 5, amount: USD 1.00, date: 2027-02-01 })\n:why\n"+
		"order by a { buyer_kind: Charity, volume: 600, amount: USD 100.00, date: 2027-02-01 }\n:why\n", path)
	for _, want := range []string{
		"exception:  6.3 to term rate applied: its condition holds",
		"exception 6.5 to term limit applied in its condition",
		"term rate took exception 6.3 (for 1 order row)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}
