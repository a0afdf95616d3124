package types

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

func decs(ss ...string) []Decimal {
	out := make([]Decimal, len(ss))
	for i, s := range ss {
		out[i] = dec(s)
	}
	return out
}

func texts(ds []Decimal) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = d.String()
	}
	return strings.Join(s, " ")
}

func TestAllocate(t *testing.T) {
	cases := []struct {
		name        string
		total       string
		weights     []string
		unit        string
		mode        RoundingMode
		remainderTo int
		want        string
	}{
		// 10000 cents / 3 = 3333.33 each: floors 3333 × 3 = 9999, one cent
		// left; the remainders are equal, so the lowest index gets it.
		{"thirds", "100.00", []string{"1", "1", "1"}, "0.01", HalfEven, -1, "33.34 33.33 33.33"},
		{"thirds to last", "100.00", []string{"1", "1", "1"}, "0.01", HalfEven, 2, "33.33 33.33 33.34"},
		// Shares that divide exactly: 50%, 30%, 20% of 1000.00.
		{"exact", "1000.00", []string{"0.5", "0.3", "0.2"}, "0.01", HalfEven, -1, "500.00 300.00 200.00"},
		// 101 cents × (0.2, 0.3, 0.5) = 20.2, 30.3, 50.5: floors 100, one
		// cent left; the largest dropped fraction (0.5) is the last part's.
		{"largest remainder", "1.01", []string{"0.2", "0.3", "0.5"}, "0.01", HalfEven, -1, "0.20 0.30 0.51"},
		// Weights need not sum to 1: 50:30:20 of 1001 cents = 500.5, 300.3,
		// 200.2; floors 1000, one cent to the largest fraction (0.5).
		{"proportions", "10.01", []string{"50", "30", "20"}, "0.01", HalfEven, -1, "5.01 3.00 2.00"},
		// 10 cents among 4 = 2.5 each: floors 8, two cents left, ties broken
		// by lower index.
		{"two left", "0.10", []string{"1", "1", "1", "1"}, "0.01", HalfEven, -1, "0.03 0.03 0.02 0.02"},
		{"two left to one", "0.10", []string{"1", "1", "1", "1"}, "0.01", HalfEven, 3, "0.02 0.02 0.02 0.04"},
		// 5 cents split evenly: 2.5 each, the extra cent to index 0.
		{"halves", "0.05", []string{"0.5", "0.5"}, "0.01", HalfEven, -1, "0.03 0.02"},
		// Negative totals mirror positive ones.
		{"negative", "-100.00", []string{"1", "1", "1"}, "0.01", HalfEven, -1, "-33.34 -33.33 -33.33"},
		// 100.005 is not a whole number of cents: half-even rounds it to
		// 100.00 (10000.5 cents → even 10000) before splitting.
		{"round total half-even", "100.005", []string{"1", "1", "1"}, "0.01", HalfEven, -1, "33.34 33.33 33.33"},
		// Half-up rounds it to 100.01: 10001 / 3 = 3333.67, floors 9999,
		// two cents to indexes 0 and 1 (equal fractions).
		{"round total half-up", "100.005", []string{"1", "1", "1"}, "0.01", HalfUp, -1, "33.34 33.34 33.33"},
		// A zero weight never receives a leftover unit: 1 cent × (0, ½, ½)
		// floors to 0, 0, 0; the fractions are 0, 0.5, 0.5 → index 1.
		{"zero weight", "0.01", []string{"0", "1", "1"}, "0.01", HalfEven, -1, "0.00 0.01 0.00"},
		// Whole dollars: 10 / 3 = 3.33 → 3, 3, 3 and one dollar left.
		{"whole units", "10.00", []string{"1", "1", "1"}, "1", HalfEven, -1, "4 3 3"},
		// Nickels: 1.00 is 20 units of 0.05; 20/3 = 6.67 → 6 each (18), two
		// units left for indexes 0 and 1: 7 × 0.05 = 0.35, 6 × 0.05 = 0.30.
		{"nickels", "1.00", []string{"1", "1", "1"}, "0.05", HalfEven, -1, "0.35 0.35 0.30"},
		// Zero total: all parts zero at the unit's scale.
		{"zero", "0", []string{"0.7", "0.3"}, "0.01", HalfEven, -1, "0.00 0.00"},
		// Mixed weight scales: 0.125 and 0.875 of 1.00 = 12.5 and 87.5 cents;
		// floors 99, the one left cent: fractions are equal (0.5), index 0.
		{"mixed scales", "1.00", []string{"0.125", "0.875"}, "0.01", HalfEven, -1, "0.13 0.87"},
		// Arbitrary precision: 10^40 cents... 10^38 dollars split in three.
		// 10^40 cents / 3 = 3333...333.33 (40 digits); the one left cent
		// goes to index 0.
		{"big", "1" + strings.Repeat("0", 38) + ".00", []string{"1", "1", "1"}, "0.01", HalfEven, -1,
			"3" + strings.Repeat("3", 37) + ".34 " + "3" + strings.Repeat("3", 37) + ".33 " + "3" + strings.Repeat("3", 37) + ".33"},
	}
	for _, c := range cases {
		got, err := Allocate(dec(c.total), decs(c.weights...), dec(c.unit), c.mode, c.remainderTo)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if texts(got) != c.want {
			t.Errorf("%s: Allocate(%s, %v, %s) = %s, want %s", c.name, c.total, c.weights, c.unit, texts(got), c.want)
		}
	}
}

