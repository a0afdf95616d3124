package lang

// This file holds the test statements that expect what a settlement
// reports about obligations (SPEC 10.2): amounts overdue and obligations
// not met.

// ExpectOverdue is `expect PAYER owes PAYEE AMOUNT overdue as of DATE
// [under CLAUSE]`: settling the test's ledger to DATE, what PAYER still
// owes PAYEE on lines due before DATE (from CLAUSE alone, if given) is
// AMOUNT.
type ExpectOverdue struct {
	At     Pos
	Payer  *Ident
	Payee  *Ident
	Amount Expr
	AsOf   *DateLit
	Clause *ClauseRef
}

// ExpectUnmet is `expect clause CLAUSE unmet as of DATE`: settling the
// test's ledger to DATE reports obligation CLAUSE as not met by its
// deadline.
type ExpectUnmet struct {
	At     Pos
	Clause *ClauseRef
	AsOf   *DateLit
}

func (s *ExpectOverdue) Pos() Pos    { return s.At }
func (s *ExpectUnmet) Pos() Pos      { return s.At }
func (*ExpectOverdue) testStmtNode() {}
func (*ExpectUnmet) testStmtNode()   {}
