package interp_test

// Benchmarks of the two hot paths, each beside a hand-written Go version of
// the same computation, for the ratio (see BENCHMARKS.md):
//
//	go test ./interp -run '^$' -bench 'Decide|Settle' -benchmem -count 6
//
// BenchmarkDecide decides one action on the example deal and on generated
// agreements of 20, 200 and 2,000 clauses (about 300 of which apply);
// BenchmarkHugeAgreement compiles 40,000 clauses and decides once;
// BenchmarkDecideHandwritten answers the
// same questions with plain Go over the same rules. BenchmarkSettle1M
// settles 1,000,000 sales generated on the fly through an exclusivity with
// a concession and a tiered, yearly-reset, lifetime-capped revenue share;
// BenchmarkSettleHandwritten1M computes the same statement with the same
// Decimal type, and both are checked against each other.

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// ---- decisions ----

// genRule is one generated permission or prohibition, kept as plain data
// so that the hand-written decision can use it directly.
type genRule struct {
	num         string
	party       int // 0: a, 1: b
	prohibit    bool
	platforms   uint64 // bit i: platform Pi matches
	notRegion   int    // the region the clause excludes
	minAmount   int64  // cents; 0: no amount condition
	from, until types.Date
	hasWindow   bool
	over        []int // indices of the rules this one overrides, directly
}

// genAgreement writes an agreement of n permissions and prohibitions over
// one action, with conditions on two kinds and an amount, some time
// windows, and chains of notwithstanding and subject to; and returns the
// same rules as data.
func genAgreement(tb testing.TB, n int) (string, []genRule) {
	var b strings.Builder
	b.WriteString("agreement gen \"Generated\" {\n  effective 2020-01-01\n  currency USD\n  party a \"A\"\n  party b \"B\"\n")
	b.WriteString("  kind Platform = P0 | P1 | P2 | P3 | P4 | P5 | P6 | P7 | P8 | P9\n")
	b.WriteString("  kind Region = R0 | R1 | R2 | R3 | R4 | R5 | R6 | R7 | R8 | R9\n")
	b.WriteString("  action sell {\n    platform Platform\n    region Region\n    amount money\n  }\n")
	rules := make([]genRule, n)
	from, until := mustDate(tb, "2021-01-01"), mustDate(tb, "2030-12-31")
	for k := 1; k <= n; k++ {
		r := genRule{num: fmt.Sprint(k), prohibit: k%3 == 0, notRegion: k % 10}
		if k%5 == 4 {
			r.party = 1
		}
		p1, p2 := k%10, (3*k+1)%10
		r.platforms = 1<<p1 | 1<<p2
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
		party := "a"
		if r.party == 1 {
			party = "b"
		}
		fmt.Fprintf(&b, "\n    %s %s sell where platform in [P%d, P%d] and region != R%d", party, modality, p1, p2, r.notRegion)
		if k%4 == 0 {
			r.minAmount = int64(k) * 10000
			fmt.Fprintf(&b, " and amount > USD %d.00", k*100)
		}
		if k%6 == 0 {
			r.from, r.until, r.hasWindow = from, until, true
			b.WriteString(" from 2021-01-01 until 2030-12-31")
		}
		b.WriteString("\n")
		rules[k-1] = r
	}
	b.WriteString("}\n")
	// subject to: clause k+1 overrides clause k.
	for k := 1; k <= n; k++ {
		if k%7 == 0 && k < n {
			rules[k].over = append(rules[k].over, k-1)
		}
	}
	return b.String(), rules
}

// handDecider is the hand-written decision over genRules: the transitive
// closure of the overrides computed once, then per action a loop over the
// rules and a pairwise check, as an engineer would write it without an
// interpreter.
type handDecider struct {
	rules []genRule
	over  [][]bool
}

func newHandDecider(rules []genRule) *handDecider {
	n := len(rules)
	h := &handDecider{rules: rules, over: make([][]bool, n)}
	for i := range h.over {
		h.over[i] = make([]bool, n)
		for _, j := range rules[i].over {
			h.over[i][j] = true
		}
	}
	for k := 0; k < n; k++ {
		for i := 0; i < n; i++ {
			if h.over[i][k] {
				for j := 0; j < n; j++ {
					if h.over[k][j] {
						h.over[i][j] = true
					}
				}
			}
		}
	}
	return h
}

