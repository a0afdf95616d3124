package lang

func (c *treeBuilder) joint(g *gJoint) *JointLimit {
	j := &JointLimit{At: tokPos(g.Pos)}
	j.Clauses = append(j.Clauses, clauseRefOf(g.First))
	for _, n := range g.More {
		j.Clauses = append(j.Clauses, clauseRefOf(n))
	}
	j.Clauses = append(j.Clauses, clauseRefOf(g.Last))
	slots := modSlots{kind: "joint", due: &j.Due, late: &j.Late}
	for _, m := range g.Mods {
		if m == nil {
			continue
		}
		switch {
		case m.Limit != nil:
			l := m.Limit
			lim := &Limit{At: tokPos(l.Pos), Floor: l.Least, Amount: l.Amount}
			if l.Per != nil {
				lim.Per = c.unit(l.Per)
			}
			j.Limits = append(j.Limits, lim)
		case m.Due != nil, m.Adjust != nil, m.Late != nil:
			c.mod(m, &slots)
		default:
			what := "settled"
			switch {
			case m.Guarantee != nil:
				what = "minimum guarantee"
			case m.Recoup != nil:
				what = "recouping"
			}
			c.errs.AddHint(tokPos(m.Pos), "write it on each share clause",
				"%q cannot be used in a limit across clauses", what)
		}
	}
	canonicalDue(j)
	return j
}
