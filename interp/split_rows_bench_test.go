package interp_test

// The cost of a pro rata split by each sale's numbers of shares (SPEC
// 8.4.2), beside the same share with a constant pro rata split and a
// hand-written Go version of the split by each sale, on the same
// generated sales:
//
//	go test ./interp -run '^$' -bench 'SplitRows' -benchmem -count 6

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

const splitRowsBenchEvents = 20_000

const splitRowsBenchSrc = `agreement sr "Split by each sale" {
  effective 2026-01-01
  currency USD
  rounding half_even to 0.01
  party r "R"
  party a "A"
  party b "B"
  party c "C"
  action sell { net money  units integer }
  clause 1 "Share"
    r pays split pro rata { a WEIGHT shares, b 2 shares, c 1 shares } 10% of net of each sell by r
      settled quarterly
}`

// splitRowsSales are n sales over 2026-2027 with nets from 0.01 to
// 200.00 and 1 to 5 units.
func splitRowsSales(tb testing.TB, p *interp.Program, n int) ([]*types.Record, []types.Date, []int64, []types.Decimal) {
	start, _ := types.ParseDate("2026-01-01")
	recs := make([]*types.Record, n)
	dates := make([]types.Date, n)
	units := make([]int64, n)
	nets := make([]types.Decimal, n)
	for i := range n {
		d, _ := start.AddDays(i * 730 / n)
		net, _ := types.NewDecimal(int64(i*7919%20000+1), 2)
		u := int64(i%5 + 1)
		recs[i] = newAction(tb, p, "", "sell", fmt.Sprintf("date=%s actor=r net=%s units=%d", d, net, u))
		dates[i], units[i], nets[i] = d, u, net
	}
	return recs, dates, units, nets
}

// splitRowsHand is the split by each sale in Go, in int64 arithmetic:
// per calendar quarter, each party's part of each sale's 10% (a units, b
// 2, c 1 shares of units + 3) in units of 10^-12 USD, rounded half-even;
// the quarter's 10% (in tenths of a cent) rounded half-even to the cent;
// each part rounded down to the cent and the cents left over to the
// parts that lost the most (ties to a, then b).
func splitRowsHand(tb testing.TB, dates []types.Date, units []int64, nets []types.Decimal) []string {
	const perCent = 10_000_000_000 // 10^-12 USD in a cent
	cents := make([]int64, len(nets))
	for i, n := range nets {
		c, err := n.MulPow10(2)
		if err == nil {
			cents[i], _ = c.Int64()
		}
	}
	halfEven := func(n, d int64) int64 { // n ≥ 0, d > 0
		q, r := n/d, n%d
		if r > d-r || r == d-r && q%2 != 0 {
			q++
		}
		return q
	}
	var out []string
	var mills int64 // the quarter's 10%, in tenths of a cent
	parts := make([]int64, 3)
	year, q := 0, 0
	flush := func() {
		total := halfEven(mills, 10) // cents
		left := total
		floors := make([]int64, 3)
		lost := make([]int64, 3)
		for i, x := range parts {
			floors[i], lost[i] = x/perCent, x%perCent
			left -= floors[i]
		}
		order := []int{0, 1, 2}
		sort.SliceStable(order, func(i, j int) bool { return lost[order[i]] > lost[order[j]] })
		for k := 0; left > 0; k++ {
			floors[order[k]]++
			left--
		}
		for i, name := range []string{"a", "b", "c"} {
			d, _ := types.NewDecimal(floors[i], 2)
			out = append(out, fmt.Sprintf("%d-Q%d %s %s", year, q, name, d))
		}
		mills = 0
		parts = make([]int64, 3)
	}
	for i, d := range dates {
		y, m, _ := d.YMD()
		if y != year || (m-1)/3+1 != q {
			if year != 0 {
				flush()
			}
			year, q = y, (m-1)/3+1
		}
		mills += cents[i]
		amt := cents[i] * perCent / 10 // 10% of the sale, in 10^-12 USD
		w := units[i] + 3
		for j, n := range []int64{units[i], 2, 1} {
			parts[j] += halfEven(amt*n, w)
		}
	}
	flush()
	return out
}

func splitRowsEngine(st *result.Statement) []string {
	var out []string
	for _, l := range st.Lines {
		out = append(out, l.Period.String()+" "+l.Payee+" "+l.Amount.Num().String())
	}
	return out
}

func TestSplitRowsAgainstHand(t *testing.T) {
	p := compile(t, strings.Replace(splitRowsBenchSrc, "WEIGHT", "units", 1))
	recs, dates, units, nets := splitRowsSales(t, p, 3_000)
	st, err := p.Settle(context.Background(), events(recs), interp.SettleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, want := splitRowsEngine(st), splitRowsHand(t, dates, units, nets)
	if len(want) != 24 {
		t.Fatalf("%d lines, want 24 (8 quarters, 3 parties)", len(want))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("engine:\n%s\nhand-written:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func benchSplitRows(b *testing.B, weight string) {
	p := compile(b, strings.Replace(splitRowsBenchSrc, "WEIGHT", weight, 1))
	recs, _, _, _ := splitRowsSales(b, p, splitRowsBenchEvents)
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Settle(context.Background(), events(recs), interp.SettleOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/splitRowsBenchEvents, "ns/event")
}

func BenchmarkSplitRowsBySale(b *testing.B)   { benchSplitRows(b, "units") }
func BenchmarkSplitRowsConstant(b *testing.B) { benchSplitRows(b, "3") }

func BenchmarkSplitRowsHandwritten(b *testing.B) {
	p := compile(b, strings.Replace(splitRowsBenchSrc, "WEIGHT", "units", 1))
	_, dates, units, nets := splitRowsSales(b, p, splitRowsBenchEvents)
	b.ResetTimer()
	for b.Loop() {
		splitRowsHand(b, dates, units, nets)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/splitRowsBenchEvents, "ns/event")
}
