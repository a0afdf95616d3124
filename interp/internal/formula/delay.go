package formula

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
)

// WholePeriods returns the number of whole periods of length per from
// `from` to `to`: the largest k ≥ 0 with from + k × per on or before to
// (SPEC 6.6, `per whole month`). Months and years follow the end-of-month
// rule counted from `from`: from 2027-01-31, 2027-02-27 is 0 whole months
// and 2027-02-28 is 1.
func WholePeriods(from, to types.Date, per types.Duration) (int64, error) {
	k, err := StartedPeriods(from, to, per)
	if err != nil || k == 0 {
		return k, err
	}
	end, err := from.AddDuration(types.Duration{N: k * per.N, Unit: per.Unit})
	if err != nil || end != to {
		return k - 1, nil
	}
	return k, nil
}

// Delay says how the delay of a late payment is counted (SPEC 6.6).
type Delay struct {
	Per      types.Duration // the unit of the rate or penalty
	Whole    bool           // only whole periods count (`per whole month`)
	Basis    types.DayCount // interest per year counted daily; NoDayCount: by periods
	DayAfter bool           // the delay starts the day after the due date
}

// Start is the first day of delay of a line due on due.
func (d Delay) Start(due types.Date) types.Date {
	if d.DayAfter {
		if s, err := due.AddDays(1); err == nil {
			return s
		}
	}
	return due
}

// Charge is LateCharge with the delay counted as d says: from d.Start(due)
// (counted) to paidOn (not counted), in started or whole periods of d.Per,
// or, with a day count, as d.Basis's fraction of a year of the interest
// rate per year. The YearFraction is set only with a day count; the
// charge's Periods then holds its days.
func (d Delay) Charge(amount types.Decimal, due, paidOn types.Date, rate types.Decimal, penalty *types.Decimal) (LateCharges, types.YearFraction, error) {
	start := d.Start(due)
	if d.Basis == types.NoDayCount && !d.Whole {
		c, err := LateCharge(amount, start, paidOn, rate, d.Per, penalty, nil)
		return c, types.YearFraction{}, err
	}
	switch {
	case amount.Sign() < 0:
		return LateCharges{}, types.YearFraction{}, fmt.Errorf("late charge on a negative amount (%s)", amount.Format(true))
	case rate.Sign() < 0:
		return LateCharges{}, types.YearFraction{}, fmt.Errorf("the late interest rate is negative (%s)", percentText(rate))
	case penalty != nil && penalty.Sign() < 0:
		return LateCharges{}, types.YearFraction{}, fmt.Errorf("the late penalty is negative (%s)", penalty.Format(true))
	}
	var c LateCharges
	if d.Basis != types.NoDayCount {
		f, err := d.Basis.Fraction(start, paidOn)
		if err != nil {
			return LateCharges{}, types.YearFraction{}, err
		}
		c.Periods = f.Days
		if f.Num == 0 {
			return c, f, nil
		}
		// amount × rate × Num ÷ Den, with the one division last.
		x, err := amount.Mul(rate)
		if err == nil {
			x, err = x.Mul(types.DecimalFromInt(f.Num))
		}
		if err == nil {
			x, err = x.Quo(types.DecimalFromInt(f.Den))
		}
		if err != nil {
			return LateCharges{}, types.YearFraction{}, fmt.Errorf("late charge: %w", err)
		}
		c.Interest, c.Total = x, x
		return c, f, nil
	}
	k, err := WholePeriods(start, paidOn, d.Per)
	if err != nil {
		return LateCharges{}, types.YearFraction{}, err
	}
	c.Periods = k
	periods := types.DecimalFromInt(k)
	if c.Interest, err = amount.Mul(rate); err == nil {
		c.Interest, err = c.Interest.Mul(periods)
	}
	if err == nil && penalty != nil {
		c.Penalties, err = penalty.Mul(periods)
	}
	if err == nil {
		c.Total, err = c.Interest.Add(c.Penalties)
	}
	if err != nil {
		return LateCharges{}, types.YearFraction{}, fmt.Errorf("late charge: %w", err)
	}
	return c, types.YearFraction{}, nil
}
