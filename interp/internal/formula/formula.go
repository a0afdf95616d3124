package formula

// The arithmetic of share formulas, independent of syntax: tiers, caps and
// floors, recoupment of advances, minimum guarantees, splits and waterfalls.
//
// Everything here is exact: no function rounds except Split (which must, to
// hand out whole cents). Rounding to the agreement's unit happens where the
// agreement says, normally when an amount becomes a statement line.
//
// Running state (a lifetime cap, an unrecouped balance, a guarantee) lives
// in small structs that the settlement engine keeps per clause and per pair
// of parties. Every method either succeeds and updates the state, or fails
// and leaves it unchanged. The per-event operations (TierSchedule.Amount,
// LifetimeCap.Take, Recoupment.Apply, Guarantee.Add,
// Window.Enter) do not allocate unless they fail or a value outgrows the
// fast decimal representation.
//
// The running totals are designed to telescope: applying an operation to
// each part of a volume, in order, gives the same total as applying it once
// to the whole volume (tiers and caps whatever the signs of the parts;
// waterfalls with a rest step; recoupment for non-negative parts, as it
// never claws back a payout). This is what lets a settlement stream events
// one at a time and still produce the amount the contract's formula gives
// for the period, the year or the life of the agreement.

import (
	"errors"
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
)

// ---- tiers ----

// TierSchedule is a tiered rate: "20% up to USD 1,000,000, then 15% up to
// USD 5,000,000, then 10%". Rates[i] applies to volume in tier i; Bounds are
// the upper thresholds of all tiers but the last, which is unbounded:
//
//	tier 0: volume up to and including Bounds[0]
//	tier i: volume above Bounds[i-1], up to and including Bounds[i]
//	tier n: volume above Bounds[n-1]           (n = len(Bounds))
//
// so len(Rates) == len(Bounds)+1. Bounds must be positive and strictly
// increasing; rates are non-negative fractions (0.20 for 20%). The first
// tier also covers negative volume (below zero), which only arises when
// refunds exceed sales; see Amount.
//
// Volume is counted in a threshold window: a year for thresholds that reset
// each year, or the life of the agreement for cumulative thresholds. The
// caller keeps the window's running volume and passes it as before.
//
// A Marginal schedule (Whole false) charges each slice of volume at the rate
// of the tier the slice falls in, like tax brackets. A Whole schedule
// charges the rate of the tier reached by the window's total volume on all
// of that volume; a volume exactly on a threshold has reached the lower
// tier only.
type TierSchedule struct {
	Whole  bool
	Bounds []types.Decimal
	Rates  []types.Decimal
}

// TierSlice is one line of a tier breakdown: the volume moved from From to
// To at Rate, giving Amount = Rate × (To - From). For a negative base (a
// reduction of volume), From is above To and Amount is negative.
type TierSlice struct {
	Tier     int // 0-based index into Rates
	From, To types.Decimal
	Rate     types.Decimal
	Amount   types.Decimal
}

// Validate reports whether the schedule is well formed, in plain words.
// Call it once when the schedule is built (the compiler should, and report
// the clause): Amount and AmountDetail check only the schedule's shape, so
// that the per-event path stays cheap; on a schedule that fails Validate
// they never panic but their figures are meaningless.
func (t *TierSchedule) Validate() error {
	if err := t.checkShape(); err != nil {
		return err
	}
	for i, r := range t.Rates {
		if r.Sign() < 0 {
			return fmt.Errorf("the rate of tier %d is negative (%s)", i+1, r.String())
		}
	}
	for i, b := range t.Bounds {
		switch {
		case i == 0 && b.Sign() <= 0:
			return fmt.Errorf("the first tier threshold must be above zero, not %s", b.Format(true))
		case i > 0 && b.Cmp(t.Bounds[i-1]) <= 0:
			return fmt.Errorf("tier thresholds must increase: %s does not come after %s",
				b.Format(true), t.Bounds[i-1].Format(true))
		}
	}
	return nil
}

