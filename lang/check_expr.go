package lang

import "strconv"

// This file types expressions.

// env is where an expression is read: the agreement as a view sees it,
// plus local names (term parameters, test givens) and, inside a clause
// over an action or event, that event and its fields.
type env struct {
	v      *view
	locals map[string]*local
	event  *SchemaDecl // the action or event a clause is about, or nil
	term   *termInfo   // the term whose body this is, or nil
}

// local is a parameter or a given.
type local struct {
	obj Object
	typ Type
}

// expr types x, records its type in Info.Types, and returns it; nil means
// x has an error (already reported) or its type depends on one.
func (c *checker) expr(e *env, x Expr) Type {
	c.level++
	c.maxLevel = max(c.maxLevel, c.level)
	t := c.expr1(e, x)
	c.level--
	if t != nil && x != nil {
		c.info.Types[x] = t
	}
	return t
}

func (c *checker) expr1(e *env, x Expr) Type {
	switch x := x.(type) {
	case nil:
		return nil
	case *Ident:
		if x == nil {
			return nil
		}
		return c.ident(e, x)
	case *IntLit:
		if x == nil {
			return nil
		}
		if c.tooManyDigits(x.At, x.Text, "integer") {
			return nil
		}
		if _, err := strconv.ParseInt(x.Text, 10, 64); err != nil {
			if allDigits(x.Text) {
				c.errs.Add(x.At, "integer %s is too large", shortLit(x.Text))
			} else {
				c.errs.Add(x.At, "%q is not an integer", shortLit(x.Text))
			}
			return nil
		}
		return TInteger
	case *DecimalLit:
		if x == nil {
			return nil
		}
		if !c.number(x.At, x.Text, "decimal") {
			return nil
		}
		return TDecimal
	case *PercentLit:
		if x == nil {
			return nil
		}
		if !c.number(x.At, x.Text, "percent") {
			return nil
		}
		return TPercent
	case *MoneyLit:
		if x == nil {
			return nil
		}
		okCur := c.currencyCode(x.At, x.Currency)
		okNum := c.number(x.At, x.Amount, x.Currency)
		if !okCur || !okNum {
			return nil
		}
		return &Money{Currency: x.Currency}
	case *DateLit:
		if x == nil {
			return nil
		}
		c.dateLit(x)
		return TDate
	case *TimestampLit:
		if x == nil {
			return nil
		}
		if _, problem := ParseTimestampText(x.Text); problem != "" {
			c.errs.Add(x.At, "%s is not a timestamp: %s", x.Text, problem)
			return nil
		}
		return TTimestamp
	case *DurationLit:
		if x == nil {
			return nil
		}
		if c.tooManyDigits(x.At, x.N, "duration") {
			return nil
		}
		if _, err := strconv.ParseInt(x.N, 10, 32); err != nil {
			c.errs.Add(x.At, "duration %s is too long", shortLit(x.Raw))
			return nil
		}
		switch x.Unit {
		case "day", "week", "month", "year":
		default:
			c.errs.Add(x.At, "unknown unit of time %q: use days, weeks, months or years", x.Unit)
			return nil
		}
		return TDuration
	case *PeriodLit:
		if x == nil {
			return nil
		}
		c.periodLit(x)
		return TPeriod
	case *StringLit:
		if x == nil {
			return nil
		}
		return TText
	case *BoolLit:
		if x == nil {
			return nil
		}
		return TBool
	case *ListLit:
		if x == nil {
			return nil
		}
		return c.list(e, x)
	case *RecordLit:
		if x == nil {
			return nil
		}
		for _, f := range x.Fields {
			if f != nil {
				c.expr(e, f.Value)
			}
		}
		c.errs.AddHint(x.At, "write an action or event instance, like `sell by openai { ... }`",
			"a record needs the name of its action or event")
		return nil
	case *ActionLit:
		if x == nil {
			return nil
		}
		return c.actionLit(e, x)
	case *Selector:
		if x == nil {
			return nil
		}
		return c.selector(e, x)
	case *Call:
		if x == nil {
			return nil
		}
		return c.call(e, x)
	case *Unary:
		if x == nil {
			return nil
		}
		return c.unary(e, x)
	case *Binary:
		if x == nil {
			return nil
		}
		return c.binary(e, x)
	case *If:
		if x == nil {
			return nil
		}
		return c.ifExpr(e, x)
	case *Paren:
		if x == nil {
			return nil
		}
		return c.expr(e, x.X)
	case *Owed:
		if x == nil {
			return nil
		}
		return c.owed(e, x)
	case *Aggregate:
		if x == nil {
			return nil
		}
		return c.aggregate(e, x)
	case *Choose:
		if x == nil {
			return nil
		}
		return c.choose(e, x)
	}
	return nil
}

