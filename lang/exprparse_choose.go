package lang

// choose parses `choose X in SET to maximise PAYOFF { , X in SET to
// maximise PAYOFF } then RESULT` (SPEC 4.9), at the name `choose`
// followed by a name and `in`. SET is one operand; PAYOFF runs to the
// next `,` or `then`; RESULT, like an else branch, to the end of the
// enclosing expression.
func (p *exprParser) choose() (Expr, int, error) {
	tok := *p.lex.Next()
	if p.depth >= MaxNesting {
		return nil, 0, tooDeepErr(&tok)
	}
	c := &Choose{At: tokPos(tok.Pos)}
	d := 0
	for {
		n := p.lex.Peek()
		if n.Type != tokIdent {
			return nil, 0, unexpectedTok(n, "a name for the choice")
		}
		p.lex.Next()
		ch := &Chooser{At: tokPos(n.Pos), Name: identTok(n)}
		if t := p.lex.Peek(); !tokIsKeyword(t, "in") {
			return nil, 0, unexpectedTok(t, `"in"`)
		}
		p.lex.Next()
		if t := p.lex.Peek(); !canStartExpr(t) {
			return nil, 0, unexpectedTok(t, "the values to choose from, like [false, true]")
		}
		p.depth++
		set, d1, err := p.postfix()
		p.depth--
		if err != nil {
			return nil, 0, err
		}
		if t := p.lex.Peek(); !tokIsKeyword(t, "to") {
			return nil, 0, unexpectedTok(t, `"to maximise"`)
		}
		p.lex.Next()
		if t := p.lex.Peek(); t.Type != tokIdent || t.Value != "maximise" {
			return nil, 0, unexpectedTok(t, `"maximise"`)
		}
		p.lex.Next()
		payoff, d2, err := p.nested(&tok, false)
		if err != nil {
			return nil, 0, err
		}
		ch.Set, ch.Payoff = set, payoff
		c.Choosers = append(c.Choosers, ch)
		d = max(d, d1, d2)
		if len(c.Choosers) > MaxElems {
			return nil, 0, tooManyErr(p.lex.Peek(), "choices in one choose")
		}
		if t := p.lex.Peek(); tokIsPunct(t, ",") {
			p.lex.Next()
			continue
		}
		break
	}
	if t := p.lex.Peek(); !tokIsKeyword(t, "then") {
		return nil, 0, unexpectedTok(t, `"," or "then"`)
	}
	p.lex.Next()
	then, d3, err := p.nested(&tok, true)
	if err != nil {
		return nil, 0, err
	}
	c.Then = then
	return p.node(c, max(d, d3))
}

// atChoose reports whether the cursor is at `choose NAME in`.
func (p *exprParser) atChoose() bool {
	t := p.lex.Peek()
	return t.Type == tokIdent && t.Value == "choose" && peekAt(p.lex, 1).Type == tokIdent && tokIsKeyword(peekAt(p.lex, 2), "in")
}
