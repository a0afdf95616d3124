package lang

// This file prints clause bodies: permissions, payments, installments,
// milestones and shares with their payees, tiers and modifiers.

import "sort"

// clauseBody prints a clause body starting on the current line; ind is the
// body's indentation.
func (p *fmtPrinter) clauseBody(b ClauseBody, ind int) {
	open := fmtCtx{open: true}
	p.at(b.Pos())
	switch b := b.(type) {
	case *Deontic:
		p.ident(b.Party)
		p.str(" " + b.Modality.String() + " ")
		p.ident(b.Action)
		if b.Where != nil {
			p.str(" where ")
			p.expr(b.Where, open)
		}
		var ms []fmtMod
		add := func(kw string, d *DateLit) {
			if d != nil {
				ms = append(ms, fmtMod{d.At, func() { p.str(" " + kw + " "); p.date(d) }})
			}
		}
		add("from", b.From)
		add("until", b.Until)
		add("by", b.By)
		fmtRunMods(ms)
	case *Payment:
		p.payer(b.Payer, b.Payee, ind)
		p.str(" ")
		p.expr(b.Amount, open)
		p.str(" on ")
		for i, d := range b.Dates {
			if i > 0 {
				p.str(", ")
			}
			p.date(d)
		}
		p.payMods(b, b.Due, b.Late, ind)
	case *Installments:
		p.payer(b.Payer, b.Payee, ind)
		p.str(" ")
		p.expr(b.Total, open)
		p.str(" in ")
		if b.Count != nil {
			p.expr(b.Count, open)
		}
		p.str(" equal ")
		if b.Every != nil && b.Every.Unit == "half" {
			p.at(b.Every.At)
			if b.Every.Fiscal {
				p.str("fiscal ")
			}
			p.str("semi-annual")
		} else {
			p.periodUnit(b.Every, true)
		}
		p.str(" installments from ")
		p.date(b.From)
		p.payMods(b, b.Due, b.Late, ind)
	case *Milestone:
		p.payer(b.Payer, b.Payee, ind)
		p.str(" ")
		p.expr(b.Amount, open)
		if b.First {
			p.str(" on first ")
		} else {
			p.str(" on each ")
		}
		if b.Breach != nil {
			p.str("breach of ")
			p.clauseRef(b.Breach)
		} else {
			p.ident(b.Event)
		}
		if b.Where != nil {
			p.str(" where ")
			p.expr(b.Where, open)
		}
		p.payMods(b, b.Due, b.Late, ind)
	case *Share:
		p.share(b, ind)
	case *SplitDecl:
		p.splitDecl(b, ind)
	case *JointLimit:
		p.joint(b, ind)
	case *TerminationRight:
		p.terminationRight(b)
	case *AutoTermination:
		p.str("terminates on event ")
		p.ident(b.Event)
		if b.Where != nil {
			p.str(" where ")
			p.expr(b.Where, open)
		}
	}
}

// fmtMod is a modifier printed in source order.
type fmtMod struct {
	at    Pos
	print func()
}

// fmtRunMods prints modifiers in source order (the order of ms when the tree
// has no positions).
func fmtRunMods(ms []fmtMod) {
	sort.SliceStable(ms, func(i, j int) bool { return fmtPosLess(ms[i].at, ms[j].at) })
	for _, m := range ms {
		m.print()
	}
}

// payer prints `PAYER pays PAYEE`.
func (p *fmtPrinter) payer(payer *Ident, payee Payee, ind int) {
	p.ident(payer)
	p.str(" pays ")
	p.payee(payee, ind)
}

func (p *fmtPrinter) payee(pe Payee, ind int) {
	switch pe := pe.(type) {
	case *PartyPayee:
		p.at(pe.At)
		p.ident(pe.Party)
	case *Split:
		p.split(pe, ind)
	case *Waterfall:
		p.at(pe.At)
		p.str("waterfall")
		b := p.open(pe.At, ind+1, false)
		for _, s := range pe.Steps {
			if s == nil {
				continue
			}
			p.line(ind + 1)
			p.at(s.At)
			if s.Split != nil {
				p.split(s.Split, ind+1)
			} else {
				p.ident(s.Party)
			}
			if s.UpTo != nil {
				p.str(" up to ")
				p.expr(s.UpTo, fmtCtx{open: true})
			} else {
				p.str(" rest")
			}
		}
		p.close(b, pe.End, ind)
	}
}

