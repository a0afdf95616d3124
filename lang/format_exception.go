package lang

// exception prints `exception NUM [notwithstanding …] TERM = EXPR where
// COND`, with its prose on the next line one level deeper.
func (p *fmtPrinter) exception(d *ExceptionDecl, ind int) {
	p.str("exception ")
	p.clauseRef(d.Num)
	if len(d.Notwithstanding) > 0 {
		p.str(" notwithstanding ")
		p.clauseRefs(d.Notwithstanding)
	}
	p.str(" ")
	p.ident(d.Term)
	p.str(" = ")
	p.expr(d.Body, fmtCtx{open: true})
	p.str(" where ")
	p.expr(d.Where, fmtCtx{open: true})
	if d.Prose != nil {
		p.line(ind + 1)
		p.stringLit(d.Prose)
	}
}