// checkShape reports a schedule whose lengths do not fit: the one check
// Amount needs to index safely.
func (t *TierSchedule) checkShape() error {
	if t == nil || len(t.Rates) == 0 {
		return errors.New("a tier schedule needs at least one rate")
	}
	if len(t.Bounds) != len(t.Rates)-1 {
		return fmt.Errorf("a tier schedule with %d rates needs %d thresholds, not %d",
			len(t.Rates), len(t.Rates)-1, len(t.Bounds))
	}
	return nil
}

// tierOf returns the tier that a window volume v has reached: the first
// tier whose upper bound is at least v.
func (t *TierSchedule) tierOf(v types.Decimal) int { return t.tierFrom(v, 0) }

// tierFrom is tierOf for a volume known to be in tier i or above.
func (t *TierSchedule) tierFrom(v types.Decimal, i int) int {
	for ; i < len(t.Bounds); i++ {
		if v.Cmp(t.Bounds[i]) <= 0 {
			return i
		}
	}
	return len(t.Bounds)
}

// tierAbove returns the tier of the volume just above v, the first tier
// whose upper bound is above v, for a v known to be below the upper bound
// of tier e (so the answer is at most e). It looks at tier e first, as a
// window's volume usually moves within one tier.
func (t *TierSchedule) tierAbove(v types.Decimal, e int) int {
	if e == 0 || v.Cmp(t.Bounds[e-1]) >= 0 {
		return e
	}
	for i := 0; i < e-1; i++ {
		if v.Cmp(t.Bounds[i]) < 0 {
			return i
		}
	}
	return e - 1
}

// Amount returns the amount due on base of new volume when before volume
// has already been counted in the same threshold window. It is exact (not
// rounded) and does not allocate. The schedule must have passed Validate.
//
// Both kinds of schedule are defined through the window's cumulative amount
// F(v), the amount due on a window volume v counted from zero:
//
//   - Marginal: F(v) is the sum over tiers of rate × the part of [0, v] in
//     that tier; for v < 0 it is Rates[0] × v.
//   - Whole: F(v) = rate of the tier v reaches × v.
//
// and Amount(before, base) = F(before+base) - F(before). Hence, for any way
// of cutting a window's volume into consecutive pieces (events, months,
// quarters), the amounts of the pieces add up exactly to F(window total):
// streaming events through Amount gives the contract's formula on the total.
//
// For a Whole schedule this means that the period in which the window
// volume crosses a threshold carries a catch-up: the new rate applies to
// the whole window volume, less what was already charged at the old rate.
// Example: 20% up to 1,000, 15% above (whole); Q1 volume 800 gives 160;
// Q2 volume 400 takes the year to 1,200, so Q2 gives 15% × 1,200 - 160 =
// 20, and the year's total is 180 = 15% × 1,200. A drop back below a
// threshold (refunds) reverses it. When the rate falls at a threshold, a
// Whole amount can be negative for positive volume: with the same tiers,
// going from 1,000 (200 due) to 1,001 (150.15 due) gives -49.85. Callers
// floor or carry such a credit as the agreement says.
//
// A negative base (refunds exceeding sales in the period) moves the window
// volume down and is the exact reverse of the same volume moving up:
// Amount(before+x, -x) = -Amount(before, x). The result is then negative, a
// credit; below zero volume the first tier's rate applies.
func (t *TierSchedule) Amount(before, base types.Decimal) (types.Decimal, error) {
	if err := t.checkShape(); err != nil {
		return types.Decimal{}, err
	}
	if base.IsZero() {
		return types.Decimal{}, nil
	}
	after, err := before.Add(base)
	if err != nil {
		return types.Decimal{}, tierErr(err)
	}
	var r types.Decimal
	switch {
	case t.Whole:
		r, err = t.whole(before, after, base)
	case base.Sign() > 0:
		r, err = t.marginal(before, after, base)
	default:
		r, err = t.marginal(after, before, base.Neg())
		r = r.Neg()
	}
	if err != nil {
		return types.Decimal{}, tierErr(err)
	}
	return r, nil
}

