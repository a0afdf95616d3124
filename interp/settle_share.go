package interp

import (
	"fmt"
	"strings"
)

// shareState is the running state of one share clause (one version of
// it: a replaced clause starts afresh).
type shareState struct {
	rule   *shareRule
	open   bool
	period Period
	// pStart and pEnd are the open period's first and last days.
	pStart, pEnd Date
	lines        []lineAcc
	// Per-line tier thresholds: the window and the volume counted in it.
	tierWin []Window
	volume  []Decimal
	// Caps over windows longer than a period, and over the term.
	capWin []Window
	caps   []LifetimeCap
	recoup *Recoupment
	// The minimum guarantee: the window being counted and what it paid.
	guar      *Guarantee
	guarStart Date // first day of the window being counted
	guarFrom  Date // first day the clause was in force
	waterPaid []Decimal
	// closed is the last period closed; zero before the first. Floors
	// apply to every period from the clause's start, sales or none.
	closed Period
	from   Date // first day the clause version is in force
}

type lineAcc struct {
	amount Decimal // flat lines: rate × base summed per event, exact
	base   Decimal // the base counted this period
	used   bool
}

func (s *settler) state(r *shareRule, date Date) *shareState {
	if st := s.shares[r.clause.id]; st != nil {
		return st
	}
	st := &shareState{rule: r, lines: make([]lineAcc, len(r.lines))}
	st.tierWin = make([]Window, len(r.lines))
	st.volume = make([]Decimal, len(r.lines))
	for i, l := range r.lines {
		if l.tiers != nil {
			st.tierWin[i] = Window{Kind: l.reset, FiscalStart: s.ag.fiscalStart}
		}
	}
	for _, c := range r.caps {
		st.capWin = append(st.capWin, Window{Kind: c.kind, FiscalStart: s.ag.fiscalStart})
		st.caps = append(st.caps, LifetimeCap{Limit: c.limit})
	}
	st.from = s.clauseStart(r.clause, date)
	if r.recoup != nil {
		// The advance is taken on the version's first day (SPEC 9.3),
		// which is in force then: its rules compile without error.
		adv := r
		if on, err := s.shareOn(r, st.from); err == nil {
			adv = on
		}
		st.recoup = &Recoupment{Balance: *adv.recoup}
	}
	if r.guarantee != nil {
		st.guar = &Guarantee{Minimum: r.guarantee.minimum}
		st.guarFrom = s.clauseStart(r.clause, date)
		st.guarStart = st.guarFrom
	}
	if len(r.payee.steps) > 0 {
		st.waterPaid = make([]Decimal, len(r.payee.steps))
	}
	s.shares[r.clause.id] = st
	s.order = append(s.order, st)
	return st
}

// clauseStart is the first day the clause was in force.
func (s *settler) clauseStart(c *ClauseInfo, fallback Date) Date {
	for _, v := range s.ag.versions {
		for _, vc := range v.clauses {
			if vc == c {
				return v.from
			}
		}
	}
	return fallback
}

// share counts one event towards a share clause.
func (s *settler) share(r *shareRule, rec *Record, date Date) error {
	if r.by != "" && rec.Fields[rec.Schema.actorAt].str != r.by {
		return nil
	}
	fr := s.fr
	if r.where != nil {
		ok, err := evalBool(r.where, fr)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
	}
	// Pick the first line that applies.
	li := -1
	for i, l := range r.lines {
		if l.where == nil {
			li = i
			break
		}
		ok, err := evalBool(l.where, fr)
		if err != nil {
			return err
		}
		if ok {
			li = i
			break
		}
	}
	if li < 0 {
		return nil
	}
	st := s.state(r, date)
	st.rule = r
	period := st.period
	if !st.open || date.Before(st.pStart) || date.After(st.pEnd) {
		period = PeriodOf(r.settled, s.ag.fiscalStart, date)
	}
	if st.open && period != st.period {
		if err := s.closeShare(st, false); err != nil {
			return err
		}
	}
	if !st.open {
		if err := s.fillFloors(st, period.Start()); err != nil {
			return err
		}
		st.open, st.period = true, period
		st.pStart, st.pEnd = period.Start(), period.End()
		s.noteOpen(st.pEnd)
	}
	l := r.lines[li]
	base, err := evalNum(l.base, fr)
	if err != nil {
		return err
	}
	acc := &st.lines[li]
	acc.used = true
	if acc.base, err = acc.base.Add(base); err != nil {
		return err
	}
	if l.rate != nil {
		rate, err := evalNum(l.rate, fr)
		if err != nil {
			return err
		}
		amt, err := rate.Mul(base)
		if err != nil {
			return err
		}
		if acc.amount, err = acc.amount.Add(amt); err != nil {
			return err
		}
	}
	return nil
}

