package interp_test

// BenchmarkDecideShapes decides one action against generated agreements of
// 1, 20, 200 and 2,000 clauses in four shapes, each beside a hand-written
// Go version of the same rules (BenchmarkDecideShapesHandwritten); see
// BENCHMARKS.md:
//
//	go test ./interp -run '^$' -bench 'DecideShapes' -benchmem -count 6 -cpu 1
//
// Every clause's condition tests text fields (`product == "Pk" and region
// != "Rk"`), as agreements about products and territories do.
//
//   - one: every clause is about the action decided and the party taking it;
//     a product matches one clause in 50.
//   - spread: the clauses are spread over ten actions.
//   - party: half the clauses are about another party.
//   - many: a product matches one clause in 7, so that about 300 of 2,000
//     clauses apply and precedence has to order them.

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

type shape struct {
	name     string
	actions  int // how many actions the clauses are spread over
	parties  int // 1: all about a; 2: about a or b
	products int // a clause tests product == "P(k mod products)"
}

var shapes = []shape{
	{"one", 1, 1, 50},
	{"spread", 10, 1, 50},
	{"party", 1, 2, 50},
	{"many", 1, 1, 7},
}

// shapeRule is one generated clause as plain data, for the hand-written
// decision.
type shapeRule struct {
	num       string
	action    int
	party     int
	prohibit  bool
	product   string
	notRegion string
	over      []int // the rules this one overrides directly
}

// genShape writes an agreement of n clauses of shape sh, and returns the
// same rules as data. Clause k is about action (h/256 mod actions) and
// party (h/65536 mod parties), where h is a multiplicative hash of k, so
// that the action and party are independent of the product; even clauses
// are notwithstanding the one before; every seventh is subject to the next.
func genShape(sh shape, n int) (string, []shapeRule) {
	var b strings.Builder
	b.WriteString("agreement shapes \"Shapes\" {\n  effective 2020-01-01\n  currency USD\n  party a \"A\"\n  party b \"B\"\n")
	for i := 0; i < sh.actions; i++ {
		fmt.Fprintf(&b, "  action act%d {\n    product text\n    region text\n  }\n", i)
	}
	rules := make([]shapeRule, n)
	for k := 1; k <= n; k++ {
		h := uint32(k) * 2654435761
		r := shapeRule{
			num:       fmt.Sprint(k),
			action:    int(h>>8) % sh.actions,
			party:     int(h>>16) % sh.parties,
			prohibit:  k%3 == 0,
			product:   fmt.Sprintf("P%d", k%sh.products),
			notRegion: fmt.Sprintf("R%d", k%10),
		}
		fmt.Fprintf(&b, "  clause %d \"Clause %d\"", k, k)
		if k > 1 && k%2 == 0 {
			fmt.Fprintf(&b, " notwithstanding %d", k-1)
			r.over = append(r.over, k-2)
		}
		if k%7 == 0 && k < n {
			fmt.Fprintf(&b, " subject to %d", k+1)
		}
		modality := "may"
		if r.prohibit {
			modality = "must not"
		}
		fmt.Fprintf(&b, "\n    %s %s act%d where product == %q and region != %q\n",
			[]string{"a", "b"}[r.party], modality, r.action, r.product, r.notRegion)
		rules[k-1] = r
	}
	b.WriteString("}\n")
	for k := 1; k <= n; k++ {
		if k%7 == 0 && k < n {
			rules[k].over = append(rules[k].over, k-1) // k+1 overrides k
		}
	}
	return b.String(), rules
}

// shapeEvent is an action as a host holds it.
type shapeEvent struct {
	action, party   int
	product, region string
}

// shapeHand is the hand-written decision: the rules bucketed by action and
// party once, and for each rule the rules that override it, directly or
// through a chain (its ancestors); deciding loops over the bucket with
// string comparisons, marks what applies, and drops every applicable rule
// one of whose ancestors applies.
type shapeHand struct {
	rules     []shapeRule
	buckets   [][]int // by action*2 + party
	ancestors [][]int
	mark      []bool
	applied   []int
}

func newShapeHand(rules []shapeRule, actions int) *shapeHand {
	h := &shapeHand{rules: rules, buckets: make([][]int, actions*2), ancestors: make([][]int, len(rules)), mark: make([]bool, len(rules))}
	for i, r := range rules {
		h.buckets[r.action*2+r.party] = append(h.buckets[r.action*2+r.party], i)
	}
	parents := make([][]int, len(rules))
	for i, r := range rules {
		for _, j := range r.over {
			parents[j] = append(parents[j], i)
		}
	}
	for i := range rules {
		seen := map[int]bool{}
		stack := append([]int(nil), parents[i]...)
		for len(stack) > 0 {
			j := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if seen[j] {
				continue
			}
			seen[j] = true
			h.ancestors[i] = append(h.ancestors[i], j)
			stack = append(stack, parents[j]...)
		}
	}
	return h
}

