package interp

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/internal/formula"
	"github.com/pacta-lang/pacta/interp/types"
)

// This file settles floors across share clauses (SPEC 7.4.1): `clauses
// 5.1 and 5.2 together at least X per year`. The named clauses' amounts
// (after the caps) are added up per window; when a window is over, a
// true-up line pays the shortfall, from the shares' payer to their payee.

// jointFloorSum is the running state of one floor across clauses.
type jointFloorSum struct {
	key  jointKey
	cur  types.Period // the window being added up; zero over the term
	from types.Date   // its first day counted
	sum  types.Decimal
	done bool // over the term: trued up
}

// jointFloors lists the floors across clauses of the agreement, found
// on first use (nil list: none).
type jointFloors struct {
	sums []*jointFloorSum
}

func (s *settler) floorSums() []*jointFloorSum {
	if s.jf != nil {
		return s.jf.sums
	}
	s.jf = &jointFloors{}
	seen := map[jointKey]bool{}
	for _, v := range s.ag.versions {
		if v.money == nil {
			continue
		}
		for _, j := range v.money.joint {
			for _, f := range j.floors {
				k := jointKey{j.clause.Num, f.kind, true}
				if seen[k] {
					continue
				}
				seen[k] = true
				fs := &jointFloorSum{key: k, from: s.ag.effective}
				if f.kind != 0 {
					fs.cur = types.PeriodOf(f.kind, s.ag.startOf(f.kind), s.ag.effective)
				}
				s.jf.sums = append(s.jf.sums, fs)
			}
		}
	}
	return s.jf.sums
}

// windowEnd is the last day of fs's window: the window's, the
// agreement's last day if earlier; over the term, the agreement's last
// day. A termination (SPEC 5.6) that ends the limiting clause closes its
// window earlier: at the end of the last of the named shares' settlement
// periods that hold the clause's last day in force.
func (s *settler) windowEnd(fs *jointFloorSum) types.Date {
	end := s.lastWindowDay(fs)
	if fs.key.unit == 0 || end.Before(fs.cur.End()) {
		return end
	}
	return fs.cur.End()
}

// lastWindowDay is the day fs's windows stop at: the agreement's last
// day, or the day a termination closes them (windowEnd).
func (s *settler) lastWindowDay(fs *jointFloorSum) types.Date {
	t := s.ended
	if t == nil || !t.LastDay().Before(s.termEnd) {
		return s.termEnd
	}
	last := t.LastDay()
	v := s.versionOn(last)
	if v == nil || v.money == nil {
		return s.termEnd
	}
	for _, j := range v.money.joint {
		if j.clause.Num != fs.key.clause {
			continue
		}
		if j.clause.Survives() {
			return s.termEnd
		}
		end := last
		for _, num := range j.nums {
			for _, rules := range v.money.shares {
				for _, r := range rules {
					if r.clause.Num != num {
						continue
					}
					if e := types.PeriodOf(r.settled, s.ag.startOf(r.settled), last).End(); e.After(end) {
						end = e
					}
				}
			}
		}
		if end.After(s.termEnd) {
			end = s.termEnd
		}
		return end
	}
	return s.termEnd
}

// jointFloorAdd adds a line of clause j's share for period to the floors
// of j, first truing up the windows before period's.
func (s *settler) jointFloorAdd(j *jointRule, period types.Period, amount types.Decimal) error {
	for _, fs := range s.floorSums() {
		if fs.key.clause != j.clause.Num {
			continue
		}
		if err := s.trueUpBefore(fs, period.Start()); err != nil {
			return err
		}
		var err error
		if fs.sum, err = fs.sum.Add(amount); err != nil {
			return err
		}
	}
	return nil
}

// jointFloorsDue trues up the floors whose window ended before date (with
// final, on or before the statement's end).
func (s *settler) jointFloorsDue(date types.Date, final bool) error {
	sums := s.floorSums()
	if len(sums) == 0 {
		return nil
	}
	if final {
		if s.st.To.IsZero() {
			return nil
		}
		date = mustAdd(s.st.To, 1)
	}
	for _, fs := range sums {
		if err := s.trueUpBefore(fs, date); err != nil {
			return err
		}
	}
	return nil
}

