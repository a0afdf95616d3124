package lang

// expectObligation prints `expect P owes Q AMOUNT overdue as of DATE
// [under CLAUSE]` and `expect clause CLAUSE unmet as of DATE`.
func (p *fmtPrinter) expectObligation(s TestStmt) {
	switch s := s.(type) {
	case *ExpectOverdue:
		p.str("expect ")
		p.ident(s.Payer)
		p.str(" owes ")
		p.ident(s.Payee)
		p.str(" ")
		p.expr(s.Amount, fmtCtx{open: true})
		p.str(" overdue as of ")
		p.date(s.AsOf)
		if s.Clause != nil {
			p.str(" under ")
			p.clauseRef(s.Clause)
		}
	case *ExpectUnmet:
		p.str("expect clause ")
		p.clauseRef(s.Clause)
		p.str(" unmet as of ")
		p.date(s.AsOf)
	}
}
