package types

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

func date(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestDateAgainstTime walks every day from 0001-01-01 to 9999-12-31 and
// compares the integer civil-date arithmetic with the time package (used
// here only as an oracle; both are proleptic Gregorian).
func TestDateAgainstTime(t *testing.T) {
	tm := time.Date(1, 1, 1, 12, 0, 0, 0, time.UTC)
	for i := 0; i <= maxDays; i++ {
		d := Date{int32(i)}
		y, m, dd := d.YMD()
		ty, tmo, td := tm.Date()
		if y != ty || m != int(tmo) || dd != td {
			t.Fatalf("day %d: YMD = %d-%d-%d, time says %d-%d-%d", i, y, m, dd, ty, tmo, td)
		}
		back, err := NewDate(y, m, dd)
		if err != nil || back != d {
			t.Fatalf("NewDate(%d, %d, %d) = %v, %v; want day %d", y, m, dd, back.days, err, i)
		}
		tm = tm.AddDate(0, 0, 1)
	}
	if tm.Year() != 10000 || tm.Month() != 1 || tm.Day() != 1 {
		t.Fatalf("the walk ended at %v, want 10000-01-01", tm)
	}
}

func TestLeapYears(t *testing.T) {
	cases := []struct {
		y    int
		leap bool
	}{
		{2000, true},  // divisible by 400
		{1900, false}, // a century not divisible by 400
		{2100, false},
		{2024, true}, // divisible by 4
		{2026, false},
		{1600, true},
		{4, true},
	}
	for _, c := range cases {
		if IsLeapYear(c.y) != c.leap {
			t.Errorf("IsLeapYear(%d) = %v", c.y, !c.leap)
		}
		_, err := NewDate(c.y, 2, 29)
		if (err == nil) != c.leap {
			t.Errorf("NewDate(%d, 2, 29): %v", c.y, err)
		}
		want := 28
		if c.leap {
			want = 29
		}
		if got := DaysInMonth(c.y, 2); got != want {
			t.Errorf("DaysInMonth(%d, 2) = %d", c.y, got)
		}
	}
	// 2024 has 366 days, 2026 has 365, 2000 has 366, 1900 has 365.
	for y, want := range map[int]int{2024: 366, 2026: 365, 2000: 366, 1900: 365} {
		a, _ := NewDate(y, 1, 1)
		b, _ := NewDate(y+1, 1, 1)
		if got := DaysBetween(a, b); got != want {
			t.Errorf("days in %d = %d, want %d", y, got, want)
		}
	}
}

func TestNewDateRejects(t *testing.T) {
	cases := []struct {
		y, m, d int
		why     string
	}{
		{2026, 2, 30, "February 2026 has 28 days"},
		{2026, 2, 29, "February 2026 has 28 days"}, // 2026 is not a leap year
		{1900, 2, 29, "February 1900 has 28 days"},
		{2026, 4, 31, "April 2026 has 30 days"},
		{2026, 1, 32, "January 2026 has 31 days"},
		{2026, 1, 0, "January 2026 has 31 days"},
		{2026, 13, 1, "month must be 1 to 12"},
		{2026, 0, 10, "month must be 1 to 12"},
		{0, 1, 1, "year must be 1 to 9999"},
		{10000, 1, 1, "year must be 1 to 9999"},
		{-5, 1, 1, "year must be 1 to 9999"},
		{math.MaxInt, math.MinInt, 1, "year must be"},
	}
	for _, c := range cases {
		_, err := NewDate(c.y, c.m, c.d)
		if err == nil || !errors.Is(err, ErrInvalidDate) || !strings.Contains(err.Error(), c.why) {
			t.Errorf("NewDate(%d, %d, %d): got %v, want %q", c.y, c.m, c.d, err, c.why)
		}
	}
}

func TestParseDate(t *testing.T) {
	d, err := ParseDate("2026-11-01")
	if err != nil || d.Year() != 2026 || d.Month() != 11 || d.Day() != 1 || d.String() != "2026-11-01" {
		t.Errorf("ParseDate(2026-11-01) = %v, %v", d, err)
	}
	if d := date("0099-01-05"); d.String() != "0099-01-05" {
		t.Errorf("early year: %s", d)
	}
	bad := map[string]string{
		"2026-02-30":  "February 2026 has 28 days",
		"2026-13-01":  "month must be 1 to 12",
		"0000-01-01":  "year must be 1 to 9999",
		"2026-1-01":   "expected YYYY-MM-DD",
		"2026/11/01":  "expected YYYY-MM-DD",
		"20261101":    "expected YYYY-MM-DD",
		" 2026-11-01": "expected YYYY-MM-DD",
		"2026-11-01x": "expected YYYY-MM-DD",
		"+026-11-01":  "expected YYYY-MM-DD",
		"2026-+1-01":  "expected YYYY-MM-DD",
		"":            "expected YYYY-MM-DD",
		"２026-11-1":   "expected YYYY-MM-DD",
	}
	for in, why := range bad {
		_, err := ParseDate(in)
		if err == nil || !errors.Is(err, ErrInvalidDate) || !strings.Contains(err.Error(), why) {
			t.Errorf("ParseDate(%q): got %v, want %q", in, err, why)
		}
	}
}

func TestDateZeroValue(t *testing.T) {
	var z Date
	if z.String() != "0001-01-01" || !z.IsZero() || z != MinDate() {
		t.Errorf("zero Date = %s", z)
	}
	if date("0001-01-02").IsZero() {
		t.Errorf("0001-01-02 IsZero")
	}
	if MaxDate().String() != "9999-12-31" {
		t.Errorf("MaxDate = %s", MaxDate())
	}
	// 9999 years of 365 days plus 2424 leap days (2499 - 99 + 24) is
	// 3652059 days, so the last day is 3652058 days after the first.
	if got := DaysBetween(MinDate(), MaxDate()); got != 3652058 {
		t.Errorf("DaysBetween(min, max) = %d", got)
	}
}

func TestAddMonthsEndOfMonth(t *testing.T) {
	cases := []struct {
		from string
		n    int
		want string
	}{
		{"2026-01-31", 1, "2026-02-28"},  // February 2026 has 28 days: clamp
		{"2024-01-31", 1, "2024-02-29"},  // 2024 is a leap year
		{"2026-03-31", -1, "2026-02-28"}, // backwards too
		{"2026-01-30", 1, "2026-02-28"},
		{"2026-01-31", 2, "2026-03-31"}, // March has 31 days: no clamp
		{"2026-05-31", -1, "2026-04-30"},
		{"2026-01-15", 1, "2026-02-15"},
		{"2026-12-15", 1, "2027-01-15"},  // across the year end
		{"2026-01-15", -1, "2025-12-15"}, // and back
		{"2026-01-15", -13, "2024-12-15"},
		{"2024-02-29", 12, "2025-02-28"}, // one year on, no 29th
		{"2024-02-29", 48, "2028-02-29"}, // four years on, a leap year again
		{"2026-08-31", 6, "2027-02-28"},
		{"2026-06-30", 0, "2026-06-30"},
		{"9999-12-31", -119987, "0001-01-31"}, // (9999-1)×12 + 11 months back
	}
	for _, c := range cases {
		got, err := date(c.from).AddMonths(c.n)
		if err != nil || got.String() != c.want {
			t.Errorf("%s + %d months = %s, %v; want %s", c.from, c.n, got, err, c.want)
		}
	}
	// Clamping is per step: 2026-01-31 + 1 month + 1 month is 2026-03-28.
	d, _ := date("2026-01-31").AddMonths(1)
	d, _ = d.AddMonths(1)
	if d.String() != "2026-03-28" {
		t.Errorf("chained months = %s", d)
	}
	// AddYears is AddMonths(12n).
	if d, err := date("2024-02-29").AddYears(1); err != nil || d.String() != "2025-02-28" {
		t.Errorf("2024-02-29 + 1 year = %s, %v", d, err)
	}
	if d, err := date("2026-06-15").AddYears(-2025); err != nil || d.String() != "0001-06-15" {
		t.Errorf("2026-06-15 - 2025 years = %s, %v", d, err)
	}
	for _, c := range []struct {
		from string
		n    int
	}{
		{"9999-12-01", 1}, {"0001-01-31", -1}, {"2026-01-01", math.MaxInt}, {"2026-01-01", math.MinInt},
	} {
		if _, err := date(c.from).AddMonths(c.n); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("%s + %d months: got %v, want ErrOutOfRange", c.from, c.n, err)
		}
	}
	for _, n := range []int{7974, -2026, math.MaxInt, math.MinInt} {
		if _, err := date("2026-01-01").AddYears(n); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("2026-01-01 + %d years: got %v, want ErrOutOfRange", n, err)
		}
	}
}

