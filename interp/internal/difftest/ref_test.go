package difftest

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strings"
	"time"
)

// The reference evaluator: SPEC.md sections 5 to 9 written out as plainly
// as possible over the generated description, in math/big.Rat, with no
// indexing, caching or fast paths.

var farFuture = day(9999, 12, 31)

// version is one clause version and its life (SPEC 9.2).
type version struct {
	c        *clause
	madeBy   string // "" for the agreement as first made
	from, to time.Time
}

func (v *version) inForce(t time.Time) bool { return !t.Before(v.from) && !t.After(v.to) }

// versions lists every clause version of the agreement as known on asOf
// (the zero time: every amendment), in order of making.
func versions(a *agreement, asOf time.Time) []*version {
	type hist struct{ vs []*version }
	byNum := map[string]*version{} // the current (open) version of each number
	var all []*version
	end := farFuture
	if !a.ends.IsZero() {
		end = a.ends
	}
	for _, c := range a.clauses {
		v := &version{c: c, from: a.effective, to: end}
		byNum[c.num] = v
		all = append(all, v)
	}
	ams := slices.Clone(a.amendments)
	sort.SliceStable(ams, func(i, j int) bool { return ams[i].effective.Before(ams[j].effective) })
	for _, am := range ams {
		if !asOf.IsZero() && am.effective.After(asOf) {
			continue
		}
		for _, o := range am.ops {
			if old := byNum[o.num]; old != nil {
				if t := addDays(am.effective, -1); t.Before(old.to) {
					old.to = t
				}
				delete(byNum, o.num)
			}
			if o.kind == opDelete {
				continue
			}
			v := &version{c: o.clause, madeBy: am.name, from: am.effective, to: end}
			byNum[o.num] = v
			all = append(all, v)
		}
	}
	return all
}

// dueDate is the due date of a line of clause c accrued (or whose period
// ends) on d (SPEC 6.1, 7.2; months with the end-of-month rule, 11.2).
func dueDate(c *clause, d time.Time) time.Time {
	switch c.dueUnit {
	case "weeks":
		return addDays(d, 7*c.due)
	case "months":
		return addMonths(d, c.due)
	}
	return addDays(d, c.due)
}

// termAt is the value of the term `rt` or `fee` in force on d, among the
// amendments known on asOf (SPEC 9.2, 9.3).
func termAt(a *agreement, name string, d, asOf time.Time) *big.Rat {
	ams := slices.Clone(a.amendments)
	sort.SliceStable(ams, func(i, j int) bool { return ams[i].effective.Before(ams[j].effective) })
	v := a.rt
	if name == "fee" {
		v = a.fee
	}
	for _, am := range ams {
		if am.effective.After(d) || !asOf.IsZero() && am.effective.After(asOf) {
			continue
		}
		if name == "rt" && am.rt != nil {
			v = am.rt
		}
		if name == "fee" && am.fee != nil {
			v = am.fee
		}
	}
	return v
}

// evalCond evaluates a condition on a row.
func evalCond(c *cond, r row) bool {
	switch c.op {
	case "eq":
		return r.ch == c.members[0]
	case "ne":
		return r.ch != c.members[0]
	case "in":
		return slices.Contains(c.members, r.ch)
	case "notin":
		return !slices.Contains(c.members, r.ch)
	case "gt":
		return r.amt.Cmp(c.money) > 0
	case "le":
		return r.amt.Cmp(c.money) <= 0
	case "and":
		return evalCond(c.a, r) && evalCond(c.b, r)
	case "or":
		return evalCond(c.a, r) || evalCond(c.b, r)
	case "not":
		return !evalCond(c.a, r)
	}
	panic(c.op)
}

func inTerm(a *agreement, t time.Time) bool {
	return !t.Before(a.effective) && (a.ends.IsZero() || !t.After(a.ends))
}

// verdict is a decision as the reference and the comparison see it.
type verdict struct {
	verdict    string   // permitted, prohibited, conflict, not covered (default …)
	deciding   []string // "num@madeBy", sorted
	overridden []string
}

