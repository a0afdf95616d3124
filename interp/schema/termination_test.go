package schema_test

import (
	"context"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/schema"
)

// A statement of a terminated agreement (SPEC 5.6) matches the schema,
// with its `terminated` member; one without a termination has none.
func TestTerminatedStatementMatchesSchema(t *testing.T) {
	schemas := compile(t)
	src := `agreement early "Ends early" {
  effective 2027-01-01
  currency USD
  party r   "Reseller Ltd"
  party lab "Lab Inc"
  action resell { revenue money }
  event termination { notice_by party  under_clause text }
  clause 1 "Royalty"
    r pays lab 10% of revenue of each resell by r
      settled quarterly
  clause 2 "Termination"
    lab may terminate on 90 days notice
}
`
	p, err := interp.Compile([]interp.Source{{Name: "early.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ ledger, want string }{
		{"action,date,actor,revenue,notice_by,under_clause\nresell,2027-01-05,r,USD 800.00,,\ntermination,2027-01-10,,,lab,2\nresell,2027-04-10,r,USD 900.00,,\n",
			`"terminated":{"clause":{"number":"2","title":"Termination","agreement":"early","amendment":"","position":"early.pacta:11:3"},"by":"lab","notice":"2027-01-10","period":"90 days","effective":"2027-04-10","last_day":"2027-04-09","breach":"","event":""`},
		{"action,date,actor,revenue\nresell,2027-01-05,r,USD 800.00\n", ""},
	} {
		st, err := p.Settle(context.Background(), p.ReadCSV("", "ledger.csv", strings.NewReader(c.ledger)), interp.SettleOptions{})
		if err != nil {
			t.Fatal(err)
		}
		b := marshal(t, st)
		validate(t, schemas[schema.Statement], "terminated statement", b)
		if c.want == "" && strings.Contains(string(b), `"terminated"`) || c.want != "" && !strings.Contains(string(b), c.want) {
			t.Errorf("statement:\n%s\nwant %s", b, c.want)
		}
	}
}
