package types

import (
	"errors"
	"time"

	"github.com/pacta-lang/pacta/lang"
)

// ErrInvalidTimestamp reports text that is not a timestamp written in ISO
// 8601 with an offset from UTC (2027-03-04T17:45:00+01:00).
var ErrInvalidTimestamp = errors.New("invalid timestamp")

// Timestamp is an instant with the offset from UTC it was written with:
// 2027-03-04T17:45:00+01:00. It is held exactly, as whole seconds and
// nanoseconds (never a float). Two timestamps are compared as instants:
// 2027-03-04T17:45:00+01:00 equals 2027-03-04T16:45:00Z (Equal, Cmp),
// though they print differently. The offset is a whole number of minutes
// within ±23:59, and the wall-clock date as written lies in 0001-01-01 to
// 9999-12-31. The zero Timestamp is 1970-01-01T00:00:00Z.
type Timestamp struct {
	sec  int64 // seconds since 1970-01-01T00:00:00Z
	nsec int32 // 0 to 999,999,999
	off  int32 // seconds east of UTC
}

const (
	secondsPerDay = 86400
	maxOffset     = (23*60 + 59) * 60
)

// ParseTimestamp reads a timestamp written YYYY-MM-DDTHH:MM:SS, with an
// optional fraction of a second of up to 9 digits, then Z or ±HH:MM
// (lang.ParseTimestampText states the rules). Anything else is an error
// wrapping ErrInvalidTimestamp that says what to write.
func ParseTimestamp(s string) (Timestamp, error) {
	p, problem := lang.ParseTimestampText(s)
	if problem != "" {
		return Timestamp{}, errorf(ErrInvalidTimestamp, "%q is not a timestamp: %s", truncateText(s), problem)
	}
	days := daysFromCivil(p.Year, p.Month, p.Day)
	local := int64(days)*secondsPerDay + int64(p.Hour*3600+p.Minute*60+p.Second)
	return Timestamp{sec: local - int64(p.Offset), nsec: int32(p.Nanos), off: int32(p.Offset)}, nil
}

// NewTimestamp returns the instant unixSec seconds and nanos nanoseconds
// after 1970-01-01T00:00:00Z, shown with offset seconds east of UTC. The
// offset must be whole minutes within ±23:59, nanos 0 to 999,999,999, and
// the wall-clock date at that offset within 0001-01-01 to 9999-12-31;
// otherwise the error wraps ErrInvalidTimestamp.
func NewTimestamp(unixSec int64, nanos, offset int) (Timestamp, error) {
	switch {
	case nanos < 0 || nanos > 999_999_999:
		return Timestamp{}, errorf(ErrInvalidTimestamp, "invalid timestamp: %d nanoseconds is not 0 to 999999999", nanos)
	case offset%60 != 0 || offset < -maxOffset || offset > maxOffset:
		return Timestamp{}, errorf(ErrInvalidTimestamp, "invalid timestamp: an offset of %d seconds is not whole minutes within ±23:59", offset)
	}
	const minLocal = int64(-epochShift) * secondsPerDay            // 0001-01-01T00:00:00
	const maxLocal = int64(maxDays-epochShift+1)*secondsPerDay - 1 // 9999-12-31T23:59:59
	if unixSec < minLocal-maxOffset || unixSec > maxLocal+maxOffset {
		return Timestamp{}, errorf(ErrInvalidTimestamp, "invalid timestamp: out of range (years 0001 to 9999)")
	}
	if local := unixSec + int64(offset); local < minLocal || local > maxLocal {
		return Timestamp{}, errorf(ErrInvalidTimestamp, "invalid timestamp: out of range (years 0001 to 9999)")
	}
	return Timestamp{sec: unixSec, nsec: int32(nanos), off: int32(offset)}, nil
}

// TimestampOfTime returns t as a Timestamp with t's offset from UTC in
// its location. An offset that is not whole minutes (some zones before
// 1900) or a date outside 0001 to 9999 is an error wrapping
// ErrInvalidTimestamp.
func TimestampOfTime(t time.Time) (Timestamp, error) {
	_, off := t.Zone()
	return NewTimestamp(t.Unix(), t.Nanosecond(), off)
}

// Unix returns the instant as seconds and nanoseconds since
// 1970-01-01T00:00:00Z.
func (t Timestamp) Unix() (sec int64, nanos int) { return t.sec, int(t.nsec) }

// Offset returns the offset from UTC the timestamp was written with, in
// seconds east of UTC: 3600 for +01:00.
func (t Timestamp) Offset() int { return int(t.off) }

