package lang

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// This file checks clauses: precedence, permissions and obligations,
// payments, installments, milestones and share formulas.

// maxInstallments bounds an installment schedule, so that a hostile
// agreement cannot make the interpreter build an enormous one.
const maxInstallments = 10000

// clause checks one clause in v.
func (c *checker) clause(v *view, cl *ClauseDecl) {
	if cl == nil {
		return
	}
	num := ""
	if cl.Num != nil {
		num = cl.Num.Num
	}
	c.precedenceRefs(v, num, cl.Notwithstanding, "notwithstanding")
	c.precedenceRefs(v, num, cl.SubjectTo, "subject to")
	for _, a := range cl.Notwithstanding {
		for _, b := range cl.SubjectTo {
			if a != nil && b != nil && a.Num == b.Num && a.Num != num {
				c.errs.Add(b.At, "clause %s is both notwithstanding %s and subject to it", num, a.Num)
			}
		}
	}
	c.clauseRequires(v, cl)
	c.terminationClause(cl)
	switch b := cl.Body.(type) {
	case *TerminationRight:
		if b != nil {
			c.terminationRight(v, b)
		}
	case *AutoTermination:
		if b != nil {
			c.autoTermination(v, b)
		}
	case *Deontic:
		if b != nil {
			c.deontic(v, b)
		}
	case *Payment:
		if b != nil {
			c.payment(v, b)
		}
	case *Installments:
		if b != nil {
			c.installments(v, b)
		}
	case *Milestone:
		if b != nil {
			c.milestone(v, b)
		}
	case *Share:
		if b != nil {
			c.share(v, b)
		}
	case *SplitDecl:
		if b != nil {
			c.splitDecl(v, cl, b)
		}
	case *JointLimit:
		if b != nil {
			c.joint(v, cl, b)
		}
	}
}

// precedenceRefs checks the clause numbers after `notwithstanding` or
// `subject to`.
func (c *checker) precedenceRefs(v *view, num string, refs []*ClauseRef, word string) {
	seen := make(map[string]bool)
	for _, r := range refs {
		if r == nil {
			continue
		}
		switch {
		case r.Num == num:
			c.errs.Add(r.At, "clause %s cannot be %s itself", num, word)
		case seen[r.Num]:
			c.errs.Add(r.At, "clause %s is named twice after `%s`", r.Num, word)
		case v.clauses[r.Num] == nil:
			c.errs.AddHint(r.At, c.clauseHint(r.Num, func() []string { return sortedKeys(v.clauses) }), "no clause %s", r.Num)
		}
		seen[r.Num] = true
	}
}

// precedenceCycles reports clauses in force in v that take precedence over
// each other in a circle: then no clause can decide.
func (c *checker) precedenceCycles(v *view) {
	g := newGraph()
	for _, num := range sortedKeys(v.clauses) {
		cl := v.clauses[num]
		g.node(num)
		for _, r := range cl.Notwithstanding {
			if r != nil && r.Num != num && v.clauses[r.Num] != nil {
				g.edge(num, r.Num, r)
			}
		}
		for _, r := range cl.SubjectTo {
			if r != nil && r.Num != num && v.clauses[r.Num] != nil && !refersTo(cl.Notwithstanding, r.Num) {
				g.edge(r.Num, num, r)
			}
		}
	}
	less := func(a, b string) bool { return v.clauses[a].At.Before(v.clauses[b].At) }
	for _, cyc := range g.cycles(less) {
		ref := g.ref(cyc[0], cyc[1])
		pos := v.clauses[cyc[0]].At
		if ref != nil {
			pos = ref.At
		}
		msg := "precedence cycle: " + joinCycle(cyc)
		if c.once(pos.String() + msg) {
			c.errs.AddHint(pos, "an arrow means “takes precedence over”; remove one `notwithstanding` or `subject to`", "%s", msg)
		}
	}
}

// partyRef resolves a name that must be a party.
func (c *checker) partyRef(v *view, id *Ident) *PartyDecl {
	if id == nil {
		return nil
	}
	ent := v.names[id.Name]
	if ent == nil {
		c.errs.AddHint(id.At, c.dym(id.Name, func() []string { return v.namesOf(entParty) }), "unknown party %q", id.Name)
		return nil
	}
	if ent.what != entParty {
		c.errs.Add(id.At, "%q is %s, not a party", id.Name, ent.describe())
		return nil
	}
	c.info.Uses[id] = &PartyObj{Decl: ent.party}
	return ent.party
}

