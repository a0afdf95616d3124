package lang

import (
	"sort"
	"strings"
)

// This file checks agreements and amendments: their headers, parties,
// kinds, schemas and terms, and the numbering of their clauses.

var roundingModes = []string{"half_even", "half_up", "half_down", "up", "down", "floor", "ceiling"}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// agreementHeader checks the agreement's effective date, end, currency,
// rounding, default verdict and fiscal year, fills fam.info, and returns
// the agreement's view with no names yet.
func (c *checker) agreementHeader(fam *family) *view {
	a := fam.agr
	info := &AgreementInfo{
		Decl:             a,
		RoundingMode:     "half_even",
		DefaultPermitted: true,
		FiscalStart:      1,
		Parties:          make(map[string]*PartyDecl),
		Kinds:            make(map[string]*KindDecl),
		Schemas:          make(map[string]*SchemaDecl),
		Terms:            make(map[string]*TermDecl),
		Clauses:          make(map[string]*ClauseDecl),
		Exceptions:       make(map[string][]*ExceptionDecl),
		Items:            make(map[string]*SchemaDecl),
	}
	fam.info = info
	seen := make(map[string]Pos)
	first := func(word string, pos Pos) bool {
		if prev, ok := seen[word]; ok {
			c.errs.Add(pos, "`%s` is already declared %s; an agreement has at most one", word, prevAt(prev, pos))
			return false
		}
		seen[word] = pos
		return true
	}
	var effective, ends *DateLit
	unitSet := false
	for _, it := range a.Items {
		switch it := it.(type) {
		case *Effective:
			if it != nil && first("effective", it.At) {
				effective = it.Date
				fam.effective = c.dateLit(it.Date)
				if fam.effective.valid() {
					info.Effective = it.Date.Text
				}
			}
		case *Ends:
			if it != nil && first("ends", it.At) {
				ends = it.Date
				fam.ends = c.dateLit(it.Date)
				if fam.ends.valid() {
					info.Ends = it.Date.Text
				}
			}
		case *CurrencyDecl:
			if it != nil && first("currency", it.At) && it.Code != nil {
				if c.currencyCode(it.Code.At, it.Code.Name) {
					info.Currency = it.Code.Name
				}
			}
		case *RoundingDecl:
			if it != nil && first("rounding", it.At) {
				if it.Mode != nil {
					if hasString(roundingModes, it.Mode.Name) {
						info.RoundingMode = it.Mode.Name
					} else {
						c.errs.AddHint(it.Mode.At, hintOr(didYouMean(it.Mode.Name, roundingModes), "the modes are "+joinAnd(roundingModes)),
							"unknown rounding mode %q", it.Mode.Name)
					}
				}
				if it.Unit != nil && !c.tooManyDigits(it.Unit.At, it.Unit.Text, "rounding unit") {
					r, ok := ratOf(it.Unit.Text)
					switch {
					case !ok:
						c.errs.Add(it.Unit.At, "rounding unit %s is not a number", shortLit(it.Unit.Text))
					case r.Sign() <= 0:
						c.errs.Add(it.Unit.At, "rounding unit must be greater than zero, not %s", shortLit(it.Unit.Text))
					default:
						info.RoundingUnit = it.Unit.Text
						unitSet = true
					}
				}
			}
		case *DefaultDecl:
			if it != nil && first("default", it.At) {
				info.DefaultPermitted = it.Permitted
			}
		case *FiscalYearDecl:
			if it != nil && first("fiscal year", it.At) && it.Month != nil {
				if m := monthNumber(it.Month.Name); m > 0 {
					info.FiscalStart = m
				} else {
					c.errs.AddHint(it.Month.At, didYouMean(it.Month.Name, monthNames),
						"unknown month %q: write the month's name, like July", it.Month.Name)
				}
			}
		case *ContractYearDecl:
			if it != nil && first("contract year", it.At) {
				c.contractYearDecl(fam, it)
			}
		case *CalendarDecl:
			c.calendarDecl(fam, it)
		case *TimeZoneDecl:
			if it != nil && first("time zone", it.At) && it.Name != nil {
				if _, err := LoadTimeZone(it.Name.Name); err != nil {
					c.errs.Add(it.Name.At, "%s", err.Error())
				} else {
					info.TimeZone = it.Name.Name
				}
			}
		}
	}
	if info.ContractStart == "" {
		info.ContractStart = info.Effective
	}
	if effective == nil {
		pos := a.At
		if a.ID != nil {
			pos = a.ID.At
		}
		c.errs.AddHint(pos, "add `effective YYYY-MM-DD`", "agreement %q has no effective date", identName(a.ID))
	}
	if ends != nil && fam.effective.valid() && fam.ends.valid() && fam.ends.before(fam.effective) {
		c.errs.Add(ends.At, "the agreement ends on %s, before it takes effect on %s", ends.Text, effective.Text)
	}
	if !unitSet {
		info.RoundingUnit = "0.01"
		if n, ok := CurrencyMinorUnits(info.Currency); ok {
			info.RoundingUnit = minorUnit(n)
		}
	}
	return &view{
		fam:      fam,
		names:    make(map[string]*entity),
		clauses:  make(map[string]*ClauseDecl),
		currency: info.Currency,
	}
}

