package interp

import (
	"context"
	"fmt"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// DecideOptions adjusts a decision.
type DecideOptions struct {
	// AsOf leaves out the amendments that take effect after it: the
	// action is judged by the clauses in force on its own date among those
	// known on AsOf. The zero Date means the action's own date.
	AsOf types.Date
	// StepBudget, when positive, replaces the program's step budget
	// (WithStepBudget) for this decision.
	StepBudget int64
	// Explain fills Applied[i].Exceptions: which exceptions to terms
	// (SPEC 4.8) gave a value to the terms of each applying clause's
	// condition. It costs an allocation or two per decision.
	Explain bool
	// Terminated, when set, is a termination of the agreement (say a
	// statement's): from its effective date only the clauses that survive
	// termination apply (SPEC 5.6).
	Terminated *result.Termination
}

// Decide says whether the action a, built by NewAction, a RecordBuilder or
// ParseActionJSON, may be taken. An error is the context's; one unwrapping
// to ErrUnknownAction (not an action of a loaded agreement) or
// ErrNotAnAction (an event); a *FieldError; or an *EvalError positioned at
// the expression that failed, unwrapping to its cause (ErrBudget,
// ErrCurrency, the context's error, or a *PreconditionError, SPEC 4.7).
func (p *Program) Decide(ctx context.Context, a *types.Record, opts DecideOptions) (*result.Decision, error) {
	d := new(result.Decision)
	if err := p.DecideInto(ctx, a, opts, d); err != nil {
		return nil, err
	}
	return d, nil
}

// DecideInto is Decide writing into d, reusing the capacity of d.Applied,
// so that a host deciding in a loop allocates nothing.
func (p *Program) DecideInto(ctx context.Context, a *types.Record, opts DecideOptions, d *result.Decision) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	var sc *schema
	if a != nil {
		sc = schemaOf(a.Schema)
	}
	if sc == nil || sc.agreement == nil {
		return errorf(ErrUnknownAction, "not an action of a loaded agreement")
	}
	if sc.event {
		return errorf(ErrNotAnAction, "%q is an event; only an action can be permitted or prohibited", sc.name)
	}
	if err := sc.check(a); err != nil {
		return err
	}
	var fr *frame
	if opts.StepBudget > 0 {
		// The frame decideIn would take, with this question's budget.
		asOf := opts.AsOf
		if asOf.IsZero() {
			asOf = a.Fields[sc.dateIdx()].Date()
		}
		fr = p.getFrame(ctx, asOf)
		defer p.putFrame(fr)
		fr.budget = opts.StepBudget
	}
	return p.decide(ctx, fr, a, sc, opts, d)
}

// decide is DecideInto for a well-formed record of schema sc, evaluating in fr (or in
// a frame from the pool when fr is nil).
func (p *Program) decide(ctx context.Context, fr *frame, a *types.Record, sc *schema, opts DecideOptions, d *result.Decision) error {
	ag := sc.agreement
	actDate := a.Fields[sc.dateIdx()].Date()
	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf = actDate
	}
	// The action is judged by the clauses in force on its own date, among
	// the amendments known on the as-of date.
	at := actDate
	if asOf.Before(at) {
		at = asOf
	}
	// An as-of date leaves out amendments, never the agreement itself
	// (SPEC 9.3): asked as of a date before it takes effect, an action
	// in its term is judged by the agreement as first made.
	if at.Before(ag.effective) && !actDate.Before(ag.effective) {
		at = ag.effective
	}
	if opts.Explain {
		if fr == nil {
			fr = p.getFrame(ctx, asOf)
			defer p.putFrame(fr)
		}
		fr.exc = &exceptionTrace{}
		defer func() { fr.exc = nil }()
	}
	return p.decideIn(ctx, fr, a, sc, ag.versionAt(at), actDate, asOf, opts.Terminated, d)
}

