package lang

import (
	"fmt"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// This file holds the hand-written expression parser. participle calls it
// (through ParseTypeWith) wherever the grammar has an Expr, a rate, an
// amount or a type, and it builds the syntax tree directly.
//
// Precedence, lowest first: or; and; comparisons and in (non-associative);
// + -; * /; of (right-associative); prefix - and not; postfix .field.

// MaxNesting is how deeply brackets, prefix operators and types may nest
// (the parser's own recursion).
const MaxNesting = 200

// MaxExprDepth is how deep the tree of one expression may be. Every
// operator, bracket, call, field access and literal list adds a level to
// what it holds, so a chain a + b + c of N operators is N levels deep. It
// bounds every walk over the tree (checker, formatter, interpreter), which
// recurse, however long a flat chain is written.
const MaxExprDepth = 1000

// MaxElems is how many elements one list literal, fields one record or
// instance, and arguments one call may have.
const MaxElems = 10000

// syntaxError is a syntax error found by the hand-written parts of the
// parser. It satisfies participle.Error so participle can weigh it against
// its own errors (the error furthest into the input wins).
type syntaxError struct {
	pos  lexer.Position
	msg  string
	hint string
}

func (e *syntaxError) Error() string            { return e.pos.String() + ": " + e.msg }
func (e *syntaxError) Message() string          { return e.msg }
func (e *syntaxError) Position() lexer.Position { return e.pos }

// rateExpr is an expression parsed as a share rate: a binary `of` is not
// taken at its top level, so `20% of net_revenue` stops before `of`.
type rateExpr interface{ Expr }

// lineExpr is an expression that ends a share line or a tier (a share
// line's base or condition, a tier's bound): the next line may begin the
// next share line or tier, with a rate. A binary `-` or the `(` of a call
// that begins a line is not taken at its top level: it begins that rate
// (SPEC 2.6, rule 8).
type lineExpr interface{ Expr }

// typeSyntax is a *TypeExpr parsed by parseTypeTok.
type typeSyntax interface{ Node }

// amountSyntax is the expression after `PAYER pays PAYEE`: a plain amount,
// or (when `of each` follows) a rate and a base. See parseAmountTok.
type amountSyntax interface{ amountNode() }

type amountSplit struct {
	Amount Expr // a payment's amount
	Rate   Expr // set with Base for an inline share: RATE of BASE of each ...
	Base   Expr
}

func (*amountSplit) amountNode() {}

// exprParser parses one expression from participle's token stream.
type exprParser struct {
	lex   *lexer.PeekingLexer
	depth int
	noOf  bool // do not take a binary `of` at this level (a share rate)
	// lineEnds: at this level, a binary `-` or a call's `(` that begins
	// a line ends the expression (a lineExpr).
	lineEnds bool
	// notAgg holds the token positions where an aggregate was tried and
	// turned out to be a name and `of` (exprparse_collect.go), so that
	// it is tried once: `sum of sum of … x` would otherwise be tried
	// twice at every level, 2^n times in all.
	notAgg map[int]bool
}

// parseExprTok is registered with participle for Expr.
func parseExprTok(lex *lexer.PeekingLexer) (Expr, error) {
	if !canStartExpr(lex.Peek()) {
		return nil, participle.NextMatch
	}
	p := exprParser{lex: lex}
	x, _, err := p.binary(1)
	if err != nil {
		return nil, err
	}
	return x, nil
}

// parseRateTok is registered with participle for rateExpr.
func parseRateTok(lex *lexer.PeekingLexer) (rateExpr, error) {
	if !canStartExpr(lex.Peek()) {
		return nil, participle.NextMatch
	}
	p := exprParser{lex: lex, noOf: true}
	x, _, err := p.binary(1)
	if err != nil {
		return nil, err
	}
	return x, nil
}

// parseLineExprTok is registered with participle for lineExpr.
func parseLineExprTok(lex *lexer.PeekingLexer) (lineExpr, error) {
	if !canStartExpr(lex.Peek()) {
		return nil, participle.NextMatch
	}
	p := exprParser{lex: lex, lineEnds: true}
	x, _, err := p.binary(1)
	if err != nil {
		return nil, err
	}
	return x, nil
}

// parseAmountTok is registered with participle for amountSyntax. It parses
// an expression; if `of each` follows, the clause is an inline share and the
// same tokens are parsed again as RATE of BASE, the rate without a top-level
// `of` (so `20% of net_revenue of each sell` has rate 20%).
func parseAmountTok(lex *lexer.PeekingLexer) (amountSyntax, error) {
	if !canStartExpr(lex.Peek()) {
		return nil, participle.NextMatch
	}
	start := lex.MakeCheckpoint()
	p := exprParser{lex: lex}
	x, _, err := p.binary(1)
	if err != nil {
		return nil, err
	}
	if !tokIsKeyword(lex.Peek(), "of") || !tokIsKeyword(peekAt(lex, 1), "each") {
		return &amountSplit{Amount: x}, nil
	}
	lex.LoadCheckpoint(start)
	p = exprParser{lex: lex, noOf: true}
	rate, _, err := p.binary(1)
	if err != nil {
		return nil, err
	}
	if t := lex.Peek(); !tokIsKeyword(t, "of") {
		return nil, unexpectedTok(t, `"of"`)
	}
	lex.Next()
	p = exprParser{lex: lex}
	if t := lex.Peek(); !canStartExpr(t) {
		return nil, unexpectedTok(t, "an expression (the base the rate applies to)")
	}
	base, _, err := p.binary(1)
	if err != nil {
		return nil, err
	}
	return &amountSplit{Rate: rate, Base: base}, nil
}

// parseTypeTok is registered with participle for typeSyntax:
// Type = "list" "of" Type | Ident.
func parseTypeTok(lex *lexer.PeekingLexer) (typeSyntax, error) {
	t := lex.Peek()
	if !tokIsKeyword(t, "list") && !isTypeTok(t) {
		return nil, participle.NextMatch
	}
	var outer, inner *TypeExpr
	for depth := 0; ; depth++ {
		t = lex.Peek()
		if tokIsKeyword(t, "list") {
			if depth >= MaxNesting {
				return nil, tooDeepErr(t)
			}
			lex.Next()
			if o := lex.Peek(); !tokIsKeyword(o, "of") {
				return nil, unexpectedTok(o, `"of"`)
			}
			lex.Next()
			n := &TypeExpr{At: tokPos(t.Pos)}
			if inner == nil {
				outer = n
			} else {
				inner.ListOf = n
			}
			inner = n
			continue
		}
		if !isTypeTok(t) {
			return nil, unexpectedTok(t, "a type name")
		}
		lex.Next()
		n := &TypeExpr{At: tokPos(t.Pos), Name: identTok(t)}
		if inner == nil {
			return n, nil
		}
		inner.ListOf = n
		return outer, nil
	}
}

// binary parses operators of precedence minPrec and above by precedence
// climbing. Comparisons do not chain: `a < b < c` is an error.
//
// It returns the expression and the depth of its tree (0 for a leaf). A
// tree deeper than MaxExprDepth is an error at the operator that makes it
// so, found before the operand after it is read: a long chain stops there.
func (p *exprParser) binary(minPrec int) (Expr, int, error) {
	x, dx, err := p.ofChain()
	if err != nil {
		return nil, 0, err
	}
	lastCmp := false
	for {
		opTok := *p.lex.Peek()
		op, n, ok := p.peekOp()
		if !ok || op.Precedence() < minPrec || op == Sub && p.lineEnds && startsLine(p.lex) {
			return x, dx, nil
		}
		cmp := op.Precedence() == Eq.Precedence()
		if cmp && lastCmp {
			return nil, 0, &syntaxError{pos: opTok.Pos, msg: "comparisons cannot be chained; use and"}
		}
		if dx+1 > MaxExprDepth {
			return nil, 0, tooLongErr(&opTok)
		}
		for ; n > 0; n-- {
			p.lex.Next()
		}
		y, dy, err := p.binary(op.Precedence() + 1)
		if err != nil {
			return nil, 0, err
		}
		if dy+1 > MaxExprDepth {
			return nil, 0, tooLongErr(&opTok)
		}
		x, dx = &Binary{At: x.Pos(), Op: op, X: x, Y: y}, 1+max(dx, dy)
		lastCmp = cmp
	}
}

// peekOp reports the binary operator (other than `of`) at the cursor and
// how many tokens it takes.
func (p *exprParser) peekOp() (BinaryOp, int, bool) {
	t := p.lex.Peek()
	switch t.Type {
	case tokPunct:
		switch t.Value {
		case "==":
			return Eq, 1, true
		case "!=":
			return Ne, 1, true
		case "<":
			return Lt, 1, true
		case "<=":
			return Le, 1, true
		case ">":
			return Gt, 1, true
		case ">=":
			return Ge, 1, true
		case "+":
			return Add, 1, true
		case "-":
			return Sub, 1, true
		case "*":
			return Mul, 1, true
		case "/":
			return Div, 1, true
		}
	case tokKeyword:
		switch t.Value {
		case "or":
			return Or, 1, true
		case "and":
			return And, 1, true
		case "in":
			// `TOTAL in 20 equal quarterly installments` is not membership.
			if peekAt(p.lex, 1).Type == tokInt && tokIsKeyword(peekAt(p.lex, 2), "equal") {
				return 0, 0, false
			}
			return In, 1, true
		case "not":
			if tokIsKeyword(peekAt(p.lex, 1), "in") {
				return NotIn, 2, true
			}
		}
	}
	return 0, 0, false
}

// ofChain parses Unary { "of" Unary } and folds it to the right. `of` is
// not taken before `each` (`20% of net_revenue of each sell`), nor at the
// top level of a rate.
func (p *exprParser) ofChain() (Expr, int, error) {
	x, dx, err := p.unary()
	if err != nil {
		return nil, 0, err
	}
	if p.noOf || !p.atOf() {
		return x, dx, nil
	}
	xs, ds := []Expr{x}, []int{dx}
	// The fold gives xs[i] a depth of at least len(xs)-1-i under the top,
	// so the chain is too deep once its operators alone are too many.
	for p.atOf() {
		ofTok := *p.lex.Next()
		if len(xs) > MaxExprDepth {
			return nil, 0, tooLongErr(&ofTok)
		}
		if t := p.lex.Peek(); !canStartExpr(t) {
			return nil, 0, unexpectedTok(t, "an expression")
		}
		y, dy, err := p.unary()
		if err != nil {
			return nil, 0, err
		}
		xs, ds = append(xs, y), append(ds, dy)
	}
	r, dr := xs[len(xs)-1], ds[len(ds)-1]
	for i := len(xs) - 2; i >= 0; i-- {
		r, dr = &Binary{At: xs[i].Pos(), Op: Of, X: xs[i], Y: r}, 1+max(ds[i], dr)
		if dr > MaxExprDepth {
			return nil, 0, tooDeepTreeErr(xs[i].Pos())
		}
	}
	return r, dr, nil
}

func (p *exprParser) atOf() bool {
	return tokIsKeyword(p.lex.Peek(), "of") && !tokIsKeyword(peekAt(p.lex, 1), "each")
}

// unary parses ( "-" | "not" ) Unary | Postfix.
func (p *exprParser) unary() (Expr, int, error) {
	t := p.lex.Peek()
	var op UnaryOp
	switch {
	case tokIsPunct(t, "-"):
		op = Neg
	case tokIsKeyword(t, "not"):
		op = Not
	default:
		return p.postfix()
	}
	tok := *t
	if p.depth >= MaxNesting {
		return nil, 0, tooDeepErr(&tok)
	}
	p.lex.Next()
	if n := p.lex.Peek(); !canStartExpr(n) {
		return nil, 0, unexpectedTok(n, "an expression")
	}
	p.depth++
	x, d, err := p.unary()
	p.depth--
	if err != nil {
		return nil, 0, err
	}
	return p.node(&Unary{At: tokPos(tok.Pos), Op: op, X: x}, d)
}

// node returns x, whose deepest child is d levels deep, with its depth.
func (p *exprParser) node(x Expr, d int) (Expr, int, error) {
	if d+1 > MaxExprDepth {
		return nil, 0, tooDeepTreeErr(x.Pos())
	}
	return x, d + 1, nil
}

// postfix parses Primary { "." Ident }.
func (p *exprParser) postfix() (Expr, int, error) {
	x, d, err := p.primary()
	if err != nil {
		return nil, 0, err
	}
	for tokIsPunct(p.lex.Peek(), ".") {
		dot := *p.lex.Next()
		if d+1 > MaxExprDepth {
			return nil, 0, tooDeepTreeErr(tokPos(dot.Pos))
		}
		f := p.lex.Peek()
		if f.Type != tokIdent {
			return nil, 0, unexpectedTok(f, "a field name")
		}
		p.lex.Next()
		x, d = &Selector{At: x.Pos(), X: x, Field: identTok(f)}, d+1
	}
	return x, d, nil
}

// nested parses a full expression inside brackets, parentheses, a call or
// an if, one level deeper. A nested expression may use `of` freely.
func (p *exprParser) nested(open *lexer.Token, keepNoOf bool) (Expr, int, error) {
	if p.depth >= MaxNesting {
		return nil, 0, tooDeepErr(open)
	}
	if t := p.lex.Peek(); !canStartExpr(t) {
		return nil, 0, unexpectedTok(t, "an expression")
	}
	p.depth++
	saved, savedLine := p.noOf, p.lineEnds
	if !keepNoOf {
		p.noOf, p.lineEnds = false, false
	}
	x, d, err := p.binary(1)
	p.noOf, p.lineEnds = saved, savedLine
	p.depth--
	return x, d, err
}

func (p *exprParser) primary() (Expr, int, error) {
	t := p.lex.Peek()
	pos := tokPos(t.Pos)
	switch t.Type {
	case tokInt:
		p.lex.Next()
		return &IntLit{At: pos, Text: t.Value}, 0, nil
	case tokDecimal:
		p.lex.Next()
		return &DecimalLit{At: pos, Text: t.Value}, 0, nil
	case tokPercent:
		p.lex.Next()
		return &PercentLit{At: pos, Text: strings.TrimSuffix(t.Value, "%")}, 0, nil
	case tokMoney:
		p.lex.Next()
		return moneyTok(t), 0, nil
	case tokDate:
		p.lex.Next()
		return &DateLit{At: pos, Text: t.Value}, 0, nil
	case tokTimestamp:
		p.lex.Next()
		return &TimestampLit{At: pos, Text: t.Value}, 0, nil
	case tokQuarter, tokMonth:
		p.lex.Next()
		return &PeriodLit{At: pos, Text: t.Value}, 0, nil
	case tokDuration:
		p.lex.Next()
		return durationTok(t), 0, nil
	case tokString:
		p.lex.Next()
		return stringTok(t), 0, nil
	case tokIdent:
		if p.atChoose() {
			return p.choose()
		}
		if isAggregateOp(t.Value) && tokIsKeyword(peekAt(p.lex, 1), "of") {
			if x, d, ok, err := p.aggregate(); ok {
				return x, d, err
			}
		}
		return p.identForm()
	case tokKeyword:
		switch t.Value {
		case "true", "false":
			p.lex.Next()
			return &BoolLit{At: pos, Value: t.Value == "true"}, 0, nil
		case "if":
			return p.ifExpr()
		case "owed":
			return p.owed()
		}
	case tokPunct:
		switch t.Value {
		case "(":
			open := *p.lex.Next()
			x, d, err := p.nested(&open, false)
			if err != nil {
				return nil, 0, err
			}
			if c := p.lex.Peek(); !tokIsPunct(c, ")") {
				return nil, 0, unexpectedTok(c, `")"`)
			}
			p.lex.Next()
			return p.node(&Paren{At: pos, X: x}, d)
		case "[":
			return p.list()
		case "{":
			r, d, err := p.record()
			if err != nil {
				return nil, 0, err
			}
			return r, d, nil
		}
	}
	return nil, 0, unexpectedTok(t, "an expression")
}

// list parses "[" [ Expr { "," Expr } [","] ] "]".
func (p *exprParser) list() (Expr, int, error) {
	open := *p.lex.Next()
	l := &ListLit{At: tokPos(open.Pos)}
	if p.depth >= MaxNesting {
		return nil, 0, tooDeepErr(&open)
	}
	d := 0
	for {
		if t := p.lex.Peek(); tokIsPunct(t, "]") {
			p.lex.Next()
			return p.node(l, d)
		} else if !canStartExpr(t) {
			return nil, 0, unexpectedTok(t, `an expression or "]"`)
		} else if len(l.Elems) == MaxElems {
			return nil, 0, tooManyErr(t, "elements in one list")
		}
		x, dx, err := p.nested(&open, false)
		if err != nil {
			return nil, 0, err
		}
		l.Elems, d = append(l.Elems, x), max(d, dx)
		t := p.lex.Peek()
		switch {
		case tokIsPunct(t, ","):
			p.lex.Next()
		case tokIsPunct(t, "]"):
			p.lex.Next()
			return p.node(l, d)
		default:
			return nil, 0, unexpectedTok(t, `"," or "]"`)
		}
	}
}

// record parses "{" [ Ident ":" Expr { "," Ident ":" Expr } [","] ] "}".
//
// It returns the record and its depth (one more than its deepest value).
func (p *exprParser) record() (*RecordLit, int, error) {
	open := *p.lex.Next()
	r := &RecordLit{At: tokPos(open.Pos)}
	if p.depth >= MaxNesting {
		return nil, 0, tooDeepErr(&open)
	}
	d := 0
	done := func() (*RecordLit, int, error) {
		if d+1 > MaxExprDepth {
			return nil, 0, tooDeepTreeErr(r.At)
		}
		return r, d + 1, nil
	}
	for {
		name := p.lex.Peek()
		if tokIsPunct(name, "}") {
			p.lex.Next()
			return done()
		}
		if name.Type != tokIdent {
			return nil, 0, unexpectedTok(name, `a field name or "}"`)
		}
		if len(r.Fields) == MaxElems {
			return nil, 0, tooManyErr(name, "fields in one record")
		}
		p.lex.Next()
		if c := p.lex.Peek(); !tokIsPunct(c, ":") {
			return nil, 0, unexpectedTok(c, `":"`)
		}
		p.lex.Next()
		x, dx, err := p.nested(&open, false)
		if err != nil {
			return nil, 0, err
		}
		r.Fields, d = append(r.Fields, &FieldInit{At: tokPos(name.Pos), Name: identTok(name), Value: x}), max(d, dx)
		t := p.lex.Peek()
		switch {
		case tokIsPunct(t, ","):
			p.lex.Next()
		case tokIsPunct(t, "}"):
			p.lex.Next()
			return done()
		default:
			return nil, 0, unexpectedTok(t, `"," or "}"`)
		}
	}
}

// identForm parses what can start with a name: a call f(args), an action
// instance `sell by openai { ... }`, an event instance `launch { ... }` or
// the name alone.
func (p *exprParser) identForm() (Expr, int, error) {
	name := *p.lex.Next()
	id := identTok(&name)
	next := p.lex.Peek()
	switch {
	case tokIsPunct(next, "(") && !(p.lineEnds && startsLine(p.lex)):
		open := *p.lex.Next()
		c := &Call{At: id.At, Fun: id, Args: []Expr{}}
		if tokIsPunct(p.lex.Peek(), ")") {
			p.lex.Next()
			return c, 1, nil
		}
		d := 0
		for {
			if len(c.Args) == MaxElems {
				return nil, 0, tooManyErr(p.lex.Peek(), "arguments in one call")
			}
			x, dx, err := p.nested(&open, false)
			if err != nil {
				return nil, 0, err
			}
			c.Args, d = append(c.Args, x), max(d, dx)
			t := p.lex.Peek()
			switch {
			case tokIsPunct(t, ","):
				p.lex.Next()
			case tokIsPunct(t, ")"):
				p.lex.Next()
				return p.node(c, d)
			default:
				return nil, 0, unexpectedTok(t, `"," or ")"`)
			}
		}
	case tokIsKeyword(next, "by") && peekAt(p.lex, 1).Type == tokIdent && tokIsPunct(peekAt(p.lex, 2), "{"):
		p.lex.Next()
		actor := identTok(p.lex.Next())
		r, d, err := p.record()
		if err != nil {
			return nil, 0, err
		}
		return p.node(&ActionLit{At: id.At, Action: id, Actor: actor, Fields: r}, d)
	case tokIsPunct(next, "{"):
		r, d, err := p.record()
		if err != nil {
			return nil, 0, err
		}
		return p.node(&ActionLit{At: id.At, Action: id, Fields: r}, d)
	}
	return id, 0, nil
}

// owed parses "owed" "by" Ident "to" Ident "for" Postfix [ "under" ClauseNo ].
// The period is a single operand (a literal, a name, a call), so that
// `owed by a to b for 2026 < USD 5.00` compares the total.
func (p *exprParser) owed() (Expr, int, error) {
	tok := *p.lex.Next()
	name := func(kw string) (*Ident, error) {
		if t := p.lex.Peek(); !tokIsKeyword(t, kw) {
			return nil, unexpectedTok(t, `"`+kw+`"`)
		}
		p.lex.Next()
		t := p.lex.Peek()
		if t.Type != tokIdent {
			return nil, unexpectedTok(t, "a party")
		}
		p.lex.Next()
		return identTok(t), nil
	}
	payer, err := name("by")
	if err != nil {
		return nil, 0, err
	}
	payee, err := name("to")
	if err != nil {
		return nil, 0, err
	}
	if t := p.lex.Peek(); !tokIsKeyword(t, "for") {
		return nil, 0, unexpectedTok(t, `"for"`)
	}
	p.lex.Next()
	if p.depth >= MaxNesting {
		return nil, 0, tooDeepErr(&tok)
	}
	p.depth++
	period, d, err := p.postfix()
	p.depth--
	if err != nil {
		return nil, 0, err
	}
	o := &Owed{At: tokPos(tok.Pos), Payer: payer, Payee: payee, Period: period}
	if tokIsKeyword(p.lex.Peek(), "under") {
		p.lex.Next()
		t := p.lex.Peek()
		switch t.Type {
		case tokInt, tokDecimal, tokClauseNum, tokIdent:
			p.lex.Next()
			o.Clause = &ClauseRef{At: tokPos(t.Pos), Num: t.Value}
		default:
			return nil, 0, unexpectedTok(t, "a clause number")
		}
	}
	return p.node(o, d)
}

// ifExpr parses "if" Expr "then" Expr "else" Expr. The else branch runs to
// the end of the enclosing expression, so it keeps the rate restriction.
func (p *exprParser) ifExpr() (Expr, int, error) {
	ifTok := *p.lex.Next()
	cond, d1, err := p.nested(&ifTok, false)
	if err != nil {
		return nil, 0, err
	}
	if t := p.lex.Peek(); !tokIsKeyword(t, "then") {
		return nil, 0, unexpectedTok(t, `"then"`)
	}
	p.lex.Next()
	then, d2, err := p.nested(&ifTok, false)
	if err != nil {
		return nil, 0, err
	}
	if t := p.lex.Peek(); !tokIsKeyword(t, "else") {
		return nil, 0, unexpectedTok(t, `"else"`)
	}
	p.lex.Next()
	els, d3, err := p.nested(&ifTok, true)
	if err != nil {
		return nil, 0, err
	}
	return p.node(&If{At: tokPos(ifTok.Pos), Cond: cond, Then: then, Else: els}, max(d1, d2, d3))
}

// canStartExpr reports whether t can begin an expression.
func canStartExpr(t *lexer.Token) bool {
	switch t.Type {
	case tokInt, tokDecimal, tokPercent, tokMoney, tokDate, tokTimestamp, tokQuarter, tokMonth,
		tokDuration, tokString, tokIdent:
		return true
	case tokKeyword:
		switch t.Value {
		case "true", "false", "if", "not", "owed":
			return true
		}
	case tokPunct:
		switch t.Value {
		case "(", "[", "{", "-":
			return true
		}
	}
	return false
}

// startsLine reports whether the next token is the first on its line.
func startsLine(lex *lexer.PeekingLexer) bool {
	i := lex.MakeCheckpoint().RawCursor()
	if i == 0 {
		return false
	}
	prev := &lex.Range(i-1, i)[0]
	return lex.Peek().Pos.Line > prev.Pos.Line+strings.Count(prev.Value, "\n")
}

// peekAt returns the token n places after the next one, without moving.
func peekAt(lex *lexer.PeekingLexer, n int) *lexer.Token {
	if n == 0 {
		return lex.Peek()
	}
	cp := lex.MakeCheckpoint()
	for i := 0; i < n; i++ {
		if lex.Next().EOF() {
			break
		}
	}
	t := lex.Peek()
	lex.LoadCheckpoint(cp)
	return t
}

func tokIsKeyword(t *lexer.Token, s string) bool { return t.Type == tokKeyword && t.Value == s }
func tokIsPunct(t *lexer.Token, s string) bool   { return t.Type == tokPunct && t.Value == s }

func tooDeepErr(t *lexer.Token) error {
	return &syntaxError{pos: t.Pos, msg: fmt.Sprintf("expression nested too deeply (more than %d levels)", MaxNesting)}
}

// tooLongErr reports the binary operator t that makes an expression's tree
// deeper than MaxExprDepth: in practice, a long chain like 1 + 1 + ... + 1.
func tooLongErr(t *lexer.Token) error {
	return &syntaxError{pos: t.Pos,
		msg: fmt.Sprintf("expression too long: more than %d operators in a row; split it into terms", MaxExprDepth)}
}

// tooDeepTreeErr reports a bracket, call or field access at pos that makes
// an expression's tree deeper than MaxExprDepth.
func tooDeepTreeErr(pos Pos) error {
	return &syntaxError{pos: lexer.Position{Filename: pos.File, Offset: pos.Offset, Line: pos.Line, Column: pos.Col},
		msg: fmt.Sprintf("expression too deep: more than %d levels of operators, brackets and calls; split it into terms", MaxExprDepth)}
}

// tooManyErr reports t, the element after the last one allowed in a list,
// record or call.
func tooManyErr(t *lexer.Token, what string) error {
	return &syntaxError{pos: t.Pos, msg: fmt.Sprintf("too many %s: at most %d", what, MaxElems)}
}

// unexpectedTok reports token t where something else was expected.
func unexpectedTok(t *lexer.Token, expected string) error {
	e := &syntaxError{pos: t.Pos, msg: "unexpected " + describeToken(t) + "; expected " + expected}
	if t.Type == tokKeyword && (strings.Contains(expected, "name") || strings.Contains(expected, "an expression")) {
		e.hint = reservedHint(t.Value)
	}
	return e
}

func reservedHint(word string) string {
	return fmt.Sprintf("%q is a reserved word and cannot be used as a name", word)
}

// describeToken names a token in an error message.
func describeToken(t *lexer.Token) string {
	switch t.Type {
	case tokEOF:
		return "end of file"
	case tokString:
		v := displaySafe(t.Value)
		if r := []rune(v); len(r) > 24 {
			v = string(r[:20]) + `..."`
		}
		return "text " + v
	}
	v := t.Value
	if r := []rune(v); len(r) > 24 {
		v = string(r[:20]) + "..."
	}
	return fmt.Sprintf("%q", v)
}

func identTok(t *lexer.Token) *Ident { return &Ident{At: tokPos(t.Pos), Name: t.Value} }

func stringTok(t *lexer.Token) *StringLit {
	v, _, _ := unquoteText(t.Value)
	return &StringLit{At: tokPos(t.Pos), Value: v}
}

// moneyTok splits `USD 1,250,000.00` into currency, amount and raw amount.
func moneyTok(t *lexer.Token) *MoneyLit {
	cur := t.Value[:3]
	raw := strings.TrimLeft(t.Value[3:], " \t")
	return &MoneyLit{At: tokPos(t.Pos), Currency: cur, Amount: strings.ReplaceAll(raw, ",", ""), Raw: raw}
}

// durationTok splits `30 days` into the number and the singular unit.
func durationTok(t *lexer.Token) *DurationLit {
	f := strings.Fields(t.Value)
	d := &DurationLit{At: tokPos(t.Pos), Raw: t.Value}
	if len(f) == 2 {
		d.N = f[0]
		d.Unit = strings.TrimSuffix(f[1], "s")
	}
	return d
}

// isTypeTok reports whether t can name a type: a name, or one of the
// reserved words that are also type names (party, period).
func isTypeTok(t *lexer.Token) bool {
	return t.Type == tokIdent || tokIsKeyword(t, "party") || tokIsKeyword(t, "period")
}
