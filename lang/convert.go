package lang

import (
	"github.com/alecthomas/participle/v2/lexer"
)

// treeBuilder turns participle's grammar structs into the syntax tree. It
// also reports what the grammar lets through but the tree cannot hold: a
// modifier given twice, a share modifier on a payment, a fiscal week.
type treeBuilder struct {
	errs *ErrorList
}

func (c *treeBuilder) decl(d *gDecl) Decl {
	switch {
	case d == nil:
		return nil
	case d.Agreement != nil:
		a := d.Agreement
		out := c.agreementHead(a.Pos, a.Head)
		out.Items = c.items(a.Items)
		out.End = tokPos(a.Close.Pos)
		return out
	case d.Amendment != nil:
		a := d.Amendment
		out := c.amendmentHead(a.Pos, a.Head)
		out.Items = c.items(a.Items)
		out.End = tokPos(a.Close.Pos)
		return out
	}
	return nil
}

func (c *treeBuilder) agreementHead(at lexer.Position, h *gAgreementHead) *Agreement {
	return &Agreement{At: tokPos(at), ID: identTok(&h.ID), Title: stringTok(&h.Title)}
}

func (c *treeBuilder) amendmentHead(at lexer.Position, h *gAmendmentHead) *Amendment {
	return &Amendment{At: tokPos(at), ID: identTok(&h.ID), Title: stringTok(&h.Title), Base: identTok(&h.Base)}
}

func (c *treeBuilder) items(gs []*gItem) []Item {
	out := make([]Item, 0, len(gs))
	for _, g := range gs {
		if it := c.item(g); it != nil {
			out = append(out, it)
		}
	}
	return out
}

func (c *treeBuilder) item(g *gItem) Item {
	it := c.item1(g)
	c.headerProse(it, g)
	return it
}

func (c *treeBuilder) item1(g *gItem) Item {
	switch {
	case g == nil:
		return nil
	case g.Effective != nil:
		return &Effective{At: tokPos(g.Effective.Pos), Date: dateTok(&g.Effective.Date)}
	case g.Ends != nil:
		return &Ends{At: tokPos(g.Ends.Pos), Date: dateTok(&g.Ends.Date)}
	case g.Currency != nil:
		return &CurrencyDecl{At: tokPos(g.Currency.Pos), Code: identTok(&g.Currency.Code)}
	case g.Rounding != nil:
		r := g.Rounding
		return &RoundingDecl{At: tokPos(r.Pos), Mode: identTok(&r.Mode),
			Unit: &DecimalLit{At: tokPos(r.Unit.Pos), Text: r.Unit.Value}}
	case g.Default != nil:
		return &DefaultDecl{At: tokPos(g.Default.Pos), Permitted: g.Default.Permitted}
	case g.Fiscal != nil:
		return &FiscalYearDecl{At: tokPos(g.Fiscal.Pos), Month: identTok(&g.Fiscal.Month)}
	case g.Calendar != nil:
		return c.calendar(g.Calendar)
	case g.TimeZone != nil:
		return c.timeZone(g.TimeZone)
	case g.Contract != nil:
		return &ContractYearDecl{At: tokPos(g.Contract.Pos), Start: dateTok(&g.Contract.Date)}
	case g.Party != nil:
		return &PartyDecl{At: tokPos(g.Party.Pos), ID: identTok(&g.Party.ID), Name: stringTok(&g.Party.Name)}
	case g.Kind != nil:
		k := &KindDecl{At: tokPos(g.Kind.Pos), Name: identTok(&g.Kind.Name)}
		for _, m := range g.Kind.Members {
			k.Members = append(k.Members, &Ident{At: tokPos(m.Pos), Name: m.Name})
		}
		return k
	case g.Schema != nil:
		s := &SchemaDecl{At: tokPos(g.Schema.Pos), Event: g.Schema.Event, Name: identTok(&g.Schema.Name),
			End: tokPos(g.Schema.Close.Pos)}
		for _, f := range g.Schema.Fields {
			s.Fields = append(s.Fields, fieldDeclOf(f))
		}
		s.Requires = requiresOf(g.Schema.Requires)
		return s
	case g.Term != nil:
		return c.term(g.Term.Pos, false, g.Term)
	case g.Clause != nil:
		return c.clause(g.Clause.Pos, false, g.Clause)
	case g.Replace != nil:
		if g.Replace.Term != nil {
			return c.term(g.Replace.Pos, true, g.Replace.Term)
		}
		if g.Replace.Clause != nil {
			return c.clause(g.Replace.Pos, true, g.Replace.Clause)
		}
	case g.Delete != nil:
		return &DeleteClause{At: tokPos(g.Delete.Pos), Num: clauseRefOf(g.Delete.Num)}
	case g.Test != nil:
		return c.test(g.Test)
	case g.Exception != nil:
		return c.exception(g.Exception)
	case g.Requires != nil:
		c.strayRequires(g.Requires)
	}
	return nil
}

