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
// day.
func (s *settler) windowEnd(fs *jointFloorSum) types.Date {
	if fs.key.unit == 0 || s.termEnd.Before(fs.cur.End()) {
		return s.termEnd
	}
	return fs.cur.End()
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
		if n > formula.MaxFloorPeriods {
			return fmt.Errorf("more than %d periods to settle at a floor across clauses", formula.MaxFloorPeriods)
		}
		if err := s.jointTrueUp(fs); err != nil {
			return err
		}
		if fs.key.unit == 0 || !s.termEnd.After(fs.cur.End()) {
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
				Period: period, Date: end, Due: end, Payer: r.payer, Clause: j.clause, Kind: "true-up",
				Notes: []string{fmt.Sprintf("%s; paid %s from %s to %s", f.text,
					types.MoneyValue(s.ag.currency, fs.sum), fs.from, end)},
			}
			if err := s.pay(l, types.MoneyValue(s.ag.currency, short), r.payee, nil, nil); err != nil {
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