func (v verdict) String() string {
	return fmt.Sprintf("%s deciding=[%s] overridden=[%s]", v.verdict, strings.Join(v.deciding, " "), strings.Join(v.overridden, " "))
}

func vkey(v *version) string { return v.c.num + "@" + v.madeBy }

// decide is SPEC 5.4 for an action row, as of asOf (zero: none given).
func decide(a *agreement, r row, asOf time.Time) verdict {
	notCovered := verdict{verdict: "not covered (default permitted)"}
	if a.prohibited {
		notCovered.verdict = "not covered (default prohibited)"
	}
	if !inTerm(a, r.date) {
		return notCovered
	}
	var live []*version
	for _, v := range versions(a, asOf) {
		if v.inForce(r.date) && v.c.kind == ckDeontic {
			live = append(live, v)
		}
	}
	var applicable []*version
	for _, v := range live {
		c := v.c
		if c.party != r.actor || c.action != r.schema {
			continue
		}
		if !c.from.IsZero() && r.date.Before(c.from) || !c.until.IsZero() && r.date.After(c.until) {
			continue
		}
		if c.cond != nil && !evalCond(c.cond, r) {
			continue
		}
		applicable = append(applicable, v)
	}
	if len(applicable) == 0 {
		return notCovered
	}
	// direct overrides among the versions in force, by number
	byNum := map[string]*version{}
	for _, v := range live {
		byNum[v.c.num] = v
	}
	over := map[string][]string{} // X -> the numbers X overrides directly
	for _, v := range live {
		for _, n := range v.c.notwith {
			if byNum[n] != nil {
				over[v.c.num] = append(over[v.c.num], n)
			}
		}
		for _, n := range v.c.subj {
			if byNum[n] != nil {
				over[n] = append(over[n], v.c.num)
			}
		}
	}
	overrides := func(x, y string) bool { // transitive
		seen := map[string]bool{}
		stack := []string{x}
		for len(stack) > 0 {
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, m := range over[n] {
				if m == y {
					return true
				}
				if !seen[m] {
					seen[m] = true
					stack = append(stack, m)
				}
			}
		}
		return false
	}
	var out verdict
	perm, proh := false, false
	for _, v := range applicable {
		beaten := false
		for _, w := range applicable {
			if w != v && overrides(w.c.num, v.c.num) {
				beaten = true
			}
		}
		if beaten {
			out.overridden = append(out.overridden, vkey(v))
			continue
		}
		out.deciding = append(out.deciding, vkey(v))
		if v.c.modality == "must not" {
			proh = true
		} else {
			perm = true
		}
	}
	switch {
	case perm && proh:
		out.verdict = "conflict"
	case perm:
		out.verdict = "permitted"
	default:
		out.verdict = "prohibited"
	}
	sort.Strings(out.deciding)
	sort.Strings(out.overridden)
	return out
}

// unmet lists the obligations of the agreement as first made whose
// deadline falls within [effective, to] and that no action row met (SPEC
// 5.2, 5.5), as "num@ deadline", sorted. The generator keeps such clauses
// from being replaced or deleted.
func unmet(a *agreement, rows []row, to time.Time) []string {
	var out []string
	for _, c := range a.clauses {
		if c.kind != ckDeontic || c.modality != "must" {
			continue
		}
		d := c.deadline
		if d.IsZero() {
			d = c.until
		}
		if d.IsZero() {
			d = a.ends
		}
		if d.IsZero() || d.Before(a.effective) || d.After(to) {
			continue // a standing obligation, or a deadline outside the span
		}
		met := false
		for _, r := range rows {
			if r.schema != c.action || r.actor != c.party || !inTerm(a, r.date) || r.date.After(d) {
				continue
			}
			if !c.from.IsZero() && r.date.Before(c.from) {
				continue
			}
			if c.cond != nil && !evalCond(c.cond, r) {
				continue
			}
			met = true
			break
		}
		if !met {
			out = append(out, c.num+"@ "+ds(d))
		}
	}
	sort.Strings(out)
	return out
}

