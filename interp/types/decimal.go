package types

import (
	"errors"
	"fmt"
	"math"
	"math/bits"

	"github.com/cockroachdb/apd/v3"

	"github.com/pacta-lang/pacta/lang"
)

// Limits on decimal values. They bound the work any single operation can be
// made to do by hostile input.
const (
	// MaxDecimalDigits is the largest number of digits a Decimal's
	// coefficient may have, and the most digits ParseDecimal accepts.
	MaxDecimalDigits = 60
	// MaxDecimalScale is the largest number of digits after the decimal
	// point a Decimal may have.
	MaxDecimalScale = 1000
	// QuoDigits is the number of significant digits a quotient that does not
	// terminate is rounded to (half-even).
	QuoDigits = 34

	maxFastScale = 18
)

var (
	// ErrOutOfRange reports a result that cannot be represented: a decimal
	// with more than MaxDecimalDigits digits or a scale over
	// MaxDecimalScale, or a date outside 0001-01-01..9999-12-31.
	ErrOutOfRange = errors.New("out of range")
	// ErrDivisionByZero reports a division whose divisor is zero.
	ErrDivisionByZero = errors.New("division by zero")
	// ErrInvalidDecimal reports text that is not a plain decimal number.
	ErrInvalidDecimal = errors.New("invalid decimal")
)

// wrappedError carries a full message and unwraps to a sentinel, so that
// errors.Is works while the message stays readable.
type wrappedError struct {
	msg string
	err error
}

func (e *wrappedError) Error() string { return e.msg }
func (e *wrappedError) Unwrap() error { return e.err }

func errorf(sentinel error, format string, args ...any) error {
	return &wrappedError{msg: fmt.Sprintf(format, args...), err: sentinel}
}

// Decimal is an exact decimal number: a coefficient times 10^-scale, with
// the scale (the number of digits after the decimal point) kept, so that
// 200.00 prints as 200.00. The zero value is 0.
//
// Decimal is a small value type and safe to copy. Arithmetic is exact
// (except Quo, see there) and never wraps: a result that cannot be
// represented is an error wrapping ErrOutOfRange. Values whose coefficient
// fits in an int64 with a scale of at most 18 take a fast path with no
// allocation; larger values fall back to arbitrary precision and come back to
// the fast path when a result fits again.
//
// Compare Decimals with Equal or Cmp, never with ==: 1.0 and 1.00 are equal
// numbers with different representations, and a large value holds a pointer.
type Decimal struct {
	coef  int64        // fast path: the coefficient, never math.MinInt64; else the sign (-1, 0, 1)
	big   *apd.Decimal // arbitrary precision; nil on the fast path; never mutated
	scale uint8        // fast path: 0..18
}

// pow10 holds 10^0 .. 10^19.
var pow10 = [...]uint64{
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, 10000000000, 100000000000, 1000000000000, 10000000000000,
	100000000000000, 1000000000000000, 10000000000000000,
	100000000000000000, 1000000000000000000, 10000000000000000000,
}

// DecimalFromInt returns n as a Decimal with scale 0.
func DecimalFromInt(n int64) Decimal {
	if n == math.MinInt64 {
		var b apd.BigInt
		b.SetInt64(n)
		return newBig(&b, 0)
	}
	return Decimal{coef: n}
}

// NewDecimal returns coef × 10^-scale, e.g. NewDecimal(12345, 2) is 123.45.
// The scale must be 0..MaxDecimalScale.
func NewDecimal(coef int64, scale int) (Decimal, error) {
	if scale < 0 || scale > MaxDecimalScale {
		return Decimal{}, errorf(ErrOutOfRange, "decimal scale %d is out of range (0 to %d)", scale, MaxDecimalScale)
	}
	if scale <= maxFastScale && coef != math.MinInt64 {
		return Decimal{coef: coef, scale: uint8(scale)}, nil
	}
	var b apd.BigInt
	b.SetInt64(coef)
	return fromBig(&b, scale)
}

