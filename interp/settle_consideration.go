package interp

import (
	"fmt"
	"sort"
)

// scheduled issues a fixed payment or an installment.
func (s *settler) scheduled(r *scheduledRule) error {
	if r.err != nil {
		return r.err
	}
	l := &Line{
		Period: PeriodOf(PeriodQuarter, 0, r.date), Date: r.date, Due: r.due,
		Payer: r.payer, Clause: r.clause, Kind: r.kind,
	}
	if r.note != "" {
		l.Notes = []string{r.note}
	}
	return s.pay(l, r.amount, r.payee, s.waterfallPaid(r.clause, r.payee), r.late)
}

// waterfallPaid returns the running totals of a payment clause's
// waterfall steps, kept for the clause's life (SPEC 8.5), or nil when its
// payee is not a waterfall.
func (s *settler) waterfallPaid(c *ClauseInfo, p *payeeRule) []Decimal {
	if len(p.steps) == 0 {
		return nil
	}
	paid, ok := s.water[c]
	if !ok {
		paid = make([]Decimal, len(p.steps))
		s.water[c] = paid
	}
	return paid
}

// milestone adds the amount of an instance that meets the clause's
// condition to the clause's line of that day (SPEC 6.4): the instances of
// one day make one line, issued when the day is over (or a payment comes),
// so that lines grow with days, not with ledger rows.
func (s *settler) milestone(m *milestoneRule, ev Event, date Date) error {
	if m.first && s.fired[m.clause] {
		return nil
	}
	if m.where != nil {
		ok, err := m.where.eval(s.fr)
		if err != nil {
			return err
		}
		if !ok.Truth() {
			return nil
		}
	}
	amt, err := m.amount.eval(s.fr)
	if err != nil {
		return err
	}
	if amt.num.Sign() < 0 {
		return clauseFault(m.clause, m.amountAt, "the milestone amount is negative: %s", amt)
	}
	s.fired[m.clause] = true
	if amt.num, err = amt.num.Round(s.ag.unit, s.ag.rounding); err != nil {
		return err
	}
	for _, p := range s.pending {
		if p.m == m && p.date == date {
			if p.amount.num, err = p.amount.num.Add(amt.num); err != nil {
				return err
			}
			p.n++
			p.at = ev
			return nil
		}
	}
	s.pending = append(s.pending, &pendingMilestone{m: m, date: date, amount: amt, n: 1, at: ev})
	return nil
}

// pendingMilestone is the line of one milestone clause for one day, while
// instances of that day may still add to it.
type pendingMilestone struct {
	m      *milestoneRule
	date   Date
	amount Value // the sum of the instances' rounded amounts
	n      int   // the instances
	at     Event // the last instance's row
	// prepaid is what payments of the day paid of it before it was
	// issued (only for a payee that is one party).
	prepaid Decimal
}

// flushMilestones issues the milestone lines gathered so far, in the order
// their clauses first fired; with onlySplit, only those whose payee is a
// split or a waterfall (a payment can pay the others before they are
// issued, see prepay).
func (s *settler) flushMilestones(onlySplit bool) error {
	kept := s.pending[:0]
	for i, p := range s.pending {
		if onlySplit && p.m.payee.party != "" {
			kept = append(kept, p)
			continue
		}
		m := p.m
		note := fmt.Sprintf("on %s of %s", m.event.Name, p.date)
		if p.n > 1 {
			note = fmt.Sprintf("on %d × %s of %s", p.n, m.event.Name, p.date)
		}
		l := &Line{
			Period: PeriodOf(PeriodQuarter, 0, p.date), Date: p.date, Due: p.date,
			Payer: m.payer, Clause: m.clause, Kind: "milestone",
			Notes: []string{note},
		}
		err := error(nil)
		if m.hasDue {
			l.Due, err = dueAfter(m.clause, m.duePos, p.date, m.dueAfter)
		}
		if err == nil {
			n := len(s.oblig)
			err = s.pay(l, p.amount, m.payee, s.waterfallPaid(m.clause, m.payee), m.late)
			if err == nil && p.prepaid.Sign() > 0 && len(s.oblig) == n+1 {
				o := s.oblig[n]
				o.remaining, err = o.remaining.Sub(p.prepaid)
			}
		}
		if err != nil {
			clear(s.pending)
			s.pending = s.pending[:0]
			return s.ledgerErr(p.at, m.clause, err)
		}
		s.pending[i] = nil
	}
	s.pending = kept
	return nil
}

