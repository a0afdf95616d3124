package interp_test

import (
	"context"
	"errors"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

// TestIntegerRange: integers are exact whole numbers of up to 60 digits in
// every operation and built-in (SPEC 3.1), on both sides of the int64
// range (regression: `9223372036854775807 + 1` was 9223372036854775808
// while `abs(0 - 9223372036854775807 - 1)` failed as "too large for an
// integer", and round and sum likewise). Max int64 is 2^63 - 1 =
// 9223372036854775807; min int64 is -2^63 = -9223372036854775808.
func TestIntegerRange(t *testing.T) {
	p, err := interp.Compile([]interp.Source{{Name: "s.pacta", Text: []byte("agreement s \"S\" {\n effective 2020-01-01\n party a \"A\"\n}\n")}})
	if err != nil {
		t.Fatal(err)
	}
	const minInt = "(0 - 9223372036854775807 - 1)" // -2^63
	cases := []struct{ expr, want string }{
		{"9223372036854775807 + 1", "9223372036854775808"},
		{minInt, "-9223372036854775808"},
		{minInt + " - 1", "-9223372036854775809"},
		{"-" + minInt, "9223372036854775808"},
		{"abs(" + minInt + ")", "9223372036854775808"},
		{"abs(" + minInt + " - 1)", "9223372036854775809"},
		// (2^63 - 1)^2 = 2^126 - 2^64 + 1
		//   = 85070591730234615865843651857942052864 - 18446744073709551616 + 1
		//   = 85070591730234615847396907784232501249
		{"9223372036854775807 * 9223372036854775807", "85070591730234615847396907784232501249"},
		// -2^63 × -1 = 2^63
		{minInt + " * -1", "9223372036854775808"},
		// round to a multiple of 10, half-even: -...808 is 2 from -...810
		// and 8 from -...800.
		{"round(" + minInt + ", 10)", "-9223372036854775810"},
		{"round(9223372036854775807, 10)", "9223372036854775810"},
		{"floor(" + minInt + ", 1000)", "-9223372036854776000"},
		{"ceiling(9223372036854775807, 1000)", "9223372036854776000"},
		{"sum([9223372036854775807, 1])", "9223372036854775808"},
		{"sum([" + minInt + ", -1])", "-9223372036854775809"},
		{"max(" + minInt + " - 1, " + minInt + ")", "-9223372036854775808"},
		{"min(9223372036854775807 + 1, 9223372036854775807)", "9223372036854775807"},
		// 10^18 × 10^18 × 10^18 × 10^5 = 10^59: 60 digits, the most.
		{"1000000000000000000 * 1000000000000000000 * 1000000000000000000 * 100000", "1" + zeros(59)},
	}
	for _, c := range cases {
		v, err := p.Eval(context.Background(), "", c.expr, interp.EvalOptions{})
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		if v.Kind() != types.KindInteger || v.String() != c.want {
			t.Errorf("%s = %s (%s), want the integer %s", c.expr, v, v.Kind(), c.want)
		}
	}
	// Division gives a decimal: -2^63 / -1 = 2^63.
	v, err := p.Eval(context.Background(), "", minInt+" / -1", interp.EvalOptions{})
	if err != nil || v.Kind() != types.KindDecimal || v.String() != "9223372036854775808" {
		t.Errorf("%s / -1 = %v (%v), want the decimal 9223372036854775808", minInt, v, err)
	}
	// 10^60 has 61 digits: out of range, the same for every operation.
	for _, e := range []string{
		"1000000000000000000 * 1000000000000000000 * 1000000000000000000 * 1000000",
		"sum([1000000000000000000 * 1000000000000000000 * 1000000000000000000 * 100000 * 9, 1000000000000000000 * 1000000000000000000 * 1000000000000000000 * 100000])",
	} {
		_, err := p.Eval(context.Background(), "", e, interp.EvalOptions{})
		if !errors.Is(err, types.ErrOutOfRange) {
			t.Errorf("%s: %v, want out of range", e, err)
		}
	}
}

func zeros(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '0'
	}
	return string(b)
}
