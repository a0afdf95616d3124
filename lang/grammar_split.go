package lang

import "github.com/alecthomas/participle/v2/lexer"

// This file holds the grammar of splits (SPEC 8.4): by percentages,
// equally, pro rata to share counts, and named splits declared as clauses.

// gSplitDecl is a clause body that declares a named split:
// `split NAME { ... }`, `split NAME equally among ...`,
// `split NAME pro rata { ... }`.
type gSplitDecl struct {
	Pos  lexer.Position
	Name lexer.Token `parser:"'split' @Ident"`
	Body *gSplitBody `parser:"@@"`
}

// gSplitBody is what follows `split` (and a named split's name).
type gSplitBody struct {
	Pos       lexer.Position
	Equal     *gSplitEqual   `parser:"  @@"`
	ProRata   bool           `parser:"| ( @('pro' 'rata')?"`
	Shares    []*gSplitShare `parser:"    '{' @@ ( ','? @@ )*"`
	Remainder *gRemainder    `parser:"    ( ','? @@ )?"`
	Close     *lexer.Token   `parser:"    ','? @'}' )"`
}

// gSplitEqual is `equally among P, Q, R [REMAINDER]`.
type gSplitEqual struct {
	Pos       lexer.Position
	Parties   []*gName    `parser:"'equally' 'among' @@ ( ',' @@ )*"`
	Remainder *gRemainder `parser:"( ','? @@ )?"`
}

// gSplitShare is `PARTY SHARE` (a percent) or `PARTY WEIGHT shares`.
type gSplitShare struct {
	Pos    lexer.Position
	Party  lexer.Token  `parser:"@Ident"`
	Share  Expr         `parser:"@@"`
	Shares *lexer.Token `parser:"@'shares'?"`
}

// gRemainder is `[rounded down[,]] remainder to PARTY`.
type gRemainder struct {
	Pos  lexer.Position
	Down bool        `parser:"( @'rounded' 'down' ','? )?"`
	To   lexer.Token `parser:"'remainder' 'to' @Ident"`
}