// Time returns t as a time.Time at its own fixed offset.
func (t Timestamp) Time() time.Time {
	return time.Unix(t.sec, int64(t.nsec)).In(time.FixedZone("", int(t.off)))
}

// Cmp returns -1, 0 or +1 as the instant t is before, the same as or
// after u. The offsets they were written with do not matter.
func (t Timestamp) Cmp(u Timestamp) int {
	switch {
	case t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec:
		return -1
	case t.sec > u.sec || t.nsec > u.nsec:
		return 1
	}
	return 0
}

// Equal reports whether t and u are the same instant.
func (t Timestamp) Equal(u Timestamp) bool { return t.sec == u.sec && t.nsec == u.nsec }

// String returns t as written with its own offset, in the canonical form:
// 2027-03-04T17:45:00+01:00, Z for a zero offset, and the fraction of a
// second (when not zero) without trailing zeros: 17:45:00.5Z.
func (t Timestamp) String() string {
	local := t.sec + int64(t.off)
	days := floorDiv(local, secondsPerDay)
	secs := int(local - days*secondsPerDay)
	y, m, d := civilFromDays(int(days))
	b := make([]byte, 0, 35)
	b = appendInt(b, y, 4)
	b = append(b, '-')
	b = appendInt(b, m, 2)
	b = append(b, '-')
	b = appendInt(b, d, 2)
	b = append(b, 'T')
	b = appendInt(b, secs/3600, 2)
	b = append(b, ':')
	b = appendInt(b, secs/60%60, 2)
	b = append(b, ':')
	b = appendInt(b, secs%60, 2)
	if t.nsec != 0 {
		frac := appendInt([]byte{'.'}, int(t.nsec), 9)
		for frac[len(frac)-1] == '0' {
			frac = frac[:len(frac)-1]
		}
		b = append(b, frac...)
	}
	switch off := int(t.off); {
	case off == 0:
		b = append(b, 'Z')
	default:
		sign := byte('+')
		if off < 0 {
			sign, off = '-', -off
		}
		b = append(b, sign)
		b = appendInt(b, off/3600, 2)
		b = append(b, ':')
		b = appendInt(b, off/60%60, 2)
	}
	return string(b)
}

// appendInt appends n (not negative) with at least width digits.
func appendInt(b []byte, n, width int) []byte {
	var buf [20]byte
	i := len(buf)
	for n > 0 || width > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		width--
	}
	return append(b, buf[i:]...)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// MarshalText implements encoding.TextMarshaler: the text of String.
func (t Timestamp) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler: it reads a
// timestamp as ParseTimestamp does. On an error, wrapping
// ErrInvalidTimestamp, t is left as it was.
func (t *Timestamp) UnmarshalText(text []byte) error {
	x, err := ParseTimestamp(string(text))
	if err != nil {
		return err
	}
	*t = x
	return nil
}

// DateIn returns the calendar day on which the instant t falls in zone z:
// 2027-03-04T23:30:00-05:00 is 2027-03-05 in UTC and in Europe/Paris. A
// day outside 0001-01-01 to 9999-12-31 is an error.
func (t Timestamp) DateIn(z Zone) (Date, error) {
	return DateOfTime(time.Unix(t.sec, int64(t.nsec)).In(z.location()))
}

// WholeDaysBetween returns the number of whole days of 24 hours that
// elapse from a to b: 0 for less than 24 hours, and negative when b is
// before a (-1 for 24 hours to 48 hours earlier). The offsets and any
// zone's summer time do not matter: it counts elapsed time.
func WholeDaysBetween(a, b Timestamp) int64 {
	n, _ := daysElapsed(a, b)
	return n
}

// StartedDaysBetween returns the number of days of 24 hours begun from a
// to b, a started day counting as a day: 0 when they are the same
// instant, 1 for one second up to 24 hours, 2 for 24 hours and one
// nanosecond; negative when b is before a.
func StartedDaysBetween(a, b Timestamp) int64 {
	n, part := daysElapsed(a, b)
	if part {
		if a.Cmp(b) > 0 {
			return n - 1
		}
		return n + 1
	}
	return n
}

// daysElapsed returns the whole days of 24 hours from a to b (signed, the
// magnitude rounded down) and whether part of a day remains.
func daysElapsed(a, b Timestamp) (int64, bool) {
	sign := int64(1)
	if a.Cmp(b) > 0 {
		a, b, sign = b, a, -1
	}
	sec, nsec := b.sec-a.sec, int64(b.nsec)-int64(a.nsec)
	if nsec < 0 {
		sec, nsec = sec-1, nsec+1_000_000_000
	}
	return sign * (sec / secondsPerDay), sec%secondsPerDay != 0 || nsec != 0
}
