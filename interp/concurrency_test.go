package interp_test

// One Program used from many goroutines at once. Run with -race:
//
//	go test -race -run Concurrent ./interp

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
)

func TestConcurrentUse(t *testing.T) {
	p := exampleDeal(t)
	ctx := context.Background()

	// The answers, worked out serially first.
	sales := []string{
		"actor=openai platform=AWS date=2026-10-31 product=API region=US gross=100.00 refunds=0.00",
		"actor=openai platform=AWS date=2026-11-01 product=API region=US gross=100.00 refunds=0.00",
		"actor=openai platform=Azure date=2027-01-15 product=API region=US gross=100.00 refunds=0.00",
		"actor=openai platform=GoogleCloud date=2026-11-01 product=API region=US gross=100.00 refunds=0.00",
		"actor=microsoft platform=AWS date=2026-03-01 product=API region=US gross=100.00 refunds=0.00",
	}
	actions := make([]*types.Record, len(sales))
	decisions := make([]string, len(sales))
	for i, s := range sales {
		actions[i] = newAction(t, p, "", "sell", s)
		d, err := p.Decide(ctx, actions[i], interp.DecideOptions{})
		if err != nil {
			t.Fatal(err)
		}
		decisions[i] = summary(d)
	}
	exprs := []string{
		"20% of azure_commitment",
		"net_revenue(sell by openai { product: \"X\", platform: AWS, region: \"US\", date: 2026-12-01, gross: USD 10.02, refunds: USD 0.01 })",
		"round(25% of USD 10.02, 0.01, \"half_up\")",
		"days_between(2026-01-01, 2027-01-01) * 2",
	}
	values := make([]string, len(exprs))
	for i, e := range exprs {
		v, err := p.Eval(ctx, "", e, interp.EvalOptions{})
		if err != nil {
			t.Fatal(err)
		}
		values[i] = v.String()
	}
	shared, err := p.CompileExpr("", "<shared>", []byte("25% of azure_commitment / 20"))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(11, 12))
	ledgers := make([][]*types.Record, 4)
	statements := make([]string, len(ledgers))
	for i := range ledgers {
		ledgers[i] = randomSales(t, p, rng, 200, "2026-01-01", "2027-12-31")
		statements[i] = render(settle(t, p, "", "2026-01-01", "2027-12-31", ledgers[i]))
	}
	rep, err := p.RunTests(ctx)
	if err != nil {
		t.Fatal(err)
	}
	failed := rep.Failed()

	const workers = 8
	const rounds = 20
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds*4)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var d result.Decision
			for r := 0; r < rounds; r++ {
				k := (w + r) % len(actions)
				if err := p.DecideInto(ctx, actions[k], interp.DecideOptions{}, &d); err != nil {
					errs <- err
				} else if got := summary(&d); got != decisions[k] {
					errs <- fmt.Errorf("worker %d: decision %q, want %q", w, got, decisions[k])
				}
				e := (w + r) % len(exprs)
				if v, err := p.Eval(ctx, "", exprs[e], interp.EvalOptions{}); err != nil || v.String() != values[e] {
					errs <- fmt.Errorf("worker %d: %s = %v (%v), want %s", w, exprs[e], v, err, values[e])
				}
				if v, err := shared.Eval(ctx, interp.EvalOptions{}); err != nil || v.String() != "USD 3,125,000,000.00" {
					errs <- fmt.Errorf("worker %d: shared expression = %v (%v)", w, v, err)
				}
				if r%5 == 0 {
					l := (w + r) % len(ledgers)
					st, err := p.Settle(ctx, events(ledgers[l]), interp.SettleOptions{From: mustDate(t, "2026-01-01"), To: mustDate(t, "2027-12-31")})
					if err != nil {
						errs <- err
					} else if got := render(st); got != statements[l] {
						errs <- fmt.Errorf("worker %d: ledger %d settles differently", w, l)
					}
				}
				if r%10 == 0 {
					rep, err := p.RunTests(ctx)
					if err != nil || rep.Failed() != failed {
						errs <- fmt.Errorf("worker %d: tests %v, %d failed, want %d", w, err, rep.Failed(), failed)
					}
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	n := 0
	for err := range errs {
		if n < 10 {
			t.Error(err)
		}
		n++
	}
}