func (c *treeBuilder) term(at lexer.Position, replace bool, g *gTerm) *TermDecl {
	t := &TermDecl{At: tokPos(at), Replace: replace, Name: identTok(&g.Name), Body: g.Body}
	if g.Params != nil {
		t.Params = []*Param{}
		for _, p := range g.Params.List {
			t.Params = append(t.Params, &Param{At: tokPos(p.Pos), Name: identTok(&p.Name), Type: typeExprOf(p.Type)})
		}
	}
	t.Requires = requiresOf(g.Requires)
	if g.Prose != nil {
		t.Prose = stringTok(g.Prose)
	}
	return t
}

func (c *treeBuilder) clause(at lexer.Position, replace bool, g *gClause) *ClauseDecl {
	cl := &ClauseDecl{At: tokPos(at), Replace: replace, Num: clauseRefOf(g.Num), Title: stringTok(&g.Title)}
	for _, n := range g.Notwithstanding {
		cl.Notwithstanding = append(cl.Notwithstanding, clauseRefOf(n))
	}
	for _, n := range g.SubjectTo {
		cl.SubjectTo = append(cl.SubjectTo, clauseRefOf(n))
	}
	if g.Prose != nil {
		cl.Prose = stringTok(g.Prose)
	}
	cl.Requires = requiresOf(g.Requires)
	if g.Survives != nil {
		at := tokPos(g.Survives.Pos)
		cl.Survives = &at
	}
	if g.Split != nil {
		cl.Body = c.splitDecl(g.Split)
	} else if g.Joint != nil {
		cl.Body = c.joint(g.Joint)
	} else if g.AutoTerm != nil {
		cl.Body = c.autoTermination(g.AutoTerm)
	} else {
		cl.Body = c.body(g.Body)
	}
	return cl
}

func (c *treeBuilder) body(g *gBody) ClauseBody {
	if g == nil {
		return nil
	}
	at := tokPos(g.Party.Pos)
	party := identTok(&g.Party)
	if g.Terminate != nil {
		return c.terminationRight(g.Terminate, at, party)
	}
	if d := g.Deontic; d != nil {
		out := &Deontic{At: at, Party: party, Action: identTok(&d.Action), Where: d.Where}
		switch {
		case d.Must && d.Not:
			out.Modality = MustNot
		case d.Must:
			out.Modality = Must
		default:
			out.Modality = May
		}
		for _, b := range d.Bounds {
			date := dateTok(&b.Date)
			var slot **DateLit
			switch b.Kind {
			case "from":
				slot = &out.From
			case "until":
				slot = &out.Until
			default:
				slot = &out.By
			}
			if *slot != nil {
				c.errs.Add(tokPos(b.Pos), "%q is given twice in this clause", b.Kind)
				continue
			}
			*slot = date
		}
		return out
	}
	p := g.Pays
	if p == nil {
		return nil
	}
	payee := c.payee(p.Payee)
	var mods modSlots
	var out ClauseBody
	switch {
	case p.Block != nil:
		s := &Share{At: at, Payer: party, Payee: payee}
		c.shareHead(s, p.Block.Head)
		for _, l := range p.Block.Lines {
			s.Lines = append(s.Lines, c.shareLine(l))
		}
		out, mods = s, shareSlots(s)
	case p.Tiered != nil:
		s := &Share{At: at, Payer: party, Payee: payee, Inline: true}
		s.Lines = []*ShareLine{{At: tokPos(p.Tiered.Tiers.Pos), Rate: c.tiers(p.Tiered.Tiers), Base: p.Tiered.Base}}
		c.shareHead(s, p.Tiered.Head)
		out, mods = s, shareSlots(s)
	case p.Amount != nil && p.Tail != nil:
		amt, _ := p.Amount.(*amountSplit)
		if amt == nil {
			return nil
		}
		t := p.Tail
		switch {
		case t.Share != nil:
			s := &Share{At: at, Payer: party, Payee: payee, Inline: true}
			rate := amt.Rate
			base := amt.Base
			if rate == nil { // cannot happen: parseAmountTok splits when `of each` follows
				rate, base = amt.Amount, nil
			}
			s.Lines = []*ShareLine{{At: rate.Pos(), Rate: &FlatRate{At: rate.Pos(), Value: rate}, Base: base}}
			c.shareHead(s, t.Share)
			out, mods = s, shareSlots(s)
		case t.On != nil && t.On.Breach != nil:
			e := t.On.Breach
			m := &Milestone{At: at, Payer: party, Payee: payee, Amount: amt.Amount, First: e.First,
				Breach: clauseRefOf(e.Clause), Where: e.Where}
			out, mods = m, modSlots{kind: "milestone", due: &m.Due, late: &m.Late}
		case t.On != nil && t.On.Event != nil:
			e := t.On.Event
			m := &Milestone{At: at, Payer: party, Payee: payee, Amount: amt.Amount, First: e.First,
				Event: identTok(&e.Event), Where: e.Where}
			out, mods = m, modSlots{kind: "milestone", due: &m.Due, late: &m.Late}
		case t.On != nil:
			pm := &Payment{At: at, Payer: party, Payee: payee, Amount: amt.Amount}
			for _, d := range t.On.Dates {
				pm.Dates = append(pm.Dates, &DateLit{At: tokPos(d.Pos), Text: d.Text})
			}
			out, mods = pm, modSlots{kind: "payment", due: &pm.Due, late: &pm.Late}
		case t.Inst != nil:
			in := &Installments{At: at, Payer: party, Payee: payee, Total: amt.Amount,
				Count: &IntLit{At: tokPos(t.Inst.Count.Pos), Text: t.Inst.Count.Value},
				Every: c.adverb(t.Inst.Every), From: dateTok(&t.Inst.From)}
			out, mods = in, modSlots{kind: "installments", due: &in.Due, late: &in.Late}
		default:
			return nil
		}
	default:
		return nil
	}
	for _, m := range p.Mods {
		c.mod(m, &mods)
	}
	canonicalDue(out)
	return out
}

