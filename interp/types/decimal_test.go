package types

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cockroachdb/apd/v3"
)

// forceBig returns d in the arbitrary-precision representation even when it
// would fit the fast path, to check that both paths agree.
func forceBig(d Decimal) Decimal {
	var a apd.BigInt
	s := d.signedCoef(&a)
	b := &apd.Decimal{Exponent: int32(-s)}
	b.Coeff.Abs(&a)
	b.Negative = a.Sign() < 0
	return Decimal{big: b, coef: int64(a.Sign())}
}

// ratOf converts through text, independently of the arithmetic under test.
func ratOf(t *testing.T, d Decimal) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(d.String())
	if !ok {
		t.Fatalf("big.Rat cannot read %q", d.String())
	}
	return r
}

// mustParseDecimal is for tests only: production code never panics.
func mustParseDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

func dec(s string) Decimal { return mustParseDecimal(s) }

func TestParseDecimalValid(t *testing.T) {
	cases := []struct {
		in, out string
		scale   int
		sign    int
	}{
		{"123", "123", 0, 1},
		{"123.45", "123.45", 2, 1},
		{"-0.5", "-0.5", 1, -1},
		{"0.125", "0.125", 3, 1},
		{"200.00", "200.00", 2, 1}, // the scale is kept
		{"0", "0", 0, 0},
		{"-0", "0", 0, 0},                                                    // negative zero is zero
		{"-0.00", "0.00", 2, 0},                                              // ... keeping its scale
		{"007.50", "7.50", 2, 1},                                             // leading zeros are dropped
		{"9223372036854775807", "9223372036854775807", 0, 1},                 // MaxInt64: fast path
		{"9223372036854775808", "9223372036854775808", 0, 1},                 // MaxInt64+1: arbitrary precision
		{"-9223372036854775808", "-9223372036854775808", 0, -1},              // MinInt64 is kept off the fast path
		{"0.0000000000000000001", "0.0000000000000000001", 19, 1},            // scale 19 > 18: arbitrary precision
		{"-0.0000000000000000000", "0.0000000000000000000", 19, 0},           // an arbitrary-precision zero
		{"1" + strings.Repeat("0", 59), "1" + strings.Repeat("0", 59), 0, 1}, // exactly 60 digits
		{"-0." + strings.Repeat("0", 58) + "1", "-0." + strings.Repeat("0", 58) + "1", 59, -1},
	}
	for _, c := range cases {
		d, err := ParseDecimal(c.in)
		if err != nil {
			t.Errorf("ParseDecimal(%q): %v", c.in, err)
			continue
		}
		if got := d.String(); got != c.out {
			t.Errorf("ParseDecimal(%q).String() = %q, want %q", c.in, got, c.out)
		}
		if d.Scale() != c.scale {
			t.Errorf("ParseDecimal(%q).Scale() = %d, want %d", c.in, d.Scale(), c.scale)
		}
		if d.Sign() != c.sign {
			t.Errorf("ParseDecimal(%q).Sign() = %d, want %d", c.in, d.Sign(), c.sign)
		}
	}
}

func TestParseDecimalRejects(t *testing.T) {
	cases := []struct{ in, why string }{
		{"", "empty"},
		{".", "no digits"},
		{"-", "no digits"},
		{"-.", "no digits"},
		{".5", "each side of the decimal point"},
		{"5.", "each side of the decimal point"},
		{"1e5", "exponent"},
		{"1.5E-3", "exponent"},
		{"1,000", "separators"},
		{"1_000", "separators"},
		{" 1", "spaces"},
		{"1 ", "spaces"},
		{"+1", "'+'"},
		{"--1", "only at the start"},
		{"1-", "only at the start"},
		{"1.2.3", "more than one decimal point"},
		{"NaN", "unexpected character"},
		{"Infinity", "unexpected character"},
		{"0x10", "unexpected character"},
		{"１", "unexpected character"}, // a full-width digit is not ASCII
		{"1" + strings.Repeat("0", 60), "more than 60 digits"},
		{"0." + strings.Repeat("0", 60), "more than 60 digits"},
	}
	for _, c := range cases {
		_, err := ParseDecimal(c.in)
		if err == nil {
			t.Errorf("ParseDecimal(%q) succeeded, want an error", c.in)
			continue
		}
		if !errors.Is(err, ErrInvalidDecimal) {
			t.Errorf("ParseDecimal(%q) error %v does not wrap ErrInvalidDecimal", c.in, err)
		}
		if !strings.Contains(err.Error(), c.why) {
			t.Errorf("ParseDecimal(%q) error %q does not mention %q", c.in, err, c.why)
		}
	}
	// A hostile input is quoted only in part.
	_, err := ParseDecimal(strings.Repeat("9", 100000))
	if err == nil || len(err.Error()) > 200 {
		t.Errorf("long input: error %v", err)
	}
}

