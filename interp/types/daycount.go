package types

import (
	"fmt"
	"strings"
)

// DayCount is a day-count convention (SPEC 6.6), after ISDA's 2006
// definitions, section 4.16: how a rate per year is turned into the
// interest of a number of days.
type DayCount uint8

// The day-count conventions. The zero DayCount is none: interest is
// counted in periods.
const (
	NoDayCount   DayCount = iota
	Actual365             // actual/365 (fixed): actual days ÷ 365
	Actual360             // actual/360: actual days ÷ 360
	Thirty360             // 30/360 (bond basis): days of 30-day months ÷ 360
	ActualActual          // actual/actual (ISDA): days in a leap year ÷ 366, other days ÷ 365
)

var dayCountNames = [...]string{"", "actual/365", "actual/360", "30/360", "actual/actual"}

// String returns the convention as written in an agreement: actual/365,
// actual/360, 30/360 or actual/actual; "" for NoDayCount.
func (dc DayCount) String() string {
	if int(dc) < len(dayCountNames) {
		return dayCountNames[dc]
	}
	return fmt.Sprintf("DayCount(%d)", uint8(dc))
}

// ParseDayCount reads a convention as String writes it (in any case).
func ParseDayCount(s string) (DayCount, bool) {
	s = strings.ToLower(s)
	for i, n := range dayCountNames {
		if i > 0 && n == s {
			return DayCount(i), true
		}
	}
	return NoDayCount, false
}

// YearFraction is the part of a year between two dates under a day-count
// convention, as an exact fraction Num ÷ Den, with the count of days it
// was made from.
type YearFraction struct {
	Num, Den int64
	Days     int64  // the days counted (30/360: its own count, not the calendar's)
	Text     string // "31 days actual/365"; actual/actual across years: "31 days actual/actual (10/365 in 2027 + 21/366 in 2028)"
}

// Fraction returns the fraction of a year from start (counted) to end (not
// counted), the Calculation Period of ISDA 4.16; zero when end is not after
// start.
//
//   - actual/365: (end − start) ÷ 365, leap years or not.
//   - actual/360: (end − start) ÷ 360.
//   - 30/360: [360 × (Y2 − Y1) + 30 × (M2 − M1) + (D2 − D1)] ÷ 360, where
//     D1 is start's day, made 30 if it is 31, and D2 is end's day, made 30
//     if it is 31 and D1 (after that change) is 30 or 31 (ISDA 4.16(f)).
//   - actual/actual: the days falling in a leap year ÷ 366 plus the days
//     falling in other years ÷ 365 (ISDA 4.16(b)).
func (dc DayCount) Fraction(start, end Date) (YearFraction, error) {
	if !end.After(start) {
		return YearFraction{Num: 0, Den: 1, Text: "0 days " + dc.String()}, nil
	}
	days := int64(DaysBetween(start, end))
	f := YearFraction{Days: days}
	switch dc {
	case Actual365:
		f.Num, f.Den = days, 365
	case Actual360:
		f.Num, f.Den = days, 360
	case Thirty360:
		y1, m1, d1 := start.YMD()
		y2, m2, d2 := end.YMD()
		if d1 == 31 {
			d1 = 30
		}
		if d2 == 31 && d1 >= 30 {
			d2 = 30
		}
		f.Days = int64(360*(y2-y1) + 30*(m2-m1) + (d2 - d1))
		f.Num, f.Den = f.Days, 360
	case ActualActual:
		var leap, other int64
		var parts []string
		for y := start.Year(); y <= end.Year(); y++ {
			from, to := start, end
			if first := yearStart(y); first.After(from) {
				from = first
			}
			if y < maxYear {
				if next := yearStart(y + 1); next.Before(to) {
					to = next
				}
			}
			n := int64(DaysBetween(from, to))
			if n <= 0 {
				continue
			}
			den := 365
			if DaysInMonth(y, 2) == 29 {
				leap, den = leap+n, 366
			} else {
				other += n
			}
			parts = append(parts, fmt.Sprintf("%d/%d in %04d", n, den, y))
		}
		switch {
		case leap == 0:
			f.Num, f.Den = other, 365
		case other == 0:
			f.Num, f.Den = leap, 366
		default:
			f.Num, f.Den = other*366+leap*365, 365*366
		}
		f.Text = fmt.Sprintf("%d days %s", days, dc)
		if len(parts) > 1 {
			f.Text += " (" + strings.Join(parts, " + ") + ")"
		}
		return f, nil
	default:
		return YearFraction{}, fmt.Errorf("unknown day count %d", uint8(dc))
	}
	f.Text = fmt.Sprintf("%d days %s", f.Days, dc)
	return f, nil
}

// yearStart is 1 January of year y.
func yearStart(y int) Date {
	return Date{int32(daysFromCivil(y, 1, 1) + epochShift)}
}