// owed types `owed by P to Q for PERIOD [under N]`: money in the
// agreement's currency.
func (c *checker) owed(e *env, x *Owed) Type {
	payer := c.partyRef(e.v, x.Payer)
	payee := c.partyRef(e.v, x.Payee)
	if payer != nil && payer == payee {
		c.errs.Add(x.Payee.At, "%q cannot owe itself", x.Payee.Name)
	}
	if pt := c.expr(e, x.Period); pt != nil && !isBasic(pt, PeriodKind) {
		c.errs.Add(x.Period.Pos(), "the period after `for` must be a period like 2027-Q1 or year_of(date), not %s", pt)
	}
	if x.Clause != nil && e.v.fam != nil && !e.v.fam.allNums[x.Clause.Num] {
		c.errs.Add(x.Clause.At, "there is no clause %s", x.Clause.Num)
	}
	if e.v.currency == "" {
		c.errs.Add(x.At, "`owed` needs the agreement's currency; declare it, like `currency USD`")
		return nil
	}
	return &Money{Currency: e.v.currency}
}

// ident resolves a name used as a value.
func (c *checker) ident(e *env, id *Ident) Type {
	name := id.Name
	if l := e.locals[name]; l != nil {
		c.info.Uses[id] = l.obj
		return l.typ
	}
	if e.event != nil {
		rec := c.records[e.event]
		if name == identName(e.event.Name) {
			c.info.Uses[id] = &EventObj{Schema: e.event}
			if rec == nil {
				return nil
			}
			return rec
		}
		if rec != nil {
			if f, ok := rec.Field(name); ok {
				c.info.Uses[id] = &FieldObj{Schema: e.event, Name: name, Type: f.Type}
				return f.Type
			}
		}
	}
	if ent := e.v.names[name]; ent != nil {
		switch ent.what {
		case entParty:
			c.info.Uses[id] = &PartyObj{Decl: ent.party}
			return TParty
		case entMember:
			c.info.Uses[id] = &EnumMemberObj{Kind: ent.kind, Name: name}
			return c.enum(ent.kind)
		case entTerm:
			return c.termName(e, id, ent.term)
		case entKind:
			var members []string
			for _, m := range ent.kind.Members {
				if m != nil {
					members = append(members, m.Name)
				}
			}
			c.errs.AddHint(id.At, "name one of its members: "+joinAnd(members), "%q is a kind, not a value", name)
			return nil
		case entSchema:
			c.errs.Add(id.At, "%q is %s, not a value; only a clause over %s may name it", name, ent.describe(), name)
			return nil
		case entItem:
			c.errs.AddHint(id.At, "write "+ClipText(name)+" { field: value, ... } for one item", "%q is %s, not a value", name, ent.describe())
			return nil
		}
	}
	if c.funcs != nil {
		if _, ok := c.funcs.LookupFunc(name); ok {
			c.errs.AddHint(id.At, "write "+ClipText(name)+"(...)", "%q is a function; call it with its arguments", name)
			return nil
		}
	}
	if IsCurrency(name) {
		// `USD -57.53` reads as USD minus 57.53 (SPEC 8.6: the sign
		// goes before the code).
		c.errs.AddHint(id.At, name+" is a currency code: write an amount as "+name+" 57.53, a negative one as -"+name+" 57.53", "unknown name %q", name)
		return nil
	}
	c.errs.AddHint(id.At, c.dym(name, func() []string { return c.valueNames(e) }), "unknown name %q", name)
	return nil
}

