package lang

import "github.com/alecthomas/participle/v2/lexer"

// gJoint is a clause body that limits several share clauses together
// (SPEC 7.4.1): `clauses 5.1 and 5.2 together at most AMOUNT over the
// term`, `… at least AMOUNT per year due 30 days after period end`. Its
// items are share modifiers: which of them a joint clause may have (the
// limits, `due`, `adjusted to …`, late charges) is checked when
// converting.
type gJoint struct {
	Pos   lexer.Position
	First *gClauseNo   `parser:"'clauses' @@"`
	More  []*gClauseNo `parser:"( ',' @@ )*"`
	Last  *gClauseNo   `parser:"'and' @@ 'together'"`
	Mods  []*gMod      `parser:"@@ ( ','? @@ )*"`
}
