package lang

// This file checks collections of records (SPEC 4.5.1): the record types
// of the items of list fields, and aggregates over them.

// declareItemTypes declares the item record types that the fields of s
// declare in braces, and returns them so their fields are typed with the
// schemas'. A field with braces must be a list (`list of NAME { ... }`).
func (c *checker) declareItemTypes(v *view, s *SchemaDecl) []*SchemaDecl {
	var out []*SchemaDecl
	for _, f := range s.Fields {
		if f == nil || f.Item == nil {
			continue
		}
		if f.Type == nil || f.Type.ListOf == nil || f.Type.ListOf.Name == nil {
			c.errs.AddHint(f.Item.At, "write `"+ClipText(identName(f.Name))+" list of NAME { field type, ... }`",
				"braces after a field's type declare the items of a list, and %s is not a list of named items", identName(f.Name))
			continue
		}
		if c.typeName(f.Item.Name, "item type") {
			c.declareName(v, f.Item.Name, &entity{what: entItem, schema: f.Item})
		}
		if len(f.Item.Fields) == 0 {
			c.errs.Add(f.Item.At, "the items of %s have no fields", identName(f.Name))
		}
		for _, g := range f.Item.Fields {
			if g != nil && g.Item != nil {
				c.errs.AddHint(g.Item.At, "declare the items in the action or event itself",
					"an item cannot hold items of its own: a list field's items have fields of plain values (SPEC 4.5.1)")
			}
		}
		out = append(out, f.Item)
	}
	return out
}

// holdsItems reports whether t is, or is a list of, the record type of
// items.
func holdsItems(t Type) bool {
	for {
		switch x := t.(type) {
		case *List:
			t = x.Elem
		case *Record:
			return true
		default:
			return false
		}
	}
}

// aggregate types `OP of VALUE for VAR in LIST [if COND]`.
func (c *checker) aggregate(e *env, x *Aggregate) Type {
	var elem Type
	listOK := false
	if lt := c.expr(e, x.List); lt != nil {
		l, ok := lt.(*List)
		switch {
		case !ok:
			c.errs.Add(x.List.Pos(), "`for %s in` needs a list, not %s", identName(x.Var), lt)
		case l.Elem == nil:
			c.errs.Add(x.List.Pos(), "the list is empty ([]), so its items have no type")
		default:
			elem, listOK = l.Elem, true
		}
	}
	sub := *e
	sub.locals = make(map[string]*local, len(e.locals)+1)
	for k, l := range e.locals {
		sub.locals[k] = l
	}
	if x.Var != nil {
		name := x.Var.Name
		if c.nameInScope(e, name) {
			c.errs.AddHint(x.Var.At, "choose another name for each item, such as `"+ClipText(name)+"_item`",
				"the name %s is already used here; an aggregate's name for its items must be new", name)
		}
		obj := &ItemVarObj{Agg: x}
		c.info.Uses[x.Var] = obj
		sub.locals[name] = &local{obj: obj, typ: elem}
	}
	vt := c.expr(&sub, x.Value)
	if x.Filter != nil {
		c.wantBool(&sub, x.Filter, "the condition after `if`")
	}
	op := identName(x.Op)
	if !listOK {
		return nil
	}
	switch op {
	case "count":
		if id, ok := x.Value.(*Ident); !ok || x.Var == nil || id.Name != x.Var.Name {
			c.errs.AddHint(x.Value.Pos(), "write `count of "+ClipText(identName(x.Var))+" for "+ClipText(identName(x.Var))+" in …`, with a condition after `if` to count some of them",
				"count counts the items themselves")
			return nil
		}
		return TInteger
	case "all", "any":
		if vt != nil && !isBasic(vt, BoolKind) {
			c.errs.Add(x.Value.Pos(), "%s needs a condition for each item (true or false), not %s", op, vt)
			return nil
		}
		return TBool
	case "sum":
		if vt == nil {
			return nil
		}
		if !isNumber(vt) && !isBasic(vt, PercentKind) && !isMoney(vt) {
			c.errs.Add(x.Value.Pos(), "sum adds up numbers, percents or amounts of money, not %s", vt)
			return nil
		}
		return vt
	case "min", "max":
		if vt == nil {
			return nil
		}
		if !ordered(vt) {
			c.errs.Add(x.Value.Pos(), "%s needs values that have an order (numbers, percents, money, dates), not %s", op, vt)
			return nil
		}
		return vt
	}
	return nil
}

// nameInScope reports whether name already means something in e: a local
// name, the clause's event or one of its fields, or an agreement name.
func (c *checker) nameInScope(e *env, name string) bool {
	if e.locals[name] != nil || e.v.names[name] != nil {
		return true
	}
	if e.event != nil {
		if name == identName(e.event.Name) {
			return true
		}
		if rec := c.records[e.event]; rec != nil {
			if _, ok := rec.Field(name); ok {
				return true
			}
		}
	}
	return false
}
