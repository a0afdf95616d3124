package interp

import (
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
)

// TestQuoRound: the int64 path of quoRound rounds half-even to 10^-k as
// Quo then Round does, for every numerator from -300 to 300 (in units of
// 10^-k) and every divisor from 1 to 12, and the figures below, worked by
// hand.
func TestQuoRound(t *testing.T) {
	u := partUnit{k: 2, unit: num(t, "0.01"), pow: num(t, "100")}
	for _, c := range []struct{ num, den, want string }{
		{"1", "3", "0.33"},      // 0.333…
		{"2", "3", "0.67"},      // 0.666…
		{"0.05", "2", "0.02"},   // 0.025: half-way, to the even 0.02
		{"0.07", "2", "0.04"},   // 0.035: half-way, to the even 0.04
		{"-0.07", "2", "-0.04"}, // likewise below zero
		{"-1", "3", "-0.33"},
		{"1", "2.5", "0.40"}, // a decimal divisor: Quo then Round
		{"0.001", "3", "0.00"},
	} {
		got, err := quoRound(num(t, c.num), num(t, c.den), u)
		if err != nil || !got.Equal(num(t, c.want)) {
			t.Errorf("quoRound(%s, %s) = %s, %v; want %s", c.num, c.den, got, err, c.want)
		}
	}
	for n := int64(-300); n <= 300; n++ {
		num, _ := types.NewDecimal(n, 2)
		for d := int64(1); d <= 12; d++ {
			den := types.DecimalFromInt(d)
			got, err := quoRound(num, den, u)
			q, _ := num.Quo(den)
			want, _ := q.Round(u.unit, types.HalfEven)
			if err != nil || !got.Equal(want) {
				t.Fatalf("quoRound(%s, %d) = %s, %v; Quo then Round gives %s", num, d, got, err, want)
			}
		}
	}
}