func TestDecimalArithmetic(t *testing.T) {
	type op func(a, b Decimal) (Decimal, error)
	add := func(a, b Decimal) (Decimal, error) { return a.Add(b) }
	sub := func(a, b Decimal) (Decimal, error) { return a.Sub(b) }
	mul := func(a, b Decimal) (Decimal, error) { return a.Mul(b) }
	cases := []struct {
		name string
		f    op
		a, b string
		want string
	}{
		{"add", add, "1.10", "2.205", "3.305"},      // 1.100 + 2.205 = 3.305, scale max(2,3) = 3
		{"add", add, "0.1", "0.2", "0.3"},           // exact, unlike binary floating point
		{"add", add, "-5", "2.50", "-2.50"},         // -5.00 + 2.50
		{"add", add, "1.5", "-1.5", "0.0"},          // zero keeps the scale
		{"sub", sub, "10.00", "0.01", "9.99"},       // 1000 - 1 = 999 hundredths
		{"sub", sub, "1", "1.001", "-0.001"},        // 1000 - 1001 = -1 thousandth
		{"mul", mul, "1000.00", "0.20", "200.0000"}, // 100000 × 20 = 2000000 at scale 4
		{"mul", mul, "-1.5", "1.5", "-2.25"},        // 15 × 15 = 225 at scale 2, signs differ
		{"mul", mul, "-0.5", "-0.5", "0.25"},        // signs agree
		{"mul", mul, "12345678.9", "0", "0.0"},
		// Overflow of the int64 fast path falls back to exact arithmetic.
		{"add", add, "9223372036854775807", "1", "9223372036854775808"},                    // MaxInt64 + 1 = 2^63
		{"sub", sub, "-9223372036854775807", "1", "-9223372036854775808"},                  // -(2^63-1) - 1 = -2^63
		{"add", add, "9223372036854775807", "9223372036854775807", "18446744073709551614"}, // 2 × (2^63-1)
		{"add", add, "0.000000000000000001", "1000", "1000.000000000000000001"},            // aligning 1000 to scale 18 overflows
		// (10^20 - 1)^2 = 10^40 - 2×10^20 + 1
		{"mul", mul, "99999999999999999999", "99999999999999999999", "9999999999999999999800000000000000000001"},
		// 2^32 × 2^32 = 2^64 = 18446744073709551616: one past the 64-bit product
		{"mul", mul, "4294967296", "4294967296", "18446744073709551616"},
		// scale 10 + 10 = 20 > 18: exact at scale 20
		{"mul", mul, "0.0000000001", "0.0000000003", "0.00000000000000000003"},
		// results that fit again come back to the fast path (checked below)
		{"sub", sub, "9223372036854775808", "1", "9223372036854775807"},
	}
	for _, c := range cases {
		got, err := c.f(dec(c.a), dec(c.b))
		if err != nil {
			t.Errorf("%s(%s, %s): %v", c.name, c.a, c.b, err)
			continue
		}
		if got.String() != c.want {
			t.Errorf("%s(%s, %s) = %s, want %s", c.name, c.a, c.b, got, c.want)
		}
	}
	// 2^63 - 1 is back on the fast path.
	r, _ := dec("9223372036854775808").Sub(dec("1"))
	if r.big != nil {
		t.Errorf("9223372036854775808 - 1 did not return to the fast path")
	}
}

func TestDecimalLimits(t *testing.T) {
	// 60 nines + 1 = 10^60 has 61 digits.
	nines := dec(strings.Repeat("9", 60))
	if _, err := nines.Add(dec("1")); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("10^60: got %v, want ErrOutOfRange", err)
	}
	// 10^59 × 10 = 10^60, 61 digits.
	if _, err := dec("1" + strings.Repeat("0", 59)).Mul(dec("10")); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("10^59 × 10: got %v, want ErrOutOfRange", err)
	}
	// 1 with scale 1000 is the smallest step; scale 1001 is out of range.
	tiny, err := NewDecimal(1, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tiny.Mul(dec("0.1")); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("10^-1001: got %v, want ErrOutOfRange", err)
	}
	// 10^-1000 + 10^50 needs 1051 digits.
	if _, err := tiny.Add(dec("1" + strings.Repeat("0", 50))); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("10^50 + 10^-1000: got %v, want ErrOutOfRange", err)
	}
	// Trailing fractional zeros are dropped rather than failing: 1.0 to the
	// 70th power is 1 exactly, although its natural scale would be 70.
	one := dec("1.0")
	p := one
	for i := 1; i < 70; i++ {
		if p, err = p.Mul(one); err != nil {
			t.Fatalf("1.0^%d: %v", i+1, err)
		}
	}
	if !p.Equal(dec("1")) {
		t.Errorf("1.0^70 = %s, want 1", p)
	}
	// 1/3 × 1/3: two 34-digit quotients multiply exactly into 68 digits
	// (0.1111...1, scale 68, no trailing zeros to drop): out of range.
	third, _ := dec("1").Quo(dec("3"))
	if _, err := third.Mul(third); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("(1/3)²: got %v, want ErrOutOfRange", err)
	}
	if _, err := NewDecimal(1, 1001); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("NewDecimal(1, 1001): %v", err)
	}
	if _, err := dec("1").MulPow10(1 << 40); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("MulPow10(2^40): %v", err)
	}
}