// prepay pays, with what a payment has left after the open lines, the
// day's milestone lines from payer to payee not yet issued, oldest first,
// and returns what is left. They accrue on the payment's date, so no part
// of them is paid late.
func (s *settler) prepay(payer, payee string, left Decimal) (Decimal, error) {
	for _, p := range s.pending {
		if left.Sign() <= 0 {
			break
		}
		if p.m.payer != payer || p.m.payee.party != payee {
			continue
		}
		owed, err := p.amount.num.Sub(p.prepaid)
		if err != nil {
			return left, err
		}
		paid := left.Min(owed)
		if p.prepaid, err = p.prepaid.Add(paid); err != nil {
			return left, err
		}
		if left, err = left.Sub(paid); err != nil {
			return left, err
		}
	}
	return left, nil
}

// payment applies a `payment` event (payer, payee, amount) to the oldest
// open obligations from payer to payee, and charges late-payment terms on
// what it pays late.
func (s *settler) payment(ev Event, r *Record, date Date) error {
	get := func(name string) (Value, error) {
		i := r.Schema.FieldIndex(name)
		if i < 0 {
			return Value{}, &LedgerError{Source: ev.Source, Line: ev.Line,
				Msg: fmt.Sprintf("a payment event needs a field %q (payer, payee and amount)", name)}
		}
		return r.Fields[i], nil
	}
	payer, err := get("payer")
	if err != nil {
		return err
	}
	payee, err := get("payee")
	if err != nil {
		return err
	}
	amount, err := get("amount")
	if err != nil {
		return err
	}
	s.sawPayment = true
	// What the day's milestones owe so far is owed before this payment:
	// the lines to a split or a waterfall are issued now, the others are
	// paid in advance (prepay) and issued when the day is over.
	if err := s.flushMilestones(true); err != nil {
		return err
	}
	left := amount.num
	for _, o := range s.oblig {
		if left.Sign() <= 0 {
			break
		}
		if o.remaining.Sign() <= 0 || o.line.Payer != payer.str || o.line.Payee != payee.str {
			continue
		}
		paid := left.Min(o.remaining)
		if o.remaining, err = o.remaining.Sub(paid); err != nil {
			return err
		}
		if left, err = left.Sub(paid); err != nil {
			return err
		}
		if !date.After(o.line.Due) || len(o.late) == 0 {
			continue
		}
		// The part paid late bears interest to its own date; the line's
		// late charges are issued once, when it is paid in full.
		if err := s.bearInterest(o, paid, date); err != nil {
			return s.ledgerErr(ev, o.line.Clause, err)
		}
		if o.remaining.Sign() <= 0 {
			if err := s.lateCharges(o, date, "paid"); err != nil {
				return s.ledgerErr(ev, o.line.Clause, err)
			}
		}
	}
	if left, err = s.prepay(payer.str, payee.str, left); err != nil {
		return err
	}
	s.compact()
	return nil
}

// compact drops settled obligations so that memory stays flat.
func (s *settler) compact() {
	out := s.oblig[:0]
	for _, o := range s.oblig {
		if o.remaining.Sign() > 0 {
			out = append(out, o)
		}
	}
	for i := len(out); i < len(s.oblig); i++ {
		s.oblig[i] = nil
	}
	s.oblig = out
}