// schemaRef resolves the name of an action (wantAction) or of an action or
// event. An event where an action is wanted is reported with why, and still
// returned so that the rest of the clause can be checked.
func (c *checker) schemaRef(v *view, id *Ident, wantAction bool, why string) *SchemaDecl {
	if id == nil {
		return nil
	}
	word := "action or event"
	if wantAction {
		word = "action"
	}
	ent := v.names[id.Name]
	if ent == nil {
		c.errs.AddHint(id.At, c.dym(id.Name, func() []string { return v.namesOf(entSchema) }), "unknown %s %q", word, id.Name)
		return nil
	}
	if ent.what != entSchema {
		c.errs.Add(id.At, "%q is %s, not an %s", id.Name, ent.describe(), word)
		return nil
	}
	if wantAction && ent.schema.Event {
		c.errs.Add(id.At, "%q is an event; %s", id.Name, why)
	}
	c.info.Uses[id] = &SchemaObj{Decl: ent.schema}
	return ent.schema
}

// deontic checks `PARTY may|must not|must ACTION ...`.
func (c *checker) deontic(v *view, b *Deontic) {
	c.partyRef(v, b.Party)
	s := c.schemaRef(v, b.Action, true, "only an action can be permitted, prohibited or required")
	if b.Where != nil && (b.Action == nil || s != nil) {
		c.wantBool(&env{v: v, event: s}, b.Where, "the condition after `where`")
	}
	from, until := c.dateLit(b.From), c.dateLit(b.Until)
	c.dateLit(b.By)
	if from.valid() && until.valid() && until.before(from) {
		c.errs.Add(b.Until.At, "the clause applies until %s, before it starts on %s", b.Until.Text, b.From.Text)
	}
	if b.By != nil && b.Modality != Must {
		c.errs.AddHint(b.By.At, "write `"+ClipText(identName(b.Party))+" must "+ClipText(identName(b.Action))+" ... by DATE`, or drop the deadline",
			"a deadline (`by DATE`) needs `must`; only an obligation has one")
	}
}

// inTerm reports a date outside the agreement's term.
func (c *checker) inTerm(fam *family, pos Pos, day civil, what string) {
	if fam.effective.valid() && day.before(fam.effective) {
		c.errs.Add(pos, "%s falls before the agreement takes effect on %s", what, fam.info.Effective)
	}
	if fam.ends.valid() && fam.ends.before(day) {
		c.errs.Add(pos, "%s falls after the agreement ends on %s", what, fam.info.Ends)
	}
}

// payment checks `PAYER pays PAYEE AMOUNT on DATE, ...`.
func (c *checker) payment(v *view, b *Payment) {
	payer := c.partyRef(v, b.Payer)
	t := c.wantMoney(&env{v: v}, b.Amount, "the amount")
	c.payee(v, b.Payee, payer, currencyOf(t))
	seen := make(map[civil]Pos)
	for _, d := range b.Dates {
		day := c.dateLit(d)
		if !day.valid() {
			continue
		}
		if prev, ok := seen[day]; ok {
			c.errs.Add(d.At, "the payment date %s is listed twice (first %s)", d.Text, prevAt(prev, d.At))
			continue
		}
		seen[day] = d.At
		c.inTerm(v.fam, d.At, day, "the payment on "+d.Text)
	}
	c.due(v, b.Due, false)
	c.dueAnchor(b.Due, b)
	c.lates(v, b.Late, currencyOf(t), "payment")
}