// amendmentHeader checks an amendment's effective date against its
// agreement (fam, nil if the agreement is missing) and rejects the items
// only an agreement may declare. It returns the effective date.
func (c *checker) amendmentHeader(a *Amendment, fam *family) civil {
	var eff civil
	var effLit *DateLit
	var seen Pos
	for _, it := range a.Items {
		var word string
		var pos Pos
		switch it := it.(type) {
		case *Effective:
			if it == nil {
				continue
			}
			if seen.IsValid() || effLit != nil {
				c.errs.Add(it.At, "`effective` is already declared %s; an amendment has one effective date", prevAt(seen, it.At))
				continue
			}
			seen = it.At
			effLit = it.Date
			eff = c.dateLit(it.Date)
			if effLit == nil {
				effLit = &DateLit{}
			}
			continue
		case *Ends:
			if it != nil {
				word, pos = "ends", it.At
			}
		case *CurrencyDecl:
			if it != nil {
				word, pos = "currency", it.At
			}
		case *RoundingDecl:
			if it != nil {
				word, pos = "rounding", it.At
			}
		case *DefaultDecl:
			if it != nil {
				word, pos = "default", it.At
			}
		case *FiscalYearDecl:
			if it != nil {
				word, pos = "fiscal year", it.At
			}
		case *ContractYearDecl:
			if it != nil {
				word, pos = "contract year", it.At
			}
		case *CalendarDecl:
			if it != nil {
				word, pos = "calendar", it.At
			}
		case *TimeZoneDecl:
			if it != nil {
				word, pos = "time zone", it.At
			}
		}
		if word != "" {
			c.errs.Add(pos, "an amendment cannot declare `%s`; it belongs to the agreement", word)
		}
	}
	if effLit == nil {
		pos := a.At
		if a.ID != nil {
			pos = a.ID.At
		}
		c.errs.AddHint(pos, "add `effective YYYY-MM-DD`", "amendment %q has no effective date", identName(a.ID))
		return eff
	}
	if fam != nil && eff.valid() {
		if fam.effective.valid() && eff.before(fam.effective) {
			c.errs.Add(effLit.At, "the amendment takes effect on %s, before agreement %q takes effect on %s",
				effLit.Text, identName(fam.agr.ID), fam.info.Effective)
		}
		if fam.ends.valid() && fam.ends.before(eff) {
			c.errs.Add(effLit.At, "the amendment takes effect on %s, after agreement %q ends on %s",
				effLit.Text, identName(fam.agr.ID), fam.info.Ends)
		}
	}
	return eff
}

