package lang

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Ident is a name: a party, kind member, field, term, builtin or parameter.
type Ident struct {
	At   Pos
	Name string
}

// IntLit is an integer literal: `20`.
type IntLit struct {
	At   Pos
	Text string
}

// DecimalLit is a decimal literal: `0.01`, `1.5`.
type DecimalLit struct {
	At   Pos
	Text string
}

// PercentLit is `20%` or `12.5%`; Text is the number without the sign.
type PercentLit struct {
	At   Pos
	Text string
}

// MoneyLit is `USD 1,250,000.00`. Amount has the thousands separators
// removed (`1250000.00`); Raw is the amount as written.
type MoneyLit struct {
	At       Pos
	Currency string
	Amount   string
	Raw      string
}

// DateLit is `2026-11-01`.
type DateLit struct {
	At   Pos
	Text string
}

// TimestampLit is `2027-03-04T17:45:00+01:00`: an instant with its
// offset from UTC (SPEC 11.7). Text is as written; the checker reads it.
type TimestampLit struct {
	At   Pos
	Text string
}

func (e *TimestampLit) Pos() Pos { return e.At }
func (*TimestampLit) exprNode()  {}

// DurationLit is `30 days`, `3 months`, `1 year`, `2 weeks`. Unit is the
// singular noun: day, week, month, year.
type DurationLit struct {
	At   Pos
	N    string
	Unit string
	Raw  string // as written, e.g. "1 year" or "30 days"
}

// PeriodLit is a calendar period: `2027-Q1` (quarter) or `2027-03` (month).
type PeriodLit struct {
	At   Pos
	Text string
}

// StringLit is a double-quoted string; Value is unescaped.
type StringLit struct {
	At    Pos
	Value string
}

// BoolLit is `true` or `false`.
type BoolLit struct {
	At    Pos
	Value bool
}

// ListLit is `[a, b, c]`.
type ListLit struct {
	At    Pos
	Elems []Expr
}

// RecordLit is `{ name: value, ... }`.
type RecordLit struct {
	At     Pos
	Fields []*FieldInit
}

// FieldInit is one `name: value` of a record literal.
type FieldInit struct {
	At    Pos
	Name  *Ident
	Value Expr
}

// ActionLit is an action or event instance: `sell by openai { ... }`.
// Actor is nil for an event written without `by`.
type ActionLit struct {
	At     Pos
	Action *Ident
	Actor  *Ident
	Fields *RecordLit
}

// Selector is `x.field`.
type Selector struct {
	At    Pos
	X     Expr
	Field *Ident
}

// Call is `f(args)`.
type Call struct {
	At   Pos
	Fun  *Ident
	Args []Expr
}

// UnaryOp is a prefix operator.
type UnaryOp uint8

const (
	Neg UnaryOp = iota // -x
	Not                // not x
)

// Unary is `-x` or `not x`.
type Unary struct {
	At Pos
	Op UnaryOp
	X  Expr
}

// BinaryOp is an infix operator.
type BinaryOp uint8

// Binary operators, lowest precedence first (see Precedence).
const (
	Or BinaryOp = iota
	And
	Eq
	Ne
	Lt
	Le
	Gt
	Ge
	In
	NotIn
	Add
	Sub
	Mul
	Div
	Of
)

var binaryOpText = [...]string{
	Or: "or", And: "and", Eq: "==", Ne: "!=", Lt: "<", Le: "<=", Gt: ">",
	Ge: ">=", In: "in", NotIn: "not in", Add: "+", Sub: "-", Mul: "*",
	Div: "/", Of: "of",
}

func (op BinaryOp) String() string { return binaryOpText[op] }

// Precedence gives the binding strength of op: higher binds tighter.
// or 1, and 2, comparisons and in 3, + - 4, * / 5, of 6.
func (op BinaryOp) Precedence() int {
	switch op {
	case Or:
		return 1
	case And:
		return 2
	case Eq, Ne, Lt, Le, Gt, Ge, In, NotIn:
		return 3
	case Add, Sub:
		return 4
	case Mul, Div:
		return 5
	}
	return 6 // Of: right-associative
}

// Binary is `x op y`. At is the position of x.
type Binary struct {
	At Pos
	Op BinaryOp
	X  Expr
	Y  Expr
}

// If is `if COND then A else B`.
type If struct {
	At   Pos
	Cond Expr
	Then Expr
	Else Expr
}

// Owed is `owed by PAYER to PAYEE for PERIOD [under CLAUSE]`: the total
// of the statement lines PAYER owes PAYEE that arose in PERIOD (under
// CLAUSE alone, if given), as settled so far. It has a value only while a
// ledger is being settled, and only for a period that ended before the
// event being looked at.
type Owed struct {
	At     Pos
	Payer  *Ident
	Payee  *Ident
	Period Expr
	Clause *ClauseRef
}

// Paren is `(x)`, kept so the formatter can preserve the author's grouping.
type Paren struct {
	At Pos
	X  Expr
}

func (e *Ident) Pos() Pos       { return e.At }
func (e *IntLit) Pos() Pos      { return e.At }
func (e *DecimalLit) Pos() Pos  { return e.At }
func (e *PercentLit) Pos() Pos  { return e.At }
func (e *MoneyLit) Pos() Pos    { return e.At }
func (e *DateLit) Pos() Pos     { return e.At }
func (e *DurationLit) Pos() Pos { return e.At }
func (e *PeriodLit) Pos() Pos   { return e.At }
func (e *StringLit) Pos() Pos   { return e.At }
func (e *BoolLit) Pos() Pos     { return e.At }
func (e *ListLit) Pos() Pos     { return e.At }
func (e *RecordLit) Pos() Pos   { return e.At }
func (e *FieldInit) Pos() Pos   { return e.At }
func (e *ActionLit) Pos() Pos   { return e.At }
func (e *Selector) Pos() Pos    { return e.At }
func (e *Call) Pos() Pos        { return e.At }
func (e *Unary) Pos() Pos       { return e.At }
func (e *Binary) Pos() Pos      { return e.At }
func (e *If) Pos() Pos          { return e.At }
func (e *Paren) Pos() Pos       { return e.At }
func (e *Owed) Pos() Pos        { return e.At }

func (*Ident) exprNode()       {}
func (*IntLit) exprNode()      {}
func (*DecimalLit) exprNode()  {}
func (*PercentLit) exprNode()  {}
func (*MoneyLit) exprNode()    {}
func (*DateLit) exprNode()     {}
func (*DurationLit) exprNode() {}
func (*PeriodLit) exprNode()   {}
func (*StringLit) exprNode()   {}
func (*BoolLit) exprNode()     {}
func (*ListLit) exprNode()     {}
func (*RecordLit) exprNode()   {}
func (*ActionLit) exprNode()   {}
func (*Selector) exprNode()    {}
func (*Call) exprNode()        {}
func (*Unary) exprNode()       {}
func (*Binary) exprNode()      {}
func (*If) exprNode()          {}
func (*Paren) exprNode()       {}
func (*Owed) exprNode()        {}
