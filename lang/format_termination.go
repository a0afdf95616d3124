package lang

// This file prints the end of an agreement (SPEC 5.6).

// terminationRight prints `PARTY may terminate [if CLAUSE is breached [and
// not cured within DURATION]] [on DURATION notice]`.
func (p *fmtPrinter) terminationRight(b *TerminationRight) {
	p.ident(b.Party)
	p.str(" may terminate")
	if b.Breach != nil {
		p.str(" if ")
		p.clauseRef(b.Breach)
		p.str(" is breached")
		if b.Cure != nil {
			p.str(" and not cured within ")
			p.duration(b.Cure)
		}
	}
	if b.Notice != nil {
		p.str(" on ")
		p.duration(b.Notice)
		p.str(" notice")
	}
}
