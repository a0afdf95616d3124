package result_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"

	"github.com/pacta-lang/pacta/interp/result"
)

// floorStatement settles an agreement with a monthly floor of USD 1.00 over
// a ledger of two sales, 2027-01-10 and the 10th of a month `years` later,
// so that every month of the span has one line: years × 12 + 1 lines.
func floorStatement(tb testing.TB, years int) *result.Statement {
	tb.Helper()
	p, err := interp.Compile([]interp.Source{{Name: "a.pacta", Text: []byte(`agreement flat "Flat" {
  effective 2027-01-01
  currency USD
  party r   "R"
  party lab "Lab"
  action resell { revenue money }
  clause 5.1 "Royalty"
    r pays lab 10% of revenue of each resell by r
      settled monthly
      at least USD 1.00 per month
}`)}})
	if err != nil {
		tb.Fatal(err)
	}
	csv := fmt.Sprintf("action,actor,date,revenue\nresell,r,2027-01-10,USD 5.00\nresell,r,%04d-01-10,USD 5.00\n", 2027+years)
	st, err := p.Settle(context.Background(), p.ReadCSV("", "ledger.csv", strings.NewReader(csv)), interp.SettleOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// TestStatementGroupingIsLinear: grouping a statement's lines and totals
// by period looks at each line and each total a bounded number of times.
// Before the fix every period scanned every total: 1,201 periods and
// 1,201 totals cost 1,201 × 1,201 = 1,442,401 looks, where a linear
// grouping costs about 2 × 1,201.
func TestStatementGroupingIsLinear(t *testing.T) {
	// 100 years: 100 × 12 + 1 = 1,201 months, each with one line (the
	// floor, or 10% of USD 5.00 = 0.50 topped up to 1.00) and one total.
	st := floorStatement(t, 100)
	if len(st.Lines) != 1201 || len(st.Totals) != 1201 {
		t.Fatalf("%d lines and %d totals, want 1201 of each", len(st.Lines), len(st.Totals))
	}
	var looks int
	groups := st.GroupPeriods(&looks)
	if len(groups) != 1201 {
		t.Fatalf("%d periods, want 1201", len(groups))
	}
	if limit := 4 * (len(st.Lines) + len(st.Totals)); looks > limit {
		t.Errorf("grouping looked at lines and totals %d times, more than %d: not linear", looks, limit)
	}
}

// BenchmarkStatementText writes statements of about 1k, 10k and 95k lines
// (the floor's limit of 100,000 empty periods and the calendar's end
// bound the largest); ns/op divided by lines should stay about the same.
func BenchmarkStatementText(b *testing.B) {
	for _, years := range []int{83, 833, 7972} {
		st := floorStatement(b, years)
		for _, format := range []string{"text", "json"} {
			b.Run(fmt.Sprintf("%s/lines=%d", format, len(st.Lines)), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					var err error
					if format == "text" {
						err = st.WriteText(io.Discard)
					} else {
						err = st.WriteJSON(io.Discard)
					}
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(st.Lines)), "ns/line")
			})
		}
	}
}
