package formula

import (
	"math/rand/v2"
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
)

func mustDate(t testing.TB, s string) types.Date {
	t.Helper()
	d, err := types.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustDec(t testing.TB, s string) types.Decimal {
	t.Helper()
	d, err := types.ParseDecimal(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestSplitAddsUp: for random amounts and shares, the parts of a split add
// back to the amount exactly, each part within one unit of its exact
// share.
func TestSplitAddsUp(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	unit := mustDec(t, "0.01")
	for iter := 0; iter < 2000; iter++ {
		cents := rng.Int64N(100_000_000_000) - 1_000_000_000
		total, _ := types.NewDecimal(cents, 2)
		n := 1 + rng.IntN(6)
		// n shares in basis points of a percent (0.01%) adding up to 100%.
		left := int64(10000)
		shares := make([]types.Decimal, n)
		for i := range shares {
			bp := left
			if i < n-1 {
				bp = rng.Int64N(left + 1)
			}
			left -= bp
			shares[i], _ = types.NewDecimal(bp, 4)
		}
		remainderTo := -1
		if rng.IntN(3) == 0 {
			remainderTo = rng.IntN(n)
		}
		parts, err := Split(total, shares, unit, types.HalfEven, remainderTo)
		if err != nil {
			t.Fatalf("split %s by %v: %v", total, shares, err)
		}
		var sum types.Decimal
		for i, part := range parts {
			sum, _ = sum.Add(part)
			exact, _ := total.Mul(shares[i])
			diff, _ := part.Sub(exact)
			if remainderTo < 0 && diff.Abs().Cmp(unit) >= 0 {
				t.Errorf("split %s by %v: part %d is %s, exact %s", total, shares, i, part, exact)
			}
		}
		if !sum.Equal(total) {
			t.Fatalf("split %s by %v (remainder to %d): parts %v add up to %s", total, shares, remainderTo, parts, sum)
		}
	}
}

// TestInstallmentsAddUp: installments of random totals add back to the
// total; all but the last are equal and the last is never smaller.
func TestInstallmentsAddUp(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	unit := mustDec(t, "0.01")
	first := mustDate(t, "2026-01-31")
	for iter := 0; iter < 2000; iter++ {
		total, _ := types.NewDecimal(1+rng.Int64N(1_000_000_000_000), 2)
		n := 1 + rng.IntN(120)
		every := types.Duration{N: int64(1 + rng.IntN(3)), Unit: types.Months}
		ins, err := Installments(total, n, first, every, unit)
		if err != nil {
			t.Fatalf("%s in %d: %v", total, n, err)
		}
		var sum types.Decimal
		for k, in := range ins {
			sum, _ = sum.Add(in.Amount)
			if k > 0 && k < n-1 && !in.Amount.Equal(ins[0].Amount) {
				t.Fatalf("%s in %d: installment %d is %s, the first %s", total, n, k+1, in.Amount, ins[0].Amount)
			}
			if k == n-1 && in.Amount.Cmp(ins[0].Amount) < 0 {
				t.Fatalf("%s in %d: the last is %s, less than %s", total, n, in.Amount, ins[0].Amount)
			}
		}
		if !sum.Equal(total) {
			t.Fatalf("%s in %d: installments add up to %s", total, n, sum)
		}
	}
}
