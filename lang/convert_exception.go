package lang

func (c *treeBuilder) exception(g *gException) *ExceptionDecl {
	d := &ExceptionDecl{At: tokPos(g.Pos), Num: clauseRefOf(g.Num), Term: identTok(&g.Term), Body: g.Body, Where: g.Where}
	for _, n := range g.Notwithstanding {
		d.Notwithstanding = append(d.Notwithstanding, clauseRefOf(n))
	}
	if g.Prose != nil {
		d.Prose = stringTok(g.Prose)
	}
	return d
}