// trueUpBefore trues up fs's windows that end before date, moving it to
// the window of date.
func (s *settler) trueUpBefore(fs *jointFloorSum, date types.Date) error {
	for n := 0; !fs.done && s.windowEnd(fs).Before(date); n++ {
		if fs.key.unit != 0 && s.windowEnd(fs).Before(fs.cur.Start()) {
			// A termination closed the windows before this one began.
			fs.done = true
			return nil
		}
		if n > formula.MaxFloorPeriods {
			return fmt.Errorf("more than %d periods to settle at a floor across clauses", formula.MaxFloorPeriods)
		}
		if err := s.jointTrueUp(fs); err != nil {
			return err
		}
		if fs.key.unit == 0 || !s.lastWindowDay(fs).After(fs.cur.End()) {
			fs.done = true
			return nil
		}
		next, err := fs.cur.Next()
		if err != nil {
			fs.done = true
			return nil
		}
		fs.cur, fs.from, fs.sum = next, next.Start(), types.Decimal{}
	}
	return nil
}

// jointTrueUp issues the true-up of fs's window, under the floor in force
// on its last day, if the clauses paid less than it.
func (s *settler) jointTrueUp(fs *jointFloorSum) error {
	end := s.windowEnd(fs)
	v := s.versionOn(end)
	if v == nil || v.money == nil {
		return nil
	}
	for _, j := range v.money.joint {
		if j.clause.Num != fs.key.clause {
			continue
		}
		for _, f := range j.floors {
			if f.kind != fs.key.unit {
				continue
			}
			short, err := f.limit.Sub(fs.sum)
			if err != nil || short.Sign() <= 0 {
				return err
			}
			r := s.jointPayer(v, j)
			if r == nil {
				return nil // none of the clauses is in force: nobody to pay
			}
			period := fs.cur
			if fs.key.unit == 0 {
				period = types.PeriodOf(r.settled, s.ag.startOf(r.settled), end)
			}
			l := &result.Line{
				Period: period, Date: end, Payer: r.payer, Clause: j.clause, Kind: "true-up",
				Notes: []string{fmt.Sprintf("%s; paid %s from %s to %s", f.text,
					types.MoneyValue(s.ag.currency, fs.sum), fs.from, end)},
			}
			// Due counted from the window's last day (SPEC 7.4.1).
			var why string
			if l.Due, l.DueRule, why, err = dueOn(j.clause, j.duePos, end, s.windowWords(fs, end), j.dueAfter, j.hasDue, j.biz); err != nil {
				return err
			}
			if why != "" {
				l.Notes = append(l.Notes, why)
			}
			if err := s.pay(l, types.MoneyValue(s.ag.currency, short), r.payee, nil, j.late); err != nil {
				return err
			}
			// What the true-up pays counts towards the clause's other
			// floors whose window holds its date (SPEC 7.4.1).
			for _, o := range s.floorSums() {
				if o == fs || o.done || o.key.clause != fs.key.clause {
					continue
				}
				if o.key.unit == 0 || !end.Before(o.cur.Start()) && !end.After(o.cur.End()) {
					if o.sum, err = o.sum.Add(short); err != nil {
						return err
					}
				}
			}
			return nil
		}
	}
	return nil
}

// jointPayer is the first of j's share clauses in force in v: its payer
// pays the true-up to its payee (the checker requires one payer and one
// payee).
func (s *settler) jointPayer(v *version, j *jointRule) *shareRule {
	for _, num := range j.nums {
		for _, rules := range v.money.shares {
			for _, r := range rules {
				if r.clause.Num == num {
					return r
				}
			}
		}
	}
	return nil
}

// windowWords says what the last day of fs's window is, for a true-up's
// due rule: "the last day of 2027", "the agreement's last day, in 2028",
// "the agreement's last day" (a floor over the term).
func (s *settler) windowWords(fs *jointFloorSum, end types.Date) string {
	closed := "the agreement's last day"
	if end != s.termEnd {
		closed = "the last day of the settlement periods the termination cut short"
	}
	switch {
	case fs.key.unit == 0:
		return closed
	case end != fs.cur.End():
		return closed + ", in " + fs.cur.String()
	}
	return "the last day of " + fs.cur.String()
}
