package lang

import "github.com/alecthomas/participle/v2/lexer"

// This file holds the grammar of the end of an agreement (SPEC 5.6). Its
// words (`terminate`, `terminates`, `breached`, `cured`, `notice`,
// `survives`, `termination`, `breach`) have a fixed spelling where they
// stand and are not reserved.

// terminationWords are the words of this grammar, offered for completion
// with ContextWords.
var terminationWords = []string{"terminate", "terminates", "breached", "cured", "notice", "survives", "termination", "breach"}

// gTerminate is `may terminate (if CLAUSE is breached ... | on DURATION
// notice)` after a party. It comes before the permission in gBody and needs
// `if` or `on`, so that an action called `terminate` is still an action.
type gTerminate struct {
	Pos    lexer.Position
	Breach *gTermBreach `parser:"'may' 'terminate' ( @@"`
	Notice *gNotice     `parser:"| @@ )"`
}

type gTermBreach struct {
	Pos    lexer.Position
	Clause *gClauseNo   `parser:"'if' @@ 'is' 'breached'"`
	Cure   *lexer.Token `parser:"( 'and' 'not' 'cured' 'within' @Duration )?"`
	Notice *gNotice     `parser:"@@?"`
}

type gNotice struct {
	Pos    lexer.Position
	Period lexer.Token `parser:"'on' @Duration 'notice'"`
}

// gLineBreach is `from the day after the first breach of CLAUSE` after a
// share line's base: the line applies from then on (a rate increase).
type gLineBreach struct {
	Pos    lexer.Position
	Clause *gClauseNo `parser:"'from' 'the' 'day' 'after' 'the' 'first' 'breach' 'of' @@"`
}

// gAutoTerm is `terminates on event EVENT [where COND]`.
type gAutoTerm struct {
	Pos   lexer.Position
	Event lexer.Token `parser:"'terminates' 'on' 'event' @Ident"`
	Where Expr        `parser:"( 'where' @@ )?"`
}

// gOnBreach is `each|first breach of CLAUSE [where COND]` after `on` in a
// payment.
type gOnBreach struct {
	Pos    lexer.Position
	First  bool       `parser:"( 'each' | @'first' ) 'breach' 'of'"`
	Clause *gClauseNo `parser:"@@"`
	Where  Expr       `parser:"( 'where' @@ )?"`
}