func uabs(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

// mulPow10Fast returns x × 10^k and whether it fits (excluding MinInt64).
func mulPow10Fast(x int64, k int) (int64, bool) {
	hi, lo := bits.Mul64(uabs(x), pow10[k])
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if x < 0 {
		return -int64(lo), true
	}
	return int64(lo), true
}

// Add returns d + x, exactly. The result's scale is the larger of the two.
func (d Decimal) Add(x Decimal) (Decimal, error) {
	if d.big == nil && x.big == nil {
		if d.scale == x.scale { // the common case, kept free of calls
			c := d.coef + x.coef
			// Overflow iff both operands differ in sign from the sum;
			// MinInt64 is kept off the fast path.
			if (d.coef^c)&(x.coef^c) >= 0 && c != math.MinInt64 {
				return Decimal{coef: c, scale: d.scale}, nil
			}
		} else if r, ok := addFast(d.coef, int(d.scale), x.coef, int(x.scale)); ok {
			return r, nil
		}
	}
	return addSlow(d, x, false)
}

// Sub returns d - x, exactly. The result's scale is the larger of the two.
func (d Decimal) Sub(x Decimal) (Decimal, error) {
	if d.big == nil && x.big == nil {
		if d.scale == x.scale {
			c := d.coef - x.coef
			// Overflow iff the operands differ in sign and the result's
			// sign differs from d's.
			if (d.coef^x.coef)&(d.coef^c) >= 0 && c != math.MinInt64 {
				return Decimal{coef: c, scale: d.scale}, nil
			}
		} else if r, ok := addFast(d.coef, int(d.scale), -x.coef, int(x.scale)); ok {
			return r, nil
		}
	}
	return addSlow(d, x, true)
}

func addFast(a int64, as int, b int64, bs int) (Decimal, bool) {
	s := as
	if as != bs {
		var ok bool
		if as < bs {
			a, ok = mulPow10Fast(a, bs-as)
			s = bs
		} else {
			b, ok = mulPow10Fast(b, as-bs)
		}
		if !ok {
			return Decimal{}, false
		}
	}
	c := a + b
	// Overflow happens only when both operands have the same sign and the
	// sum's sign differs; MinInt64 is kept off the fast path.
	if (a >= 0) == (b >= 0) && (c >= 0) != (a >= 0) || c == math.MinInt64 {
		return Decimal{}, false
	}
	return Decimal{coef: c, scale: uint8(s)}, true
}

// Mul returns d × x, exactly. The result's scale is the sum of the two.
// Exactness has a price: the product of two 34-digit quotients (1/3 × 1/3)
// needs 68 digits and is out of range, so round quotients before
// multiplying them together.
func (d Decimal) Mul(x Decimal) (Decimal, error) {
	if d.big == nil && x.big == nil {
		if s := int(d.scale) + int(x.scale); s <= maxFastScale {
			hi, lo := bits.Mul64(uabs(d.coef), uabs(x.coef))
			if hi == 0 && lo <= math.MaxInt64 {
				c := int64(lo)
				if (d.coef < 0) != (x.coef < 0) {
					c = -c
				}
				return Decimal{coef: c, scale: uint8(s)}, nil
			}
		}
	}
	var a, b apd.BigInt
	as := d.signedCoef(&a)
	bs := x.signedCoef(&b)
	a.Mul(&a, &b)
	return fromBig(&a, as+bs)
}

// Quo returns d / x. When the quotient terminates within QuoDigits (34)
// significant digits it is exact, with the smallest scale no less than
// d.Scale() - x.Scale() (and no less than 0) that represents it exactly:
// 200.00 / 4 = 50.00, 1 / 4 = 0.25. Otherwise it is rounded half-even to 34
// significant digits: 1 / 3 = 0.3333333333333333333333333333333333.
// A zero divisor gives an error wrapping ErrDivisionByZero.
func (d Decimal) Quo(x Decimal) (Decimal, error) {
	if x.Sign() == 0 {
		return Decimal{}, errorf(ErrDivisionByZero, "division by zero: %s / %s", d.String(), x.String())
	}
	if d.big == nil && x.big == nil {
		if r, ok := quoFast(d, x); ok {
			return r, nil
		}
	}
	return quoSlow(d, x)
}

func quoFast(d, x Decimal) (Decimal, bool) {
	xs, ys := int(d.scale), int(x.scale)
	t := 0
	var n uint64
	if xs >= ys {
		t = xs - ys
		n = uabs(d.coef)
	} else {
		hi, lo := bits.Mul64(uabs(d.coef), pow10[ys-xs])
		if hi != 0 {
			return Decimal{}, false
		}
		n = lo
	}
	y := uabs(x.coef)
	for {
		q, r := n/y, n%y
		if r == 0 {
			if q > math.MaxInt64 {
				return Decimal{}, false
			}
			c := int64(q)
			if (d.coef < 0) != (x.coef < 0) {
				c = -c
			}
			return Decimal{coef: c, scale: uint8(t)}, true
		}
		t++
		if t > maxFastScale || n > math.MaxUint64/10 {
			return Decimal{}, false
		}
		n *= 10
	}
}

// Neg returns -d.
func (d Decimal) Neg() Decimal {
	if d.big == nil {
		return Decimal{coef: -d.coef, scale: d.scale}
	}
	if d.IsZero() {
		return d // never a negative zero
	}
	var a apd.BigInt
	s := d.signedCoef(&a)
	a.Neg(&a)
	return newBig(&a, s) // same digits and scale: the limits still hold
}

// Abs returns |d|.
func (d Decimal) Abs() Decimal {
	if d.Sign() < 0 {
		return d.Neg()
	}
	return d
}

// Sign returns -1, 0 or +1 as d is negative, zero or positive.
func (d Decimal) Sign() int {
	// coef has d's sign in both representations. -1 comes from the sign
	// bit of coef, +1 from the sign bit of -coef.
	return int(d.coef>>63) | int(uint64(-d.coef)>>63)
}

// IsZero reports whether d is 0 (at any scale).
func (d Decimal) IsZero() bool { return d.Sign() == 0 }

// Scale returns the number of digits after the decimal point.
func (d Decimal) Scale() int {
	if d.big == nil {
		return int(d.scale)
	}
	return -int(d.big.Exponent)
}

// Cmp compares d and x numerically and returns -1, 0 or +1 as d < x,
// d == x or d > x. The scale does not matter: 1.0 and 1.00 compare equal.
func (d Decimal) Cmp(x Decimal) int {
	if d.big == nil && x.big == nil {
		if d.scale == x.scale {
			switch {
			case d.coef < x.coef:
				return -1
			case d.coef > x.coef:
				return 1
			}
			return 0
		}
		ds, xs := d.Sign(), x.Sign()
		if ds != xs || ds == 0 {
			return cmpInt(ds, xs)
		}
		// Same non-zero sign: compare magnitudes at a common scale in 128 bits.
		s := max(d.scale, x.scale)
		ah, al := bits.Mul64(uabs(d.coef), pow10[s-d.scale])
		bh, bl := bits.Mul64(uabs(x.coef), pow10[s-x.scale])
		c := 0
		switch {
		case ah != bh:
			c = cmpUint(ah, bh)
		default:
			c = cmpUint(al, bl)
		}
		return c * ds
	}
	var a, b apd.BigInt
	as := d.signedCoef(&a)
	bs := x.signedCoef(&b)
	alignScales(&a, as, &b, bs)
	return a.Cmp(&b)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Equal reports whether d and x are the same number: 1.0 equals 1.00.
func (d Decimal) Equal(x Decimal) bool { return d.Cmp(x) == 0 }

// Min returns the smaller of d and x (d when they are equal).
func (d Decimal) Min(x Decimal) Decimal {
	if x.Cmp(d) < 0 {
		return x
	}
	return d
}

// Max returns the larger of d and x (d when they are equal).
func (d Decimal) Max(x Decimal) Decimal {
	if x.Cmp(d) > 0 {
		return x
	}
	return d
}

// Int64 returns d as an int64 when d is a whole number that fits.
func (d Decimal) Int64() (int64, bool) {
	if d.big == nil {
		p := int64(pow10[d.scale])
		if d.coef%p != 0 {
			return 0, false
		}
		return d.coef / p, true
	}
	var a, r apd.BigInt
	s := d.signedCoef(&a)
	if s > 0 {
		var p apd.BigInt
		a.QuoRem(&a, bigPow10(&p, s), &r)
		if r.Sign() != 0 {
			return 0, false
		}
	}
	if !a.IsInt64() {
		return 0, false
	}
	return a.Int64(), true
}

// MulPow10 returns d × 10^n exactly, by moving the decimal point: 12.5
// MulPow10(-2) is 0.125 (a percentage to a rate), 1.5 MulPow10(3) is 1500.
func (d Decimal) MulPow10(n int) (Decimal, error) {
	if n < -2*MaxDecimalScale || n > 2*MaxDecimalScale {
		return Decimal{}, errorf(ErrOutOfRange, "decimal %s × 10^%d is out of range", d.String(), n)
	}
	var a apd.BigInt
	s := d.signedCoef(&a) - n
	return fromBig(&a, s)
}

// RoundingMode says how Round resolves a value between two multiples of the
// unit. The zero value is HalfEven.
type RoundingMode uint8

// Rounding modes. "Up" and "Down" are away from and toward zero; Floor and
// Ceiling are toward -∞ and +∞; the Half modes round to the nearer multiple
// and differ only at the exact half-way point.
const (
	HalfEven RoundingMode = iota // half-way to the even multiple (banker's rounding)
	HalfUp                       // half-way away from zero
	HalfDown                     // half-way toward zero
	Up                           // away from zero
	Down                         // toward zero (truncate)
	Floor                        // toward -∞
	Ceiling                      // toward +∞
)

var roundingNames = [...]string{"half_even", "half_up", "half_down", "up", "down", "floor", "ceiling"}

// ParseRoundingMode accepts the names used in agreements: half_even,
// half_up, half_down, up, down, floor, ceiling.
func ParseRoundingMode(name string) (RoundingMode, bool) {
	for i, n := range roundingNames {
		if n == name {
			return RoundingMode(i), true
		}
	}
	return 0, false
}

// String returns the agreement name of the mode, e.g. "half_even".
func (m RoundingMode) String() string {
	if int(m) < len(roundingNames) {
		return roundingNames[m]
	}
	return fmt.Sprintf("RoundingMode(%d)", uint8(m))
}

// roundAway reports whether a quotient q with a non-zero remainder should
// move one step away from zero. half compares the remainder with half the
// divisor (-1 below, 0 exactly half, +1 above).
func roundAway(mode RoundingMode, neg, qOdd bool, half int) bool {
	switch mode {
	case HalfEven:
		return half > 0 || half == 0 && qOdd
	case HalfUp:
		return half >= 0
	case HalfDown:
		return half > 0
	case Up:
		return true
	case Floor:
		return neg
	case Ceiling:
		return !neg
	}
	return false // Down
}

// Round returns d rounded to a multiple of unit, which must be positive
// (0.01 for cents, 0.05, 1, 1000). The result has the unit's scale:
// 1.015 rounded to 0.01 half-even is 1.02, 2.5 rounded to 1 is 2 (half-even)
// or 3 (half-up). Negative values round symmetrically except for Floor and
// Ceiling, which round toward -∞ and +∞.
func (d Decimal) Round(unit Decimal, mode RoundingMode) (Decimal, error) {
	if d.big == nil && unit.big == nil && unit.coef > 0 && mode <= Ceiling {
		neg := d.coef < 0
		a := uabs(d.coef)
		u := uint64(unit.coef)
		var q, r, div uint64
		ok := true
		if u == 1 && unit.scale >= d.scale {
			// A power-of-ten unit no finer than d (cents to cents): exact,
			// no division needed.
			hi, lo := bits.Mul64(a, pow10[unit.scale-d.scale])
			q, ok, div = lo, hi == 0, 1
		} else if unit.scale >= d.scale {
			// d / unit = a × 10^k / u
			hi, lo := bits.Mul64(a, pow10[unit.scale-d.scale])
			switch {
			case hi >= u:
				ok = false
			case hi == 0:
				q, r = lo/u, lo%u
			default:
				q, r = bits.Div64(hi, lo, u)
			}
			div = u
		} else {
			// d / unit = a / (u × 10^k)
			hi, lo := bits.Mul64(u, pow10[d.scale-unit.scale])
			if hi != 0 {
				ok = false
			} else {
				div = lo
				q, r = a/div, a%div
			}
		}
		if ok {
			if r != 0 && roundAway(mode, neg, q&1 == 1, cmpUint(r, div-r)) {
				q++
				if q == 0 { // wrapped past 2^64-1 (possible after Div64)
					return roundSlow(d, unit, mode)
				}
			}
			hi, lo := bits.Mul64(q, u)
			if hi == 0 && lo <= math.MaxInt64 {
				c := int64(lo)
				if neg {
					c = -c
				}
				return Decimal{coef: c, scale: unit.scale}, nil
			}
		}
	}
	return roundSlow(d, unit, mode)
}

func roundSlow(d, unit Decimal, mode RoundingMode) (Decimal, error) {
	if mode > Ceiling {
		return Decimal{}, fmt.Errorf("unknown rounding mode %d", uint8(mode))
	}
	if unit.Sign() <= 0 {
		return Decimal{}, fmt.Errorf("rounding unit must be positive, got %s", unit.String())
	}
	var a, u, q, r apd.BigInt
	as := d.signedCoef(&a)
	us := unit.signedCoef(&u)
	neg := a.Sign() < 0
	a.Abs(&a)
	uc := new(apd.BigInt).Set(&u) // the unit's coefficient, kept for the result
	alignScales(&a, as, &u, us)
	q.QuoRem(&a, &u, &r)
	if r.Sign() != 0 {
		var twice apd.BigInt
		twice.Add(&r, &r)
		if roundAway(mode, neg, q.Bit(0) == 1, twice.Cmp(&u)) {
			q.Add(&q, apd.NewBigInt(1))
		}
	}
	q.Mul(&q, uc)
	if neg {
		q.Neg(&q)
	}
	return fromBig(&q, us)
}

// Truncate returns d rounded toward zero to a multiple of unit.
func (d Decimal) Truncate(unit Decimal) (Decimal, error) { return d.Round(unit, Down) }

// Floor returns d rounded toward -∞ to a multiple of unit.
func (d Decimal) Floor(unit Decimal) (Decimal, error) { return d.Round(unit, Floor) }

// Ceil returns d rounded toward +∞ to a multiple of unit.
func (d Decimal) Ceil(unit Decimal) (Decimal, error) { return d.Round(unit, Ceiling) }

// ---- text ----

// ParseDecimal reads a plain decimal: an optional '-', digits, and
// optionally '.' followed by digits: 123, 123.45, -0.5, 0.125. The scale is
// kept (2.50 has scale 2). Exponents, '+', spaces, thousands separators and
// more than MaxDecimalDigits digits are rejected with an error wrapping
// ErrInvalidDecimal.
func ParseDecimal(s string) (Decimal, error) {
	i := 0
	neg := false
	if len(s) > 0 && s[0] == '-' {
		neg = true
		i = 1
	}
	var coef uint64
	digits, scale, intDigits := 0, 0, 0
	point := false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			if point {
				scale++
			} else {
				intDigits++
			}
			if digits <= 19 {
				coef = coef*10 + uint64(c-'0') // at most 19 digits: < 10^19 < 2^64
			}
		case c == '.':
			if point {
				return Decimal{}, parseErr(s, "more than one decimal point")
			}
			point = true
		default:
			return Decimal{}, parseErr(s, badCharReason(s, i))
		}
	}
	switch {
	case len(s) == 0:
		return Decimal{}, parseErr(s, "empty text")
	case digits == 0:
		return Decimal{}, parseErr(s, "no digits")
	case intDigits == 0 || point && scale == 0:
		return Decimal{}, parseErr(s, "a digit is required on each side of the decimal point")
	case digits > MaxDecimalDigits:
		return Decimal{}, parseErr(s, fmt.Sprintf("more than %d digits", MaxDecimalDigits))
	}
	if digits <= 19 && coef <= math.MaxInt64 && scale <= maxFastScale {
		c := int64(coef)
		if neg {
			c = -c
		}
		return Decimal{coef: c, scale: uint8(scale)}, nil
	}
	buf := make([]byte, 0, digits+1)
	if neg {
		buf = append(buf, '-')
	}
	for j := 0; j < len(s); j++ {
		if c := s[j]; c >= '0' && c <= '9' {
			buf = append(buf, c)
		}
	}
	var b apd.BigInt
	if _, ok := b.SetString(string(buf), 10); !ok {
		return Decimal{}, parseErr(s, "malformed digits")
	}
	return fromBig(&b, scale)
}

