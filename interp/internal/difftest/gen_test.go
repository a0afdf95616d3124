package difftest

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"sort"
	"time"
)

// gen makes random agreements and ledgers from a seed.
type gen struct {
	r        *rand.Rand
	a        *agreement
	prio     map[string]int // precedence rank of a clause number: higher overrides lower
	nums     []string       // clause numbers used so far
	features features
	horizon  time.Time // last day of the ledger
	inAm     bool      // generating an amendment
	scale    *big.Rat  // a typical share amount per settlement quarter
	volume   *big.Rat  // a typical base volume per quarter
}

// features switches constructs on and off (see knownEngineBugs).
type features struct {
	ends         bool // agreements with an `ends` date and rows after it
	floors       bool // `at least X per U` and `at least X over the term`
	guaranteeEnd bool // amendments that end a share version with a minimum guarantee
	unrounded    bool // fixed amounts and limits that are not whole rounding units
	resetShorter bool // tier windows not made of whole settlement periods
	capOrder     bool // a cap per settlement period written after a cap of a longer unit
	termDates    bool // terms as installment totals, limit amounts and tier rates
	partialPay   bool // payments that pay a line in part
	payMonthEnd  bool // payments dated on the last day of a month
}

// allFeatures turns every construct on.
func allFeatures() features {
	return features{ends: true, floors: true, guaranteeEnd: true, unrounded: true, resetShorter: true, capOrder: true, termDates: true, partialPay: true, payMonthEnd: true}
}

// feature names as knownEngineBugs uses them
func (f *features) set(name string, on bool) {
	switch name {
	case "ends":
		f.ends = on
	case "floors":
		f.floors = on
	case "guarantee-version-end":
		f.guaranteeEnd = on
	case "unrounded-amounts":
		f.unrounded = on
	case "tier-window-unaligned":
		f.resetShorter = on
	case "cap-order":
		f.capOrder = on
	case "payment-on-period-end":
		f.payMonthEnd = on
	case "late-partial-payment":
		f.partialPay = on
	case "term-evaluation-date":
		f.termDates = on
	default:
		panic("no feature " + name)
	}
}

func newGen(seed uint64, f features) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), prio: map[string]int{}, features: f}
}

func (g *gen) n(k int) int           { return g.r.IntN(k) }
func (g *gen) chance(p float64) bool { return g.r.Float64() < p }
func pick[T any](g *gen, xs []T) T   { return xs[g.n(len(xs))] }

var partyNames = []string{"ana", "ben", "cy", "dee"}
var memberNames = []string{"Red", "Green", "Blue", "Gold", "Jade"}
var numberPool = []string{"1", "2", "2.1", "2.2", "3", "3.1", "3.2", "3.10", "4", "4.1", "5", "5.1.2", "6", "7", "8", "9", "10", "a1", "b2", "sched_c"}

// agreement generates one agreement of about nEvents ledger rows.
func (g *gen) agreement(nEvents int) *agreement {
	a := &agreement{name: "deal"}
	g.a = a
	a.effective = day(2024, 1+g.n(12), 1+g.n(28))
	years := 1 + g.n(3)
	g.horizon = day(a.effective.Year()+years, 12, 31)
	if g.features.ends && g.chance(0.3) {
		a.ends = addDays(a.effective, 200+g.n(365*years))
		if a.ends.After(g.horizon) {
			a.ends = g.horizon
		}
	}
	modes := []string{"half_even", "half_up", "half_down", "up", "down", "floor", "ceiling"}
	a.mode = pick(g, modes)
	a.currency = pick(g, []string{"USD", "USD", "USD", "EUR", "JPY", "KWD"})
	a.unitText = pick(g, []string{"0.01", "0.01", "0.01", "0.05", "0.25", "1", "0.001"})
	if g.chance(0.2) {
		// SPEC 4.2: half_even to the currency's minor unit
		a.noRounding = true
		a.mode = "half_even"
		a.unitText = map[string]string{"USD": "0.01", "EUR": "0.01", "JPY": "1", "KWD": "0.001"}[a.currency]
	}
	a.unit = rat(a.unitText)
	a.prohibited = g.chance(0.3)
	if g.chance(0.3) {
		a.fiscal = 2 + g.n(11)
	}
	a.parties = partyNames[:2+g.n(3)]
	a.members = memberNames[:2+g.n(4)]
	// Typical volumes: rows of up to USD 2,000 spread over the horizon.
	days := int(g.horizon.Sub(a.effective).Hours()/24) + 1
	perQuarter := max(1, nEvents*91/days)
	g.volume = big.NewRat(int64(perQuarter)*1000/2, 1) // two actions, about half the rows each
	g.scale = quo(g.volume, big.NewRat(10, 1))

	a.rt = g.termRate()
	a.fee = g.unitAmount(g.scale)
	nc := 2 + g.n(7)
	for range nc {
		if c := g.clause(g.freshNum(), a.effective, nil); c != nil {
			a.clauses = append(a.clauses, c)
		}
	}
	g.amendments()
	if g.chance(0.35) {
		g.track()
	}
	return a
}

