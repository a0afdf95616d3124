package types

import "time"

// This file gives Date its text encoding and converts it to and from
// time.Time.

// MarshalText implements encoding.TextMarshaler: the date as
// YYYY-MM-DD, the text of String.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler: it reads YYYY-MM-DD
// as ParseDate does. Anything else, or a date that does not exist, is an
// error wrapping ErrInvalidDate, and d is left as it was.
func (d *Date) UnmarshalText(text []byte) error {
	x, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = x
	return nil
}

// DateOfTime returns the calendar day of t in t's own location: the
// year, month and day t.Date() reports. No time zone is applied: to take
// the day in another zone, convert first (DateOfTime(t.In(loc)),
// DateOfTime(t.UTC())). A year outside 1..9999 is an error wrapping
// ErrInvalidDate.
func DateOfTime(t time.Time) (Date, error) {
	y, m, d := t.Date()
	return NewDate(y, int(m), d)
}

// Time returns the first instant of d in loc: midnight, or the first
// instant after it where loc's clocks skip midnight. A nil loc means UTC.
// DateOfTime(d.Time(loc)) is d for every loc.
func (d Date) Time(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	y, m, dd := d.YMD()
	return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, loc)
}
