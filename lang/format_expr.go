package lang

import "strings"

// This file prints expressions with as few parentheses as their meaning
// needs. Parentheses the author wrote are Paren nodes and are always kept;
// others are added only when the tree could not be written without them
// (trees built by hand or by tools), so formatting a parsed file never adds
// or removes a Paren node.

// FormatExpr returns the canonical text of e on one line.
func FormatExpr(e Expr) string {
	p := &fmtPrinter{}
	p.line(0)
	p.expr(e, fmtCtx{open: true})
	return strings.TrimSuffix(p.render(nil), "\n")
}

// fmtCtx says what an expression's surroundings allow without parentheses.
type fmtCtx struct {
	// prec is the lowest binary precedence allowed unparenthesized.
	prec int
	// open is true when nothing of the same expression follows, so an
	// `if ... else X` may end here (its else branch would otherwise swallow
	// what follows).
	open bool
	// noOf: binary `of` is not allowed unparenthesized: a share rate is
	// followed by `of BASE`, and the parser does not take `of` at a rate's
	// top level (nor in the else branch of an if there).
	noOf bool
}

// Precedences above every binary operator: the operand of a prefix
// operator, and the operand of `.field`.
const (
	fmtUnaryPrec   = 7
	fmtPostfixPrec = 8
)

func (c fmtCtx) needsParens(e Expr) bool {
	switch e := e.(type) {
	case *Binary:
		return e.Op.Precedence() < c.prec || (c.noOf && e.Op == Of)
	case *Unary:
		return c.prec > fmtUnaryPrec
	case *If:
		return !c.open
	case *Aggregate:
		return e.Filter != nil && !c.open // its condition, like an else branch, runs to the end
	case *Choose:
		return !c.open
	}
	return false
}

func (p *fmtPrinter) expr(e Expr, c fmtCtx) {
	if e == nil {
		return
	}
	if c.needsParens(e) {
		p.str("(")
		p.exprNoParens(e, fmtCtx{open: true})
		p.str(")")
		return
	}
	p.exprNoParens(e, c)
}

func (p *fmtPrinter) exprs(es []Expr) {
	for i, e := range es {
		if i > 0 {
			p.str(", ")
		}
		p.expr(e, fmtCtx{open: true})
	}
}

func (p *fmtPrinter) exprNoParens(e Expr, c fmtCtx) {
	p.at(e.Pos())
	switch e := e.(type) {
	case *Ident:
		p.str(e.Name)
	case *IntLit:
		p.str(e.Text)
	case *DecimalLit:
		p.str(e.Text)
	case *PercentLit:
		p.str(e.Text + "%")
	case *MoneyLit:
		amount := e.Raw
		if amount == "" {
			amount = e.Amount
		}
		p.str(e.Currency + " " + strings.TrimSpace(amount))
	case *DateLit:
		p.str(e.Text)
	case *TimestampLit:
		p.str(e.Text)
	case *DurationLit:
		p.str(fmtDuration(e))
	case *PeriodLit:
		p.str(e.Text)
	case *StringLit:
		p.str(fmtQuote(e.Value))
	case *BoolLit:
		if e.Value {
			p.str("true")
		} else {
			p.str("false")
		}
	case *ListLit:
		p.str("[")
		p.exprs(e.Elems)
		p.str("]")
	case *RecordLit:
		p.record(e)
	case *ActionLit:
		p.ident(e.Action)
		if e.Actor != nil {
			p.str(" by ")
			p.ident(e.Actor)
		}
		p.str(" ")
		if e.Fields != nil {
			p.record(e.Fields)
		} else {
			p.str("{}")
		}
	case *Selector:
		p.expr(e.X, fmtCtx{prec: fmtPostfixPrec})
		p.str(".")
		p.ident(e.Field)
	case *Call:
		p.ident(e.Fun)
		p.str("(")
		p.exprs(e.Args)
		p.str(")")
	case *Unary:
		operand := fmtCtx{prec: fmtUnaryPrec, open: c.open, noOf: c.noOf}
		if e.Op == Not {
			p.str("not ")
		} else {
			p.str("-")
			if u, ok := e.X.(*Unary); ok && u.Op == Neg {
				p.str(" ")
			}
		}
		p.expr(e.X, operand)
	case *Binary:
		prec := e.Op.Precedence()
		left := fmtCtx{prec: prec, noOf: c.noOf}
		right := fmtCtx{prec: prec + 1, open: c.open, noOf: c.noOf}
		switch {
		case e.Op == Of: // right-associative
			left.prec, right.prec = prec+1, prec
		case prec == Eq.Precedence(): // comparisons do not chain
			left.prec = prec + 1
		}
		p.expr(e.X, left)
		p.str(" " + e.Op.String() + " ")
		p.expr(e.Y, right)
	case *If:
		p.str("if ")
		p.expr(e.Cond, fmtCtx{open: true})
		p.str(" then ")
		p.expr(e.Then, fmtCtx{open: true})
		p.str(" else ")
		p.expr(e.Else, fmtCtx{open: c.open, noOf: c.noOf})
	case *Paren:
		p.str("(")
		p.expr(e.X, fmtCtx{open: true})
		p.str(")")
	case *Aggregate:
		p.str(fmtName(e.Op) + " of ")
		p.expr(e.Value, fmtCtx{open: true})
		p.str(" for " + fmtName(e.Var) + " in ")
		p.expr(e.List, fmtCtx{prec: fmtPostfixPrec})
		if e.Filter != nil {
			p.str(" if ")
			p.expr(e.Filter, fmtCtx{open: c.open, noOf: c.noOf})
		}
	case *Choose:
		p.str("choose ")
		for i, ch := range e.Choosers {
			if i > 0 {
				p.str(", ")
			}
			p.str(fmtName(ch.Name) + " in ")
			p.expr(ch.Set, fmtCtx{prec: fmtPostfixPrec})
			p.str(" to maximise ")
			p.expr(ch.Payoff, fmtCtx{open: true})
		}
		p.str(" then ")
		p.expr(e.Then, fmtCtx{open: c.open, noOf: c.noOf})
	case *Owed:
		p.str("owed by " + fmtName(e.Payer) + " to " + fmtName(e.Payee) + " for ")
		p.expr(e.Period, fmtCtx{prec: fmtPostfixPrec})
		if e.Clause != nil {
			p.str(" under " + e.Clause.Num)
		}
	}
}

func (p *fmtPrinter) record(r *RecordLit) {
	p.at(r.At)
	if len(r.Fields) == 0 {
		p.str("{}")
		return
	}
	p.str("{ ")
	for i, f := range r.Fields {
		if i > 0 {
			p.str(", ")
		}
		if f == nil {
			continue
		}
		p.at(f.At)
		p.ident(f.Name)
		p.str(": ")
		p.expr(f.Value, fmtCtx{open: true})
	}
	p.str(" }")
}

// fmtDuration is a duration as written, with one space between the number
// and the unit.
func fmtDuration(d *DurationLit) string {
	if f := strings.Fields(d.Raw); len(f) == 2 {
		return f[0] + " " + f[1]
	}
	unit := d.Unit
	if d.N != "1" {
		unit += "s"
	}
	return d.N + " " + unit
}