func TestAddDays(t *testing.T) {
	cases := []struct {
		from string
		n    int
		want string
	}{
		{"2026-02-28", 1, "2026-03-01"},  // 2026 is not a leap year
		{"2024-02-28", 1, "2024-02-29"},  // 2024 is
		{"2026-12-31", 1, "2027-01-01"},  // year end
		{"2026-03-01", -1, "2026-02-28"}, // backwards
		{"2026-01-01", 45, "2026-02-15"}, // 30 remaining January days + 15
		{"2026-01-01", 365, "2027-01-01"},
		{"2024-01-01", 365, "2024-12-31"}, // leap year: one day short
		{"1899-12-31", 60, "1900-03-01"},  // 1900 has no Feb 29: 31 + 28 + 1
		{"0001-01-01", 3652058, "9999-12-31"},
	}
	for _, c := range cases {
		got, err := date(c.from).AddDays(c.n)
		if err != nil || got.String() != c.want {
			t.Errorf("%s + %d days = %s, %v; want %s", c.from, c.n, got, err, c.want)
		}
		if back := DaysBetween(date(c.from), got); back != c.n {
			t.Errorf("DaysBetween(%s, %s) = %d, want %d", c.from, got, back, c.n)
		}
	}
	for _, c := range []struct {
		from string
		n    int
	}{
		{"9999-12-31", 1}, {"0001-01-01", -1}, {"2026-01-01", math.MaxInt}, {"2026-01-01", math.MinInt},
	} {
		_, err := date(c.from).AddDays(c.n)
		if !errors.Is(err, ErrOutOfRange) || !strings.Contains(err.Error(), "out of range") {
			t.Errorf("%s + %d days: got %v, want ErrOutOfRange", c.from, c.n, err)
		}
	}
	if d := DaysBetween(date("2027-01-01"), date("2026-01-01")); d != -365 {
		t.Errorf("DaysBetween backwards = %d", d)
	}
}