// closeShare works out the amount of a share clause for its open period:
// line amounts and tiers, rounding, floors, caps, recoupment, the minimum
// guarantee, then the payees' parts.
func (s *settler) closeShare(st *shareState, final bool) error {
	st.open = false
	period := st.period
	st.closed = period
	// Tier rates and thresholds, limits and the payee's shares are those
	// in force on the period's last day (SPEC 9.3).
	r, err := s.shareOn(st.rule, period.End())
	if err != nil {
		return err
	}
	var exact, baseTotal Decimal
	var rates []string
	var notes []string
	for i, l := range r.lines {
		acc := st.lines[i]
		if !acc.used {
			continue
		}
		if baseTotal, err = baseTotal.Add(acc.base); err != nil {
			return err
		}
		amt := acc.amount
		if l.tiers != nil {
			changed, err := st.tierWin[i].Enter(period.Start())
			if err != nil {
				return err
			}
			if changed {
				st.volume[i] = Decimal{}
			}
			amt, err = l.tiers.Amount(st.volume[i], acc.base)
			if err != nil {
				return err
			}
			before := st.volume[i]
			if st.volume[i], err = st.volume[i].Add(acc.base); err != nil {
				return err
			}
			notes = append(notes, fmt.Sprintf("%s: volume %s to %s in the threshold window",
				l.rateText, Money(s.ag.currency, before), Money(s.ag.currency, st.volume[i])))
		}
		if len(r.lines) > 1 {
			rates = append(rates, fmt.Sprintf("%s of %s", l.rateText, Money(s.ag.currency, acc.base)))
		} else {
			rates = append(rates, l.rateText)
		}
		if exact, err = exact.Add(amt); err != nil {
			return err
		}
		st.lines[i] = lineAcc{}
	}
	amount, err := exact.Round(s.ag.unit, s.ag.rounding)
	if err != nil {
		return err
	}
	if !amount.Equal(exact) && !amount.IsZero() {
		notes = append(notes, fmt.Sprintf("exact amount %s, rounded %s to %s", FormatAmount(exact, 2), s.ag.rounding, s.ag.unit))
	}
	// explained: a limit or the recoupment changed the amount, and its
	// note says so.
	explained := false
	if r.floor != nil || r.cap != nil {
		var note LimitNote
		amount, note = ApplyPeriodLimits(amount, r.floor, r.cap)
		if note != NotLimited {
			notes = append(notes, "per "+period.Kind().String()+": "+note.String())
			explained = true
		}
	}
	for i := range st.caps {
		w := &st.capWin[i]
		if w.Kind != 0 {
			changed, err := w.Enter(period.Start())
			if err != nil {
				return err
			}
			if changed {
				st.caps[i].Reset()
			}
		}
		if err := st.caps[i].SetLimit(r.caps[i].limit); err != nil {
			return err
		}
		before := amount
		if amount, err = st.caps[i].Take(amount); err != nil {
			return err
		}
		if !amount.Equal(before) {
			notes = append(notes, fmt.Sprintf("%s: cut from %s", r.caps[i].text, Money(s.ag.currency, before)))
			explained = true
		}
	}
	if st.recoup != nil {
		payout, recouped, err := st.recoup.Apply(amount)
		if err != nil {
			return err
		}
		if !recouped.IsZero() {
			notes = append(notes, fmt.Sprintf("recouped %s of the advance; %s still to recoup",
				Money(s.ag.currency, recouped), Money(s.ag.currency, st.recoup.Balance)))
			explained = true
		}
		amount = payout
	}
	if st.guar != nil {
		if err := s.trueUpThrough(st, period.Start().mustAdd(-1)); err != nil {
			return err
		}
		if err := st.guar.Add(amount); err != nil {
			return err
		}
	}
	base := Money(s.ag.currency, baseTotal)
	line := &Line{
		Period: period, Date: period.End(), Payer: r.payer, Clause: r.clause, Kind: "share",
		Base: &base, Rate: strings.Join(rates, "; "), Notes: notes,
		explained: explained && amount.IsZero(),
	}
	if period.End().After(s.termEnd) {
		// The agreement ends inside the period: its last day closes it,
		// and the line is due from then.
		line.Date = s.termEnd
	}
	closed := line.Date
	if final && line.Date.After(s.st.To) {
		// A period the statement ends inside: settled as far as it goes,
		// and dated at the statement's end so that it is reported.
		line.Notes = append(line.Notes, fmt.Sprintf("the period is not over: counted to %s", s.st.To))
		line.Date = s.st.To
	}
	line.Due = closed
	if r.hasDue {
		if line.Due, err = dueAfter(r.clause, r.duePos, closed, r.dueAfter); err != nil {
			return err
		}
	}
	return s.pay(line, Money(s.ag.currency, amount), r.payee, st.waterPaid, r.late)
}

