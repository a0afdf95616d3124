package types

import (
	"errors"
	"testing"
)

// TestPeriodInCalendar: a period reaching past 0001-01-01..9999-12-31 is
// an error saying which end leaves the calendar; one inside it is not.
func TestPeriodInCalendar(t *testing.T) {
	date := func(s string) Date {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	cases := []struct {
		kind  PeriodKind
		start int
		date  string
		want  string // "" for in the calendar
	}{
		// July start: FY10000 is 9999-07-01..10000-06-30.
		{PeriodFiscalYear, 7, "9999-12-31", "FY10000 is out of range: it ends after 9999-12-31"},
		// FY9999 is 9998-07-01..9999-06-30.
		{PeriodFiscalYear, 7, "9999-06-30", ""},
		// FY0001 is 0000-07-01..0001-06-30.
		{PeriodFiscalYear, 7, "0001-01-01", "FY0001 is out of range: it starts before 0001-01-01"},
		// FY0002 is 0001-07-01..0002-06-30.
		{PeriodFiscalYear, 7, "0001-07-01", ""},
		// February start: FY10000 is 9999-02-01..10000-01-31, its Q4
		// November, December and January (of 10000).
		{PeriodFiscalQuarter, 2, "9999-12-31", "FY10000-Q4 is out of range: it ends after 9999-12-31"},
		// Its Q3 is August to October 9999.
		{PeriodFiscalQuarter, 2, "9999-10-31", ""},
		// January start: fiscal years are calendar years.
		{PeriodFiscalYear, 1, "9999-12-31", ""},
		{PeriodMonth, 0, "9999-12-31", ""},
		{PeriodYear, 0, "0001-01-01", ""},
	}
	for _, c := range cases {
		p := PeriodOf(c.kind, c.start, date(c.date))
		err := p.InCalendar()
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s of %s (start %d): %v, want in the calendar", c.kind, c.date, c.start, err)
		case c.want != "" && (err == nil || err.Error() != c.want):
			t.Errorf("%s of %s (start %d): %v, want %q", c.kind, c.date, c.start, err, c.want)
		case c.want != "" && !errors.Is(err, ErrOutOfRange):
			t.Errorf("%s of %s: %v does not wrap ErrOutOfRange", c.kind, c.date, err)
		}
	}
}