func TestDecimalQuo(t *testing.T) {
	cases := []struct{ a, b, want string }{
		{"1", "3", "0." + strings.Repeat("3", 34)}, // 34 significant digits; the 35th is 3 < 5, so no carry
		// 2/3 = 0.666..., the 35th digit 6 > 5 rounds the 34th up.
		{"2", "3", "0." + strings.Repeat("6", 33) + "7"},
		{"-1", "3", "-0." + strings.Repeat("3", 34)},
		{"1", "4", "0.25"},           // terminates: exact
		{"1", "8", "0.125"},          // exact
		{"10", "4", "2.5"},           // exact, the scale grows only as needed
		{"200.00", "4", "50.00"},     // the ideal scale 2 - 0 = 2 is kept
		{"1.00", "0.5", "2.0"},       // ideal scale 2 - 1 = 1
		{"1000", "0.001", "1000000"}, // ideal scale 0 - 3 < 0 becomes 0
		{"7", "7", "1"},
		{"0", "5", "0"},
		{"0.00", "5", "0.00"},
		{"-6", "-3", "2"},
		{"1", "1024", "0.0009765625"}, // 1/2^10 = 5^10/10^10 = 9765625 × 10^-10
		// 10^50 / 1 terminates with one significant digit: exact.
		{"1" + strings.Repeat("0", 50), "1", "1" + strings.Repeat("0", 50)},
		// 10^59/3 = 333...3.33 (59 threes before the point); 34 significant
		// digits keep 34 threes, the remaining 25 integer digits become zeros.
		{"1" + strings.Repeat("0", 59), "3", strings.Repeat("3", 34) + strings.Repeat("0", 25)},
		// (10^34 + 1)/2 = 5000...0000.5 (34 integer digits): exactly half-way
		// at 34 digits, half-even keeps the even ...0.
		{"1" + strings.Repeat("0", 33) + "1", "2", "5" + strings.Repeat("0", 33)},
		// (10^34 + 3)/2 = 5000...0001.5: half-way, the even neighbour is ...2.
		{"1" + strings.Repeat("0", 33) + "3", "2", "5" + strings.Repeat("0", 32) + "2"},
		// 1/7 = 0.142857 repeating: 34 digits are 5 full cycles of 142857 (30)
		// then 1428, and the 35th digit is 5 followed by 7...: round up to 1429.
		{"1", "7", "0." + strings.Repeat("142857", 5) + "1429"},
		// 9.999... (34 nines after the point, 35 digits) / 1 must be rounded to
		// 34 digits: the dropped 35th digit is 9, so 9.99...9 (33 nines after
		// the point) + 10^-33 carries to 10.000... with 34 significant digits,
		// that is 10 followed by 32 zeros after the point.
		{"9." + strings.Repeat("9", 34), "1", "10." + strings.Repeat("0", 32)},
	}
	for _, c := range cases {
		a, b := dec(c.a), dec(c.b)
		got, err := a.Quo(b)
		if err != nil {
			t.Errorf("%s / %s: %v", c.a, c.b, err)
			continue
		}
		if got.String() != c.want {
			t.Errorf("%s / %s = %s, want %s", c.a, c.b, got, c.want)
		}
		// The arbitrary-precision path gives the same text.
		if slow, err := quoSlow(a, b); err != nil || slow.String() != c.want {
			t.Errorf("quoSlow(%s, %s) = %s, %v; want %s", c.a, c.b, slow, err, c.want)
		}
	}
	for _, zero := range []string{"0", "0.00", "-0"} {
		for _, x := range []string{"1", "0", "-5.5", "1" + strings.Repeat("0", 40)} {
			_, err := dec(x).Quo(dec(zero))
			if !errors.Is(err, ErrDivisionByZero) {
				t.Errorf("%s / %s: got %v, want ErrDivisionByZero", x, zero, err)
			}
		}
	}
	if _, err := dec("1").Quo(forceBig(dec("0"))); !errors.Is(err, ErrDivisionByZero) {
		t.Errorf("1 / big 0: got %v", err)
	}
}

