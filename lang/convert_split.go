package lang

// This file converts the grammar of splits (grammar_split.go) into the
// syntax tree.

func (c *treeBuilder) split(g *gSplit) *Split {
	if g == nil || g.Body == nil {
		return nil
	}
	return c.splitBody(tokPos(g.Pos), g.Body)
}

func (c *treeBuilder) splitDecl(g *gSplitDecl) *SplitDecl {
	d := &SplitDecl{At: tokPos(g.Pos), Name: identTok(&g.Name)}
	if g.Body != nil {
		d.Split = c.splitBody(tokPos(g.Pos), g.Body)
	}
	return d
}

// splitBody converts what follows `split`. A share written with `shares`
// belongs in a pro rata split, and a pro rata split's weights need it.
func (c *treeBuilder) splitBody(at Pos, g *gSplitBody) *Split {
	s := &Split{At: at}
	if e := g.Equal; e != nil {
		s.Kind = SplitEqual
		for _, n := range e.Parties {
			id := &Ident{At: tokPos(n.Pos), Name: n.Name}
			s.Shares = append(s.Shares, &SplitShare{At: id.At, Party: id})
			s.End = id.At
		}
		c.remainder(s, e.Remainder)
		return s
	}
	if g.ProRata {
		s.Kind = SplitProRata
	}
	for _, sh := range g.Shares {
		switch {
		case g.ProRata && sh.Shares == nil:
			c.errs.AddHint(tokPos(sh.Pos), "write `"+sh.Party.Value+" WEIGHT shares`",
				"a share of a pro rata split is a number of shares")
		case !g.ProRata && sh.Shares != nil:
			c.errs.AddHint(tokPos(sh.Shares.Pos), "write `split pro rata { ... }` to split by numbers of shares",
				"`shares` belongs in a pro rata split")
		}
		s.Shares = append(s.Shares, &SplitShare{At: tokPos(sh.Pos), Party: identTok(&sh.Party), Share: sh.Share})
	}
	c.remainder(s, g.Remainder)
	if g.Close != nil {
		s.End = tokPos(g.Close.Pos)
	}
	return s
}

func (c *treeBuilder) remainder(s *Split, g *gRemainder) {
	if g == nil {
		return
	}
	s.RemainderTo = identTok(&g.To)
	s.RoundedDown = g.Down
}
