package lang

// requires prints each precondition on a line of its own at indent ind.
func (p *fmtPrinter) requires(rs []*Requires, ind int) {
	for _, r := range rs {
		if r == nil {
			continue
		}
		p.line(ind)
		p.at(r.At)
		p.str("requires ")
		p.expr(r.Cond, fmtCtx{open: true})
		p.str(" else ")
		p.expr(r.Message, fmtCtx{open: true})
	}
}
