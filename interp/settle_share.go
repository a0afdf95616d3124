package interp

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/internal/formula"
	"github.com/pacta-lang/pacta/interp/types"
)

// shareState is the running state of one share clause (one version of
// it: a replaced clause starts afresh).
type shareState struct {
	rule   *shareRule
	open   bool
	period types.Period
	// pStart and pEnd are the open period's first and last days.
	pStart, pEnd types.Date
	lines        []lineAcc
	// Per-line tier thresholds: the window and the volume counted in it.
	tierWin []formula.Window
	volume  []types.Decimal
	// Floors: the window of each and the amounts after the floors of
	// the periods closed in it (SPEC 7.4 step 3).
	floorWin []formula.Window
	floorSum []types.Decimal
	// Caps, per a period or over the term (kind 0), in the order applied.
	capWin []formula.Window
	caps   []formula.LifetimeCap
	recoup *formula.Recoupment
	// The minimum guarantee: its window and what was paid in it.
	guar      *formula.Guarantee
	guarWin   formula.Window
	waterPaid []types.Decimal
	// byRow: the open period's exact parts of a split by each
	// instance's numbers of shares (settle_split_rows.go).
	byRow *rowParts
	// closed is the last period closed; zero before the first. Floors
	// and guarantees are settled for every period of the clause version,
	// sales or none.
	closed types.Period
	// prohibited is how many prohibited rows the open period saw that
	// the share would count if they were permitted (settle_count.go).
	prohibited int
	from       types.Date // first day the clause version is in force
	to         types.Date // last day: the day before it is replaced or deleted, or the agreement's end
}

type lineAcc struct {
	amount types.Decimal // flat lines: rate × base summed per event, exact
	base   types.Decimal // the base counted this period
	used   bool
	rate   rateSeen // flat lines: the rate's value this period (settle_rate.go)
	// tiered lines: the base per threshold window within the period, in
	// date order (a window may be shorter than the period, SPEC 7.3).
	wins []winBase
	// sale-rated tiers: what each tier charged at each rate (SPEC 7.3.1).
	parts *rateParts
	// exc: the exceptions to terms that gave the base or the rate a
	// value, for the line's note (exception_trace.go).
	exc *exceptionTrace
}

// winBase is the base a tiered line counted, within one settlement
// period, in one threshold window (zero win: the version's whole life).
type winBase struct {
	win  types.Period
	end  types.Date // win's last day
	base types.Decimal
}

func (s *settler) state(r *shareRule, date types.Date) *shareState {
	if st := s.shares[r.clause.Index]; st != nil {
		return st
	}
	st := &shareState{rule: r, lines: make([]lineAcc, len(r.lines))}
	st.tierWin = make([]formula.Window, len(r.lines))
	st.volume = make([]types.Decimal, len(r.lines))
	for i, l := range r.lines {
		if l.tiers != nil || l.sale != nil {
			st.tierWin[i] = formula.Window{Kind: l.reset, FiscalStart: s.ag.startOf(l.reset)}
		}
	}
	for _, f := range r.floors {
		st.floorWin = append(st.floorWin, formula.Window{Kind: f.kind, FiscalStart: s.ag.startOf(f.kind)})
	}
	st.floorSum = make([]types.Decimal, len(r.floors))
	for _, c := range r.caps {
		st.capWin = append(st.capWin, formula.Window{Kind: c.kind, FiscalStart: s.ag.startOf(c.kind)})
		st.caps = append(st.caps, formula.LifetimeCap{Limit: c.limit})
	}
	st.from = s.clauseStart(r.clause, date)
	if r.recoup != nil {
		// The advance is taken on the version's first day (SPEC 9.3),
		// which is in force then: its rules compile without error.
		adv := r
		if on, err := s.shareOn(r, st.from); err == nil {
			adv = on
		}
		st.recoup = &formula.Recoupment{Balance: *adv.recoup}
	}
	if r.guarantee != nil {
		st.guar = &formula.Guarantee{Minimum: r.guarantee.minimum}
		st.guarWin = formula.Window{Kind: r.guarantee.kind, FiscalStart: s.ag.startOf(r.guarantee.kind)}
	}
	if len(r.payee.steps) > 0 {
		st.waterPaid = make([]types.Decimal, len(r.payee.steps))
	}
	st.to = s.clauseEnd(r.clause)
	s.shares[r.clause.Index] = st
	s.order = append(s.order, st)
	return st
}

