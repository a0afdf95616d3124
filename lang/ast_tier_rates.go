package lang

// TierRate is one rate of a tier written threshold first (SPEC 7.3.1):
// `RATE [where COND | otherwise]` or `N points less|more [where COND |
// otherwise]`. The first whose condition a sale meets gives the tier's
// rate for that sale.
type TierRate struct {
	At        Pos
	Value     Expr // a percent; with Points, a number of percentage points
	Points    bool // `N points less|more`: relative to the tier before, for the same sale
	Less      bool // with Points: `less` (else `more`)
	Where     Expr
	Otherwise bool
}

func (n *TierRate) Pos() Pos { return n.At }

// SaleRated reports whether the tiers' rates are written per sale: some
// tier has several rates, a condition, or a rate in points relative to
// the tier before. (A one-rate tier whose rate uses the instance's
// fields is also per sale; the checker and the interpreter find that
// from the names used.)
func (n *Tiers) SaleRated() bool {
	for _, t := range n.Tiers {
		if t != nil && t.Rates != nil {
			return true
		}
	}
	return false
}
