package lang

// aggregate parses `OP of VALUE for VAR in LIST [if COND]` (SPEC 4.5.1)
// at a name OP that is an aggregate word followed by `of`. It is an
// aggregate only if `for` follows the value: otherwise (a term named sum,
// say, in `sum of gross`) ok is false and nothing is consumed, so that
// the name is read as before. LIST is one operand, as after `owed ...
// for`; COND, like the else branch of an if, runs to the end of the
// enclosing expression.
func (p *exprParser) aggregate() (x Expr, d int, ok bool, err error) {
	start := p.lex.MakeCheckpoint()
	at := int(start.RawCursor())
	if p.notAgg[at] {
		return nil, 0, false, nil
	}
	notAgg := func() (Expr, int, bool, error) {
		p.lex.LoadCheckpoint(start)
		if p.notAgg == nil {
			p.notAgg = map[int]bool{}
		}
		p.notAgg[at] = true
		return nil, 0, false, nil
	}
	opTok := *p.lex.Next()
	p.lex.Next() // of
	if p.depth >= MaxNesting {
		return nil, 0, true, tooDeepErr(&opTok)
	}
	if !canStartExpr(p.lex.Peek()) {
		return notAgg()
	}
	value, d1, verr := p.nested(&opTok, false)
	if verr != nil || !tokIsKeyword(p.lex.Peek(), "for") {
		return notAgg()
	}
	p.lex.Next() // for
	v := p.lex.Peek()
	if v.Type != tokIdent {
		return nil, 0, true, unexpectedTok(v, "a name for each item, like `l` in `for l in invoice.lines`")
	}
	p.lex.Next()
	if t := p.lex.Peek(); !tokIsKeyword(t, "in") {
		return nil, 0, true, unexpectedTok(t, `"in"`)
	}
	p.lex.Next()
	if t := p.lex.Peek(); !canStartExpr(t) {
		return nil, 0, true, unexpectedTok(t, "the list of items")
	}
	p.depth++
	list, d2, err := p.postfix()
	p.depth--
	if err != nil {
		return nil, 0, true, err
	}
	a := &Aggregate{At: tokPos(opTok.Pos), Op: identTok(&opTok), Value: value, Var: identTok(v), List: list}
	d = max(d1, d2)
	// At the top level of a share line or tier (a lineExpr), an `if` that
	// begins a line begins the next line's rate (SPEC 2.6, rules 8 and 9).
	if tokIsKeyword(p.lex.Peek(), "if") && !(p.lineEnds && startsLine(p.lex)) {
		ifTok := *p.lex.Next()
		cond, d3, err := p.nested(&ifTok, true)
		if err != nil {
			return nil, 0, true, err
		}
		a.Filter, d = cond, max(d, d3)
	}
	x, d, err = p.node(a, d)
	return x, d, true, err
}
