package lang

import "github.com/alecthomas/participle/v2/lexer"

// gJoint is a clause body that limits several share clauses together
// (SPEC 7.4.1): `clauses 5.1 and 5.2 together at most AMOUNT over the
// term`.
type gJoint struct {
	Pos    lexer.Position
	First  *gClauseNo   `parser:"'clauses' @@"`
	More   []*gClauseNo `parser:"( ',' @@ )*"`
	Last   *gClauseNo   `parser:"'and' @@ 'together'"`
	Limits []*gLimit    `parser:"@@ ( ','? @@ )*"`
}