// line is one statement line as the comparison sees it.
type line struct {
	rt     *big.Rat // the term rt for the payee's split, when it uses it
	period string   // for shares and true-ups; "" otherwise
	date   time.Time
	due    time.Time
	payer  string
	payee  string
	clause string // "num@madeBy"
	kind   string
	amount *big.Rat
}

func (l line) String() string {
	return fmt.Sprintf("%-8s %s due %s %s→%s clause %s %s %s", l.period, ds(l.date), ds(l.due), l.payer, l.payee, l.clause, l.kind, decText(l.amount))
}

// settle is SPEC 6 to 8 for the whole ledger, reporting the lines that
// arise from the agreement's effective date to `to`.
func settle(a *agreement, rows []row, to, asOf time.Time) []line {
	lines, _ := settleAll(a, rows, to, asOf)
	return lines
}

// settleAll is settle, also listing what is overdue on `to` between the
// tracked clause's payer and payee (SPEC 6.5), as "date due kind
// outstanding days-late" for each of its statement lines (not late
// charges) still unpaid after its due date.
func settleAll(a *agreement, rows []row, to, asOf time.Time) ([]line, []string) {
	var out []line
	amountAt := func(c *clause, d time.Time) *big.Rat {
		if c.amountTerm {
			return termAt(a, "fee", d, asOf)
		}
		return c.amount
	}
	received := map[*version][]*big.Rat{} // what each waterfall step has received
	emit := func(v *version, p payee, l line) {
		l.payer = v.c.payer
		l.clause = vkey(v)
		var parts []part
		if p.waterfall == nil {
			parts = splitAmount(a, p, l.amount, l.rt)
		} else {
			if received[v] == nil {
				for range p.waterfall {
					received[v] = append(received[v], zero())
				}
			}
			parts = pour(a, p.waterfall, received[v], l.amount, l.rt)
		}
		for _, part := range parts {
			l.payee, l.amount = part.party, part.amount
			if l.amount.Sign() != 0 && !l.date.After(to) && !l.date.Before(a.effective) {
				out = append(out, l)
			}
		}
	}
	for _, v := range versions(a, asOf) {
		if v.to.Before(v.from) {
			continue // an empty life
		}
		c := v.c
		switch c.kind {
		case ckPayment:
			for _, d := range c.dates {
				if v.inForce(d) {
					emit(v, c.payee, line{date: d, due: dueDate(c, d), kind: "payment", amount: roundTo(amountAt(c, d), a.unit, a.mode)})
				}
			}
		case ckInstallments:
			step := map[string]int{"monthly": 1, "quarterly": 3, "yearly": 12}[c.interval]
			n := big.NewInt(int64(c.count))
			total := amountAt(c, c.start)
			each := mul(new(big.Rat).SetInt(floorUnits(quo(total, new(big.Rat).SetInt(n)), a.unit)), a.unit)
			for k := 1; k <= c.count; k++ {
				d := addMonths(c.start, (k-1)*step)
				amt := each
				if k == c.count {
					amt = sub(total, mul(each, big.NewRat(int64(c.count-1), 1)))
				}
				if v.inForce(d) {
					emit(v, c.payee, line{date: d, due: dueDate(c, d), kind: "installment", amount: amt})
				}
			}
		case ckMilestone:
			// `on first`: the earliest qualifying instance. `on each`: one
			// line a day for the sum of that day's instances, each rounded
			// on its own (SPEC 6.4).
			var day time.Time
			var sum *big.Rat
			flush := func() {
				if sum != nil {
					emit(v, c.payee, line{date: day, due: dueDate(c, day), kind: "milestone", amount: sum})
					sum = nil
				}
			}
			for _, r := range rows {
				if r.schema != c.event || !v.inForce(r.date) || !inTerm(a, r.date) {
					continue
				}
				if c.mcond != nil && !evalCond(c.mcond, r) {
					continue
				}
				if sum != nil && !r.date.Equal(day) {
					flush()
				}
				if sum == nil {
					day, sum = r.date, zero()
				}
				sum = add(sum, roundTo(amountAt(c, r.date), a.unit, a.mode))
				if c.first {
					break
				}
			}
			flush()
		case ckShare:
			settleShare(a, v, rows, to, asOf, func(p period, kind string, amt *big.Rat) {
				// The period in which the agreement ends is cut at its last
				// day, dated and due from it (7.2); a period not over by
				// the end of the span is settled as far as the span goes
				// (7.6), its line accruing on the span's end.
				pe := p.end()
				if !a.ends.IsZero() && a.ends.Before(pe) {
					pe = a.ends
				}
				date := pe
				if to.Before(date) {
					date = to
				}
				// split shares are evaluated on the period's last day (9.3)
				rt := pct(termAt(a, "rt", p.end(), asOf))
				emit(v, c.payee, line{period: p.String(), date: date, due: dueDate(c, pe), kind: kind, amount: amt, rt: rt})
			})
		}
	}
	var overdue []string
	if a.tracked != "" {
		late, od := lateLines(a, rows, out, to)
		out = append(out, late...)
		overdue = od
	}
	return out, overdue
}