// A table of every rounding mode at half-way and other points, positive and
// negative. Columns: HalfEven, HalfUp, HalfDown, Up, Down, Floor, Ceiling.
func TestDecimalRoundModes(t *testing.T) {
	cases := []struct {
		x, unit string
		want    [7]string
	}{
		// 2.5 is half-way between 2 and 3: half-even picks even 2, half-up
		// goes away from zero to 3, half-down toward zero to 2.
		{"2.5", "1", [7]string{"2", "3", "2", "3", "2", "2", "3"}},
		// -2.5 symmetric; floor goes to -3 (toward -inf), ceiling to -2.
		{"-2.5", "1", [7]string{"-2", "-3", "-2", "-3", "-2", "-3", "-2"}},
		// 3.5 between 3 and 4: the even neighbour is now 4.
		{"3.5", "1", [7]string{"4", "4", "3", "4", "3", "3", "4"}},
		{"-3.5", "1", [7]string{"-4", "-4", "-3", "-4", "-3", "-4", "-3"}},
		// 2.6 is past half-way: all half modes go to 3.
		{"2.6", "1", [7]string{"3", "3", "3", "3", "2", "2", "3"}},
		{"-2.6", "1", [7]string{"-3", "-3", "-3", "-3", "-2", "-3", "-2"}},
		// 2.4 is short of half-way: all half modes go to 2.
		{"2.4", "1", [7]string{"2", "2", "2", "3", "2", "2", "3"}},
		{"-2.4", "1", [7]string{"-2", "-2", "-2", "-3", "-2", "-3", "-2"}},
		// A multiple of the unit never moves; the unit's scale is applied.
		{"2", "0.01", [7]string{"2.00", "2.00", "2.00", "2.00", "2.00", "2.00", "2.00"}},
		{"-7.10", "0.1", [7]string{"-7.1", "-7.1", "-7.1", "-7.1", "-7.1", "-7.1", "-7.1"}},
		// 1.005 is half-way between 1.00 and 1.01: half-even picks 1.00 (even 100 cents).
		{"1.005", "0.01", [7]string{"1.00", "1.01", "1.00", "1.01", "1.00", "1.00", "1.01"}},
		// 1.015 is half-way between 1.01 and 1.02: half-even picks the even 1.02.
		{"1.015", "0.01", [7]string{"1.02", "1.02", "1.01", "1.02", "1.01", "1.01", "1.02"}},
		{"-1.005", "0.01", [7]string{"-1.00", "-1.01", "-1.00", "-1.01", "-1.00", "-1.01", "-1.00"}},
		{"-1.015", "0.01", [7]string{"-1.02", "-1.02", "-1.01", "-1.02", "-1.01", "-1.02", "-1.01"}},
		// 1.0050001 is just past half-way: every half mode goes up to 1.01.
		{"1.0050001", "0.01", [7]string{"1.01", "1.01", "1.01", "1.01", "1.00", "1.00", "1.01"}},
		// Unit 0.05: 1.025 / 0.05 = 20.5 units; even 20 gives 1.00, 21 gives 1.05.
		{"1.025", "0.05", [7]string{"1.00", "1.05", "1.00", "1.05", "1.00", "1.00", "1.05"}},
		// 1.075 / 0.05 = 21.5 units; the even neighbour is 22 → 1.10.
		{"1.075", "0.05", [7]string{"1.10", "1.10", "1.05", "1.10", "1.05", "1.05", "1.10"}},
		// Unit 1000: 12500 = 12.5 thousands; even 12 → 12000, away 13 → 13000.
		{"12500", "1000", [7]string{"12000", "13000", "12000", "13000", "12000", "12000", "13000"}},
		{"-12500", "1000", [7]string{"-12000", "-13000", "-12000", "-13000", "-12000", "-13000", "-12000"}},
		// 0.004 is below half a cent: zero, kept at the unit's scale (no "-0").
		{"-0.004", "0.01", [7]string{"0.00", "0.00", "0.00", "-0.01", "0.00", "-0.01", "0.00"}},
		// A value coarser than the unit: 2.5 to 0.001 is 2.500 in every mode.
		{"2.5", "0.001", [7]string{"2.500", "2.500", "2.500", "2.500", "2.500", "2.500", "2.500"}},
		// Arbitrary precision: 10^20 + 0.5 is half-way between 10^20 and 10^20 + 1.
		{"100000000000000000000.5", "1", [7]string{
			"100000000000000000000", "100000000000000000001", "100000000000000000000",
			"100000000000000000001", "100000000000000000000", "100000000000000000000", "100000000000000000001"}},
		// Scale 20 (arbitrary precision) rounded to cents: 0.125 exactly half-way → even 0.12.
		{"0.12500000000000000000", "0.01", [7]string{"0.12", "0.13", "0.12", "0.13", "0.12", "0.12", "0.13"}},
	}
	modes := []RoundingMode{HalfEven, HalfUp, HalfDown, Up, Down, Floor, Ceiling}
	for _, c := range cases {
		for i, m := range modes {
			got, err := dec(c.x).Round(dec(c.unit), m)
			if err != nil {
				t.Errorf("Round(%s, %s, %s): %v", c.x, c.unit, m, err)
				continue
			}
			if got.String() != c.want[i] {
				t.Errorf("Round(%s, %s, %s) = %s, want %s", c.x, c.unit, m, got, c.want[i])
			}
			slow, err := roundSlow(forceBig(dec(c.x)), forceBig(dec(c.unit)), m)
			if err != nil || slow.String() != c.want[i] {
				t.Errorf("roundSlow(%s, %s, %s) = %s, %v; want %s", c.x, c.unit, m, slow, err, c.want[i])
			}
		}
	}
	// 2398076729582241710 / 0.13 = 239807672958224171000 / 13 = 2^64 - 1
	// remainder 5: the 64-bit quotient is at its maximum, so rounding up
	// must not wrap. Up gives 2^64 × 0.13 = 239807672958224171008 / 100;
	// half-even keeps (2^64 - 1) × 0.13 = 239807672958224170995 / 100
	// (5/13 is under half).
	big64 := dec("2398076729582241710")
	if r, err := big64.Round(dec("0.13"), Up); err != nil || r.String() != "2398076729582241710.08" {
		t.Errorf("Round(2398076729582241710, 0.13, up) = %s, %v", r, err)
	}
	if r, err := big64.Round(dec("0.13"), HalfEven); err != nil || r.String() != "2398076729582241709.95" {
		t.Errorf("Round(2398076729582241710, 0.13, half_even) = %s, %v", r, err)
	}
	for _, unit := range []string{"0", "-0.01", "0.00"} {
		if _, err := dec("1.5").Round(dec(unit), HalfEven); err == nil || !strings.Contains(err.Error(), "positive") {
			t.Errorf("Round to unit %s: got %v, want an error", unit, err)
		}
	}
	if _, err := dec("1.5").Round(dec("1"), RoundingMode(42)); err == nil {
		t.Errorf("Round with an unknown mode succeeded")
	}
	// Helpers built on Round: 2.567 → 2.56 (toward zero), 2.56 (down), 2.57 (up).
	cent := dec("0.01")
	if r, _ := dec("2.567").Truncate(cent); r.String() != "2.56" {
		t.Errorf("Truncate = %s", r)
	}
	if r, _ := dec("-2.561").Floor(cent); r.String() != "-2.57" { // toward -inf
		t.Errorf("Floor = %s", r)
	}
	if r, _ := dec("-2.569").Ceil(cent); r.String() != "-2.56" { // toward +inf
		t.Errorf("Ceil = %s", r)
	}
}