// payMods prints the due and late modifiers of a payment, one per line.
func (p *fmtPrinter) payMods(body Node, due *Due, late []*Late, ind int) {
	var ms []fmtMod
	if due != nil {
		ms = append(ms, fmtMod{due.At, func() { p.line(ind + 1); p.due(due, body) }})
	}
	for _, l := range late {
		if l != nil {
			ms = append(ms, fmtMod{l.At, func() { p.line(ind + 1); p.late(l) }})
		}
	}
	fmtRunMods(ms)
}

func (p *fmtPrinter) due(d *Due, body Node) {
	if d.After == nil && d.Business == nil {
		p.adjust(d.Adjust)
		return
	}
	p.at(d.At)
	p.str("due ")
	anchor := DueAnchorText(body)
	// The canonical form says what the delay counts from (SPEC 6.1):
	// `due within 30 days after the payment date`; a share's `due within
	// N` is `due N after period end`.
	_, share := body.(*Share)
	if _, joint := body.(*JointLimit); joint {
		share = true // a floor's true-up is due after its window (SPEC 7.4.1)
	}
	periodEnd := d.PeriodEnd || share
	if !periodEnd {
		p.str("within ")
	}
	if d.Business != nil {
		p.businessDays(d.Business)
	} else {
		p.duration(d.After)
	}
	switch {
	case periodEnd:
		p.str(" after period end")
	case anchor != "":
		if d.Anchor != nil {
			p.at(d.Anchor.At)
		}
		p.str(" after " + anchor)
	case d.Anchor != nil:
		p.at(d.Anchor.At)
		p.str(" after " + d.Anchor.Text)
	}
	if d.Adjust != nil {
		p.str(" ")
		p.adjust(d.Adjust)
	}
}

func (p *fmtPrinter) duration(d *DurationLit) {
	if d != nil {
		p.expr(d, fmtCtx{open: true})
	}
}

func (p *fmtPrinter) late(l *Late) {
	p.at(l.At)
	if l.Penalty {
		p.str("late penalty ")
	} else {
		p.str("late interest ")
	}
	p.expr(l.Amount, fmtCtx{open: true})
	p.str(" per ")
	p.delayCount(l.Periods)
	p.periodUnit(l.Per, false)
	p.delayTail(l)
	if l.Cap != nil {
		p.str(" capped at ")
		p.expr(l.Cap, fmtCtx{open: true})
	}
}

var fmtAdverbs = map[string]string{
	"day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly", "year": "yearly",
}

// periodUnit prints u as an adverb (`quarterly`) or a noun (`quarter`), as
// the grammar wants at that place.
func (p *fmtPrinter) periodUnit(u *PeriodUnit, adverb bool) {
	if u == nil {
		return
	}
	p.at(u.At)
	if u.Fiscal {
		p.str("fiscal ")
	}
	if !adverb {
		p.str(unitNoun(u))
		return
	}
	if u.Contract || u.Unit == "half" {
		p.str(settleText(&PeriodUnit{Unit: u.Unit, Contract: u.Contract}))
		return
	}
	if a, ok := fmtAdverbs[u.Unit]; ok {
		p.str(a)
	} else {
		p.str(u.Unit)
	}
}