// whole returns F(after) - F(before) for a Whole schedule.
func (t *TierSchedule) whole(before, after, base types.Decimal) (types.Decimal, error) {
	var ta, tb int
	if base.Sign() > 0 {
		tb = t.tierOf(before)
		ta = t.tierFrom(after, tb)
	} else {
		ta = t.tierOf(after)
		tb = t.tierFrom(before, ta)
	}
	if ta == tb {
		return t.Rates[ta].Mul(base)
	}
	fa, err := t.Rates[ta].Mul(after)
	if err != nil {
		return types.Decimal{}, err
	}
	fb, err := t.Rates[tb].Mul(before)
	if err != nil {
		return types.Decimal{}, err
	}
	return fa.Sub(fb)
}

// marginal returns the marginal amount on the volume [lo, hi], where
// lo < hi and width = hi - lo.
func (t *TierSchedule) marginal(lo, hi, width types.Decimal) (types.Decimal, error) {
	e := t.tierOf(hi)
	s := t.tierAbove(lo, e)
	if s == e {
		return t.Rates[s].Mul(width)
	}
	// [lo, Bounds[s]] at Rates[s], whole tiers s+1 .. e-1, then
	// [Bounds[e-1], hi] at Rates[e].
	w, err := t.Bounds[s].Sub(lo)
	if err != nil {
		return types.Decimal{}, err
	}
	sum, err := t.Rates[s].Mul(w)
	if err != nil {
		return types.Decimal{}, err
	}
	for i := s + 1; i <= e; i++ {
		top := hi
		if i < e {
			top = t.Bounds[i]
		}
		if w, err = top.Sub(t.Bounds[i-1]); err != nil {
			return types.Decimal{}, err
		}
		x, err := t.Rates[i].Mul(w)
		if err != nil {
			return types.Decimal{}, err
		}
		if sum, err = sum.Add(x); err != nil {
			return types.Decimal{}, err
		}
	}
	return sum, nil
}

func tierErr(err error) error { return fmt.Errorf("tiered amount: %w", err) }