// trueUpThrough closes every guarantee window of st that ends on or
// before end, paying the shortfall of each.
func (s *settler) trueUpThrough(st *shareState, end Date) error {
	r := st.rule
	if st.guar == nil {
		return nil
	}
	for {
		var wEnd Date
		if r.guarantee.kind == 0 {
			if !s.ag.hasEnds {
				return nil // over the term, with no end: never trued up
			}
			wEnd = s.ag.ends
		} else {
			wEnd = PeriodOf(r.guarantee.kind, s.ag.fiscalStart, st.guarStart).End()
			if wEnd.After(s.termEnd) {
				wEnd = s.termEnd // the last window ends with the agreement
			}
		}
		if st.guarStart.After(s.termEnd) {
			return nil
		}
		if wEnd.After(end) {
			return nil
		}
		// The minimum and the payee's shares are those in force on the
		// last day of the settlement period of the true-up (SPEC 9.3).
		r, err := s.shareOn(st.rule, PeriodOf(r.settled, s.ag.fiscalStart, wEnd).End())
		if err != nil {
			return err
		}
		st.guar.Minimum = r.guarantee.minimum
		paid := st.guar.Paid
		short, err := st.guar.TrueUp()
		if err != nil {
			return err
		}
		if short.Sign() > 0 {
			line := &Line{
				Period: PeriodOf(r.settled, s.ag.fiscalStart, wEnd), Date: wEnd, Due: wEnd,
				Payer: r.payer, Clause: r.clause, Kind: "true-up",
				Notes: []string{fmt.Sprintf("%s; paid %s from %s to %s", r.guarantee.text,
					Money(s.ag.currency, paid), st.guarStart, wEnd)},
			}
			if r.hasDue {
				if line.Due, err = dueAfter(r.clause, r.duePos, wEnd, r.dueAfter); err != nil {
					return err
				}
			}
			if err := s.pay(line, Money(s.ag.currency, short), r.payee, st.waterPaid, r.late); err != nil {
				return err
			}
		}
		next, err := wEnd.AddDays(1)
		if err != nil {
			return nil
		}
		st.guarStart = next
	}
}

