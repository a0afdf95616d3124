package lang

// This file checks preconditions (SPEC 4.7) and the test statement that
// expects a question to fail.

// requires checks preconditions in e: each condition is true or false, each
// message is text.
func (c *checker) requires(e *env, rs []*Requires) {
	for _, r := range rs {
		if r == nil {
			continue
		}
		if r.Cond != nil {
			c.wantBool(e, r.Cond, "the condition after `requires`")
		}
		if r.Message == nil {
			continue
		}
		if t := c.expr(e, r.Message); t != nil && !isBasic(t, TextKind) {
			c.errs.AddHint(r.Message.Pos(), `write the message in quotes, like "the fee is not due before the start date"`,
				"the message after `else` must be text, not %s", t)
		}
	}
}

// clauseRequires checks the preconditions of cl. They see the fields of the
// action or event the clause is about, as its `where` does; a clause about
// no action or event (a payment on dates, installments, a named split)
// sees only terms.
func (c *checker) clauseRequires(v *view, cl *ClauseDecl) {
	if len(cl.Requires) == 0 {
		return
	}
	var about *Ident
	switch b := cl.Body.(type) {
	case *Deontic:
		if b != nil {
			about = b.Action
		}
	case *Share:
		if b != nil {
			about = b.Action
		}
	case *Milestone:
		if b != nil {
			about = b.Event
		}
	case *TerminationRight, *AutoTermination:
		return // reported by terminationClause
	case *SplitDecl:
		c.errs.AddHint(cl.Requires[0].At, "put it on the clauses that pay through the split",
			"a named split cannot have `requires`: it is not a question that can fail")
		return
	}
	e := &env{v: v}
	if about != nil {
		ent := v.names[about.Name]
		if ent == nil || ent.what != entSchema || ent.schema == nil {
			return // reported with the body: the fields cannot be checked
		}
		e.event = ent.schema
	}
	c.requires(e, cl.Requires)
}

// expectFails checks `expect EXPR fails "message"`.
func (c *checker) expectFails(e *env, s *ExpectFails) {
	if s == nil || s.Subject == nil {
		return
	}
	c.expr(e, s.Subject)
	if s.Message != nil && s.Message.Value == "" {
		c.errs.AddHint(s.Message.At, "write the message the precondition gives after `else`", "the expected message is empty")
	}
}
