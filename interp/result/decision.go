package result

import "github.com/pacta-lang/pacta/lang"

// Permitted reports whether the action may be taken: whether the
// decision's Effect is Permitted. A conflict is not permitted, and an
// action no clause covers is permitted only if the agreement's default
// says so.
func (d Decision) Permitted() bool { return d.Effect == lang.Permitted }

// String summarises the decision in one line, as test failures and the
// REPL print it: `prohibited by 3.1 "Azure exclusivity"`, `a conflict
// between 2 and 3`, or `not covered by any clause, so permitted by
// default`.
func (d Decision) String() string { return describeDecision(&d) }
