package interp_test

import (
	"context"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// Conditions comparing a text field with a text constant are fused and
// prefiltered (a rule whose first test is `field == "text"` is skipped
// without evaluating its condition when the field differs): each form
// must still decide as Value.Equal compares texts, byte for byte.
func TestDecideTextConditions(t *testing.T) {
	p := compile(t, `agreement t "T" {
  effective 2020-01-01
  currency USD
  party a "A"
  action sell {
    product text
    region text
  }
  clause 1 "First test on product"
    a may sell where product == "Pro" and region != "EU"
  clause 2 "Constant first"
    a must not sell where "Lite" == product
  clause 3 "Second test on product"
    a must not sell where region == "EU" and product == "Pro"
  clause 4 "Negated"
    a may sell where product != "Pro" and product != "Lite" and region == "US"
}
`)
	cases := []struct{ product, region, want string }{
		{"Pro", "US", "permitted 1"},      // 1 applies; 3 does not (region)
		{"Pro", "EU", "prohibited 3"},     // 1 fails on region; 3 applies
		{"pro", "US", "permitted 4"},      // bytes differ from "Pro": only 4
		{"Pro ", "EU", "not covered"},     // a trailing space is another text
		{"Lite", "US", "prohibited 2"},    // the constant written first
		{"Lite", "EU", "prohibited 2"},    // 3 needs "Pro"
		{"", "US", "permitted 4"},         // the empty text is a text
		{"Ultra", "FR", "not covered"},    // nothing applies
		{"Pró", "US", "permitted 4"},      // not "Pro"
		{"Pro", "", "permitted 1"},        // "" != "EU"
		{"Lite\x00", "US", "permitted 4"}, // a NUL makes it another text
		{"LiteLite", "EU", "not covered"}, // a longer text sharing a prefix
		{"Li", "US", "permitted 4"},       // a shorter one
		{"Pro", "EU ", "permitted 1"},     // "EU " is not "EU"
		{"Pro", "eu", "permitted 1"},      // nor is "eu"
		{"Lite", "", "prohibited 2"},      // 2 has no region test
		{"Ultra", "US", "permitted 4"},    // 4's three tests hold
		{"Ultra", "us", "not covered"},    // 4's region test fails
	}
	var d interp.Decision
	for _, c := range cases {
		// Set in place: reading a field from text would trim its spaces.
		rec, err := p.NewAction("", "sell", map[string]string{"actor": "a", "date": "2024-01-01", "product": "x", "region": "x"})
		if err != nil {
			t.Fatal(err)
		}
		rec.Fields[rec.Schema.FieldIndex("product")] = interp.TextValue(c.product)
		rec.Fields[rec.Schema.FieldIndex("region")] = interp.TextValue(c.region)
		if err := p.DecideInto(context.Background(), rec, interp.DecideOptions{}, &d); err != nil {
			t.Fatal(err)
		}
		got := d.Verdict.String()
		if d.Clause != nil {
			got += " " + d.Clause.Num
		}
		if got != c.want {
			t.Errorf("product %q region %q: %s, want %s", c.product, c.region, got, c.want)
		}
	}
}
