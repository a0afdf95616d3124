package types

import (
	"errors"
	"fmt"

	"github.com/pacta-lang/pacta/lang"
)

// ErrInvalidDate reports a date that does not exist or text that is not a
// date in the form YYYY-MM-DD.
var ErrInvalidDate = errors.New("invalid date")

// Date is a civil date in the proleptic Gregorian calendar, from 0001-01-01
// to 9999-12-31, with no time of day and no time zone. It is a 4-byte value
// (the number of days since 0001-01-01) that can be compared with == and
// used as a map key. The zero value is 0001-01-01; IsZero reports it.
//
// All arithmetic is integer civil-date arithmetic (no time.Time); a result
// outside the range is an error wrapping ErrOutOfRange.
type Date struct {
	days int32 // days since 0001-01-01
}

const (
	minYear = 1
	maxYear = 9999
	// epochShift converts daysFromCivil (days since 1970-01-01) to days since
	// 0001-01-01.
	epochShift = 719162
	maxDays    = 3652058 // 9999-12-31
)

// MinDate returns 0001-01-01, the first representable date (the zero Date).
func MinDate() Date { return Date{} }

// MaxDate returns 9999-12-31, the last representable date.
func MaxDate() Date { return Date{maxDays} }

// daysFromCivil returns the number of days from 1970-01-01 to y-m-d
// (Howard Hinnant's algorithm); y >= 1, m 1..12, d 1..31.
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400                         // y >= 0 here, so this is floor division
	yoe := y - era*400                     // [0, 399]
	doy := (153*((m+9)%12)+2)/5 + d - 1    // [0, 365], from March 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy // [0, 146096]
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil for z >= -719468.
func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// IsLeapYear reports whether y is a leap year in the Gregorian calendar:
// divisible by 4, except centuries not divisible by 400 (2000 is, 1900 not).
func IsLeapYear(y int) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

// DaysInMonth returns the number of days in month m (1..12) of year y, or 0
// when m is out of range.
func DaysInMonth(y, m int) int {
	switch m {
	case 1, 3, 5, 7, 8, 10, 12:
		return 31
	case 4, 6, 9, 11:
		return 30
	case 2:
		if IsLeapYear(y) {
			return 29
		}
		return 28
	}
	return 0
}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// NewDate returns the date y-m-d, or an error wrapping ErrInvalidDate when
// it does not exist (2026-02-30, month 13, year outside 1..9999).
func NewDate(y, m, d int) (Date, error) {
	switch {
	case y < minYear || y > maxYear:
		return Date{}, errorf(ErrInvalidDate, "invalid date %s: year must be 1 to 9999", ymdText(y, m, d))
	case m < 1 || m > 12:
		return Date{}, errorf(ErrInvalidDate, "invalid date %s: month must be 1 to 12", ymdText(y, m, d))
	case d < 1 || d > DaysInMonth(y, m):
		return Date{}, errorf(ErrInvalidDate, "invalid date %s: %s %d has %d days", ymdText(y, m, d), monthNames[m-1], y, DaysInMonth(y, m))
	}
	return Date{int32(daysFromCivil(y, m, d) + epochShift)}, nil
}

func ymdText(y, m, d int) string {
	if y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99 {
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	}
	return fmt.Sprintf("%d-%d-%d", y, m, d)
}

// ParseDate reads a date written YYYY-MM-DD, e.g. 2026-11-01.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, errorf(ErrInvalidDate, "invalid date %q: expected YYYY-MM-DD", truncateText(s))
	}
	y, ok1 := atoiDigits(s[0:4])
	m, ok2 := atoiDigits(s[5:7])
	d, ok3 := atoiDigits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, errorf(ErrInvalidDate, "invalid date %q: expected YYYY-MM-DD", s)
	}
	return NewDate(y, m, d)
}

// atoiDigits converts a short string of ASCII digits only.
func atoiDigits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func truncateText(s string) string { return lang.ClipText(s) }

// YMD returns the year, month (1..12) and day (1..31) of d.
func (d Date) YMD() (year, month, day int) {
	return civilFromDays(int(d.days) - epochShift)
}

// Year returns the year of d.
func (d Date) Year() int { y, _, _ := d.YMD(); return y }

// Month returns the month of d, 1..12.
func (d Date) Month() int { _, m, _ := d.YMD(); return m }

// Day returns the day of the month of d, 1..31.
func (d Date) Day() int { _, _, dd := d.YMD(); return dd }

// IsZero reports whether d is the zero Date, 0001-01-01.
func (d Date) IsZero() bool { return d.days == 0 }

// String returns d as YYYY-MM-DD.
func (d Date) String() string {
	y, m, dd := d.YMD()
	b := [10]byte{
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-',
		byte('0' + dd/10), byte('0' + dd%10),
	}
	return string(b[:])
}

func dateRangeError(d Date, what string) error {
	return errorf(ErrOutOfRange, "date %s %s is out of range (0001-01-01 to 9999-12-31)", d.String(), what)
}