// installments checks `PAYER pays PAYEE TOTAL in N equal ADVERB
// installments from DATE`.
func (c *checker) installments(v *view, b *Installments) {
	payer := c.partyRef(v, b.Payer)
	e := &env{v: v}
	t := c.wantMoney(e, b.Total, "the total")
	c.payee(v, b.Payee, payer, currencyOf(t))
	n := int64(0)
	if b.Count != nil && c.expr(e, b.Count) != nil {
		n, _ = strconv.ParseInt(b.Count.Text, 10, 64)
		switch {
		case n < 1:
			c.errs.Add(b.Count.At, "there must be at least one installment")
		case n > maxInstallments:
			c.errs.Add(b.Count.At, "%d installments is too many; at most %d are allowed", n, maxInstallments)
		}
	}
	every := c.periodUnit(b.Every) && c.notContract(b.Every, "installments", "yearly")
	first := c.dateLit(b.From)
	if first.valid() {
		c.inTerm(v.fam, b.From.At, first, "the first installment, on "+b.From.Text+",")
		months := 0
		if every {
			months = map[string]int{"month": 1, "quarter": 3, "half": 6, "year": 12}[b.Every.Unit]
		}
		if months > 0 && n >= 2 && n <= maxInstallments {
			last := first.addMonths(int(n-1) * months)
			if fam := v.fam; fam.ends.valid() && fam.ends.before(last) {
				c.errs.Add(b.Count.At, "installment %d of %d falls on %s, after the agreement ends on %s", n, n, last, fam.info.Ends)
			}
		}
	}
	c.due(v, b.Due, false)
	c.dueAnchor(b.Due, b)
	c.lates(v, b.Late, currencyOf(t), "payment")
}

// milestone checks `PAYER pays PAYEE AMOUNT on each|first EVENT [where
// COND]`.
func (c *checker) milestone(v *view, b *Milestone) {
	if b.Breach != nil {
		c.breachMilestone(v, b)
		return
	}
	payer := c.partyRef(v, b.Payer)
	s := c.schemaRef(v, b.Event, false, "")
	e := &env{v: v, event: s}
	t := c.wantMoney(e, b.Amount, "the amount")
	c.payee(v, b.Payee, payer, currencyOf(t))
	if b.Where != nil && (b.Event == nil || s != nil) {
		c.wantBool(e, b.Where, "the condition after `where`")
	}
	c.due(v, b.Due, false)
	c.dueAnchor(b.Due, b)
	c.lates(v, b.Late, currencyOf(t), "payment")
}

// share checks a share formula.
func (c *checker) share(v *view, b *Share) {
	payer := c.partyRef(v, b.Payer)
	s := c.schemaRef(v, b.Action, true, "a share is taken over the events of an action")
	lost := b.Action != nil && s == nil // the action is unknown: its fields cannot be checked
	e := &env{v: v, event: s}
	e0 := &env{v: v}
	c.partyRef(v, b.By)
	if b.Where != nil && !lost {
		c.wantBool(e, b.Where, "the condition after `where`")
	}

	cur := ""
	var curAt Expr
	for i, ln := range b.Lines {
		if ln == nil {
			continue
		}
		var base Type
		if !lost {
			base = c.wantMoney(e, ln.Base, "the base of a share")
		}
		if base != nil {
			switch {
			case cur == "":
				cur, curAt = currencyOf(base), ln.Base
			case currencyOf(base) != cur:
				c.errs.Add(ln.Base.Pos(), "every line of a share must be in one currency: this base is %s, the one at line %d is %s",
					base, curAt.Pos().Line, &Money{Currency: cur})
			}
		}
		c.rate(e, e0, ln.Rate, currencyOf(base), lost)
		if ln.Where != nil && !lost {
			c.wantBool(e, ln.Where, "the condition after `where`")
		}
		if ln.AfterBreach != nil {
			c.breachable(v, ln.AfterBreach)
		}
		if !b.Inline && ln.Where == nil && ln.AfterBreach == nil && i != len(b.Lines)-1 {
			c.errs.AddHint(ln.At, "give it `where CONDITION`, or move it to the end",
				"a line without a condition must be the last line")
		}
	}

	settled := b.Settled == nil || c.periodUnit(b.Settled)
	c.due(v, b.Due, true)
	c.dueAnchor(b.Due, b)
	c.limits(e0, b.Limits, cur)
	if g := b.Guarantee; g != nil {
		t := c.wantMoney(e0, g.Amount, "the minimum guarantee")
		c.sameCurrency(g.Amount, t, cur, "the minimum guarantee", "share")
		if c.periodUnit(g.Per) && settled {
			c.fitsSettlement(v, g.At, "minimum guarantee", g.Amount, g.Per, b.Settled)
		}
	}
	for _, l := range b.Limits {
		if l != nil && l.Per != nil && settled && validUnit(l.Per) {
			word := "at most"
			if l.Floor {
				word = "at least"
			}
			c.fitsSettlement(v, l.At, word, l.Amount, l.Per, b.Settled)
		}
	}
	if r := b.Recoup; r != nil {
		t := c.wantMoney(e0, r.Amount, "the amount to recoup")
		c.sameCurrency(r.Amount, t, cur, "the amount to recoup", "share")
	}
	c.lates(v, b.Late, cur, "share")
	if lost {
		s = nil
	}
	c.sharePayee(v, b, s, payer, cur)
}

