package lang

// This file holds the syntax of collections of records (SPEC 4.5.1):
// aggregates over the items of a list, `sum of EXPR for x in LIST [if
// COND]`.

// Aggregate is `OP of VALUE for VAR in LIST [if COND]`, OP one of sum,
// count, min, max, all, any. VAR names each item of LIST in turn in VALUE
// and COND; COND keeps the items it holds for.
type Aggregate struct {
	At     Pos
	Op     *Ident // sum, count, min, max, all or any
	Value  Expr
	Var    *Ident
	List   Expr
	Filter Expr // the condition after `if`; nil when not written
}

func (e *Aggregate) Pos() Pos { return e.At }
func (*Aggregate) exprNode()  {}

// aggregateOps are the words that begin an aggregate, in the order SPEC
// 4.5.1 lists them.
var aggregateOps = []string{"sum", "count", "min", "max", "all", "any"}

func isAggregateOp(s string) bool {
	for _, w := range aggregateOps {
		if w == s {
			return true
		}
	}
	return false
}

// ItemVarObj is the name an aggregate gives each item of its list.
type ItemVarObj struct{ Agg *Aggregate }

func (*ItemVarObj) objectNode() {}
