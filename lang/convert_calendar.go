package lang

import "strings"

// delay converts the delay constructs of a late charge (SPEC 6.6):
// `started`/`whole`, `counted daily (BASIS)` and `from the ... due date`.
func (c *treeBuilder) delay(l *Late, g *gLate) {
	if g.Periods != nil {
		l.Periods = &DelayCount{At: tokPos(g.Periods.Pos), Whole: g.Periods.Word == "whole"}
	}
	if b := g.Basis; b != nil {
		basis := strings.ToLower(b.Left.Value) + "/" + strings.ToLower(b.Right.Value)
		if !hasString(DayBases, basis) {
			c.errs.AddHint(tokPos(b.Left.Pos), "use actual/365, actual/360, 30/360 or actual/actual",
				"unknown day count %q", b.Left.Value+"/"+b.Right.Value)
		}
		l.Basis = &DayBasis{At: tokPos(b.Pos), Basis: basis}
	}
	if g.From != nil {
		l.From = &DelayFrom{At: tokPos(g.From.Pos), DayAfter: g.From.DayAfter}
	}
}