// declareItems declares the parties, kinds, schemas, terms and clauses of
// one agreement or amendment in v, then checks terms and clauses.
func (c *checker) declareItems(v *view, items []Item) {
	inAmendment := v.amd != nil
	where := "agreement"
	if inAmendment {
		where = "amendment"
	}

	// Names first, so that everything may refer to anything declared
	// anywhere in the agreement.
	var schemas []*SchemaDecl
	var terms []*TermDecl
	replaced := make(map[*TermDecl]*entity) // replacing term → the entity it replaces
	ownTerms := make(map[string]bool)
	for _, it := range items {
		switch d := it.(type) {
		case *PartyDecl:
			if d != nil {
				c.declareName(v, d.ID, &entity{what: entParty, party: d})
			}
		case *KindDecl:
			if d == nil {
				continue
			}
			c.enum(d) // made now, so that checking after Check (Scope) only reads c.enums
			if c.typeName(d.Name, "kind") {
				c.declareName(v, d.Name, &entity{what: entKind, kind: d})
			}
			if len(d.Members) == 0 && d.Name != nil {
				c.errs.Add(d.Name.At, "kind %q has no members", d.Name.Name)
			}
			members := make(map[string]Pos)
			for _, m := range d.Members {
				if m == nil {
					continue
				}
				if prev, ok := members[m.Name]; ok {
					c.errs.Add(m.At, "member %q appears twice in kind %s (first %s)", m.Name, identName(d.Name), prevAt(prev, m.At))
					continue
				}
				members[m.Name] = m.At
				c.declareName(v, m, &entity{what: entMember, kind: d})
			}
		case *SchemaDecl:
			if d == nil {
				continue
			}
			word := "action"
			if d.Event {
				word = "event"
			}
			if c.typeName(d.Name, word) {
				c.declareName(v, d.Name, &entity{what: entSchema, schema: d})
			}
			schemas = append(schemas, d)
			schemas = append(schemas, c.declareItemTypes(v, d)...)
		case *TermDecl:
			if d == nil {
				continue
			}
			terms = append(terms, d)
			if d.Name == nil {
				continue
			}
			if d.Replace && inAmendment {
				prev := v.names[d.Name.Name]
				if prev == nil || prev.what != entTerm {
					if prev != nil {
						c.errs.Add(d.Name.At, "%q is %s, not a term; only terms can be replaced", d.Name.Name, prev.describe())
					} else {
						c.errs.AddHint(d.Name.At, c.dym(d.Name.Name, func() []string { return v.namesOf(entTerm) }), "no term %q to replace", d.Name.Name)
					}
					continue
				}
				if ownTerms[d.Name.Name] {
					c.errs.Add(d.Name.At, "term %q is already declared in this amendment %s", d.Name.Name, prevAt(prev.pos, d.Name.At))
					continue
				}
				ownTerms[d.Name.Name] = true
				replaced[d] = prev
				v.names[d.Name.Name] = &entity{what: entTerm, pos: d.Name.At, term: d}
				continue
			}
			if d.Replace {
				c.errs.AddHint(d.At, "write `term "+d.Name.Name+"`", "`replace term` is only for amendments")
			}
			if c.declareName(v, d.Name, &entity{what: entTerm, term: d}) {
				ownTerms[d.Name.Name] = true
			}
		case *ClauseDecl, *DeleteClause, *TestDecl, *Effective, *Ends, *CurrencyDecl,
			*RoundingDecl, *DefaultDecl, *FiscalYearDecl, *ContractYearDecl, *CalendarDecl, *TimeZoneDecl:
		}
	}

	// Then types: fields of schemas, parameters of terms.
	for _, s := range schemas {
		if s.Item { // first: the schemas' fields refer to them
			c.buildRecord(v, s)
		}
	}
	for _, s := range schemas {
		if !s.Item {
			c.buildRecord(v, s)
		}
	}
	for _, d := range terms {
		ti := &termInfo{v: v, decl: d}
		c.terms[d] = ti
		params := make(map[string]Pos)
		for _, p := range d.Params {
			if p == nil {
				ti.params = append(ti.params, nil)
				continue
			}
			if p.Name != nil {
				if prev, ok := params[p.Name.Name]; ok {
					c.errs.Add(p.Name.At, "parameter %q appears twice in term %s (first %s)", p.Name.Name, identName(d.Name), prevAt(prev, p.Name.At))
				} else {
					params[p.Name.Name] = p.Name.At
				}
			}
			ti.params = append(ti.params, c.resolveType(v, p.Type, true))
		}
	}

	// Then clause numbers.
	fam := v.fam
	type numUse struct {
		pos     Pos
		deleted bool
	}
	nums := make(map[string]numUse)
	already := func(num string, prev numUse, pos Pos) {
		verb := "declared"
		if prev.deleted {
			verb = "deleted"
		}
		c.errs.Add(pos, "clause %s is already %s in this %s %s", num, verb, where, prevAt(prev.pos, pos))
	}
	var clauses []*ClauseDecl
	for _, it := range items {
		switch d := it.(type) {
		case *ClauseDecl:
			if d == nil {
				continue
			}
			clauses = append(clauses, d)
			if d.Num == nil {
				continue
			}
			num := d.Num.Num
			if prev, ok := nums[num]; ok {
				already(num, prev, d.Num.At)
				continue
			}
			nums[num] = numUse{pos: d.Num.At}
			fam.allNums[num] = true
			_, exists := v.clauses[num]
			switch {
			case !inAmendment:
				if d.Replace {
					c.errs.AddHint(d.At, "write `clause "+num+"`", "`replace clause` is only for amendments")
				}
				v.clauses[num] = d
				fam.info.Clauses[num] = d
			case d.Replace && !exists:
				c.errs.AddHint(d.Num.At, c.clauseHint(num, func() []string { return sortedKeys(v.clauses) }), "no clause %s to replace in agreement %q", num, identName(fam.agr.ID))
			case !d.Replace && exists:
				c.errs.AddHint(d.Num.At, "write `replace clause "+ClipText(num)+"` to change it", "clause %s already exists in agreement %q", num, identName(fam.agr.ID))
			default:
				v.clauses[num] = d
			}
		case *DeleteClause:
			if d == nil || d.Num == nil {
				continue
			}
			num := d.Num.Num
			if !inAmendment {
				c.errs.Add(d.At, "`delete clause` is only for amendments")
				continue
			}
			if prev, ok := nums[num]; ok {
				already(num, prev, d.Num.At)
				continue
			}
			nums[num] = numUse{pos: d.Num.At, deleted: true}
			if _, exists := v.clauses[num]; !exists {
				c.errs.AddHint(d.Num.At, c.clauseHint(num, func() []string { return sortedKeys(v.clauses) }), "no clause %s to delete in agreement %q", num, identName(fam.agr.ID))
				continue
			}
			delete(v.clauses, num)
		}
	}

	// The agreement's own declarations, for Info.
	if !inAmendment {
		for name, e := range v.names {
			switch e.what {
			case entParty:
				fam.info.Parties[name] = e.party
			case entKind:
				fam.info.Kinds[name] = e.kind
			case entSchema:
				fam.info.Schemas[name] = e.schema
			case entItem:
				fam.info.Items[name] = e.schema
			case entTerm:
				fam.info.Terms[name] = e.term
			}
		}
	}

	// Finally bodies.
	for _, d := range terms {
		t := c.termResult(d)
		if old := replaced[d]; old != nil && !c.sameSignature(d, old.term, t) {
			// Keep the old term, so that the clauses that use it are not
			// checked against a type they were not written for.
			v.names[d.Name.Name] = old
		}
	}
	for _, cl := range clauses {
		c.clause(v, cl)
	}
	for _, sd := range schemas {
		c.requires(&env{v: v, event: sd}, sd.Requires)
	}
	c.exceptions(v, items)
	if inAmendment {
		c.inheritedSplitRefs(v, clauses)
	}
}