// termName types a term named without arguments: a value term, or a
// one-parameter term over the clause's event, applied to that event.
func (c *checker) termName(e *env, id *Ident, d *TermDecl) Type {
	name := id.Name
	ti := c.terms[d]
	if ti == nil {
		return nil
	}
	if d.Params == nil {
		c.useTerm(e, id, d)
		return c.termResult(d)
	}
	if len(ti.params) == 1 && e.event != nil {
		if r, ok := ti.params[0].(*Record); ok && r.Schema == e.event {
			c.useTerm(e, id, d)
			return c.termResult(d)
		}
	}
	c.info.Uses[id] = &TermObj{Decl: d}
	for _, p := range ti.params {
		if p == nil {
			return nil // a parameter's type had an error, reported already
		}
	}
	switch {
	case len(ti.params) == 1 && e.event != nil:
		c.errs.AddHint(id.At, "write "+ClipText(name)+"(...) with "+aOrAn(ti.params[0].String())+" "+ti.params[0].String(),
			"term %q takes %s %s, but this clause is over %s", name, aOrAn(ti.params[0].String()), ti.params[0], identName(e.event.Name))
	case len(ti.params) == 1:
		c.errs.AddHint(id.At, "write "+ClipText(name)+"(...) with "+aOrAn(ti.params[0].String())+" "+ti.params[0].String(),
			"term %q needs an argument here; only a clause over %s may name it alone", name, ti.params[0])
	default:
		c.errs.AddHint(id.At, "write "+ClipText(name)+"(...)", "term %q takes %s; call it with them", name, nWords(len(ti.params), "argument"))
	}
	return nil
}

// useTerm records a use of a term, and the dependency when inside a term.
func (c *checker) useTerm(e *env, id *Ident, d *TermDecl) {
	c.info.Uses[id] = &TermObj{Decl: d}
	if e.term == nil {
		return
	}
	for i, r := range e.term.refs {
		if r == id.Name {
			e.term.refLevels[i] = max(e.term.refLevels[i], c.level)
			return
		}
	}
	e.term.refs = append(e.term.refs, id.Name)
	e.term.refLevels = append(e.term.refLevels, c.level)
}

// valueNames lists the names a value may have in e, for suggestions.
func (c *checker) valueNames(e *env) []string {
	var out []string
	for n := range e.locals {
		out = append(out, n)
	}
	if e.event != nil {
		out = append(out, identName(e.event.Name))
		if rec := c.records[e.event]; rec != nil {
			for _, f := range rec.Fields {
				out = append(out, f.Name)
			}
		}
	}
	for n, ent := range e.v.names {
		if ent.what != entKind && ent.what != entSchema && ent.what != entItem {
			out = append(out, n)
		}
	}
	return out
}

// list types a list literal: its elements must have one type.
func (c *checker) list(e *env, x *ListLit) Type {
	var elem Type
	bad := false
	for _, el := range x.Elems {
		t := c.expr(e, el)
		if t == nil {
			bad = true
			continue
		}
		if elem == nil {
			elem = t
			continue
		}
		if u, ok := unify(elem, t); ok {
			elem = u
			continue
		}
		c.errs.Add(el.Pos(), "list elements must have one type: this is %s, the ones before are %s", t, elem)
		bad = true
	}
	if bad {
		return nil
	}
	return &List{Elem: elem}
}

