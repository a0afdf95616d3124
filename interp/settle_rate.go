package interp

import "github.com/pacta-lang/pacta/interp/types"

// This file chooses what the rate column of a share's statement line
// shows (SPEC 7.6): the rate's value, not the expression that gives it.

// rateSeen is the flat rate a share line applied in a period: its value,
// when every row counted had the same one.
type rateSeen struct {
	value types.Decimal
	seen  bool
	mixed bool // rows had different rates
}

// see records the rate of one row.
func (r *rateSeen) see(rate types.Decimal) {
	switch {
	case !r.seen:
		r.value, r.seen = rate, true
	case !r.mixed && r.value.Cmp(rate) != 0:
		r.mixed = true
	}
}

// text is the rate column's entry for line l: the value of a flat rate
// that was the same for every row of the period (`85%`, whatever term or
// expression gave it); otherwise the rate as written (a rate that varied
// between rows, or tiers).
func (r *rateSeen) text(l *shareLine) string {
	if l.tiers != nil || !r.seen || r.mixed {
		return l.rateText
	}
	return formatPercent(r.value)
}
