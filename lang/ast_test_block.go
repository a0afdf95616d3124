package lang

// TestStmt is a statement of a test block: *AsOf, *Given, *Expect,
// *ExpectVerdict or *ExpectPays.
type TestStmt interface {
	Node
	testStmtNode()
}

// AsOf is `as of DATE`: the date the test's questions are asked at.
type AsOf struct {
	At   Pos
	Date *DateLit
}

// Given is `given NAME = EXPR`. A given whose value is an action or event
// instance is also an event of the test's ledger.
type Given struct {
	At    Pos
	Name  *Ident
	Value Expr
}

// Expect is `expect COND`: COND must be true.
type Expect struct {
	At   Pos
	Cond Expr
}

// Verdict is the answer to "may this action be taken?".
type Verdict uint8

const (
	Permitted Verdict = iota
	Prohibited
	Conflict
	NotCovered
)

func (v Verdict) String() string {
	switch v {
	case Prohibited:
		return "prohibited"
	case Conflict:
		return "conflict"
	case NotCovered:
		return "not covered"
	}
	return "permitted"
}

// ExpectVerdict is `expect ACTION is permitted|prohibited|conflict|not
// covered [by CLAUSE]`.
type ExpectVerdict struct {
	At      Pos
	Subject Expr
	Verdict Verdict
	Clause  *ClauseRef // optional: the deciding clause
}

// ExpectPays is `expect PAYER pays PAYEE AMOUNT for PERIOD [under CLAUSE]`:
// settling the test's ledger, the total PAYER owes PAYEE for PERIOD (from
// CLAUSE alone, if given) is AMOUNT.
type ExpectPays struct {
	At     Pos
	Payer  *Ident
	Payee  *Ident
	Amount Expr
	Period Expr
	Clause *ClauseRef
	Due    *DateLit // optional: only the lines due on this date count
}

func (s *AsOf) Pos() Pos             { return s.At }
func (s *Given) Pos() Pos            { return s.At }
func (s *Expect) Pos() Pos           { return s.At }
func (s *ExpectVerdict) Pos() Pos    { return s.At }
func (s *ExpectPays) Pos() Pos       { return s.At }
func (*AsOf) testStmtNode()          {}
func (*Given) testStmtNode()         {}
func (*Expect) testStmtNode()        {}
func (*ExpectVerdict) testStmtNode() {}
func (*ExpectPays) testStmtNode()    {}
