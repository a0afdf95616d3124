package lang

func (c *treeBuilder) joint(g *gJoint) *JointLimit {
	j := &JointLimit{At: tokPos(g.Pos)}
	j.Clauses = append(j.Clauses, clauseRefOf(g.First))
	for _, n := range g.More {
		j.Clauses = append(j.Clauses, clauseRefOf(n))
	}
	j.Clauses = append(j.Clauses, clauseRefOf(g.Last))
	for _, l := range g.Limits {
		if l == nil {
			continue
		}
		lim := &Limit{At: tokPos(l.Pos), Floor: l.Least, Amount: l.Amount}
		if l.Per != nil {
			lim.Per = c.unit(l.Per)
		}
		j.Limits = append(j.Limits, lim)
	}
	return j
}
