package interp

import (
	"fmt"
	"strings"

	"github.com/pacta-lang/pacta/interp/internal/formula"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// delayOf says how a late modifier counts delay (SPEC 6.6): in started or
// whole periods of per, or by the day with a day count; from the due date
// or the day after it.
func delayOf(l *lang.Late, per types.Duration) formula.Delay {
	d := formula.Delay{Per: per}
	if l.Periods != nil {
		d.Whole = l.Periods.Whole
	}
	if l.Basis != nil {
		d.Basis, _ = types.ParseDayCount(l.Basis.Basis) // the checker allows only known ones
	}
	if l.From != nil {
		d.DayAfter = l.From.DayAfter
	}
	return d
}

// delayCount is the delay a late charge was counted for: n periods, or,
// with a day count, the days and their convention ("31 days actual/365").
type delayCount struct {
	n    int64
	days string
	// capped is set when the rule's cap cut the charge: what it came to
	// before the cap (exact), and the cap.
	capped            bool
	uncapped, capUsed types.Decimal
}

// text says in words how long the line was late and by which rule
// (SPEC 6.6), for a statement's note: "2 months late, a month begun
// counting in full, from 2027-05-15 (the due date)", "1 whole month late,
// from 2027-02-01 (the day after the due date)", "31 days actual/365,
// from 2028-02-01 (the due date) to 2028-03-03 (not counted)".
func (c delayCount) text(lr *lateRule, due types.Date) string {
	start := lr.delay.Start(due)
	from := fmt.Sprintf("from %s (the due date)", start)
	if lr.delay.DayAfter {
		from = fmt.Sprintf("from %s (the day after the due date)", start)
	}
	if c.days != "" {
		return fmt.Sprintf("%s, %s", c.days, from)
	}
	unit := lr.unit
	if unit == "" {
		unit = "period"
	}
	n := fmt.Sprintf("%d %s", c.n, unit)
	if c.n != 1 {
		n += "s"
	}
	if lr.delay.Whole {
		return fmt.Sprintf("%d whole %s late, only whole %ss counting, %s", c.n, strings.TrimPrefix(n, fmt.Sprintf("%d ", c.n)), unit, from)
	}
	return fmt.Sprintf("%s late, a %s begun counting in full, %s", n, unit, from)
}