// decideIn decides a in version v (nil before the agreement took effect),
// after the termination term if it is not nil (SPEC 5.6).
func (p *Program) decideIn(ctx context.Context, fr *frame, a *types.Record, sc *schema, v *version, actDate, asOf types.Date, term *result.Termination, d *result.Decision) error {
	ag := sc.agreement
	d.Verdict, d.Effect, d.Agreement, d.Version, d.AsOf = 0, 0, ag.id, "", asOf
	d.Date = actDate
	d.Clause, d.Conflict, d.Applied, d.Note = nil, [2]*result.ClauseInfo{}, d.Applied[:0], ""
	d.Terminated = nil
	d.DefaultRule = ag.defaultProse
	if hasRecordPre(ag, v, a) {
		if fr == nil {
			fr = p.getFrame(ctx, asOf)
			defer p.putFrame(fr)
		}
		if err := recordPre(ag, v, a, fr); err != nil {
			return err
		}
	}
	if v == nil || actDate.Before(ag.effective) {
		d.Verdict, d.Effect = lang.NotCovered, ag.defaultVerdict()
		// The note names the edge of the term the action falls outside
		// (SPEC 4.2, 5.4).
		d.Note = fmt.Sprintf("the agreement takes effect on %s%s; the action of %s is before it, and no clause applies before the term", ag.effective, quoted(ag.effectiveProse), actDate)
		return nil
	}
	d.Version = v.amendment
	if ag.hasEnds && actDate.After(ag.ends) {
		d.Verdict, d.Effect = lang.NotCovered, ag.defaultVerdict()
		d.Note = fmt.Sprintf("the agreement ended on %s%s; the action of %s is after it, and no clause applies after the term", ag.ends, quoted(ag.endsProse), actDate)
		return nil
	}
	cut := term != nil && term.Clause != nil && term.Clause.Agreement == ag.id && !actDate.Before(term.Effective)
	if cut {
		d.Terminated = term
		d.Note = term.String() + "; only the clauses that survive termination apply"
	}
	rules := v.byID[sc.id]
	if len(rules) == 0 {
		d.Verdict, d.Effect = lang.NotCovered, ag.defaultVerdict()
		return nil
	}
	if fr == nil {
		fr = p.getFrame(ctx, asOf)
		defer p.putFrame(fr)
	}
	fr.event = a
	actor := a.Fields[sc.actorAt].Str()
	var mine []*rule
	indexed := -1 // the text field the index has already matched, if any
	for _, g := range v.byParty[sc.id] {
		if g.party == actor {
			mine = g.rules
			if g.byText != nil {
				var ok bool
				if mine, ok = g.byText[a.Fields[g.textIdx].Str()]; !ok {
					mine = g.other
				}
				indexed = g.textIdx
			}
			break
		}
	}
	applied := fr.applied[:0]
	var explained []clauseExceptions // with DecideOptions.Explain
	for _, r := range mine {
		if r.hasFrom && actDate.Before(r.from) || r.hasUntil && actDate.After(r.until) {
			continue
		}
		if cut && !r.clause.Survives() {
			continue // ended by the termination (SPEC 5.6)
		}
		cond := r.cond
		if r.preIdx >= 0 {
			if b := a.Fields[r.preIdx].EnumIndex(); b >= 0 && b < 64 {
				if r.preMask&(1<<uint(b)) == 0 {
					continue
				}
				cond = r.rest
			}
		}
		if r.preTextIdx >= 0 {
			// A rule listed under the field's text by the index tests
			// for that text.
			if r.preTextIdx != indexed && a.Fields[r.preTextIdx].Str() != r.preText {
				continue
			}
			cond = r.rest
		}
		if cond != nil {
			var tr *exceptionTrace
			if fr.exc != nil {
				tr = &exceptionTrace{}
				fr.exc = tr
			}
			ok, err := evalBool(cond, fr)
			if err != nil {
				return fmt.Errorf("clause %s: %w", r.clause.Num, err)
			}
			if !ok {
				continue
			}
			if tr != nil && len(tr.used) > 0 {
				explained = append(explained, clauseExceptions{r.clause, tr.used})
			}
		}
		if r.pre != nil {
			if err := checkPre(r.pre, fr); err != nil {
				if isPreconditionOf(err, r.clause) {
					return err
				}
				return fmt.Errorf("clause %s: %w", r.clause.Num, err)
			}
		}
		applied = append(applied, r)
	}
	switch {
	case len(applied) == 0:
		d.Verdict, d.Effect = lang.NotCovered, ag.defaultVerdict()
	default:
		fr.by = resolve(v, applied, fr.by, d)
		d.Effect = d.Verdict
		if d.Verdict == lang.Conflict {
			d.Effect = lang.Prohibited
		}
	}
	fr.applied = applied[:0]
	explainApplied(d, explained)
	return nil
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

// resolve orders the applicable rules by precedence and fills d. by is
// scratch space, returned grown for the next decision.
func resolve(v *version, applied, by []*rule, d *result.Decision) []*rule {
	switch len(applied) {
	case 0:
		return by
	case 1: // the common case: one clause applies and decides
		r := applied[0]
		d.Verdict, d.Clause = says(r.modality), r.clause
		d.Applied = append(d.Applied, result.Applied{Clause: r.clause, Says: d.Verdict, Outcome: "decides"})
		return by
	}
	// A winner is an applicable rule that no other applicable rule
	// overrides. A clause overridden by another is reported as overridden
	// by a deciding clause (one nothing overrides) when one overrides it,
	// directly or through a chain; otherwise by the first that does.
	if cap(by) < len(applied) {
		by = make([]*rule, len(applied), 2*len(applied))
	}
	overriddenBy := by[:len(applied)]
	v.prec.overriders(applied, overriddenBy)
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
		d.Conflict = [2]*result.ClauseInfo{first.clause, firstOther.clause}
	} else {
		d.Verdict = says(first.modality)
		d.Clause = first.clause
	}
	if d.Verdict != lang.Conflict {
		a := result.Applied{Clause: first.clause, Says: d.Verdict, Outcome: "decides"}
		for i, o := range overriddenBy {
			if o == first {
				a.By = applied[i].clause
				break
			}
		}
		d.Applied = append(d.Applied, a)
	}
	for i, r := range applied {
		if r == first && d.Verdict != lang.Conflict {
			continue
		}
		a := result.Applied{Clause: r.clause, Says: says(r.modality)}
		switch {
		case overriddenBy[i] != nil:
			o := overriddenBy[i]
			a.Outcome, a.By = "overridden", o.clause
		case d.Verdict == lang.Conflict:
			a.Outcome = "conflicts"
		default:
			a.Outcome, a.Against = "agrees", first.clause
		}
		d.Applied = append(d.Applied, a)
	}
	return by
}