type handSale struct {
	party, platform, region int
	amount                  int64 // cents
	date                    types.Date
}

// decide returns the verdict and the index of the deciding rule (-1 for
// none, and for a conflict the first of the two).
func (h *handDecider) decide(s handSale) (lang.Verdict, int) {
	var buf [64]int
	applied := buf[:0]
	for i := range h.rules {
		r := &h.rules[i]
		if r.party != s.party || r.hasWindow && (s.date.Before(r.from) || s.date.After(r.until)) {
			continue
		}
		if r.platforms&(1<<s.platform) == 0 || s.region == r.notRegion || r.minAmount > 0 && s.amount <= r.minAmount {
			continue
		}
		applied = append(applied, i)
	}
	if len(applied) == 0 {
		return lang.NotCovered, -1
	}
	first, other := -1, -1
	for _, i := range applied {
		overridden := false
		for _, j := range applied {
			if j != i && h.over[j][i] {
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
	switch {
	case other >= 0:
		return lang.Conflict, first
	case h.rules[first].prohibit:
		return lang.Prohibited, first
	}
	return lang.Permitted, first
}

// benchSales are the actions decided, in turn.
var benchSales = []handSale{
	{0, 3, 5, 500000, types.Date{}}, // dates filled in below
	{0, 4, 2, 2500000, types.Date{}},
	{0, 1, 1, 1000, types.Date{}},
	{1, 9, 4, 700000, types.Date{}},
}

func genActions(tb testing.TB, p *interp.Program) ([]*types.Record, []handSale) {
	dates := []string{"2025-06-15", "2022-01-01", "2020-03-01", "2031-05-05"}
	recs := make([]*types.Record, len(benchSales))
	sales := make([]handSale, len(benchSales))
	for i, s := range benchSales {
		s.date = mustDate(tb, dates[i])
		sales[i] = s
		amt, _ := types.NewDecimal(s.amount, 2)
		recs[i] = newAction(tb, p, "", "sell", fmt.Sprintf("actor=%s platform=P%d region=R%d amount=%s date=%s",
			[]string{"a", "b"}[s.party], s.platform, s.region, amt, dates[i]))
	}
	return recs, sales
}

// checkGenerated makes sure the engine and the hand-written decision agree
// on every benchmark action (and on a sweep of other actions).
func checkGenerated(tb testing.TB, p *interp.Program, h *handDecider, rules []genRule) {
	tb.Helper()
	recs, sales := genActions(tb, p)
	var d result.Decision
	for pl := 0; pl < 10; pl++ {
		for rg := 0; rg < 10; rg += 3 {
			s := handSale{pl % 2, pl, rg, int64(pl*rg) * 100000, mustDate(tb, "2024-02-29")}
			amt, _ := types.NewDecimal(s.amount, 2)
			recs = append(recs, newAction(tb, p, "", "sell", fmt.Sprintf("actor=%s platform=P%d region=R%d amount=%s date=2024-02-29",
				[]string{"a", "b"}[s.party], pl, rg, amt)))
			sales = append(sales, s)
		}
	}
	for i, r := range recs {
		if err := decideSafe(p, r, &d); err != nil {
			tb.Fatalf("sale %+v: %v", sales[i], err)
		}
		v, k := h.decide(sales[i])
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
			tb.Fatalf("sale %+v: engine %s, hand-written %s", sales[i], got, want)
		}
	}
}

// decideSafe is DecideInto with a panic turned into an error, so that a
// bug fails one test instead of the whole run.
func decideSafe(p *interp.Program, r *types.Record, d *result.Decision) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic: %v", v)
		}
	}()
	return p.DecideInto(context.Background(), r, interp.DecideOptions{}, d)
}

var verdictSink lang.Verdict