// rate checks the rate of a share line: a percent, or tiers whose
// thresholds are money in the base's currency, strictly increasing.
func (c *checker) rate(e, e0 *env, r Rate, cur string, lost bool) {
	switch r := r.(type) {
	case *FlatRate:
		if r != nil && !lost {
			c.wantPercent(e, r.Value, "the rate")
		}
	case *Tiers:
		if r == nil {
			return
		}
		if r.Reset != nil {
			c.periodUnit(r.Reset)
		}
		if len(r.Tiers) == 0 {
			c.errs.Add(r.At, "tiers need at least one tier")
		}
		var prev *big.Rat
		var prevText string
		for i, t := range r.Tiers {
			if t == nil {
				continue
			}
			switch {
			case t.Rates != nil:
				c.tierRates(e, r, i, t, lost)
			case t.Rate == nil:
			case !r.Whole && lost:
				// The action is unknown: a rate using its fields cannot be checked.
			case !r.Whole && c.wantPercent(e, t.Rate, "a tier's rate"),
				r.Whole && c.wholeTierRate(e, e0, t.Rate):
				if k, ok := constValue(t.Rate); ok && k.Sign() < 0 {
					c.errs.Add(t.Rate.Pos(), "a tier's rate cannot be negative")
				}
			}
			last := i == len(r.Tiers)-1
			if t.UpTo == nil {
				if !last {
					c.errs.Add(t.At, "only the last tier may be `above`")
				}
				continue
			}
			if last {
				c.errs.AddHint(t.At, "end the tiers with `RATE above`", "the last tier must be `above`, so that every volume has a rate")
			}
			tt := c.wantMoney(e0, t.UpTo, "a tier's threshold")
			if tt != nil && cur != "" && currencyOf(tt) != cur {
				c.errs.Add(t.UpTo.Pos(), "the tier's threshold is in %s, but the base is in %s", currencyOf(tt), cur)
			}
			amt, ok := constValue(t.UpTo)
			if !ok || tt == nil {
				prev = nil
				continue
			}
			text := exprText(t.UpTo)
			switch {
			case amt.Sign() <= 0:
				c.errs.Add(t.UpTo.Pos(), "a tier's threshold must be more than zero, not %s", text)
			case prev != nil && amt.Cmp(prev) <= 0:
				c.errs.Add(t.UpTo.Pos(), "tier thresholds must increase: %s is not above %s", text, prevText)
			}
			prev, prevText = amt, text
		}
	}
}

// limits checks the caps and floors of a share.
func (c *checker) limits(e0 *env, ls []*Limit, cur string) {
	caps := make(map[string]*Limit)
	floors := make(map[string]*Limit)
	var order []*Limit
	for _, l := range ls {
		if l == nil {
			continue
		}
		word := "cap"
		m := caps
		if l.Floor {
			word, m = "floor", floors
		}
		t := c.wantMoney(e0, l.Amount, "the "+word)
		c.sameCurrency(l.Amount, t, cur, "the "+word, "share")
		if l.Per != nil && !c.periodUnit(l.Per) {
			continue
		}
		key := perText(l.Per)
		if prev := m[key]; prev != nil {
			c.errs.Add(l.At, "the share already has a %s %s %s", word, key, prevAt(prev.At, l.At))
			continue
		}
		m[key] = l
		order = append(order, l)
	}
	for _, f := range order {
		if !f.Floor {
			continue
		}
		key := perText(f.Per)
		cp := caps[key]
		if cp == nil {
			continue
		}
		fa, ok1 := constValue(f.Amount)
		ca, ok2 := constValue(cp.Amount)
		if ok1 && ok2 && Identical(c.info.Types[f.Amount], c.info.Types[cp.Amount]) && fa.Cmp(ca) > 0 {
			c.errs.Add(f.At, "floor %s %s is above the cap %s %s", exprText(f.Amount), key, exprText(cp.Amount), key)
		}
	}
}

// sameCurrency reports money in another currency than the share's or
// payment's own.
func (c *checker) sameCurrency(x Expr, t Type, cur, what, of string) {
	if t != nil && cur != "" && currencyOf(t) != cur {
		c.errs.Add(x.Pos(), "%s is in %s, but the %s is in %s", what, currencyOf(t), of, cur)
	}
}

