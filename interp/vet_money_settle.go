package interp

import (
	"fmt"
	"iter"
	"strings"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
)

// This file confirms the witness of shares over the whole (SPEC 14.6) by
// settling it: a ledger of the witness action, fed to Settle, must give
// statement lines under every clause of the finding whose amounts add up
// to more than the base they were counted on. A tiered line takes its top
// rate only once the volume has passed its thresholds, and a share that
// recoups an advance pays nothing until it is recouped, so the ledger
// then starts with enough copies of the witness to pass them (the
// warm-up rows); the rows after those are the measured ones, and what
// they add to the lines is compared with the base they add.

// maxWitnessRows bounds the rows of a ledger that confirms a witness.
const maxWitnessRows = 200000

// rateSettlement is what settling a witness ledger showed.
type rateSettlement struct {
	warm, rows int             // warm-up rows, and all rows
	amounts    []types.Decimal // per clause of the finding: what the measured rows add
	base       types.Decimal   // the base the measured rows add
	total      types.Decimal   // the sum of amounts
}

// witnessLedger is n rows of rec, all on its date.
func witnessLedger(rec *types.Record, n int) iter.Seq2[Event, error] {
	return func(yield func(Event, error) bool) {
		for i := 0; i < n; i++ {
			if !yield(Event{Record: rec, Source: "witness", Line: i + 1}, nil) {
				return
			}
		}
	}
}

// settleWitness settles n rows of w's action and returns, per clause, the
// sum of its share lines and their base. ok is false when the settlement
// fails or a clause has no line, or when the clauses' bases differ.
func (v *vetter) settleWitness(w *result.VetWitness, n int, clauses []*result.ClauseInfo) (amounts []types.Decimal, base types.Decimal, ok bool) {
	amounts = make([]types.Decimal, len(clauses))
	if n == 0 {
		return amounts, types.Decimal{}, true
	}
	st, err := v.p.Settle(v.ctx, witnessLedger(w.Record, n), SettleOptions{Agreement: v.a.id, AsOf: w.AsOf})
	if err != nil {
		return nil, types.Decimal{}, false
	}
	for i, c := range clauses {
		found := false
		for _, l := range st.Lines {
			if l.Clause != c || l.Kind != "share" || l.Base == nil {
				continue
			}
			if !found {
				if i == 0 {
					base = l.Base.Num()
				} else if l.Base.Num().Cmp(base) != 0 {
					return nil, types.Decimal{}, false
				}
			}
			found = true
			if amounts[i], err = amounts[i].Add(l.Amount.Num()); err != nil {
				return nil, types.Decimal{}, false
			}
		}
		if !found {
			return nil, types.Decimal{}, false
		}
	}
	return amounts, base, true
}

// rowsFor returns the least whole number of rows, each adding per, whose
// sum passes limit, plus one.
func rowsFor(limit, per types.Decimal) (int, bool) {
	if per.Sign() <= 0 {
		return 0, false
	}
	q, err := limit.Quo(per)
	if err != nil {
		return 0, false
	}
	q, err = q.Floor(types.DecimalFromInt(1))
	if err != nil {
		return 0, false
	}
	n, ok := q.Int64()
	if !ok || n < 0 || n >= maxWitnessRows {
		return 0, false
	}
	return int(n) + 1, true
}