func (p *fmtPrinter) share(s *Share, ind int) {
	p.payer(s.Payer, s.Payee, ind)
	inline := s.Inline && len(s.Lines) == 1 && s.Lines[0] != nil &&
		s.Lines[0].Where == nil && !s.Lines[0].Otherwise && s.Lines[0].AfterBreach == nil
	if inline {
		p.str(" ")
		p.shareLine(s.Lines[0], ind)
		p.str(" ")
	} else {
		p.str(" ")
	}
	p.str("of each ")
	if s.Count == CountPermitted {
		p.str("permitted ")
	}
	p.ident(s.Action)
	if s.Count == CountAll {
		p.str(" whether permitted or not")
	}
	if s.By != nil {
		p.str(" by ")
		p.ident(s.By)
	}
	if s.Where != nil {
		p.str(" where ")
		p.expr(s.Where, fmtCtx{open: true})
	}
	if !inline {
		p.str(":")
		for _, l := range s.Lines {
			if l == nil {
				continue
			}
			p.line(ind + 1)
			p.shareLine(l, ind+1)
		}
	}
	var ms []fmtMod
	if s.Settled != nil {
		ms = append(ms, fmtMod{s.Settled.At, func() {
			p.line(ind + 1)
			p.str("settled ")
			p.periodUnit(s.Settled, true)
		}})
	}
	if s.Due != nil {
		ms = append(ms, fmtMod{s.Due.At, func() { p.line(ind + 1); p.due(s.Due, s) }})
	}
	for _, l := range s.Limits {
		if l == nil {
			continue
		}
		ms = append(ms, fmtMod{l.At, func() {
			p.line(ind + 1)
			p.limit(l)
		}})
	}
	if g := s.Guarantee; g != nil {
		ms = append(ms, fmtMod{g.At, func() {
			p.line(ind + 1)
			p.at(g.At)
			p.str("minimum guarantee ")
			p.expr(g.Amount, fmtCtx{open: true})
			p.str(" per ")
			p.periodUnit(g.Per, false)
		}})
	}
	if r := s.Recoup; r != nil {
		ms = append(ms, fmtMod{r.At, func() {
			p.line(ind + 1)
			p.at(r.At)
			p.str("recouping ")
			p.expr(r.Amount, fmtCtx{open: true})
		}})
	}
	for _, l := range s.Late {
		if l != nil {
			ms = append(ms, fmtMod{l.At, func() { p.line(ind + 1); p.late(l) }})
		}
	}
	fmtRunMods(ms)
}

// shareLine prints `RATE of BASE [where COND | otherwise]` on the current
// line; ind is that line's indentation (tiers open a block under it).
func (p *fmtPrinter) shareLine(l *ShareLine, ind int) {
	p.at(l.At)
	switch r := l.Rate.(type) {
	case *FlatRate:
		p.at(r.At)
		p.expr(r.Value, fmtCtx{open: true, noOf: true})
	case *Tiers:
		p.tiers(r, ind)
	}
	p.str(" of ")
	p.expr(l.Base, fmtCtx{open: true})
	if l.Where != nil {
		p.str(" where ")
		p.expr(l.Where, fmtCtx{open: true})
	} else if l.Otherwise {
		p.str(" otherwise")
	} else if l.AfterBreach != nil {
		p.str(" from the day after the first breach of ")
		p.clauseRef(l.AfterBreach)
	}
}

func (p *fmtPrinter) tiers(t *Tiers, ind int) {
	p.at(t.At)
	if t.Whole {
		p.str("whole tiers")
	} else {
		p.str("marginal tiers")
	}
	if t.Reset != nil {
		p.str(" reset ")
		if t.Reset.Contract {
			p.at(t.Reset.At)
			p.str("each contract year")
		} else {
			p.periodUnit(t.Reset, true)
		}
	} else if t.Cumulative {
		p.str(" cumulative")
	}
	b := p.open(t.At, ind+1, false)
	for _, tr := range t.Tiers {
		if tr == nil {
			continue
		}
		p.line(ind + 1)
		p.at(tr.At)
		if tr.Rates != nil {
			p.tierBand(tr)
			continue
		}
		p.expr(tr.Rate, fmtCtx{open: true})
		if tr.UpTo != nil {
			p.str(" up to ")
			p.expr(tr.UpTo, fmtCtx{open: true})
		} else {
			p.str(" above")
		}
	}
	p.close(b, t.End, ind)
}