// chargedTo is the last date late charges run to: date, or the
// agreement's last day if that is earlier (SPEC 4.2: nothing accrues after
// the agreement ends).
func (s *settler) chargedTo(date Date) Date {
	if date.After(s.termEnd) {
		return s.termEnd
	}
	return date
}

// bearInterest adds to o the late interest that part, paid on date, bears
// under each `late interest` rule: part × rate × the periods of delay to
// date (SPEC 6.5), exact and uncapped until the line's charge is issued.
func (s *settler) bearInterest(o *obligation, part Decimal, date Date) error {
	if o.interest == nil {
		o.interest = make([]Decimal, len(o.late))
	}
	o.lateParts++
	var err error
	if o.latePaid, err = o.latePaid.Add(part); err != nil {
		return err
	}
	for i, lr := range o.late {
		if lr.penalty {
			continue
		}
		c, err := LateCharge(part, o.line.Due, s.chargedTo(date), lr.rate, lr.per, nil, nil)
		if err != nil {
			return err
		}
		if o.interest[i], err = o.interest[i].Add(c.Interest); err != nil {
			return err
		}
	}
	return nil
}

// lateTotal is the whole charge of late rule i on the line of o, with
// unpaid still owed on date: the interest borne by the parts paid late
// plus unpaid × rate × the periods to date, or the penalty × the periods
// to date; cut to the rule's cap (one cap for the whole line) and
// rounded.
func (s *settler) lateTotal(o *obligation, i int, unpaid Decimal, date Date) (Decimal, int64, error) {
	lr := o.late[i]
	date = s.chargedTo(date)
	var total Decimal
	var periods int64
	if lr.penalty {
		p := lr.rate
		c, err := LateCharge(Decimal{}, o.line.Due, date, Decimal{}, lr.per, &p, nil)
		if err != nil {
			return Decimal{}, 0, err
		}
		total, periods = c.Penalties, c.Periods
	} else {
		c, err := LateCharge(unpaid, o.line.Due, date, lr.rate, lr.per, nil, nil)
		if err != nil {
			return Decimal{}, 0, err
		}
		total, periods = c.Interest, c.Periods
		if o.interest != nil {
			if total, err = total.Add(o.interest[i]); err != nil {
				return Decimal{}, 0, err
			}
		}
	}
	cap := lr.cap
	if lr.capPct != nil {
		c, err := lr.capPct.Mul(o.line.Amount.num)
		if err != nil {
			return Decimal{}, 0, err
		}
		cap = &c
	}
	if cap != nil && total.Cmp(*cap) > 0 {
		total = *cap
	}
	t, err := total.Round(s.ag.unit, s.ag.rounding)
	return t, periods, err
}

// lateCharges issues one line for each late-payment rule of the
// obligation's clause: what the whole line owes under that rule, paid in
// full on date or still unpaid on it.
func (s *settler) lateCharges(o *obligation, date Date, how string) error {
	for i, lr := range o.late {
		charge, periods, err := s.lateTotal(o, i, o.remaining, date)
		if err != nil {
			return err
		}
		if !showLine(charge, false) {
			continue
		}
		kind := "late interest"
		if lr.penalty {
			kind = "late penalty"
		}
		on := s.chargedTo(date)
		var note string
		switch {
		case how == "unpaid":
			note = fmt.Sprintf("unpaid %s on %s, due %s: %d period(s) late",
				Money(o.line.Amount.str, o.remaining), date, o.line.Due, periods)
		case o.lateParts == 1:
			note = fmt.Sprintf("paid %s on %s, due %s: %d period(s) late",
				Money(o.line.Amount.str, o.latePaid), date, o.line.Due, periods)
		default:
			note = fmt.Sprintf("paid %s late in %d parts, in full on %s, due %s: %d period(s) late",
				Money(o.line.Amount.str, o.latePaid), o.lateParts, date, o.line.Due, periods)
		}
		if o.lateParts > 0 && how == "unpaid" {
			note += fmt.Sprintf("; %s paid late before", Money(o.line.Amount.str, o.latePaid))
		}
		if on != date {
			note += fmt.Sprintf(", counted to the agreement's end on %s", on)
		}
		l := &Line{
			Period: PeriodOf(PeriodQuarter, 0, on), Date: on, Due: on,
			Payer: o.line.Payer, Payee: o.line.Payee, Clause: o.line.Clause, Kind: kind,
			Amount: Money(o.line.Amount.str, charge),
			Notes:  []string{note},
		}
		s.emit(l, nil)
	}
	return nil
}