// pour sends a non-negative amount through a waterfall (SPEC 8.5).
func pour(a *agreement, steps []wfStep, received []*big.Rat, amt, rt *big.Rat) []part {
	if amt.Sign() < 0 {
		panic("a negative amount through a waterfall")
	}
	var out []part
	left := amt
	for i, st := range steps {
		take := left
		if st.upTo != nil {
			room := maxR(zero(), sub(roundTo(st.upTo, a.unit, a.mode), received[i]))
			take = minR(left, room)
		}
		received[i] = add(received[i], take)
		left = sub(left, take)
		out = append(out, splitAmount(a, st.to, take, rt)...)
	}
	return out
}

// periodsLate is the number of whole units of delay from the due date e to
// the payment date p, a started unit counting in full (SPEC 6.5).
func periodsLate(e, p time.Time, unit string) int64 {
	if !p.After(e) {
		return 0
	}
	if unit == "day" || unit == "week" {
		days := int64(p.Sub(e).Hours() / 24)
		if unit == "day" {
			return days
		}
		return (days + 6) / 7
	}
	step := map[string]int{"month": 1, "quarter": 3, "year": 12}[unit]
	for k := 1; ; k++ {
		if !addMonths(e, k*step).Before(p) {
			return int64(k)
		}
	}
}

