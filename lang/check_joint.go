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
			c.errs.AddHint(l.At, "give each clause its own `at least`, or one floor to the clause that should make up the shortfall",
				"a floor across clauses is not part of the language: it would not say which clause pays the top-up")
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
		if l.Per == nil || !validUnit(l.Per) {
			continue
		}
		for _, sh := range shares {
			if sh.Settled == nil || c.periodUnit(sh.Settled) {
				c.fitsSettlement(v, l.At, "at most", l.Amount, l.Per, sh.Settled)
			}
		}
	}
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
