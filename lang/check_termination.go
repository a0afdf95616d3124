package lang

// This file checks the end of an agreement (SPEC 5.6): rights to
// terminate, automatic termination, `survives termination`, and remedies
// paid on the breach of a clause.

// termination checks what belongs to every clause about the end of the
// agreement: a termination clause has no precedence and does not survive.
func (c *checker) terminationClause(cl *ClauseDecl) {
	switch cl.Body.(type) {
	case *TerminationRight, *AutoTermination:
	default:
		return
	}
	if len(cl.Notwithstanding) > 0 || len(cl.SubjectTo) > 0 {
		at := cl.At
		if len(cl.Notwithstanding) > 0 && cl.Notwithstanding[0] != nil {
			at = cl.Notwithstanding[0].At
		} else if len(cl.SubjectTo) > 0 && cl.SubjectTo[0] != nil {
			at = cl.SubjectTo[0].At
		}
		c.errs.Add(at, "`notwithstanding` and `subject to` order permissions and prohibitions; a termination clause has no precedence")
	}
	if cl.Survives != nil {
		c.errs.Add(*cl.Survives, "a termination clause cannot survive termination")
	}
	if len(cl.Requires) > 0 {
		c.errs.Add(cl.Requires[0].At, "a termination clause cannot have `requires`; put the condition in the clause (`where`, `if 3.1 is breached`)")
	}
}

// terminationRight checks `PARTY may terminate [if CLAUSE is breached [and
// not cured within DURATION]] [on DURATION notice]`.
func (c *checker) terminationRight(v *view, b *TerminationRight) {
	c.partyRef(v, b.Party)
	if b.Breach != nil {
		c.breachable(v, b.Breach)
	}
	if b.Cure != nil {
		c.expr(&env{v: v}, b.Cure)
	}
	if b.Notice != nil {
		c.expr(&env{v: v}, b.Notice)
	}
}

// autoTermination checks `terminates on event EVENT [where COND]`.
func (c *checker) autoTermination(v *view, b *AutoTermination) {
	s := c.schemaRef(v, b.Event, false, "")
	if s != nil && !s.Event {
		c.errs.AddHint(b.Event.At, "declare it with `event`, or terminate on notice (`PARTY may terminate on 30 days notice`)",
			"%q is an action; an agreement terminates on an event", b.Event.Name)
		s = nil
	}
	if b.Where != nil && s != nil {
		c.wantBool(&env{v: v, event: s}, b.Where, "the condition after `where`")
	}
}

// breachable resolves a clause that can be breached: a prohibition in
// force in v. It returns the action the prohibition is about, or nil.
func (c *checker) breachable(v *view, r *ClauseRef) *SchemaDecl {
	cl := v.clauses[r.Num]
	if cl == nil {
		c.errs.AddHint(r.At, c.clauseHint(r.Num, func() []string { return sortedKeys(v.clauses) }), "no clause %s", r.Num)
		return nil
	}
	d, ok := cl.Body.(*Deontic)
	if !ok || d == nil || d.Modality != MustNot {
		c.errs.AddHint(r.At, "a breach is an action that a `must not` clause prohibits (SPEC 5.6)",
			"clause %s is not a prohibition, so it cannot be breached", r.Num)
		return nil
	}
	if d.Action == nil {
		return nil
	}
	ent := v.names[d.Action.Name]
	if ent == nil || ent.what != entSchema {
		return nil
	}
	return ent.schema
}

// breachMilestone checks `PAYER pays PAYEE AMOUNT on each|first breach of
// CLAUSE`: the amount and condition see the fields of the action that
// breached the clause.
func (c *checker) breachMilestone(v *view, b *Milestone) {
	payer := c.partyRef(v, b.Payer)
	s := c.breachable(v, b.Breach)
	e := &env{v: v, event: s}
	t := c.wantMoney(e, b.Amount, "the amount")
	c.payee(v, b.Payee, payer, currencyOf(t))
	if b.Where != nil && s != nil {
		c.wantBool(e, b.Where, "the condition after `where`")
	}
	c.due(v, b.Due, false)
	c.lates(v, b.Late, currencyOf(t), "payment")
}
