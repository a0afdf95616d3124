package interp_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
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
	var d result.Decision
	for _, c := range cases {
		// Set in place: reading a field from text would trim its spaces.
		rec, err := p.NewAction("", "sell", map[string]string{"actor": "a", "date": "2024-01-01", "product": "x", "region": "x"})
		if err != nil {
			t.Fatal(err)
		}
		rec.Fields[rec.Schema.FieldIndex("product")] = types.TextValue(c.product)
		rec.Fields[rec.Schema.FieldIndex("region")] = types.TextValue(c.region)
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

// textIndexSrc writes an agreement of n clauses about one party and one
// action: most test product first (so that the party's rules are indexed
// by product), interleaved with clauses that test region first, clauses
// with no condition at all, and clauses with a window, under chains of
// notwithstanding and subject to. With plain set, every test on product
// is written `not (product != "Pk")`, which decides the same but is
// neither fused, prefiltered nor indexed.
func textIndexSrc(n int, plain bool) string {
	var b strings.Builder
	b.WriteString("agreement ix \"Index\" {\n  effective 2020-01-01\n  currency USD\n  party a \"A\"\n  party b \"B\"\n")
	b.WriteString("  action sell {\n    product text\n    region text\n  }\n")
	for k := 1; k <= n; k++ {
		fmt.Fprintf(&b, "  clause %d \"C%d\"", k, k)
		if k > 1 && k%2 == 0 {
			fmt.Fprintf(&b, " notwithstanding %d", k-1)
		}
		if k%5 == 0 && k < n {
			fmt.Fprintf(&b, " subject to %d", k+1)
		}
		mod := "may"
		if k%3 == 0 {
			mod = "must not"
		}
		party := "a"
		if k%11 == 0 {
			party = "b"
		}
		product := fmt.Sprintf("product == \"P%d\"", k%4)
		if plain {
			product = fmt.Sprintf("not (product != \"P%d\")", k%4)
		}
		switch {
		case k%9 == 0:
			fmt.Fprintf(&b, "\n    %s %s sell\n", party, mod)
		case k%7 == 0:
			fmt.Fprintf(&b, "\n    %s %s sell where region == \"R%d\" and %s\n", party, mod, k%3, product)
		case k%13 == 0:
			fmt.Fprintf(&b, "\n    %s %s sell where %s from 2022-01-01\n", party, mod, product)
		default:
			fmt.Fprintf(&b, "\n    %s %s sell where %s and region != \"R%d\"\n", party, mod, product, k%3)
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// The index by text decides exactly as evaluating every condition does:
// the same verdict, deciding clause, and applicable clauses in the same
// order with the same outcomes, for every product (including one no
// clause names) and region, party and date.
func TestDecideTextIndexSameAsScan(t *testing.T) {
	for _, n := range []int{9, 40, 300} {
		fast, plain := compile(t, textIndexSrc(n, false)), compile(t, textIndexSrc(n, true))
		compared := 0
		for _, party := range []string{"a", "b"} {
			for _, product := range []string{"P0", "P1", "P2", "P3", "P9", ""} {
				for _, region := range []string{"R0", "R1", "R2", "R7"} {
					for _, date := range []string{"2021-06-01", "2023-06-01"} {
						spec := "actor=" + party + " product=" + product + " region=" + region + " date=" + date
						df, err := fast.Decide(context.Background(), newAction(t, fast, "", "sell", spec), interp.DecideOptions{})
						if err != nil {
							t.Fatal(err)
						}
						dp, err := plain.Decide(context.Background(), newAction(t, plain, "", "sell", spec), interp.DecideOptions{})
						if err != nil {
							t.Fatal(err)
						}
						if summary(df) != summary(dp) {
							t.Errorf("%d clauses, %s: indexed %s, evaluated %s", n, spec, summary(df), summary(dp))
						}
						compared += len(dp.Applied)
					}
				}
			}
		}
		if compared == 0 {
			t.Fatalf("%d clauses: no clause ever applied", n)
		}
	}
}

// A hand-worked decision of the indexed agreement of 9 clauses, product
// P1, region R0, by a on 2023-06-01. Clauses testing product first apply
// when k mod 4 = 1 and region R0 is not R(k mod 3): 1 (R1) and 5 (R2)
// apply; 9 has no condition and applies; 7 tests region R1 first and does
// not. 5 is subject to 6, which does not apply. No precedence joins 1, 5
// and 9 (2 is notwithstanding 1, 6 notwithstanding 5, 8 notwithstanding
// 7), and 9 says must not (9 mod 3 = 0) while 1 and 5 say may: the first
// two disagreeing in clause order are 1 and 9, a conflict.
func TestDecideTextIndexWorked(t *testing.T) {
	p := compile(t, textIndexSrc(9, false))
	d, err := p.Decide(context.Background(), newAction(t, p, "", "sell", "actor=a product=P1 region=R0 date=2023-06-01"), interp.DecideOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(d), "conflict 1/9 [1 conflicts; 5 conflicts; 9 conflicts]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// A rule skipped or kept by the test on its first field evaluates the rest
// of its condition only; an enum member past the 64 a prefilter mask
// holds evaluates the whole condition.
func TestDecidePrefilterRest(t *testing.T) {
	var members []string
	for i := 0; i < 70; i++ {
		members = append(members, fmt.Sprintf("T%d", i))
	}
	p := compile(t, `agreement t "T" {
  effective 2020-01-01
  currency USD
  party a "A"
  kind Tier = `+strings.Join(members, " | ")+`
  action sell {
    tier Tier
    region text
  }
  clause 1 "Eq"
    a may sell where tier == T1 and region == "X"
  clause 2 "In"
    a must not sell where tier in [T1, T2] and region == "Y" and region != "Z"
  clause 3 "Text"
    a may sell where region == "W" and tier != T3
  clause 4 "Alone"
    a may sell where tier == T5
}
`)
	cases := []struct{ tier, region, want string }{
		{"T1", "X", "permitted 1"},
		{"T1", "Z", "not covered"}, // 1's first test holds, its second does not
		{"T2", "Y", "prohibited 2"},
		{"T2", "X", "not covered"}, // 2's first test holds, its second does not
		{"T66", "X", "not covered"},
		{"T66", "W", "permitted 3"}, // 3's first test is on text
		{"T3", "W", "not covered"},  // 3's first test holds, its second does not
		{"T5", "Q", "permitted 4"},  // 4 has no test after its first
		{"T69", "Y", "not covered"},
	}
	for _, c := range cases {
		d, err := p.Decide(context.Background(), newAction(t, p, "", "sell", "actor=a date=2024-01-01 tier="+c.tier+" region="+c.region), interp.DecideOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got := d.Verdict.String()
		if d.Clause != nil {
			got += " " + d.Clause.Num
		}
		if got != c.want {
			t.Errorf("tier %s region %s: %s, want %s", c.tier, c.region, got, c.want)
		}
	}
}
