package lang

import "github.com/alecthomas/participle/v2/lexer"

// gRequires is `requires COND else MESSAGE` (SPEC 4.7).
type gRequires struct {
	Pos     lexer.Position
	Cond    Expr `parser:"'requires' @@"`
	Message Expr `parser:"'else' @@"`
}

// gFails is `fails "message"` after `expect EXPR`; `fails` is a word with
// a fixed spelling, not a reserved word.
type gFails struct {
	Pos     lexer.Position
	Message lexer.Token `parser:"'fails' @String"`
}
