package interp

import (
	"context"
	"fmt"

	"github.com/pacta-lang/pacta/lang"
)

// Decision answers "may this action be taken?".
type Decision struct {
	Verdict   lang.Verdict
	Agreement string
	// Version is the amendment whose version was in force ("" for the base
	// agreement as first made).
	Version string
	AsOf    Date
	// Clause is the deciding clause; nil when no clause covers the action
	// (the verdict is then the agreement's default) and for a conflict.
	Clause *ClauseInfo
	// Effect is what the answer means for the action: Permitted or
	// Prohibited. For NotCovered it is the agreement's default verdict;
	// for Conflict it is Prohibited (nothing may be done on a disputed
	// footing until the parties resolve it).
	Effect lang.Verdict
	// Conflict names two applicable clauses that disagree with nothing
	// ordering them, when Verdict is Conflict.
	Conflict [2]*ClauseInfo
	// Applied lists every clause that applied, the deciding one first, then
	// in clause order, each with why it won or lost.
	Applied []Applied
	// Note explains a verdict reached without clauses (for example, an
	// action dated before the agreement took effect).
	Note string
}

// Applied is one clause that applied to an action.
type Applied struct {
	Clause *ClauseInfo
	Says   lang.Verdict // Permitted or Prohibited
	// Outcome is "decides", "agrees" (another clause saying the same
	// decided), "overridden" or "conflicts".
	Outcome string
	// By is the clause that overrode this one, when Outcome is
	// "overridden".
	By *ClauseInfo
	// Reason says why, in words: `3.2 applies notwithstanding 3.1`.
	Reason string
}

// DecideOptions adjusts a decision.
type DecideOptions struct {
	// AsOf selects the version of the agreement in force; the zero Date
	// means the action's own date.
	AsOf Date
}

// Decide says whether the action a may be taken. a must be an instance of
// an action of one of the program's agreements (see Program.NewAction).
func (p *Program) Decide(ctx context.Context, a *Record, opts DecideOptions) (*Decision, error) {
	if a == nil || a.Schema == nil || a.Schema.agreement == nil {
		return nil, fmt.Errorf("not an action of a loaded agreement")
	}
	ag := a.Schema.agreement
	dateIdx := a.Schema.FieldIndex("date")
	actDate := a.Fields[dateIdx].date
	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf = actDate
	}
	d := &Decision{Agreement: ag.id, AsOf: asOf}
	v := ag.versionAt(asOf)
	if v == nil || actDate.Before(ag.effective) {
		d.Verdict, d.Effect = lang.NotCovered, ag.defaultVerdict()
		d.Note = fmt.Sprintf("the agreement takes effect on %s", ag.effective)
		return d, nil
	}
	d.Version = v.amendment
	if ag.hasEnds && actDate.After(ag.ends) {
		d.Verdict, d.Effect = lang.NotCovered, ag.defaultVerdict()
		d.Note = fmt.Sprintf("the agreement ended on %s", ag.ends)
		return d, nil
	}
	fr := p.getFrame(ctx, asOf)
	defer p.putFrame(fr)
	fr.event = a
	actor := a.Fields[a.Schema.FieldIndex("actor")].str
	var buf [8]*rule
	applied := buf[:0]
	for _, r := range v.rules[a.Schema] {
		if r.party != actor {
			continue
		}
		if r.hasFrom && actDate.Before(r.from) || r.hasUntil && actDate.After(r.until) {
			continue
		}
		if r.cond != nil {
			ok, err := r.cond.eval(fr)
			if err != nil {
				return nil, fmt.Errorf("clause %s: %w", r.clause.Num, err)
			}
			if !ok.Truth() {
				continue
			}
		}
		applied = append(applied, r)
	}
	resolve(v, applied, d)
	if len(applied) == 0 {
		d.Verdict, d.Effect = lang.NotCovered, ag.defaultVerdict()
	}
	return d, nil
}

func (a *agreement) defaultVerdict() lang.Verdict {
	if a.defaultPerm {
		return lang.Permitted
	}
	return lang.Prohibited
}

func says(m lang.Modality) lang.Verdict {
	if m == lang.MustNot {
		return lang.Prohibited
	}
	return lang.Permitted
}

// resolve orders the applicable rules by precedence and fills d.
func resolve(v *version, applied []*rule, d *Decision) {
	if len(applied) == 0 {
		return
	}
	// A winner is an applicable rule that no other applicable rule
	// overrides.
	overriddenBy := make([]*rule, len(applied))
	for i, r := range applied {
		for _, o := range applied {
			if o != r && v.over[o.idx][r.idx] {
				overriddenBy[i] = o
				break
			}
		}
	}
	var first, firstOther *rule
	for i, r := range applied {
		if overriddenBy[i] != nil {
			continue
		}
		if first == nil {
			first = r
		} else if firstOther == nil && says(r.modality) != says(first.modality) {
			firstOther = r
		}
	}
	if firstOther != nil {
		d.Verdict = lang.Conflict
		d.Conflict = [2]*ClauseInfo{first.clause, firstOther.clause}
	} else {
		d.Verdict = says(first.modality)
		d.Clause = first.clause
	}
	d.Applied = make([]Applied, 0, len(applied))
	if d.Verdict != lang.Conflict {
		d.Applied = append(d.Applied, Applied{Clause: first.clause, Says: d.Verdict, Outcome: "decides",
			Reason: reasonDecides(first, applied, overriddenBy)})
	}
	for i, r := range applied {
		if r == first && d.Verdict != lang.Conflict {
			continue
		}
		a := Applied{Clause: r.clause, Says: says(r.modality)}
		switch {
		case overriddenBy[i] != nil:
			o := overriddenBy[i]
			a.Outcome, a.By = "overridden", o.clause
			a.Reason = overrideReason(o.clause, r.clause)
		case d.Verdict == lang.Conflict:
			a.Outcome = "conflicts"
			a.Reason = "no notwithstanding or subject to orders it against the other clauses that apply"
		default:
			a.Outcome = "agrees"
			a.Reason = fmt.Sprintf("says the same as %s", first.clause.Num)
		}
		d.Applied = append(d.Applied, a)
	}
}

func reasonDecides(r *rule, applied []*rule, overriddenBy []*rule) string {
	for i := range applied {
		if overriddenBy[i] == r {
			return fmt.Sprintf("applies and overrides %s", applied[i].clause.Num)
		}
	}
	return "applies"
}

// overrideReason says why winner beats loser, naming the precedence as
// written where it is direct.
func overrideReason(winner, loser *ClauseInfo) string {
	for _, n := range winner.Decl.Notwithstanding {
		if n.Num == loser.Num {
			return fmt.Sprintf("%s applies notwithstanding %s", winner.Num, loser.Num)
		}
	}
	for _, n := range loser.Decl.SubjectTo {
		if n.Num == winner.Num {
			return fmt.Sprintf("%s is subject to %s", loser.Num, winner.Num)
		}
	}
	return fmt.Sprintf("%s takes precedence over %s through a chain of notwithstanding and subject to", winner.Num, loser.Num)
}
