package lang

// This file holds preconditions (SPEC 4.7): `requires CONDITION else
// MESSAGE` on a term, a clause or an action or event, and the test
// statement that expects a question to fail (`expect EXPR fails "…"`).

// Requires is `requires COND else MESSAGE`: COND must hold whenever the
// term is evaluated, the clause applies, or the action or event is judged
// or counted; when it does not, the question fails with MESSAGE,
// positioned here.
type Requires struct {
	At      Pos
	Cond    Expr
	Message Expr // text; evaluated only when Cond is false
}

// ExpectFails is `expect EXPR fails "message"`: evaluating EXPR (deciding
// it, when it is an action instance) fails a precondition whose message is
// Message.
type ExpectFails struct {
	At      Pos
	Subject Expr
	Message *StringLit
}

func (r *Requires) Pos() Pos       { return r.At }
func (s *ExpectFails) Pos() Pos    { return s.At }
func (*ExpectFails) testStmtNode() {}
