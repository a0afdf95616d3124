package lang

// tierBand converts a tier written threshold first. One plain rate with
// no condition is the same tier as `RATE up to AMOUNT` and converts to
// it, so that both spellings have one tree and one canonical layout.
func (c *treeBuilder) tierBand(g *gTier) *Tier {
	b := g.ByBand
	t := &Tier{At: tokPos(g.Pos), UpTo: b.UpTo}
	if len(b.Rates) == 1 && b.Rates[0].Points == nil && b.Rates[0].Where == nil {
		t.Rate = b.Rates[0].Value
		return t
	}
	t.Rates = []*TierRate{}
	for _, r := range b.Rates {
		tr := &TierRate{At: tokPos(r.Pos), Value: r.Value, Where: r.Where, Otherwise: r.Otherwise}
		if r.Points != nil {
			tr.Points, tr.Less = true, r.Points.Less
		}
		t.Rates = append(t.Rates, tr)
	}
	return t
}
