package lang

// This file holds the syntax of bounded choices (SPEC 4.9):
//
//	choose a in [false, true] to maximise pay_a(a, b),
//	       b in [false, true] to maximise pay_b(a, b)
//	then if a then 1 else 2

// Choose is `choose X in SET to maximise PAYOFF, ... then RESULT`: the
// first combination of the choosers' values, tried in a stated order, in
// which no chooser would get a greater payoff by changing its own value
// alone; RESULT is evaluated with the names bound to it.
type Choose struct {
	At       Pos
	Choosers []*Chooser
	Then     Expr
}

// Chooser is one `X in SET to maximise PAYOFF` of a Choose. SET is a
// list literal, so that the number of combinations is known when the
// agreement is checked.
type Chooser struct {
	At     Pos
	Name   *Ident
	Set    Expr
	Payoff Expr
}

func (e *Choose) Pos() Pos  { return e.At }
func (*Choose) exprNode()   {}
func (e *Chooser) Pos() Pos { return e.At }

// ChoiceVarObj is the name a chooser of a Choose gives its value.
type ChoiceVarObj struct {
	Choose *Choose
	Index  int // which chooser
}

func (*ChoiceVarObj) objectNode() {}

// MaxChoiceCombinations is the most combinations of values a choose may
// have (SPEC 4.9): 2^12, twelve choices of two values each.
const MaxChoiceCombinations = 1 << 12

// choiceWords are the words of a choice that are not reserved (SPEC 2.7),
// offered for completion with ContextWords.
var choiceWords = []string{"choose", "maximise"}