func BenchmarkDecide(b *testing.B) {
	ctx := context.Background()
	b.Run("example", func(b *testing.B) {
		p := exampleDeal(b)
		sale := newAction(b, p, "", "sell", "actor=openai platform=AWS date=2027-03-15 product=API region=US gross=USD:50,000.00 refunds=0.00")
		var d result.Decision
		b.ReportAllocs()
		for b.Loop() {
			if err := p.DecideInto(ctx, sale, interp.DecideOptions{}, &d); err != nil {
				b.Fatal(err)
			}
		}
		if d.Verdict != lang.Permitted || d.Clause.Num != "3.2" {
			b.Fatalf("decided %s", summary(&d))
		}
		verdictSink = d.Verdict
	})
	for _, n := range []int{20, 200, 2000} {
		b.Run(fmt.Sprintf("clauses=%d", n), func(b *testing.B) {
			src, rules := genAgreement(b, n)
			p := compile(b, src)
			checkGenerated(b, p, newHandDecider(rules), rules)
			recs, _ := genActions(b, p)
			var d result.Decision
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if err := p.DecideInto(ctx, recs[i%len(recs)], interp.DecideOptions{}, &d); err != nil {
					b.Fatal(err)
				}
			}
			verdictSink = d.Verdict
		})
	}
}

// BenchmarkDecideAlloc is Decide, which allocates its answer, on the
// example deal.
func BenchmarkDecideAlloc(b *testing.B) {
	p := exampleDeal(b)
	sale := newAction(b, p, "", "sell", "actor=openai platform=AWS date=2027-03-15 product=API region=US gross=USD:50,000.00 refunds=0.00")
	b.ReportAllocs()
	for b.Loop() {
		d, err := p.Decide(context.Background(), sale, interp.DecideOptions{})
		if err != nil {
			b.Fatal(err)
		}
		verdictSink = d.Verdict
	}
}

// exampleHand is the example deal's decision written by hand: 2.1, 2.2,
// 3.1 and, from 2026-11-01, 3.2 notwithstanding 3.1.
func exampleHand(actor, platform string, date, amendment types.Date) (lang.Verdict, string) {
	if actor == "microsoft" {
		if platform == "Azure" {
			return lang.Permitted, "2.2"
		}
		return lang.NotCovered, ""
	}
	if actor != "openai" {
		return lang.NotCovered, ""
	}
	if platform == "AWS" && !date.Before(amendment) {
		return lang.Permitted, "3.2" // notwithstanding 3.1
	}
	if platform != "Azure" && platform != "Direct" {
		return lang.Prohibited, "3.1"
	}
	return lang.Permitted, "2.1"
}

var clauseSink string

func BenchmarkDecideHandwritten(b *testing.B) {
	b.Run("example", func(b *testing.B) {
		amendment, date := mustDate(b, "2026-11-01"), mustDate(b, "2027-03-15")
		// The same sale as BenchmarkDecide/example, as a host would hold it.
		actor, platform := "openai", "AWS"
		b.ReportAllocs()
		var v lang.Verdict
		var c string
		for b.Loop() {
			v, c = exampleHand(actor, platform, date, amendment)
		}
		if v != lang.Permitted || c != "3.2" {
			b.Fatalf("decided %s %s", v, c)
		}
		verdictSink, clauseSink = v, c
	})
	for _, n := range []int{20, 200, 2000} {
		b.Run(fmt.Sprintf("clauses=%d", n), func(b *testing.B) {
			src, rules := genAgreement(b, n)
			h := newHandDecider(rules)
			checkGenerated(b, compile(b, src), h, rules)
			_, sales := genActions(b, compile(b, src))
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				v, _ := h.decide(sales[i%len(sales)])
				verdictSink = v
			}
		})
	}
}

// TestDecideGenerated checks the generated agreements and their
// hand-written decisions against each other outside the benchmarks.
func TestDecideGenerated(t *testing.T) {
	for _, n := range []int{20, 200, 2000} {
		src, rules := genAgreement(t, n)
		checkGenerated(t, compile(t, src), newHandDecider(rules), rules)
	}
	p := exampleDeal(t)
	amendment := mustDate(t, "2026-11-01")
	for _, actor := range []string{"openai", "microsoft"} {
		for _, pl := range []string{"Azure", "AWS", "GoogleCloud", "Direct"} {
			for _, date := range []string{"2026-10-31", "2026-11-01"} {
				d, err := p.Decide(context.Background(), newAction(t, p, "", "sell",
					"actor="+actor+" platform="+pl+" date="+date+" product=P region=US gross=1.00 refunds=0.00"), interp.DecideOptions{})
				if err != nil {
					t.Fatal(err)
				}
				v, c := exampleHand(actor, pl, mustDate(t, date), amendment)
				if d.Verdict != v || (c != "" && d.Clause.Num != c) {
					t.Errorf("%s %s %s: engine %s, hand-written %s %s", actor, pl, date, summary(d), v, c)
				}
			}
		}
	}
}