// canonicalDue makes explicit what a `due within N` counts from (SPEC
// 6.1), as the formatter writes it: the anchor of a payment, installments
// or a milestone (`after the payment date`, …) when it was left out, and
// `after period end` for a share's `due within N`, which means the same.
// A tree is thus the same whichever form was written.
func canonicalDue(body ClauseBody) {
	var d *Due
	share := false
	switch b := body.(type) {
	case *Payment:
		d = b.Due
	case *Installments:
		d = b.Due
	case *Milestone:
		d = b.Due
	case *Share:
		d, share = b.Due, true
	case *JointLimit:
		d, share = b.Due, true // a floor's true-up is due after its window
	}
	if d == nil || d.After == nil && d.Business == nil || d.PeriodEnd || d.Anchor != nil {
		return
	}
	if share {
		d.PeriodEnd = true
		return
	}
	if text := DueAnchorText(body); text != "" {
		d.Anchor = &DueAnchor{At: d.At, Text: text}
	}
}

// modSlots are where a clause keeps its modifiers; nil slots are not
// allowed for that kind of clause.
type modSlots struct {
	kind      string
	settled   **PeriodUnit
	due       **Due
	limits    *[]*Limit
	guarantee **Guarantee
	recoup    **Recoup
	late      *[]*Late
}

func shareSlots(s *Share) modSlots {
	return modSlots{kind: "share", settled: &s.Settled, due: &s.Due, limits: &s.Limits,
		guarantee: &s.Guarantee, recoup: &s.Recoup, late: &s.Late}
}