// declareName adds an agreement-level name to v, reporting a clash with any
// name already visible there.
func (c *checker) declareName(v *view, id *Ident, e *entity) bool {
	if id == nil {
		return false
	}
	e.pos = id.At
	if prev := v.names[id.Name]; prev != nil {
		hint := ""
		if prev.what == entTerm && e.what == entTerm && v.amd != nil {
			hint = "write `replace term " + id.Name + "` to change it"
		}
		c.errs.AddHint(id.At, hint, "%q is already declared as %s %s", id.Name, prev.describe(), prevAt(prev.pos, id.At))
		return false
	}
	v.names[id.Name] = e
	return true
}

// typeName reports whether id may name a kind or schema: not a built-in
// type's name.
func (c *checker) typeName(id *Ident, word string) bool {
	if id == nil {
		return false
	}
	if hasString(typeNames, id.Name) || id.Name == "list" {
		c.errs.Add(id.At, "cannot name %s %s %q: that is a built-in type", aOrAn(word), word, id.Name)
		return false
	}
	return true
}

// namesOf returns the names of v's entities of one kind, in no order.
func (v *view) namesOf(what entityKind) []string {
	var out []string
	for n, e := range v.names {
		if e.what == what {
			out = append(out, n)
		}
	}
	return out
}

// buildRecord computes the record type of a schema.
func (c *checker) buildRecord(v *view, s *SchemaDecl) {
	rec := &Record{Schema: s}
	seen := make(map[string]Pos)
	for _, f := range s.Fields {
		if f == nil || f.Name == nil {
			continue
		}
		name := f.Name.Name
		if prev, ok := seen[name]; ok {
			c.errs.Add(f.Name.At, "field %q appears twice in %s (first %s)", name, identName(s.Name), prevAt(prev, f.Name.At))
			continue
		}
		seen[name] = f.Name.At
		if s.Item && f.Item != nil {
			continue // items within items: reported by declareItemTypes
		}
		t := c.resolveType(v, f.Type, false)
		switch {
		case s.Item:
			if holdsItems(t) {
				c.errs.AddHint(f.Type.Pos(), "declare the items in the action or event itself",
					"an item cannot hold items of its own: a list field's items have fields of plain values (SPEC 4.5.1)")
				t = nil
			}
		case name == "date" && isBasic(t, TimestampKind):
			c.errs.AddHint(f.Name.At, "keep date a date and add a field of its own, such as `recorded_at timestamp`",
				"field date must have type date, not timestamp: every action and event is dated by a day (SPEC 11.7)")
			t = TDate
		case name == "date" && t != nil && !isBasic(t, DateKind):
			c.errs.Add(f.Name.At, "field date must have type date, not %s", t)
			t = TDate
		case name == "actor" && !s.Event:
			c.errs.AddHint(f.Name.At, "leave it out: every action has it", "field actor is implicit: the party that takes an action is written after `by`")
			continue
		case name == "actor":
			c.errs.AddHint(f.Name.At, "give the field another name", "an event has no actor: only actions are taken by a party")
			continue
		}
		rec.Fields = append(rec.Fields, FieldType{Name: name, Type: t, Decl: f})
	}
	if s.Item {
		c.records[s] = rec
		return
	}
	if _, ok := seen["actor"]; !ok && !s.Event {
		rec.Fields = append(rec.Fields, FieldType{Name: "actor", Type: TParty})
	}
	if _, ok := seen["date"]; !ok {
		rec.Fields = append(rec.Fields, FieldType{Name: "date", Type: TDate})
	}
	c.records[s] = rec
}