func TestAllocateErrors(t *testing.T) {
	cases := []struct {
		name        string
		weights     []string
		unit        string
		remainderTo int
		why         string
	}{
		{"no weights", nil, "0.01", -1, "no weights"},
		{"negative weight", []string{"1", "-0.5"}, "0.01", -1, "weight 2 is negative"},
		{"zero sum", []string{"0", "0.00"}, "0.01", -1, "add up to zero"},
		{"zero unit", []string{"1"}, "0", -1, "unit must be positive"},
		{"negative unit", []string{"1"}, "-0.01", -1, "unit must be positive"},
		{"remainder index", []string{"1", "1"}, "0.01", 2, "only 2 parts"},
	}
	for _, c := range cases {
		_, err := Allocate(dec("100"), decs(c.weights...), dec(c.unit), HalfEven, c.remainderTo)
		if err == nil || !strings.Contains(err.Error(), c.why) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.why)
		}
	}
}

// TestAllocateProperties draws random totals, weights and units: the parts
// always add up to the rounded total exactly, every part is a multiple of
// the unit, and with the largest-remainder rule every part is less than one
// unit away from its exact proportional share.
func TestAllocateProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(42, 2026))
	units := decs("0.01", "0.05", "1", "0.001", "1000", "0.25")
	modes := []RoundingMode{HalfEven, HalfUp, HalfDown, Up, Down, Floor, Ceiling}
	for iter := 0; iter < 5000; iter++ {
		unit := units[r.IntN(len(units))]
		mode := modes[r.IntN(len(modes))]
		// Totals up to ±10^15 with 0..4 decimals, sometimes with 25 digits
		// (arbitrary precision).
		total, _ := NewDecimal(r.Int64N(1_000_000_000_000_000_000)-500_000_000_000_000_000, r.IntN(5))
		if r.IntN(10) == 0 {
			total, _ = total.Mul(dec("1234567.891"))
		}
		n := 1 + r.IntN(8)
		weights := make([]Decimal, n)
		for i := range weights {
			// Percent-like weights, some zero, with 0..3 decimals.
			weights[i], _ = NewDecimal(r.Int64N(100_001), r.IntN(4))
			if r.IntN(8) == 0 {
				weights[i] = Decimal{}
			}
		}
		weights[r.IntN(n)], _ = NewDecimal(1+r.Int64N(100), 0) // a positive sum
		remainderTo := -1
		if r.IntN(4) == 0 {
			remainderTo = r.IntN(n)
		}

		parts, err := Allocate(total, weights, unit, mode, remainderTo)
		if err != nil {
			t.Fatalf("Allocate(%s, %v, %s): %v", total, weights, unit, err)
		}
		rounded, err := total.Round(unit, mode)
		if err != nil {
			t.Fatal(err)
		}
		sum := Decimal{}
		for _, p := range parts {
			if sum, err = sum.Add(p); err != nil {
				t.Fatal(err)
			}
			if m, _ := p.Round(unit, Down); !m.Equal(p) {
				t.Fatalf("part %s is not a multiple of %s", p, unit)
			}
		}
		if !sum.Equal(rounded) {
			t.Fatalf("Allocate(%s, %v, %s, %s) = %v sums to %s, want %s", total, weights, unit, mode, texts(parts), sum, rounded)
		}

		// Exact shares with big.Rat: rounded × w / Σw.
		wsum := new(big.Rat)
		for _, w := range weights {
			wsum.Add(wsum, ratOf(t, w))
		}
		u := ratOf(t, unit)
		for i, p := range parts {
			share := new(big.Rat).Mul(ratOf(t, rounded), ratOf(t, weights[i]))
			share.Quo(share, wsum)
			dist := new(big.Rat).Sub(ratOf(t, p), share)
			dist.Abs(dist)
			if remainderTo >= 0 && i == remainderTo {
				continue // it takes every leftover unit
			}
			if dist.Cmp(u) >= 0 {
				t.Fatalf("part %d = %s is %s away from its share %s (unit %s)",
					i, p, dist.FloatString(6), share.FloatString(6), unit)
			}
			if remainderTo >= 0 {
				// Other parts are their share rounded toward zero.
				if share.Sign() >= 0 && ratOf(t, p).Cmp(share) > 0 || share.Sign() < 0 && ratOf(t, p).Cmp(share) < 0 {
					t.Fatalf("part %d = %s exceeds its share %s", i, p, share.FloatString(6))
				}
			}
		}
	}
}
