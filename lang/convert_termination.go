package lang

// This file converts the grammar of the end of an agreement (SPEC 5.6).

func (c *treeBuilder) terminationRight(g *gTerminate, at Pos, party *Ident) *TerminationRight {
	out := &TerminationRight{At: at, Party: party}
	notice := g.Notice
	if b := g.Breach; b != nil {
		out.Breach = clauseRefOf(b.Clause)
		if b.Cure != nil {
			out.Cure = durationTok(b.Cure)
		}
		notice = b.Notice
	}
	if notice != nil {
		out.Notice = durationTok(&notice.Period)
	}
	return out
}

func (c *treeBuilder) autoTermination(g *gAutoTerm) *AutoTermination {
	return &AutoTermination{At: tokPos(g.Pos), Event: identTok(&g.Event), Where: g.Where}
}
