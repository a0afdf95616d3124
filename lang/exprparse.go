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

// MaxNesting is how deeply expressions, lists and types may nest.
const MaxNesting = 200

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
}

// parseExprTok is registered with participle for Expr.
func parseExprTok(lex *lexer.PeekingLexer) (Expr, error) {
	if !canStartExpr(lex.Peek()) {
		return nil, participle.NextMatch
	}
	p := exprParser{lex: lex}
	x, err := p.binary(1)
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
	x, err := p.binary(1)
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
	x, err := p.binary(1)
	if err != nil {
		return nil, err
	}
	if !tokIsKeyword(lex.Peek(), "of") || !tokIsKeyword(peekAt(lex, 1), "each") {
		return &amountSplit{Amount: x}, nil
	}
	lex.LoadCheckpoint(start)
	p = exprParser{lex: lex, noOf: true}
	rate, err := p.binary(1)
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
	base, err := p.binary(1)
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
func (p *exprParser) binary(minPrec int) (Expr, error) {
	x, err := p.ofChain()
	if err != nil {
		return nil, err
	}
	lastCmp := false
	for {
		opTok := p.lex.Peek()
		op, n, ok := p.peekOp()
		if !ok || op.Precedence() < minPrec {
			return x, nil
		}
		cmp := op.Precedence() == Eq.Precedence()
		if cmp && lastCmp {
			return nil, &syntaxError{pos: opTok.Pos, msg: "comparisons cannot be chained; use and"}
		}
		for ; n > 0; n-- {
			p.lex.Next()
		}
		y, err := p.binary(op.Precedence() + 1)
		if err != nil {
			return nil, err
		}
		x = &Binary{At: x.Pos(), Op: op, X: x, Y: y}
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
func (p *exprParser) ofChain() (Expr, error) {
	x, err := p.unary()
	if err != nil {
		return nil, err
	}
	if p.noOf || !p.atOf() {
		return x, nil
	}
	xs := []Expr{x}
	for p.atOf() {
		p.lex.Next()
		if t := p.lex.Peek(); !canStartExpr(t) {
			return nil, unexpectedTok(t, "an expression")
		}
		y, err := p.unary()
		if err != nil {
			return nil, err
		}
		xs = append(xs, y)
	}
	r := xs[len(xs)-1]
	for i := len(xs) - 2; i >= 0; i-- {
		r = &Binary{At: xs[i].Pos(), Op: Of, X: xs[i], Y: r}
	}
	return r, nil
}

func (p *exprParser) atOf() bool {
	return tokIsKeyword(p.lex.Peek(), "of") && !tokIsKeyword(peekAt(p.lex, 1), "each")
}

// unary parses ( "-" | "not" ) Unary | Postfix.
func (p *exprParser) unary() (Expr, error) {
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
		return nil, tooDeepErr(&tok)
	}
	p.lex.Next()
	if n := p.lex.Peek(); !canStartExpr(n) {
		return nil, unexpectedTok(n, "an expression")
	}
	p.depth++
	x, err := p.unary()
	p.depth--
	if err != nil {
		return nil, err
	}
	return &Unary{At: tokPos(tok.Pos), Op: op, X: x}, nil
}

// postfix parses Primary { "." Ident }.
func (p *exprParser) postfix() (Expr, error) {
	x, err := p.primary()
	if err != nil {
		return nil, err
	}
	for tokIsPunct(p.lex.Peek(), ".") {
		p.lex.Next()
		f := p.lex.Peek()
		if f.Type != tokIdent {
			return nil, unexpectedTok(f, "a field name")
		}
		p.lex.Next()
		x = &Selector{At: x.Pos(), X: x, Field: identTok(f)}
	}
	return x, nil
}

// nested parses a full expression inside brackets, parentheses, a call or
// an if, one level deeper. A nested expression may use `of` freely.
func (p *exprParser) nested(open *lexer.Token, keepNoOf bool) (Expr, error) {
	if p.depth >= MaxNesting {
		return nil, tooDeepErr(open)
	}
	if t := p.lex.Peek(); !canStartExpr(t) {
		return nil, unexpectedTok(t, "an expression")
	}
	p.depth++
	saved := p.noOf
	if !keepNoOf {
		p.noOf = false
	}
	x, err := p.binary(1)
	p.noOf = saved
	p.depth--
	return x, err
}

func (p *exprParser) primary() (Expr, error) {
	t := p.lex.Peek()
	pos := tokPos(t.Pos)
	switch t.Type {
	case tokInt:
		p.lex.Next()
		return &IntLit{At: pos, Text: t.Value}, nil
	case tokDecimal:
		p.lex.Next()
		return &DecimalLit{At: pos, Text: t.Value}, nil
	case tokPercent:
		p.lex.Next()
		return &PercentLit{At: pos, Text: strings.TrimSuffix(t.Value, "%")}, nil
	case tokMoney:
		p.lex.Next()
		return moneyTok(t), nil
	case tokDate:
		p.lex.Next()
		return &DateLit{At: pos, Text: t.Value}, nil
	case tokQuarter, tokMonth:
		p.lex.Next()
		return &PeriodLit{At: pos, Text: t.Value}, nil
	case tokDuration:
		p.lex.Next()
		return durationTok(t), nil
	case tokString:
		p.lex.Next()
		return stringTok(t), nil
	case tokIdent:
		return p.identForm()
	case tokKeyword:
		switch t.Value {
		case "true", "false":
			p.lex.Next()
			return &BoolLit{At: pos, Value: t.Value == "true"}, nil
		case "if":
			return p.ifExpr()
		case "owed":
			return p.owed()
		}
	case tokPunct:
		switch t.Value {
		case "(":
			open := *p.lex.Next()
			x, err := p.nested(&open, false)
			if err != nil {
				return nil, err
			}
			if c := p.lex.Peek(); !tokIsPunct(c, ")") {
				return nil, unexpectedTok(c, `")"`)
			}
			p.lex.Next()
			return &Paren{At: pos, X: x}, nil
		case "[":
			return p.list()
		case "{":
			return p.record()
		}
	}
	return nil, unexpectedTok(t, "an expression")
}

// list parses "[" [ Expr { "," Expr } [","] ] "]".
func (p *exprParser) list() (Expr, error) {
	open := *p.lex.Next()
	l := &ListLit{At: tokPos(open.Pos)}
	if p.depth >= MaxNesting {
		return nil, tooDeepErr(&open)
	}
	for {
		if t := p.lex.Peek(); tokIsPunct(t, "]") {
			p.lex.Next()
			return l, nil
		} else if !canStartExpr(t) {
			return nil, unexpectedTok(t, `an expression or "]"`)
		}
		x, err := p.nested(&open, false)
		if err != nil {
			return nil, err
		}
		l.Elems = append(l.Elems, x)
		t := p.lex.Peek()
		switch {
		case tokIsPunct(t, ","):
			p.lex.Next()
		case tokIsPunct(t, "]"):
			p.lex.Next()
			return l, nil
		default:
			return nil, unexpectedTok(t, `"," or "]"`)
		}
	}
}

// record parses "{" [ Ident ":" Expr { "," Ident ":" Expr } [","] ] "}".
func (p *exprParser) record() (*RecordLit, error) {
	open := *p.lex.Next()
	r := &RecordLit{At: tokPos(open.Pos)}
	if p.depth >= MaxNesting {
		return nil, tooDeepErr(&open)
	}
	for {
		name := p.lex.Peek()
		if tokIsPunct(name, "}") {
			p.lex.Next()
			return r, nil
		}
		if name.Type != tokIdent {
			return nil, unexpectedTok(name, `a field name or "}"`)
		}
		p.lex.Next()
		if c := p.lex.Peek(); !tokIsPunct(c, ":") {
			return nil, unexpectedTok(c, `":"`)
		}
		p.lex.Next()
		x, err := p.nested(&open, false)
		if err != nil {
			return nil, err
		}
		r.Fields = append(r.Fields, &FieldInit{At: tokPos(name.Pos), Name: identTok(name), Value: x})
		t := p.lex.Peek()
		switch {
		case tokIsPunct(t, ","):
			p.lex.Next()
		case tokIsPunct(t, "}"):
			p.lex.Next()
			return r, nil
		default:
			return nil, unexpectedTok(t, `"," or "}"`)
		}
	}
}

// identForm parses what can start with a name: a call f(args), an action
// instance `sell by openai { ... }`, an event instance `launch { ... }` or
// the name alone.
func (p *exprParser) identForm() (Expr, error) {
	name := *p.lex.Next()
	id := identTok(&name)
	next := p.lex.Peek()
	switch {
	case tokIsPunct(next, "("):
		open := *p.lex.Next()
		c := &Call{At: id.At, Fun: id, Args: []Expr{}}
		if tokIsPunct(p.lex.Peek(), ")") {
			p.lex.Next()
			return c, nil
		}
		for {
			x, err := p.nested(&open, false)
			if err != nil {
				return nil, err
			}
			c.Args = append(c.Args, x)
			t := p.lex.Peek()
			switch {
			case tokIsPunct(t, ","):
				p.lex.Next()
			case tokIsPunct(t, ")"):
				p.lex.Next()
				return c, nil
			default:
				return nil, unexpectedTok(t, `"," or ")"`)
			}
		}
	case tokIsKeyword(next, "by") && peekAt(p.lex, 1).Type == tokIdent && tokIsPunct(peekAt(p.lex, 2), "{"):
		p.lex.Next()
		actor := identTok(p.lex.Next())
		r, err := p.record()
		if err != nil {
			return nil, err
		}
		return &ActionLit{At: id.At, Action: id, Actor: actor, Fields: r}, nil
	case tokIsPunct(next, "{"):
		r, err := p.record()
		if err != nil {
			return nil, err
		}
		return &ActionLit{At: id.At, Action: id, Fields: r}, nil
	}
	return id, nil
}

// owed parses "owed" "by" Ident "to" Ident "for" Postfix [ "under" ClauseNo ].
// The period is a single operand (a literal, a name, a call), so that
// `owed by a to b for 2026 < USD 5.00` compares the total.
func (p *exprParser) owed() (Expr, error) {
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
		return nil, err
	}
	payee, err := name("to")
	if err != nil {
		return nil, err
	}
	if t := p.lex.Peek(); !tokIsKeyword(t, "for") {
		return nil, unexpectedTok(t, `"for"`)
	}
	p.lex.Next()
	if p.depth >= MaxNesting {
		return nil, tooDeepErr(&tok)
	}
	p.depth++
	period, err := p.postfix()
	p.depth--
	if err != nil {
		return nil, err
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
			return nil, unexpectedTok(t, "a clause number")
		}
	}
	return o, nil
}

// ifExpr parses "if" Expr "then" Expr "else" Expr. The else branch runs to
// the end of the enclosing expression, so it keeps the rate restriction.
func (p *exprParser) ifExpr() (Expr, error) {
	ifTok := *p.lex.Next()
	cond, err := p.nested(&ifTok, false)
	if err != nil {
		return nil, err
	}
	if t := p.lex.Peek(); !tokIsKeyword(t, "then") {
		return nil, unexpectedTok(t, `"then"`)
	}
	p.lex.Next()
	then, err := p.nested(&ifTok, false)
	if err != nil {
		return nil, err
	}
	if t := p.lex.Peek(); !tokIsKeyword(t, "else") {
		return nil, unexpectedTok(t, `"else"`)
	}
	p.lex.Next()
	els, err := p.nested(&ifTok, true)
	if err != nil {
		return nil, err
	}
	return &If{At: tokPos(ifTok.Pos), Cond: cond, Then: then, Else: els}, nil
}

// canStartExpr reports whether t can begin an expression.
func canStartExpr(t *lexer.Token) bool {
	switch t.Type {
	case tokInt, tokDecimal, tokPercent, tokMoney, tokDate, tokQuarter, tokMonth,
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
		v := t.Value
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
