package result

import (
	"fmt"

	"github.com/pacta-lang/pacta/lang"
)

// TestResult is the outcome of one `test` block.
type TestResult struct {
	Name      string
	Agreement string
	Amendment string // "" for a test in the base agreement
	Pos       lang.Pos
	Failures  []TestFailure
}

// Passed reports whether every expectation held.
func (r *TestResult) Passed() bool { return len(r.Failures) == 0 }

// TestFailure is one expectation that did not hold, or an error.
type TestFailure struct {
	Pos lang.Pos
	Msg string
}

// TestReport is the outcome of every test block of a program.
type TestReport struct {
	Results []*TestResult
	// Unexercised lists, per agreement, the clauses no test exercised: no
	// decision applied them and no expected settlement used them.
	Unexercised []*ClauseInfo
}

// Failed counts the failed tests.
func (r *TestReport) Failed() int {
	n := 0
	for _, t := range r.Results {
		if !t.Passed() {
			n++
		}
	}
	return n
}

// describeDecision is a one-line summary: `prohibited by 3.1 "Azure
// exclusivity"`.
func describeDecision(d *Decision) string {
	switch {
	case d.Verdict == lang.Conflict:
		return fmt.Sprintf("a conflict between %s and %s", d.Conflict[0], d.Conflict[1])
	case d.Clause != nil:
		return fmt.Sprintf("%s by %s", d.Verdict, d.Clause)
	}
	if d.Note != "" {
		return fmt.Sprintf("not covered, so %s by default (%s)", d.Effect, d.Note)
	}
	return fmt.Sprintf("not covered by any clause, so %s by default", d.Effect)
}