// actionLit types an action or event instance.
func (c *checker) actionLit(e *env, x *ActionLit) Type {
	var schema *SchemaDecl
	if ent := e.v.names[identName(x.Action)]; ent != nil && ent.what == entItem {
		schema = ent.schema
		c.info.Uses[x.Action] = &SchemaObj{Decl: schema}
	} else if x.Action != nil {
		schema = c.schemaRef(e.v, x.Action, false, "")
	}
	if x.Actor != nil {
		t := c.expr(e, x.Actor)
		if t != nil && !isBasic(t, PartyKind) {
			c.errs.Add(x.Actor.At, "the actor after `by` must be a party, not %s", t)
		}
	}
	var rec *Record
	if schema != nil {
		rec = c.records[schema]
		switch {
		case schema.Item && x.Actor != nil:
			c.errs.AddHint(x.Actor.At, "write "+ClipText(identName(x.Action))+" { ... }", "%q is the type of the items of a list; an item has no actor", identName(x.Action))
		case schema.Event && x.Actor != nil:
			c.errs.AddHint(x.Actor.At, "write "+ClipText(identName(x.Action))+" { ... }", "%q is an event; an event has no actor", identName(x.Action))
		}
		if !schema.Event && x.Actor == nil {
			c.errs.AddHint(x.At, "write "+ClipText(identName(x.Action))+" by PARTY { ... }", "an instance of action %q needs the party that takes it", identName(x.Action))
		}
	}
	set := make(map[string]Pos)
	if x.Fields != nil {
		for _, f := range x.Fields.Fields {
			if f == nil {
				continue
			}
			t := c.expr(e, f.Value)
			if f.Name == nil || rec == nil {
				continue
			}
			name := f.Name.Name
			if prev, ok := set[name]; ok {
				c.errs.Add(f.Name.At, "field %q is already given %s", name, prevAt(prev, f.Name.At))
				continue
			}
			set[name] = f.Name.At
			if name == "actor" && !schema.Event {
				c.errs.AddHint(f.Name.At, "write "+ClipText(identName(x.Action))+" by PARTY { ... }", "the actor of an action is written after `by`, not as a field")
				continue
			}
			ft, ok := rec.Field(name)
			if !ok {
				c.errs.AddHint(f.Name.At, c.dym(name, func() []string { return fieldNames(rec, !schema.Event) }), "%s has no field %q", rec, name)
				continue
			}
			c.info.Uses[f.Name] = &FieldObj{Schema: schema, Name: name, Type: ft.Type}
			if t != nil && ft.Type != nil && !assignable(t, ft.Type) {
				c.errs.Add(f.Value.Pos(), "field %s of %s must be %s, not %s", name, rec, ft.Type, t)
			}
		}
	}
	if rec == nil {
		return nil
	}
	var missing []string
	for _, f := range rec.Fields {
		if f.Name == "actor" && !schema.Event {
			continue
		}
		if _, ok := set[f.Name]; !ok {
			missing = append(missing, f.Name)
		}
	}
	if len(missing) > 0 && x.Fields != nil {
		word := "field"
		if len(missing) > 1 {
			word = "fields"
		}
		c.errs.Add(x.Fields.At, "%s is missing %s %s", rec, word, joinAnd(missing))
	}
	return rec
}

// fieldNames lists a record's field names, without the actor of an action
// when the actor is written after `by`.
func fieldNames(r *Record, skipActor bool) []string {
	var out []string
	for _, f := range r.Fields {
		if skipActor && f.Name == "actor" {
			continue
		}
		out = append(out, f.Name)
	}
	return out
}

// selector types `x.field`.
func (c *checker) selector(e *env, x *Selector) Type {
	t := c.expr(e, x.X)
	if t == nil || x.Field == nil {
		return nil
	}
	rec, ok := t.(*Record)
	if !ok {
		c.errs.Add(x.Field.At, "%s has no fields; only actions and events do", t)
		return nil
	}
	f, ok := rec.Field(x.Field.Name)
	if !ok {
		c.errs.AddHint(x.Field.At, c.dym(x.Field.Name, func() []string { return fieldNames(rec, false) }), "%s has no field %q", rec, x.Field.Name)
		return nil
	}
	c.info.Uses[x.Field] = &FieldObj{Schema: rec.Schema, Name: f.Name, Type: f.Type}
	return f.Type
}

