package lang

import (
	"fmt"
	"strings"
)

// This file checks pro rata splits whose numbers of shares use the
// instance a share counts (SPEC 8.4.2): `split pro rata { a units
// shares, b 10 shares }` in `... of each sell`, where units is a field
// of sell. The split is then made per instance, so only a share's own
// payee may be such a split, and nothing may change the period's amount
// between the instances and the payee (whole tiers, limits, a
// guarantee, recoupment, a cap across clauses).

// UsesInstance reports whether x, once checked, uses the instance in
// scope: one of its fields, the instance itself, or a term applied to
// it (a one-parameter term named without arguments).
func UsesInstance(info *Info, x Expr) bool {
	found := false
	Inspect(x, func(e Expr) bool {
		id, ok := e.(*Ident)
		if found || !ok || id == nil {
			return !found
		}
		switch o := info.Uses[id].(type) {
		case *FieldObj, *EventObj:
			found = true
		case *TermObj:
			found = o != nil && o.Decl != nil && o.Decl.Params != nil
		}
		return !found
	})
	return found
}

// sharePayee checks the payee of share b over the action s. An inline
// pro rata split may use s's fields in its numbers of shares, and so may
// a named split it names; either way, the share then must not change the
// period's amount after the instances are counted.
func (c *checker) sharePayee(v *view, b *Share, s *SchemaDecl, payer *PartyDecl, cur string) {
	byInstance := false
	switch p := b.Payee.(type) {
	case *Split:
		if p == nil || s == nil || p.Kind != SplitProRata {
			c.payee(v, b.Payee, payer, cur)
			return
		}
		c.splitOver = s
		c.split(v, p, payer)
		c.splitOver = nil
		for _, sh := range p.Shares {
			if sh != nil && sh.Share != nil && UsesInstance(c.info, sh.Share) {
				byInstance = true
			}
		}
	case *PartyPayee:
		if p == nil || s == nil {
			c.payee(v, b.Payee, payer, cur)
			return
		}
		c.splitOver = s
		if !c.splitRef(v, p.Party, payer) {
			c.notPayer(v, p.Party, payer)
		} else if cl := c.namedSplits(v)[p.Party.Name]; cl != nil {
			byInstance = len(c.fieldWeights(v, cl.Body.(*SplitDecl))) > 0
		}
		c.splitOver = nil
	default:
		c.payee(v, b.Payee, payer, cur)
		return
	}
	if byInstance {
		c.byInstanceRules(b, s)
	}
}

// inheritedFieldWeights checks, in an amendment's view v, a share the
// amendment keeps whose payee names a split of v (perhaps one the
// amendment declares) whose numbers of shares use an instance's fields:
// as sharePayee does for the share's own view.
func (c *checker) inheritedFieldWeights(v *view, b *Share) {
	p, ok := b.Payee.(*PartyPayee)
	if !ok || p == nil || p.Party == nil || b.Action == nil || v.names[p.Party.Name] != nil {
		return
	}
	cl := c.namedSplits(v)[p.Party.Name]
	ent := v.names[b.Action.Name]
	if cl == nil || ent == nil || ent.what != entSchema || len(c.fieldWeights(v, cl.Body.(*SplitDecl))) == 0 {
		return
	}
	c.splitOver = ent.schema
	c.namedFieldWeights(v, p.Party, cl)
	c.splitOver = nil
	c.byInstanceRules(b, ent.schema)
}

// keptFieldWeights reports, in an amendment's view v, a payment that is
// not a share's own payee (a payment, installments, a milestone, a
// waterfall step) kept by the amendment, whose name id names a split of
// v whose numbers of shares use an instance's fields.
func (c *checker) keptFieldWeights(v *view, id *Ident) {
	if id == nil || v.names[id.Name] != nil {
		return
	}
	if cl := c.namedSplits(v)[id.Name]; cl != nil {
		c.namedFieldWeights(v, id, cl) // c.splitOver is nil: refused
	}
}

