package interp

import (
	"fmt"
	"sort"
)

// scheduled issues a fixed payment or an installment.
func (s *settler) scheduled(r *scheduledRule) error {
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

// milestone pays on an event that meets the clause's condition.
func (s *settler) milestone(m *milestoneRule, date Date) error {
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
	s.fired[m.clause] = true
	l := &Line{
		Period: PeriodOf(PeriodQuarter, 0, date), Date: date, Due: date,
		Payer: m.payer, Clause: m.clause, Kind: "milestone",
		Notes: []string{fmt.Sprintf("on %s of %s", m.event.Name, date)},
	}
	if m.hasDue {
		if l.Due, err = date.AddDuration(m.dueAfter); err != nil {
			return err
		}
	}
	if amt.num, err = amt.num.Round(s.ag.unit, s.ag.rounding); err != nil {
		return err
	}
	return s.pay(l, amt, m.payee, s.waterfallPaid(m.clause, m.payee), m.late)
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
		if date.After(o.line.Due) {
			if err := s.lateCharges(o, paid, date, "paid"); err != nil {
				return err
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

// lateCharge works out the charge of one late-payment rule on amount, due
// on the obligation's due date and paid (or still unpaid) on date.
func (s *settler) lateCharge(o *obligation, lr *lateRule, amount Decimal, date Date) (Decimal, int64, error) {
	rate := lr.rate
	var penalty *Decimal
	if lr.penalty {
		p := lr.rate
		penalty, rate = &p, Decimal{}
	}
	cap := lr.cap
	if lr.capPct != nil {
		c, err := lr.capPct.Mul(o.line.Amount.num)
		if err != nil {
			return Decimal{}, 0, err
		}
		cap = &c
	}
	c, err := LateCharge(amount, o.line.Due, date, rate, lr.per, penalty, cap)
	if err != nil {
		return Decimal{}, 0, err
	}
	t, err := c.Total.Round(s.ag.unit, s.ag.rounding)
	return t, c.Periods, err
}

// lateCharges issues a line for each late-payment rule of the
// obligation's clause, on the part paid late.
func (s *settler) lateCharges(o *obligation, paid Decimal, date Date, how string) error {
	for _, lr := range o.late {
		charge, periods, err := s.lateCharge(o, lr, paid, date)
		if err != nil {
			return err
		}
		if charge.IsZero() {
			continue
		}
		kind := "late interest"
		if lr.penalty {
			kind = "late penalty"
		}
		l := &Line{
			Period: PeriodOf(PeriodQuarter, 0, date), Date: date, Due: date,
			Payer: o.line.Payer, Payee: o.line.Payee, Clause: o.line.Clause, Kind: kind,
			Amount: Money(o.line.Amount.str, charge),
			Notes: []string{fmt.Sprintf("%s %s on %s, due %s: %d period(s) late", how,
				Money(o.line.Amount.str, paid), date, o.line.Due, periods)},
		}
		s.emit(l, nil)
	}
	return nil
}

// overdue lists what is unpaid past its due date as of the as-of date.
func (s *settler) overdue() {
	if !s.sawPayment {
		return // the ledger records no payments: payment is not tracked
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
		for _, lr := range o.late {
			if charge, _, err := s.lateCharge(o, lr, o.remaining, asOf); err == nil {
				if sum, err := od.LateCharge.num.Add(charge); err == nil {
					od.LateCharge.num = sum
				}
			}
		}
		s.st.Overdue = append(s.st.Overdue, od)
		// What is still unpaid bears its late charges up to the as-of
		// date, as statement lines of their own (SPEC 6.5).
		if !asOf.After(s.st.To) && !asOf.Before(s.st.From) {
			s.lateCharges(o, o.remaining, asOf, "unpaid")
		}
	}
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