// resolveType returns the type te names in v, or nil after reporting why it
// names none. Actions and events are types only where records is true
// (term parameters), not for fields.
func (c *checker) resolveType(v *view, te *TypeExpr, records bool) Type {
	if te == nil {
		return nil
	}
	if te.Name == nil {
		if te.ListOf == nil {
			return nil
		}
		saved := c.inListType
		c.inListType = true
		elem := c.resolveType(v, te.ListOf, records)
		c.inListType = saved
		if elem == nil {
			return nil
		}
		return &List{Elem: elem}
	}
	name := te.Name.Name
	switch name {
	case "integer":
		return TInteger
	case "decimal":
		return TDecimal
	case "percent":
		return TPercent
	case "date":
		return TDate
	case "duration":
		return TDuration
	case "timestamp":
		return TTimestamp
	case "period":
		return TPeriod
	case "text":
		return TText
	case "bool":
		return TBool
	case "party":
		return TParty
	case "money":
		if v.currency == "" {
			if !v.moneyErr {
				v.moneyErr = true
				c.errs.AddHint(te.Name.At, "declare the agreement's currency, like `currency USD`",
					"type money needs a currency, and the agreement declares none")
			}
			return nil
		}
		return &Money{Currency: v.currency}
	}
	if e := v.names[name]; e != nil {
		switch e.what {
		case entKind:
			return c.enum(e.kind)
		case entSchema:
			if !records {
				c.errs.Add(te.Name.At, "a field cannot hold %s; fields hold values like text, money or a kind", e.describe())
				return nil
			}
			return c.records[e.schema]
		case entItem:
			if !records && !c.inListType {
				c.errs.AddHint(te.Name.At, "write `list of "+ClipText(name)+"`", "a field holds a list of %s items, not one", name)
				return nil
			}
			if r := c.records[e.schema]; r != nil {
				return r
			}
			// An item's field naming an item type not built yet: an item
			// cannot hold items, which buildRecord reports.
			return &Record{Schema: e.schema}
		}
		c.errs.Add(te.Name.At, "%q is %s, not a type", name, e.describe())
		return nil
	}
	cands := append([]string(nil), typeNames...)
	cands = append(cands, v.namesOf(entKind)...)
	cands = append(cands, v.namesOf(entItem)...)
	if records {
		cands = append(cands, v.namesOf(entSchema)...)
	}
	c.errs.AddHint(te.Name.At, c.dym(name, func() []string { return cands }), "unknown type %q", name)
	return nil
}