// AmountDetail returns Amount(before, base) together with its breakdown, for
// statements. The slices' amounts add up to the total exactly.
//
// Marginal: one slice per tier the volume passes through, in the direction
// of movement (upward for a positive base, downward for a negative one).
//
// Whole: when before and before+base are in the same tier, one slice
// [before, before+base] at that rate. When a threshold is crossed, two
// slices: the whole window volume [0, before+base] at the new tier's rate,
// and the reversal [before, 0] of what was charged at the old tier's rate
// (omitted when before is zero).
func (t *TierSchedule) AmountDetail(before, base types.Decimal) ([]TierSlice, types.Decimal, error) {
	total, err := t.Amount(before, base)
	if err != nil || base.IsZero() {
		return nil, total, err
	}
	after, _ := before.Add(base) // succeeded in Amount
	var out []TierSlice
	add := func(tier int, from, to types.Decimal) error {
		w, err := to.Sub(from)
		if err != nil {
			return tierErr(err)
		}
		a, err := t.Rates[tier].Mul(w)
		if err != nil {
			return tierErr(err)
		}
		out = append(out, TierSlice{Tier: tier, From: from, To: to, Rate: t.Rates[tier], Amount: a})
		return nil
	}
	if t.Whole {
		tb, ta := t.tierOf(before), t.tierOf(after)
		switch {
		case tb == ta:
			err = add(ta, before, after)
		default:
			err = add(ta, types.Decimal{}, after)
			if err == nil && !before.IsZero() {
				err = add(tb, before, types.Decimal{})
			}
		}
		if err != nil {
			return nil, types.Decimal{}, err
		}
		return out, total, nil
	}
	lo, hi := before, after
	down := base.Sign() < 0
	if down {
		lo, hi = after, before
	}
	e := t.tierOf(hi)
	s := t.tierAbove(lo, e)
	for i := s; i <= e; i++ {
		a, b := lo, hi
		if i > s {
			a = t.Bounds[i-1]
		}
		if i < e {
			b = t.Bounds[i]
		}
		if down {
			a, b = b, a
		}
		if err := add(i, a, b); err != nil {
			return nil, types.Decimal{}, err
		}
	}
	if down {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out, total, nil
}

// ---- threshold and cap windows ----

// Window tracks the reset window of a running total: the year for
// thresholds, caps and guarantees that reset each year, a fiscal year, a
// quarter. A zero Kind means a cumulative total that never resets.
type Window struct {
	Kind        types.PeriodKind // 0: cumulative, never resets
	FiscalStart int              // first month of the fiscal year, for fiscal kinds; a contract year's first day as MMDD (types.ContractStart)
	Current     types.Period     // the window entered last; zero before the first Enter

	// The dates of cached, a copy of Current, so that a date within the
	// current window is recognised without a calendar computation.
	cached     types.Period
	start, end types.Date
}

// Enter moves the window to the one containing d and reports whether that
// is a new window, in which case the caller restarts its running totals
// (volume before, LifetimeCap.Reset, Guarantee.TrueUp). The first Enter
// reports true. A date in a window before the current one is an error
// (events must come in date order across windows); the state is unchanged.
func (w *Window) Enter(d types.Date) (bool, error) {
	if w.Kind == 0 {
		return false, nil
	}
	// Fast path: d is within the current window, whose dates are cached.
	// The cache is trusted only while Current, Kind and FiscalStart are
	// still those it was made for.
	if w.cached == w.Current && !w.Current.IsZero() && !d.Before(w.start) && !d.After(w.end) &&
		w.Current.Kind() == w.Kind && w.Current.StartParam() == types.StartParamOf(w.Kind, w.FiscalStart) {
		return false, nil
	}
	p := types.PeriodOf(w.Kind, w.FiscalStart, d)
	if p.IsZero() {
		return false, fmt.Errorf("invalid reset window: %s with fiscal start month %d", w.Kind, w.FiscalStart)
	}
	if !w.Current.IsZero() && p != w.Current && p.Cmp(w.Current) < 0 {
		return false, fmt.Errorf("%s falls in %s, before the current window %s: events must be in date order",
			d.String(), p.String(), w.Current.String())
	}
	changed := p != w.Current
	w.Current, w.cached, w.start, w.end = p, p, p.Start(), p.End()
	return changed, nil
}

// ---- caps and floors ----

// LimitNote says what a period limit did to an amount.
type LimitNote uint8

// What a period's floor or cap did, named in a statement's notes.
const (
	NotLimited    LimitNote = iota // the amount was within the limits
	RaisedToFloor                  // the amount was below the floor and was raised to it
	CutToCap                       // the amount was above the cap and was cut to it
)

var limitNoteNames = [...]string{"not limited", "raised to the floor", "cut to the cap"}

// String returns the note in plain words: "cut to the cap".
func (n LimitNote) String() string {
	if int(n) < len(limitNoteNames) {
		return limitNoteNames[n]
	}
	return fmt.Sprintf("LimitNote(%d)", uint8(n))
}

// LifetimeCap is a cap on the running total paid under a clause: over the
// life of the agreement, or per year when Reset is called at the start of
// each year (see Window).
//
// Paid is what has been paid under the cap; Excess is what was earned but
// not paid because the cap was reached. Think of the cap as acting on the
// running total earned, E = Paid + Excess: what is payable in all is
// min(E, Limit), and each Take pays the change in that figure. So a
// sequence of Takes pays exactly min(sum of amounts, Limit) in all.
type LifetimeCap struct {
	Limit  types.Decimal
	Paid   types.Decimal
	Excess types.Decimal
}

// Take returns the part of amount that may be paid under the cap and
// records it. A positive amount is paid up to the remaining headroom
// (Limit - Paid); the rest is added to Excess. A negative amount (a credit)
// first reduces Excess, earnings that were never paid, and only the rest
// reduces Paid and is returned (negative). On error the state is unchanged.
func (c *LifetimeCap) Take(amount types.Decimal) (types.Decimal, error) {
	if c.Limit.Sign() < 0 {
		return types.Decimal{}, fmt.Errorf("the cap is negative (%s)", c.Limit.Format(true))
	}
	if c.Excess.Sign() < 0 {
		return types.Decimal{}, fmt.Errorf("cap state: the excess is negative (%s)", c.Excess.Format(true))
	}
	if amount.Sign() >= 0 {
		room, err := c.Limit.Sub(c.Paid)
		if err != nil {
			return types.Decimal{}, capErr(err)
		}
		if amount.Cmp(room) <= 0 { // the usual case: within the cap
			paid, err := c.Paid.Add(amount)
			if err != nil {
				return types.Decimal{}, capErr(err)
			}
			c.Paid = paid
			return amount, nil
		}
		if room.Sign() <= 0 { // the cap was reached before
			excess, err := c.Excess.Add(amount)
			if err != nil {
				return types.Decimal{}, capErr(err)
			}
			c.Excess = excess
			return types.Decimal{}, nil
		}
		pay := room // 0 < room < amount: the cap is reached now
		over, err := amount.Sub(pay)
		if err != nil {
			return types.Decimal{}, capErr(err)
		}
		paid, err := c.Paid.Add(pay)
		if err != nil {
			return types.Decimal{}, capErr(err)
		}
		excess, err := c.Excess.Add(over)
		if err != nil {
			return types.Decimal{}, capErr(err)
		}
		c.Paid, c.Excess = paid, excess
		return pay, nil
	}
	credit := amount.Neg()
	fromExcess := credit.Min(c.Excess)
	rest, err := credit.Sub(fromExcess)
	if err != nil {
		return types.Decimal{}, capErr(err)
	}
	excess, err := c.Excess.Sub(fromExcess)
	if err != nil {
		return types.Decimal{}, capErr(err)
	}
	paid, err := c.Paid.Sub(rest)
	if err != nil {
		return types.Decimal{}, capErr(err)
	}
	c.Paid, c.Excess = paid, excess
	return rest.Neg(), nil
}

func capErr(err error) error { return fmt.Errorf("capped amount: %w", err) }

// Remaining returns the headroom left under the cap: max(0, Limit - Paid).
func (c *LifetimeCap) Remaining() (types.Decimal, error) {
	r, err := c.Limit.Sub(c.Paid)
	if err != nil {
		return types.Decimal{}, capErr(err)
	}
	return r.Max(types.Decimal{}), nil
}

// SetLimit changes the cap to limit (a term amended within the cap's
// window): the running total earned, E = Paid + Excess, is kept and split
// again, so the next Take pays min(limit, E + amount) − min(limit, E)
// (SPEC 7.4 step 4, with X as in force on the period's last day).
func (c *LifetimeCap) SetLimit(limit types.Decimal) error {
	if limit.Equal(c.Limit) {
		return nil
	}
	if c.Excess.Sign() < 0 {
		return fmt.Errorf("cap state: the excess is negative (%s)", c.Excess.Format(true))
	}
	earned, err := c.Paid.Add(c.Excess)
	if err != nil {
		return capErr(err)
	}
	paid := earned.Min(limit)
	excess, err := earned.Sub(paid)
	if err != nil {
		return capErr(err)
	}
	c.Limit, c.Paid, c.Excess = limit, paid, excess
	return nil
}

// Reset starts a new cap window (a new year, for a yearly cap): Paid and
// Excess return to zero.
func (c *LifetimeCap) Reset() { c.Paid, c.Excess = types.Decimal{}, types.Decimal{} }

// ---- recoupment ----

// Recoupment tracks an advance to be recouped from shares before anything
// is paid out. Balance is the unrecouped amount still owed; it carries
// from period to period.
type Recoupment struct {
	Balance types.Decimal
}

// Apply sets a share against the unrecouped balance: the share first
// reduces the balance, and only the excess is paid out. payout + recouped
// always equals amount.
//
// A negative amount (a credit, when refunds exceed sales) is never clawed
// back from the payee: the payout is zero and the credit is added to the
// balance (recouped is negative), to be recouped from later shares, as
// royalty statements carry negative earnings forward. On error the state is
// unchanged.
func (r *Recoupment) Apply(amount types.Decimal) (payout, recouped types.Decimal, err error) {
	if r.Balance.Sign() < 0 {
		return types.Decimal{}, types.Decimal{}, fmt.Errorf("the unrecouped balance is negative (%s)", r.Balance.Format(true))
	}
	if amount.Sign() < 0 {
		b, err := r.Balance.Sub(amount)
		if err != nil {
			return types.Decimal{}, types.Decimal{}, fmt.Errorf("recoupment: %w", err)
		}
		r.Balance = b
		return types.Decimal{}, amount, nil
	}
	if r.Balance.IsZero() { // the usual case once the advance is recouped
		return amount, types.Decimal{}, nil
	}
	recouped = amount.Min(r.Balance)
	payout, err = amount.Sub(recouped)
	if err != nil {
		return types.Decimal{}, types.Decimal{}, fmt.Errorf("recoupment: %w", err)
	}
	b, err := r.Balance.Sub(recouped)
	if err != nil {
		return types.Decimal{}, types.Decimal{}, fmt.Errorf("recoupment: %w", err)
	}
	r.Balance = b
	return payout, recouped, nil
}

// ---- minimum guarantee ----

// Guarantee is a minimum guaranteed payment over a window (a year, the
// term): the payments made in the window are added up, and at the window's
// end a true-up pays the shortfall, if any.
type Guarantee struct {
	Minimum types.Decimal
	Paid    types.Decimal // paid so far in the current window
}

// Add records a payment made in the window (negative for a credit).
func (g *Guarantee) Add(amount types.Decimal) error {
	p, err := g.Paid.Add(amount)
	if err != nil {
		return fmt.Errorf("minimum guarantee: %w", err)
	}
	g.Paid = p
	return nil
}

// TrueUp closes the window: it returns the shortfall max(0, Minimum - Paid),
// the true-up payment due, and resets Paid to zero for the next window. The
// true-up is a payment like any other: a caller that also applies a cap
// passes it through the cap. On error the state is unchanged.
func (g *Guarantee) TrueUp() (types.Decimal, error) {
	short, err := g.Minimum.Sub(g.Paid)
	if err != nil {
		return types.Decimal{}, fmt.Errorf("minimum guarantee: %w", err)
	}
	g.Paid = types.Decimal{}
	return short.Max(types.Decimal{}), nil
}

// ---- splits ----

// Split divides total among parties in proportion to shares, in whole
// units (0.01 for cents), so that the parts add back exactly to total
// (rounded to unit with mode first, when it is not already a multiple).
// Each part gets its exact share rounded down; the units left over go one
// each to the parts with the largest dropped fractions (ties to the earlier
// party) when remainderTo < 0, or all to the part at index remainderTo.
// Shares are proportions: 0.5/0.3/0.2, 50/30/20 and 1/1/1 all work; use
// CheckShares when they are written as percentages that must make 100%.
// A negative total is split symmetrically. See Allocate.
func Split(total types.Decimal, shares []types.Decimal, unit types.Decimal, mode types.RoundingMode, remainderTo int) ([]types.Decimal, error) {
	parts, err := types.Allocate(total, shares, unit, mode, remainderTo)
	if err != nil {
		return nil, fmt.Errorf("split: %w", err)
	}
	return parts, nil
}

// CheckShares reports whether percentage shares are each between 0 and 1
// and add up to exactly 1 (100%).
func CheckShares(shares []types.Decimal) error {
	if len(shares) == 0 {
		return errors.New("a split needs at least one share")
	}
	var sum types.Decimal
	one := types.DecimalFromInt(1)
	for i, s := range shares {
		if s.Sign() < 0 || s.Cmp(one) > 0 {
			return fmt.Errorf("share %d (%s) must be between 0%% and 100%%", i+1, percentText(s))
		}
		var err error
		if sum, err = sum.Add(s); err != nil {
			return fmt.Errorf("split: %w", err)
		}
	}
	if !sum.Equal(one) {
		return fmt.Errorf("the shares add up to %s, not 100%%", percentText(sum))
	}
	return nil
}

// percentText writes a fraction as a percentage: 0.125 → 12.5%.
func percentText(f types.Decimal) string {
	p, err := f.MulPow10(2)
	if err != nil {
		return f.String()
	}
	return p.String() + "%"
}

// ---- waterfalls ----

// WaterfallStep is one step of a waterfall. Limit is the most the step
// receives in all (its running total, across calls); nil marks the rest
// step, which takes everything that reaches it and must be last.
type WaterfallStep struct {
	Limit *types.Decimal
}

// Waterfall pours total through steps in order: each step receives up to
// its remaining limit (Limit - paid[i]) and the rest flows on to the next;
// a final rest step takes everything left. It returns each step's part and
// the amount left undistributed (zero when there is a rest step), and adds
// each part to paid[i], the running total per step, which the caller keeps
// between calls (len(paid) == len(steps)). The parts plus the undistributed
// amount equal total exactly; nothing is rounded.
//
// A negative total (a reversal) unwinds in the opposite order: starting
// from the last step, each step gives back at most what it has been paid;
// what cannot be given back is returned as (negative) undistributed. With a
// rest step, pouring the pieces of an amount one after another leaves paid
// exactly as pouring the amount at once, whatever the signs of the pieces.
// Without one, amounts returned as undistributed are not remembered, so a
// later reversal unwinds the steps rather than that overflow.
//
// On error, paid is unchanged.
func Waterfall(total types.Decimal, steps []WaterfallStep, paid []types.Decimal) ([]types.Decimal, types.Decimal, error) {
	if len(steps) == 0 {
		return nil, types.Decimal{}, errors.New("a waterfall needs at least one step")
	}
	if len(paid) != len(steps) {
		return nil, types.Decimal{}, fmt.Errorf("waterfall: %d running totals for %d steps", len(paid), len(steps))
	}
	for i, s := range steps {
		if s.Limit == nil {
			if i != len(steps)-1 {
				return nil, types.Decimal{}, fmt.Errorf("waterfall step %d takes the rest, so it must be the last step", i+1)
			}
			continue
		}
		if s.Limit.Sign() < 0 {
			return nil, types.Decimal{}, fmt.Errorf("waterfall step %d has a negative limit (%s)", i+1, s.Limit.Format(true))
		}
	}
	for i, p := range paid {
		if p.Sign() < 0 || steps[i].Limit != nil && p.Cmp(*steps[i].Limit) > 0 {
			return nil, types.Decimal{}, fmt.Errorf("waterfall step %d: running total %s is outside 0 to its limit", i+1, p.Format(true))
		}
	}
	parts := make([]types.Decimal, len(steps))
	left := total
	var err error
	if total.Sign() >= 0 {
		for i, s := range steps {
			if left.IsZero() {
				break
			}
			x := left
			if s.Limit != nil {
				room, err := s.Limit.Sub(paid[i])
				if err != nil {
					return nil, types.Decimal{}, fmt.Errorf("waterfall: %w", err)
				}
				x = x.Min(room)
			}
			parts[i] = x
			if left, err = left.Sub(x); err != nil {
				return nil, types.Decimal{}, fmt.Errorf("waterfall: %w", err)
			}
		}
	} else {
		for i := len(steps) - 1; i >= 0 && !left.IsZero(); i-- {
			back := left.Neg().Min(paid[i])
			parts[i] = back.Neg()
			if left, err = left.Add(back); err != nil {
				return nil, types.Decimal{}, fmt.Errorf("waterfall: %w", err)
			}
		}
	}
	next := make([]types.Decimal, len(paid))
	for i := range paid {
		if next[i], err = paid[i].Add(parts[i]); err != nil {
			return nil, types.Decimal{}, fmt.Errorf("waterfall: %w", err)
		}
	}
	copy(paid, next)
	return parts, left, nil
}