// settleRates confirms that the shares of found, whose rates add up to
// total, take more than the whole of w's action in a settlement.
func (v *vetter) settleRates(w *result.VetWitness, found []shareLineRegion, total types.Decimal) (*rateSettlement, bool) {
	clauses := make([]*result.ClauseInfo, len(found))
	for i, it := range found {
		clauses[i] = it.r.clause
	}
	one, b, ok := v.settleWitness(w, 1, clauses)
	if !ok || b.Sign() <= 0 {
		return nil, false
	}
	// Warm-up rows: past every tier threshold of the lines and every
	// advance the clauses recoup.
	warm := 0
	for _, it := range found {
		l := it.r.lines[it.line]
		if l.tiers != nil && len(l.tiers.Bounds) > 0 {
			n, ok := rowsFor(l.tiers.Bounds[len(l.tiers.Bounds)-1], b)
			if !ok {
				return nil, false
			}
			warm = max(warm, n)
		}
		if it.r.recoup != nil {
			// Each row adds at least the line's lowest rate of its base.
			rate := it.rate
			if l.tiers != nil {
				for _, r := range l.tiers.Rates {
					if r.Cmp(rate) < 0 {
						rate = r
					}
				}
			}
			per, err := b.Mul(rate)
			if err != nil {
				return nil, false
			}
			n, ok := rowsFor(*it.r.recoup, per)
			if !ok {
				return nil, false
			}
			warm = max(warm, n)
		}
	}
	// Measured rows: enough that the excess over the whole is at least one
	// unit of currency, well above any rounding.
	measured := 1
	excess, err := total.Sub(types.DecimalFromInt(1))
	if err != nil || excess.Sign() <= 0 {
		return nil, false
	}
	perRow, err := b.Mul(excess)
	if err != nil {
		return nil, false
	}
	if perRow.Cmp(types.DecimalFromInt(1)) < 0 {
		if measured, ok = rowsFor(types.DecimalFromInt(1), perRow); !ok {
			return nil, false
		}
	}
	if warm+measured > maxWitnessRows {
		return nil, false
	}
	before, baseBefore, ok := v.settleWitness(w, warm, clauses)
	if !ok {
		return nil, false
	}
	after, baseAfter := one, b
	if warm+measured > 1 {
		if after, baseAfter, ok = v.settleWitness(w, warm+measured, clauses); !ok {
			return nil, false
		}
	}
	rs := &rateSettlement{warm: warm, rows: warm + measured, amounts: make([]types.Decimal, len(clauses))}
	if rs.base, err = baseAfter.Sub(baseBefore); err != nil {
		return nil, false
	}
	for i := range clauses {
		if rs.amounts[i], err = after[i].Sub(before[i]); err != nil {
			return nil, false
		}
		if rs.total, err = rs.total.Add(rs.amounts[i]); err != nil {
			return nil, false
		}
	}
	if rs.total.Cmp(rs.base) <= 0 {
		return nil, false
	}
	return rs, true
}

// answer says what the settlement showed, in words.
func (rs *rateSettlement) answer(currency string, found []shareLineRegion, base string) string {
	var parts []string
	for i, it := range found {
		parts = append(parts, fmt.Sprintf("%s under %s", types.MoneyValue(currency, rs.amounts[i]), it.r.clause.Num))
	}
	owed := fmt.Sprintf("%s (%s) on a %s of %s", andList(parts), types.MoneyValue(currency, rs.total), base, types.MoneyValue(currency, rs.base))
	switch {
	case rs.rows == 1:
		return "settled alone, it owes " + owed
	case rs.warm == 0:
		return fmt.Sprintf("a ledger of %d rows of it, settled, owes %s", rs.rows, owed)
	}
	tiers, recoup := false, false
	for _, it := range found {
		tiers = tiers || it.r.lines[it.line].tiers != nil
		recoup = recoup || it.r.recoup != nil
	}
	var why []string
	if tiers {
		why = append(why, "pass the tier thresholds")
	}
	if recoup {
		why = append(why, "recoup the advance")
	}
	last := fmt.Sprintf("the last %d add", rs.rows-rs.warm)
	if rs.rows-rs.warm == 1 {
		last = "the last one adds"
	}
	return fmt.Sprintf("in a ledger of %d rows of it, settled, the first %d %s and %s %s", rs.rows, rs.warm, strings.Join(why, " and "), last, owed)
}

// settleGuarantee settles an empty ledger over the first window of r's
// guarantee in which ver is in force (to the agreement's end at most),
// and returns the window and what the statement has r's clause pay in it.
func (v *vetter) settleGuarantee(ver *version, r *shareRule) (types.Period, types.Decimal, bool) {
	g := r.guarantee
	window := types.PeriodOf(g.kind, v.a.startOf(g.kind), ver.from)
	if window.IsZero() {
		return window, types.Decimal{}, false
	}
	to := window.End()
	if !v.a.ends.IsZero() && v.a.ends.Before(to) {
		to = v.a.ends
	}
	st, err := v.p.Settle(v.ctx, witnessLedger(nil, 0), SettleOptions{Agreement: v.a.id, From: ver.from, To: to})
	if err != nil {
		return window, types.Decimal{}, false
	}
	var paid types.Decimal
	for _, l := range st.Lines {
		if l.Clause != r.clause {
			continue
		}
		if paid, err = paid.Add(l.Amount.Num()); err != nil {
			return window, types.Decimal{}, false
		}
	}
	return window, paid, true
}
