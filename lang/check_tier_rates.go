package lang

import "fmt"

// tierRates checks the rates of a tier written threshold first (SPEC
// 7.3.1): each a percent, or a number of points relative to the tier
// before; the conditions booleans over the sale; the last without a
// condition; only marginal tiers.
func (c *checker) tierRates(e *env, r *Tiers, i int, t *Tier, lost bool) {
	if r.Whole {
		c.errs.AddHint(t.At, "write `marginal tiers`, or one rate per tier",
			"whole tiers cannot have rates that depend on the sale: a threshold crossed would re-rate earlier sales")
		return
	}
	if len(t.Rates) == 0 {
		c.errs.Add(t.At, "the tier needs a rate after the colon")
		return
	}
	for k, tr := range t.Rates {
		if tr == nil {
			continue
		}
		last := k == len(t.Rates)-1
		switch {
		case tr.Where == nil && !last:
			c.errs.AddHint(tr.At, "give it `where CONDITION`, or move it to the end",
				"a rate without a condition must be the last rate of its tier")
		case tr.Where != nil && last:
			c.errs.AddHint(tr.At, "add a last rate with `otherwise`, like `, 20% otherwise`",
				"the last rate of a tier must be `otherwise`, so that every sale has a rate")
		}
		if tr.Points && i == 0 {
			c.errs.AddHint(tr.At, "give the first tier a percent, like 20%",
				"the first tier has no tier before it: `points less` and `points more` count from the rate of the tier before")
		}
		if lost {
			continue
		}
		if tr.Where != nil {
			c.wantBool(e, tr.Where, "the condition after `where`")
		}
		if tr.Value == nil {
			continue
		}
		if !tr.Points {
			if c.wantPercent(e, tr.Value, "a tier's rate") {
				if v, ok := constValue(tr.Value); ok && v.Sign() < 0 {
					c.errs.Add(tr.Value.Pos(), "a tier's rate cannot be negative")
				}
			}
			continue
		}
		typ := c.expr(e, tr.Value)
		if typ == nil {
			continue
		}
		if !isNumber(typ) {
			c.errs.AddHint(tr.Value.Pos(), "write a number, like `5 points less` for five percentage points",
				"points are a number of percentage points, not %s", typ)
			continue
		}
		if constNegNumber(tr.Value) {
			word := "less"
			if tr.Less {
				word = "more"
			}
			c.errs.AddHint(tr.Value.Pos(), "write `points "+word+"` with a positive number",
				"a number of points cannot be negative")
		}
	}
}

// constNegNumber reports whether x is a negated integer or decimal
// literal (possibly in parentheses).
func constNegNumber(x Expr) bool {
	u, ok := stripParens(x).(*Unary)
	if !ok || u == nil || u.Op != Neg {
		return false
	}
	switch n := stripParens(u.X).(type) {
	case *IntLit:
		r, ok := ratOf(n.Text)
		return ok && r.Sign() > 0
	case *DecimalLit:
		r, ok := ratOf(n.Text)
		return ok && r.Sign() > 0
	}
	return false
}

// wholeTierRate checks the rate of a whole tier, which is read without
// the sale: a field of the sale in it is an unknown name, with a hint
// that says why (SPEC 7.3.1).
func (c *checker) wholeTierRate(e, e0 *env, x Expr) bool {
	n := len(c.errs)
	ok := c.wantPercent(e0, x, "a tier's rate")
	if e.event == nil {
		return ok
	}
	for _, er := range c.errs[n:] {
		if er == nil {
			continue
		}
		for _, f := range e.event.Fields {
			if f != nil && f.Name != nil && er.Msg == fmt.Sprintf("unknown name %q", f.Name.Name) {
				er.Hint = "the rates of whole tiers cannot depend on the sale; write `marginal tiers` to give a rate per sale"
			}
		}
	}
	return ok
}