func TestRoundingModeNames(t *testing.T) {
	for _, name := range []string{"half_even", "half_up", "half_down", "up", "down", "floor", "ceiling"} {
		m, ok := ParseRoundingMode(name)
		if !ok || m.String() != name {
			t.Errorf("ParseRoundingMode(%q) = %v, %v", name, m, ok)
		}
	}
	for _, bad := range []string{"", "HALF_EVEN", "half-even", "bankers", "truncate"} {
		if _, ok := ParseRoundingMode(bad); ok {
			t.Errorf("ParseRoundingMode(%q) accepted", bad)
		}
	}
	var zero RoundingMode
	if zero != HalfEven {
		t.Errorf("the zero RoundingMode is %s, want half_even", zero)
	}
	if s := RoundingMode(42).String(); s != "RoundingMode(42)" {
		t.Errorf("String of an unknown mode = %q", s)
	}
}

func TestDecimalCompare(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"1.0", "1.00", 0}, // same number, different scale
		{"-0.5", "0.25", -1},
		{"0.00", "-0", 0},
		{"2", "1.999", 1},
		{"-2", "-1.999", -1},
		// 922337203685477581 at scale 1 would be 9223372036854775810 > MaxInt64:
		// the comparison goes through 128 bits. 922337203685477580.7 is 0.3 smaller.
		{"922337203685477580.7", "922337203685477581", -1},
		{"-922337203685477580.7", "-922337203685477581", 1},
		{"9223372036854775808", "9223372036854775807", 1}, // big vs fast
		{"-9223372036854775808", "-9223372036854775807", -1},
		{"1" + strings.Repeat("0", 40), "1" + strings.Repeat("0", 40) + ".000", 0},
	}
	for _, c := range cases {
		a, b := dec(c.a), dec(c.b)
		if got := a.Cmp(b); got != c.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := b.Cmp(a); got != -c.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", c.b, c.a, got, -c.want)
		}
		if got := forceBig(a).Cmp(b); got != c.want {
			t.Errorf("big Cmp(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
		if a.Equal(b) != (c.want == 0) {
			t.Errorf("Equal(%s, %s) = %v", c.a, c.b, a.Equal(b))
		}
	}
	if m := dec("1.5").Min(dec("-2")); m.String() != "-2" {
		t.Errorf("Min = %s", m)
	}
	if m := dec("1.5").Max(dec("-2")); m.String() != "1.5" {
		t.Errorf("Max = %s", m)
	}
	if m := dec("1.0").Max(dec("1.00")); m.String() != "1.0" { // equal: the receiver
		t.Errorf("Max of equals = %s", m)
	}
}