func (c *treeBuilder) mod(m *gMod, slots *modSlots) {
	at := tokPos(m.Pos)
	onlyShares := func(what string) bool {
		if slots.kind != "share" {
			c.errs.Add(at, "%q can only be used in a share clause, not in a %s clause", what, slots.kind)
			return false
		}
		return true
	}
	twice := func(what string) {
		c.errs.Add(at, "%q is given twice in this clause", what)
	}
	switch {
	case m.Settled != nil:
		if !onlyShares("settled") {
			return
		}
		if *slots.settled != nil {
			twice("settled")
			return
		}
		*slots.settled = c.adverb(m.Settled)
	case m.Due != nil:
		if d := *slots.due; d != nil && (d.After != nil || d.Business != nil) {
			twice("due")
			return
		}
		d := &Due{At: at}
		if old := *slots.due; old != nil {
			d.Adjust = old.Adjust // `adjusted to ...` written before `due`
		}
		switch {
		case m.Due.Within != nil:
			d.After = durationTok(m.Due.Within)
		case m.Due.WithinBiz != nil:
			d.Business = c.businessDays(m.Due.WithinBiz)
		case m.Due.After != nil:
			d.After = durationTok(m.Due.After)
			d.PeriodEnd = true
		case m.Due.AfterBiz != nil:
			d.Business = c.businessDays(m.Due.AfterBiz)
			d.PeriodEnd = true
		}
		if a := m.Due.Anchor; a != nil {
			d.Anchor = &DueAnchor{At: tokPos(a.Pos)}
			switch {
			case a.Each:
				d.Anchor.Text = "each installment date"
			case a.Name != nil && a.Date:
				d.Anchor.Text = "the " + a.Name.Value + " date"
			case a.Name != nil:
				d.Anchor.Text = "the " + a.Name.Value
			}
		}
		*slots.due = d
	case m.Adjust != nil:
		c.adjust(at, m.Adjust, slots.due)
	case m.Limit != nil:
		what := "at most"
		if m.Limit.Least {
			what = "at least"
		}
		if !onlyShares(what) {
			return
		}
		l := &Limit{At: at, Floor: m.Limit.Least, Amount: m.Limit.Amount}
		if m.Limit.Per != nil {
			l.Per = c.unit(m.Limit.Per)
		}
		*slots.limits = append(*slots.limits, l)
	case m.Guarantee != nil:
		if !onlyShares("minimum guarantee") {
			return
		}
		if *slots.guarantee != nil {
			twice("minimum guarantee")
			return
		}
		*slots.guarantee = &Guarantee{At: at, Amount: m.Guarantee.Amount, Per: c.unit(m.Guarantee.Per)}
	case m.Recoup != nil:
		if !onlyShares("recouping") {
			return
		}
		if *slots.recoup != nil {
			twice("recouping")
			return
		}
		*slots.recoup = &Recoup{At: at, Amount: m.Recoup}
	case m.Late != nil:
		l := &Late{At: at, Penalty: m.Late.Penalty, Amount: m.Late.Amount, Per: c.unit(m.Late.Per), Cap: m.Late.Cap}
		c.delay(l, m.Late)
		*slots.late = append(*slots.late, l)
	}
}

func (c *treeBuilder) shareHead(s *Share, h *gShareHead) {
	if h == nil {
		return
	}
	s.Action = identTok(&h.Action)
	c.countRule(s, h)
	if h.By != nil {
		s.By = identTok(h.By)
	}
	s.Where = h.Where
}

func (c *treeBuilder) shareLine(g *gShareLine) *ShareLine {
	l := &ShareLine{At: tokPos(g.Pos), Base: g.Base, Where: g.Where, Otherwise: g.Otherwise}
	if g.Breach != nil {
		l.AfterBreach = clauseRefOf(g.Breach.Clause)
	}
	if g.Rate != nil {
		switch {
		case g.Rate.Tiers != nil:
			l.Rate = c.tiers(g.Rate.Tiers)
		case g.Rate.Flat != nil:
			l.Rate = &FlatRate{At: g.Rate.Flat.Pos(), Value: g.Rate.Flat}
		}
	}
	return l
}

func (c *treeBuilder) tiers(g *gTiers) *Tiers {
	t := &Tiers{At: tokPos(g.Pos), Whole: g.Whole, Cumulative: g.Cumulative, End: tokPos(g.Close.Pos)}
	if g.Reset != nil {
		t.Reset = c.adverb(g.Reset)
	}
	for _, tr := range g.Tiers {
		if tr.ByBand != nil {
			t.Tiers = append(t.Tiers, c.tierBand(tr))
			continue
		}
		t.Tiers = append(t.Tiers, &Tier{At: tokPos(tr.Pos), Rate: tr.Rate, UpTo: tr.UpTo})
	}
	return t
}

func (c *treeBuilder) payee(g *gPayee) Payee {
	switch {
	case g == nil:
		return nil
	case g.Split != nil:
		return c.split(g.Split)
	case g.Waterfall != nil:
		w := &Waterfall{At: tokPos(g.Waterfall.Pos), End: tokPos(g.Waterfall.Close.Pos)}
		for _, st := range g.Waterfall.Steps {
			s := &Step{At: tokPos(st.Pos), UpTo: st.UpTo}
			if st.Split != nil {
				s.Split = c.split(st.Split)
			} else if st.Party != nil {
				s.Party = identTok(st.Party)
			}
			w.Steps = append(w.Steps, s)
		}
		return w
	case g.Party != nil:
		return &PartyPayee{At: tokPos(g.Party.Pos), Party: identTok(g.Party)}
	}
	return nil
}

