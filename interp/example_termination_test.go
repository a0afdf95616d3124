package interp_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/pacta-lang/pacta/interp"
)

// A ledger records a notice of termination; the statement says when and
// why the agreement ended, and decisions given that termination judge an
// action on or after its effective date by the clauses that survive it
// only (SPEC 5.6).
func ExampleDecideOptions_terminated() {
	src := `agreement deal "Deal" {
  effective 2027-01-01
  party seller "Seller Ltd"
  party owner  "Owner Inc"
  action sell { region text }
  event termination { notice_by party  under_clause text }
  clause 2.1 "Territory" seller must not sell where region != "EU"
  clause 9.1 "Convenience" owner may terminate on 90 days notice
}`
	p, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(src)}})
	if err != nil {
		panic(err)
	}
	ledger := "action,date,notice_by,under_clause\ntermination,2027-01-10,owner,9.1\n"
	ctx := context.Background()
	st, err := p.Settle(ctx, p.ReadCSV("", "ledger.csv", strings.NewReader(ledger)), interp.SettleOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(st.Terminated)
	for _, date := range []string{"2027-04-09", "2027-04-10"} {
		sale, err := p.NewAction("", "sell", map[string]string{"actor": "seller", "date": date, "region": "US"})
		if err != nil {
			panic(err)
		}
		d, err := p.Decide(ctx, sale, interp.DecideOptions{Terminated: st.Terminated})
		if err != nil {
			panic(err)
		}
		fmt.Println(date, d.Verdict)
	}
	// Output:
	// terminated by owner under 9.1 "Convenience" on notice given 2027-01-10, effective 2027-04-10 (90 days after notice)
	// 2027-04-09 prohibited
	// 2027-04-10 not covered
}
