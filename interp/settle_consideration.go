package interp

import (
	"fmt"
	"sort"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
)

// scheduled issues a fixed payment or an installment.
func (s *settler) scheduled(r *scheduledRule) error {
	if r.err != nil {
		return r.err
	}
	l := &result.Line{
		Period: types.PeriodOf(types.PeriodQuarter, 0, r.date), Date: r.date, Due: r.due,
		Payer: r.payer, Clause: r.clause, Kind: r.kind,
	}
	if r.note != "" {
		l.Notes = []string{r.note}
	}
	if r.dueNote != "" {
		l.Notes = append(l.Notes, r.dueNote)
	}
	l.DueRule = r.dueRule
	// A fixed amount becomes a line rounded (SPEC 8.2 point 1);
	// installments are whole units already (6.3).
	amount := r.amount
	var err error
	n, err := amount.Num().Round(s.ag.unit, s.ag.rounding)
	if err == nil {
		amount, err = withNum(amount, n)
	}
	if err != nil {
		return inClause(r.clause, err)
	}
	if !amount.Num().Equal(r.amount.Num()) && !amount.Num().IsZero() {
		// As a share's line says it (SPEC 4.2): USD 1,861.50 under
		// `rounding half_down to 1` is a line of 1,861.00, not silently.
		l.Notes = append(l.Notes, fmt.Sprintf("exact amount %s, rounded %s to %s%s", formatAmount(r.amount.Num(), 2), s.ag.rounding, s.ag.unit, s.ag.roundingRule()))
	}
	return s.pay(l, amount, r.payee, s.waterfallPaid(r.clause, r.payee), r.late)
}

// waterfallPaid returns the running totals of a payment clause's
// waterfall steps, kept for the clause's life (SPEC 8.5), or nil when its
// payee is not a waterfall.
func (s *settler) waterfallPaid(c *result.ClauseInfo, p *payeeRule) []types.Decimal {
	if len(p.steps) == 0 {
		return nil
	}
	paid, ok := s.water[c]
	if !ok {
		paid = make([]types.Decimal, len(p.steps))
		s.water[c] = paid
	}
	return paid
}

// milestone adds the amount of an instance that meets the clause's
// condition to the clause's line of that day (SPEC 6.4): the instances of
// one day make one line, issued when the day is over, so that lines grow
// with days, not with ledger rows.
func (s *settler) milestone(m *milestoneRule, ev Event, date types.Date) error {
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
	if m.pre != nil {
		if err := checkPre(m.pre, s.fr); err != nil {
			return err
		}
	}
	// The exceptions to terms the amount takes are noted on the day's
	// line (SPEC 4.8).
	var tr *exceptionTrace
	for _, p := range s.milestones {
		if p.m == m && p.date == date {
			tr = p.exc
		}
	}
	if tr == nil {
		tr = &exceptionTrace{}
	}
	tr.next()
	s.fr.exc = tr
	amt, err := m.amount.eval(s.fr)
	s.fr.exc = nil
	if err != nil {
		return err
	}
	if amt.Num().Sign() < 0 {
		return clauseFault(m.clause, m.amountAt, "the milestone amount is negative: %s", amt)
	}
	s.fired[m.clause] = true
	n, err := amt.Num().Round(s.ag.unit, s.ag.rounding)
	if err == nil {
		amt, err = withNum(amt, n)
	}
	if err != nil {
		return err
	}
	for _, p := range s.milestones {
		if p.m == m && p.date == date {
			n, err := p.amount.Num().Add(amt.Num())
			if err == nil {
				p.amount, err = withNum(p.amount, n)
			}
			if err != nil {
				return err
			}
			p.n++
			p.at = ev
			return nil
		}
	}
	s.milestones = append(s.milestones, &pendingMilestone{m: m, date: date, amount: amt, n: 1, at: ev, exc: tr})
	return nil
}

// pendingMilestone is the line of one milestone clause for one day, while
// instances of that day may still add to it.
type pendingMilestone struct {
	m      *milestoneRule
	date   types.Date
	amount types.Value // the sum of the instances' rounded amounts
	n      int         // the instances
	at     Event       // the last instance's row
	exc    *exceptionTrace
}

