package lang

// Children returns the expressions directly inside e, in the order they
// are written. Identifiers that name a function, a field, a party or a
// bound variable are part of their expression, not children of it.
func Children(e Expr) []Expr {
	var out []Expr
	add := func(xs ...Expr) {
		for _, x := range xs {
			if x != nil {
				out = append(out, x)
			}
		}
	}
	switch e := e.(type) {
	case *Call:
		add(e.Args...)
	case *Binary:
		add(e.X, e.Y)
	case *Unary:
		add(e.X)
	case *Paren:
		add(e.X)
	case *If:
		add(e.Cond, e.Then, e.Else)
	case *ListLit:
		add(e.Elems...)
	case *RecordLit:
		for _, f := range e.Fields {
			if f != nil {
				add(f.Value)
			}
		}
	case *ActionLit:
		if e.Fields != nil {
			for _, f := range e.Fields.Fields {
				if f != nil {
					add(f.Value)
				}
			}
		}
	case *Selector:
		add(e.X)
	case *Aggregate:
		add(e.Value, e.List, e.Filter)
	case *Choose:
		for _, c := range e.Choosers {
			if c != nil {
				add(c.Set, c.Payoff)
			}
		}
		add(e.Then)
	case *Owed:
		add(e.Period)
	}
	return out
}

// Inspect calls f for e and, while f returns true, for every expression
// inside it, depth first in the order they are written (as go/ast.Inspect
// does for Go).
func Inspect(e Expr, f func(Expr) bool) {
	if e == nil || !f(e) {
		return
	}
	for _, c := range Children(e) {
		Inspect(c, f)
	}
}