func badCharReason(s string, i int) string {
	switch c := s[i]; c {
	case 'e', 'E':
		return "exponent notation is not allowed"
	case ',', '_':
		return "digit separators are not allowed"
	case ' ', '\t', '\n', '\r':
		return "spaces are not allowed"
	case '+':
		return "a leading '+' is not allowed"
	case '-':
		return "'-' is allowed only at the start"
	default:
		return fmt.Sprintf("unexpected character %q at byte %d", rune(c), i+1)
	}
}

func parseErr(s, reason string) error {
	return errorf(ErrInvalidDecimal, "invalid decimal %q: %s", lang.ClipText(s), reason)
}

// String returns d in plain notation keeping its scale: 200.00, -0.5, 12.
// It never uses exponent notation. ParseDecimal(d.String()) gives d back.
func (d Decimal) String() string {
	var buf [48]byte
	return string(d.appendText(buf[:0], false))
}

// Format returns d like String, with thousands separators in the integer
// part when grouping is true: 1,250,000.00.
func (d Decimal) Format(grouping bool) string {
	var buf [64]byte
	return string(d.appendText(buf[:0], grouping))
}

// appendText appends the digits of d with the decimal point placed by scale.
func (d Decimal) appendText(dst []byte, grouping bool) []byte {
	var digitsBuf [24]byte
	var digits []byte
	var neg bool
	var scale int
	if d.big == nil {
		neg = d.coef < 0
		scale = int(d.scale)
		v := uabs(d.coef)
		i := len(digitsBuf)
		for {
			i--
			digitsBuf[i] = byte('0' + v%10)
			v /= 10
			if v == 0 {
				break
			}
		}
		digits = digitsBuf[i:]
	} else {
		neg = d.big.Negative && d.big.Coeff.Sign() != 0
		scale = -int(d.big.Exponent)
		digits = d.big.Coeff.Append(make([]byte, 0, 64), 10)
	}
	if neg {
		dst = append(dst, '-')
	}
	intLen := len(digits) - scale
	if intLen <= 0 {
		dst = append(dst, '0')
	} else {
		for i := 0; i < intLen; i++ {
			if grouping && i > 0 && (intLen-i)%3 == 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, digits[i])
		}
	}
	if scale > 0 {
		dst = append(dst, '.')
		for i := intLen; i < 0; i++ {
			dst = append(dst, '0')
		}
		dst = append(dst, digits[max(intLen, 0):]...)
	}
	return dst
}