// flushMilestones issues the milestone lines gathered so far, in the order
// their clauses first fired that day.
func (s *settler) flushMilestones() error {
	for i, p := range s.milestones {
		m := p.m
		note := fmt.Sprintf("on %s of %s", m.event.Name(), p.date)
		if p.n > 1 {
			note = fmt.Sprintf("on %d × %s of %s", p.n, m.event.Name(), p.date)
		}
		if m.breach != "" {
			note = breachNote(m, p.n, p.date)
		}
		l := &result.Line{
			Period: types.PeriodOf(types.PeriodQuarter, 0, p.date), Date: p.date, Due: p.date,
			Payer: m.payer, Clause: m.clause, Kind: "milestone",
			Notes: []string{note},
		}
		if n := p.exc.note(m.event.Name()); n != "" {
			l.Notes = append(l.Notes, n)
		}
		var why string
		var err error
		l.Due, l.DueRule, why, err = dueOn(m.clause, m.duePos, p.date, "the day of the "+m.event.Name(), m.dueAfter, m.hasDue, m.biz)
		if why != "" {
			l.Notes = append(l.Notes, why)
		}
		if err == nil {
			err = s.pay(l, p.amount, m.payee, s.waterfallPaid(m.clause, m.payee), m.late)
		}
		s.milestones[i] = nil
		if err != nil {
			clear(s.milestones)
			s.milestones = s.milestones[:0]
			return s.ledgerErr(p.at, m.clause, err)
		}
	}
	s.milestones = s.milestones[:0]
	return nil
}

// pendingPayment is a `payment` event read but not yet applied: a payment
// pays the lines accrued on or before its date (SPEC 6.5), and the lines of
// its own date are known only once every row of that date has been read
// (rows of one date come in any order, 7.6), so it is applied then.
type pendingPayment struct {
	ev           Event
	payer, payee string
	amount       types.Decimal
	currency     string // the amount's: a payment pays lines in it only
	date         types.Date
}

