package interp

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file settles the end of an agreement before its term (SPEC 5.6):
// a `termination` row is a notice given under a right to terminate, a
// `cure` row cures the breaches of a clause, and the events that clauses
// terminate on end the agreement by themselves. Once a termination takes
// effect, the clauses that do not survive it count nothing more.

// endState is what a settlement keeps about the end of the agreement.
type endState struct {
	// open is, per clause watched, the day of its earliest breach not
	// cured in time; first the day of its first breach, cured or not.
	open  map[string]types.Date
	first map[string]types.Date
}

// endings reads a row that may end the agreement, before anything else of
// its date is settled, so that a termination effective that day already
// holds for the day's scheduled payments.
func (s *settler) endings(ev Event, r *types.Record, date types.Date) error {
	v := s.ag.versionAt(s.known(date))
	if v == nil || v.ends == nil || date.Before(s.ag.effective) || date.After(s.termEnd) {
		return nil
	}
	sc := r.Schema
	if !sc.Event() {
		return nil
	}
	switch sc.Name() {
	case "termination":
		return s.notice(ev, r, v, date)
	case "cure":
		return s.cure(ev, r, v, date)
	}
	for _, a := range v.ends.auto[schemaOf(sc).id] {
		if s.ended != nil && !date.Before(s.ended.Effective) {
			return nil
		}
		if a.where != nil {
			s.fr.event = r
			s.fr.budget = s.p.budget
			s.fr.call.asOf = date
			ok, err := a.where.eval(s.fr)
			if err != nil {
				return s.ledgerErr(ev, a.clause, err)
			}
			if !ok.Truth() {
				continue
			}
		}
		s.terminate(&result.Termination{Clause: a.clause, Notice: date, Effective: date, Event: sc.Name(), Source: ev.Source, Line: ev.Line})
	}
	return nil
}

// textField returns the text (or party) of the field name of a row that
// the settlement reads by name.
func textField(ev Event, r *types.Record, name, what string) (string, error) {
	i := r.Schema.FieldIndex(name)
	if i < 0 {
		return "", &LedgerError{Source: ev.Source, Line: ev.Line,
			Msg: fmt.Sprintf("%s event needs a field %q (SPEC 5.6)", what, name)}
	}
	return r.Fields[i].Str(), nil
}

// notice reads a notice of termination: `notice_by` the party that gave
// it, `under_clause` the clause that gives the right, the row's date the
// day it was given.
func (s *settler) notice(ev Event, r *types.Record, v *version, date types.Date) error {
	by, err := textField(ev, r, "notice_by", "a termination")
	if err != nil {
		return err
	}
	num, err := textField(ev, r, "under_clause", "a termination")
	if err != nil {
		return err
	}
	bad := func(field, format string, args ...any) error {
		return &LedgerError{Source: ev.Source, Line: ev.Line, Field: field, Msg: fmt.Sprintf(format, args...)}
	}
	if t := s.ended; t != nil && !date.Before(t.Effective) {
		return bad("date", "the agreement had already ended on %s: %s", t.LastDay(), t)
	}
	right := v.ends.right(num)
	if right == nil {
		if len(v.ends.rights) == 0 {
			return bad("under_clause", "no clause of %s in force on %s gives a right to terminate it", s.ag.id, date)
		}
		for _, ci := range v.clauses {
			if ci.Num == num {
				return bad("under_clause", "clause %s gives no right to terminate; the rights are in %s", num, rightNums(v))
			}
		}
		return bad("under_clause", "no clause %s in force on %s; the rights to terminate are in %s", num, date, rightNums(v))
	}
	if right.party != by {
		return bad("notice_by", "clause %s gives the right to terminate to %s, not %s", num, right.party, by)
	}
	t := &result.Termination{Clause: right.clause, By: by, Notice: date, Effective: date, Source: ev.Source, Line: ev.Line}
	if right.breach != "" {
		b, ok := s.end.open[right.breach]
		if !ok {
			return bad("under_clause", "clause %s gives the right only on a breach of %s%s, and the ledger shows none before %s",
				num, right.breach, cureWords(right), date)
		}
		last := b
		if right.hasCure {
			if last, err = b.AddDuration(right.cure); err != nil {
				return bad("date", "%v", err)
			}
		}
		if !date.After(last) {
			first, _ := last.AddDays(1)
			return bad("date", "the breach of %s on %s may be cured until %s (%s after it); notice under clause %s may be given from %s",
				right.breach, b, last, right.cure, num, first)
		}
		t.Breach, t.BreachDate = right.breach, b
		if right.hasCure {
			t.Cure = right.cure.String()
		}
	}
	if right.hasNotice {
		if t.Effective, err = date.AddDuration(right.notice); err != nil {
			return bad("date", "the termination would take effect after %s", types.MaxDate())
		}
		t.Period = right.notice.String()
	}
	s.terminate(t)
	return nil
}

