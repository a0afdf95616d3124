package interp_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
)

// A host that decides each action before settling passes the decision in
// Event.Decision, and Settle does not decide it again: the breach list is
// the one Settle finds alone. A decision made as of another date is not
// the settlement's, and is decided again.
func TestSettleUsesHostDecision(t *testing.T) {
	p := compile(t, cacheSrc)
	ctx := context.Background()
	store := newAction(t, p, "", "sell", "actor=b platform=Store gross=1.00 date=2024-01-02")
	web := newAction(t, p, "", "sell", "actor=b platform=Web gross=1.00 date=2024-01-02")
	decide := func(r *types.Record, opts interp.DecideOptions) *result.Decision {
		d, err := p.Decide(ctx, r, opts)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	settle := func(evs ...interp.Event) *result.Statement {
		st, err := p.Settle(ctx, func(yield func(interp.Event, error) bool) {
			for _, ev := range evs {
				if !yield(ev, nil) {
					return
				}
			}
		}, interp.SettleOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	// The store sale is a breach of clause 1, decided by Settle or passed in.
	for _, st := range []*result.Statement{
		settle(interp.Event{Record: store, Line: 2}),
		settle(interp.Event{Record: store, Line: 2, Decision: decide(store, interp.DecideOptions{})}),
	} {
		if len(st.Breaches) != 1 || st.Breaches[0].Line != 2 || st.Breaches[0].Decision.Clause.Num != "1" {
			t.Errorf("breaches %+v, want line 2 by clause 1", st.Breaches)
		}
	}
	// The decision passed in is the one used: the web sale, given the
	// store sale's decision, is listed (which shows Settle did not decide
	// it again; a host must not do this).
	if st := settle(interp.Event{Record: web, Line: 3, Decision: decide(store, interp.DecideOptions{})}); len(st.Breaches) != 1 {
		t.Errorf("a decision passed in was not used: breaches %+v", st.Breaches)
	}
	// Made as of 2024-01-05, not the sale's date: Settle decides again.
	asOf, _ := types.ParseDate("2024-01-05")
	if st := settle(interp.Event{Record: web, Line: 3, Decision: decide(store, interp.DecideOptions{AsOf: asOf})}); len(st.Breaches) != 0 {
		t.Errorf("a decision as of another date was used: breaches %+v", st.Breaches)
	}
}

// settleLedgerDecided is settleLedger with a host that decides each sale
// first (as a host checking each sale before accepting it does), passing
// its decision on when pass is set.
func settleLedgerDecided(tb testing.TB, p *interp.Program, n int, pass bool) func(func(interp.Event, error) bool) {
	base := settleLedger(tb, p, n, nil)
	return func(yield func(interp.Event, error) bool) {
		var d result.Decision
		for ev, err := range base {
			if err := p.DecideInto(context.Background(), ev.Record, interp.DecideOptions{}, &d); err != nil {
				tb.Fatal(err)
			}
			if pass {
				ev.Decision = &d
			}
			if !yield(ev, err) {
				return
			}
		}
	}
}

// BenchmarkSettleDecided1M is BenchmarkSettle1M with the host deciding
// every sale first: "twice" gives Settle the events alone (so each sale
// is decided twice), "once" passes the host's decision in Event.Decision.
func BenchmarkSettleDecided1M(b *testing.B) {
	p := compile(b, settleBenchSrc)
	want := settleHand(b, benchEvents)
	for _, c := range []struct {
		name string
		pass bool
	}{{"twice", false}, {"once", true}} {
		b.Run(c.name, func(b *testing.B) {
			var st *result.Statement
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			for b.Loop() {
				var err error
				st, err = p.Settle(context.Background(), settleLedgerDecided(b, p, benchEvents, c.pass), interp.SettleOptions{
					From: mustDate(b, "2020-01-01"), To: mustDate(b, "2023-12-31")})
				if err != nil {
					b.Fatal(err)
				}
			}
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			reportPerEvent(b, elapsed, after.Mallocs-before.Mallocs)
			sameStatement(b, engineStatement(st), want)
		})
	}
}