// payment reads a `payment` event (payer, payee, amount) and holds it
// until its date is over (see pendingPayment).
func (s *settler) payment(ev Event, r *types.Record, date types.Date) error {
	get := func(name string) (types.Value, error) {
		i := r.Schema.FieldIndex(name)
		if i < 0 {
			return types.Value{}, &LedgerError{Source: ev.Source, Line: ev.Line,
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
	s.pending = append(s.pending, pendingPayment{ev: ev, payer: payer.Str(), payee: payee.Str(), amount: amount.Num(), currency: amount.Str(), date: date})
	return nil
}

// flushPayments applies the payments held whose date is before `before`
// (all of them with final): first every share line accrued on or before
// the payment's date is issued — a period that ended on that date, or was
// cut by the agreement's end on or before it, and empty periods closed at
// a floor — then the payment pays.
func (s *settler) flushPayments(before types.Date, final bool) error {
	for len(s.pending) > 0 && (final || s.pending[0].date.Before(before)) {
		d := s.pending[0].date
		if err := s.closeThrough(d); err != nil {
			return s.calendarErr(s.pending[0].ev, err)
		}
		for len(s.pending) > 0 && s.pending[0].date == d {
			pp := s.pending[0]
			s.pending = s.pending[1:]
			if err := s.pay1(pp); err != nil {
				return err
			}
		}
	}
	if len(s.pending) == 0 {
		s.pending = s.pending[:0:0]
	}
	return nil
}

// closeThrough issues the share lines accrued on or before d: it closes
// the open periods whose line is dated on or before d (the period's end,
// or the agreement's last day when that is earlier) and fills at their
// floor the empty periods over by then.
func (s *settler) closeThrough(d types.Date) error {
	for _, st := range s.order {
		if st.open {
			end := st.period.End()
			if end.After(s.termEnd) {
				end = s.termEnd
			}
			if end.After(d) {
				continue
			}
			if err := s.closeShare(st, false); err != nil {
				return inClause(st.rule.clause, err)
			}
		}
		if err := s.fillFloors(st, d, false); err != nil {
			return inClause(st.rule.clause, err)
		}
	}
	return nil
}

// pay1 applies one payment to the oldest open obligations from payer to
// payee accrued on or before its date, and charges late-payment terms on
// what it pays late. The late charges it gives rise to are paid by later
// payments, not by what is left of this one (SPEC 6.5).
func (s *settler) pay1(pp pendingPayment) error {
	date := pp.date
	left := pp.amount
	var err error
	if !sort.SliceIsSorted(s.oblig, func(i, j int) bool { return s.oblig[i].line.Date.Before(s.oblig[j].line.Date) }) {
		sort.SliceStable(s.oblig, func(i, j int) bool { return s.oblig[i].line.Date.Before(s.oblig[j].line.Date) })
	}
	open := s.oblig // the charges issued below are not paid by this payment
	for _, o := range open {
		if left.Sign() <= 0 {
			break
		}
		if o.remaining.Sign() <= 0 || o.line.Payer != pp.payer || o.line.Payee != pp.payee || o.line.Date.After(date) {
			continue
		}
		if o.line.Amount.Str() != pp.currency {
			continue // USD paid is no EUR paid (SPEC 6.5)
		}
		if !s.asOfLimit.IsZero() && date.After(s.asOfLimit) && !o.copied {
			// Paid after the as-of date: on that date it was still
			// unpaid, as the overdue report must say.
			c := *o
			c.interest = append([]types.Decimal(nil), o.interest...)
			s.atAsOf = append(s.atAsOf, &c)
			o.copied = true
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
			return s.ledgerErr(pp.ev, o.line.Clause, err)
		}
		if o.remaining.Sign() <= 0 {
			if err := s.lateCharges(o, date, "paid"); err != nil {
				return s.ledgerErr(pp.ev, o.line.Clause, err)
			}
		}
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
func (s *settler) chargedTo(date types.Date) types.Date {
	if date.After(s.termEnd) {
		return s.termEnd
	}
	return date
}

// bearInterest adds to o the late interest that part, paid on date, bears
// under each `late interest` rule: part × rate × the periods of delay to
// date (SPEC 6.5), exact and uncapped until the line's charge is issued.
func (s *settler) bearInterest(o *obligation, part types.Decimal, date types.Date) error {
	if o.interest == nil {
		o.interest = make([]types.Decimal, len(o.late))
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
		c, _, err := lr.delay.Charge(part, o.line.Due, s.chargedTo(date), lr.rate, nil)
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
func (s *settler) lateTotal(o *obligation, i int, unpaid types.Decimal, date types.Date) (types.Decimal, delayCount, error) {
	lr := o.late[i]
	date = s.chargedTo(date)
	var total types.Decimal
	var periods delayCount
	if lr.penalty {
		p := lr.rate
		c, _, err := lr.delay.Charge(types.Decimal{}, o.line.Due, date, types.Decimal{}, &p)
		if err != nil {
			return types.Decimal{}, periods, err
		}
		total, periods.n = c.Penalties, c.Periods
	} else {
		c, f, err := lr.delay.Charge(unpaid, o.line.Due, date, lr.rate, nil)
		if err != nil {
			return types.Decimal{}, periods, err
		}
		total, periods.n, periods.days = c.Interest, c.Periods, f.Text
		if o.interest != nil {
			if total, err = total.Add(o.interest[i]); err != nil {
				return types.Decimal{}, periods, err
			}
		}
	}
	cap := lr.cap
	if lr.capPct != nil {
		c, err := lr.capPct.Mul(o.line.Amount.Num())
		if err != nil {
			return types.Decimal{}, periods, err
		}
		cap = &c
	}
	if cap != nil && total.Cmp(*cap) > 0 {
		periods.capped, periods.uncapped, periods.capUsed = true, total, *cap
		total = *cap
	}
	t, err := total.Round(s.ag.unit, s.ag.rounding)
	return t, periods, err
}

// lateCharges issues one line for each late-payment rule of the
// obligation's clause: what the whole line owes under that rule, paid in
// full on date or still unpaid on it.
func (s *settler) lateCharges(o *obligation, date types.Date, how string) error {
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
		late := periods.text(lr, o.line.Due)
		switch {
		case how == "unpaid":
			note = fmt.Sprintf("unpaid %s on %s, due %s: %s",
				types.MoneyValue(o.line.Amount.Str(), o.remaining), date, o.line.Due, late)
		case o.lateParts == 1:
			note = fmt.Sprintf("paid %s on %s, due %s: %s",
				types.MoneyValue(o.line.Amount.Str(), o.latePaid), date, o.line.Due, late)
		default:
			note = fmt.Sprintf("paid %s late in %d parts, in full on %s, due %s: %s",
				types.MoneyValue(o.line.Amount.Str(), o.latePaid), o.lateParts, date, o.line.Due, late)
		}
		if o.lateParts > 0 && how == "unpaid" {
			note += fmt.Sprintf("; %s paid late before", types.MoneyValue(o.line.Amount.Str(), o.latePaid))
		}
		if on != date {
			note += fmt.Sprintf(", counted to the agreement's end on %s", on)
		}
		if periods.capped {
			// The cap is visible where it cuts (as a share's cap is).
			note += fmt.Sprintf("; cut to the cap of %s from %s", types.MoneyValue(o.line.Amount.Str(), periods.capUsed), types.MoneyValue(o.line.Amount.Str(), periods.uncapped))
		}
		l := &result.Line{
			Period: types.PeriodOf(types.PeriodQuarter, 0, on), Date: on, Due: on,
			Payer: o.line.Payer, Payee: o.line.Payee, Clause: o.line.Clause, Kind: kind,
			Amount: types.MoneyValue(o.line.Amount.Str(), charge),
			Notes:  []string{note},
		}
		switch {
		case on != date:
			l.DueRule = fmt.Sprintf("due at once, on %s (the agreement's last day)", on)
		case how == "unpaid":
			l.DueRule = fmt.Sprintf("due at once, on %s (the as-of date, to which the delay is counted)", on)
		default:
			l.DueRule = fmt.Sprintf("due at once, on %s (the day the line was paid in full)", on)
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
	// What was unpaid on the as-of date: the obligations no payment made
	// after it touched, as they stand, and the others as they stood
	// before such a payment (a line paid late, after the as-of date, was
	// overdue on it all the same).
	for _, o := range s.oblig {
		if o.copied || o.remaining.Sign() <= 0 || !asOf.After(o.line.Due) {
			continue
		}
		if err := s.overdueAt(o, asOf); err != nil {
			return err
		}
	}
	for _, o := range s.atAsOf {
		if o.remaining.Sign() <= 0 || !asOf.After(o.line.Due) {
			continue
		}
		if err := s.overdueAt(o, asOf); err != nil {
			return err
		}
	}
	for _, o := range s.oblig {
		if o.remaining.Sign() <= 0 || !asOf.After(o.line.Due) {
			continue
		}
		// What is still unpaid bears its late charges up to the as-of
		// date (the agreement's last day at most), as statement lines of
		// their own when that date is within the span (SPEC 6.5).
		if on := s.chargedTo(asOf); !on.After(s.st.To) && !on.Before(s.st.From) {
			if err := s.lateCharges(o, asOf, "unpaid"); err != nil {
				return inClause(o.line.Clause, err)
			}
		}
	}
	return nil
}

// overdueAt reports o, unpaid past its due date, as overdue on asOf with
// the late charges it bears to that date.
func (s *settler) overdueAt(o *obligation, asOf types.Date) error {
	// No charge yet, written as amounts are: to the agreement's unit
	// ("0.00", not "0").
	none, err := types.Decimal{}.Round(s.ag.unit, types.Down)
	if err != nil {
		return err
	}
	od := &result.Overdue{
		Line:        o.line,
		Outstanding: types.MoneyValue(o.line.Amount.Str(), o.remaining),
		DaysLate:    types.DaysBetween(o.line.Due, asOf),
		LateCharge:  types.MoneyValue(o.line.Amount.Str(), none),
	}
	od.DaysLateRule = result.DaysLateRule(od.DaysLate, o.line.Due, asOf)
	// After the agreement's end the days late run on, but late charges
	// stop at its last day (SPEC 4.2): say so, with the delay charged, or
	// the charge does not follow from the days late.
	on := s.chargedTo(asOf)
	for i := range o.late {
		charge, periods, err := s.lateTotal(o, i, o.remaining, asOf)
		if err != nil {
			return inClause(o.line.Clause, err)
		}
		if on != asOf {
			od.DaysLateRule += fmt.Sprintf("; the late charge is counted only to %s, the agreement's last day: %s", on, periods.text(o.late[i], o.line.Due))
		}
		n, err := od.LateCharge.Num().Add(charge)
		if err == nil {
			od.LateCharge, err = withNum(od.LateCharge, n)
		}
		if err != nil {
			return inClause(o.line.Clause, err)
		}
	}
	s.st.Overdue = append(s.st.Overdue, od)
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
			if t.Period == l.Period && t.Payer == l.Payer && t.Payee == l.Payee && t.Amount.Str() == l.Amount.Str() {
				if sum, err := t.Amount.Num().Add(l.Amount.Num()); err == nil {
					t.Amount = types.MoneyValue(t.Amount.Currency(), sum)
					continue
				}
			}
		}
		s.st.Totals = append(s.st.Totals, &result.PairTotal{Period: l.Period, Payer: l.Payer, Payee: l.Payee, Amount: l.Amount})
	}
	sort.SliceStable(s.st.Overdue, func(i, j int) bool { return s.st.Overdue[i].Line.Due.Before(s.st.Overdue[j].Line.Due) })
}