func TestDecimalMisc(t *testing.T) {
	// Neg and Abs, including the arbitrary-precision representation.
	if s := dec("-2.50").Abs().String(); s != "2.50" {
		t.Errorf("Abs = %s", s)
	}
	if s := dec("9223372036854775808").Neg().String(); s != "-9223372036854775808" {
		t.Errorf("Neg big = %s", s)
	}
	if s := dec("0.00").Neg().String(); s != "0.00" {
		t.Errorf("Neg zero = %s", s)
	}
	if !dec("0.000").IsZero() || dec("0.001").IsZero() {
		t.Errorf("IsZero")
	}
	var zero Decimal
	if zero.String() != "0" || !zero.IsZero() || zero.Scale() != 0 {
		t.Errorf("zero value = %q", zero.String())
	}

	// Int64: integral values that fit.
	intCases := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"12", 12, true},
		{"12.00", 12, true}, // integral despite the scale
		{"12.50", 0, false},
		{"-9223372036854775808", math.MinInt64, true},
		{"9223372036854775808", 0, false}, // 2^63 does not fit
		{"9223372036854775807.000000000000000000000", math.MaxInt64, true},
	}
	for _, c := range intCases {
		got, ok := dec(c.in).Int64()
		if got != c.want || ok != c.ok {
			t.Errorf("Int64(%s) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if d := DecimalFromInt(math.MinInt64); d.String() != "-9223372036854775808" {
		t.Errorf("DecimalFromInt(MinInt64) = %s", d)
	}
	if d := DecimalFromInt(-42); d.String() != "-42" || d.big != nil {
		t.Errorf("DecimalFromInt(-42) = %s", d)
	}
	if d, err := NewDecimal(12345, 2); err != nil || d.String() != "123.45" {
		t.Errorf("NewDecimal(12345, 2) = %s, %v", d, err)
	}
	if d, err := NewDecimal(5, 25); err != nil || d.String() != "0.0000000000000000000000005" {
		t.Errorf("NewDecimal(5, 25) = %s, %v", d, err)
	}

	// MulPow10 moves the point.
	powCases := []struct {
		in   string
		n    int
		want string
	}{
		{"12.5", -2, "0.125"}, // 12.5% as a rate
		{"20", -2, "0.20"},    // 20% → 0.20 (scale 2)
		{"1.5", 3, "1500"},    // 15 × 10^2 at scale 0
		{"1.25", 2, "125"},
		{"0.125", 2, "12.5"},
	}
	for _, c := range powCases {
		got, err := dec(c.in).MulPow10(c.n)
		if err != nil || got.String() != c.want {
			t.Errorf("MulPow10(%s, %d) = %s, %v; want %s", c.in, c.n, got, err, c.want)
		}
	}
}

func TestDecimalFormat(t *testing.T) {
	cases := []struct{ in, plain, grouped string }{
		{"1250000.00", "1250000.00", "1,250,000.00"},
		{"-1234.5", "-1234.5", "-1,234.5"},
		{"999", "999", "999"},
		{"1000", "1000", "1,000"},
		{"100000", "100000", "100,000"},
		{"0.001", "0.001", "0.001"},
		{"-0.5", "-0.5", "-0.5"},
		{"12345678901234567890.12", "12345678901234567890.12", "12,345,678,901,234,567,890.12"},
		{"0.0000000000000000000001", "0.0000000000000000000001", "0.0000000000000000000001"},
	}
	for _, c := range cases {
		d := dec(c.in)
		if got := d.String(); got != c.plain {
			t.Errorf("String(%s) = %s", c.in, got)
		}
		if got := d.Format(false); got != c.plain {
			t.Errorf("Format(%s, false) = %s", c.in, got)
		}
		if got := d.Format(true); got != c.grouped {
			t.Errorf("Format(%s, true) = %s, want %s", c.in, got, c.grouped)
		}
		if got := forceBig(d).Format(true); got != c.grouped {
			t.Errorf("big Format(%s, true) = %s, want %s", c.in, got, c.grouped)
		}
	}
}

// randDecimal draws a decimal with up to 18 digits and scale 0..6, so that
// sums and products exercise both the fast path and its overflow.
func randDecimal(r *rand.Rand) Decimal {
	digits := 1 + r.IntN(18)
	c := r.Int64N(int64(pow10[digits]))
	if r.IntN(2) == 0 {
		c = -c
	}
	d, _ := NewDecimal(c, r.IntN(7))
	return d
}

// TestDecimalPaths checks the fast path against the arbitrary-precision
// path and against math/big.Rat (for the exact operations) and apd (for
// division and rounding to powers of ten).
func TestDecimalPaths(t *testing.T) {
	r := rand.New(rand.NewPCG(20260101, 7))
	ctx := apd.BaseContext.WithPrecision(34)
	ctx.Rounding = apd.RoundHalfEven
	apdRounders := []apd.Rounder{apd.RoundHalfEven, apd.RoundHalfUp, apd.RoundHalfDown,
		apd.RoundUp, apd.RoundDown, apd.RoundFloor, apd.RoundCeiling}
	for i := 0; i < 20000; i++ {
		a, b := randDecimal(r), randDecimal(r)
		ra, rb := ratOf(t, a), ratOf(t, b)
		ba, bb := forceBig(a), forceBig(b)

		sum, err1 := a.Add(b)
		sumBig, err2 := ba.Add(bb)
		if err1 != nil || err2 != nil || sum.String() != sumBig.String() ||
			ratOf(t, sum).Cmp(new(big.Rat).Add(ra, rb)) != 0 {
			t.Fatalf("%s + %s = %s / %s (%v %v)", a, b, sum, sumBig, err1, err2)
		}
		diff, err1 := a.Sub(b)
		diffBig, err2 := ba.Sub(bb)
		if err1 != nil || err2 != nil || diff.String() != diffBig.String() ||
			ratOf(t, diff).Cmp(new(big.Rat).Sub(ra, rb)) != 0 {
			t.Fatalf("%s - %s = %s / %s (%v %v)", a, b, diff, diffBig, err1, err2)
		}
		prod, err1 := a.Mul(b)
		prodBig, err2 := ba.Mul(bb)
		if err1 != nil || err2 != nil || prod.String() != prodBig.String() ||
			ratOf(t, prod).Cmp(new(big.Rat).Mul(ra, rb)) != 0 {
			t.Fatalf("%s × %s = %s / %s (%v %v)", a, b, prod, prodBig, err1, err2)
		}
		if got, want := a.Cmp(b), ra.Cmp(rb); got != want || ba.Cmp(bb) != want {
			t.Fatalf("Cmp(%s, %s) = %d, want %d", a, b, got, want)
		}
		if !b.IsZero() {
			q, err1 := a.Quo(b)
			qBig, err2 := quoSlow(ba, bb)
			if err1 != nil || err2 != nil || q.String() != qBig.String() {
				t.Fatalf("%s / %s = %s / %s (%v %v)", a, b, q, qBig, err1, err2)
			}
			var want apd.Decimal
			x, _, _ := apd.NewFromString(a.String())
			y, _, _ := apd.NewFromString(b.String())
			if _, err := ctx.Quo(&want, x, y); err != nil {
				t.Fatal(err)
			}
			qa, _, _ := apd.NewFromString(q.String())
			if qa.Cmp(&want) != 0 {
				t.Fatalf("%s / %s = %s, apd says %s", a, b, q, want.String())
			}
		}
		// Round to 10^-k with every mode, against apd's Quantize.
		k := r.IntN(7)
		unit, _ := NewDecimal(1, k)
		for mi, m := range []RoundingMode{HalfEven, HalfUp, HalfDown, Up, Down, Floor, Ceiling} {
			got, err1 := a.Round(unit, m)
			gotBig, err2 := roundSlow(ba, forceBig(unit), m)
			qctx := apd.BaseContext.WithPrecision(100)
			qctx.Rounding = apdRounders[mi]
			// apd v3.2.3's Quantize returns 0 in every mode when |x| is below
			// a tenth of the unit (so up, floor and ceiling come out wrong,
			// e.g. -0.08 up to 1 gives 0). Shift x away from zero by 10^20, an
			// even multiple of the unit with x's sign, which changes neither
			// the direction nor the parity of the rounding, and shift back.
			var want, shifted apd.Decimal
			x, _, _ := apd.NewFromString(a.String())
			offset := apd.New(1, 20)
			if a.Sign() < 0 {
				offset.Neg(offset)
			}
			exact := apd.BaseContext
			if _, err := exact.Add(&shifted, x, offset); err != nil {
				t.Fatal(err)
			}
			if _, err := qctx.Quantize(&want, &shifted, int32(-k)); err != nil {
				t.Fatal(err)
			}
			if _, err := exact.Sub(&want, &want, offset); err != nil {
				t.Fatal(err)
			}
			wantText := want.Text('f')
			if strings.HasPrefix(wantText, "-") && strings.Trim(wantText, "-0.") == "" {
				wantText = wantText[1:] // apd keeps a negative zero; we do not
			}
			if err1 != nil || err2 != nil || got.String() != wantText || gotBig.String() != wantText {
				t.Fatalf("Round(%s, %s, %s) = %s / %s, apd says %s (%v %v)", a, unit, m, got, gotBig, wantText, err1, err2)
			}
		}
	}
}

func TestDecimalNoAllocs(t *testing.T) {
	a, b := dec("1234.56"), dec("0.20")
	cent := dec("0.01")
	var sink Decimal
	var n int
	checks := map[string]func(){
		"Add":   func() { sink, _ = a.Add(b) },
		"Sub":   func() { sink, _ = a.Sub(b) },
		"Mul":   func() { sink, _ = a.Mul(b) },
		"Quo":   func() { sink, _ = a.Quo(b) },
		"Round": func() { sink, _ = a.Round(cent, HalfEven) },
		"MulRound": func() {
			p, _ := a.Mul(b)
			sink, _ = p.Round(cent, HalfEven)
		},
		"Cmp": func() { n = a.Cmp(b) },
		"Neg": func() { sink = a.Neg() },
	}
	for name, f := range checks {
		if allocs := testing.AllocsPerRun(100, f); allocs != 0 {
			t.Errorf("%s allocates %.0f times per call", name, allocs)
		}
	}
	if allocs := testing.AllocsPerRun(100, func() { _, _ = a.Int64() }); allocs != 0 {
		t.Errorf("Int64 allocates %.0f times per call", allocs)
	}
	if allocs := testing.AllocsPerRun(100, func() { sink, _ = ParseDecimal("1234.56") }); allocs != 0 {
		t.Errorf("ParseDecimal allocates %.0f times per call", allocs)
	}
	_, _ = sink, n
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"0", "-0", "123", "123.45", "-0.5", "0.125", "1e5", "", ".", "1,000",
		"9223372036854775808", "-9223372036854775808", "0.0000000000000000001",
		strings.Repeat("9", 60), strings.Repeat("9", 61), "1.2.3", "--1", " 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDecimal(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidDecimal) {
				t.Fatalf("ParseDecimal(%q): error %v does not wrap ErrInvalidDecimal", s, err)
			}
			return
		}
		text := d.String()
		back, err := ParseDecimal(text)
		if err != nil {
			t.Fatalf("ParseDecimal(%q).String() = %q does not parse: %v", s, text, err)
		}
		if back.String() != text || !back.Equal(d) || back.Scale() != d.Scale() {
			t.Fatalf("round trip %q → %q → %q", s, text, back.String())
		}
		// The value agrees with an independent reader.
		want, ok := new(big.Rat).SetString(s)
		if !ok || ratOf(t, d).Cmp(want) != 0 {
			t.Fatalf("ParseDecimal(%q) = %s, big.Rat reads %v", s, text, want)
		}
		// Arithmetic on any parsed value errors or succeeds, never panics.
		_, _ = d.Mul(d)
		_, _ = d.Add(d)
		_, _ = d.Quo(d)
		_, _ = d.Round(dec("0.05"), HalfUp)
	})
}