// ---- arbitrary precision ----

// signedCoef sets dst to d's coefficient with d's sign and returns d's scale.
func (d Decimal) signedCoef(dst *apd.BigInt) int {
	if d.big == nil {
		dst.SetInt64(d.coef)
		return int(d.scale)
	}
	dst.Set(&d.big.Coeff)
	if d.big.Negative {
		dst.Neg(dst)
	}
	return -int(d.big.Exponent)
}

// bigPow10 sets dst to 10^n (n >= 0) and returns it.
func bigPow10(dst *apd.BigInt, n int) *apd.BigInt {
	if n < len(pow10) {
		return dst.SetUint64(pow10[n])
	}
	var e apd.BigInt
	e.SetInt64(int64(n))
	return dst.Exp(dst.SetInt64(10), &e, nil)
}

// alignScales multiplies the coefficient with the smaller scale so that
// both have the larger scale, which it returns.
func alignScales(a *apd.BigInt, as int, b *apd.BigInt, bs int) int {
	var p apd.BigInt
	switch {
	case as < bs:
		a.Mul(a, bigPow10(&p, bs-as))
		return bs
	case bs < as:
		b.Mul(b, bigPow10(&p, as-bs))
	}
	return as
}

// newBig returns coef × 10^-scale in the representation it fits: the fast
// path when possible, else a fresh apd.Decimal that is never mutated.
func newBig(coef *apd.BigInt, scale int) Decimal {
	if scale >= 0 && scale <= maxFastScale && coef.IsInt64() {
		if c := coef.Int64(); c != math.MinInt64 {
			return Decimal{coef: c, scale: uint8(scale)}
		}
	}
	b := &apd.Decimal{Exponent: int32(-scale)}
	b.Coeff.Abs(coef)
	b.Negative = coef.Sign() < 0
	return Decimal{big: b, coef: int64(coef.Sign())}
}

