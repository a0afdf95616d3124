package lang

// JointLimit is a clause body that caps (or floors) several share clauses
// together (SPEC 7.4.1): `clauses 5.1 and 5.2 together at most USD
// 5,000,000,000.00 over the term`, `... at most X per year`.
type JointLimit struct {
	At      Pos
	Clauses []*ClauseRef // the share clauses, in the order named
	Limits  []*Limit
}

func (b *JointLimit) Pos() Pos { return b.At }
func (*JointLimit) bodyNode()  {}
