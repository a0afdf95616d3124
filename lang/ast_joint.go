package lang

// JointLimit is a clause body that caps (or floors) several share clauses
// together (SPEC 7.4.1): `clauses 5.1 and 5.2 together at most USD
// 5,000,000,000.00 over the term`, `... at most X per year`.
//
// A clause with a floor may say when its true-up is due (`due 30 days
// after period end`, the period being the floor's window) and what a late
// payment of it costs (`late interest …`), as a share does (SPEC 7.4.1).
type JointLimit struct {
	At      Pos
	Clauses []*ClauseRef // the share clauses, in the order named
	Limits  []*Limit
	Due     *Due    // optional; nil: a true-up is due on its window's last day
	Late    []*Late // late charges on a true-up paid late
}

func (b *JointLimit) Pos() Pos { return b.At }
func (*JointLimit) bodyNode()  {}