// decide returns the verdict and the deciding rule (for a conflict the
// first of the two; -1 for none).
func (h *shapeHand) decide(e shapeEvent) (lang.Verdict, int) {
	applied := h.applied[:0]
	for _, i := range h.buckets[e.action*2+e.party] {
		r := &h.rules[i]
		if r.product == e.product && r.notRegion != e.region {
			applied = append(applied, i)
			h.mark[i] = true
		}
	}
	first, other := -1, -1
	for _, i := range applied {
		overridden := false
		for _, j := range h.ancestors[i] {
			if h.mark[j] {
				overridden = true
				break
			}
		}
		if overridden {
			continue
		}
		if first < 0 {
			first = i
		} else if other < 0 && h.rules[i].prohibit != h.rules[first].prohibit {
			other = i
		}
	}
	for _, i := range applied {
		h.mark[i] = false
	}
	h.applied = applied
	switch {
	case first < 0:
		return lang.NotCovered, -1
	case other >= 0:
		return lang.Conflict, first
	case h.rules[first].prohibit:
		return lang.Prohibited, first
	}
	return lang.Permitted, first
}

// shapeEvents are the actions decided in turn: by a, on act0, products and
// regions chosen so that clauses apply in every shape once there are 20 or
// more.
var shapeEvents = []shapeEvent{
	{0, 0, "P1", "R3"},
	{0, 0, "P2", "R5"},
	{0, 0, "P4", "R0"},
	{0, 0, "P6", "R9"},
}

func shapeRecords(tb testing.TB, p *interp.Program, evs []shapeEvent) []*types.Record {
	recs := make([]*types.Record, len(evs))
	for i, e := range evs {
		recs[i] = newAction(tb, p, "", fmt.Sprintf("act%d", e.action),
			fmt.Sprintf("actor=%s product=%s region=%s date=2025-06-15", []string{"a", "b"}[e.party], e.product, e.region))
	}
	return recs
}

// checkShape makes sure the engine and the hand-written decision agree on
// the benchmark's actions and on a sweep of others.
func checkShape(tb testing.TB, sh shape, p *interp.Program, h *shapeHand, rules []shapeRule) {
	tb.Helper()
	evs := append([]shapeEvent(nil), shapeEvents...)
	for act := 0; act < sh.actions; act++ {
		for party := 0; party < 2; party++ {
			for pr := 0; pr < sh.products; pr += 3 {
				evs = append(evs, shapeEvent{act, party, fmt.Sprintf("P%d", pr), fmt.Sprintf("R%d", pr%10)})
			}
		}
	}
	recs := shapeRecords(tb, p, evs)
	var d result.Decision
	for i, r := range recs {
		if err := decideSafe(p, r, &d); err != nil {
			tb.Fatalf("%+v: %v", evs[i], err)
		}
		v, k := h.decide(evs[i])
		want := v.String()
		if k >= 0 {
			want += " " + rules[k].num
		}
		got := d.Verdict.String()
		switch {
		case d.Verdict == lang.Conflict:
			got += " " + d.Conflict[0].Num
		case d.Clause != nil:
			got += " " + d.Clause.Num
		}
		if got != want {
			tb.Fatalf("%s: %+v: engine %s, hand-written %s", sh.name, evs[i], got, want)
		}
	}
}

var shapeSizes = []int{1, 20, 200, 2000}

func BenchmarkDecideShapes(b *testing.B) {
	ctx := context.Background()
	for _, sh := range shapes {
		for _, n := range shapeSizes {
			b.Run(fmt.Sprintf("%s/clauses=%d", sh.name, n), func(b *testing.B) {
				src, rules := genShape(sh, n)
				p := compile(b, src)
				checkShape(b, sh, p, newShapeHand(rules, sh.actions), rules)
				recs := shapeRecords(b, p, shapeEvents)
				var d result.Decision
				applied := 0
				b.ReportAllocs()
				for i := 0; b.Loop(); i++ {
					if err := p.DecideInto(ctx, recs[i%len(recs)], interp.DecideOptions{}, &d); err != nil {
						b.Fatal(err)
					}
					applied += len(d.Applied)
				}
				b.ReportMetric(float64(applied)/float64(b.N), "applied/op")
				verdictSink = d.Verdict
			})
		}
	}
}

func BenchmarkDecideShapesHandwritten(b *testing.B) {
	for _, sh := range shapes {
		for _, n := range shapeSizes {
			b.Run(fmt.Sprintf("%s/clauses=%d", sh.name, n), func(b *testing.B) {
				src, rules := genShape(sh, n)
				h := newShapeHand(rules, sh.actions)
				checkShape(b, sh, compile(b, src), h, rules)
				b.ReportAllocs()
				for i := 0; b.Loop(); i++ {
					v, _ := h.decide(shapeEvents[i%len(shapeEvents)])
					verdictSink = v
				}
			})
		}
	}
}

// TestDecideShapes checks every shape's agreement against its hand-written
// decision outside the benchmarks.
func TestDecideShapes(t *testing.T) {
	for _, sh := range shapes {
		for _, n := range shapeSizes {
			src, rules := genShape(sh, n)
			checkShape(t, sh, compile(t, src), newShapeHand(rules, sh.actions), rules)
		}
	}
}