// call types `f(args)`: a term function or a builtin.
func (c *checker) call(e *env, x *Call) Type {
	args := make([]Type, len(x.Args))
	known := true
	for i, a := range x.Args {
		args[i] = c.expr(e, a)
		if args[i] == nil {
			known = false
		}
	}
	if x.Fun == nil {
		return nil
	}
	name := x.Fun.Name
	if l := e.locals[name]; l != nil {
		c.errs.Add(x.Fun.At, "%q is not a function", name)
		return nil
	}
	if ent := e.v.names[name]; ent != nil {
		if ent.what != entTerm {
			c.errs.Add(x.Fun.At, "%q is %s, not a function", name, ent.describe())
			return nil
		}
		d := ent.term
		ti := c.terms[d]
		c.useTerm(e, x.Fun, d)
		if ti == nil {
			return nil
		}
		if d.Params == nil {
			c.errs.AddHint(x.Fun.At, "write "+ClipText(name)+" without parentheses", "term %q has no parameters", name)
			return nil
		}
		if len(x.Args) != len(ti.params) {
			c.errs.Add(x.Fun.At, "term %q takes %s, not %d", name, nWords(len(ti.params), "argument"), len(x.Args))
		} else {
			for i, a := range args {
				if a != nil && ti.params[i] != nil && !assignable(a, ti.params[i]) {
					c.errs.Add(x.Args[i].Pos(), "argument %d of %s must be %s, not %s", i+1, name, ti.params[i], a)
				}
			}
		}
		return c.termResult(d)
	}
	if c.funcs != nil {
		if sig, ok := c.funcs.LookupFunc(name); ok {
			c.info.Uses[x.Fun] = &FuncObj{Sig: sig}
			return c.builtinCall(x, sig, args, known)
		}
	}
	var cands []string
	for n, ent := range e.v.names {
		if ent.what == entTerm && ent.term != nil && ent.term.Params != nil {
			cands = append(cands, n)
		}
	}
	if c.funcs != nil {
		cands = append(cands, c.funcs.FuncNames()...)
	}
	c.errs.AddHint(x.Fun.At, c.dym(name, func() []string { return cands }), "unknown function %q", name)
	return nil
}

// builtinCall types a call of a builtin or host function.
func (c *checker) builtinCall(x *Call, sig *FuncSig, args []Type, known bool) (result Type) {
	name := x.Fun.Name
	if sig.Check != nil {
		if !known {
			return nil
		}
		defer func() {
			if r := recover(); r != nil {
				c.errs.Add(x.Fun.At, "function %s failed to check its arguments: %v", name, r)
				result = nil
			}
		}()
		t, msg := sig.Check(append([]Type(nil), args...))
		if msg != "" {
			c.errs.Add(x.Fun.At, "%s: %s", name, msg)
			return nil
		}
		return t
	}
	n := len(sig.Params)
	switch {
	case sig.Variadic && n > 0 && len(args) < n-1:
		c.errs.Add(x.Fun.At, "%s takes at least %s, not %d", name, nWords(n-1, "argument"), len(args))
		return sig.Result
	case !sig.Variadic && len(args) != n:
		c.errs.Add(x.Fun.At, "%s takes %s, not %d", name, nWords(n, "argument"), len(args))
		return sig.Result
	}
	for i, a := range args {
		var want Type
		switch {
		case i < n:
			want = sig.Params[i]
		case sig.Variadic && n > 0:
			want = sig.Params[n-1]
		}
		if a != nil && want != nil && !assignable(a, want) {
			c.errs.Add(x.Args[i].Pos(), "argument %d of %s must be %s, not %s", i+1, name, want, a)
		}
	}
	return sig.Result
}

// unary types `-x` and `not x`.
func (c *checker) unary(e *env, x *Unary) Type {
	t := c.expr(e, x.X)
	if t == nil {
		return nil
	}
	if x.Op == Not {
		if !isBasic(t, BoolKind) {
			c.errs.Add(x.At, "`not` needs bool, not %s", t)
			return nil
		}
		return TBool
	}
	if isNumber(t) || isBasic(t, PercentKind) || isMoney(t) {
		return t
	}
	c.errs.Add(x.At, "cannot negate %s", t)
	return nil
}

// ifExpr types `if c then a else b`.
func (c *checker) ifExpr(e *env, x *If) Type {
	c.wantBool(e, x.Cond, "the condition of `if`")
	a := c.expr(e, x.Then)
	b := c.expr(e, x.Else)
	if a == nil || b == nil {
		return nil
	}
	if u, ok := unify(a, b); ok {
		return u
	}
	c.errs.Add(x.Else.Pos(), "the branches of `if` must have one type: %s after `then`, %s after `else`", a, b)
	return nil
}