// ---- settlement of a million sales ----

const settleBenchSrc = `
agreement bench "Benchmark deal" {
  effective 2020-01-01
  currency USD

  party seller "Seller Inc"
  party owner  "Owner Ltd"

  kind Platform = Azure | AWS | GoogleCloud | Direct

  action sell {
    platform Platform
    gross    money
    refunds  money
  }

  term net(s sell) = s.gross - s.refunds

  clause 1 "Exclusivity"
    seller must not sell where platform not in [Azure, Direct]

  clause 2 "AWS concession" notwithstanding 1
    seller may sell where platform == AWS from 2022-01-01

  clause 3 "Royalty"
    seller pays owner marginal tiers reset yearly {
      20% up to USD 10,000,000.00
      15% up to USD 50,000,000.00
      10% above
    } of net of each sell by seller
      settled quarterly
      at most USD 25,000,000.00 over the term
}
`

// benchEvents is the number of sales in BenchmarkSettle1M.
const benchEvents = 1_000_000

// saleGen generates the benchmark's sales deterministically: dates spread
// evenly over 2020 to 2023, amounts from a linear congruential generator,
// AWS from 2022, and a sale on Google Cloud (a breach) every 250,000.
type saleGen struct {
	n, i     int
	span     int // the rows the dates are spread over (0: n)
	seed     uint64
	start    types.Date
	platform int // 0 Azure, 1 AWS, 2 GoogleCloud, 3 Direct
	date     types.Date
	gross    types.Decimal
	refunds  types.Decimal
}

func newSaleGen(tb testing.TB, n int) *saleGen {
	return &saleGen{n: n, seed: 42, start: mustDate(tb, "2020-01-01")}
}

var awsFrom = func() types.Date { d, _ := types.ParseDate("2022-01-01"); return d }()

func (g *saleGen) next() bool {
	if g.i >= g.n {
		return false
	}
	span := g.n
	if g.span > 0 {
		span = g.span
	}
	g.date, _ = g.start.AddDays(g.i * 1461 / span)
	g.seed = g.seed*6364136223846793005 + 1442695040888963407
	cents := int64(1000 + (g.seed>>33)%46001) // 10.00 to 470.00
	g.gross, _ = types.NewDecimal(cents, 2)
	g.refunds = types.Decimal{}
	if g.seed>>60 == 0 { // one in 16 has a refund of a tenth
		g.refunds, _ = types.NewDecimal(cents/10, 2)
	}
	switch {
	case g.i%250_000 == 1:
		g.platform = 2
	case !g.date.Before(awsFrom) && (g.seed>>40)%3 == 0:
		g.platform = 1
	case (g.seed>>40)%2 == 0:
		g.platform = 3
	default:
		g.platform = 0
	}
	g.i++
	return true
}

// settleLedger streams n generated sales as events, reusing one Record as
// a ledger reader does. sample, if not nil, is called after every event
// with the number of events so far.
func settleLedger(tb testing.TB, p *interp.Program, n int, sample func(int)) func(func(interp.Event, error) bool) {
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
		g := newSaleGen(tb, n)
		for g.next() {
			rec.Fields[iPlat] = platforms[g.platform]
			rec.Fields[iGross] = types.MoneyValue("USD", g.gross)
			rec.Fields[iRef] = types.MoneyValue("USD", g.refunds)
			rec.Fields[iDate] = types.DateValue(g.date)
			if !yield(interp.Event{Record: rec, Source: "generated", Line: g.i}, nil) {
				return
			}
			if sample != nil {
				sample(g.i)
			}
		}
	}
}

// handStatement is the hand-written settlement's result: the amount per
// quarter (in order) and the number of breaches.
type handStatement struct {
	quarters []string
	amounts  []types.Decimal
	breaches int
}

