package lang

// ExceptionDecl is an exception to a term (SPEC 4.8):
//
//	exception NUM [notwithstanding NUM, ...] TERM = EXPR where COND ["prose"]
//
// When COND holds, TERM is EXPR instead of its own body, unless another
// exception that applies overrides this one. EXPR and COND see the
// term's parameters.
type ExceptionDecl struct {
	At              Pos
	Num             *ClauseRef
	Notwithstanding []*ClauseRef
	Term            *Ident
	Body            Expr
	Where           Expr
	Prose           *StringLit // optional
}

func (d *ExceptionDecl) Pos() Pos { return d.At }
func (*ExceptionDecl) itemNode()  {}
