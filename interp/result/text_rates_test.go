package result_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// TestStatementTextRatesBySale: the text statement lays out the rate
// column of a line whose tier rates depend on the sale (SPEC 7.3.1) one
// entry per row, as it does a share's lines: each band, then each rate
// charged in it indented under it, so the column is as wide as its
// widest entry and not as the whole schedule.
//
// Figures, worked by hand. Clause 1, in ledger order within the quarter:
// Azure 60.00 takes the volume from 0 to 60 at 10% (6.00); AWS 100.00
// from 60 to 160: 40.00 at 30% (12.00), then 60.00 above USD 100.00 at
// 30 - 5 = 25% (15.00); Azure 50.00 from 160 to 210, all above, at
// 10 - 5 = 5% (2.50). 6.00 + 12.00 + 15.00 + 2.50 = 35.50, on a base of
// 60 + 100 + 50 = 210.00. Clause 2: 25% of the AWS 100.00 = 25.00 and 20%
// of the Azure 60.00 + 50.00 = 110.00 = 22.00: 47.00.
func TestStatementTextRatesBySale(t *testing.T) {
	p, err := interp.Compile([]interp.Source{{Name: "a.pacta", Text: []byte(`agreement st "Sale tiers" {
  effective 2027-01-01
  currency USD
  party r "R"
  party v "V"
  kind Platform = Azure | AWS
  action sell { platform Platform  net money }
  clause 1 "Rates by sale"
    r pays v marginal tiers {
      up to USD 100.00: 30% where platform == AWS, 10% otherwise
      above: 5 points less
    } of net of each sell
  clause 2 "Lines"
    r pays v of each sell:
      25% of net where platform == AWS
      20% of net otherwise
}`)}})
	if err != nil {
		t.Fatal(err)
	}
	csv := "action,actor,date,platform,net\n" +
		"sell,r,2027-02-01,Azure,USD 60.00\n" +
		"sell,r,2027-02-01,AWS,USD 100.00\n" +
		"sell,r,2027-03-01,Azure,USD 50.00\n"
	st, err := p.Settle(context.Background(), p.ReadCSV("", "ledger.csv", strings.NewReader(csv)), interp.SettleOptions{To: mustDate(t, "2027-03-31")})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := st.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	start := strings.Index(got, "  Payer → Payee")
	end := strings.Index(got, "\n  Totals")
	if start < 0 || end < start {
		t.Fatalf("no table in\n%s", got)
	}
	want := `  Payer → Payee  Clause             Kind         Base  Rate                   Amount  Due
  r → v          1 "Rates by sale"  share  USD 210.00  up to USD 100.00:   USD 35.50  2027-03-31
                                                         10% of USD 60.00
                                                         30% of USD 40.00
                                                       above USD 100.00:
                                                         25% of USD 60.00
                                                         5% of USD 50.00
      marginal tiers, rates by sale: volume USD 0.00 to USD 210.00 in the threshold window 2027-Q1 (2027-01-01 to 2027-03-31)
      due on 2027-03-31 (the last day of 2027-Q1)
  r → v          2 "Lines"          share  USD 210.00  25% of USD 100.00   USD 47.00  2027-03-31
                                                       20% of USD 110.00
      due on 2027-03-31 (the last day of 2027-Q1)
`
	if got[start:end] != want {
		t.Errorf("got\n%s\nwant\n%s", got[start:end], want)
	}
}
