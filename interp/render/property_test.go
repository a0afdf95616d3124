package render

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// bodies are clause bodies that stand alone over readingHeader's parties,
// actions, events and terms.
var bodies = []string{
	`a may sell where platform in [Azure, Direct]`,
	`a must not sell where platform not in [Azure, Direct]`,
	`b may sell from 2027-02-01 until 2027-06-30`,
	`a must deliver where item == "model" by 2027-02-28`,
	`b pays a USD 1,000.00 on 2027-01-15, 2027-07-15 due within 30 days late penalty USD 5.00 per started week`,
	`a pays b fee in 4 equal quarterly installments from 2027-01-01 due within 10 days late interest 1% per month capped at 12%`,
	`b pays a USD 500.00 on first launch where platform == Azure due within 30 days`,
	`a pays b 20% of net of each sell by a settled quarterly due 45 days after period end`,
	"a pays b of each sell by a:\n      25% of net where platform == AWS\n      20% of net otherwise\n      settled quarterly",
	`a pays b marginal tiers reset yearly { 20% up to USD 1,000.00 15% up to USD 5,000.00 10% above } of gross of each sell by a settled quarterly at most USD 2,000.00 per year minimum guarantee USD 100.00 per year recouping USD 50.00`,
	`a pays b whole tiers cumulative { 5% up to USD 1,000.00 8% above } of gross of each sell at least USD 10.00 over the term`,
	`a pays split { b 60% c 30% rounded down, remainder to d } 20% of gross of each sell`,
	`a pays split equally among b, c, d USD 90.00 on 2027-06-30`,
	`a pays waterfall { c up to USD 500.00 b rest } 5% of gross of each sell by a settled yearly`,
	`a pays b 10% of gross of each permitted sell where region == "EU" and not consent settled monthly`,
}

// TestRandomAgreementsRender renders agreements made of random clauses,
// amended by random amendments that add, replace and delete clauses, as of
// random dates: every one renders, in both formats, and each HTML document
// holds together (links resolve, ids are unique, SVGs are well-formed).
func TestRandomAgreementsRender(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	dates := []string{"", "2026-06-30", "2027-01-01", "2027-03-01", "2027-05-01", "2027-09-30", "2032-01-01"}
	compiled := 0
	for i := 0; i < 40; i++ {
		var b strings.Builder
		b.WriteString(readingHeader)
		n := 1 + rng.Intn(6)
		nums := []string{}
		for j := 0; j < n; j++ {
			num := fmt.Sprintf("%d.%d", 1+j/3, 1+j%3)
			nums = append(nums, num)
			fmt.Fprintf(&b, "  clause %s \"Clause %s\"\n    \"The drafted text of clause %s.\"\n    %s\n", num, num, num, bodies[rng.Intn(len(bodies))])
		}
		if len(nums) > 1 && rng.Intn(2) == 0 {
			fmt.Fprintf(&b, "  clause 9.1 \"Override\" notwithstanding %s\n    b may sell where region == \"EU\"\n", nums[0])
		}
		b.WriteString("}\n")
		for k := 0; k < rng.Intn(3); k++ {
			fmt.Fprintf(&b, "amendment am%d \"Amendment %d\" amends deal {\n  effective 2027-0%d-01\n", k, k, 2+2*k)
			r := rng.Intn(len(nums))
			fmt.Fprintf(&b, "  replace clause %s \"Replaced %s\"\n    \"Replaced text.\"\n    %s\n", nums[r], nums[r], bodies[rng.Intn(len(bodies))])
			fmt.Fprintf(&b, "  clause 8.%d \"Added\"\n    %s\n", k+1, bodies[rng.Intn(len(bodies))])
			if len(nums) > 2 && r != len(nums)-1 && rng.Intn(2) == 0 {
				fmt.Fprintf(&b, "  delete clause %s\n", nums[len(nums)-1])
			}
			b.WriteString("}\n")
		}
		src := b.String()
		prog, err := interp.Compile([]interp.Source{{Name: "random.pacta", Text: []byte(src)}})
		if err != nil {
			// A combination the checker refuses (a cycle, say) is not
			// this test's business.
			t.Logf("refused: %v", err)
			continue
		}
		compiled++
		for _, d := range dates[:2+rng.Intn(len(dates)-2)] {
			opts := Options{}
			if d != "" {
				opts.AsOf = mustDate(t, d)
			}
			doc := renderString(t, prog, opts)
			checkHTML(t, fmt.Sprintf("agreement %d as of %q", i, d), doc)
			if t.Failed() {
				t.Fatalf("source:\n%s", src)
			}
			opts.Format = "md"
			renderString(t, prog, opts)
		}
	}
	if compiled < 30 {
		t.Errorf("only %d of 40 random agreements compile: the generator has gone stale", compiled)
	}
}
