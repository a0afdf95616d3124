package formula

// The arithmetic of consideration: installment schedules and late charges.
// Like formula.go it is independent of syntax and exact.

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
)

// MaxInstallments is the largest number of installments in one schedule,
// the same limit the checker puts on a literal count (SPEC 13).
const MaxInstallments = 10000

// MaxFloorPeriods is the most periods without rows that one step of a
// settlement settles at a floor or minimum guarantee (SPEC 13): a row far
// past the last makes every period between them owe its floor.
const MaxFloorPeriods = 100000

// Installment is one payment of an installment schedule.
type Installment struct {
	Number int // 1-based
	Due    types.Date
	Amount types.Decimal
}

// Installments divides total into n equal installments, the first due on
// first and each next one every later: first, first + every,
// first + 2 × every, ... Months and years use the end-of-month rule of
// Date.AddMonths, counted from first each time (not from the previous
// date), so 2026-01-31 monthly gives 2026-01-31, 2026-02-28, 2026-03-31.
// Weeks are 7 days. A quarterly schedule is every Duration{3, Months}.
//
// Each installment is total / n rounded down (toward zero) to a multiple of
// unit, and what is left over goes to the last installment, so that the
// installments add up to total exactly: USD 100.00 in 3 gives 33.33, 33.33
// and 33.34. total must be a multiple of unit; n is 1..MaxInstallments;
// every must be a positive duration.
func Installments(total types.Decimal, n int, first types.Date, every types.Duration, unit types.Decimal) ([]Installment, error) {
	switch {
	case n < 1 || n > MaxInstallments:
		return nil, fmt.Errorf("the number of installments must be 1 to %d, not %d", MaxInstallments, n)
	case every.N < 1:
		return nil, fmt.Errorf("installments must be a positive time apart, not %s", every.String())
	case every.Unit > types.Years:
		return nil, fmt.Errorf("unknown duration unit %d", uint8(every.Unit))
	case every.N > 12*maxDays:
		return nil, fmt.Errorf("installments %s apart fall due after 9999-12-31", every.String())
	case unit.Sign() <= 0:
		return nil, fmt.Errorf("installments: the rounding unit must be positive, not %s", unit.String())
	}
	whole, err := total.Round(unit, types.Down)
	if err != nil {
		return nil, fmt.Errorf("installments: %w", err)
	}
	if !whole.Equal(total) {
		return nil, fmt.Errorf("the installment total %s is not a whole multiple of %s", total.Format(true), unit.String())
	}
	ones := make([]types.Decimal, n)
	for i := range ones {
		ones[i] = types.DecimalFromInt(1)
	}
	// Equal weights: each part is floor(units / n) and the leftover units
	// all go to the last part.
	amounts, err := types.Allocate(total, ones, unit, types.Down, n-1)
	if err != nil {
		return nil, fmt.Errorf("installments: %w", err)
	}
	out := make([]Installment, n)
	for i := range out {
		due, err := first.AddDuration(types.Duration{N: int64(i) * every.N, Unit: every.Unit})
		if err != nil {
			return nil, fmt.Errorf("installment %d of %d would fall due after 9999-12-31", i+1, n)
		}
		out[i] = Installment{Number: i + 1, Due: due, Amount: amounts[i]}
	}
	return out, nil
}

// StartedPeriods returns the number of periods of length per, counted from
// from, that have started by to: the smallest k >= 0 such that
// from + k × per is on or after to. It is 0 when to is not after from, 1
// for anything from one day late up to and including exactly one period
// late, 2 from the day after that, and so on. Months and years follow the
// end-of-month rule of Date.AddMonths, counted from from: with from
// 2026-01-31 and per one month, 2026-02-28 is 1 period and 2026-03-01 is 2.
func StartedPeriods(from, to types.Date, per types.Duration) (int64, error) {
	if per.N < 1 {
		return 0, fmt.Errorf("a period of delay must be a positive duration, not %s", per.String())
	}
	if !to.After(from) {
		return 0, nil
	}
	switch per.Unit {
	case types.Days, types.Weeks:
		n := per.N
		if per.Unit == types.Weeks {
			if n > maxDays {
				return 1, nil // longer than the whole date range
			}
			n *= 7
		}
		d := int64(types.DaysBetween(from, to)) // >= 1
		return (d-1)/n + 1, nil
	case types.Months, types.Years:
		n := per.N
		if per.Unit == types.Years {
			if n > maxDays {
				return 1, nil
			}
			n *= 12
		}
		fy, fm, fd := from.YMD()
		ty, tm, td := to.YMD()
		diff := int64(monthIndex(ty, tm) - monthIndex(fy, fm)) // >= 0 as to is after from
		k := diff / n
		// from + k×n months is in to's month when k×n == diff, with its day
		// clamped to that month's length; otherwise it is in an earlier
		// month. Either it reaches to, or one more period does.
		if k*n == diff && min(fd, types.DaysInMonth(ty, tm)) >= td {
			return k, nil
		}
		return k + 1, nil
	}
	return 0, fmt.Errorf("unknown duration unit %d", uint8(per.Unit))
}

// LateCharges is the breakdown of a late charge.
type LateCharges struct {
	Periods   int64         // periods of delay started (0 when paid on time)
	Interest  types.Decimal // amount × rate × Periods
	Penalties types.Decimal // penalty × Periods
	Total     types.Decimal // Interest + Penalties, cut to the cap
	Capped    bool          // whether the cap cut Total
}

// LateCharge computes what is owed for paying amount on paidOn instead of
// on due. Delay is counted in started periods of length per (see
// StartedPeriods): one day late is one whole period, exactly one period
// late is still one, a day more is two. For each started period:
//
//   - interest at rate (a fraction per period: 0.01 for 1% a month) on
//     amount, simple (not compounded): amount × rate × periods;
//   - a fixed penalty, when penalty is not nil: penalty × periods.
//
// Their sum is cut to cap when cap is not nil; cap is an amount (a cap
// stated as a percentage of the late payment is amount × that percentage,
// worked out by the caller). Paying on or before due costs nothing. The
// result is exact: round it where the agreement says. amount, rate,
// penalty and cap must not be negative.
func LateCharge(amount types.Decimal, due, paidOn types.Date, rate types.Decimal, per types.Duration, penalty, cap *types.Decimal) (LateCharges, error) {
	switch {
	case amount.Sign() < 0:
		return LateCharges{}, fmt.Errorf("late charge on a negative amount (%s)", amount.Format(true))
	case rate.Sign() < 0:
		return LateCharges{}, fmt.Errorf("the late interest rate is negative (%s)", percentText(rate))
	case penalty != nil && penalty.Sign() < 0:
		return LateCharges{}, fmt.Errorf("the late penalty is negative (%s)", penalty.Format(true))
	case cap != nil && cap.Sign() < 0:
		return LateCharges{}, fmt.Errorf("the cap on late charges is negative (%s)", cap.Format(true))
	}
	k, err := StartedPeriods(due, paidOn, per)
	if err != nil {
		return LateCharges{}, err
	}
	var c LateCharges
	c.Periods = k
	if k == 0 {
		return c, nil
	}
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
		return LateCharges{}, fmt.Errorf("late charge: %w", err)
	}
	if cap != nil && c.Total.Cmp(*cap) > 0 {
		c.Total, c.Capped = *cap, true
	}
	return c, nil
}

// maxDays is the number of days from the first representable date to the
// last (0001-01-01 to 9999-12-31).
const maxDays = 3652058

// monthIndex numbers the month m of year y so that consecutive months
// differ by one.
func monthIndex(y, m int) int { return y*12 + m - 1 }