func cureWords(r *rightRule) string {
	if r.hasCure {
		return " not cured within " + r.cure.String()
	}
	return ""
}

func rightNums(v *version) string {
	var out string
	for i, r := range v.ends.rights {
		if i > 0 {
			out += ", "
		}
		out += r.clause.Num
	}
	return out
}

// cure reads a cure of the breaches of a clause (`breach_of`): a cure
// within the cure period of the earliest breach not yet cured cures every
// breach of the clause up to its date; a later one cures nothing, since
// the right to terminate has arisen.
func (s *settler) cure(ev Event, r *types.Record, v *version, date types.Date) error {
	num, err := textField(ev, r, "breach_of", "a cure")
	if err != nil {
		return err
	}
	b, ok := s.end.open[num]
	if !ok {
		return nil
	}
	for _, right := range v.ends.rights {
		if right.breach != num || !right.hasCure {
			continue
		}
		last, err := b.AddDuration(right.cure)
		if err == nil && date.After(last) {
			return nil // too late: the right to terminate has arisen
		}
	}
	delete(s.end.open, num)
	return nil
}

// terminate records t unless a termination already takes effect no later.
func (s *settler) terminate(t *result.Termination) {
	if s.ended != nil && !t.Effective.Before(s.ended.Effective) {
		return
	}
	s.ended = t
	s.st.Terminated = t
	last := t.LastDay()
	for _, st := range s.order {
		if !st.rule.clause.Survives() && last.Before(st.to) {
			st.to = last
		}
	}
}

// breached records a breach of the watched clause num by the row being
// settled, and pays the remedies for it.
func (s *settler) breached(ev Event, v *version, num string, date types.Date) error {
	if s.end.open == nil {
		s.end.open, s.end.first = map[string]types.Date{}, map[string]types.Date{}
	}
	if _, ok := s.end.open[num]; !ok {
		s.end.open[num] = date
	}
	if _, ok := s.end.first[num]; !ok {
		s.end.first[num] = date
	}
	for _, m := range v.money.onBreach[num] {
		if cuts(s.ended, m.clause, date) {
			continue
		}
		if err := s.milestone(m, ev, date); err != nil {
			return s.ledgerErr(ev, m.clause, err)
		}
	}
	return nil
}

// watchBreach is called with every decision of a settlement: a
// prohibition decided by a watched clause is a breach of it (SPEC 5.6).
func (s *settler) watchBreach(ev Event, v *version, dec *result.Decision, date types.Date) error {
	if !s.ag.terminable || dec.Verdict != lang.Prohibited || dec.Clause == nil || !s.ag.watched[dec.Clause.Num] {
		return nil
	}
	return s.breached(ev, v, dec.Clause.Num, date)
}

// breachNote says what a remedy's line pays for: `on the breach of 3.1 by
// sell of 2027-02-01` (SPEC 5.6).
func breachNote(m *milestoneRule, n int, date types.Date) string {
	if n > 1 {
		return fmt.Sprintf("on %d breaches of %s by %s of %s", n, m.breach, m.event.Name(), date)
	}
	return fmt.Sprintf("on the breach of %s by %s of %s", m.breach, m.event.Name(), date)
}
