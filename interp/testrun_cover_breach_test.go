package interp_test

import (
	"context"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// A prohibition that decides a test's settlement (a sale it prohibits is
// a breach, and a share of each permitted sale leaves it out) applied in
// a decision: SPEC 10.3 counts it as exercised, as it does the
// deciding clause of `expect x is prohibited`.
func TestCoverageCountsTheSettlementsBreaches(t *testing.T) {
	src := `agreement t "T" {
  effective 2027-01-01
  currency USD
  party r "R"
  party a "A"
  kind Platform = Web | Store
  action sell { net money  platform Platform }
  clause 1 "Royalty"
    r pays a 10% of net of each permitted sell
      settled quarterly
  clause 2 "No store sales"
    r must not sell where platform == Store
  test "the store sale is left out" {
    given web = sell by r { net: USD 100.00, platform: Web, date: 2027-01-05 }
    given store = sell by r { net: USD 1,000.00, platform: Store, date: 2027-02-05 }
    // 10% of the web sale only: 10.00 (the store sale, prohibited by 2, is not counted)
    expect r pays a USD 10.00 for 2027-Q1 under 1
  }
}
`
	p, err := interp.Compile([]interp.Source{{Name: "t.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.RunTests(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed() != 0 {
		t.Fatalf("the test fails: %+v", rep.Results[0].Failures)
	}
	for _, c := range rep.Unexercised {
		t.Errorf("clause %s is listed as unexercised", c)
	}
}