// settleHand computes the benchmark deal's statement by hand with the
// same Decimal type: the decision of clauses 1 and 2, and clause 3's
// marginal tiers on the quarter's net revenue, with the volume reset each
// year, rounded half-even to the cent, then the lifetime cap.
func settleHand(tb testing.TB, n int) handStatement {
	var (
		out      handStatement
		cent     = mustDec(tb, "0.01")
		rates    = [3]types.Decimal{mustDec(tb, "0.20"), mustDec(tb, "0.15"), mustDec(tb, "0.10")}
		bounds   = [2]types.Decimal{mustDec(tb, "10000000.00"), mustDec(tb, "50000000.00")}
		capLimit = mustDec(tb, "25000000.00")
		paid     types.Decimal // under the lifetime cap
		excess   types.Decimal
		volume   types.Decimal // year to date
		year     int
		quarter  int // year*4 + q
		open     bool
		base     types.Decimal // this quarter's net revenue
		err      error
	)
	// F is the marginal tiered amount on a window volume v >= 0.
	F := func(v types.Decimal) types.Decimal {
		var sum, lo types.Decimal
		for t := 0; t < 3; t++ {
			hi := v
			if t < 2 && bounds[t].Cmp(v) < 0 {
				hi = bounds[t]
			}
			if hi.Cmp(lo) > 0 {
				w, _ := hi.Sub(lo)
				x, _ := rates[t].Mul(w)
				sum, _ = sum.Add(x)
			}
			if t < 2 {
				lo = bounds[t]
				if v.Cmp(lo) <= 0 {
					break
				}
			}
		}
		return sum
	}
	closeQuarter := func() {
		y := quarter / 4
		if y != year {
			year, volume = y, types.Decimal{}
		}
		after, _ := volume.Add(base)
		exact, _ := F(after).Sub(F(volume))
		volume = after
		amount, _ := exact.Round(cent, types.HalfEven)
		// The lifetime cap: pay up to the room left.
		room, _ := capLimit.Sub(paid)
		if amount.Cmp(room) > 0 {
			over, _ := amount.Sub(room)
			excess, _ = excess.Add(over)
			amount = room.Max(types.Decimal{})
		}
		paid, _ = paid.Add(amount)
		out.quarters = append(out.quarters, fmt.Sprintf("%d-Q%d", y, quarter%4+1))
		out.amounts = append(out.amounts, amount)
		base = types.Decimal{}
	}
	g := newSaleGen(tb, n)
	for g.next() {
		// Clauses 1 and 2.
		if g.platform == 2 || g.platform == 1 && g.date.Before(awsFrom) {
			out.breaches++
		}
		q := g.date.Year()*4 + (g.date.Month()-1)/3
		if open && q != quarter {
			closeQuarter()
		}
		quarter, open = q, true
		net, _ := g.gross.Sub(g.refunds)
		if base, err = base.Add(net); err != nil {
			tb.Fatal(err)
		}
	}
	if open {
		closeQuarter()
	}
	return out
}

func engineStatement(st *result.Statement) handStatement {
	var out handStatement
	for _, l := range st.Lines {
		out.quarters = append(out.quarters, l.Period.String())
		out.amounts = append(out.amounts, l.Amount.Num())
	}
	out.breaches = len(st.Breaches)
	return out
}

func sameStatement(tb testing.TB, engine, hand handStatement) {
	tb.Helper()
	if engine.breaches != hand.breaches {
		tb.Errorf("breaches: engine %d, hand-written %d", engine.breaches, hand.breaches)
	}
	var e, h []string
	for i := range engine.quarters {
		if !engine.amounts[i].IsZero() {
			e = append(e, engine.quarters[i]+" "+types.MoneyValue("USD", engine.amounts[i]).String())
		}
	}
	for i := range hand.quarters {
		if !hand.amounts[i].IsZero() {
			h = append(h, hand.quarters[i]+" "+types.MoneyValue("USD", hand.amounts[i]).String())
		}
	}
	if strings.Join(e, "\n") != strings.Join(h, "\n") {
		tb.Errorf("statements differ:\nengine:\n%s\nhand-written:\n%s", strings.Join(e, "\n"), strings.Join(h, "\n"))
	}
}

