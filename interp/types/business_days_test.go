package types

import "testing"

// Business days and the business-day conventions (SPEC 11.6), worked by
// hand. Weekdays are counted from 2027-01-01, a Friday (2026-01-01 was a
// Thursday and 2026 has 365 days, 52 weeks and a day): a date n days
// later is the weekday n mod 7 days after Friday.
func TestBusinessDays(t *testing.T) {
	d := func(s string) Date {
		x, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	// US-style holidays of 2027: Memorial Day (Monday 31 May), Christmas
	// and New Year observed on Friday 24 and Friday 31 December (25
	// December and 1 January 2028 are Saturdays).
	us, err := NewBusinessCalendar("us", []Weekday{Saturday, Sunday},
		[]Date{d("2027-12-31"), d("2027-05-31"), d("2027-12-24"), d("2027-05-31")})
	if err != nil {
		t.Fatal(err)
	}
	// 0001-01-01 was a Monday; 2027-05-15 is day 135 of 2027, 134 days
	// after a Friday, 134 = 19 × 7 + 1: a Saturday.
	if w := d("0001-01-01").Weekday(); w != Monday {
		t.Errorf("0001-01-01 is a %s", w)
	}
	if w := d("2027-05-15").Weekday(); w != Saturday {
		t.Errorf("2027-05-15 is a %s; want Saturday", w)
	}
	cases := []struct {
		on   string
		roll Roll
		want string
		why  string
	}{
		// 45 days after 2027-03-31 is 2027-05-15, a Saturday: following
		// skips Sunday 16 to Monday 2027-05-17.
		{"2027-05-15", Following, "2027-05-17", "2027-05-15 is a Saturday"},
		// A deadline on a holiday before a weekend: Friday 2027-12-24 (day
		// 358, 357 = 51 × 7 days after a Friday). Following skips the
		// weekend to Monday 2027-12-27; preceding is Thursday 2027-12-23.
		{"2027-12-24", Following, "2027-12-27", "2027-12-24 is a holiday"},
		{"2027-12-24", Preceding, "2027-12-23", "2027-12-24 is a holiday"},
		{"2027-12-24", ModifiedFollowing, "2027-12-27", "2027-12-24 is a holiday"},
		// Modified following at a month end: Saturday 2027-07-31 (day 212,
		// 211 = 30 × 7 + 1 after a Friday). Following would be Monday
		// 2027-08-02, in the next month, so it goes back to Friday
		// 2027-07-30.
		{"2027-07-31", Following, "2027-08-02", "2027-07-31 is a Saturday"},
		{"2027-07-31", ModifiedFollowing, "2027-07-30", "2027-07-31 is a Saturday"},
		// Saturday 2027-05-29: Sunday 30 and Monday 31 (a holiday) are not
		// business days, following is Tuesday 2027-06-01, in June; modified
		// following goes back to Friday 2027-05-28.
		{"2027-05-29", Following, "2027-06-01", "2027-05-29 is a Saturday"},
		{"2027-05-29", ModifiedFollowing, "2027-05-28", "2027-05-29 is a Saturday"},
		// Modified preceding at a month start: Saturday 2028-01-01 would go
		// back to Thursday 2027-12-30 (31 is a holiday), in the previous
		// month, so it goes forward to Monday 2028-01-03.
		{"2028-01-01", Preceding, "2027-12-30", "2028-01-01 is a Saturday"},
		{"2028-01-01", ModifiedPreceding, "2028-01-03", "2028-01-01 is a Saturday"},
		// A business day is not moved.
		{"2027-05-17", Following, "2027-05-17", ""},
	}
	for _, c := range cases {
		got, why, err := us.Adjust(d(c.on), c.roll)
		if err != nil || got.String() != c.want || why != c.why {
			t.Errorf("Adjust(%s, %s) = %s %q %v; want %s %q", c.on, c.roll, got, why, err, c.want, c.why)
		}
	}
	adds := []struct {
		from string
		n    int
		want string
	}{
		// Thursday 2027-05-27 + 2: Friday 28 (1), then Saturday, Sunday and
		// Monday 31 (a holiday) are skipped, Tuesday 2027-06-01 (2).
		{"2027-05-27", 2, "2027-06-01"},
		// Monday 2027-12-20 + 10: Tue 21, Wed 22, Thu 23 (3), Fri 24 is a
		// holiday, Mon 27, Tue 28, Wed 29, Thu 30 (7), Fri 31 a holiday,
		// Mon 2028-01-03, Tue 04, Wed 05 (10).
		{"2027-12-20", 10, "2028-01-05"},
		// From a Saturday, the first business day is Monday.
		{"2027-05-15", 1, "2027-05-17"},
	}
	for _, c := range adds {
		got, err := us.AddBusinessDays(d(c.from), c.n)
		if err != nil || got.String() != c.want {
			t.Errorf("AddBusinessDays(%s, %d) = %s %v; want %s", c.from, c.n, got, err, c.want)
		}
	}
	// A calendar with no business day is refused; one whose weekend is
	// Friday and Saturday counts Sunday as a business day.
	all := []Weekday{Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday}
	if _, err := NewBusinessCalendar("never", all, nil); err == nil {
		t.Error("a calendar with no business day was accepted")
	}
	gulf, _ := NewBusinessCalendar("gulf", []Weekday{Friday, Saturday}, nil)
	if got, _, _ := gulf.Adjust(d("2027-01-01"), Following); got.String() != "2027-01-03" {
		t.Errorf("Friday 2027-01-01, Friday-Saturday weekend, following: %s; want Sunday 2027-01-03", got)
	}
	// At the calendar's end there is no following business day: 9999-12-31
	// is a Friday, a weekend day in gulf.
	if _, _, err := gulf.Adjust(d("9999-12-31"), Following); err == nil {
		t.Error("following from 9999-12-31 gave no error")
	}
}
