package interp

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file holds the money findings of vet (SPEC 14.6). Splits that do
// not add up to 100%, tiers out of order, a floor above its cap and
// installments past the end of the agreement are errors the checker
// already reports; vet adds what needs the conditions of several clauses
// or the clauses of a whole version: shares of one base whose rates
// together pass 100% for some action, share clauses that never count
// anything (so a guarantee on them has nothing to true up), a guarantee
// above the share's cap, a recoupment with no advance to recoup, and a
// milestone no event can trigger.

// maxRateCombos bounds the combinations of share lines tried per base.
const maxRateCombos = 20000

// money runs the money findings over every version.
func (v *vetter) money() {
	seen := map[string]bool{}
	// live has bit 1 set for a clause seen in a version, bit 2 when it can
	// count or be triggered in one.
	live := map[*result.ClauseInfo]int{}
	var order []*result.ClauseInfo
	for _, ver := range v.a.versions {
		for _, c := range ver.clauses {
			if _, ok := live[c]; !ok {
				live[c] = 0
				order = append(order, c)
			}
		}
	}
	for vi, ver := range v.a.versions {
		m := ver.money
		if m == nil {
			continue
		}
		names := make([]string, 0, len(m.shares))
		for s := range m.shares {
			names = append(names, s.Name())
		}
		sort.Strings(names)
		for _, name := range names {
			s := v.a.schemas[name]
			v.shareRates(vi, ver, s, m.shares[s], seen)
		}
		for _, name := range names {
			s := v.a.schemas[name]
			for _, r := range m.shares[s] {
				v.shareLimits(ver, r, seen)
			}
			v.deadShare(ver, s, m.shares[s], live)
		}
		v.recoups(ver, seen)
		v.milestones(ver, live)
	}
	for _, c := range order {
		if live[c] != 1 {
			continue
		}
		switch b := c.Decl.Body.(type) {
		case *lang.Share:
			msg := fmt.Sprintf("clause %s never counts anything: no %s meets its conditions", c.Num, b.Action.Name)
			if b.Guarantee != nil {
				msg += ", so its minimum guarantee has nothing to true up"
			}
			v.add(result.VetFinding{Kind: result.VetMoney, Severity: result.VetWarning, Pos: c.Pos, Clauses: []*result.ClauseInfo{c}, Message: msg})
		case *lang.Milestone:
			v.add(result.VetFinding{Kind: result.VetMoney, Severity: result.VetWarning, Pos: c.Pos, Clauses: []*result.ClauseInfo{c},
				Message: fmt.Sprintf("clause %s is paid on %s %s, but no %s meets its condition: it can never be triggered", c.Num, article(b.Event.Name), b.Event.Name, b.Event.Name)})
		}
	}
}

// shareLineRegion is one line of a share clause on one base, with where
// it applies (after the lines before it) and its highest rate.
type shareLineRegion struct {
	r    *shareRule
	line int
	reg  region
	rate types.Decimal
}

// shareRegions returns the space over s's share conditions and, per
// share rule, the region of each line (nil where not analysable).
func (v *vetter) shareRegions(ver *version, s *schema, rules []*shareRule) (*space, [][]region) {
	var conds []node
	for _, r := range rules {
		conds = append(conds, r.where)
		for _, l := range r.lines {
			conds = append(conds, l.where)
		}
	}
	sp, _ := v.buildSpace(ver, s, conds, nil)
	if sp == nil {
		return nil, nil
	}
	out := make([][]region, len(rules))
	for i, r := range rules {
		base, ok := sp.cond(r.where)
		if !ok {
			continue
		}
		var before region
		lines := make([]region, len(r.lines))
		for j, l := range r.lines {
			w, ok := sp.cond(l.where)
			if !ok || l.afterBreach != "" { // a line after a breach is not analysed (SPEC 5.6)
				lines = nil
				break
			}
			sp.steps = 0
			reg, ok := sp.subtract(sp.intersect(base, w), before)
			if !ok {
				lines = nil
				break
			}
			lines[j] = reg
			before = append(before, w...)
		}
		out[i] = lines
	}
	return sp, out
}

