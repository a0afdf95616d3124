package result

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// DateRule says in words how the dates of a clause that applied bear on
// an action dated on (SPEC 5.2): its window (`from`, `until`, both days
// included) and an obligation's deadline (`by`, included), and where on
// falls: "from 2027-01-01 until 2027-06-30, both included: 2027-03-04 is
// within", "deadline 2027-07-31 (by, included): 2027-08-15 is 15 days
// after it, so the obligation is not met by this action". It is "" for a
// clause with no dates of its own (it applies throughout the term).
func (a *Applied) DateRule(on types.Date) string {
	if a.Clause == nil || a.Clause.Decl == nil || on.IsZero() {
		return ""
	}
	b, ok := a.Clause.Decl.Body.(*lang.Deontic)
	if !ok {
		return ""
	}
	var parts []string
	switch {
	case b.From != nil && b.Until != nil:
		parts = append(parts, fmt.Sprintf("from %s until %s, both included: %s is within", b.From.Text, b.Until.Text, on))
	case b.From != nil:
		parts = append(parts, fmt.Sprintf("from %s, included: %s is on or after it", b.From.Text, on))
	case b.Until != nil:
		parts = append(parts, fmt.Sprintf("until %s, included: %s is on or before it", b.Until.Text, on))
	}
	if b.By != nil {
		by, err := types.ParseDate(b.By.Text)
		if err == nil {
			switch n := types.DaysBetween(by, on); {
			case n > 0:
				parts = append(parts, fmt.Sprintf("deadline %s (by, included): %s is %s after it, so this action does not meet the obligation", by, on, days(n)))
			case n == 0:
				parts = append(parts, fmt.Sprintf("deadline %s (by, included): %s is the last day to meet it", by, on))
			default:
				parts = append(parts, fmt.Sprintf("deadline %s (by, included): %s is %s before it", by, on, days(-n)))
			}
		}
	}
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += "; "
		}
		s += p
	}
	return s
}

// days is "1 day" or "N days".
func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
