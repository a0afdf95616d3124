package lang

// This file checks the test statements that expect amounts overdue and
// obligations not met (SPEC 10.2).

func (c *checker) expectObligation(v *view, e *env, s TestStmt) {
	switch s := s.(type) {
	case *ExpectOverdue:
		if s == nil {
			return
		}
		payer := c.partyRef(v, s.Payer)
		payee := c.partyRef(v, s.Payee)
		if payer != nil && payer == payee {
			c.errs.Add(s.Payee.At, "%q cannot owe itself", s.Payee.Name)
		}
		c.wantMoney(e, s.Amount, "the expected amount")
		c.dateLit(s.AsOf)
		c.testClauseRef(v.fam, s.Clause)
	case *ExpectUnmet:
		if s == nil {
			return
		}
		c.dateLit(s.AsOf)
		c.testClauseRef(v.fam, s.Clause)
		if s.Clause == nil {
			return
		}
		if cl := v.fam.info.Clauses[s.Clause.Num]; cl != nil {
			if d, ok := cl.Body.(*Deontic); !ok || d.Modality != Must {
				c.errs.Add(s.Clause.At, "clause %s is not an obligation (`PARTY must ACTION`); only an obligation can be unmet", s.Clause.Num)
			}
		}
	}
}