// lateLines applies the payments made to the tracked clause's lines,
// oldest first (late charge lines included, once they arise), and charges
// its late modifiers (SPEC 6.5).
func lateLines(a *agreement, rows []row, lines []line, to time.Time) ([]line, []string) {
	if !slices.ContainsFunc(rows, func(r row) bool { return r.schema == "payment" }) {
		return nil, nil // no payment at all: payment is not tracked
	}
	var c *clause
	for _, x := range a.clauses {
		if x.num == a.tracked {
			c = x
		}
	}
	if c == nil {
		return nil, nil // minimised away
	}
	type paid struct {
		amt  *big.Rat
		date time.Time
	}
	type open struct {
		l     line
		rest  *big.Rat
		parts []paid
		late  bool
		by    int // for a late charge, the payment (1-based) that made it; 0 at the end of the span
	}
	var opens []*open
	for _, l := range lines {
		if l.clause == c.num+"@" {
			opens = append(opens, &open{l: l, rest: l.amount})
		}
	}
	sort.SliceStable(opens, func(i, j int) bool { return opens[i].l.date.Before(opens[j].l.date) })
	var out []line
	// delay runs to the agreement's last day at most, and a charge made
	// later is dated that day (4.2, 6.5)
	capEnd := func(d time.Time) time.Time {
		if !a.ends.IsZero() && a.ends.Before(d) {
			return a.ends
		}
		return d
	}
	charge := func(o *open, d time.Time, by int) {
		d = capEnd(d)
		for _, m := range c.late {
			total := zero()
			if m.interest {
				for _, p := range o.parts {
					total = add(total, mul(mul(p.amt, pct(m.rate)), big.NewRat(periodsLate(o.l.due, capEnd(p.date), m.unit), 1)))
				}
				if o.rest.Sign() > 0 {
					total = add(total, mul(mul(o.rest, pct(m.rate)), big.NewRat(periodsLate(o.l.due, d, m.unit), 1)))
				}
			} else {
				total = mul(m.amount, big.NewRat(periodsLate(o.l.due, d, m.unit), 1))
			}
			switch {
			case m.capMoney != nil:
				total = minR(total, m.capMoney)
			case m.capPct != nil:
				total = minR(total, mul(pct(m.capPct), o.l.amount))
			}
			amt := roundTo(total, a.unit, a.mode)
			if amt.Sign() == 0 {
				continue
			}
			kind := "late penalty"
			if m.interest {
				kind = "late interest"
			}
			l := line{date: d, due: d, payer: o.l.payer, payee: o.l.payee, clause: o.l.clause, kind: kind, amount: amt}
			out = append(out, l)
			opens = append(opens, &open{l: l, rest: amt, late: true, by: by})
		}
	}
	npay := 0
	for _, r := range rows {
		// payments after the span (after the agreement ended) still pay
		if r.schema != "payment" || r.payer != c.payer || r.payee != c.payee.party {
			continue
		}
		npay++
		x := r.amt
		// oldest first; a late charge after the lines that accrued on
		// its day before it
		sort.SliceStable(opens, func(i, j int) bool { return opens[i].l.date.Before(opens[j].l.date) })
		for i := 0; i < len(opens) && x.Sign() > 0; i++ {
			o := opens[i]
			if o.rest.Sign() == 0 || o.l.date.After(r.date) || o.late && o.by == npay {
				continue // a charge this payment gave rise to is paid by later ones
			}
			pay := minR(x, o.rest)
			x = sub(x, pay)
			o.rest = sub(o.rest, pay)
			o.parts = append(o.parts, paid{pay, r.date})
			if o.rest.Sign() == 0 && !o.late {
				charge(o, r.date, npay)
			}
		}
	}
	var overdue []string
	for _, o := range slices.Clone(opens) {
		if o.rest.Sign() > 0 && !o.late {
			charge(o, to, 0)
			if o.l.due.Before(to) {
				overdue = append(overdue, fmt.Sprintf("%s due %s %s outstanding %s, %d days late",
					ds(o.l.date), ds(o.l.due), o.l.kind, decText(o.rest), int(to.Sub(o.l.due).Hours()/24)))
			}
		}
	}
	sort.Strings(overdue)
	return out, overdue
}

type part struct {
	party  string
	amount *big.Rat
}

// splitAmount divides a whole number of units among the payee's parties
// (SPEC 8.4).
func splitAmount(a *agreement, p payee, amt, rt *big.Rat) []part {
	if p.split == nil {
		return []part{{p.party, amt}}
	}
	if amt.Sign() < 0 {
		parts := splitAmount(a, p, neg(amt), rt)
		for i := range parts {
			parts[i].amount = neg(parts[i].amount)
		}
		return parts
	}
	units := floorUnits(amt, a.unit)
	var parts []part
	type loss struct {
		i int
		l *big.Rat
	}
	var losses []loss
	given := big.NewInt(0)
	for i, s := range p.split {
		share := s.pct
		if s.term {
			share = mul(rt, big.NewRat(100, 1)) // rt is a fraction
		}
		exact := quo(mul(new(big.Rat).SetInt(units), share), big.NewRat(100, 1)) // in units
		fl := new(big.Int).Quo(exact.Num(), exact.Denom())
		if p.remainder == s.party {
			fl = big.NewInt(0)
		}
		parts = append(parts, part{s.party, new(big.Rat).SetInt(fl)})
		losses = append(losses, loss{i, sub(exact, new(big.Rat).SetInt(fl))})
		given.Add(given, fl)
	}
	left := new(big.Int).Sub(units, given)
	if p.remainder != "" {
		found := false
		for i := range parts {
			if parts[i].party == p.remainder {
				parts[i].amount = add(parts[i].amount, new(big.Rat).SetInt(left))
				found = true
			}
		}
		if !found {
			parts = append(parts, part{p.remainder, new(big.Rat).SetInt(left)})
		}
	} else {
		sort.SliceStable(losses, func(i, j int) bool { return losses[i].l.Cmp(losses[j].l) > 0 })
		for k := int64(0); k < left.Int64(); k++ {
			i := losses[k].i
			parts[i].amount = add(parts[i].amount, big.NewRat(1, 1))
		}
	}
	for i := range parts {
		parts[i].amount = mul(parts[i].amount, a.unit)
	}
	return parts
}