// byInstanceRules reports what share b over s may not have when its
// split uses the instance: whole tiers, limits, a guarantee, recoupment.
func (c *checker) byInstanceRules(b *Share, s *SchemaDecl) {
	what := "each " + identName(s.Name)
	for _, ln := range b.Lines {
		if ln == nil {
			continue
		}
		if t, ok := ln.Rate.(*Tiers); ok && t != nil && t.Whole {
			c.errs.AddHint(t.At, "write `marginal tiers`, which charge each "+identName(s.Name)+" its slice of the volume, or give the split numbers of shares that do not use each "+identName(s.Name)+"'s fields",
				"the split's shares use %s's fields, so each %s's share is divided by them; whole tiers re-rate the earlier %ss when a threshold is crossed", what, identName(s.Name), identName(s.Name))
		}
	}
	refuse := func(at Pos, what2 string) {
		c.errs.AddHint(at, "pay the share to a party, or give the split numbers of shares that do not use each "+identName(s.Name)+"'s fields",
			"the split's shares use %s's fields, so the split divides what each %s earns; %s changes the period's amount after that, and no %s's fields divide the change", what, identName(s.Name), what2, identName(s.Name))
	}
	for _, l := range b.Limits {
		if l == nil {
			continue
		}
		if l.Floor {
			refuse(l.At, "a floor")
		} else {
			refuse(l.At, "a cap")
		}
	}
	if b.Guarantee != nil {
		refuse(b.Guarantee.At, "a minimum guarantee")
	}
	if b.Recoup != nil {
		refuse(b.Recoup.At, "recoupment")
	}
}

// byInstanceShare reports whether share b divides each instance's share
// by the instance's fields (SPEC 8.4.2), judged from the names its split
// uses, whether or not b has been checked yet.
func (c *checker) byInstanceShare(v *view, b *Share) bool {
	if b == nil || b.Action == nil {
		return false
	}
	switch p := b.Payee.(type) {
	case *Split:
		if p == nil || p.Kind != SplitProRata {
			return false
		}
		ent := v.names[b.Action.Name]
		if ent == nil || ent.what != entSchema {
			return false
		}
		rec := c.records[ent.schema]
		for _, sh := range p.Shares {
			if sh == nil || sh.Share == nil {
				continue
			}
			uses := false
			Inspect(sh.Share, func(e Expr) bool {
				id, ok := e.(*Ident)
				if !ok || id == nil {
					return !uses
				}
				if rec != nil {
					if _, isField := rec.Field(id.Name); isField {
						uses = true
					}
				}
				if id.Name == b.Action.Name {
					uses = true
				}
				if e := v.names[id.Name]; e != nil && e.what == entTerm && e.term.Params != nil {
					uses = true
				}
				return !uses
			})
			if uses {
				return true
			}
		}
	case *PartyPayee:
		if p == nil || p.Party == nil || v.names[p.Party.Name] != nil {
			return false
		}
		if cl := c.namedSplits(v)[p.Party.Name]; cl != nil {
			return len(c.fieldWeights(v, cl.Body.(*SplitDecl))) > 0
		}
	}
	return false
}

// fieldWeights returns the numbers of shares of a named pro rata split
// that use a field of an instance: a name that is no party, term or kind
// of v but a field of some action or event. They are checked where a
// share names the split, against the action it counts.
func (c *checker) fieldWeights(v *view, d *SplitDecl) []*SplitShare {
	if d == nil || d.Split == nil || d.Split.Kind != SplitProRata {
		return nil
	}
	var out []*SplitShare
	for _, sh := range d.Split.Shares {
		if sh == nil || sh.Share == nil {
			continue
		}
		if len(c.fieldNames(v, sh.Share)) > 0 {
			out = append(out, sh)
		}
	}
	return out
}

// fieldNames returns the names x uses that no agreement-level name of v
// declares but that are the field of some action or event of v.
func (c *checker) fieldNames(v *view, x Expr) []string {
	var out []string
	Inspect(x, func(e Expr) bool {
		id, ok := e.(*Ident)
		if !ok || id == nil || v.names[id.Name] != nil {
			return true
		}
		if c.isFieldName(v, id.Name) {
			out = append(out, id.Name)
		}
		return true
	})
	return out
}