// fromBig returns coef × 10^-scale after applying the limits. A negative
// scale is multiplied out. When the coefficient has more than
// MaxDecimalDigits digits or the scale is over MaxDecimalScale, trailing
// fractional zeros are dropped (the value is unchanged); if it still does
// not fit, the result is an error wrapping ErrOutOfRange. coef may be
// modified.
func fromBig(coef *apd.BigInt, scale int) (Decimal, error) {
	if coef.Sign() == 0 {
		return newBig(coef, min(max(scale, 0), MaxDecimalScale)), nil
	}
	if scale < 0 {
		if scale < -MaxDecimalDigits {
			return Decimal{}, errorf(ErrOutOfRange, "decimal result has more than %d digits", MaxDecimalDigits)
		}
		var p apd.BigInt
		coef.Mul(coef, bigPow10(&p, -scale))
		scale = 0
	}
	nd := apd.NumDigits(coef)
	if nd > MaxDecimalDigits || scale > MaxDecimalScale {
		var q, r, ten apd.BigInt
		ten.SetInt64(10)
		for scale > 0 {
			q.QuoRem(coef, &ten, &r)
			if r.Sign() != 0 {
				break
			}
			coef.Set(&q)
			scale--
			nd--
		}
		if nd > MaxDecimalDigits {
			return Decimal{}, errorf(ErrOutOfRange, "decimal result has more than %d digits", MaxDecimalDigits)
		}
		if scale > MaxDecimalScale {
			return Decimal{}, errorf(ErrOutOfRange, "decimal result has more than %d digits after the decimal point", MaxDecimalScale)
		}
	}
	return newBig(coef, scale), nil
}