// unit converts `per [fiscal] UNIT`. Only quarters and years can be fiscal.
func (c *treeBuilder) unit(g *gUnit) *PeriodUnit {
	if g == nil {
		return nil
	}
	u := &PeriodUnit{At: tokPos(g.Pos), Fiscal: g.Fiscal, Unit: g.Unit, Contract: g.Contract}
	switch {
	case g.Half:
		u.Unit = "half"
	case g.Contract:
		u.Unit = "year"
	}
	switch {
	case g.Fiscal && g.Contract:
		c.errs.Add(tokPos(g.Pos), "a contract year cannot be fiscal: it starts on the day `contract year starts` gives")
	case g.Fiscal && u.Unit != "quarter" && u.Unit != "half" && u.Unit != "year":
		c.errs.Add(tokPos(g.Pos), "only a quarter, a half-year or a year can be fiscal, not a %s", u.Unit)
	}
	return u
}

// adverb converts `[fiscal] monthly|quarterly|yearly|annually`.
func (c *treeBuilder) adverb(g *gAdverb) *PeriodUnit {
	if g == nil {
		return nil
	}
	u := &PeriodUnit{At: tokPos(g.Pos), Fiscal: g.Fiscal, Adverb: true}
	switch {
	case g.Semi != nil:
		u.Unit = "half"
	case g.Contract != nil:
		u.Unit, u.Contract = "year", true
		if g.Fiscal {
			c.errs.Add(tokPos(g.Pos), "a contract year cannot be fiscal: it starts on the day `contract year starts` gives")
		}
	case g.Word == "monthly":
		u.Unit = "month"
	case g.Word == "quarterly":
		u.Unit = "quarter"
	default: // yearly, annually
		u.Unit = "year"
	}
	if g.Fiscal && u.Unit == "month" {
		c.errs.Add(tokPos(g.Pos), "only quarterly, semi-annual and yearly periods can be fiscal")
	}
	return u
}

func (c *treeBuilder) test(g *gTest) *TestDecl {
	t := &TestDecl{At: tokPos(g.Pos), Name: stringTok(&g.Name), End: tokPos(g.Close.Pos)}
	for _, s := range g.Stmts {
		if st := c.testStmt(s); st != nil {
			t.Stmts = append(t.Stmts, st)
		}
	}
	return t
}

func (c *treeBuilder) testStmt(g *gTestStmt) TestStmt {
	at := tokPos(g.Pos)
	switch {
	case g.AsOf != nil:
		return &AsOf{At: at, Date: dateTok(g.AsOf)}
	case g.Given != nil:
		return &Given{At: at, Name: identTok(&g.Given.Name), Value: g.Given.Value}
	case g.Pays != nil:
		p := g.Pays
		out := &ExpectPays{At: at, Payer: identTok(&p.Payer), Payee: identTok(&p.Payee), Amount: p.Amount, Period: p.Period}
		if p.Clause != nil {
			out.Clause = clauseRefOf(p.Clause)
		}
		if p.Due != nil {
			out.Due = dateTok(p.Due)
		}
		return out
	case g.Owes != nil:
		return c.expectOwes(at, g.Owes)
	case g.Unmet != nil:
		return &ExpectUnmet{At: at, Clause: clauseRefOf(g.Unmet.Clause), AsOf: dateTok(&g.Unmet.AsOf)}
	case g.Expect != nil:
		e := g.Expect
		if e.Fails != nil {
			return &ExpectFails{At: at, Subject: e.Subject, Message: stringTok(&e.Fails.Message)}
		}
		if e.Verdict == nil {
			return &Expect{At: at, Cond: e.Subject}
		}
		out := &ExpectVerdict{At: at, Subject: e.Subject}
		switch v := e.Verdict; {
		case v.Prohibited:
			out.Verdict = Prohibited
		case v.Conflict:
			out.Verdict = Conflict
		case v.NotCovered:
			out.Verdict = NotCovered
		default:
			out.Verdict = Permitted
		}
		if e.Verdict.Clause != nil {
			out.Clause = clauseRefOf(e.Verdict.Clause)
		}
		return out
	}
	return nil
}

func clauseRefOf(g *gClauseNo) *ClauseRef {
	if g == nil {
		return nil
	}
	return &ClauseRef{At: tokPos(g.Pos), Num: g.Num}
}

func dateTok(t *lexer.Token) *DateLit { return &DateLit{At: tokPos(t.Pos), Text: t.Value} }

func typeExprOf(t typeSyntax) *TypeExpr {
	te, _ := t.(*TypeExpr)
	return te
}
