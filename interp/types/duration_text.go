package types

import (
	"errors"
	"strconv"
	"strings"
)

// This file gives Duration its text encoding.

// ErrInvalidDuration reports text that is not a duration written as
// Duration.String writes it.
var ErrInvalidDuration = errors.New("invalid duration")

// MarshalText implements encoding.TextMarshaler: the text of String, as
// an agreement writes it: "30 days", "1 year", "-3 months".
func (x Duration) MarshalText() ([]byte, error) {
	if int(x.Unit) >= len(durationUnitNames) {
		return nil, errorf(ErrInvalidDuration, "invalid duration: unknown unit %d", uint8(x.Unit))
	}
	return []byte(x.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: a whole number
// (optionally with a leading '-'), one space, and a unit: day, week, month
// or year, singular or plural ("30 days", "1 year"). Anything else is an
// error wrapping ErrInvalidDuration, and x is left as it was.
func (x *Duration) UnmarshalText(text []byte) error {
	s := string(text)
	num, unit, ok := strings.Cut(s, " ")
	bad := func(reason string) error {
		return errorf(ErrInvalidDuration, "invalid duration %q: %s", truncateText(s), reason)
	}
	if !ok {
		return bad(`expected a number, a space and a unit, as in "30 days"`)
	}
	if num == "" || num[0] == '+' || strings.TrimLeft(num, "-0123456789") != "" {
		return bad("the count must be a whole number")
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if errors.Is(err, strconv.ErrRange) {
		return bad("the count is out of range")
	} else if err != nil {
		return bad("the count must be a whole number")
	}
	u, ok := ParseDurationUnit(unit)
	if !ok {
		return bad("the unit must be day, week, month or year (singular or plural)")
	}
	*x = Duration{N: n, Unit: u}
	return nil
}