func addSlow(d, x Decimal, sub bool) (Decimal, error) {
	var a, b apd.BigInt
	as := d.signedCoef(&a)
	bs := x.signedCoef(&b)
	s := alignScales(&a, as, &b, bs)
	if sub {
		a.Sub(&a, &b)
	} else {
		a.Add(&a, &b)
	}
	return fromBig(&a, s)
}

// quoSlow divides with arbitrary precision; x is not zero.
func quoSlow(d, x Decimal) (Decimal, error) {
	var a, b apd.BigInt
	as := d.signedCoef(&a)
	bs := x.signedCoef(&b)
	neg := (a.Sign() < 0) != (b.Sign() < 0)
	a.Abs(&a)
	b.Abs(&b)
	t0 := max(0, as-bs) // the ideal scale of an exact quotient
	if a.Sign() == 0 {
		return fromBig(&a, t0)
	}
	// q = floor(a × 10^k / b) has QuoDigits or QuoDigits+1 digits for this
	// k; the quotient is q × 10^-t with t = k - bs + as.
	k := QuoDigits - int(apd.NumDigits(&a)-apd.NumDigits(&b))
	var q, r, div apd.BigInt
	quoPow10(&q, &r, &div, &a, &b, k)
	if apd.NumDigits(&q) > QuoDigits {
		k--
		quoPow10(&q, &r, &div, &a, &b, k)
	}
	t := k - bs + as
	if r.Sign() == 0 {
		// Exact: present it at the ideal scale when possible.
		if t < t0 {
			var p apd.BigInt
			q.Mul(&q, bigPow10(&p, t0-t))
			t = t0
		} else {
			var qq, rr, ten apd.BigInt
			ten.SetInt64(10)
			for t > t0 {
				qq.QuoRem(&q, &ten, &rr)
				if rr.Sign() != 0 {
					break
				}
				q.Set(&qq)
				t--
			}
		}
	} else {
		var twice apd.BigInt
		twice.Add(&r, &r)
		if roundAway(HalfEven, neg, q.Bit(0) == 1, twice.Cmp(&div)) {
			q.Add(&q, apd.NewBigInt(1))
			if apd.NumDigits(&q) > QuoDigits { // carried to 10^34
				var p apd.BigInt
				q.Set(bigPow10(&p, QuoDigits-1))
				t--
			}
		}
	}
	if neg {
		q.Neg(&q)
	}
	return fromBig(&q, t)
}

// quoPow10 sets q, r to the quotient and remainder of a × 10^k / b, and div
// to the divisor used (b, or b × 10^-k when k is negative).
func quoPow10(q, r, div, a, b *apd.BigInt, k int) {
	var n, p apd.BigInt
	if k >= 0 {
		n.Mul(a, bigPow10(&p, k))
		div.Set(b)
	} else {
		n.Set(a)
		div.Mul(b, bigPow10(&p, -k))
	}
	q.QuoRem(&n, div, r)
}