// binary types `x op y`. Type errors about both operands are reported at
// the right operand, the token nearest the operator.
func (c *checker) binary(e *env, b *Binary) Type {
	x := c.expr(e, b.X)
	y := c.expr(e, b.Y)
	ypos := b.At
	if y != nil {
		ypos = b.Y.Pos()
	}
	switch b.Op {
	case And, Or:
		ok := true
		if x != nil && !isBasic(x, BoolKind) {
			c.errs.Add(b.X.Pos(), "`%s` needs bool on both sides, not %s", b.Op, x)
			ok = false
		}
		if y != nil && !isBasic(y, BoolKind) {
			c.errs.Add(ypos, "`%s` needs bool on both sides, not %s", b.Op, y)
			ok = false
		}
		if x == nil || y == nil || !ok {
			return nil
		}
		return TBool
	}
	if x == nil || y == nil {
		return nil
	}
	switch b.Op {
	case Eq, Ne:
		if !canCompare(x, y) {
			c.errs.AddHint(ypos, compareHint(x, y), "cannot compare %s with %s", x, y)
			return nil
		}
		if !equatable(x) {
			c.errs.Add(ypos, "cannot compare %s values with %s", x, b.Op)
			return nil
		}
		return TBool
	case Lt, Le, Gt, Ge:
		if !canCompare(x, y) {
			c.errs.AddHint(ypos, compareHint(x, y), "cannot compare %s with %s", x, y)
			return nil
		}
		if !ordered(x) {
			c.errs.AddHint(ypos, "only numbers, percents, money, dates and timestamps are ordered", "cannot compare %s values with %s", x, b.Op)
			return nil
		}
		return TBool
	case In, NotIn:
		l, ok := y.(*List)
		if !ok {
			c.errs.Add(ypos, "the right side of `%s` must be a list, not %s", b.Op, y)
			return nil
		}
		if !equatable(x) {
			c.errs.Add(b.X.Pos(), "cannot look for %s values in a list", x)
			return nil
		}
		if l.Elem != nil && !canCompare(x, l.Elem) {
			c.errs.Add(ypos, "cannot look for %s in a list of %s", x, l.Elem)
			return nil
		}
		return TBool
	case Add:
		if t := addType(x, y); t != nil {
			return t
		}
		if isBasic(x, DurationKind) && isBasic(y, DurationKind) {
			c.errs.AddHint(ypos, "add each duration to the date in turn", "cannot add two durations")
			return nil
		}
		c.errs.AddHint(ypos, arithHint(Add, x, y), "cannot add %s and %s", x, y)
		return nil
	case Sub:
		if isBasic(x, DateKind) && isBasic(y, DurationKind) {
			return TDate
		}
		if t := sameArith(x, y); t != nil {
			return t
		}
		if isBasic(x, DateKind) && isBasic(y, DateKind) {
			c.errs.AddHint(ypos, "count the days between two dates with days_between(a, b)", "cannot subtract a date from a date")
			return nil
		}
		c.errs.AddHint(ypos, arithHint(Sub, x, y), "cannot subtract %s from %s", y, x)
		return nil
	case Mul:
		switch {
		case isBasic(x, IntegerKind) && isBasic(y, IntegerKind):
			return TInteger
		case isNumber(x) && isNumber(y):
			return TDecimal
		case isMoney(x) && isNumber(y):
			return x
		case isNumber(x) && isMoney(y):
			return y
		case isBasic(x, PercentKind) && isNumber(y):
			return x
		case isNumber(x) && isBasic(y, PercentKind):
			return y
		}
		c.errs.AddHint(ypos, arithHint(Mul, x, y), "cannot multiply %s by %s", x, y)
		return nil
	case Div:
		switch {
		case isMoney(x) && isNumber(y):
			return x
		case isMoney(x) && isMoney(y) && Identical(x, y):
			return TDecimal
		case isNumber(x) && isNumber(y):
			return TDecimal
		case isBasic(x, PercentKind) && isNumber(y):
			return x
		}
		c.errs.AddHint(ypos, arithHint(Div, x, y), "cannot divide %s by %s", x, y)
		return nil
	case Of:
		if !isBasic(x, PercentKind) {
			c.errs.Add(b.X.Pos(), "the left side of `of` must be a percent, not %s", x)
			return nil
		}
		switch {
		case isMoney(y), isBasic(y, DecimalKind), isBasic(y, PercentKind):
			return y
		case isBasic(y, IntegerKind):
			return TDecimal
		}
		c.errs.Add(ypos, "cannot take a percent of %s", y)
		return nil
	}
	return nil
}

