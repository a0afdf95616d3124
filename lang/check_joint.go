package lang

// joint checks a clause that limits share clauses together (SPEC 7.4.1):
// each number names a share clause in force, none twice, not the clause
// itself; the limits are money in the shares' currency, at most one per
// unit, each unit made of whole settlement periods of every share.
func (c *checker) joint(v *view, cl *ClauseDecl, b *JointLimit) {
	self := ""
	if cl.Num != nil {
		self = cl.Num.Num
	}
	seen := make(map[string]*ClauseRef)
	var shares []*Share
	cur, curNum := "", ""
	for _, r := range b.Clauses {
		if r == nil {
			continue
		}
		if prev := seen[r.Num]; prev != nil {
			c.errs.Add(r.At, "clause %s is named twice", r.Num)
			continue
		}
		seen[r.Num] = r
		if r.Num == self {
			c.errs.Add(r.At, "clause %s cannot limit itself: name the share clauses it limits", r.Num)
			continue
		}
		d := v.clauses[r.Num]
		if d == nil {
			c.errs.AddHint(r.At, c.clauseHint(r.Num, func() []string { return sortedKeys(v.clauses) }), "no clause %s", r.Num)
			continue
		}
		sh, ok := d.Body.(*Share)
		if !ok || sh == nil {
			c.errs.AddHint(r.At, "name share clauses only; a payment's amount is fixed by the agreement",
				"clause %s is %s, not a share: only shares can be limited together", r.Num, bodyWords(d.Body))
			continue
		}
		if c.byInstanceShare(v, sh) {
			c.errs.AddHint(r.At, "limit the share on its own, or split it by numbers of shares that do not use the instance's fields",
				"clause %s divides what each instance earns by the instance's fields; a limit across clauses would change its amount after that", r.Num)
		}
		shares = append(shares, sh)
		for _, ln := range sh.Lines {
			if ln == nil || ln.Base == nil {
				continue
			}
			k := currencyOf(c.info.Types[ln.Base])
			switch {
			case k == "":
			case cur == "":
				cur, curNum = k, r.Num
			case k != cur:
				c.errs.Add(r.At, "clause %s pays in %s, but clause %s pays in %s: shares limited together must be in one currency", r.Num, k, curNum, cur)
			}
			break
		}
	}
	e0 := &env{v: v}
	units := make(map[string]*Limit)
	for _, l := range b.Limits {
		if l == nil {
			continue
		}
		word := "cap"
		if l.Floor {
			word = "floor"
			c.jointFloor(v, l, b, shares)
		}
		t := c.wantMoney(e0, l.Amount, "the "+word)
		if t != nil && cur != "" && currencyOf(t) != cur {
			c.errs.Add(l.Amount.Pos(), "the %s is in %s, but the shares are in %s", word, currencyOf(t), cur)
		}
		if k, ok := constValue(l.Amount); ok && k.Sign() < 0 {
			c.errs.Add(l.Amount.Pos(), "the %s cannot be negative", word)
		}
		if l.Per != nil && !c.periodUnit(l.Per) {
			continue
		}
		key := word + " " + perText(l.Per)
		if prev := units[key]; prev != nil {
			c.errs.Add(l.At, "the clause already has a %s %s %s", word, perText(l.Per), prevAt(prev.At, l.At))
			continue
		}
		units[key] = l
		if cap, floor := units["cap "+perText(l.Per)], units["floor "+perText(l.Per)]; cap != nil && floor != nil {
			hi, ok1 := constValue(cap.Amount)
			lo, ok2 := constValue(floor.Amount)
			if ok1 && ok2 && lo.Cmp(hi) > 0 {
				c.errs.Add(floor.At, "floor %s %s is above the cap %s %s", exprText(floor.Amount), perText(l.Per), exprText(cap.Amount), perText(l.Per))
			}
		}
		if l.Per == nil || !validUnit(l.Per) {
			continue
		}
		for _, sh := range shares {
			if sh.Settled == nil || c.periodUnit(sh.Settled) {
				c.fitsSettlement(v, l.At, "at most", l.Amount, l.Per, sh.Settled)
			}
		}
	}
	c.jointDue(v, b, cur)
}

