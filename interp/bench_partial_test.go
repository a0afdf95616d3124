package interp_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
)

// sliceLedger streams the sales [from, to) of the benchmark's generated
// ledger (settleLedger's rows), with a Record of its own.
func sliceLedger(tb testing.TB, p *interp.Program, n, from, to int) func(func(interp.Event, error) bool) {
	rec := newAction(tb, p, "", "sell", "actor=seller platform=Azure gross=1.00 refunds=0.00 date=2020-01-01")
	s := rec.Schema
	iPlat, iGross, iRef, iDate := s.FieldIndex("platform"), s.FieldIndex("gross"), s.FieldIndex("refunds"), s.FieldIndex("date")
	var platforms [4]types.Value
	for k, name := range []string{"Azure", "AWS", "GoogleCloud", "Direct"} {
		v, err := s.ParseField(iPlat, name)
		if err != nil {
			tb.Fatal(err)
		}
		platforms[k] = v
	}
	return func(yield func(interp.Event, error) bool) {
		g := newSaleGen(tb, to)
		for range from { // the generator's state at row from
			g.seed = g.seed*6364136223846793005 + 1442695040888963407
		}
		g.i, g.span = from, n
		for g.next() {
			rec.Fields[iPlat] = platforms[g.platform]
			rec.Fields[iGross] = types.MoneyValue("USD", g.gross)
			rec.Fields[iRef] = types.MoneyValue("USD", g.refunds)
			rec.Fields[iDate] = types.DateValue(g.date)
			if !yield(interp.Event{Record: rec, Source: "generated", Line: g.i}, nil) {
				return
			}
		}
	}
}

// settleSlices settles the benchmark's n sales in k slices, each in a
// goroutine, merged in order and finished.
func settleSlices(tb testing.TB, p *interp.Program, n, k int) *result.Statement {
	st, _ := settleSlicesTimed(tb, p, n, k)
	return st
}

// settleSlicesTimed is settleSlices, also returning the time spent in
// the one goroutine that merges and finishes (the part that does not
// run in parallel).
func settleSlicesTimed(tb testing.TB, p *interp.Program, n, k int) (*result.Statement, time.Duration) {
	opts := interp.SettleOptions{From: mustDate(tb, "2020-01-01"), To: mustDate(tb, "2023-12-31")}
	parts := make([]*interp.Partial, k)
	errs := make([]error, k)
	done := make(chan int, k)
	for i := range k {
		go func() {
			parts[i], errs[i] = p.SettlePartial(context.Background(), sliceLedger(tb, p, n, i*n/k, (i+1)*n/k), opts)
			done <- i
		}()
	}
	for range k {
		<-done
	}
	serial := time.Now()
	for i := range k {
		if errs[i] != nil {
			tb.Fatal(errs[i])
		}
		if i > 0 {
			if err := parts[0].Merge(parts[i]); err != nil {
				tb.Fatal(err)
			}
		}
	}
	st, err := parts[0].Finish()
	if err != nil {
		tb.Fatal(err)
	}
	return st, time.Since(serial)
}

// The slices of the generated ledger are its rows: settled in slices,
// the benchmark deal gives the hand-written statement.
func TestSettleSlicesBenchmarkDeal(t *testing.T) {
	p := compile(t, settleBenchSrc)
	n := 20_000
	for _, k := range []int{1, 2, 3, 7} {
		sameStatement(t, engineStatement(settleSlices(t, p, n, k)), settleHand(t, n))
	}
}

// BenchmarkSettlePartial1M settles the million sales of BenchmarkSettle1M
// in 1 or 2 slices, each in a goroutine, merged and finished: with -cpu 2,
// slices=2 against slices=1 is the speed-up of a second core.
//
//	go test ./interp -run '^$' -bench 'SettlePartial1M|Settle1M$|SettleHandwritten1M' -count 6 -cpu 2
func BenchmarkSettlePartial1M(b *testing.B) {
	p := compile(b, settleBenchSrc)
	want := settleHand(b, benchEvents)
	for _, k := range []int{1, 2} {
		b.Run(fmt.Sprintf("slices=%d", k), func(b *testing.B) {
			var st *result.Statement
			var serial time.Duration
			for b.Loop() {
				var d time.Duration
				st, d = settleSlicesTimed(b, p, benchEvents, k)
				serial += d
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchEvents, "ns/event")
			// The merge and Finish, which no second core speeds up.
			b.ReportMetric(float64(serial.Nanoseconds())/float64(b.N)/benchEvents, "serial-ns/event")
			sameStatement(b, engineStatement(st), want)
		})
	}
}
