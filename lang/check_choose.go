package lang

// choose types `choose X in SET to maximise PAYOFF, ... then RESULT`
// (SPEC 4.9). Each SET is a list literal of at least one value; the
// product of their lengths is at most MaxChoiceCombinations; every name
// is new and seen by every payoff and by RESULT; each payoff has an
// order. The type is RESULT's.
func (c *checker) choose(e *env, x *Choose) Type {
	sub := *e
	sub.locals = make(map[string]*local, len(e.locals)+len(x.Choosers))
	for k, l := range e.locals {
		sub.locals[k] = l
	}
	combos, ok := 1, true
	names := map[string]bool{}
	for i, ch := range x.Choosers {
		if ch == nil || ch.Name == nil {
			ok = false
			continue
		}
		var elem Type
		lit, isLit := ch.Set.(*ListLit)
		switch {
		case !isLit:
			c.expr(e, ch.Set)
			c.errs.AddHint(ch.Set.Pos(), "write the values, like [false, true]", "the values %s may take must be written out as a list", ch.Name.Name)
			ok = false
		case len(lit.Elems) == 0:
			c.errs.Add(ch.Set.Pos(), "%s has no values to take: the list is empty", ch.Name.Name)
			ok = false
		default:
			if lt, lok := c.expr(e, ch.Set).(*List); lok && lt != nil {
				elem = lt.Elem
			} else {
				ok = false
			}
			if combos <= MaxChoiceCombinations {
				combos *= len(lit.Elems)
			}
		}
		if names[ch.Name.Name] || c.nameInScope(e, ch.Name.Name) {
			c.errs.AddHint(ch.Name.At, "choose another name", "the name %s is already used here; a choice's name must be new", ch.Name.Name)
		}
		names[ch.Name.Name] = true
		obj := &ChoiceVarObj{Choose: x, Index: i}
		c.info.Uses[ch.Name] = obj
		sub.locals[ch.Name.Name] = &local{obj: obj, typ: elem}
	}
	if combos > MaxChoiceCombinations {
		c.errs.AddHint(x.At, "choose among fewer values, or split the choice into terms",
			"this choose has more than %d combinations of values to try; at most %d (2^12)", MaxChoiceCombinations, MaxChoiceCombinations)
		ok = false
	}
	for _, ch := range x.Choosers {
		if ch == nil {
			continue
		}
		if t := c.expr(&sub, ch.Payoff); t != nil && !ordered(t) {
			c.errs.Add(ch.Payoff.Pos(), "to maximise needs an amount, a number or a percent, not %s", t)
			ok = false
		}
	}
	t := c.expr(&sub, x.Then)
	if !ok {
		return nil
	}
	return t
}
