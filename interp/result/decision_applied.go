package result

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// Decision answers "may this action be taken?".
type Decision struct {
	Verdict   lang.Verdict
	Agreement string
	// Version is the amendment whose version was in force ("" for the base
	// agreement as first made).
	Version string
	AsOf    types.Date
	// Date is the action's own date, which the clauses' dates are
	// compared with (Applied.DateRule).
	Date types.Date
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
	// DefaultRule is the prose of the agreement's `default` rule, if it
	// has one: what a verdict of NotCovered rests on.
	DefaultRule string
	// Terminated is the termination in effect on the action's date, when
	// one was given (interp.DecideOptions.Terminated): only the clauses that
	// survive it could apply (SPEC 5.6).
	Terminated *Termination
}

// Applied is one clause that applied to an action.
type Applied struct {
	Clause *ClauseInfo
	Says   lang.Verdict // Permitted or Prohibited
	// Outcome is "decides", "agrees" (another clause saying the same
	// decided), "overridden" or "conflicts".
	Outcome string
	// By is the clause that overrode this one, when Outcome is
	// "overridden"; for the deciding clause, a clause it overrode, if any.
	By *ClauseInfo
	// Against is the deciding clause, when Outcome is "agrees".
	Against *ClauseInfo
	// Exceptions are the exceptions to terms that gave a term of the
	// clause's condition its value, with interp.DecideOptions.Explain.
	Exceptions []ExceptionApplied
}

// Reason says why the clause won or lost, in words: `3.2 applies
// notwithstanding 3.1`. It is worked out on demand, so that deciding costs
// no text formatting.
func (a *Applied) Reason() string {
	switch a.Outcome {
	case "decides":
		if a.By != nil {
			return fmt.Sprintf("applies and overrides %s", a.By.Num)
		}
		return "applies"
	case "overridden":
		return overrideReason(a.By, a.Clause)
	case "conflicts":
		return "no notwithstanding or subject to orders it against the other clauses that apply"
	case "agrees":
		return fmt.Sprintf("says the same as %s", a.Against.Num)
	}
	return ""
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