func plural(n int64, unit string) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d %s", n, unit)
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

func signedText(n int64, unit string) string {
	if n < 0 {
		return "- " + plural(-n, unit)
	}
	return "+ " + plural(n, unit)
}

// AddDays returns d plus n days (n may be negative).
func (d Date) AddDays(n int) (Date, error) {
	if n < -maxDays || n > maxDays {
		return Date{}, dateRangeError(d, signedText(int64(n), "day"))
	}
	r := int(d.days) + n
	if r < 0 || r > maxDays {
		return Date{}, dateRangeError(d, signedText(int64(n), "day"))
	}
	return Date{int32(r)}, nil
}

// AddMonths returns d plus n calendar months (n may be negative). The day
// is kept, except that it is clamped to the last day of the target month
// (the end-of-month rule): 2026-01-31 + 1 month = 2026-02-28,
// 2024-01-31 + 1 month = 2024-02-29, 2026-03-31 - 1 month = 2026-02-28.
// Note that 2026-01-31 + 1 month + 1 month is therefore 2026-03-28, while
// 2026-01-31 + 2 months is 2026-03-31.
func (d Date) AddMonths(n int) (Date, error) {
	const maxMonths = 12 * maxYear
	if n < -maxMonths || n > maxMonths {
		return Date{}, dateRangeError(d, signedText(int64(n), "month"))
	}
	y, m, dd := d.YMD()
	total := y*12 + (m - 1) + n
	if total < minYear*12 || total >= (maxYear+1)*12 {
		return Date{}, dateRangeError(d, signedText(int64(n), "month"))
	}
	ny, nm := total/12, total%12+1
	dd = min(dd, DaysInMonth(ny, nm))
	return Date{int32(daysFromCivil(ny, nm, dd) + epochShift)}, nil
}

// AddYears returns d plus n years: AddMonths(12 × n), so 2024-02-29 + 1
// year = 2025-02-28.
func (d Date) AddYears(n int) (Date, error) {
	if n < -maxYear || n > maxYear {
		return Date{}, dateRangeError(d, signedText(int64(n), "year"))
	}
	r, err := d.AddMonths(12 * n)
	if err != nil {
		return Date{}, dateRangeError(d, signedText(int64(n), "year"))
	}
	return r, nil
}

// DaysBetween returns the number of days from a to b (b - a): positive when
// b is after a. DaysBetween(2026-01-01, 2026-01-31) is 30.
func DaysBetween(a, b Date) int { return int(b.days) - int(a.days) }

// Cmp returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Cmp(e Date) int {
	switch {
	case d.days < e.days:
		return -1
	case d.days > e.days:
		return 1
	}
	return 0
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.days < e.days }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.days > e.days }

// DurationUnit is the unit of a Duration. The zero value is Days.
type DurationUnit uint8

// Duration units. A week is 7 days; a year is 12 months.
const (
	Days DurationUnit = iota
	Weeks
	Months
	Years
)

var durationUnitNames = [...]string{"day", "week", "month", "year"}

// String returns the singular noun of the unit: day, week, month, year.
func (u DurationUnit) String() string {
	if int(u) < len(durationUnitNames) {
		return durationUnitNames[u]
	}
	return fmt.Sprintf("DurationUnit(%d)", uint8(u))
}

// ParseDurationUnit accepts day, week, month, year, singular or plural.
func ParseDurationUnit(s string) (DurationUnit, bool) {
	for i, n := range durationUnitNames {
		if s == n || s == n+"s" {
			return DurationUnit(i), true
		}
	}
	return 0, false
}

// Duration is a length of calendar time: `30 days`, `3 months`, `1 year`.
// Months and years are calendar months (see Date.AddMonths), not a fixed
// number of days. N may be negative.
type Duration struct {
	N    int64
	Unit DurationUnit
}

// String returns the duration as written in an agreement: "30 days",
// "1 year".
func (x Duration) String() string { return plural(x.N, x.Unit.String()) }

// AddDuration returns d plus x: days and weeks (7 days) with AddDays,
// months and years (12 months) with AddMonths and its end-of-month rule.
func (d Date) AddDuration(x Duration) (Date, error) {
	const limit = 12 * maxDays // larger than any in-range count of any unit
	if x.N < -limit || x.N > limit {
		return Date{}, dateRangeError(d, signedText(x.N, x.Unit.String()))
	}
	var r Date
	var err error
	switch x.Unit {
	case Days:
		r, err = d.AddDays(int(x.N))
	case Weeks:
		r, err = d.AddDays(int(x.N) * 7)
	case Months:
		r, err = d.AddMonths(int(x.N))
	case Years:
		r, err = d.AddMonths(int(x.N) * 12)
	default:
		return Date{}, fmt.Errorf("unknown duration unit %d", uint8(x.Unit))
	}
	if err != nil {
		return Date{}, dateRangeError(d, signedText(x.N, x.Unit.String()))
	}
	return r, nil
}