// FuzzDecimalArith checks on arbitrary operands that no operation panics,
// that the fast path and the arbitrary-precision path agree, and that the
// exact operations agree with math/big.Rat.
func FuzzDecimalArith(f *testing.F) {
	f.Add("1234.56", "0.20", uint8(0))
	f.Add("9223372036854775807", "1", uint8(1))
	f.Add("-0.5", "3", uint8(2))
	f.Add(strings.Repeat("9", 60), "0."+strings.Repeat("0", 58)+"1", uint8(3))
	f.Add("1.005", "0", uint8(4))
	f.Add("2398076729582241710", "0.13", uint8(3))
	units := []Decimal{dec("0.01"), dec("0.05"), dec("1"), dec("1000"), dec("0.0000000000000000000001")}
	f.Fuzz(func(t *testing.T, as, bs string, pick uint8) {
		a, err1 := ParseDecimal(as)
		b, err2 := ParseDecimal(bs)
		if err1 != nil || err2 != nil {
			return
		}
		same := func(op string, x Decimal, xe error, y Decimal, ye error) {
			if (xe == nil) != (ye == nil) || xe == nil && x.String() != y.String() {
				t.Fatalf("%s(%s, %s): fast %s %v, big %s %v", op, as, bs, x, xe, y, ye)
			}
		}
		ba, bb := forceBig(a), forceBig(b)
		ra, rb := ratOf(t, a), ratOf(t, b)
		exact := func(op string, got Decimal, err error, want *big.Rat) {
			if err == nil && ratOf(t, got).Cmp(want) != 0 {
				t.Fatalf("%s(%s, %s) = %s, want %s", op, as, bs, got, want.RatString())
			}
			if err != nil && !errors.Is(err, ErrOutOfRange) {
				t.Fatalf("%s(%s, %s): unexpected error %v", op, as, bs, err)
			}
		}
		x, xe := a.Add(b)
		y, ye := ba.Add(bb)
		same("Add", x, xe, y, ye)
		exact("Add", x, xe, new(big.Rat).Add(ra, rb))
		x, xe = a.Sub(b)
		y, ye = ba.Sub(bb)
		same("Sub", x, xe, y, ye)
		exact("Sub", x, xe, new(big.Rat).Sub(ra, rb))
		x, xe = a.Mul(b)
		y, ye = ba.Mul(bb)
		same("Mul", x, xe, y, ye)
		exact("Mul", x, xe, new(big.Rat).Mul(ra, rb))
		x, xe = a.Quo(b)
		y, ye = ba.Quo(bb)
		same("Quo", x, xe, y, ye)
		if b.IsZero() != errors.Is(xe, ErrDivisionByZero) {
			t.Fatalf("Quo(%s, %s): %v", as, bs, xe)
		}
		if a.Cmp(b) != ra.Cmp(rb) || ba.Cmp(bb) != ra.Cmp(rb) {
			t.Fatalf("Cmp(%s, %s)", as, bs)
		}
		if b.Sign() > 0 { // b as a rounding unit
			mode := RoundingMode(int(pick) % 7)
			x, xe = a.Round(b, mode)
			y, ye = roundSlow(ba, bb, mode)
			same("Round by b", x, xe, y, ye)
		}
		unit := units[int(pick)%len(units)]
		mode := RoundingMode(int(pick/8) % 7)
		x, xe = a.Round(unit, mode)
		y, ye = roundSlow(ba, forceBig(unit), mode)
		same("Round", x, xe, y, ye)
		if xe == nil {
			// Within one unit of the value, and a multiple of the unit.
			d := new(big.Rat).Sub(ratOf(t, x), ra)
			if d.Abs(d).Cmp(ratOf(t, unit)) >= 0 {
				t.Fatalf("Round(%s, %s, %s) = %s", as, unit, mode, x)
			}
		}
	})
}