// lineRate is the highest rate a share line can take: its flat rate, or
// the highest of its tiers.
func lineRate(l *shareLine) (types.Decimal, bool) {
	if l.tiers != nil {
		var max types.Decimal
		for _, r := range l.tiers.Rates {
			if r.Cmp(max) > 0 {
				max = r
			}
		}
		return max, true
	}
	c, ok := unconv(l.rate).(*constNode)
	if !ok || c.v.Kind() != types.KindPercent {
		return types.Decimal{}, false
	}
	return c.v.Num(), true
}

// shareRates finds an action that shares on one base take more than all
// of, when there is one.
func (v *vetter) shareRates(vi int, ver *version, s *schema, rules []*shareRule, seen map[string]bool) {
	sp, regs := v.shareRegions(ver, s, rules)
	if sp == nil {
		return
	}
	// Group the lines by payer and base, as written.
	type groupKey struct{ payer, base string }
	groups := map[groupKey][]shareLineRegion{}
	var keys []groupKey
	for i, r := range rules {
		if regs[i] == nil {
			continue
		}
		for j, l := range r.lines {
			rate, ok := lineRate(l)
			if !ok || len(regs[i][j]) == 0 {
				continue
			}
			k := groupKey{r.payer, l.text}
			if _, ok := groups[k]; !ok {
				keys = append(keys, k)
			}
			groups[k] = append(groups[k], shareLineRegion{r: r, line: j, reg: regs[i][j], rate: rate})
		}
	}
	parties := []string{""}
	if s.actorAt >= 0 {
		parties = v.a.partyNames()
	}
	hundred := types.DecimalFromInt(1)
	for _, k := range keys {
		items := groups[k]
		for _, party := range parties {
			// The lines of each rule that can count an action of party.
			var byRule [][]shareLineRegion
			var ruleOf []*shareRule
			for _, it := range items {
				if it.r.by != "" && it.r.by != party {
					continue
				}
				if len(ruleOf) == 0 || ruleOf[len(ruleOf)-1] != it.r {
					ruleOf = append(ruleOf, it.r)
					byRule = append(byRule, nil)
				}
				byRule[len(byRule)-1] = append(byRule[len(byRule)-1], it)
			}
			var chosen []shareLineRegion
			tries := 0
			var found []shareLineRegion
			var where box
			var search func(i int, b box, sum types.Decimal)
			search = func(i int, b box, sum types.Decimal) {
				if found != nil || tries > maxRateCombos {
					return
				}
				tries++
				if i == len(byRule) {
					if sum.Cmp(hundred) > 0 {
						found = append([]shareLineRegion(nil), chosen...)
						where = b
					}
					return
				}
				for _, it := range byRule[i] {
					for _, c := range it.reg {
						nb, ok := b.intersect(c)
						if !ok {
							continue
						}
						s2, err := sum.Add(it.rate)
						if err != nil {
							continue
						}
						chosen = append(chosen, it)
						search(i+1, nb, s2)
						chosen = chosen[:len(chosen)-1]
						if found != nil {
							return
						}
					}
				}
				search(i+1, b, sum)
			}
			search(0, sp.fullBox(), types.Decimal{})
			if found == nil {
				continue
			}
			v.reportRates(vi, sp, s, party, k.base, found, where, seen)
			break
		}
	}
}