// track picks a clause to carry late charges, when one pays a party that
// no other clause pays from the same payer (so that which clause's line a
// payment pays is never in question), and gives it late modifiers.
func (g *gen) track() {
	a := g.a
	var all []*clause
	all = append(all, a.clauses...)
	touched := map[string]bool{}
	for _, am := range a.amendments {
		for _, o := range am.ops {
			touched[o.num] = true
			if o.clause != nil {
				all = append(all, o.clause)
			}
		}
	}
	pays := func(c *clause, who string) bool {
		var walk func(p payee) bool
		walk = func(p payee) bool {
			if p.party == who || p.remainder == who {
				return true
			}
			for _, s := range p.split {
				if s.party == who {
					return true
				}
			}
			for _, st := range p.waterfall {
				if walk(st.to) {
					return true
				}
			}
			return false
		}
		return walk(c.payee)
	}
	var cands []*clause
	for _, c := range a.clauses {
		if touched[c.num] || c.payee.party == "" {
			continue
		}
		switch c.kind {
		case ckPayment, ckInstallments:
		case ckShare:
			// no negative lines (whole tiers can give credits), no
			// true-up on the same day as the share line
			if !g.features.payMonthEnd && !a.ends.IsZero() {
				continue // see knownEngineBugs["payment-on-period-end"]
			}
			if c.guarantee != nil || c.tiers != nil && !c.tiers.marginal {
				continue
			}
			whole := false
			for _, l := range c.lines {
				whole = whole || l.tiers != nil && !l.tiers.marginal
			}
			if whole {
				continue
			}
		default:
			continue
		}
		unique := true
		for _, o := range all {
			if o != c && o.kind != ckDeontic && o.payer == c.payer && pays(o, c.payee.party) {
				unique = false
			}
		}
		if unique {
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		return
	}
	c := pick(g, cands)
	a.tracked = c.num
	units := []string{"day", "week", "month", "quarter", "year"}
	for _, interest := range []bool{true, false} {
		if !g.chance(0.6) {
			continue
		}
		l := lateMod{interest: interest, unit: pick(g, units)}
		if interest {
			l.rate = big.NewRat(int64(1+g.n(500)), 100)
		} else {
			l.amount = g.unitAmount(quo(g.scale, big.NewRat(50, 1)))
		}
		switch g.n(3) {
		case 0:
			l.capMoney = g.unitAmount(quo(g.scale, big.NewRat(10, 1)))
		case 1:
			l.capPct = big.NewRat(int64(1+g.n(30)), 1)
		}
		c.late = append(c.late, l)
	}
}

func (g *gen) freshNum() string {
	for {
		n := pick(g, numberPool)
		if !slices.Contains(g.nums, n) {
			g.nums = append(g.nums, n)
			if _, ok := g.prio[n]; !ok {
				g.prio[n] = g.n(1000)
			}
			return n
		}
	}
}

// termEnd is the last day anything may be dated.
func (g *gen) termEnd() time.Time {
	if !g.a.ends.IsZero() {
		return g.a.ends
	}
	return g.horizon
}

func (g *gen) dateIn(from, to time.Time) time.Time {
	n := int(to.Sub(from).Hours() / 24)
	if n <= 0 {
		return from
	}
	return addDays(from, g.n(n+1))
}

// inForce lists the clause numbers in force, with their kinds, once the
// agreement and the amendments so far apply (with extra applied last).
func (g *gen) inForce(extra *amendment) map[string]clauseKind {
	m := map[string]clauseKind{}
	for _, c := range g.a.clauses {
		m[c.num] = c.kind
	}
	ams := append(slices.Clone(g.a.amendments), extra)
	for _, am := range ams {
		if am == nil {
			continue
		}
		for _, o := range am.ops {
			switch o.kind {
			case opDelete:
				delete(m, o.num)
			default:
				m[o.num] = o.clause.kind
			}
		}
	}
	return m
}

// clause generates a clause numbered num, made on date made; refs are the
// deontic clause numbers it may refer to (nil: the base agreement's so far).
func (g *gen) clause(num string, made time.Time, kinds []clauseKind) *clause {
	k := ckDeontic
	if kinds != nil {
		k = pick(g, kinds)
	} else {
		switch x := g.n(20); {
		case x < 9:
			k = ckDeontic
		case x < 15:
			k = ckShare
		case x < 17:
			k = ckPayment
		case x < 19:
			k = ckInstallments
		default:
			k = ckMilestone
		}
	}
	c := &clause{num: num, title: "Clause " + num, kind: k}
	c.amountTerm = g.chance(0.2)
	switch k {
	case ckDeontic:
		g.deontic(c)
	case ckShare:
		g.share(c)
	case ckPayment:
		g.payer(c)
		c.amount = g.amount(g.scale)
		nd := 1 + g.n(3)
		for try := 0; len(c.dates) < nd && try < 100; try++ {
			d := g.dateIn(made, g.termEnd())
			if !slices.ContainsFunc(c.dates, d.Equal) {
				c.dates = append(c.dates, d)
			}
		}
		sort.Slice(c.dates, func(i, j int) bool { return c.dates[i].Before(c.dates[j]) })
		c.due, c.dueUnit = g.dueDays()
	case ckInstallments:
		g.payer(c)
		c.count = 1 + g.n(24)
		c.interval = pick(g, []string{"monthly", "quarterly", "yearly"})
		step := map[string]int{"monthly": 1, "quarterly": 3, "yearly": 12}[c.interval]
		// every installment date must lie within the term
		for try := 0; ; try++ {
			if try > 1000 {
				panic("no installment start date")
			}
			c.start = g.dateIn(made, g.termEnd())
			if g.chance(0.3) {
				c.start = day(c.start.Year(), int(c.start.Month()), 28+g.n(daysIn(c.start.Year(), int(c.start.Month()))-27))
			}
			if !addMonths(c.start, (c.count-1)*step).After(g.termEnd()) && !c.start.Before(g.a.effective) {
				break
			}
			if c.count > 1 {
				c.count--
			}
		}
		if !g.features.termDates {
			c.amountTerm = false
		}
		units := 1 + g.n(1000000)
		if g.chance(0.2) {
			units = 1 + g.n(10)
		}
		c.amount = mul(big.NewRat(int64(units), 1), g.a.unit)
		c.due, c.dueUnit = g.dueDays()
	case ckMilestone:
		g.payer(c)
		c.event = pick(g, []string{"release", "release", "sell", "lease"})
		c.first = g.chance(0.5)
		c.amount = g.amount(g.scale)
		switch {
		case c.event != "release" && g.chance(0.8):
			c.mcond = g.cond(1) // an action: its amount too
		case g.chance(0.6):
			c.mcond = g.enumCond(1)
		}
		c.due, c.dueUnit = g.dueDays()
	}
	return c
}

func (g *gen) dueDays() (int, string) {
	switch x := g.n(10); {
	case x < 5:
		return 0, "days"
	case x < 8:
		return 1 + g.n(90), "days"
	case x < 9:
		return 1 + g.n(8), "weeks"
	default:
		return 1 + g.n(6), "months"
	}
}

// amount is a positive amount of about s, with up to two decimals.
func (g *gen) amount(s *big.Rat) *big.Rat {
	f := big.NewRat(int64(1+g.n(300)), 100)
	x := mul(s, f)
	cents := floorUnits(mul(x, big.NewRat(100, 1)), big.NewRat(1, 1))
	if cents.Sign() == 0 {
		cents = big.NewInt(1)
	}
	x = new(big.Rat).SetFrac(cents, big.NewInt(100))
	if !g.features.unrounded {
		units := floorUnits(x, g.a.unit)
		if units.Sign() == 0 {
			units = big.NewInt(1)
		}
		x = mul(new(big.Rat).SetInt(units), g.a.unit)
	}
	return x
}

// unitAmount is a positive whole number of rounding units of about s.
func (g *gen) unitAmount(s *big.Rat) *big.Rat {
	units := floorUnits(mul(s, big.NewRat(int64(1+g.n(300)), 100)), g.a.unit)
	if units.Sign() == 0 {
		units = big.NewInt(1)
	}
	return mul(new(big.Rat).SetInt(units), g.a.unit)
}

// thresholdAmount is a positive amount of about s with up to two decimals
// (tier thresholds are not rounded, SPEC 8.2).
func (g *gen) thresholdAmount(s *big.Rat) *big.Rat {
	f := big.NewRat(int64(1+g.n(300)), 100)
	cents := floorUnits(mul(mul(s, f), big.NewRat(100, 1)), big.NewRat(1, 1))
	if cents.Sign() == 0 {
		cents = big.NewInt(1)
	}
	return new(big.Rat).SetFrac(cents, big.NewInt(100))
}

func (g *gen) payer(c *clause) {
	c.payer = pick(g, g.a.parties)
	c.payee = g.payeeFor(c.payer, c.kind)
	if c.kind != ckShare && g.chance(0.15) {
		c.payee = g.waterfall(c.payer, g.scale)
	}
}

// waterfall is a waterfall payee of two or three steps, limits of about s.
func (g *gen) waterfall(payer string, s *big.Rat) payee {
	var others []string
	for _, p := range g.a.parties {
		if p != payer {
			others = append(others, p)
		}
	}
	g.r.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
	n := min(len(others), 2+g.n(2))
	if n < 2 {
		return payee{party: others[0]}
	}
	var p payee
	for i := range n {
		st := wfStep{to: payee{party: others[i]}}
		if g.chance(0.2) {
			st.to = g.payeeFor(payer, ckPayment)
		}
		if i < n-1 {
			st.upTo = g.amount(quo(s, big.NewRat(5, 1)))
		}
		p.waterfall = append(p.waterfall, st)
	}
	return p
}

func (g *gen) payeeFor(payer string, kind clauseKind) payee {
	var others []string
	for _, p := range g.a.parties {
		if p != payer {
			others = append(others, p)
		}
	}
	if len(others) < 2 || g.chance(0.7) {
		return payee{party: pick(g, others)}
	}
	g.r.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
	if kind == ckShare && g.features.termDates && g.chance(0.2) {
		// a share from the term rt (at most 50%), the rest to a party
		return payee{split: []splitPart{{term: true, party: others[0]}}, remainder: pick(g, others)}
	}
	n := 2 + g.n(len(others)-1)
	parts := others[:n]
	var p payee
	remainder := g.chance(0.4)
	left := big.NewRat(100, 1)
	for i, party := range parts {
		var share *big.Rat
		last := i == len(parts)-1
		switch {
		case last && !remainder:
			share = left
		default:
			// a share in steps of 0.01%, leaving room for the rest
			maxUnits := floorUnits(left, big.NewRat(1, 100)).Int64() - int64(len(parts)-i)
			if maxUnits < 1 {
				maxUnits = 1
			}
			var u int64
			switch g.n(3) {
			case 0:
				u = 1 + g.r.Int64N(maxUnits)
			case 1:
				u = (1 + g.r.Int64N(max(1, maxUnits/100))) * 100
			default:
				u = (1 + g.r.Int64N(max(1, maxUnits/500))) * 500
			}
			if u > maxUnits {
				u = maxUnits
			}
			share = big.NewRat(u, 100)
		}
		left = sub(left, share)
		p.split = append(p.split, splitPart{party: party, pct: share, text: pctText(share)})
	}
	if remainder {
		if g.chance(0.5) {
			p.remainder = pick(g, parts)
		} else {
			p.remainder = pick(g, others)
		}
	}
	return p
}

func (g *gen) deontic(c *clause) {
	c.party = pick(g, g.a.parties)
	c.action = pick(g, []string{"sell", "lease"})
	c.modality = pick(g, []string{"may", "may", "must not", "must not", "must"})
	if g.chance(0.7) {
		c.cond = g.cond(2)
	}
	if g.chance(0.25) {
		c.from = g.dateIn(addDays(g.a.effective, -30), g.horizon)
	}
	if g.chance(0.25) {
		lo := g.a.effective
		if !c.from.IsZero() {
			lo = c.from
		}
		c.until = g.dateIn(lo, addDays(g.horizon, 30))
	}
	if c.modality == "must" {
		// Obligations with a deadline only in the agreement as first
		// made, never replaced or deleted (mayEnd): which version of an
		// obligation an instance meets is left open by SPEC 5.5.
		switch {
		case g.inAm && !g.a.ends.IsZero():
			c.modality = "may" // it would be due by the end date
		case g.inAm:
			c.until = time.Time{}
		case g.chance(0.5):
			lo := g.a.effective
			if !c.from.IsZero() && c.from.After(lo) {
				lo = c.from
			}
			c.until = time.Time{}
			c.deadline = g.dateIn(lo, g.horizon)
		}
	}
}

// refs chooses precedence for the deontic clause c among the clause
// numbers in force (nums): only towards numbers of lower rank, so that the
// relation never has a cycle.
func (g *gen) refs(c *clause, inForce map[string]clauseKind) {
	var cands []string
	for n, k := range inForce {
		if k == ckDeontic && n != c.num {
			cands = append(cands, n)
		}
	}
	sort.Strings(cands)
	for _, n := range cands {
		if !g.chance(0.35) {
			continue
		}
		if g.prio[n] < g.prio[c.num] {
			c.notwith = append(c.notwith, n)
		} else if g.prio[n] > g.prio[c.num] {
			c.subj = append(c.subj, n)
		}
	}
}

func (g *gen) enumCond(depth int) *cond {
	ms := g.a.members
	switch g.n(4) {
	case 0:
		return &cond{op: "eq", members: []string{pick(g, ms)}}
	case 1:
		return &cond{op: "ne", members: []string{pick(g, ms)}}
	default:
		sh := slices.Clone(ms)
		g.r.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		k := 1 + g.n(len(sh))
		op := "in"
		if g.chance(0.4) {
			op = "notin"
		}
		return &cond{op: op, members: sh[:k]}
	}
}

// cond is a condition on ch and amt.
func (g *gen) cond(depth int) *cond {
	x := g.n(10)
	switch {
	case depth > 0 && x < 2:
		op := pick(g, []string{"and", "or"})
		return &cond{op: op, a: g.cond(depth - 1), b: g.cond(depth - 1)}
	case depth > 0 && x < 3:
		return &cond{op: "not", a: g.cond(depth - 1)}
	case x < 6:
		return g.enumCond(depth)
	default:
		m := new(big.Rat).SetFrac64(int64(g.n(200000))-10000, 100)
		return &cond{op: pick(g, []string{"gt", "le"}), money: m}
	}
}

// termRate is a value of the term rt: a percent more than 0%, since rt
// may be a split's share (SPEC 8.4: every share is more than 0%), taken
// on the last day of a settlement period (9.3) even after the clause
// that splits by it was deleted.
func (g *gen) termRate() *big.Rat {
	r, _ := g.percent()
	if r.Sign() == 0 {
		r = big.NewRat(1, 10)
	}
	return r
}

func (g *gen) percent() (*big.Rat, string) {
	var r *big.Rat
	switch g.n(4) {
	case 0:
		r = big.NewRat(int64(g.n(51)), 1)
	case 1:
		r = big.NewRat(int64(g.n(5001)), 100)
	case 2:
		r = big.NewRat(int64(g.n(401)), 10)
	default:
		r = big.NewRat(int64(1+g.n(4)*25), 10) // 0.1 … 7.6
	}
	return r, pctText(r)
}

func (g *gen) rate() rate {
	p, t := g.percent()
	r := rate{pct: p, text: t, term: g.chance(0.15)}
	if g.chance(0.15) {
		r.ifMem = pick(g, g.a.members)
		r.alt, r.altTxt = g.percent()
	}
	return r
}

func (g *gen) share(c *clause) {
	g.payer(c)
	c.action2 = pick(g, []string{"sell", "lease"})
	if g.chance(0.5) {
		c.by = pick(g, g.a.parties)
	}
	if g.chance(0.3) {
		c.shareCond = g.cond(1)
	}
	settles := []string{"", "month", "quarter", "year"}
	resets := []string{"", "month", "quarter", "year", "cumulative"}
	if g.a.fiscal != 0 {
		settles = append(settles, "fquarter", "fyear")
		resets = append(resets, "fquarter", "fyear")
	}
	c.settled = pick(g, settles)
	if g.chance(0.3) {
		c.tiers = g.tiers(c.settled, resets)
	} else {
		nl := 1
		if g.chance(0.4) {
			nl = 2 + g.n(3)
		}
		for i := range nl {
			l := shareLine{rate: g.rate()}
			if nl > 1 && g.chance(0.25) {
				l.tiers = g.tiers(c.settled, resets)
			}
			if i < nl-1 || g.chance(0.3) {
				l.cond = g.cond(1)
			} else if nl > 1 {
				l.written = g.chance(0.5)
			}
			c.lines = append(c.lines, l)
		}
	}
	c.due, c.dueUnit = g.dueDays()
	c.dueAfter = g.chance(0.5)
	g.limits(c)
	if g.chance(0.12) {
		// Only with recoupment, which keeps payouts from going negative:
		// how a credit unwinds past what the steps received is not
		// specified.
		c.payee = g.waterfall(c.payer, mul(g.scale, big.NewRat(2, 1)))
		if c.recoup == nil {
			c.recoup = g.amount(g.scale)
		}
	}
}

// tiers is a tiers block for a share settled per `settled`.
func (g *gen) tiers(settled string, resets []string) *tiers {
	t := &tiers{marginal: g.chance(0.5), firstTerm: g.features.termDates && g.chance(0.2)}
	for {
		t.reset = pick(g, resets)
		if g.features.resetShorter || resetFits(t.reset, settled, g.a.fiscal) {
			break
		}
	}
	nt := 1 + g.n(4)
	th := zero()
	for i := range nt {
		p, s := g.percent()
		t.rates = append(t.rates, p)
		t.rateText = append(t.rateText, s)
		if i < nt-1 {
			th = add(th, g.thresholdAmount(quo(g.volume, big.NewRat(int64(nt), 1))))
			t.upto = append(t.upto, th)
		}
	}
	return t
}

// limits adds caps, floors, a guarantee and recoupment, with units that
// line up with the settlement period (SPEC 7.4).
func (g *gen) limits(c *clause) {
	settled := c.settled
	if settled == "" {
		settled = "quarter"
	}
	// SPEC 7.4, units of limits: every boundary of a limit's period is a
	// boundary of a settlement period.
	fiscal := g.a.fiscal != 0
	aligned := g.a.fiscal == 0 || (g.a.fiscal-1)%3 == 0
	var units []string
	switch settled {
	case "month":
		units = []string{"month", "quarter", "year"}
		if fiscal {
			units = append(units, "fquarter", "fyear")
		}
	case "quarter":
		units = []string{"quarter", "year"}
		if fiscal && aligned {
			units = append(units, "fquarter", "fyear")
		}
	case "fquarter":
		units = []string{"fquarter", "fyear"}
		if aligned {
			units = append(units, "quarter", "year")
		}
	case "fyear":
		units = []string{"fyear"}
	default:
		units = []string{"year"}
	}
	perUnit := func(u string) *big.Rat {
		return mul(g.scale, map[string]*big.Rat{"month": big.NewRat(1, 3), "quarter": big.NewRat(1, 1), "year": big.NewRat(4, 1),
			"fquarter": big.NewRat(1, 1), "fyear": big.NewRat(4, 1)}[u])
	}
	capFor := map[string]*big.Rat{}
	if g.chance(0.25) {
		for _, u := range units {
			if g.chance(0.5) {
				x := g.amount(perUnit(u))
				c.caps = append(c.caps, limit{amount: x, unit: u, term: g.features.termDates && g.chance(0.2)})
				capFor[u] = x
			}
		}
		g.r.Shuffle(len(c.caps), func(i, j int) { c.caps[i], c.caps[j] = c.caps[j], c.caps[i] })
		if !g.features.capOrder {
			// the cap per settlement period first
			sort.SliceStable(c.caps, func(i, j int) bool { return c.caps[i].unit == settled && c.caps[j].unit != settled })
		}
	}
	if g.chance(0.1) {
		c.capTerm = g.amount(mul(g.scale, big.NewRat(8, 1)))
	}
	if g.features.floors && g.chance(0.2) {
		for _, u := range units {
			if g.chance(0.5) {
				x := g.amount(quo(perUnit(u), big.NewRat(2, 1)))
				if cp, ok := capFor[u]; ok && x.Cmp(cp) > 0 {
					x = cp
				}
				c.floors = append(c.floors, limit{amount: x, unit: u})
			}
		}
	}
	if g.features.floors && g.chance(0.08) && !g.a.ends.IsZero() {
		c.floorTerm = g.amount(mul(g.scale, big.NewRat(4, 1)))
		if c.capTerm != nil && c.floorTerm.Cmp(c.capTerm) > 0 {
			c.floorTerm = c.capTerm
		}
	}
	if g.chance(0.15) {
		u := pick(g, units)
		c.guarantee = &limit{amount: g.amount(perUnit(u)), unit: u, term: g.features.termDates && g.chance(0.2)}
	}
	if g.chance(0.15) {
		c.recoup = g.amount(mul(g.scale, big.NewRat(2, 1)))
		c.recoupTerm = g.features.termDates && g.chance(0.2)
	}
}

// amendments adds up to three amendments that add, replace and delete
// clauses.
func (g *gen) amendments() {
	g.inAm = true
	defer func() { g.inAm = false }()
	n := g.n(4)
	last := g.a.effective
	for i := range n {
		am := &amendment{name: fmt.Sprintf("am%d", i+1)}
		am.effective = g.dateIn(last, g.termEnd())
		if g.chance(0.15) {
			am.effective = last
		}
		last = am.effective
		force := g.inForce(nil)
		var nums []string
		for k := range force {
			nums = append(nums, k)
		}
		sort.Strings(nums)
		changed := map[string]bool{}
		nops := 1 + g.n(3)
		for range nops {
			switch x := g.n(3); {
			case x == 0 || len(nums) == 0:
				if len(g.nums) >= len(numberPool)-1 {
					continue
				}
				num := g.freshNumFor(force, changed)
				if num == "" {
					continue
				}
				c := g.clause(num, am.effective, nil)
				am.ops = append(am.ops, op{kind: opAdd, num: num, clause: c})
				changed[num] = true
				force[num] = c.kind
			case x == 1:
				num := pick(g, nums)
				if changed[num] || !g.mayEnd(num) {
					continue
				}
				changed[num] = true
				c := g.clause(num, am.effective, []clauseKind{force[num]})
				am.ops = append(am.ops, op{kind: opReplace, num: num, clause: c})
			default:
				num := pick(g, nums)
				if changed[num] || !g.mayEnd(num) {
					continue
				}
				changed[num] = true
				am.ops = append(am.ops, op{kind: opDelete, num: num})
				delete(force, num)
			}
		}
		if g.chance(0.3) {
			am.rt = g.termRate()
		}
		if g.chance(0.3) {
			am.fee = g.unitAmount(g.scale)
		}
		if len(am.ops) == 0 && am.rt == nil && am.fee == nil {
			continue
		}
		// precedence of the amendment's deontic clauses: towards clauses
		// in force once the amendment applies
		after := g.inForce(am)
		for _, o := range am.ops {
			if o.clause != nil && o.clause.kind == ckDeontic {
				g.refs(o.clause, after)
			}
		}
		g.a.amendments = append(g.a.amendments, am)
	}
	// precedence of the base clauses: towards base clauses
	base := map[string]clauseKind{}
	for _, c := range g.a.clauses {
		base[c.num] = c.kind
	}
	for _, c := range g.a.clauses {
		if c.kind == ckDeontic {
			g.refs(c, base)
		}
	}
}

// current is the clause numbered num in force after the amendments so far.
func (g *gen) current(num string) *clause {
	var cur *clause
	for _, c := range g.a.clauses {
		if c.num == num {
			cur = c
		}
	}
	for _, am := range g.a.amendments {
		for _, o := range am.ops {
			if o.num == num {
				cur = o.clause
			}
		}
	}
	return cur
}

// mayEnd says whether an amendment may replace or delete clause num.
func (g *gen) mayEnd(num string) bool {
	c := g.current(num)
	if c != nil && c.kind == ckDeontic && c.modality == "must" {
		return false // an obligation stays (with `ends`, every one has a deadline)
	}
	return g.features.guaranteeEnd || c == nil || c.guarantee == nil
}

// freshNumFor is a clause number not in force (possibly one deleted
// earlier).
func (g *gen) freshNumFor(force map[string]clauseKind, changed map[string]bool) string {
	for try := 0; ; try++ {
		if try > 200 {
			return ""
		}
		n := pick(g, numberPool)
		if _, ok := force[n]; ok || changed[n] {
			continue
		}
		if !slices.Contains(g.nums, n) {
			g.nums = append(g.nums, n)
		}
		if _, ok := g.prio[n]; !ok {
			g.prio[n] = g.n(1000)
		}
		return n
	}
}

// ledger generates n rows in date order.
func (g *gen) ledger(n int) []row {
	a := g.a
	from := addDays(a.effective, -20)
	span := int(g.horizon.Sub(from).Hours()/24) + 1
	dates := make([]int, n)
	for i := range dates {
		dates[i] = g.n(span)
	}
	sort.Ints(dates)
	rows := make([]row, n)
	for i, d := range dates {
		r := row{date: addDays(from, d), ch: pick(g, a.members)}
		switch {
		case a.tracked != "" && g.chance(0.03):
			c := g.current(a.tracked)
			r.schema, r.payer, r.payee = "payment", c.payer, c.payee.party
			r.amt = g.amount(quo(g.scale, big.NewRat(2, 1)))
			if !g.features.partialPay {
				// pays everything open in full
				r.amt = big.NewRat(1_000_000_000_000, 1)
			}
			if !g.features.payMonthEnd && addDays(r.date, 1).Day() == 1 {
				r.date = addDays(r.date, -1) // rows are sorted again below
			}
		case g.chance(0.02):
			r.schema = "release"
		default:
			r.schema = pick(g, []string{"sell", "lease"})
			r.actor = pick(g, a.parties)
			cents := int64(g.n(200000))
			r.amt = big.NewRat(cents, 100)
			r.ref = zero()
			if a.tracked == "" && g.chance(0.1) {
				r.ref = big.NewRat(int64(g.n(250000)), 100)
			}
		}
		rows[i] = r
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].date.Before(rows[j].date) })
	return rows
}

// resetFits says whether each tier window is made of whole settlement
// periods (fs: the fiscal year's first month, 0 if not declared).
func resetFits(reset, settled string, fs int) bool {
	if settled == "" {
		settled = "quarter"
	}
	months := map[string]int{"month": 1, "quarter": 3, "year": 12, "fquarter": 3, "fyear": 12}
	switch reset {
	case "", "cumulative":
		return true
	}
	if months[reset] < months[settled] {
		return false
	}
	fiscal := func(u string) bool { return u == "fquarter" || u == "fyear" }
	if settled == "month" || fiscal(reset) == fiscal(settled) || fs == 0 || fs == 1 {
		return true
	}
	// a calendar window over fiscal periods, or the reverse
	return months[settled] == 3 && (fs-1)%3 == 0
}
