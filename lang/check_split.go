package lang

import (
	"fmt"
	"math/big"
	"strings"
)

// This file checks splits (SPEC 8.4): by percentages, equally, pro rata
// to numbers of shares, and named splits declared by a clause (8.4.1).

// split checks a split of any kind; payer is nil in a named split, whose
// payers are checked where it is used.
func (c *checker) split(v *view, s *Split, payer *PartyDecl) {
	if s == nil {
		return
	}
	if s.Kind == SplitPercent {
		c.percentSplit(v, s, payer)
		return
	}
	c.weightSplit(v, s, payer)
}

// weightSplit checks `split equally among P, ...` and
// `split pro rata { P N shares, ... }`.
func (c *checker) weightSplit(v *view, s *Split, payer *PartyDecl) {
	// A share's own pro rata split may use the fields of the instances
	// it counts (SPEC 8.4.2).
	e := &env{v: v, event: c.splitOver}
	seen := make(map[*PartyDecl]Pos)
	listed := false
	for _, sh := range s.Shares {
		if sh == nil {
			continue
		}
		if pd := c.notPayer(v, sh.Party, payer); pd != nil {
			if prev, ok := seen[pd]; ok {
				c.errs.Add(sh.Party.At, "%q appears twice in the split (first %s)", sh.Party.Name, prevAt(prev, sh.Party.At))
			} else {
				seen[pd] = sh.Party.At
			}
		}
		if s.RemainderTo != nil && sh.Party != nil && sh.Party.Name == s.RemainderTo.Name {
			listed = true
		}
		if sh.Share == nil {
			continue
		}
		n := len(c.errs)
		t := c.expr(e, sh.Share)
		if c.splitOver == nil {
			c.fieldHint(v, sh.Share, c.errs[n:])
		}
		if t == nil {
			continue
		}
		if !isBasic(t, IntegerKind) && !isBasic(t, DecimalKind) {
			c.errs.Add(sh.Share.Pos(), "a number of shares must be a number, like 20, not %s", t)
			continue
		}
		if r, ok := numberConst(sh.Share); ok && r.Sign() <= 0 {
			c.errs.Add(sh.Share.Pos(), "%s shares in a split must be more than zero", strings.TrimSpace(FormatExpr(sh.Share)))
		}
	}
	if s.RemainderTo != nil {
		if c.partyRef(v, s.RemainderTo) != nil && !listed {
			c.errs.AddHint(s.RemainderTo.At, "name one of the split's parties after `remainder to`",
				"%q is not a party of this split; the remainder of an equal or pro rata split goes to one of its parties", s.RemainderTo.Name)
		}
	}
}

// numberConst returns the value of a constant number: an integer or
// decimal literal, possibly negated or in parentheses.
func numberConst(x Expr) (*big.Rat, bool) {
	switch x := stripParens(x).(type) {
	case *IntLit:
		if x != nil {
			return ratOf(x.Text)
		}
	case *DecimalLit:
		if x != nil {
			return ratOf(x.Text)
		}
	case *Unary:
		if x != nil && x.Op == Neg {
			if r, ok := numberConst(x.X); ok {
				return r.Neg(r), true
			}
		}
	}
	return nil, false
}

// namedSplits returns the named splits in force in v, by name: for a name
// declared twice, the clause written first.
func (c *checker) namedSplits(v *view) map[string]*ClauseDecl {
	if v.splits != nil {
		return v.splits
	}
	v.splits = make(map[string]*ClauseDecl)
	for _, num := range sortedKeys(v.clauses) {
		cl := v.clauses[num]
		d, ok := cl.Body.(*SplitDecl)
		if !ok || d == nil || d.Name == nil {
			continue
		}
		if prev := v.splits[d.Name.Name]; prev == nil || cl.At.Before(prev.At) {
			v.splits[d.Name.Name] = cl
		}
	}
	return v.splits
}

// splitRef resolves a payee's name that names a split declared by a
// clause, and reports whether it does. The payer may not be one of the
// split's parties.
func (c *checker) splitRef(v *view, id *Ident, payer *PartyDecl) bool {
	if id == nil || v.names[id.Name] != nil {
		return false
	}
	cl := c.namedSplits(v)[id.Name]
	if cl == nil {
		return false
	}
	c.info.Uses[id] = &SplitObj{Clause: cl}
	c.namedFieldWeights(v, id, cl)
	d := cl.Body.(*SplitDecl)
	if payer == nil || d.Split == nil {
		return true
	}
	for _, sh := range d.Split.Shares {
		if sh != nil && sh.Party != nil && payer.ID != nil && sh.Party.Name == payer.ID.Name {
			c.errs.Add(id.At, "%q is a party of split %s (clause %s) and cannot pay itself", sh.Party.Name, id.Name, clauseNum(cl))
			break
		}
	}
	return true
}