func (v *vetter) reportRates(vi int, sp *space, s *schema, party, base string, found []shareLineRegion, where box, seen map[string]bool) {
	var nums, parts []string
	var clauses []*result.ClauseInfo
	total := types.Decimal{}
	// A tiered line's top rate applies only once the volume passes its
	// thresholds, which one action alone need not do: the figure is then
	// a bound ("up to"), and the witness says so.
	upTo := ""
	for _, it := range found {
		nums = append(nums, it.r.clause.Num)
		clauses = append(clauses, it.r.clause)
		if it.r.lines[it.line].tiers != nil {
			upTo = "up to "
			parts = append(parts, fmt.Sprintf("%s at up to %s (its top tier, once the volume passes its thresholds)", it.r.clause.Num, formatPercent(it.rate)))
		} else {
			parts = append(parts, fmt.Sprintf("%s at %s", it.r.clause.Num, formatPercent(it.rate)))
		}
		total, _ = total.Add(it.rate)
	}
	key := "rates\x00" + base + "\x00" + strings.Join(nums, ",")
	if seen[key] {
		return
	}
	seen[key] = true
	sort.SliceStable(clauses, func(i, j int) bool { return clauses[j].Pos.Before(clauses[i].Pos) })
	by := ""
	if party != "" {
		by = " by " + party
	}
	var msg string
	if len(found) == 1 {
		msg = fmt.Sprintf("clause %s takes %s%s of %s of %s %s%s, more than the whole", found[0].r.clause.Num, upTo, formatPercent(total), base, article(s.Name()), s.Name(), by)
	} else {
		all := "all"
		if len(found) == 2 {
			all = "both"
		}
		msg = fmt.Sprintf("clauses %s can %s count one %s%s and together take %s%s of %s, more than the whole", andList(nums), all, s.Name(), by, upTo, formatPercent(total), base)
	}
	if d := sp.describe(where); d != "any" {
		msg += " (" + d + ")"
	}
	f := result.VetFinding{Kind: result.VetMoney, Severity: result.VetWarning, Pos: clauses[0].Pos, Clauses: clauses, Message: msg}
	if !s.Event() {
		// The witness must be counted by each line and a settlement of it
		// must show the excess (vet_money_settle.go). A base of zero shows
		// nothing: fields no condition looks at are then tried at zero, one
		// at a time (`refunds` of `gross - refunds`).
		for _, rec := range v.rateCandidates(sp, s, party, where) {
			w, _ := v.witness(vi, rec)
			if w == nil || !v.countedBy(w.Record, found) {
				continue
			}
			if rs, ok := v.settleRates(w, found, total); ok {
				w.Answer = "a settlement counts it under " + andList(parts) + ": " + upTo + formatPercent(total) + " of " + base + "; " + rs.answer(v.a.currency, found, base)
				w.Rows, w.Warm = rs.rows, rs.warm
				f.Witness = w
				break
			}
		}
		if f.Witness == nil {
			v.unconfirmed++
			return
		}
	}
	v.add(f)
}

// rateCandidates returns the witness records to try for shares over the
// whole: the lowest point of where, and the point with every money field
// of the space at a positive amount of its highest atom in where (the
// lowest amount is often zero, a base that shows nothing); each also with
// the money fields no condition looks at set to zero, one at a time and
// all together (`refunds` of `gross - refunds`), and at USD 1.00 (a cap
// may hide the excess on a larger amount), with each at zero in turn.
func (v *vetter) rateCandidates(sp *space, s *schema, party string, where box) []*types.Record {
	low := sp.point(where)
	high := append([]types.Value(nil), low...)
	for i, d := range sp.doms {
		if d.kind != types.KindMoney {
			continue
		}
		for k := d.n - 1; k >= 0; k-- {
			if where[i].has(k) && d.reps[k].Kind() != 0 {
				high[i] = d.positiveIn(k)
				break
			}
		}
	}
	inSpace := map[int]bool{}
	for _, d := range sp.doms {
		inSpace[d.idx] = true
	}
	var free []int
	for i, t := range s.types {
		if t.kind == types.KindMoney && !inSpace[i] {
			free = append(free, i)
		}
	}
	var out []*types.Record
	for _, pt := range [][]types.Value{low, high} {
		rec := v.record(sp, s, party, pt)
		set := func(rec *types.Record, to types.Decimal, idx ...int) *types.Record {
			r := &types.Record{Schema: s, Fields: append([]types.Value(nil), rec.Fields...)}
			for _, i := range idx {
				r.Fields[i] = types.MoneyValue(s.types[i].currency, to)
			}
			return r
		}
		// Each free field at zero in turn, then all at zero; then all at
		// 1.00 (a cap may hide the excess on larger amounts), each at zero
		// in turn.
		small := set(rec, types.DecimalFromInt(1), free...)
		for _, from := range []*types.Record{rec, small} {
			out = append(out, from)
			for _, i := range free {
				out = append(out, set(from, types.Decimal{}, i))
			}
			if len(free) > 1 && from == rec {
				out = append(out, set(from, types.Decimal{}, free...))
			}
			if len(free) == 0 {
				break
			}
		}
	}
	return out
}

