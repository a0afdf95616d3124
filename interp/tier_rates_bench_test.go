package interp_test

// The cost of tiers whose rates depend on the sale (SPEC 7.3.1), beside
// the same share with constant tiers and a hand-written Go version of the
// sale-rated share, on the same generated sales:
//
//	go test ./interp -run '^$' -bench 'SaleTiers' -benchmem -count 6

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
)

const saleTiersBenchEvents = 100_000

const saleTiersBenchSrc = `agreement st "Sale tiers" {
  effective 2026-01-01
  currency USD
  rounding half_even to 0.01
  party r "R"
  party v "V"
  kind Platform = Azure | AWS | Direct
  action sell { platform Platform  net money }
  clause 1 "Share"
    r pays v marginal tiers reset yearly {
      RATES
    } of net of each sell by r
      settled quarterly
}`

const (
	bySaleTiers = "up to USD 1,000,000.00: 25% where platform == AWS, 20% otherwise\n      above: 5 points less"
	constTiers  = "20% up to USD 1,000,000.00\n      15% above"
)

// saleTiersSales are n sales over 2026-2027, a third on each platform,
// nets from 0.01 to 200.00: the year's threshold is crossed in June.
func saleTiersSales(tb testing.TB, p *interp.Program, n int) ([]*types.Record, []types.Date, []bool, []types.Decimal) {
	platforms := []string{"Azure", "AWS", "Direct"}
	start, _ := types.ParseDate("2026-01-01")
	recs := make([]*types.Record, n)
	dates := make([]types.Date, n)
	aws := make([]bool, n)
	nets := make([]types.Decimal, n)
	for i := range n {
		d, _ := start.AddDays(i * 730 / n)
		cents := int64(i*7919%20000 + 1)
		net, _ := types.NewDecimal(cents, 2)
		pl := platforms[i%3]
		recs[i] = newAction(tb, p, "", "sell", fmt.Sprintf("date=%s actor=r platform=%s net=%s", d, pl, net))
		dates[i], aws[i], nets[i] = d, pl == "AWS", net
	}
	return recs, dates, aws, nets
}

// saleTiersHand is the sale-rated share in Go: per calendar quarter, the
// exact sum of each sale's parts below and above USD 1,000,000.00 of the
// year's volume at 25%/20% (AWS) or 20%/15%, rounded half-even.
func saleTiersHand(tb testing.TB, dates []types.Date, aws []bool, nets []types.Decimal) []string {
	bound, _ := types.ParseDecimal("1000000")
	r25, _ := types.ParseDecimal("0.25")
	r20, _ := types.ParseDecimal("0.20")
	r15, _ := types.ParseDecimal("0.15")
	unit, _ := types.ParseDecimal("0.01")
	var out []string
	var vol, sum types.Decimal
	year, q := 0, 0
	flush := func() {
		a, err := sum.Round(unit, types.HalfEven)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%d-Q%d %s", year, q, a))
		sum = types.Decimal{}
	}
	for i, d := range dates {
		y, m, _ := d.YMD()
		if y != year || (m-1)/3+1 != q {
			if year != 0 {
				flush()
			}
			if y != year {
				vol = types.Decimal{}
			}
			year, q = y, (m-1)/3+1
		}
		lo, hi := r20, r15
		if aws[i] {
			lo, hi = r25, r20
		}
		after, _ := vol.Add(nets[i])
		below := after.Min(bound)
		below, _ = below.Sub(vol.Min(bound))
		above, _ := nets[i].Sub(below)
		a, _ := lo.Mul(below)
		b, _ := hi.Mul(above)
		a, _ = a.Add(b)
		sum, _ = sum.Add(a)
		vol = after
	}
	flush()
	return out
}

func engineQuarters(st *result.Statement) []string {
	var out []string
	for _, l := range st.Lines {
		out = append(out, l.Period.String()+" "+l.Amount.Num().String())
	}
	return out
}

func TestSaleTiersAgainstHand(t *testing.T) {
	p := compile(t, strings.Replace(saleTiersBenchSrc, "RATES", bySaleTiers, 1))
	recs, dates, aws, nets := saleTiersSales(t, p, 3_000)
	st, err := p.Settle(context.Background(), events(recs), interp.SettleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, want := engineQuarters(st), saleTiersHand(t, dates, aws, nets)
	if len(want) != 8 {
		t.Fatalf("%d quarters, want 8 (2026 and 2027)", len(want))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("engine:\n%s\nhand-written:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func benchSaleTiers(b *testing.B, rates string) {
	p := compile(b, strings.Replace(saleTiersBenchSrc, "RATES", rates, 1))
	recs, _, _, _ := saleTiersSales(b, p, saleTiersBenchEvents)
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Settle(context.Background(), events(recs), interp.SettleOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/saleTiersBenchEvents, "ns/event")
}

func BenchmarkSaleTiersBySale(b *testing.B)   { benchSaleTiers(b, bySaleTiers) }
func BenchmarkSaleTiersConstant(b *testing.B) { benchSaleTiers(b, constTiers) }

func BenchmarkSaleTiersHandwritten(b *testing.B) {
	p := compile(b, strings.Replace(saleTiersBenchSrc, "RATES", bySaleTiers, 1))
	_, dates, aws, nets := saleTiersSales(b, p, saleTiersBenchEvents)
	b.ResetTimer()
	for b.Loop() {
		saleTiersHand(b, dates, aws, nets)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/saleTiersBenchEvents, "ns/event")
}