// splitDecl checks a clause that declares a named split.
func (c *checker) splitDecl(v *view, cl *ClauseDecl, d *SplitDecl) {
	if d.Name != nil {
		if ent := v.names[d.Name.Name]; ent != nil {
			c.errs.Add(d.Name.At, "%q is already declared as %s %s", d.Name.Name, ent.describe(), prevAt(ent.pos, d.Name.At))
		} else if first := c.namedSplits(v)[d.Name.Name]; first != nil && first != cl {
			c.errs.Add(d.Name.At, "split %s is already declared by clause %s", d.Name.Name, clauseNum(first))
		}
	}
	// A pro rata split's numbers of shares may use the fields of the
	// instances a paying share counts (SPEC 8.4.2): they are checked
	// where a share names the split.
	n := len(c.errs)
	c.split(v, d.Split, nil)
	if d.Split == nil || d.Split.Kind != SplitProRata {
		return
	}
	fields := make(map[string]bool)
	for _, sh := range d.Split.Shares {
		if sh != nil && sh.Share != nil {
			for _, f := range c.fieldNames(v, sh.Share) {
				fields[fmt.Sprintf("unknown name %q", f)] = true
			}
		}
	}
	kept := c.errs[:n]
	for _, er := range c.errs[n:] {
		if er == nil || !fields[er.Msg] {
			kept = append(kept, er)
		}
	}
	c.errs = kept
}

// percentSplit checks `split { PARTY SHARE, ... [remainder to PARTY] }`.
func (c *checker) percentSplit(v *view, s *Split, payer *PartyDecl) {
	e := &env{v: v}
	seen := make(map[*PartyDecl]Pos)
	sum := new(big.Rat)
	scale := 0
	allLit := len(s.Shares) > 0
	for _, sh := range s.Shares {
		if sh == nil {
			allLit = false
			continue
		}
		if pd := c.notPayer(v, sh.Party, payer); pd != nil {
			if prev, ok := seen[pd]; ok {
				c.errs.Add(sh.Party.At, "%q appears twice in the split (first %s)", sh.Party.Name, prevAt(prev, sh.Party.At))
			} else {
				seen[pd] = sh.Party.At
			}
		}
		ok := c.wantPercent(e, sh.Share, "a split share")
		lit, neg := percentConst(sh.Share)
		if !ok || lit == nil {
			allLit = false
			continue
		}
		r, _ := ratOf(lit.Text)
		if neg || r.Sign() == 0 {
			sign := ""
			if neg && r.Sign() != 0 {
				sign = "-"
			}
			c.errs.Add(sh.Share.Pos(), "share %s%s%% in a split must be more than zero", sign, shortLit(lit.Text))
			allLit = false // the total would only repeat the problem
			continue
		}
		sum.Add(sum, r)
		if i := strings.IndexByte(lit.Text, '.'); i >= 0 {
			scale = max(scale, len(lit.Text)-i-1)
		}
	}
	if s.RemainderTo != nil {
		c.partyRef(v, s.RemainderTo) // the payer may keep the rest
	}
	if !allLit {
		return
	}
	total := sum.FloatString(scale)
	if scale > 0 {
		total = strings.TrimRight(strings.TrimRight(total, "0"), ".")
	}
	switch cmp := sum.Cmp(big.NewRat(100, 1)); {
	case cmp > 0 && s.RemainderTo != nil:
		c.errs.Add(s.At, "split shares add up to %s%%, more than 100%%", total)
	case cmp > 0:
		c.errs.Add(s.At, "split shares add up to %s%%, not 100%%", total)
	case cmp < 0 && s.RemainderTo == nil:
		c.errs.AddHint(s.At, "add `remainder to PARTY` to say who gets the rest", "split shares add up to %s%%, not 100%%", total)
	}
}

// clauseNum is a clause's number, or "?" when it has none (after a syntax
// error).
func clauseNum(cl *ClauseDecl) string {
	if cl == nil || cl.Num == nil {
		return "?"
	}
	return cl.Num.Num
}

// inheritedSplitRefs reports, in an amendment's view v, the clauses it
// keeps from earlier versions whose payee names a split that v no longer
// declares (the amendment deleted the split's clause, or replaced it with
// another kind of clause). own are the amendment's own clauses, checked
// already.
func (c *checker) inheritedSplitRefs(v *view, own []*ClauseDecl) {
	mine := make(map[*ClauseDecl]bool, len(own))
	for _, cl := range own {
		mine[cl] = true
	}
	splits := c.namedSplits(v)
	check := func(id *Ident) {
		if id == nil || v.names[id.Name] != nil || splits[id.Name] != nil {
			return
		}
		if _, ok := c.info.Uses[id].(*SplitObj); ok {
			c.errs.Add(id.At, "split %s is not in force in amendment %q, which keeps this clause", id.Name, identName(v.amd.ID))
		}
	}
	for _, num := range sortedKeys(v.clauses) {
		cl := v.clauses[num]
		if mine[cl] {
			continue
		}
		var payee Payee
		switch b := cl.Body.(type) {
		case *Payment:
			payee = b.Payee
		case *Installments:
			payee = b.Payee
		case *Milestone:
			payee = b.Payee
		case *Share:
			payee = b.Payee
			c.inheritedFieldWeights(v, b) // SPEC 8.4.2
		}
		_, share := cl.Body.(*Share)
		switch p := payee.(type) {
		case *PartyPayee:
			check(p.Party)
			if !share {
				c.keptFieldWeights(v, p.Party)
			}
		case *Waterfall:
			for _, st := range p.Steps {
				if st != nil {
					check(st.Party)
					c.keptFieldWeights(v, st.Party)
				}
			}
		}
	}
}