// jointDue checks what a limit across clauses says beyond its limits
// (SPEC 7.4.1): it has at least one limit; `due`, `adjusted to` and late
// charges only with a floor, whose true-up they are about; the due date
// is counted from the window's end, not from anything else.
func (c *checker) jointDue(v *view, b *JointLimit, cur string) {
	floor := false
	for _, l := range b.Limits {
		if l != nil && l.Floor {
			floor = true
		}
	}
	if len(b.Limits) == 0 {
		c.errs.AddHint(b.At, "add `at most AMOUNT per UNIT` or `at least AMOUNT per UNIT`",
			"a limit across clauses needs at least one cap or floor")
	}
	if d := b.Due; d != nil {
		word, at := "due", d.At
		if d.After == nil && d.Business == nil && d.Adjust != nil {
			word, at = "adjusted to", d.Adjust.At
		}
		if !floor && len(b.Limits) > 0 {
			c.errs.AddHint(at, "remove it, or add `at least AMOUNT per UNIT`",
				"`%s` needs a floor: a cap across clauses issues no line of its own to be due", word)
		}
		c.due(v, d, true)
		if d.Anchor != nil {
			c.errs.AddHint(d.Anchor.At, "write `due N after period end`",
				"a floor's true-up is due after its window ends, not %s", d.Anchor.Text)
		}
	}
	for _, l := range b.Late {
		if l != nil && !floor && len(b.Limits) > 0 {
			c.errs.AddHint(l.At, "remove it, or add `at least AMOUNT per UNIT`",
				"late charges need a floor: a cap across clauses issues no line of its own to be paid late")
			break
		}
	}
	c.lates(v, b.Late, cur, "share")
}

// bodyWords names what a clause body is: "a payment", "a permission".
func bodyWords(b ClauseBody) string {
	switch b := b.(type) {
	case *Deontic:
		if b != nil {
			switch b.Modality {
			case MustNot:
				return "a prohibition"
			case Must:
				return "an obligation"
			}
		}
		return "a permission"
	case *Payment:
		return "a payment"
	case *Installments:
		return "an installment schedule"
	case *Milestone:
		return "a milestone payment"
	case *SplitDecl:
		return "a named split"
	case *JointLimit:
		return "a limit across clauses"
	}
	return "not a share"
}

// jointFloor checks a floor across clauses: its true-up is paid by the
// shares' one payer to their one payee (a party), and a floor over the
// term needs the agreement's end.
func (c *checker) jointFloor(v *view, l *Limit, b *JointLimit, shares []*Share) {
	if l.Per == nil && !v.fam.ends.valid() {
		c.errs.AddHint(l.At, "declare `ends DATE` in the agreement, or use `per year`",
			"a floor over the term needs an end, and agreement %q has none", identName(v.fam.agr.ID))
	}
	payer, payee := "", ""
	for i, sh := range shares {
		pp, ok := sh.Payee.(*PartyPayee)
		if !ok || pp == nil || pp.Party == nil || sh.Payer == nil {
			c.errs.AddHint(l.At, "give the shares one payer and one party as payee, or give each its own `at least`",
				"a floor across clauses is paid by the shares' payer to their payee, and a share here pays a split or a waterfall")
			return
		}
		if i == 0 {
			payer, payee = sh.Payer.Name, pp.Party.Name
			continue
		}
		if sh.Payer.Name != payer || pp.Party.Name != payee {
			c.errs.AddHint(l.At, "give the shares one payer and one payee, or give each its own `at least`",
				"a floor across clauses needs the shares to have one payer and one payee: %s pays %s, %s pays %s", payer, payee, sh.Payer.Name, pp.Party.Name)
			return
		}
	}
}
