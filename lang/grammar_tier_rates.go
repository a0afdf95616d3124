package lang

import "github.com/alecthomas/participle/v2/lexer"

// This file holds the grammar of tiers whose rate depends on the sale
// (SPEC 7.3.1): `up to AMOUNT: RATE where COND, RATE otherwise` and
// `above: N points less`.

// gTierBand is a tier written threshold first, with its rates after a
// colon.
type gTierBand struct {
	Pos   lexer.Position
	UpTo  lineExpr     `parser:"( 'up' 'to' @@"`
	Above bool         `parser:"| @'above' ) ':'"`
	Rates []*gTierRate `parser:"@@ ( ',' @@ )*"`
}

// gTierRate is one rate of a band: `RATE` or `N points less|more`, with
// `where COND` or `otherwise`.
type gTierRate struct {
	Pos       lexer.Position
	Value     lineExpr `parser:"@@"`
	Points    *gPoints `parser:"@@?"`
	Where     lineExpr `parser:"( 'where' @@"`
	Otherwise bool     `parser:"| @'otherwise' )?"`
}

// gPoints is `points less` or `points more` after a number.
type gPoints struct {
	Pos  lexer.Position
	Less bool `parser:"'points' ( @'less'"`
	More bool `parser:"| @'more' )"`
}
