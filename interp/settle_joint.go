package interp

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/internal/formula"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file settles caps across share clauses (SPEC 7.4.1): `clauses
// 5.1 and 5.2 together at most X over the term`. Each named clause's
// amount for a period, after its own floors and caps, is counted against
// one running total per cap, in the order the lines arise.

// jointRule is a compiled clause that caps share clauses together.
type jointRule struct {
	clause *result.ClauseInfo
	nums   []string    // the share clauses, by number
	caps   []windowCap // per a period in the order written, then over the term
	floors []windowCap // the same, for `at least` (settle_joint_floor.go)
	// When a floor's true-up is due, counted from its window's last day,
	// and what paying it late costs (SPEC 7.4.1).
	dueAfter types.Duration
	hasDue   bool
	duePos   lang.Pos
	biz      *dueBiz
	late     []*lateRule
}

// jointKey names the running total of one cap of a joint clause: the
// clause's number and the cap's unit, so that an amendment that replaces
// the clause with another amount carries the total on.
type jointKey struct {
	clause string
	unit   types.PeriodKind
	floor  bool
}

type jointState struct {
	win formula.Window
	cap formula.LifetimeCap
}

func (p *Program) compileJoint(a *agreement, v *version, ci *result.ClauseInfo, b *lang.JointLimit) error {
	j := &jointRule{clause: ci, duePos: duePos(b.Due, b.At)}
	var err error
	if j.dueAfter, j.hasDue, err = dueOf(b.Due); err != nil {
		return err
	}
	if j.biz, err = v.comp.bizOf(b.Due); err != nil {
		return err
	}
	if j.late, err = v.comp.lateRules(b.Late); err != nil {
		return err
	}
	for _, r := range b.Clauses {
		if r != nil {
			j.nums = append(j.nums, r.Num)
		}
	}
	names := strings.Join(j.nums, ", ")
	if n := len(j.nums); n > 1 {
		names = strings.Join(j.nums[:n-1], ", ") + " and " + j.nums[n-1]
	}
	for _, lim := range b.Limits {
		if lim == nil {
			continue
		}
		amt, err := a.limitMoney(v.comp, lim.Amount)
		if err != nil {
			return err
		}
		kind := types.PeriodKind(0)
		unit := "over the term"
		if lim.Per != nil {
			if kind, err = periodKindOf(lim.Per); err != nil {
				return atPos(lim.Per.Pos(), err)
			}
			unit = "per " + kind.Noun()
		}
		word := "at most"
		if lim.Floor {
			word = "at least"
		}
		wc := windowCap{limit: *amt, kind: kind,
			text: fmt.Sprintf("clauses %s together %s %s %s (clause %s)", names, word, types.MoneyValue(a.currency, *amt), unit, ci.Num)}
		if lim.Floor {
			j.floors = append(j.floors, wc)
		} else {
			j.caps = append(j.caps, wc)
		}
	}
	overTerm := func(l windowCap) int {
		if l.kind == 0 {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(j.caps, func(x, y windowCap) int { return overTerm(x) - overTerm(y) })
	slices.SortStableFunc(j.floors, func(x, y windowCap) int { return overTerm(x) - overTerm(y) })
	v.money.joint = append(v.money.joint, j)
	return nil
}

// jointCaps applies the caps across clauses in force on the period's
// last day to the amount of st's clause for period (SPEC 7.4 step 5a).
func (s *settler) jointCaps(st *shareState, period types.Period, amount types.Decimal, notes *[]string, explained *bool) (_ types.Decimal, err error) {
	v := s.versionOn(period.End())
	if v == nil || v.money == nil || len(v.money.joint) == 0 {
		return amount, nil
	}
	num := st.rule.clause.Num
	for _, j := range v.money.joint {
		// The named clauses are those in force in the capping clause's
		// version (SPEC 7.4.1): a line of a clause as an earlier version
		// wrote it, whose period ends in this one, is not counted.
		if !slices.Contains(j.nums, num) || !v.money.hasShare(st.rule.clause) {
			continue
		}
		defer func() {
			if err == nil {
				err = s.jointFloorAdd(j, period, amount)
			}
		}()
		for _, c := range j.caps {
			key := jointKey{j.clause.Num, c.kind, false}
			js := s.joint[key]
			if js == nil {
				if s.joint == nil {
					s.joint = map[jointKey]*jointState{}
				}
				js = &jointState{win: formula.Window{Kind: c.kind, FiscalStart: s.ag.startOf(c.kind)}}
				s.joint[key] = js
			}
			var changed bool
			changed, err = js.win.Enter(period.Start())
			if err != nil {
				return amount, err
			}
			if changed {
				js.cap.Reset()
			}
			if err := js.cap.SetLimit(c.limit); err != nil {
				return amount, err
			}
			before := amount
			if amount, err = js.cap.Take(amount); err != nil {
				return amount, err
			}
			if !amount.Equal(before) {
				*notes = append(*notes, fmt.Sprintf("%s: cut from %s", c.text, types.MoneyValue(s.ag.currency, before)))
				*explained = true
			}
		}
	}
	return amount, nil
}

// closeOrder is the order in which advance closes open share periods:
// creation order; with caps across clauses, by the period's last day and
// then by clause number, the order in which SPEC 7.4.1 counts the lines
// against the caps.
func (s *settler) closeOrder() []*shareState {
	joint := false
	for _, v := range s.ag.versions {
		if v.money != nil && len(v.money.joint) > 0 {
			joint = true
			break
		}
	}
	if !joint {
		return s.order
	}
	out := slices.Clone(s.order)
	slices.SortStableFunc(out, func(a, b *shareState) int {
		if c := a.period.End().Cmp(b.period.End()); c != 0 {
			return c
		}
		return lang.CompareClauseNums(a.rule.clause.Num, b.rule.clause.Num)
	})
	return out
}

// hasShare reports whether clause c is one of the share clauses of these
// rules (the clause's version, not only its number).
func (m *moneyRules) hasShare(c *result.ClauseInfo) bool {
	for _, rules := range m.shares {
		for _, r := range rules {
			if r.clause == c {
				return true
			}
		}
	}
	return false
}