// tierF is F(v) of SPEC 7.3.
func tierF(t *tiers, v *big.Rat) *big.Rat {
	if v.Sign() < 0 {
		return mul(pct(t.rates[0]), v)
	}
	if !t.marginal {
		for i, th := range t.upto {
			if th.Cmp(v) >= 0 {
				return mul(pct(t.rates[i]), v)
			}
		}
		return mul(pct(t.rates[len(t.rates)-1]), v)
	}
	sum := zero()
	lo := zero()
	for i, r := range t.rates {
		hi := v
		if i < len(t.upto) {
			hi = minR(v, t.upto[i])
		}
		if hi.Cmp(lo) > 0 {
			sum = add(sum, mul(pct(r), sub(hi, lo)))
		}
		if i < len(t.upto) {
			lo = t.upto[i]
		}
	}
	return sum
}

// settleShare is SPEC 7.4 for one share version: for each settlement period
// overlapping its life (up to `to`), the share line and any true-up.
func settleShare(a *agreement, v *version, rows []row, to, asOf time.Time, out func(period, string, *big.Rat)) {
	c := v.c
	limitAt := func(l limit, d time.Time) *big.Rat {
		if l.term {
			return termAt(a, "fee", d, asOf)
		}
		return l.amount
	}
	fs := a.fiscal
	if fs == 0 {
		fs = 1
	}
	su := c.settled
	if su == "" {
		su = "quarter"
	}
	lastDay := v.to
	if to.Before(lastDay) {
		lastDay = to
	}
	// counted instances
	var counted []row
	for _, r := range rows {
		if r.schema != c.action2 || !v.inForce(r.date) || !inTerm(a, r.date) {
			continue
		}
		if c.by != "" && r.actor != c.by {
			continue
		}
		if c.shareCond != nil && !evalCond(c.shareCond, r) {
			continue
		}
		counted = append(counted, r)
	}
	window := func(t *tiers, r row, p period) string {
		switch t.reset {
		case "":
			return p.String()
		case "cumulative":
			return "life"
		}
		return periodOf(t.reset, fs, r.date).String()
	}
	lines := c.lines
	if c.tiers != nil {
		lines = []shareLine{{tiers: c.tiers}}
	}
	vol := map[string]*big.Rat{}
	// limit state
	rnd := func(x *big.Rat) *big.Rat { return roundTo(x, a.unit, a.mode) }
	type key struct {
		i int
		u string
	}
	a3 := map[string]*big.Rat{} // amounts after floors, per floor-unit period (unit:period)
	capE := map[key]*big.Rat{}  // running cap input per cap and period
	capTermE := zero()
	payouts := map[string]*big.Rat{} // payouts per guarantee period
	balance := zero()
	if c.recoup != nil {
		balance = rnd(c.recoup)
		if c.recoupTerm {
			balance = rnd(termAt(a, "fee", v.from, asOf))
		}
	}
	get := func(m map[string]*big.Rat, k string) *big.Rat {
		if x, ok := m[k]; ok {
			return x
		}
		return zero()
	}
	// isLast: p is the version's last settlement period within u, and it
	// is over by the end of the span (or the version's life is)
	isLast := func(p period, u period) bool {
		over := !p.end().After(to) || !v.to.After(to)
		return over && (!p.end().Before(u.end()) || !p.end().Before(v.to))
	}
	for p := periodOf(su, fs, v.from); !p.start.After(lastDay); p = p.next() {
		// 1. line amounts: each instance to the first line whose
		// condition it meets; flat lines add rate × base, tiered lines
		// add up volume per window and take F(after) - F(before)
		sum := zero()
		type wkey struct {
			line int
			w    string
		}
		var wkeys []wkey
		inW := map[wkey]*big.Rat{}
		for _, r := range counted {
			if !p.contains(r.date) {
				continue
			}
			for li, l := range lines {
				if l.cond != nil && !evalCond(l.cond, r) {
					continue
				}
				base := sub(r.amt, r.ref)
				if l.tiers != nil {
					k := wkey{li, window(l.tiers, r, p)}
					if _, ok := inW[k]; !ok {
						wkeys = append(wkeys, k)
						inW[k] = zero()
					}
					inW[k] = add(inW[k], base)
					break
				}
				rt := l.rate.pct
				if l.rate.term {
					rt = termAt(a, "rt", r.date, asOf)
				}
				if l.rate.ifMem != "" && r.ch != l.rate.ifMem {
					rt = l.rate.alt
				}
				sum = add(sum, mul(pct(rt), base))
				break
			}
		}
		for _, k := range wkeys {
			tt := *lines[k.line].tiers
			if tt.firstTerm {
				tt.rates = append([]*big.Rat{termAt(a, "rt", p.end(), asOf)}, tt.rates[1:]...)
			}
			before := get(vol, fmt.Sprint(k))
			after := add(before, inW[k])
			sum = add(sum, sub(tierF(&tt, after), tierF(&tt, before)))
			vol[fmt.Sprint(k)] = after
		}
		// 2. round
		amt := rnd(sum)
		// 3. floors
		for _, f := range c.floors {
			u := periodOf(f.unit, fs, p.start)
			if isLast(p, u) {
				soFar := add(get(a3, f.unit+u.String()), amt)
				if top := sub(rnd(f.amount), soFar); top.Sign() > 0 {
					amt = add(amt, top)
				}
			}
		}
		if c.floorTerm != nil && !p.end().Before(v.to) && !v.to.After(to) {
			soFar := add(get(a3, "term"), amt)
			if top := sub(rnd(c.floorTerm), soFar); top.Sign() > 0 {
				amt = add(amt, top)
			}
		}
		for _, unit := range []string{"month", "quarter", "year", "fquarter", "fyear"} {
			k := unit + periodOf(unit, fs, p.start).String()
			a3[k] = add(get(a3, k), amt)
		}
		a3["term"] = add(get(a3, "term"), amt)
		// 4. caps per period, in order written, each on the amount so far
		for i, cp := range c.caps {
			u := periodOf(cp.unit, fs, p.start)
			k := key{i, u.String()}
			e := capE[k]
			if e == nil {
				e = zero()
			}
			x := rnd(limitAt(cp, p.end()))
			next := add(e, amt)
			amt = sub(minR(x, next), minR(x, e))
			capE[k] = next
		}
		// 5. cap over the term
		if c.capTerm != nil {
			x := rnd(c.capTerm)
			next := add(capTermE, amt)
			amt = sub(minR(x, next), minR(x, capTermE))
			capTermE = next
		}
		// 6. recoupment
		if c.recoup != nil {
			switch {
			case amt.Sign() > 0:
				r := minR(amt, balance)
				balance = sub(balance, r)
				amt = sub(amt, r)
			case amt.Sign() < 0:
				balance = add(balance, neg(amt))
				amt = zero()
			}
		}
		out(p, "share", amt)
		// 7. minimum guarantee
		if g := c.guarantee; g != nil {
			u := periodOf(g.unit, fs, p.start)
			k := u.String()
			payouts[k] = add(get(payouts, k), amt)
			if isLast(p, u) {
				if short := sub(rnd(limitAt(*g, p.end())), payouts[k]); short.Sign() > 0 {
					out(p, "true-up", short)
				}
			}
		}
	}
}
