package result

import (
	"fmt"
	"strings"

	"github.com/pacta-lang/pacta/interp/types"
)

// dueRule is l.DueRule, or, for a line a host made without one, "due on"
// its due date.
func (l *Line) dueRule() string {
	if l.DueRule != "" || l.Due.IsZero() {
		return l.DueRule
	}
	return "due on " + l.Due.String()
}

// daysLateRule is o.DaysLateRule, or, for an overdue amount a host made
// without one, the rule counted to asOf.
func (o *Overdue) daysLateRule(asOf types.Date) string {
	if o.DaysLateRule != "" {
		return o.DaysLateRule
	}
	return DaysLateRule(o.DaysLate, o.Line.Due, asOf)
}

// outsideTermText says which ledger rows the agreement's term left out
// (SPEC 4.2): "2 ledger rows dated outside the term, 2027-01-01 to
// 2027-12-31 (both days included), count for nothing: 1 before it, 1
// after it".
func (st *Statement) outsideTermText() string {
	n := st.RowsBeforeTerm + st.RowsAfterTerm
	term := fmt.Sprintf("from %s (both days included)", st.TermStart)
	if st.TermEnd != types.MaxDate() {
		term = fmt.Sprintf("%s to %s (both days included)", st.TermStart, st.TermEnd)
	}
	var parts []string
	if st.RowsBeforeTerm > 0 {
		parts = append(parts, fmt.Sprintf("%d before it", st.RowsBeforeTerm))
	}
	if st.RowsAfterTerm > 0 {
		parts = append(parts, fmt.Sprintf("%d after it", st.RowsAfterTerm))
	}
	rows := "rows"
	if n == 1 {
		rows = "row"
	}
	return fmt.Sprintf("%d ledger %s dated outside the term, %s, count for nothing: %s", n, rows, term, strings.Join(parts, ", "))
}

// DaysLateRule says how the days late of an overdue amount are counted
// (SPEC 6.5): from the day after the due date to the as-of date, both
// included, so that a line paid on its due date is 0 days late.
func DaysLateRule(n int, due, asOf types.Date) string {
	first, err := due.AddDays(1)
	if err != nil {
		return fmt.Sprintf("%d days late, counted from the day after %s to %s (the as-of date)", n, due, asOf)
	}
	day := "days"
	if n == 1 {
		day = "day"
	}
	return fmt.Sprintf("%d %s late, counted from %s (the day after the due date %s) to %s (the as-of date), both included", n, day, first, due, asOf)
}