// openOwing starts the state of every share clause version with a floor
// or a minimum guarantee: they owe something even in periods with no
// events, and even if the ledger never touches them.
func (s *settler) openOwing() {
	for _, v := range s.ag.versions {
		if !s.asOfLimit.IsZero() && v.from.After(s.asOfLimit) {
			break
		}
		if !s.st.To.IsZero() && v.from.After(s.st.To) {
			break
		}
		var owing []*shareRule
		for _, rules := range v.money.shares {
			for _, r := range rules {
				if len(r.floors) > 0 || r.guarantee != nil {
					owing = append(owing, r)
				}
			}
		}
		// In clause order, so that the same ledger settles the same way.
		sort.Slice(owing, func(i, j int) bool { return owing[i].clause.Index < owing[j].clause.Index })
		for _, r := range owing {
			s.state(r, v.from)
		}
	}
	s.noteOwing()
}

// fillOwing closes the periods with no events, ended before date, of
// the clause versions with a floor or a guarantee, so that their lines
// are owed from the period's end like any other (a payment pays them).
func (s *settler) fillOwing(date types.Date) error {
	for _, st := range s.order {
		if st.open || len(st.rule.floors) == 0 && st.rule.guarantee == nil {
			continue
		}
		if err := s.fillFloors(st, mustAdd(date, -1), false); err != nil {
			// Met while reading a row: the row and the clause.
			return s.ledgerErr(s.lastAt, st.rule.clause, err)
		}
	}
	s.noteOwing()
	return nil
}

// noteOwing notes the end of the next period to fill of each clause
// version with a floor or a guarantee and no open period.
func (s *settler) noteOwing() {
	for _, st := range s.order {
		if st.open || len(st.rule.floors) == 0 && st.rule.guarantee == nil || st.to.Before(st.from) {
			continue
		}
		next := types.PeriodOf(st.rule.settled, s.ag.startOf(st.rule.settled), st.from)
		if !st.closed.IsZero() {
			var err error
			if next, err = st.closed.Next(); err != nil {
				continue
			}
		}
		if next.Start().After(st.to) {
			continue
		}
		end := next.End()
		if st.to.Before(end) {
			end = st.to
		}
		s.noteOpen(end)
	}
}

// clauseStart is the first day the clause was in force.
func (s *settler) clauseStart(c *result.ClauseInfo, fallback types.Date) types.Date {
	for _, v := range s.ag.versions {
		for _, vc := range v.clauses {
			if vc == c {
				return v.from
			}
		}
	}
	return fallback
}

// clauseEnd is the last day of the clause version's life (SPEC 9.2): the
// day before the first version known to the settlement that no longer
// has it, or the agreement's end.
func (s *settler) clauseEnd(c *result.ClauseInfo) types.Date {
	found := false
	for _, v := range s.ag.versions {
		if !s.asOfLimit.IsZero() && v.from.After(s.asOfLimit) {
			break // not yet known on the as-of date
		}
		if slices.Contains(v.clauses, c) {
			found = true
			continue
		}
		if found {
			if end := mustAdd(v.from, -1); end.Before(s.termEnd) {
				return s.terminatedBy(c, end)
			}
			break
		}
	}
	return s.terminatedBy(c, s.termEnd)
}