// overdue lists what is unpaid past its due date as of the as-of date.
func (s *settler) overdue() error {
	if !s.sawPayment {
		return nil // the ledger records no payments: payment is not tracked
	}
	asOf := s.st.AsOf
	for _, o := range s.oblig {
		if o.remaining.Sign() <= 0 || !asOf.After(o.line.Due) {
			continue
		}
		od := &Overdue{
			Line:        o.line,
			Outstanding: Money(o.line.Amount.str, o.remaining),
			DaysLate:    DaysBetween(o.line.Due, asOf),
			LateCharge:  Money(o.line.Amount.str, Decimal{}),
		}
		for i := range o.late {
			charge, _, err := s.lateTotal(o, i, o.remaining, asOf)
			if err != nil {
				return inClause(o.line.Clause, err)
			}
			if od.LateCharge.num, err = od.LateCharge.num.Add(charge); err != nil {
				return inClause(o.line.Clause, err)
			}
		}
		s.st.Overdue = append(s.st.Overdue, od)
		// What is still unpaid bears its late charges up to the as-of
		// date, as statement lines of their own (SPEC 6.5).
		if !asOf.After(s.st.To) && !asOf.Before(s.st.From) {
			if err := s.lateCharges(o, asOf, "unpaid"); err != nil {
				return inClause(o.line.Clause, err)
			}
		}
	}
	return nil
}

var kindOrder = map[string]int{
	"share": 0, "true-up": 1, "payment": 2, "installment": 3, "milestone": 4, "late interest": 5,
	"late penalty": 6,
}

// sortAndTotal puts lines in their deterministic order and adds them up
// per period and pair.
func (s *settler) sortAndTotal() {
	ls := s.st.Lines
	sort.SliceStable(ls, func(i, j int) bool {
		a, b := ls[i], ls[j]
		if c := a.Period.Start().Cmp(b.Period.Start()); c != 0 {
			return c < 0
		}
		if c := a.Period.End().Cmp(b.Period.End()); c != 0 {
			return c < 0
		}
		if a.Payer != b.Payer {
			return a.Payer < b.Payer
		}
		if a.Payee != b.Payee {
			return a.Payee < b.Payee
		}
		if a.Clause.Pos != b.Clause.Pos {
			return a.Clause.Pos.Before(b.Clause.Pos)
		}
		if a.Kind != b.Kind {
			return kindOrder[a.Kind] < kindOrder[b.Kind]
		}
		return a.Date.Before(b.Date)
	})
	for _, l := range ls {
		n := len(s.st.Totals)
		if n > 0 {
			t := s.st.Totals[n-1]
			if t.Period == l.Period && t.Payer == l.Payer && t.Payee == l.Payee && t.Amount.str == l.Amount.str {
				if sum, err := t.Amount.num.Add(l.Amount.num); err == nil {
					t.Amount.num = sum
					continue
				}
			}
		}
		s.st.Totals = append(s.st.Totals, &PairTotal{Period: l.Period, Payer: l.Payer, Payee: l.Payee, Amount: l.Amount})
	}
	sort.SliceStable(s.st.Overdue, func(i, j int) bool { return s.st.Overdue[i].Line.Due.Before(s.st.Overdue[j].Line.Due) })
}