func settleBench(tb testing.TB, p *interp.Program, n int, sample func(int)) *result.Statement {
	st, err := p.Settle(context.Background(), settleLedger(tb, p, n, sample), interp.SettleOptions{
		From: mustDate(tb, "2020-01-01"), To: mustDate(tb, "2023-12-31")})
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// TestSettleBenchmarkDeal checks the engine against the hand-written
// settlement on a ledger small enough for every test run.
func TestSettleBenchmarkDeal(t *testing.T) {
	p := compile(t, settleBenchSrc)
	n := 100_000
	if testing.Short() {
		n = 20_000
	}
	sameStatement(t, engineStatement(settleBench(t, p, n, nil)), settleHand(t, n))
}

// reportPerEvent reports events/s, ns/event and allocs/event.
func reportPerEvent(b *testing.B, elapsed time.Duration, mallocs uint64) {
	events := float64(b.N) * benchEvents
	b.ReportMetric(events/elapsed.Seconds(), "events/s")
	b.ReportMetric(float64(elapsed.Nanoseconds())/events, "ns/event")
	b.ReportMetric(float64(mallocs)/events, "allocs/event")
}

func BenchmarkSettle1M(b *testing.B) {
	p := compile(b, settleBenchSrc)
	want := settleHand(b, benchEvents)
	var st *result.Statement
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	for b.Loop() {
		st = settleBench(b, p, benchEvents, nil)
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	reportPerEvent(b, elapsed, after.Mallocs-before.Mallocs)
	sameStatement(b, engineStatement(st), want)
}

func BenchmarkSettleHandwritten1M(b *testing.B) {
	p := compile(b, settleBenchSrc)
	var got handStatement
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	for b.Loop() {
		got = settleHand(b, benchEvents)
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	reportPerEvent(b, elapsed, after.Mallocs-before.Mallocs)
	sameStatement(b, engineStatement(settleBench(b, p, 20_000, nil)), settleHand(b, 20_000))
	if len(got.quarters) != 16 {
		b.Fatalf("%d quarters", len(got.quarters))
	}
}

// BenchmarkSettleMemory reports the live heap after 100,000, 500,000 and
// 1,000,000 events of one settlement (after a collection, so that only
// what the settlement keeps is counted), and the bytes allocated per
// event. The live heap must stay flat as the ledger grows.
func BenchmarkSettleMemory(b *testing.B) {
	p := compile(b, settleBenchSrc)
	heap := map[int]uint64{}
	var total0 uint64
	for b.Loop() {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		total0 = ms.TotalAlloc
		base := ms.HeapInuse
		settleBench(b, p, benchEvents, func(i int) {
			if i == 100_000 || i == 500_000 || i == 1_000_000 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				heap[i] = ms.HeapInuse - min(base, ms.HeapInuse)
				if i == 1_000_000 {
					b.ReportMetric(float64(ms.TotalAlloc-total0)/benchEvents, "B-alloc/event")
				}
			}
		})
	}
	b.ReportMetric(float64(heap[100_000])/1024, "heap-KiB@100k")
	b.ReportMetric(float64(heap[500_000])/1024, "heap-KiB@500k")
	b.ReportMetric(float64(heap[1_000_000])/1024, "heap-KiB@1M")
	if heap[1_000_000] > heap[100_000]+1<<20 {
		b.Errorf("the live heap grew from %d to %d bytes between 100,000 and 1,000,000 events", heap[100_000], heap[1_000_000])
	}
}

// BenchmarkHugeAgreement compiles a generated agreement of 40,000 clauses
// (about the most one file may hold: 900,000 tokens) and decides one
// action with it: precedence is a graph, so both are near-linear in the
// number of clauses (regression: an n×n closure made 100,000 clauses run
// out of time and memory; TestPrecedenceManyClausesNearLinear compiles
// that many without a source file).
func BenchmarkHugeAgreement(b *testing.B) {
	src, _ := genAgreement(b, 40_000)
	b.ReportAllocs()
	for b.Loop() {
		p := compile(b, src)
		recs, _ := genActions(b, p)
		var d result.Decision
		if err := p.DecideInto(context.Background(), recs[0], interp.DecideOptions{}, &d); err != nil {
			b.Fatal(err)
		}
	}
}