// payee checks who receives: a party other than the payer, a split or a
// waterfall.
func (c *checker) payee(v *view, p Payee, payer *PartyDecl, cur string) {
	switch p := p.(type) {
	case *PartyPayee:
		if p != nil && !c.splitRef(v, p.Party, payer) {
			c.notPayer(v, p.Party, payer)
		}
	case *Split:
		if p != nil {
			c.split(v, p, payer)
		}
	case *Waterfall:
		if p != nil {
			c.waterfall(v, p, payer, cur)
		}
	}
}

// notPayer resolves a receiving party and reports it if it is the payer.
func (c *checker) notPayer(v *view, id *Ident, payer *PartyDecl) *PartyDecl {
	pd := c.partyRef(v, id)
	if pd != nil && pd == payer {
		c.errs.Add(id.At, "%q cannot pay itself", id.Name)
	}
	return pd
}

// percentConst returns the percent literal x is, in parentheses or not,
// and whether it is negated (`-10%`, `-(10%)`); nil if x is not a
// constant percent.
func percentConst(x Expr) (lit *PercentLit, neg bool) {
	x = stripParens(x)
	if u, ok := x.(*Unary); ok && u.Op == Neg {
		x, neg = stripParens(u.X), true
	}
	lit, _ = x.(*PercentLit)
	return lit, neg
}

// waterfall checks `waterfall { STEP... }`: every step but the last is paid
// up to a limit; the last takes the rest.
func (c *checker) waterfall(v *view, w *Waterfall, payer *PartyDecl, cur string) {
	if len(w.Steps) == 0 {
		c.errs.Add(w.At, "a waterfall needs at least one step")
		return
	}
	e := &env{v: v}
	for i, st := range w.Steps {
		if st == nil {
			continue
		}
		if st.Split != nil {
			c.split(v, st.Split, payer)
		} else if !c.splitRef(v, st.Party, payer) {
			c.partyRef(v, st.Party) // a step may leave the amount with the payer
		}
		last := i == len(w.Steps)-1
		if st.UpTo == nil {
			if !last {
				c.errs.Add(st.At, "only the last step of a waterfall may be `rest`")
			}
			continue
		}
		t := c.wantMoney(e, st.UpTo, "a waterfall step's limit")
		if t != nil && cur != "" && currencyOf(t) != cur {
			c.errs.Add(st.UpTo.Pos(), "the step's limit is in %s, but the amount is in %s", currencyOf(t), cur)
		}
		if last {
			c.errs.AddHint(st.At, "end with `PARTY rest`", "the last step of a waterfall must be `rest`, so that every amount goes somewhere")
		}
	}
}

// due checks `due within DURATION` or `due DURATION after period end`; the
// latter only on shares, which are settled by period.
func (c *checker) due(v *view, d *Due, share bool) {
	if d == nil {
		return
	}
	c.businessDue(v, d)
	if d.After != nil {
		c.expr(&env{v: v}, d.After)
	}
	if d.PeriodEnd && !share {
		c.errs.AddHint(d.At, "write `due within DURATION`", "`after period end` applies only to shares, which are settled by period")
	}
}

// dueAnchor checks the `after …` of `due within N after …` (SPEC 6.1):
// it must name what the clause's lines accrue on, and a share has none.
func (c *checker) dueAnchor(d *Due, body Node) {
	if d == nil || d.Anchor == nil {
		return
	}
	want := DueAnchorText(body)
	switch {
	case want == "":
		c.errs.AddHint(d.Anchor.At, "write `due N after period end`",
			"a share's line is due after its period ends, not %s", d.Anchor.Text)
	case d.Anchor.Text != want:
		c.errs.AddHint(d.Anchor.At, "write `after "+want+"`",
			"this clause's lines are due counted from %s, not %s", want, d.Anchor.Text)
	}
}