// addType is the type of x + y, or nil.
func addType(x, y Type) Type {
	switch {
	case isBasic(x, DateKind) && isBasic(y, DurationKind):
		return TDate
	case isBasic(x, DurationKind) && isBasic(y, DateKind):
		return TDate
	}
	return sameArith(x, y)
}

// sameArith is the type of x + y or x - y for operands of like kinds:
// numbers (integer with integer gives integer; with a decimal, decimal),
// money of one currency, percents.
func sameArith(x, y Type) Type {
	switch {
	case isBasic(x, IntegerKind) && isBasic(y, IntegerKind):
		return TInteger
	case isNumber(x) && isNumber(y):
		return TDecimal
	case isMoney(x) && isMoney(y) && Identical(x, y):
		return x
	case isBasic(x, PercentKind) && isBasic(y, PercentKind):
		return TPercent
	}
	return nil
}

// compareHint explains why a timestamp and a date do not compare, or
// returns "".
func compareHint(x, y Type) string {
	ts, d := func(t Type) bool { return isBasic(t, TimestampKind) }, func(t Type) bool { return isBasic(t, DateKind) }
	if ts(x) && d(y) || d(x) && ts(y) {
		return "a timestamp is an instant and a date a day: compare date_of(t), the timestamp's day in the agreement's time zone, with the date"
	}
	return ""
}

// arithHint explains a common arithmetic mistake in x op y, or returns "".
func arithHint(op BinaryOp, x, y Type) string {
	pct := func(t Type) bool { return isBasic(t, PercentKind) }
	switch {
	case pct(x) && isMoney(y), isMoney(x) && pct(y):
		return "to take a percentage of an amount, write `20% of AMOUNT`"
	case pct(x) && isNumber(y), isNumber(x) && pct(y):
		return "a percent is not a plain number: write 1% rather than 1, or use `of`"
	case op == Mul && isMoney(x) && isMoney(y):
		return "money times money is not allowed: multiply an amount by a number, or take a percentage of it with `20% of AMOUNT`"
	case isMoney(x) && isMoney(y) && !Identical(x, y):
		return "amounts in different currencies cannot be combined"
	case op == Sub && isBasic(x, TimestampKind) && isBasic(y, TimestampKind):
		return "count the days between two timestamps with whole_days_between(a, b) or started_days_between(a, b)"
	case isBasic(x, TimestampKind) || isBasic(y, TimestampKind):
		return "a timestamp is not moved by arithmetic: take its day with date_of(t), then add to the date"
	}
	return ""
}

// wantBool types x and reports it unless it is bool.
func (c *checker) wantBool(e *env, x Expr, what string) {
	t := c.expr(e, x)
	if t != nil && !isBasic(t, BoolKind) {
		c.errs.Add(x.Pos(), "%s must be true or false (bool), not %s", what, t)
	}
}

// wantMoney types x and returns it if it is money; otherwise it reports it
// and returns nil.
func (c *checker) wantMoney(e *env, x Expr, what string) Type {
	t := c.expr(e, x)
	if t == nil {
		return nil
	}
	if !isMoney(t) {
		c.errs.Add(x.Pos(), "%s must be money, like USD 1,000.00, not %s", what, t)
		return nil
	}
	return t
}

// wantPercent types x and reports it unless it is a percent.
func (c *checker) wantPercent(e *env, x Expr, what string) bool {
	t := c.expr(e, x)
	if t == nil {
		return false
	}
	if !isBasic(t, PercentKind) {
		c.errs.Add(x.Pos(), "%s must be a percent, like 20%%, not %s", what, t)
		return false
	}
	return true
}

// nWords writes "1 argument", "2 arguments".
func nWords(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// stripParens strips parentheses.
func stripParens(x Expr) Expr {
	for {
		p, ok := x.(*Paren)
		if !ok || p == nil {
			return x
		}
		x = p.X
	}
}