// terminatedBy is end, or the last day before a termination ends the
// clause c (SPEC 5.6) when that is earlier.
func (s *settler) terminatedBy(c *result.ClauseInfo, end types.Date) types.Date {
	if t := s.ended; t != nil && !c.Survives() && t.LastDay().Before(end) {
		return t.LastDay()
	}
	return end
}

// share counts one event towards a share clause.
func (s *settler) share(r *shareRule, rec *types.Record, date types.Date) error {
	if r.by != "" && rec.Fields[schemaOf(rec.Schema).actorAt].Str() != r.by {
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
	if r.pre != nil && !(s.prohibited && r.permittedOnly()) {
		// A row the share does not count (SPEC 7.1.1) is not asked about.
		if err := checkPre(r.pre, fr); err != nil {
			return err
		}
	}
	// Pick the first line that applies.
	li := -1
	for i, l := range r.lines {
		if l.afterBreach != "" {
			if first, ok := s.end.first[l.afterBreach]; ok && date.After(first) {
				li = i
				break
			}
			continue
		}
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
	if s.part != nil {
		return s.part.share(s, r, li, date)
	}
	st := s.state(r, date)
	st.rule = r
	period := st.period
	if !st.open || date.Before(st.pStart) || date.After(st.pEnd) {
		period = types.PeriodOf(r.settled, s.ag.startOf(r.settled), date)
	}
	if st.open && period != st.period {
		if err := s.closeShare(st, false); err != nil {
			return err
		}
	}
	if !st.open {
		if err := s.fillFloors(st, mustAdd(period.Start(), -1), false); err != nil {
			return err
		}
		st.open, st.period = true, period
		st.byRow = s.openRows(r)
		st.pStart, st.pEnd = period.Start(), period.End()
		s.noteOpen(st.pEnd)
	}
	if s.prohibited {
		st.prohibited++
		if r.permittedOnly() {
			return nil // SPEC 7.1.1: a prohibited row counts for nothing
		}
	}
	return s.count(st, li, &st.lines[li], r.lines[li], date)
}

// count adds one row's base (and, for a flat rate, rate × base) to the
// period's accumulator of share line l (line li of st, which is nil for a
// slice's partial: SettlePartial refuses the constructs that need it).
func (s *settler) count(st *shareState, li int, acc *lineAcc, l *shareLine, date types.Date) error {
	if !s.traceExc {
		return s.countRow(st, li, acc, l, date)
	}
	// The rows each exception to a term applied to are noted on the line
	// (SPEC 4.8).
	if acc.exc == nil {
		acc.exc = &exceptionTrace{}
	}
	acc.exc.next()
	s.fr.exc = acc.exc
	err := s.countRow(st, li, acc, l, date)
	s.fr.exc = nil
	return err
}

// countRow is count, with the frame's exception trace set when needed.
func (s *settler) countRow(st *shareState, li int, acc *lineAcc, l *shareLine, date types.Date) error {
	fr := s.fr
	base, err := evalNum(l.base, fr)
	if err != nil {
		return err
	}
	acc.used = true
	if acc.base, err = acc.base.Add(base); err != nil {
		return err
	}
	if l.tiers != nil {
		// The threshold window of the event: the reset period containing
		// it, or the version's whole life (cumulative).
		n := len(acc.wins)
		if n == 0 || l.reset != 0 && date.After(acc.wins[n-1].end) {
			w := winBase{end: types.MaxDate()}
			if l.reset != 0 {
				w.win = types.PeriodOf(l.reset, s.ag.startOf(l.reset), date)
				w.end = w.win.End()
			}
			acc.wins = append(acc.wins, w)
			n++
		}
		if acc.wins[n-1].base, err = acc.wins[n-1].base.Add(base); err != nil {
			return err
		}
	}
	if l.sale != nil {
		before := acc.amount
		if err := s.saleTiered(st, li, l, date, base); err != nil {
			return err
		}
		if st != nil && (st.rule.payee.rows != nil || st.byRow != nil) {
			amt, err := acc.amount.Sub(before)
			if err != nil {
				return err
			}
			return s.splitRow(st, amt) // SPEC 8.4.2: this sale's charge
		}
	}
	if l.rate != nil {
		rate, err := evalNum(l.rate, fr)
		if err != nil {
			return err
		}
		acc.rate.see(rate)
		amt, err := rate.Mul(base)
		if err != nil {
			return err
		}
		if acc.amount, err = acc.amount.Add(amt); err != nil {
			return err
		}
		if st != nil && (st.rule.payee.rows != nil || st.byRow != nil) {
			return s.splitRow(st, amt)
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
	var exact, baseTotal types.Decimal
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
			// SPEC 7.3: F(after) - F(before) in each threshold window
			// the period overlaps.
			amt = types.Decimal{}
			for _, w := range acc.wins {
				if !w.win.IsZero() {
					changed, err := st.tierWin[i].Enter(w.win.Start())
					if err != nil {
						return err
					}
					if changed {
						st.volume[i] = types.Decimal{}
					}
				}
				wa, err := l.tiers.Amount(st.volume[i], w.base)
				if err != nil {
					return err
				}
				if amt, err = amt.Add(wa); err != nil {
					return err
				}
				before := st.volume[i]
				if st.volume[i], err = st.volume[i].Add(w.base); err != nil {
					return err
				}
				notes = append(notes, fmt.Sprintf("%s: volume %s to %s in the threshold window%s",
					l.rateText, types.MoneyValue(s.ag.currency, before), types.MoneyValue(s.ag.currency, st.volume[i]), windowName(w.win)))
			}
		}
		rateText := acc.rate.text(l)
		if l.sale != nil && acc.parts != nil {
			rateText = acc.parts.text(l.sale, s.ag.currency)
			for _, w := range acc.parts.wins {
				notes = append(notes, fmt.Sprintf("%s: volume %s to %s in the threshold window%s",
					l.rateText, types.MoneyValue(s.ag.currency, w.from), types.MoneyValue(s.ag.currency, w.to), windowName(w.win)))
			}
		}
		if len(r.lines) > 1 {
			rates = append(rates, fmt.Sprintf("%s of %s", rateText, types.MoneyValue(s.ag.currency, acc.base)))
		} else {
			rates = append(rates, rateText)
		}
		if exact, err = exact.Add(amt); err != nil {
			return err
		}
		if note := acc.exc.note(r.action.Name()); note != "" {
			notes = append(notes, note)
		}
		st.lines[i] = lineAcc{wins: acc.wins[:0], parts: acc.parts.reset(), exc: acc.exc.reset()}
	}
	amount, err := exact.Round(s.ag.unit, s.ag.rounding)
	if err != nil {
		return err
	}
	if !amount.Equal(exact) && !amount.IsZero() {
		notes = append(notes, fmt.Sprintf("exact amount %s, rounded %s to %s%s", formatAmount(exact, 2), s.ag.rounding, s.ag.unit, s.ag.roundingRule()))
	}
	// explained: a limit or the recoupment changed the amount, and its
	// note says so.
	explained := false
	// The day the period closes: its end, or the end of the version's
	// life within it. Floors and the guarantee act only in a period that
	// is over within the statement (SPEC 7.6).
	cutEnd := period.End()
	if st.to.Before(cutEnd) {
		cutEnd = st.to
	}
	over := s.st.To.IsZero() || !cutEnd.After(s.st.To)
	// lastIn reports whether period is the version's last settlement
	// period in the window w has entered (kind 0: the version's life).
	lastIn := func(w *formula.Window) bool {
		return over && (!period.End().Before(st.to) || w.Kind != 0 && !period.End().Before(w.Current.End()))
	}
	// Step 3: floors, in order, each at the version's last settlement
	// period in its window, topping the window's amounts up to it.
	for i, f := range r.floors {
		w := &st.floorWin[i]
		changed, err := w.Enter(period.Start())
		if err != nil {
			return err
		}
		if changed {
			st.floorSum[i] = types.Decimal{}
		}
		if !lastIn(w) {
			continue
		}
		soFar, err := st.floorSum[i].Add(amount)
		if err != nil {
			return err
		}
		top, err := f.limit.Sub(soFar)
		if err != nil {
			return err
		}
		if top.Sign() <= 0 {
			continue
		}
		before := amount
		if amount, err = amount.Add(top); err != nil {
			return err
		}
		if f.kind == period.Kind() {
			notes = append(notes, "per "+period.Kind().Noun()+": "+formula.RaisedToFloor.String())
		} else {
			notes = append(notes, fmt.Sprintf("%s: topped up from %s", f.text, types.MoneyValue(s.ag.currency, before)))
		}
		explained = true
	}
	for i := range st.floorSum {
		if st.floorSum[i], err = st.floorSum[i].Add(amount); err != nil {
			return err
		}
	}
	// Steps 4 and 5: caps, each on the running total of its window.
	for i := range st.caps {
		w := &st.capWin[i]
		changed, err := w.Enter(period.Start())
		if err != nil {
			return err
		}
		if changed {
			st.caps[i].Reset()
		}
		if err := st.caps[i].SetLimit(r.caps[i].limit); err != nil {
			return err
		}
		before := amount
		if amount, err = st.caps[i].Take(amount); err != nil {
			return err
		}
		if !amount.Equal(before) {
			if r.caps[i].kind == period.Kind() {
				notes = append(notes, "per "+period.Kind().Noun()+": "+formula.CutToCap.String())
			} else {
				notes = append(notes, fmt.Sprintf("%s: cut from %s", r.caps[i].text, types.MoneyValue(s.ag.currency, before)))
			}
			explained = true
		}
	}
	// Step 5a: caps across clauses (SPEC 7.4.1).
	if amount, err = s.jointCaps(st, period, amount, &notes, &explained); err != nil {
		return err
	}
	// Step 6: recoupment.
	if st.recoup != nil {
		payout, recouped, err := st.recoup.Apply(amount)
		if err != nil {
			return err
		}
		switch {
		case recouped.Sign() < 0:
			// A credit is never clawed back (SPEC 7.4 step 6): say so
			// rather than "recouped USD -30.00".
			credit := recouped.Neg()
			notes = append(notes, fmt.Sprintf("a credit of %s, not clawed back, is added to the advance: %s still to recoup",
				types.MoneyValue(s.ag.currency, credit), types.MoneyValue(s.ag.currency, st.recoup.Balance)))
			explained = true
		case !recouped.IsZero():
			notes = append(notes, fmt.Sprintf("recouped %s of the advance; %s still to recoup",
				types.MoneyValue(s.ag.currency, recouped), types.MoneyValue(s.ag.currency, st.recoup.Balance)))
			explained = true
		}
		amount = payout
	}
	if note, why := s.countNote(r, st); note != "" {
		notes = append(notes, note)
		explained = explained || why
	}
	base := types.MoneyValue(s.ag.currency, baseTotal)
	line := &result.Line{
		Period: period, Date: period.End(), Payer: r.payer, Clause: r.clause, Kind: "share",
		Base: &base, Rate: strings.Join(rates, "; "), Notes: notes,
	}
	if explained && amount.IsZero() {
		if s.explained == nil {
			s.explained = map[*result.Line]bool{}
		}
		s.explained[line] = true
	}
	if period.End().After(s.termEnd) {
		// The agreement ends inside the period: its last day closes it,
		// and the line is due from then.
		line.Date = s.termEnd
	}
	// A termination that takes effect inside the period (SPEC 5.6).
	cutShort := s.ended != nil && !r.clause.Survives() && period.Contains(s.ended.LastDay()) && period.End() != s.ended.LastDay()
	if cutShort {
		line.Notes = append(line.Notes, fmt.Sprintf("counted to %s: the agreement was terminated effective %s", s.ended.LastDay(), s.ended.Effective))
	}
	closed := line.Date
	if (final || over) && !s.st.To.IsZero() && line.Date.After(s.st.To) {
		// A period the statement ends inside: settled as far as it goes
		// (or to the end of the version's life), and dated at the
		// statement's end so that it is reported.
		if cutShort {
			// said above
		} else if over {
			line.Notes = append(line.Notes, fmt.Sprintf("the clause version ended on %s", st.to))
		} else {
			line.Notes = append(line.Notes, fmt.Sprintf("the period is not over: counted to %s", s.st.To))
		}
		line.Date = s.st.To
	}
	anchor := "the last day of " + period.String()
	if closed != period.End() {
		anchor = fmt.Sprintf("the agreement's last day, in %s", period)
	}
	var why string
	if line.Due, line.DueRule, why, err = dueOn(r.clause, r.duePos, closed, anchor, r.dueAfter, r.hasDue, r.biz); err != nil {
		return err
	}
	if why != "" {
		line.Notes = append(line.Notes, why)
	}
	if r.payee.rows != nil || st.byRow != nil {
		// SPEC 8.4.2: divided by the instances' own numbers of shares.
		err = s.payByRow(r, period, line, types.MoneyValue(s.ag.currency, amount), st.byRow)
		st.byRow = nil
	} else {
		err = s.pay(line, types.MoneyValue(s.ag.currency, amount), r.payee, st.waterPaid, r.late)
	}
	if err != nil {
		return err
	}
	// Step 7: the minimum guarantee, at the version's last settlement
	// period in its window.
	if st.guar == nil {
		return nil
	}
	w := &st.guarWin
	changed, err := w.Enter(period.Start())
	if err != nil {
		return err
	}
	if changed {
		st.guar.Paid = types.Decimal{}
	}
	if err := st.guar.Add(amount); err != nil {
		return err
	}
	if !lastIn(w) {
		return nil
	}
	wStart := st.from
	if w.Kind != 0 && w.Current.Start().After(wStart) {
		wStart = w.Current.Start()
	}
	// The minimum is the one in force on the last day of the settlement
	// period of the true-up (SPEC 9.3).
	st.guar.Minimum = r.guarantee.minimum
	paid := st.guar.Paid
	short, err := st.guar.TrueUp()
	if err != nil || short.Sign() <= 0 {
		return err
	}
	tu := &result.Line{
		Period: period, Date: line.Date, Due: line.Due, DueRule: line.DueRule,
		Payer: r.payer, Clause: r.clause, Kind: "true-up",
		Notes: []string{fmt.Sprintf("%s; paid %s from %s to %s", r.guarantee.text,
			types.MoneyValue(s.ag.currency, paid), wStart, closed)},
	}
	return s.pay(tu, types.MoneyValue(s.ag.currency, short), r.payee, st.waterPaid, r.late)
}

// pay issues line for amount to the payees: one party, a split or a
// waterfall.
func (s *settler) pay(line *result.Line, amount types.Value, payee *payeeRule, waterPaid []types.Decimal, late []*lateRule) error {
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
	steps := make([]formula.WaterfallStep, len(payee.steps))
	for i, st := range payee.steps {
		steps[i] = formula.WaterfallStep{Limit: st.limit}
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
		waterPaid = make([]types.Decimal, len(steps))
	}
	parts, left, err := formula.Waterfall(amount.Num(), steps, waterPaid)
	if err != nil {
		return err
	}
	// A step that falls to the payer itself stays with the payer (SPEC
	// 6.1): it is no line, and the other steps' lines say so.
	var kept []string
	for i, st := range payee.steps {
		if st.party == line.Payer && !parts[i].IsZero() {
			kept = append(kept, fmt.Sprintf("%s, waterfall step %d of %d, stays with %s, the payer", types.MoneyValue(amount.Str(), parts[i]), i+1, len(steps), st.party))
		}
	}
	for i, st := range payee.steps {
		if st.party != "" && st.party == line.Payer {
			continue
		}
		l := s.copyLine(line)
		l.Notes = append(append([]string(nil), line.Notes...), fmt.Sprintf("waterfall step %d of %d", i+1, len(steps)))
		l.Notes = append(l.Notes, kept...)
		if st.limit != nil && !steps[i].Limit.Equal(*st.limit) {
			// SPEC 8.4: the rounding is visible where it happens.
			l.Notes = append(l.Notes, fmt.Sprintf("its limit %s, rounded %s to %s, is %s%s",
				types.MoneyValue(amount.Str(), *st.limit), s.ag.rounding, s.ag.unit, types.MoneyValue(amount.Str(), *steps[i].Limit), s.ag.roundingRule()))
		}
		if st.party != "" {
			l.Payee, l.Amount = st.party, types.MoneyValue(amount.Str(), parts[i])
			s.emit(l, late)
			continue
		}
		if err := s.split(l, types.MoneyValue(amount.Str(), parts[i]), st.split, late); err != nil {
			return err
		}
	}
	if !left.IsZero() {
		line.Notes = append(line.Notes, fmt.Sprintf("%s not distributed: every waterfall step is full", types.MoneyValue(amount.Str(), left)))
	}
	return nil
}

// mustAdd adds days to d, staying at the first or last date on overflow.
func mustAdd(d types.Date, n int) types.Date {
	e, err := d.AddDays(n)
	if err != nil {
		if n < 0 {
			return types.MinDate()
		}
		return types.MaxDate()
	}
	return e
}

// fillFloors closes, before their floors and guarantee act, the
// settlement periods of a clause version with a floor or a minimum
// guarantee that ended on or before `through` and saw no events.
//
// With final (the statement's end), a period whose end is after the
// statement's is dated at the statement's end, as in closeShare.
func (s *settler) fillFloors(st *shareState, through types.Date, final bool) error {
	r := st.rule
	if len(r.floors) == 0 && r.guarantee == nil || st.to.Before(st.from) {
		return nil // nothing owed, or a version replaced the day it took effect
	}
	var next types.Period
	if st.closed.IsZero() {
		next = types.PeriodOf(r.settled, s.ag.startOf(r.settled), st.from)
	} else {
		var err error
		if next, err = st.closed.Next(); err != nil {
			return nil
		}
	}
	// A period is over at its end, or at the end of the version's life
	// (replaced, deleted, or the agreement's end) if that is earlier; no
	// period after the version's life is settled.
	over := func(p types.Period) bool {
		end := p.End()
		if end.After(st.to) {
			end = st.to
		}
		return !p.Start().After(st.to) && !end.After(through)
	}
	for n := 0; over(next); n++ {
		if n > formula.MaxFloorPeriods {
			return fmt.Errorf("more than %d empty periods to settle at the floor", formula.MaxFloorPeriods)
		}
		st.open, st.period = true, next
		if err := s.closeShare(st, final); err != nil {
			return err
		}
		var err error
		if next, err = next.Next(); err != nil {
			return nil
		}
	}
	return nil
}

// windowName names a tier threshold window in a line's note, " 2027
// (2027-01-01 to 2027-12-31)", so that a period that straddles two
// windows says which volume is in which; "" for the version's whole life.
func windowName(w types.Period) string {
	if w.IsZero() {
		return ""
	}
	name := w.String()
	if strings.Contains(name, w.Start().String()) {
		return fmt.Sprintf(" %s to %s", name, w.End()) // "contract year from 2027-01-01 to 2027-12-31"
	}
	return fmt.Sprintf(" %s (%s to %s)", name, w.Start(), w.End())
}