// positiveIn returns a positive amount in atom k of a money field when
// the atom holds one: its constant, the middle of its interval (to the
// cent), or 100 above the highest constant; else the atom's own value.
func (d *dom) positiveIn(k int) types.Value {
	rep := d.reps[k]
	var v types.Decimal
	switch j := k / 2; {
	case k%2 == 1:
		v = d.nums[j]
	case j == len(d.nums):
		if j == 0 {
			return rep
		}
		var err error
		if v, err = d.nums[j-1].Add(types.DecimalFromInt(100)); err != nil {
			return rep
		}
	default:
		var lo types.Decimal
		if j > 0 {
			lo = d.nums[j-1]
		}
		cent, _ := types.ParseDecimal("0.01")
		sum, err1 := lo.Add(d.nums[j])
		mid, err2 := sum.Quo(types.DecimalFromInt(2))
		mid, err3 := mid.Floor(cent)
		if err1 != nil || err2 != nil || err3 != nil || mid.Cmp(lo) <= 0 || mid.Cmp(d.nums[j]) >= 0 {
			return rep
		}
		v = mid
	}
	if v.Sign() <= 0 {
		return rep
	}
	return types.MoneyValue(d.cur, v)
}

// countedBy confirms that rec is counted by each of the share lines.
func (v *vetter) countedBy(rec *types.Record, lines []shareLineRegion) bool {
	fr := v.p.getFrame(v.ctx, rec.Fields[schemaOf(rec.Schema).dateIdx()].Date())
	defer v.p.putFrame(fr)
	fr.event = rec
	for _, it := range lines {
		r := it.r
		if r.by != "" && rec.Fields[schemaOf(rec.Schema).actorAt].Str() != r.by {
			return false
		}
		if r.where != nil {
			if ok, err := evalBool(r.where, fr); err != nil || !ok {
				return false
			}
		}
		for j, l := range r.lines {
			if l.afterBreach != "" {
				return false // depends on the ledger's breaches (SPEC 5.6)
			}
			ok := l.where == nil
			if !ok {
				var err error
				if ok, err = evalBool(l.where, fr); err != nil {
					return false
				}
			}
			if ok {
				if j != it.line {
					return false
				}
				break
			}
		}
	}
	return true
}

// shareLimits reports a guarantee above the share's cap for the same
// period, confirmed by a settlement, and a guarantee on a share whose
// rates are all 0%.
func (v *vetter) shareLimits(ver *version, r *shareRule, seen map[string]bool) {
	g := r.guarantee
	if g == nil {
		return
	}
	for _, c := range r.caps {
		if c.kind == g.kind && g.minimum.Cmp(c.limit) > 0 {
			key := "cap\x00" + fmt.Sprint(r.clause.Index)
			if seen[key] {
				return
			}
			seen[key] = true
			// The true-up is not subject to caps (SPEC 7.4): with no sale
			// at all, a settlement of the guarantee's first window pays the
			// whole guarantee, past the cap. Confirmed by that settlement.
			window, paid, ok := v.settleGuarantee(ver, r)
			if !ok || paid.Cmp(c.limit) <= 0 {
				v.unconfirmed++
				continue
			}
			v.add(result.VetFinding{Kind: result.VetMoney, Severity: result.VetWarning, Pos: guaranteePos(r.clause), Clauses: []*result.ClauseInfo{r.clause},
				Message: fmt.Sprintf("clause %s has a %s, above its cap (%s): the guarantee's true-up is not capped (SPEC 7.4), so the cap never holds; with no %s at all, a settlement of %s pays %s under %s",
					r.clause.Num, g.text, c.text, r.action.Name(), window, types.MoneyValue(v.a.currency, paid), r.clause.Num)})
		}
	}
	zero := true
	for _, l := range r.lines {
		rate, ok := lineRate(l)
		if !ok || !rate.IsZero() {
			zero = false
		}
	}
	if zero {
		key := "zero\x00" + fmt.Sprint(r.clause.Index)
		if !seen[key] {
			seen[key] = true
			v.add(result.VetFinding{Kind: result.VetMoney, Severity: result.VetWarning, Pos: guaranteePos(r.clause), Clauses: []*result.ClauseInfo{r.clause},
				Message: fmt.Sprintf("clause %s has a %s, but every rate of its share is 0%%: the guarantee trues up nothing but itself", r.clause.Num, g.text)})
		}
	}
}

