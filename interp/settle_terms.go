package interp

import (
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/lang"

	"github.com/pacta-lang/pacta/interp/types"
)

// This file is the one place where a settlement picks the date on which a
// money clause's terms are evaluated (SPEC 9.3): an installment schedule's
// total on its first date; tier rates and thresholds, limit amounts, split
// shares and waterfall limits of a share on the last day of the settlement
// period; a recoupment advance on the first day of the clause version's
// life. The clause is the same clause version throughout; only the terms
// it uses are taken as they are in force on that date.

// onKey is a clause version compiled with the terms of a version.
type onKey struct {
	clause *result.ClauseInfo
	terms  *version
}

// versionOn returns the version whose terms are in force on d, as known
// to this settlement (an amendment effective after the as-of date does
// not count); before the agreement took effect, its first version.
func (s *settler) versionOn(d types.Date) *version {
	if v := s.ag.versionAt(s.known(d)); v != nil {
		return v
	}
	return s.ag.versions[0]
}

// rulesOn returns the money rules of clause c with its terms evaluated on
// d. A date before the clause version's first day counts as that day: a
// clause's terms are never taken from before it was in force. When the
// version in force on d holds c, those are its compiled rules; otherwise
// (the clause version ended before d) c is compiled afresh against that
// version's terms, once per settlement.
func (s *settler) rulesOn(c *result.ClauseInfo, d types.Date) (*moneyRules, error) {
	w := s.versionOn(d)
	key := onKey{c, w}
	if m, ok := s.on[key]; ok {
		return m, nil
	}
	if !w.holds(c) {
		if start := s.clauseStart(c, d); d.Before(start) {
			w = s.versionOn(start)
		}
	}
	m := w.money
	if !w.holds(c) {
		comp := *w.comp
		comp.done = map[*lang.TermDecl]*term{} // the version's own cache is shared
		tmp := &version{from: w.from, terms: w.terms, comp: &comp,
			money: &moneyRules{shares: map[*schema][]*shareRule{}, milestones: map[*schema][]*milestoneRule{}}}
		var err error
		switch b := c.Decl.Body.(type) {
		case *lang.Share:
			err = s.p.compileShare(s.ag, tmp, c, b)
		case *lang.Installments:
			err = s.p.compileInstallments(s.ag, tmp, c, b)
		}
		if err != nil {
			return nil, inClause(c, err)
		}
		m = tmp.money
	}
	if s.on == nil {
		s.on = map[onKey]*moneyRules{}
	}
	s.on[key] = m
	return m, nil
}

// holds reports whether clause c is in force in v.
func (v *version) holds(c *result.ClauseInfo) bool {
	for _, vc := range v.clauses {
		if vc == c {
			return true
		}
	}
	return false
}

// shareOn returns share rule r (any version of it: they differ only in
// the terms they use) with its terms evaluated on d.
func (s *settler) shareOn(r *shareRule, d types.Date) (*shareRule, error) {
	m, err := s.rulesOn(r.clause, d)
	if err != nil {
		return nil, err
	}
	for _, x := range m.shares[r.action] {
		if x.clause == r.clause {
			return x, nil
		}
	}
	return r, nil
}

// installmentOn returns installment r with the amount of its schedule's
// total evaluated on the schedule's first date; its payee, date and due
// date stay r's. A total that cannot be divided on that date makes every
// installment an error.
func (s *settler) installmentOn(r *scheduledRule) *scheduledRule {
	if r.kind != "installment" {
		return r
	}
	m, err := s.rulesOn(r.clause, r.first)
	if err != nil {
		out := *r
		out.err = err
		return &out
	}
	for _, x := range m.scheduled {
		if x.clause != r.clause {
			continue
		}
		switch {
		case x.note == "" && x.err != nil: // the whole schedule failed
			out := *r
			out.err = x.err
			return &out
		case x.date == r.date:
			if x.amount.Equal(r.amount) {
				return r
			}
			out := *r
			out.amount = x.amount
			return &out
		}
	}
	return r
}
