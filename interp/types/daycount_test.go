package types

import "testing"

// Day counts at their edges (ISDA 2006, 4.16), each worked by hand.
func TestDayCountFraction(t *testing.T) {
	d := func(s string) Date {
		x, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	cases := []struct {
		dc         DayCount
		start, end string
		num, den   int64
		text       string
	}{
		// 2028 is a leap year: 2028-02-01 to 2028-03-01 is 29 days, to
		// 2028-03-03 is 31.
		{Actual365, "2028-02-01", "2028-03-03", 31, 365, "31 days actual/365"},
		{Actual360, "2028-02-01", "2028-03-03", 31, 360, "31 days actual/360"},
		{ActualActual, "2028-02-01", "2028-03-03", 31, 366, "31 days actual/actual"},
		// The same dates a year earlier: February 2027 has 28 days, so 30.
		{Actual365, "2027-02-01", "2027-03-03", 30, 365, "30 days actual/365"},
		// Across a year end into a leap year: 2027-12-22..2027-12-31 is 10
		// days (the 22nd to the 31st), 2028-01-01..2028-01-21 is 21:
		// 10/365 + 21/366 = (10 × 366 + 21 × 365) / (365 × 366)
		//                 = (3,660 + 7,665) / 133,590 = 11,325 / 133,590.
		{ActualActual, "2027-12-22", "2028-01-22", 11325, 133590, "31 days actual/actual (10/365 in 2027 + 21/366 in 2028)"},
		// 30/360: D1 = 31 becomes 30; D2 = 31 becomes 30 when D1 is 30:
		// 30 × 2 + (30 − 30) = 60, though the calendar counts 59.
		{Thirty360, "2027-01-31", "2027-03-31", 60, 360, "60 days 30/360"},
		// D1 = 30 already: D2 = 31 becomes 30: 60 + 0 = 60.
		{Thirty360, "2027-01-30", "2027-03-31", 60, 360, "60 days 30/360"},
		// D1 = 29 is below 30, so D2 stays 31: 60 + (31 − 29) = 62.
		{Thirty360, "2027-01-29", "2027-03-31", 62, 360, "62 days 30/360"},
		// The end of February is not moved (bond basis): 30 + (31 − 28) = 33.
		{Thirty360, "2027-02-28", "2027-03-31", 33, 360, "33 days 30/360"},
		// From a leap day: 30 × 1 + (29 − 29) = 30.
		{Thirty360, "2028-02-29", "2028-03-29", 30, 360, "30 days 30/360"},
		// Across a year end: 360 × 1 + 30 × (1 − 12) + 0 = 30.
		{Thirty360, "2027-12-15", "2028-01-15", 30, 360, "30 days 30/360"},
		// Nothing when the end is not after the start.
		{Actual365, "2027-03-01", "2027-03-01", 0, 1, "0 days actual/365"},
	}
	for _, c := range cases {
		f, err := c.dc.Fraction(d(c.start), d(c.end))
		if err != nil {
			t.Fatalf("%s %s..%s: %v", c.dc, c.start, c.end, err)
		}
		if f.Num != c.num || f.Den != c.den || f.Text != c.text {
			t.Errorf("%s %s..%s = %d/%d %q; want %d/%d %q", c.dc, c.start, c.end, f.Num, f.Den, f.Text, c.num, c.den, c.text)
		}
	}
	for _, s := range []string{"actual/365", "ACTUAL/360", "30/360", "actual/actual"} {
		if _, ok := ParseDayCount(s); !ok {
			t.Errorf("ParseDayCount(%q) failed", s)
		}
	}
	if _, ok := ParseDayCount("actual/366"); ok {
		t.Error("ParseDayCount accepted actual/366")
	}
}