// enum returns the (shared) type of a kind.
func (c *checker) enum(k *KindDecl) *Enum {
	if t := c.enums[k]; t != nil {
		return t
	}
	t := &Enum{Decl: k}
	c.enums[k] = t
	return t
}

// termInfo is what the checker knows about a term.
type termInfo struct {
	v      *view
	decl   *TermDecl
	params []Type
	state  uint8 // 0 not checked, 1 being checked, 2 checked
	result Type
	refs   []string // the terms its body names, in order of first use
	// refLevels[i] is the deepest level of the body's expression at which
	// refs[i] is named (the body itself is level 1); levels is the depth
	// of the body's expression.
	refLevels []int
	levels    int
}

// termResult returns the type of a term's value (its result), checking the
// body on first use. A term met again while its own body is being checked
// is part of a cycle, which termCycles reports; its type is then unknown.
func (c *checker) termResult(d *TermDecl) Type {
	ti := c.terms[d]
	if ti == nil {
		return nil
	}
	switch ti.state {
	case 1:
		return nil
	case 2:
		return ti.result
	}
	if c.nesting >= MaxTermDepth || c.outer+c.level >= MaxTermNesting {
		// This term is the next link of a chain of more than MaxTermDepth
		// terms being checked one inside the other, which termDepths
		// reports. Leave it unchecked (its type unknown here); it is
		// checked from the top with the other terms of its version, so
		// the Go stack holds at most MaxTermDepth bodies at once.
		return nil
	}
	c.nesting++
	outer, level, maxLevel := c.outer, c.level, c.maxLevel
	c.outer, c.level, c.maxLevel = outer+level, 0, 0
	defer func() {
		ti.levels = c.maxLevel
		c.nesting--
		c.outer, c.level, c.maxLevel = outer, level, maxLevel
	}()
	ti.state = 1
	e := &env{v: ti.v, term: ti, locals: make(map[string]*local)}
	for i, p := range d.Params {
		if p != nil && p.Name != nil {
			if _, dup := e.locals[p.Name.Name]; !dup {
				e.locals[p.Name.Name] = &local{obj: &ParamObj{Param: p}, typ: ti.params[i]}
			}
		}
	}
	if d.Body == nil {
		ti.state = 2
		return nil
	}
	ti.result = c.expr(e, d.Body)
	c.requires(e, d.Requires)
	ti.state = 2
	return ti.result
}