// isFieldName reports whether name is a field of an action or event of
// v's agreement.
func (c *checker) isFieldName(v *view, name string) bool {
	for _, ent := range v.names {
		if ent.what != entSchema || ent.schema == nil || ent.schema.Item {
			continue
		}
		if rec := c.records[ent.schema]; rec != nil {
			if _, ok := rec.Field(name); ok {
				return true
			}
		}
	}
	return false
}

// namedFieldWeights checks, where id names split cl (a named pro rata
// split whose numbers of shares use an instance's fields), that the
// payment is a share over an action with those fields, of number types:
// c.splitOver. Problems are reported at id, naming the split and the
// field.
func (c *checker) namedFieldWeights(v *view, id *Ident, cl *ClauseDecl) {
	d := cl.Body.(*SplitDecl)
	ws := c.fieldWeights(v, d)
	if len(ws) == 0 {
		return
	}
	name := fmt.Sprintf("split %s (clause %s)", id.Name, clauseNum(cl))
	ev := c.splitOver
	if ev == nil {
		c.errs.AddHint(id.At, "pay it from a share, `PAYER pays "+id.Name+" RATE of BASE of each ACTION`",
			"%s divides each instance by its field %s; only a share, which counts instances, can pay through it", name, quote(c.fieldNames(v, ws[0].Share)[0]))
		return
	}
	e := &env{v: v, event: ev}
	for _, sh := range ws {
		// The types another share gave the number's parts: the program
		// compiles one number for every share that names the split.
		before := make(map[Expr]Type)
		Inspect(sh.Share, func(x Expr) bool {
			if t := c.info.Types[x]; t != nil {
				before[x] = t
			}
			return true
		})
		n := len(c.errs)
		t := c.expr(e, sh.Share)
		found := append(ErrorList(nil), c.errs[n:]...)
		c.errs = c.errs[:n]
		who := identName(sh.Party)
		for _, er := range found {
			missing := ""
			for _, f := range c.fieldNames(v, sh.Share) {
				if er.Msg == fmt.Sprintf("unknown name %q", f) {
					missing = f
				}
			}
			if missing != "" {
				c.errs.Add(id.At, "%s gives %s shares by the field %q, but %s has no field %q",
					name, who, missing, identName(ev.Name), missing)
			} else {
				c.errs.Add(id.At, "%s, the shares of %s: %s", name, who, er.Msg)
			}
		}
		if len(found) == 0 && t != nil && !isBasic(t, IntegerKind) && !isBasic(t, DecimalKind) {
			c.errs.Add(id.At, "%s gives %s shares by %s, which is %s in %s; a number of shares must be a number",
				name, who, quote(FormatExpr(sh.Share)), t, identName(ev.Name))
		}
		if len(found) > 0 {
			continue
		}
		Inspect(sh.Share, func(x Expr) bool {
			prev, now := before[x], c.info.Types[x]
			if prev != nil && now != nil && !Identical(prev, now) {
				c.errs.Add(id.At, "%s gives %s shares by %s, which is %s here but %s in another share that names the split; its numbers must have one type",
					name, who, quote(strings.TrimSpace(FormatExpr(x))), now, prev)
				return false
			}
			return true
		})
	}
}

// quote is s in double quotes, as messages name fields.
func quote(s string) string { return fmt.Sprintf("%q", s) }

// fieldHint explains the unknown names in errs that are fields of some
// action or event, found in the numbers of shares x of a split that is
// not a share's own payee.
func (c *checker) fieldHint(v *view, x Expr, errs ErrorList) {
	for _, f := range c.fieldNames(v, x) {
		for _, er := range errs {
			if er != nil && er.Msg == fmt.Sprintf("unknown name %q", f) {
				er.Hint = "only the split a share pays (`PAYER pays split pro rata { ... } RATE of BASE of each ACTION`) may use the fields of the instances it counts"
			}
		}
	}
}
