package lang

// This file checks test blocks.

// testDecl checks one test block. Tests see the agreement with all its
// amendments (v is the last view), and may name any clause that any of
// them declares.
func (c *checker) testDecl(v *view, t *TestDecl) {
	fam := v.fam
	if t.Name != nil {
		if fam.testNames == nil {
			fam.testNames = make(map[string]Pos)
		}
		if prev, ok := fam.testNames[t.Name.Value]; ok {
			c.errs.Add(t.Name.At, "test %q is already declared %s", t.Name.Value, prevAt(prev, t.Name.At))
		} else {
			fam.testNames[t.Name.Value] = t.Name.At
		}
	}
	e := &env{v: v, locals: make(map[string]*local)}
	givenAt := make(map[string]Pos)
	var asOf *AsOf
	for _, s := range t.Stmts {
		switch s := s.(type) {
		case *AsOf:
			if s == nil {
				continue
			}
			if asOf != nil {
				c.errs.Add(s.At, "`as of` is already given %s; a test has one date", prevAt(asOf.At, s.At))
				continue
			}
			asOf = s
			c.dateLit(s.Date)
		case *Given:
			if s == nil {
				continue
			}
			typ := c.expr(e, s.Value)
			if s.Name == nil {
				continue
			}
			if prev, ok := givenAt[s.Name.Name]; ok {
				c.errs.Add(s.Name.At, "%q is already given %s", s.Name.Name, prevAt(prev, s.Name.At))
				continue
			}
			givenAt[s.Name.Name] = s.Name.At
			e.locals[s.Name.Name] = &local{obj: &GivenObj{Given: s}, typ: typ}
		case *Expect:
			if s != nil {
				c.wantBool(e, s.Cond, "an expectation")
			}
		case *ExpectFails:
			c.expectFails(e, s)
		case *ExpectVerdict:
			if s == nil {
				continue
			}
			c.verdictSubject(e, s.Subject)
			if s.Verdict == NotCovered && s.Clause != nil {
				c.errs.AddHint(s.Clause.At, "drop `by "+s.Clause.Num+"`", "`by` cannot follow `not covered`: no clause decides what no clause covers")
				continue
			}
			c.testClauseRef(fam, s.Clause)
		case *ExpectPays:
			if s == nil {
				continue
			}
			payer := c.partyRef(v, s.Payer)
			payee := c.partyRef(v, s.Payee)
			if payer != nil && payer == payee {
				c.errs.Add(s.Payee.At, "%q cannot pay itself", s.Payee.Name)
			}
			c.wantMoney(e, s.Amount, "the expected amount")
			if pt := c.expr(e, s.Period); pt != nil && !isBasic(pt, PeriodKind) && !isBasic(pt, DateKind) {
				c.errs.Add(s.Period.Pos(), "the period after `for` must be a quarter like 2027-Q1, a month like 2027-03 or a date, not %s", pt)
			}
			c.testClauseRef(fam, s.Clause)
			if s.Due != nil {
				c.dateLit(s.Due)
			}
		case *ExpectOverdue, *ExpectUnmet:
			c.expectObligation(v, e, s)
		}
	}
}

// verdictSubject checks the subject of `expect X is permitted`: an action
// instance, written out or bound by `given`.
func (c *checker) verdictSubject(e *env, x Expr) {
	t := c.expr(e, x)
	if t == nil {
		return
	}
	instance := false
	switch s := stripParens(x).(type) {
	case *ActionLit:
		instance = true
	case *Ident:
		if l := e.locals[s.Name]; l != nil {
			if g, ok := l.obj.(*GivenObj); ok {
				_, instance = stripParens(g.Given.Value).(*ActionLit)
			}
		}
	}
	rec, ok := t.(*Record)
	switch {
	case !ok || !instance:
		c.errs.AddHint(x.Pos(), "write an action instance, like `sell by openai { ... }`, or a name given to one",
			"only an action instance can be permitted or prohibited, not %s", t)
	case rec.Schema != nil && rec.Schema.Item:
		c.errs.Add(x.Pos(), "%s is an item of a list; only actions are permitted or prohibited", rec)
	case rec.Schema != nil && rec.Schema.Event:
		c.errs.Add(x.Pos(), "%s is an event; only actions are permitted or prohibited", rec)
	}
}

// testClauseRef checks a clause number named by a test.
func (c *checker) testClauseRef(fam *family, r *ClauseRef) {
	if r == nil || fam.allNums[r.Num] {
		return
	}
	hint := c.clauseHint(r.Num, func() []string { return sortedKeys(fam.allNums) })
	c.errs.AddHint(r.At, hint, "no clause %s", r.Num)
}