// sameSignature reports a `replace term` whose type differs from the term
// it replaces: clauses written against the old term must still check. It
// returns false only for a type that is known to differ.
func (c *checker) sameSignature(d, old *TermDecl, result Type) bool {
	oldResult := c.termResult(old)
	nt, ot := c.terms[d], c.terms[old]
	if nt == nil || ot == nil || result == nil || oldResult == nil || d.Name == nil {
		return true
	}
	same := (d.Params == nil) == (old.Params == nil) && len(nt.params) == len(ot.params) && Identical(result, oldResult)
	for i := 0; same && i < len(nt.params); i++ {
		if nt.params[i] == nil || ot.params[i] == nil {
			return true
		}
		same = Identical(nt.params[i], ot.params[i])
	}
	if !same {
		c.errs.Add(d.Name.At, "the replacement changes the type of term %q from %s to %s; a replacement must keep the type",
			d.Name.Name, signature(old, ot.params, oldResult), signature(d, nt.params, result))
	}
	return same
}

// signature writes a term's type: "money(USD)" for a value term,
// "(sell) → money(USD)" for a function.
func signature(d *TermDecl, params []Type, result Type) string {
	if d.Params == nil {
		return result.String()
	}
	var b strings.Builder
	b.WriteString("(")
	for i, p := range params {
		if i > 0 {
			b.WriteString(", ")
		}
		if p == nil {
			b.WriteString("?")
		} else {
			b.WriteString(p.String())
		}
	}
	b.WriteString(") → ")
	b.WriteString(result.String())
	return b.String()
}

// termCycles reports terms that depend on themselves in v, and reports
// whether there were any.
func (c *checker) termCycles(v *view) bool {
	found := false
	g := newGraph()
	for _, name := range sortedKeys(v.names) {
		e := v.names[name]
		if e.what != entTerm || e.term == nil || c.terms[e.term] == nil {
			continue
		}
		g.node(name)
		for _, r := range c.terms[e.term].refs {
			if re := v.names[r]; re != nil && re.what == entTerm {
				if r == name {
					found = true
					if c.once("selfterm " + e.pos.String()) {
						c.errs.Add(e.pos, "term %q refers to itself", name)
					}
					continue
				}
				g.edge(name, r, nil)
			}
		}
	}
	posOf := func(n string) Pos { return v.names[n].pos }
	for _, cyc := range g.cycles(func(a, b string) bool { return posOf(a).Before(posOf(b)) }) {
		found = true
		pos := posOf(cyc[0])
		msg := "term " + QuoteName(cyc[0]) + " depends on itself: " + joinCycle(cyc)
		if c.once(pos.String() + msg) {
			c.errs.AddHint(pos, "a term cannot be defined in terms of itself", "%s", msg)
		}
	}
	return found
}

// clauseHint suggests an existing clause number.
func (c *checker) clauseHint(num string, nums func() []string) string {
	if !c.hintBudget() {
		return ""
	}
	if s := suggest(num, nums()); s != "" {
		return "did you mean clause " + s + "?"
	}
	return ""
}

// maxHints bounds the "did you mean" searches of one check: each costs time
// in proportion to the number of names, and a hostile file could otherwise
// make checking quadratic.
const maxHints = 200

// hintBudget reports whether another "did you mean" search may be made.
func (c *checker) hintBudget() bool {
	if c.hints >= maxHints {
		return false
	}
	c.hints++
	return true
}

// dym returns a "did you mean" hint for name among the candidates, within
// the budget.
func (c *checker) dym(name string, cands func() []string) string {
	if !c.hintBudget() {
		return ""
	}
	return didYouMean(name, cands())
}

// monthNumber returns 1..12 for a month's name in any case, or 0.
func monthNumber(name string) int {
	for i, m := range monthNames {
		if strings.EqualFold(m, name) {
			return i + 1
		}
	}
	return 0
}

// minorUnit returns the smallest unit of a currency with n minor digits:
// "0.01" for 2, "1" for 0.
func minorUnit(n int) string {
	if n <= 0 {
		return "1"
	}
	return "0." + strings.Repeat("0", n-1) + "1"
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func hintOr(hint, fallback string) string {
	if hint != "" {
		return hint
	}
	return fallback
}

func sortStrings(s []string) []string {
	sort.Strings(s)
	return s
}
