package lang

func (c *treeBuilder) expectOwes(at Pos, g *gExpectOwes) *ExpectOverdue {
	out := &ExpectOverdue{At: at, Payer: identTok(&g.Payer), Payee: identTok(&g.Payee), Amount: g.Amount, AsOf: dateTok(&g.AsOf)}
	if g.Clause != nil {
		out.Clause = clauseRefOf(g.Clause)
	}
	return out
}
