package result

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
)

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

// LastDay is the last day the clauses that do not survive were in force:
// the day before Effective.
func (t *Termination) LastDay() types.Date {
	d, _ := t.Effective.AddDays(-1)
	return d
}

// Survives reports whether the clause is written `survives termination`
// (SPEC 5.6): it stays in force after the agreement is terminated.
func (c *ClauseInfo) Survives() bool {
	return c != nil && c.Decl != nil && c.Decl.Survives != nil
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
		Effective: dateJSON(t.Effective), LastDay: dateJSON(t.LastDay()), Breach: t.Breach, Event: t.Event, Text: t.String()}
}
