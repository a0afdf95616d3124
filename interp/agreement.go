package interp

import (
	"sort"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// agreement is one compiled agreement with every version its amendments
// make.
type agreement struct {
	id, title   string
	info        *lang.AgreementInfo
	effective   types.Date
	ends        types.Date
	hasEnds     bool
	currency    string
	rounding    types.RoundingMode
	unit        types.Decimal
	defaultPerm bool
	// The prose of the header rules, when written (header_prose.go).
	defaultProse, roundingProse, effectiveProse, endsProse string
	fiscalStart                                            int
	// contractStart is the first day of a contract year as MMDD
	// (types.ContractStart): from `contract year starts`, else the effective date.
	contractStart int
	// zone is the agreement's `time zone` (SPEC 11.7), nil if none.
	zone *types.Zone
	// calendars are the business-day calendars the agreement declares.
	calendars   map[string]*types.BusinessCalendar
	schemas     map[string]*schema
	schemaDecls map[*lang.SchemaDecl]*schema
	// items are the record types of the items of list fields (SPEC
	// 4.5.1), by declaration and by name; they are not actions or events.
	items       map[*lang.SchemaDecl]*schema
	itemsByName map[string]*schema
	// kinds and parties of the agreement and of all its amendments
	// (SPEC 9.1: an amendment may declare new ones), for reading fields.
	kinds    map[string]*lang.KindDecl
	parties  map[string]bool
	versions []*version // by effective date; versions[0] is the base
	nclauses int        // distinct clause versions, numbered by ClauseInfo.id
	// terminable is set when a version can end the agreement early or pays
	// on a breach (SPEC 5.6); watched are the clauses whose breaches a
	// settlement keeps track of for that (termination.go).
	terminable bool
	watched    map[string]bool
}

// version is the consolidated agreement from one effective date on.
type version struct {
	from      types.Date
	amendment string // "" for the base agreement
	clauses   []*result.ClauseInfo
	terms     map[string]*lang.TermDecl
	// exceptions are the exceptions to each term in force in this
	// version, by term name (SPEC 4.8).
	exceptions map[string][]*lang.ExceptionDecl
	rules      map[*schema][]*rule
	ends       *endRules // termination clauses (termination.go)
	byID       [][]*rule // rules indexed by Schema.id, for the hot path
	// byParty is byID split by the party a rule is about, in the same
	// order: a decision looks only at the actor's rules.
	byParty [][]partyRules
	hasMust []bool // by Schema.id: whether any rule is an obligation
	// schemaPre are the preconditions of each action and event (SPEC
	// 4.7), by Schema.id, compiled against this version's terms.
	schemaPre [][]*precond
	// prec says which clause overrides which, directly or through a chain
	// of notwithstanding / subject to.
	prec  *precedence
	comp  *compiler
	money *moneyRules
}

// partyRules are the rules of one schema about one party, in clause order.
type partyRules struct {
	party string
	rules []*rule
	// byText indexes rules by the text their condition first tests field
	// textIdx for (rule.preText): byText[t] are, in clause order, the rules
	// that may apply when the field's text is t (those testing for t, and
	// those not testing that field first); other are the latter alone, for
	// any other text. nil when the group is not indexed.
	textIdx int
	byText  map[string][]*rule
	other   []*rule
}

// minTextIndex is the fewest rules testing one text field first for which
// a group is indexed by that field's text.
const minTextIndex = 8

// indexText indexes g by the text field most of its rules test first, when
// enough do and the lists stay within four times the rules in size.
func (g *partyRules) indexText() {
	count := map[int]int{}
	best, bestN := -1, 0
	for _, r := range g.rules {
		if r.preTextIdx < 0 {
			continue
		}
		count[r.preTextIdx]++
		if n := count[r.preTextIdx]; n > bestN || n == bestN && r.preTextIdx < best {
			best, bestN = r.preTextIdx, n
		}
	}
	if bestN < minTextIndex {
		return
	}
	keys := map[string]bool{}
	for _, r := range g.rules {
		if r.preTextIdx == best {
			keys[r.preText] = true
		}
	}
	others := len(g.rules) - bestN
	if len(keys)*others > 4*len(g.rules) {
		return
	}
	g.textIdx, g.byText = best, make(map[string][]*rule, len(keys))
	for _, r := range g.rules {
		if r.preTextIdx == best {
			g.byText[r.preText] = append(g.byText[r.preText], r)
			continue
		}
		g.other = append(g.other, r)
		for k := range keys {
			g.byText[k] = append(g.byText[k], r)
		}
	}
}

// rule is a compiled permission, prohibition or obligation.
type rule struct {
	clause   *result.ClauseInfo
	idx      int // index in version.clauses
	party    string
	modality lang.Modality
	cond     node       // nil: always
	pre      []*precond // the clause's preconditions, checked when it applies
	// pre is the condition's first test when it is `field in [A, B]` or
	// `field == A` on an enum field of the event: the rule is skipped
	// without evaluating cond when the field's member is not in preMask.
	// preIdx is -1 when there is none.
	preIdx  int
	preMask uint64
	// preText is the same for `field == "text"` on a text field: the rule
	// is skipped when the field's text is not preText. preTextIdx is -1
	// when there is none.
	preTextIdx int
	preText    string
	// rest is cond without its first test, for when preIdx or preTextIdx
	// has shown that test true (nil: nothing else to test). The first test
	// is a fused comparison of a field, which cannot fail, so evaluating
	// the rest decides as evaluating the whole would, in the same order.
	rest     node
	from     types.Date
	until    types.Date
	hasFrom  bool
	hasUntil bool
	// deadline is when an obligation (`must`) must have been met: its
	// `by` date, else its `until` date, else the agreement's end.
	deadline    types.Date
	hasDeadline bool
}

func (p *Program) compileAgreement(ai *lang.AgreementInfo) (*agreement, error) {
	a := &agreement{
		id:          ai.Decl.ID.Name,
		info:        ai,
		currency:    ai.Currency,
		defaultPerm: ai.DefaultPermitted,
		fiscalStart: ai.FiscalStart,
		schemas:     map[string]*schema{},
		schemaDecls: map[*lang.SchemaDecl]*schema{},
	}
	if ai.Decl.Title != nil {
		a.title = ai.Decl.Title.Value
	}
	a.headerProse(ai.Decl)
	if a.fiscalStart == 0 {
		a.fiscalStart = 1
	}
	var err error
	if a.effective, err = types.ParseDate(ai.Effective); err != nil {
		return nil, atPos(ai.Decl.Pos(), err)
	}
	a.contractStart = types.ContractStart(a.effective)
	if ai.ContractStart != "" {
		cs, err := types.ParseDate(ai.ContractStart)
		if err != nil {
			return nil, atPos(ai.Decl.Pos(), err)
		}
		a.contractStart = types.ContractStart(cs)
	}
	if ai.TimeZone != "" {
		z, err := types.LoadZone(ai.TimeZone)
		if err != nil {
			return nil, atPos(ai.Decl.Pos(), err)
		}
		a.zone = &z
	}
	if a.calendars, err = p.compileCalendars(ai); err != nil {
		return nil, err
	}
	if ai.Ends != "" {
		if a.ends, err = types.ParseDate(ai.Ends); err != nil {
			return nil, atPos(ai.Decl.Pos(), err)
		}
		a.hasEnds = true
	}
	mode, ok := types.ParseRoundingMode(ai.RoundingMode)
	if !ok {
		mode = types.HalfEven
	}
	a.rounding = mode
	unit := ai.RoundingUnit
	if unit == "" {
		unit = "0.01"
	}
	if a.unit, err = types.ParseDecimal(unit); err != nil {
		return nil, atPos(ai.Decl.Pos(), err)
	}
	// The schemas, kinds and parties of the agreement, then those its
	// amendments add: a ledger row or an action may name any of them.
	decls := map[string]*lang.SchemaDecl{}
	for name, d := range ai.Schemas {
		decls[name] = d
	}
	a.kinds = map[string]*lang.KindDecl{}
	for name, k := range ai.Kinds {
		a.kinds[name] = k
	}
	a.parties = map[string]bool{}
	for name := range ai.Parties {
		a.parties[name] = true
	}
	for _, am := range ai.Amendments {
		for _, it := range am.Items {
			switch it := it.(type) {
			case *lang.SchemaDecl:
				if _, dup := decls[it.Name.Name]; !dup {
					decls[it.Name.Name] = it
				}
			case *lang.KindDecl:
				if _, dup := a.kinds[it.Name.Name]; !dup {
					a.kinds[it.Name.Name] = it
				}
			case *lang.PartyDecl:
				a.parties[it.ID.Name] = true
			}
		}
	}
	names := make([]string, 0, len(decls))
	for name := range decls {
		names = append(names, name)
	}
	sort.Strings(names)
	for i, name := range names {
		decl := decls[name]
		s := buildSchema(decl)
		s.agreement, s.id = a, i
		a.schemas[name] = s
		a.schemaDecls[decl] = s
	}

	a.buildItems(decls)
	a.resolveFieldTypes()

	// The base version, then one per amendment in effective-date order.
	base := &version{from: a.effective, terms: map[string]*lang.TermDecl{}, exceptions: map[string][]*lang.ExceptionDecl{}}
	for _, it := range ai.Decl.Items {
		switch it := it.(type) {
		case *lang.TermDecl:
			base.terms[it.Name.Name] = it
		case *lang.ExceptionDecl:
			base.exceptions[it.Term.Name] = append(base.exceptions[it.Term.Name], it)
		case *lang.ClauseDecl:
			base.clauses = append(base.clauses, a.clauseInfo(it, ""))
		}
	}
	versions := []*version{base}
	prev := base
	for _, am := range ai.Amendments {
		v, err := a.amend(prev, am)
		if err != nil {
			return nil, err
		}
		versions = append(versions, v)
		prev = v
	}
	seen := map[*result.ClauseInfo]bool{}
	for _, v := range versions {
		for _, c := range v.clauses {
			if !seen[c] {
				seen[c] = true
				c.Index = a.nclauses
				a.nclauses++
			}
		}
	}
	for _, v := range versions {
		if err := p.compileVersion(a, v); err != nil {
			return nil, err
		}
	}
	a.versions = versions
	return a, nil
}

func (a *agreement) clauseInfo(d *lang.ClauseDecl, amendment string) *result.ClauseInfo {
	ci := &result.ClauseInfo{Num: d.Num.Num, Agreement: a.id, Amendment: amendment, Pos: d.Pos(), Decl: d}
	if d.Title != nil {
		ci.Title = d.Title.Value
	}
	return ci
}

// amend applies an amendment to the previous version: added and replaced
// clauses, deleted clauses, added and replaced terms.
func (a *agreement) amend(prev *version, am *lang.Amendment) (*version, error) {
	v := &version{amendment: am.ID.Name, terms: map[string]*lang.TermDecl{}, exceptions: map[string][]*lang.ExceptionDecl{}}
	for k, t := range prev.terms {
		v.terms[k] = t
	}
	for k, es := range prev.exceptions {
		v.exceptions[k] = es
	}
	clauses := append([]*result.ClauseInfo(nil), prev.clauses...)
	for _, it := range am.Items {
		switch it := it.(type) {
		case *lang.Effective:
			d, err := types.ParseDate(it.Date.Text)
			if err != nil {
				return nil, atPos(it.Pos(), err)
			}
			v.from = d
		case *lang.TermDecl:
			v.terms[it.Name.Name] = it
		case *lang.ExceptionDecl:
			// A new slice: the previous version keeps its own.
			es := v.exceptions[it.Term.Name]
			v.exceptions[it.Term.Name] = append(es[:len(es):len(es)], it)
		case *lang.ClauseDecl:
			ci := a.clauseInfo(it, am.ID.Name)
			replaced := false
			if it.Replace {
				for i, c := range clauses {
					if c.Num == ci.Num {
						clauses[i] = ci
						replaced = true
					}
				}
			}
			if !replaced {
				clauses = append(clauses, ci)
			}
		case *lang.DeleteClause:
			out := clauses[:0:0]
			for _, c := range clauses {
				if c.Num != it.Num.Num {
					out = append(out, c)
				}
			}
			clauses = out
		}
	}
	v.clauses = clauses
	return v, nil
}

// compileVersion compiles the deontic rules of v and its precedence order.
func (p *Program) compileVersion(a *agreement, v *version) error {
	v.comp = &compiler{
		fiscal:     a.fiscalStart,
		contract:   a.contractStart,
		zone:       a.zone,
		calendars:  a.calendars,
		info:       p.info,
		funcs:      p.funcs,
		schemas:    a.schemaDecls,
		items:      a.items,
		terms:      v.terms,
		done:       map[*lang.TermDecl]*term{},
		exceptions: v.exceptions,
	}
	v.rules = map[*schema][]*rule{}
	prec, err := buildPrecedence(v.clauses)
	if err != nil {
		return err
	}
	v.prec = prec
	for i, c := range v.clauses {
		d, ok := c.Decl.Body.(*lang.Deontic)
		if !ok {
			continue
		}
		obj, ok := p.info.Uses[d.Action].(*lang.SchemaObj)
		if !ok {
			return internal(d.Pos(), "unresolved action "+d.Action.Name)
		}
		s := a.schemaDecls[obj.Decl]
		r := &rule{clause: c, idx: i, party: d.Party.Name, modality: d.Modality, preIdx: -1, preTextIdx: -1}
		if len(c.Decl.Requires) > 0 {
			comp := *v.comp
			comp.event = s
			pre, err := comp.preconds(c.Decl.Requires, "clause "+c.Num)
			if err != nil {
				return err
			}
			r.pre = pre
		}
		if d.Where != nil {
			comp := *v.comp
			comp.event = s
			cond, err := comp.expr(d.Where)
			if err != nil {
				return err
			}
			r.cond = cond
			r.preIdx, r.preMask = prefilter(cond)
			r.preTextIdx, r.preText = prefilterText(cond)
			if r.preIdx >= 0 || r.preTextIdx >= 0 {
				r.rest = dropFirstTest(cond)
			}
		}
		var err error
		if d.From != nil {
			if r.from, err = types.ParseDate(d.From.Text); err != nil {
				return atPos(d.From.Pos(), err)
			}
			r.hasFrom = true
		}
		if d.Until != nil {
			if r.until, err = types.ParseDate(d.Until.Text); err != nil {
				return atPos(d.Until.Pos(), err)
			}
			r.hasUntil = true
		}
		if d.Modality == lang.Must {
			switch {
			case d.By != nil:
				if r.deadline, err = types.ParseDate(d.By.Text); err != nil {
					return atPos(d.By.Pos(), err)
				}
				r.hasDeadline = true
			case r.hasUntil:
				r.deadline, r.hasDeadline = r.until, true
			case a.hasEnds:
				r.deadline, r.hasDeadline = a.ends, true
			}
		}
		v.rules[s] = append(v.rules[s], r)
	}
	if err := p.compileSchemaPre(a, v); err != nil {
		return err
	}
	v.byID = make([][]*rule, len(a.schemaDecls))
	v.hasMust = make([]bool, len(a.schemaDecls))
	for sc, rs := range v.rules {
		for _, r := range rs {
			if r.modality == lang.Must {
				v.hasMust[sc.id] = true
			}
		}
		sort.SliceStable(rs, func(i, j int) bool { return lang.CompareClauseNums(rs[i].clause.Num, rs[j].clause.Num) < 0 })
		v.byID[sc.id] = rs
	}
	v.byParty = make([][]partyRules, len(a.schemaDecls))
	for id, rs := range v.byID {
		var groups []partyRules
	rules:
		for _, r := range rs {
			for g := range groups {
				if groups[g].party == r.party {
					groups[g].rules = append(groups[g].rules, r)
					continue rules
				}
			}
			groups = append(groups, partyRules{party: r.party, rules: []*rule{r}})
		}
		for g := range groups {
			groups[g].indexText()
		}
		v.byParty[id] = groups
	}
	if err := p.compileMoney(a, v); err != nil {
		return err
	}
	return p.compileEnds(a, v)
}

// versionAt returns the version in force on d, or nil before the
// agreement's effective date.
func (a *agreement) versionAt(d types.Date) *version {
	i := sort.Search(len(a.versions), func(i int) bool { return a.versions[i].from.After(d) })
	if i == 0 {
		return nil
	}
	return a.versions[i-1]
}

// prefilter returns the field and members of the first test a condition
// makes, when it is an enum field of the event in a constant set: if the
// field's member is not in the set the condition is false, and nothing
// before the test could have failed. It returns -1 otherwise.
// dropFirstTest returns the condition `a and b and ...` without its first
// test a (conjunctions nest to the left: ((a and b) and c)), or nil when
// cond is that test alone.
func dropFirstTest(cond node) node {
	a, ok := cond.(*andNode)
	if !ok {
		return nil
	}
	if x := dropFirstTest(a.x); x != nil {
		return &andNode{x, a.y}
	}
	return a.y
}

// prefilterText is prefilter for a first test `field == "text"` on a text
// field: the field's index and the text, or -1.
func prefilterText(cond node) (int, string) {
	for {
		a, ok := cond.(*andNode)
		if !ok {
			break
		}
		cond = a.x
	}
	if n, ok := cond.(*fieldTextEqNode); ok && !n.negate {
		return n.idx, n.s
	}
	return -1, ""
}

func prefilter(cond node) (int, uint64) {
	for {
		a, ok := cond.(*andNode)
		if !ok {
			break
		}
		cond = a.x
	}
	switch n := cond.(type) {
	case *fieldEnumInNode:
		if !n.negate {
			return n.idx, n.mask
		}
	case *fieldEnumEqNode:
		if !n.negate && n.member >= 0 && n.member < 64 {
			return n.idx, 1 << uint(n.member)
		}
	}
	return -1, 0
}
