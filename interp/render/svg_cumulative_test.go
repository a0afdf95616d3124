package render

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

func dec(t *testing.T, s string) types.Decimal {
	t.Helper()
	d, err := types.ParseDecimal(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func checkCurve(t *testing.T, got []curvePoint, want [][2]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d points, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		if !got[i].Base.Equal(dec(t, w[0])) || !got[i].Amount.Equal(dec(t, w[1])) {
			t.Errorf("point %d is (%s, %s), want (%s, %s)", i, got[i].Base, got[i].Amount, w[0], w[1])
		}
	}
}

// 10% up to 100, 20% above. The curve stops one band beyond the last
// threshold, at 100 + (100 - 0) = 200.
//
// Marginal: F(100) = 10% × 100 = 10.00; F(200) = 10.00 + 20% × (200 -
// 100) = 10.00 + 20.00 = 30.00.
//
// Whole: at 100 (up to includes it) the first rate, 10% × 100 = 10.00;
// just above 100 the second rate on the whole amount, 20% × 100 = 20.00
// (the jump); F(200) = 20% × 200 = 40.00.
func TestTierCurve(t *testing.T) {
	rates := []types.Decimal{dec(t, "0.10"), dec(t, "0.20")}
	bounds := []types.Decimal{dec(t, "100")}
	end, err := beyondLast(bounds)
	if err != nil || !end.Equal(dec(t, "200")) {
		t.Fatalf("the curve ends at %s (%v), want 200", end, err)
	}
	pts, err := tierCurve(rates, bounds, false, end)
	if err != nil {
		t.Fatal(err)
	}
	checkCurve(t, pts, [][2]string{{"0", "0"}, {"100", "10.00"}, {"200", "30.00"}})
	pts, err = tierCurve(rates, bounds, true, end)
	if err != nil {
		t.Fatal(err)
	}
	checkCurve(t, pts, [][2]string{{"0", "0"}, {"100", "10.00"}, {"100", "20.00"}, {"200", "40.00"}})
}

// The seed's reseller deal: 80% up to EUR 500,000.00, 75% up to EUR
// 1,500,000.00, 70% above (marginal). The curve stops at 1,500,000 +
// (1,500,000 - 500,000) = 2,500,000.
//
//	F(500,000)   = 80% × 500,000                       =   400,000.00
//	F(1,500,000) = 400,000 + 75% × 1,000,000           = 1,150,000.00
//	F(2,500,000) = 1,150,000 + 70% × 1,000,000         = 1,850,000.00
//
// The minimum guarantee, EUR 1,200,000.00 per contract year, is a floor
// line. Pixels: the plot is 560 - 24 - 24 = 512 wide from x = 24 and
// 260 - 44 - 24 = 192 high on y = 216, scaled to the highest amount,
// 1,850,000.00. 500,000 is at 24 + 512 × 500,000 / 2,500,000 = 24 +
// 102.4, cut to 126; 1,500,000 at 24 + 307.2 → 331. 400,000.00 is
// 192 × 400,000 / 1,850,000 = 41.5 → 41 pixels up, y = 175; 1,150,000.00
// is 119.35 → 119, y = 97; the floor 1,200,000.00 is 124.5 → 124, y = 92.
func TestCumulativeChartSeed(t *testing.T) {
	prog := load(t, filepath.Join(examplesDir, "saas-reseller"))
	doc, err := build(context.Background(), prog, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var c string
	for _, cl := range doc.Agreements[0].Clauses {
		for _, ch := range cl.Charts {
			if strings.Contains(ch, `class="cumulative"`) {
				c = ch
			}
		}
	}
	if c == "" {
		t.Fatal("no cumulative chart")
	}
	for _, s := range []string{
		"<title id=", "cumulative amount owed against net_sales (marginal tiers)",
		`points="24,216 126,175 331,97 536,24"`,
		"at EUR 500,000.00: EUR 400,000.00 owed",
		"at EUR 1,500,000.00: EUR 1,150,000.00 owed",
		"at EUR 2,500,000.00: EUR 1,850,000.00 owed",
		">EUR 500,000.00<", ">EUR 1,500,000.00<",
		`<line class="floor" x1="24" y1="92" x2="536" y2="92"`,
		">minimum guarantee EUR 1,200,000.00 per contract year<",
	} {
		if !strings.Contains(c, s) {
			t.Errorf("the chart has no %s", s)
		}
	}
	if n := strings.Count(c, `class="threshold"`); n != 2 {
		t.Errorf("%d thresholds marked, want 2", n)
	}
}

// Whole tiers, 10% up to USD 100.00, 20% above, capped at USD 35.00 per
// quarter and with a floor of USD 5.00 per quarter: the amount is 10.00 at
// 100.00, jumps to 20.00 just above it, and reaches 40.00 at 200.00. The
// plot is scaled to 40.00 over 192 pixels: 10.00 is 48 up (y = 168),
// 20.00 is 96 (y = 120), 40.00 is 192 (y = 24); the cap, 35.00, is 168
// (y = 48); the floor, 5.00, is 24 (y = 192). 100.00 is halfway across
// the 512 pixels, x = 24 + 256 = 280; 200.00 is at 536. The curve first
// reaches the cap at 175.00 (20% × 175 = 35), past halfway, so the cap is
// labelled on the left; it reaches the floor at 50.00, before halfway, so
// the floor is labelled on the right (anchored at 536 - 4 = 532).
func TestCumulativeChartWholeCap(t *testing.T) {
	src := `agreement fees "Fees" {
  effective 2027-01-01
  currency USD
  party vendor "Vendor Inc."
  party agent  "Agent Ltd."
  action sell {
    revenue money
  }
  clause 2.1 "Commission"
    vendor pays agent whole tiers {
      10% up to USD 100.00
      20% above
    } of revenue of each sell
      settled quarterly
      at most USD 35.00 per quarter
      at least USD 5.00 per quarter
}
`
	prog, err := interp.Compile([]interp.Source{{Name: "fees.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := build(context.Background(), prog, Options{})
	if err != nil {
		t.Fatal(err)
	}
	charts := doc.Agreements[0].Clauses[0].Charts
	if len(charts) != 2 {
		t.Fatalf("%d charts, want 2", len(charts))
	}
	c := charts[1]
	for _, s := range []string{
		"(whole-amount tiers)",
		`points="24,216 280,168 280,120 536,24"`,
		"at USD 100.00: USD 10.00 owed",
		"just above USD 100.00: USD 20.00 owed",
		"at USD 200.00: USD 40.00 owed",
		`<line class="cap" x1="24" y1="48" x2="536" y2="48"`,
		">cap: at most USD 35.00 per calendar quarter<",
		`<line class="floor" x1="24" y1="192" x2="536" y2="192"`,
		`x="532" y="205" font-family="sans-serif" font-size="11" fill="#a33" text-anchor="end">floor: at least USD 5.00 per calendar quarter<`,
		`x="30" y="44" font-family="sans-serif" font-size="11" fill="#a33" text-anchor="start">cap: at most USD 35.00 per calendar quarter<`,
	} {
		if !strings.Contains(c, s) {
			t.Errorf("the chart has no %s", s)
		}
	}
	// Byte for byte the same on a second build.
	doc2, err := build(context.Background(), prog, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc2.Agreements[0].Clauses[0].Charts[1] != c {
		t.Error("the chart differs between two builds")
	}
}