func guaranteePos(c *result.ClauseInfo) lang.Pos {
	if b, ok := c.Decl.Body.(*lang.Share); ok && b.Guarantee != nil {
		return b.Guarantee.Pos()
	}
	return c.Pos
}

// deadShare marks the share clauses of ver that some action can count.
func (v *vetter) deadShare(ver *version, s *schema, rules []*shareRule, live map[*result.ClauseInfo]int) {
	sp, regs := v.shareRegions(ver, s, rules)
	for i, r := range rules {
		if sp == nil || regs[i] == nil {
			live[r.clause] |= 2 // not analysed: count as live
			continue
		}
		for _, reg := range regs[i] {
			if len(reg) > 0 {
				live[r.clause] |= 2
			}
		}
		live[r.clause] |= 1
	}
}

// recoups reports a share that recoups an advance no clause of the
// version pays from the payer to the payee, or more than the advances
// written as amounts add up to.
func (v *vetter) recoups(ver *version, seen map[string]bool) {
	for _, c := range ver.clauses {
		b, ok := c.Decl.Body.(*lang.Share)
		if !ok || b.Recoup == nil {
			continue
		}
		payee, ok := b.Payee.(*lang.PartyPayee)
		if !ok {
			continue
		}
		key := "recoup\x00" + fmt.Sprint(c.Index)
		if seen[key] {
			continue
		}
		var total types.Decimal
		n, known := 0, true
		for _, o := range ver.clauses {
			var payer *lang.Ident
			var to lang.Payee
			var amount lang.Expr
			times := int64(1)
			switch ob := o.Decl.Body.(type) {
			case *lang.Payment:
				payer, to, amount, times = ob.Payer, ob.Payee, ob.Amount, int64(len(ob.Dates))
			case *lang.Installments:
				payer, to, amount = ob.Payer, ob.Payee, ob.Total
			default:
				continue
			}
			pp, ok := to.(*lang.PartyPayee)
			if !ok || payer.Name != b.Payer.Name || pp.Party.Name != payee.Party.Name {
				continue
			}
			n++
			amt, ok := moneyLit(amount)
			if !ok {
				known = false
				continue
			}
			amt, _ = amt.Mul(types.DecimalFromInt(times))
			total, _ = total.Add(amt)
		}
		recoup, rok := moneyLit(b.Recoup.Amount)
		switch {
		case n == 0:
			seen[key] = true
			v.add(result.VetFinding{Kind: result.VetMoney, Severity: result.VetWarning, Pos: b.Recoup.Pos(), Clauses: []*result.ClauseInfo{c},
				Message: fmt.Sprintf("clause %s recoups an advance, but no clause has %s pay %s an amount to recoup", c.Num, b.Payer.Name, payee.Party.Name)})
		case known && rok && recoup.Cmp(total) > 0:
			seen[key] = true
			v.add(result.VetFinding{Kind: result.VetMoney, Severity: result.VetWarning, Pos: b.Recoup.Pos(), Clauses: []*result.ClauseInfo{c},
				Message: fmt.Sprintf("clause %s recoups %s, more than the %s %s pays %s", c.Num, types.MoneyValue(v.a.currency, recoup), types.MoneyValue(v.a.currency, total), b.Payer.Name, payee.Party.Name)})
		}
	}
}

// moneyLit returns the amount of a money literal.
func moneyLit(e lang.Expr) (types.Decimal, bool) {
	for {
		p, ok := e.(*lang.Paren)
		if !ok {
			break
		}
		e = p.X
	}
	m, ok := e.(*lang.MoneyLit)
	if !ok {
		return types.Decimal{}, false
	}
	d, err := types.ParseDecimal(m.Amount)
	return d, err == nil
}

// milestones marks the milestones of ver that some event can trigger.
func (v *vetter) milestones(ver *version, live map[*result.ClauseInfo]int) {
	for s, ms := range ver.money.milestones {
		var conds []node
		for _, m := range ms {
			conds = append(conds, m.where)
		}
		sp, _ := v.buildSpace(ver, s, conds, nil)
		for _, m := range ms {
			live[m.clause] |= 1
			if sp == nil {
				live[m.clause] |= 2
				continue
			}
			reg, ok := sp.cond(m.where)
			if !ok || len(reg) > 0 {
				live[m.clause] |= 2
			}
		}
	}
}

// andList joins words as "a", "a and b", "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
