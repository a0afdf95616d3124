package lang

import "slices"

// This file checks exceptions to terms (SPEC 4.8).

// exceptions checks the exceptions declared in v's items (the agreement's
// or an amendment's), once every term has its type. Numbers are unique
// across the agreement and its amendments; `notwithstanding` may name an
// exception declared here or before.
func (c *checker) exceptions(v *view, items []Item) {
	fam := v.fam
	if fam.exceptions == nil {
		fam.exceptions = make(map[string]*ExceptionDecl)
	}
	var own []*ExceptionDecl
	for _, it := range items {
		d, ok := it.(*ExceptionDecl)
		if !ok || d == nil || d.Num == nil || d.Term == nil {
			continue
		}
		num := d.Num.Num
		if prev := fam.exceptions[num]; prev != nil {
			c.errs.Add(d.Num.At, "exception %s is already declared %s", num, prevAt(prev.Num.At, d.Num.At))
			continue
		}
		if cl := v.clauses[num]; cl != nil {
			c.errs.Add(d.Num.At, "exception %s has the number of clause %s %s; give it a number of its own", num, num, prevAt(cl.Num.At, d.Num.At))
			continue
		}
		fam.exceptions[num] = d
		ent := v.names[d.Term.Name]
		if ent == nil || ent.what != entTerm || ent.term == nil {
			if ent != nil {
				c.errs.Add(d.Term.At, "%q is %s, not a term; only a term can have exceptions", d.Term.Name, ent.describe())
			} else {
				c.errs.AddHint(d.Term.At, c.dym(d.Term.Name, func() []string { return v.namesOf(entTerm) }), "no term %q to make an exception to", d.Term.Name)
			}
			continue
		}
		c.exception(d, ent.term)
		c.info.ExceptionTerms[d] = ent.term
		own = append(own, d)
		if v.amd == nil {
			fam.info.Exceptions[d.Term.Name] = append(fam.info.Exceptions[d.Term.Name], d)
		}
	}

	// notwithstanding: exceptions to the same term, not itself, no cycle.
	for _, d := range own {
		for _, r := range d.Notwithstanding {
			if r == nil {
				continue
			}
			o := fam.exceptions[r.Num]
			switch {
			case r.Num == d.Num.Num:
				c.errs.Add(r.At, "exception %s cannot be notwithstanding itself", r.Num)
			case o == nil || c.info.ExceptionTerms[o] == nil:
				c.errs.AddHint(r.At, c.clauseHint(r.Num, func() []string { return sortedKeys(fam.exceptions) }), "no exception %s", r.Num)
			case o.Term.Name != d.Term.Name:
				c.errs.Add(r.At, "exception %s is to term %s, not %s; an exception can only override another to the same term", r.Num, o.Term.Name, d.Term.Name)
			}
		}
	}
	if len(own) == 0 {
		return
	}
	g := newGraph()
	for _, num := range sortedKeys(fam.exceptions) {
		d := fam.exceptions[num]
		g.node(num)
		for _, r := range d.Notwithstanding {
			if o := fam.exceptions[r.Num]; r != nil && o != nil && r.Num != num && o.Term.Name == d.Term.Name {
				g.edge(num, r.Num, r)
			}
		}
	}
	posOf := func(n string) Pos { return fam.exceptions[n].Num.At }
	for _, cyc := range g.cycles(func(a, b string) bool { return posOf(a).Before(posOf(b)) }) {
		if c.once("exception cycle " + posOf(cyc[0]).String()) {
			c.errs.Add(posOf(cyc[0]), "exceptions override each other in a circle: %s", joinCycle(cyc))
		}
	}
}

// exception checks the value and condition of d, an exception to term t,
// in the scope of t's body: its parameters and the agreement's terms.
func (c *checker) exception(d *ExceptionDecl, t *TermDecl) {
	ti := c.terms[t]
	if ti == nil {
		return
	}
	e := &env{v: ti.v, term: ti, locals: make(map[string]*local)}
	for i, p := range t.Params {
		if p != nil && p.Name != nil && i < len(ti.params) {
			if _, dup := e.locals[p.Name.Name]; !dup {
				e.locals[p.Name.Name] = &local{obj: &ParamObj{Param: p}, typ: ti.params[i]}
			}
		}
	}
	// A use of the term itself is reported here, at the exception, and
	// kept out of the term's references (which would report it at the
	// term, whose own body may be innocent).
	self := t.Name != nil && slices.Contains(ti.refs, t.Name.Name)
	defer func() {
		if self || t.Name == nil {
			return
		}
		if i := slices.Index(ti.refs, t.Name.Name); i >= 0 {
			ti.refs = slices.Delete(ti.refs, i, i+1)
			ti.refLevels = slices.Delete(ti.refLevels, i, i+1)
			c.errs.AddHint(d.Num.At, "an exception gives the term another value; it cannot be defined by the term it changes",
				"exception %s refers to term %s, the term it is an exception to", d.Num.Num, t.Name.Name)
		}
	}()
	if d.Body != nil {
		bt := c.expr(e, d.Body)
		if rt := c.termResult(t); bt != nil && rt != nil && !assignable(bt, rt) {
			c.errs.Add(d.Body.Pos(), "the exception gives %s, but term %s is %s", bt, t.Name.Name, rt)
		}
	}
	if d.Where != nil {
		c.wantBool(e, d.Where, "the condition after `where`")
	}
}
