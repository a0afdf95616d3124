package interp

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file holds the end of an agreement before its term (SPEC 5.6):
// the rights to terminate it that its clauses give, the events on which it
// terminates by itself, and the Termination that says when and why it
// ended. Settle reads `termination` and `cure` rows of a ledger
// (settle_termination.go); Decide takes a Termination in DecideOptions.

// Termination says when and why an agreement ended before its term: a
// notice given under a right to terminate, or an event on which the
// agreement terminates by itself.
type Termination struct {
	// Clause is the clause that gave the right to terminate, or that
	// terminates the agreement on an event.
	Clause *ClauseInfo
	// By is the party that gave notice ("" for an event).
	By string
	// Notice is the day notice was given, or the day of the event.
	Notice types.Date
	// Period is the notice period as written ("90 days"), "" when the
	// termination took effect on the day of notice.
	Period string
	// Effective is the day the termination takes effect: Notice plus
	// Period. From this day on, no clause is in force except those that
	// survive termination; the day before is the last day of the others.
	Effective types.Date
	// Breach is, for a right on breach, the clause breached and the day of
	// the breach relied on; Cure the cure period as written ("" if none).
	Breach     string
	BreachDate types.Date
	Cure       string
	// Event is, for a termination on an event, the event's name.
	Event string
	// Source and Line say where the notice or event was recorded, when it
	// came from a ledger.
	Source string
	Line   int
}

// String says when and why the agreement ended, in the words of a
// statement: `terminated by microsoft under 12.1 "Termination for
// convenience" on notice given 2027-01-10, effective 2027-04-10 (90 days
// after notice)`.
func (t *Termination) String() string {
	if t == nil {
		return ""
	}
	var s string
	clause := "a clause not named"
	if t.Clause != nil {
		clause = t.Clause.String()
	}
	switch {
	case t.Event != "":
		s = fmt.Sprintf("terminated under %s on %s of %s, effective that day", clause, t.Event, t.Notice)
	case t.Period == "":
		s = fmt.Sprintf("terminated by %s under %s on notice given %s, effective that day", t.By, clause, t.Notice)
	default:
		s = fmt.Sprintf("terminated by %s under %s on notice given %s, effective %s (%s after notice)", t.By, clause, t.Notice, t.Effective, t.Period)
	}
	if t.Breach != "" {
		s += fmt.Sprintf(", for the breach of %s on %s", t.Breach, t.BreachDate)
		if t.Cure != "" {
			s += " not cured within " + t.Cure
		}
	}
	return s
}

// lastDay is the last day the clauses that do not survive were in force.
func (t *Termination) lastDay() types.Date {
	d, _ := t.Effective.AddDays(-1)
	return d
}

// cuts reports whether t has ended, by date, the clause c: c does not
// survive termination and date is on or after the effective date.
func (t *Termination) cuts(c *ClauseInfo, date types.Date) bool {
	return t != nil && !date.Before(t.Effective) && !c.Survives()
}

// Survives reports whether the clause is written `survives termination`
// (SPEC 5.6): it stays in force after the agreement is terminated.
func (c *ClauseInfo) Survives() bool {
	return c != nil && c.Decl != nil && c.Decl.Survives != nil
}

// rightRule is a right to terminate: `PARTY may terminate ...`.
type rightRule struct {
	clause    *ClauseInfo
	party     string
	breach    string // the clause whose breach gives the right, "" for a right on notice
	cure      types.Duration
	hasCure   bool
	notice    types.Duration
	hasNotice bool
}

// autoRule is `terminates on event EVENT [where COND]`.
type autoRule struct {
	clause *ClauseInfo
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

// jsonTermination is a Termination in a statement's JSON.
type jsonTermination struct {
	Clause    *jsonClause `json:"clause"`
	By        string      `json:"by"`
	Notice    string      `json:"notice"`
	Period    string      `json:"period"`
	Effective string      `json:"effective"`
	LastDay   string      `json:"last_day"`
	Breach    string      `json:"breach"`
	Event     string      `json:"event"`
	Text      string      `json:"text"`
}

func terminationJSON(t *Termination) jsonTermination {
	return jsonTermination{Clause: clauseJSON(t.Clause), By: t.By, Notice: dateJSON(t.Notice), Period: t.Period,
		Effective: dateJSON(t.Effective), LastDay: dateJSON(t.lastDay()), Breach: t.Breach, Event: t.Event, Text: t.String()}
}

// terminations reports the termination clauses and remedies of the
// agreement as not analysed (SPEC 14.2): vet reasons about the agreement
// as if it ran its whole term, and makes no claim about when it may end.
func (v *vetter) terminations() {
	seen := map[*ClauseInfo]bool{}
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
			v.add(VetFinding{Kind: VetNotAnalysed, Severity: VetInfo, Pos: c.Pos, Clauses: []*ClauseInfo{c},
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