// lates checks late interest (a percent) and late penalties (money).
func (c *checker) lates(v *view, ls []*Late, cur, of string) {
	e := &env{v: v}
	for _, l := range ls {
		if l == nil {
			continue
		}
		if l.Penalty {
			t := c.wantMoney(e, l.Amount, "a late penalty")
			c.sameCurrency(l.Amount, t, cur, "the late penalty", of)
		} else {
			c.wantPercent(e, l.Amount, "late interest")
		}
		if c.periodUnit(l.Per) && l.Per.Fiscal {
			c.errs.Add(l.Per.At, "late charges are counted in days, weeks, months, quarters, half-years or years, not fiscal periods")
		}
		c.notContract(l.Per, "periods of delay", "per year")
		c.delay(l)
		if l.Cap != nil {
			t := c.expr(e, l.Cap)
			switch {
			case t == nil:
			case isMoney(t):
				c.sameCurrency(l.Cap, t, cur, "the cap on late charges", of)
			case isBasic(t, PercentKind):
			default:
				c.errs.Add(l.Cap.Pos(), "the cap on late charges must be money or a percent, not %s", t)
			}
		}
	}
}

var periodUnits = []string{"day", "week", "month", "quarter", "half", "year"}

// periodUnit checks a unit of time written after `per`, `reset` or
// `settled`.
func (c *checker) periodUnit(u *PeriodUnit) bool {
	if u == nil {
		return false
	}
	if validUnit(u) {
		return true
	}
	if !hasString(periodUnits, u.Unit) {
		c.errs.AddHint(u.At, hintOr(didYouMean(u.Unit, periodUnits), "use day, week, month, quarter, half-year or year"), "unknown period %q", u.Unit)
		return false
	}
	if u.Fiscal && u.Unit != "quarter" && u.Unit != "half" && u.Unit != "year" {
		c.errs.Add(u.At, "a fiscal period is a quarter, a half-year or a year, not a %s", u.Unit)
		return false
	}
	return true
}

// validUnit reports whether u is a known unit, fiscal only for a quarter or
// a year.
func validUnit(u *PeriodUnit) bool {
	return u != nil && hasString(periodUnits, u.Unit) && (!u.Fiscal || u.Unit == "quarter" || u.Unit == "half" || u.Unit == "year") &&
		(!u.Contract || u.Unit == "year" && !u.Fiscal)
}

// fitsSettlement reports a floor, cap or guarantee per unit u that does not
// fit the share's settlement period (settled; nil means quarterly): every
// boundary of a u period must be a boundary of a settlement period.
func (c *checker) fitsSettlement(v *view, pos Pos, word string, amount Expr, u, settled *PeriodUnit) {
	s := settled
	if s == nil {
		s = &PeriodUnit{Unit: "quarter"}
	}
	start := v.fam.info.FiscalStart
	contract, _ := parseDate(v.fam.info.ContractStart)
	if !gridOf(u, start, contract).within(gridOf(s, start, contract)) {
		c.errs.Add(pos, "%s %s %s does not fit %s settlement: a limit's period must be made of whole settlement periods",
			word, exprText(amount), perText(u), strings.Replace(settleText(settled), "semi-annually", "semi-annual", 1))
	}
}

// perText writes a limit's period: "per year", "per fiscal quarter", "over
// the term".
func perText(u *PeriodUnit) string {
	if u == nil {
		return "over the term"
	}
	if u.Fiscal {
		return "per fiscal " + unitNoun(u)
	}
	return "per " + unitNoun(u)
}

// constValue returns the value of a constant amount or rate: a money or
// percent literal, possibly negated or in parentheses.
func constValue(x Expr) (*big.Rat, bool) {
	switch x := stripParens(x).(type) {
	case *MoneyLit:
		if x != nil {
			return ratOf(x.Amount)
		}
	case *PercentLit:
		if x != nil {
			return ratOf(x.Text)
		}
	case *Unary:
		if x != nil && x.Op == Neg {
			if r, ok := constValue(x.X); ok {
				return r.Neg(r), true
			}
		}
	}
	return nil, false
}

// exprText writes a constant amount or rate as written ("USD 1,000,000",
// "-20%"), or "..." for anything else.
func exprText(x Expr) string {
	switch x := stripParens(x).(type) {
	case *MoneyLit:
		if x != nil {
			amt := x.Raw
			if amt == "" {
				amt = x.Amount
			}
			return fmt.Sprintf("%s %s", x.Currency, amt)
		}
	case *PercentLit:
		if x != nil {
			return x.Text + "%"
		}
	case *Unary:
		if x != nil && x.Op == Neg {
			return "-" + exprText(x.X)
		}
	}
	return "..."
}

// refersTo reports whether refs names clause num.
func refersTo(refs []*ClauseRef, num string) bool {
	for _, r := range refs {
		if r != nil && r.Num == num {
			return true
		}
	}
	return false
}