// pay issues line for amount to the payees: one party, a split or a
// waterfall.
func (s *settler) pay(line *Line, amount Value, payee *payeeRule, waterPaid []Decimal, late []*lateRule) error {
	if payee.err != nil {
		return payee.err
	}
	switch {
	case payee.party != "":
		line.Payee, line.Amount = payee.party, amount
		s.emit(line, late)
		return nil
	case len(payee.split) > 0:
		return s.split(line, amount, payee, late)
	}
	steps := make([]WaterfallStep, len(payee.steps))
	for i, st := range payee.steps {
		steps[i] = WaterfallStep{Limit: st.limit}
		if st.limit != nil {
			// A waterfall limit is rounded when used (SPEC 8.2 point 2).
			l, err := st.limit.Round(s.ag.unit, s.ag.rounding)
			if err != nil {
				return err
			}
			steps[i].Limit = &l
		}
	}
	if waterPaid == nil {
		waterPaid = make([]Decimal, len(steps))
	}
	parts, left, err := Waterfall(amount.num, steps, waterPaid)
	if err != nil {
		return err
	}
	for i, st := range payee.steps {
		l := *line
		l.Notes = append(append([]string(nil), line.Notes...), fmt.Sprintf("waterfall step %d of %d", i+1, len(steps)))
		if st.party != "" {
			l.Payee, l.Amount = st.party, Money(amount.str, parts[i])
			s.emit(&l, late)
			continue
		}
		if err := s.split(&l, Money(amount.str, parts[i]), st.split, late); err != nil {
			return err
		}
	}
	if !left.IsZero() {
		line.Notes = append(line.Notes, fmt.Sprintf("%s not distributed: every waterfall step is full", Money(amount.str, left)))
	}
	return nil
}

func (s *settler) split(line *Line, amount Value, payee *payeeRule, late []*lateRule) error {
	parts, err := Split(amount.num, payee.shares, s.ag.unit, s.ag.rounding, payee.remainderTo)
	if err != nil {
		return err
	}
	for i, party := range payee.split {
		l := *line
		l.Notes = append(append([]string(nil), line.Notes...), fmt.Sprintf("%s share of %s", FormatPercent(payee.shares[i]), amount))
		l.Payee, l.Amount = party, Money(amount.str, parts[i])
		s.emit(&l, late)
	}
	return nil
}

// mustAdd adds days to d, staying at the first or last date on overflow.
func (d Date) mustAdd(n int) Date {
	e, err := d.AddDays(n)
	if err != nil {
		if n < 0 {
			return MinDate()
		}
		return MaxDate()
	}
	return e
}

// fillFloors closes, at their floor, the settlement periods of a clause
// with a floor that ended before `before` and saw no events.
func (s *settler) fillFloors(st *shareState, before Date) error {
	r := st.rule
	if r.floor == nil || r.floor.Sign() <= 0 {
		return nil
	}
	var next Period
	if st.closed.IsZero() {
		next = PeriodOf(r.settled, s.ag.fiscalStart, st.from)
	} else {
		var err error
		if next, err = st.closed.Next(); err != nil {
			return nil
		}
	}
	// A period is over at its end, or at the agreement's end if that is
	// earlier; no period after the agreement's end is settled.
	over := func(p Period) bool {
		end := p.End()
		if end.After(s.termEnd) {
			end = s.termEnd
		}
		return !p.Start().After(s.termEnd) && !end.After(before.mustAdd(-1))
	}
	for n := 0; over(next); n++ {
		if n > MaxInstallments {
			return fmt.Errorf("more than %d empty periods to settle at the floor", MaxInstallments)
		}
		st.open, st.period = true, next
		if err := s.closeShare(st, false); err != nil {
			return err
		}
		var err error
		if next, err = next.Next(); err != nil {
			return nil
		}
	}
	return nil
}
