package lang

import "github.com/alecthomas/participle/v2/lexer"

// gExpectOwes is `expect PAYER owes PAYEE AMOUNT overdue as of DATE
// [under CLAUSE]`.
type gExpectOwes struct {
	Pos    lexer.Position
	Payer  lexer.Token `parser:"'expect' @Ident 'owes'"`
	Payee  lexer.Token `parser:"@Ident"`
	Amount Expr        `parser:"@@ 'overdue'"`
	AsOf   lexer.Token `parser:"'as' 'of' @Date"`
	Clause *gClauseNo  `parser:"( 'under' @@ )?"`
}

// gExpectUnmet is `expect clause CLAUSE unmet as of DATE`.
type gExpectUnmet struct {
	Pos    lexer.Position
	Clause *gClauseNo  `parser:"'expect' 'clause' @@ 'unmet'"`
	AsOf   lexer.Token `parser:"'as' 'of' @Date"`
}
