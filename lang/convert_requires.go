package lang

func requiresOf(gs []*gRequires) []*Requires {
	var out []*Requires
	for _, g := range gs {
		if g != nil {
			out = append(out, &Requires{At: tokPos(g.Pos), Cond: g.Cond, Message: g.Message})
		}
	}
	return out
}

// strayRequires reports a precondition that stands alone among the items
// of an agreement: it belongs to the term, clause or action before it.
func (c *treeBuilder) strayRequires(g *gRequires) {
	c.errs.AddHint(tokPos(g.Pos),
		"write it after a term's body (`term x = … requires …`), after a clause's title and prose, before its body, or inside an action's or event's braces after its fields",
		"`requires` must belong to a term, a clause or an action or event")
}
