package lang

import "github.com/alecthomas/participle/v2/lexer"

// gException is `exception NUM [notwithstanding NUM, ...] TERM = EXPR
// where COND ["prose"]` (SPEC 4.8).
type gException struct {
	Pos             lexer.Position
	Num             *gClauseNo   `parser:"'exception' @@"`
	Notwithstanding []*gClauseNo `parser:"( 'notwithstanding' @@ ( ',' @@ )* )?"`
	Term            lexer.Token  `parser:"@Ident '='"`
	Body            Expr         `parser:"@@"`
	Where           Expr         `parser:"'where' @@"`
	Prose           *lexer.Token `parser:"@String?"`
}
