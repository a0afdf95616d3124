package interp

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file holds the end of an agreement before its term (SPEC 5.6):
// the rights to terminate it that its clauses give, the events on which it
// terminates by itself, and the Termination that says when and why it
// ended. Settle reads `termination` and `cure` rows of a ledger
// (settle_termination.go); Decide takes a Termination in DecideOptions.

// rightRule is a right to terminate: `PARTY may terminate ...`.
type rightRule struct {
	clause    *result.ClauseInfo
	party     string
	breach    string // the clause whose breach gives the right, "" for a right on notice
	cure      types.Duration
	hasCure   bool
	notice    types.Duration
	hasNotice bool
}

// autoRule is `terminates on event EVENT [where COND]`.
type autoRule struct {
	clause *result.ClauseInfo
	event  *schema
	where  node
}

// endRules are the termination clauses of one version.
type endRules struct {
	rights []*rightRule
	auto   [][]*autoRule // by Schema.id
	// onBreach are the remedies paid on the breach of a clause, by the
	// number of the clause breached.
	onBreach map[string][]*milestoneRule
	any      bool // the version has a right, an automatic termination or a remedy
}

// compileEnds compiles the termination clauses of v.
func (p *Program) compileEnds(a *agreement, v *version) error {
	e := &endRules{auto: make([][]*autoRule, len(a.schemaDecls))}
	v.ends = e
	for _, ci := range v.clauses {
		switch b := ci.Decl.Body.(type) {
		case *lang.TerminationRight:
			r := &rightRule{clause: ci, party: b.Party.Name}
			if b.Breach != nil {
				r.breach = b.Breach.Num
				a.watch(r.breach)
			}
			var err error
			if r.cure, r.hasCure, err = durationLit(b.Cure); err != nil {
				return err
			}
			if r.notice, r.hasNotice, err = durationLit(b.Notice); err != nil {
				return err
			}
			e.rights = append(e.rights, r)
		case *lang.AutoTermination:
			s, err := p.schemaOf(a, b.Event)
			if err != nil {
				return err
			}
			r := &autoRule{clause: ci, event: s}
			if b.Where != nil {
				comp := *v.comp
				comp.event = s
				if r.where, err = comp.expr(b.Where); err != nil {
					return err
				}
			}
			e.auto[s.id] = append(e.auto[s.id], r)
		default:
			continue
		}
		e.any = true
	}
	if len(v.money.onBreach) > 0 {
		e.any = true
		for num := range v.money.onBreach {
			a.watch(num)
		}
	}
	a.terminable = a.terminable || e.any
	return nil
}

// durationLit is the value of an optional duration literal.
func durationLit(d *lang.DurationLit) (types.Duration, bool, error) {
	if d == nil {
		return types.Duration{}, false, nil
	}
	v, err := literal(d)
	if err != nil {
		return types.Duration{}, false, atPos(d.Pos(), err)
	}
	return v.Duration(), true, nil
}

// right returns the right to terminate of version v that clause num gives,
// or nil.
func (e *endRules) right(num string) *rightRule {
	for _, r := range e.rights {
		if r.clause.Num == num {
			return r
		}
	}
	return nil
}

// breachedSchema is the action of the prohibition ref names in v, whose
// breaches a remedy pays on; nil when v has no such prohibition (a later
// amendment deleted or replaced it): the remedy then has no effect in v,
// as a precedence reference to a clause not in force has none (SPEC 5.3).
func (p *Program) breachedSchema(a *agreement, v *version, ref *lang.ClauseRef) (*schema, error) {
	for _, ci := range v.clauses {
		if ci.Num != ref.Num {
			continue
		}
		if d, ok := ci.Decl.Body.(*lang.Deontic); ok && d.Modality == lang.MustNot {
			return p.schemaOf(a, d.Action)
		}
	}
	return nil, nil
}

// terminations reports the termination clauses and remedies of the
// agreement as not analysed (SPEC 14.2): vet reasons about the agreement
// as if it ran its whole term, and makes no claim about when it may end.
func (v *vetter) terminations() {
	seen := map[*result.ClauseInfo]bool{}
	for _, ver := range v.a.versions {
		for _, c := range ver.clauses {
			if seen[c] {
				continue
			}
			seen[c] = true
			var what string
			switch b := c.Decl.Body.(type) {
			case *lang.TerminationRight, *lang.AutoTermination:
				what = "vet does not analyse when the agreement may be terminated (SPEC 5.6)"
			case *lang.Milestone:
				if b.Breach == nil {
					continue
				}
				what = "vet does not analyse the remedies paid on a breach (SPEC 5.6)"
			default:
				continue
			}
			v.add(result.VetFinding{Kind: result.VetNotAnalysed, Severity: result.VetInfo, Pos: c.Pos, Clauses: []*result.ClauseInfo{c},
				Message: fmt.Sprintf("clause %s is not analysed: %s", c.Num, what)})
		}
	}
}

// watch makes a settlement keep track of the breaches of clause num.
func (a *agreement) watch(num string) {
	if a.watched == nil {
		a.watched = map[string]bool{}
	}
	a.watched[num] = true
	a.terminable = true
}

// cuts reports whether t has ended, by date, the clause c: c does not
// survive termination and date is on or after the effective date.
func cuts(t *result.Termination, c *result.ClauseInfo, date types.Date) bool {
	return t != nil && !date.Before(t.Effective) && !c.Survives()
}
