package types

import (
	"fmt"
	"sort"

	"github.com/cockroachdb/apd/v3"
)

// Allocate splits total among len(weights) parts in proportion to the
// weights, so that the parts add back to the (rounded) total exactly.
//
// Weights must be non-negative with a positive sum; they are usually shares
// summing to 1 (0.5, 0.3, 0.2) but any proportions work (50, 30, 20). unit
// must be positive (0.01 for cents); every part is a multiple of unit and
// has the unit's scale.
//
// The algorithm:
//  1. If total is not a multiple of unit it is first rounded to the unit
//     with mode (for an exact multiple, mode does not matter). Call the
//     result T = n units.
//  2. Each part gets its exact share n × w / Σw rounded DOWN (toward zero)
//     to whole units.
//  3. The leftover units (fewer than the number of parts) are handed out
//     one at a time: when remainderTo < 0, to the parts with the largest
//     dropped fraction (ties go to the lower index), so no part is ever
//     more than one unit away from its exact share; when remainderTo >= 0,
//     all of them go to the part at that index.
//
// A negative total is split symmetrically: the parts are the negations of
// the parts of -total. The parts always sum to T exactly.
func Allocate(total Decimal, weights []Decimal, unit Decimal, mode RoundingMode, remainderTo int) ([]Decimal, error) {
	if len(weights) == 0 {
		return nil, fmt.Errorf("allocate: no weights")
	}
	if unit.Sign() <= 0 {
		return nil, fmt.Errorf("allocate: unit must be positive, got %s", unit.String())
	}
	if remainderTo >= len(weights) {
		return nil, fmt.Errorf("allocate: remainder goes to part %d but there are only %d parts", remainderTo+1, len(weights))
	}
	for i, w := range weights {
		if w.Sign() < 0 {
			return nil, fmt.Errorf("allocate: weight %d is negative (%s)", i+1, w.String())
		}
	}
	t, err := total.Round(unit, mode)
	if err != nil {
		return nil, fmt.Errorf("allocate: %w", err)
	}

	// n = T / unit, a whole number of units (exact: T is a multiple of unit).
	var n, u apd.BigInt
	ts := t.signedCoef(&n)
	us := unit.signedCoef(&u)
	common := alignScales(&n, ts, &u, us) // u is now the unit's coefficient at this scale
	n.Quo(&n, &u)
	neg := n.Sign() < 0
	n.Abs(&n)

	// Weights as integers at a common scale, and their sum.
	ws := make([]apd.BigInt, len(weights))
	scale := 0
	for _, w := range weights {
		scale = max(scale, w.Scale())
	}
	var sum, p apd.BigInt
	for i, w := range weights {
		s := w.signedCoef(&ws[i])
		if s < scale {
			ws[i].Mul(&ws[i], bigPow10(&p, scale-s))
		}
		sum.Add(&sum, &ws[i])
	}
	if sum.Sign() == 0 {
		return nil, fmt.Errorf("allocate: the weights add up to zero")
	}

	// units[i] = floor(n × w[i] / sum); rems[i] is the dropped remainder,
	// comparable across parts because they share the divisor sum.
	units := ws // reuse: ws[i] becomes the whole units of part i
	rems := make([]apd.BigInt, len(weights))
	var left apd.BigInt
	left.Set(&n)
	for i := range units {
		units[i].Mul(&units[i], &n)
		units[i].QuoRem(&units[i], &sum, &rems[i])
		left.Sub(&left, &units[i])
	}

	// 0 <= left < len(weights) because each dropped fraction is below 1.
	if k := int(left.Int64()); k > 0 {
		if remainderTo >= 0 {
			units[remainderTo].Add(&units[remainderTo], &left)
		} else {
			order := make([]int, len(units))
			for i := range order {
				order[i] = i
			}
			sort.SliceStable(order, func(a, b int) bool {
				return rems[order[a]].Cmp(&rems[order[b]]) > 0
			})
			one := apd.NewBigInt(1)
			for _, i := range order[:k] {
				units[i].Add(&units[i], one)
			}
		}
	}

	parts := make([]Decimal, len(units))
	for i := range units {
		units[i].Mul(&units[i], &u)
		if neg {
			units[i].Neg(&units[i])
		}
		d, err := fromBig(&units[i], common)
		if err != nil {
			return nil, fmt.Errorf("allocate: %w", err)
		}
		parts[i] = d
	}
	return parts, nil
}