func TestDateCompare(t *testing.T) {
	a, b := date("2026-01-31"), date("2026-02-01")
	if !a.Before(b) || a.After(b) || a.Cmp(b) != -1 || b.Cmp(a) != 1 || a.Cmp(a) != 0 {
		t.Errorf("compare %s %s", a, b)
	}
	if a.Before(a) || a.After(a) || a != date("2026-01-31") {
		t.Errorf("equal dates")
	}
}

func TestDuration(t *testing.T) {
	from := date("2024-01-31")
	cases := []struct {
		dur  Duration
		text string
		want string
	}{
		{Duration{30, Days}, "30 days", "2024-03-01"},  // 29 days to 02-29, one more
		{Duration{2, Weeks}, "2 weeks", "2024-02-14"},  // 14 days
		{Duration{1, Months}, "1 month", "2024-02-29"}, // end-of-month rule, leap year
		{Duration{3, Months}, "3 months", "2024-04-30"},
		{Duration{1, Years}, "1 year", "2025-01-31"},
		{Duration{-1, Years}, "-1 year", "2023-01-31"},
		{Duration{0, Days}, "0 days", "2024-01-31"},
		{Duration{-2, Weeks}, "-2 weeks", "2024-01-17"},
	}
	for _, c := range cases {
		if c.dur.String() != c.text {
			t.Errorf("String = %q, want %q", c.dur.String(), c.text)
		}
		got, err := from.AddDuration(c.dur)
		if err != nil || got.String() != c.want {
			t.Errorf("%s + %s = %s, %v; want %s", from, c.dur, got, err, c.want)
		}
	}
	for _, dur := range []Duration{{math.MaxInt64, Days}, {math.MinInt64, Weeks}, {1 << 40, Months},
		{8000, Years}, {522000, Weeks}} {
		if _, err := from.AddDuration(dur); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("%s + %v: got %v, want ErrOutOfRange", from, dur, err)
		}
	}
	if _, err := from.AddDuration(Duration{1, DurationUnit(9)}); err == nil {
		t.Errorf("unknown unit accepted")
	}
	for in, want := range map[string]DurationUnit{"day": Days, "days": Days, "week": Weeks, "months": Months, "year": Years} {
		if u, ok := ParseDurationUnit(in); !ok || u != want {
			t.Errorf("ParseDurationUnit(%q) = %v, %v", in, u, ok)
		}
	}
	for _, in := range []string{"", "Day", "fortnight", "yrs"} {
		if _, ok := ParseDurationUnit(in); ok {
			t.Errorf("ParseDurationUnit(%q) accepted", in)
		}
	}
	if (Duration{3, Months}) != (Duration{3, Months}) {
		t.Errorf("Duration is not comparable with ==")
	}
}

func TestDateNoAllocs(t *testing.T) {
	d := date("2026-01-31")
	var sink Date
	var n int
	for name, f := range map[string]func(){
		"AddDays":   func() { sink, _ = d.AddDays(45) },
		"AddMonths": func() { sink, _ = d.AddMonths(1) },
		"YMD":       func() { n, _, _ = d.YMD() },
		"NewDate":   func() { sink, _ = NewDate(2026, 2, 28) },
		"ParseDate": func() { sink, _ = ParseDate("2026-02-28") },
		"Duration":  func() { sink, _ = d.AddDuration(Duration{3, Months}) },
	} {
		if allocs := testing.AllocsPerRun(100, f); allocs != 0 {
			t.Errorf("%s allocates %.0f times per call", name, allocs)
		}
	}
	_, _ = sink, n
}
