package types

import (
	"fmt"
	"sort"
)

// Weekday is a day of the week, Monday (0) to Sunday (6).
type Weekday uint8

// The days of the week.
const (
	Monday Weekday = iota
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
	Sunday
)

var weekdayNames = [...]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// String returns Monday .. Sunday.
func (w Weekday) String() string {
	if int(w) < len(weekdayNames) {
		return weekdayNames[w]
	}
	return fmt.Sprintf("Weekday(%d)", uint8(w))
}

// ParseWeekday reads Monday .. Sunday, in any case.
func ParseWeekday(s string) (Weekday, bool) {
	for i, n := range weekdayNames {
		if len(n) == len(s) && equalFold(n, s) {
			return Weekday(i), true
		}
	}
	return 0, false
}

func equalFold(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// Weekday returns the day of the week of d. 0001-01-01, the first day of
// the proleptic Gregorian calendar, was a Monday.
func (d Date) Weekday() Weekday { return Weekday(d.days % 7) }

// BusinessCalendar says which days are business days (SPEC 11.6): every
// day that is neither a weekend day nor a holiday. It is read-only once
// made.
type BusinessCalendar struct {
	name     string
	weekend  [7]bool
	holidays []Date // sorted, distinct
}

// NewBusinessCalendar makes a calendar with the given weekend days and
// holidays (in any order; duplicates are ignored). A calendar in which
// every day of the week is a weekend day is an error.
func NewBusinessCalendar(name string, weekend []Weekday, holidays []Date) (*BusinessCalendar, error) {
	c := &BusinessCalendar{name: name}
	for _, w := range weekend {
		if w > Sunday {
			return nil, fmt.Errorf("calendar %s: invalid weekday %d", name, w)
		}
		c.weekend[w] = true
	}
	if c.weekend == [7]bool{true, true, true, true, true, true, true} {
		return nil, fmt.Errorf("calendar %s has no business day", name)
	}
	c.holidays = append([]Date(nil), holidays...)
	sort.Slice(c.holidays, func(i, j int) bool { return c.holidays[i].Before(c.holidays[j]) })
	out := c.holidays[:0]
	for i, h := range c.holidays {
		if i == 0 || h != c.holidays[i-1] {
			out = append(out, h)
		}
	}
	c.holidays = out
	return c, nil
}

// Name returns the calendar's name.
func (c *BusinessCalendar) Name() string { return c.name }

// IsHoliday reports whether d is one of the calendar's holidays.
func (c *BusinessCalendar) IsHoliday(d Date) bool {
	i := sort.Search(len(c.holidays), func(i int) bool { return !c.holidays[i].Before(d) })
	return i < len(c.holidays) && c.holidays[i] == d
}

// IsBusinessDay reports whether d is neither a weekend day nor a holiday.
func (c *BusinessCalendar) IsBusinessDay(d Date) bool {
	return !c.weekend[d.Weekday()] && !c.IsHoliday(d)
}

// why says why d is not a business day: "a Saturday", "a holiday".
func (c *BusinessCalendar) why(d Date) string {
	if c.IsHoliday(d) {
		return "a holiday"
	}
	return "a " + d.Weekday().String()
}

// AddBusinessDays returns the n-th business day after d (d itself is not
// counted): 2027-05-27 (a Thursday) + 2 business days, with 2027-05-31 a
// holiday, is Tuesday 2027-06-01. It is an error when that day is after
// 9999-12-31.
func (c *BusinessCalendar) AddBusinessDays(d Date, n int) (Date, error) {
	for n > 0 {
		next, err := d.AddDays(1)
		if err != nil {
			return Date{}, err
		}
		d = next
		if c.IsBusinessDay(d) {
			n--
		}
	}
	return d, nil
}

// Roll is a business-day convention (ISDA 2006, 4.12): how a date that is
// not a business day is moved.
type Roll uint8

// The business-day conventions.
const (
	NoRoll            Roll = iota
	Following              // the next business day
	ModifiedFollowing      // the next business day, unless it is in the next month: then the previous one
	Preceding              // the previous business day
	ModifiedPreceding      // the previous business day, unless it is in the previous month: then the next one
)

var rollNames = [...]string{"", "following", "modified following", "preceding", "modified preceding"}

// String returns the convention as written after `adjusted to the`.
func (r Roll) String() string {
	if int(r) < len(rollNames) {
		return rollNames[r]
	}
	return fmt.Sprintf("Roll(%d)", uint8(r))
}

// ParseRoll reads a convention as String writes it.
func ParseRoll(s string) (Roll, bool) {
	for i, n := range rollNames {
		if i > 0 && n == s {
			return Roll(i), true
		}
	}
	return NoRoll, false
}

// Adjust moves d by the convention r when d is not a business day, and
// says why in words ("2027-05-31 is a holiday"); a business day, or
// NoRoll, is returned unchanged with "". It is an error when the day it
// moves to is outside the calendar's range of dates.
func (c *BusinessCalendar) Adjust(d Date, r Roll) (Date, string, error) {
	if r == NoRoll || c.IsBusinessDay(d) {
		return d, "", nil
	}
	why := d.String() + " is " + c.why(d)
	step := func(d Date, dir int) (Date, error) {
		for {
			next, err := d.AddDays(dir)
			if err != nil {
				return Date{}, err
			}
			d = next
			if c.IsBusinessDay(d) {
				return d, nil
			}
		}
	}
	var out Date
	var err error
	switch r {
	case Following, ModifiedFollowing:
		out, err = step(d, 1)
		if err == nil && r == ModifiedFollowing && out.Month() != d.Month() {
			out, err = step(d, -1)
		}
	case Preceding, ModifiedPreceding:
		out, err = step(d, -1)
		if err == nil && r == ModifiedPreceding && out.Month() != d.Month() {
			out, err = step(d, 1)
		}
	default:
		return Date{}, "", fmt.Errorf("unknown business-day convention %d", uint8(r))
	}
	if err != nil {
		return Date{}, "", err
	}
	return out, why, nil
}
