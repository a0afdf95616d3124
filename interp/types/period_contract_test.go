package types

import (
	"errors"
	"testing"
)

// Half years and contract years (SPEC 11.5). Every first and last day is
// worked out by hand in the comment beside it.
func TestPeriodOfHalfAndContractYear(t *testing.T) {
	cases := []struct {
		kind             PeriodKind
		start            int
		on               string
		text, first, end string
	}{
		// Calendar halves: H1 is January to June, H2 July to December.
		{PeriodHalf, 0, "2027-06-30", "2027-H1", "2027-01-01", "2027-06-30"},
		{PeriodHalf, 0, "2027-07-01", "2027-H2", "2027-07-01", "2027-12-31"},
		// Fiscal halves with a July start: FY2027 is 2026-07-01..2027-06-30,
		// its first half 2026-07-01..2026-12-31.
		{PeriodFiscalHalf, 7, "2026-12-31", "FY2027-H1", "2026-07-01", "2026-12-31"},
		{PeriodFiscalHalf, 7, "2027-01-01", "FY2027-H2", "2027-01-01", "2027-06-30"},
		// With an April start the second half straddles the calendar year:
		// FY2028 is 2027-04-01..2028-03-31, H2 from 2027-10-01.
		{PeriodFiscalHalf, 4, "2028-02-29", "FY2028-H2", "2027-10-01", "2028-03-31"},
		// Contract years from 15 March: the one holding 2028-03-14 began on
		// 2027-03-15 and ends the day before the anniversary.
		{PeriodContractYear, 315, "2028-03-14", "contract year from 2027-03-15", "2027-03-15", "2028-03-14"},
		{PeriodContractYear, 315, "2028-03-15", "contract year from 2028-03-15", "2028-03-15", "2029-03-14"},
		{PeriodContractYear, 315, "2027-01-01", "contract year from 2026-03-15", "2026-03-15", "2027-03-14"},
		// From 29 February: in 2029, which has no 29 February, the
		// anniversary is the 28th (the end-of-month rule, counted from the
		// start day each year), so the contract year from 2028-02-29 ends on
		// 2029-02-27 and the next runs 2029-02-28..2030-02-27.
		{PeriodContractYear, 229, "2029-02-27", "contract year from 2028-02-29", "2028-02-29", "2029-02-27"},
		{PeriodContractYear, 229, "2029-02-28", "contract year from 2029-02-28", "2029-02-28", "2030-02-27"},
		// 2032 is a leap year again: the one from 2031-02-28 runs to
		// 2032-02-28, a year of 366 days.
		{PeriodContractYear, 229, "2032-02-28", "contract year from 2031-02-28", "2031-02-28", "2032-02-28"},
		{PeriodContractYear, 229, "2032-02-29", "contract year from 2032-02-29", "2032-02-29", "2033-02-27"},
		// From 1 January a contract year is the calendar year.
		{PeriodContractYear, 101, "2027-12-31", "contract year from 2027-01-01", "2027-01-01", "2027-12-31"},
	}
	for _, c := range cases {
		p := PeriodOf(c.kind, c.start, date(c.on))
		if p.String() != c.text || p.Start().String() != c.first || p.End().String() != c.end {
			t.Errorf("PeriodOf(%s, %d, %s) = %s %s..%s; want %s %s..%s", c.kind, c.start, c.on, p, p.Start(), p.End(), c.text, c.first, c.end)
		}
		if !p.Contains(date(c.on)) {
			t.Errorf("%s does not contain %s", p, c.on)
		}
		// The period survives a round trip through a Value.
		if q := unpackPeriod(p.pack()); q != p {
			t.Errorf("pack/unpack of %s gives %s", p, q)
		}
		// Next starts the day after it ends.
		if n, err := p.Next(); err != nil || DaysBetween(p.End(), n.Start()) != 1 {
			t.Errorf("%s.Next() = %s (%v), starting %s; want the day after %s", p, n, err, n.Start(), p.End())
		}
		if n, _ := p.Next(); p.Cmp(n) >= 0 || n.Cmp(p) <= 0 {
			t.Errorf("%s and the next period %s are not in order", p, n)
		}
	}
}

func TestPeriodContractYearEdges(t *testing.T) {
	// A start day that is no day of any year gives the zero Period.
	if p := PeriodOf(PeriodContractYear, 230, date("2027-05-01")); !p.IsZero() {
		t.Errorf("contract years from 30 February: %s; want the zero Period", p)
	}
	// The contract year holding 9999-12-31 from 1 July runs past the
	// calendar: it is clipped and reported.
	p := PeriodOf(PeriodContractYear, 701, date("9999-12-31"))
	if p.Start().String() != "9999-07-01" || p.End().String() != "9999-12-31" {
		t.Errorf("last contract year: %s..%s; want 9999-07-01..9999-12-31", p.Start(), p.End())
	}
	if err := p.InCalendar(); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("InCalendar: %v; want ErrOutOfRange", err)
	}
	if _, err := p.Next(); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Next after the last contract year: %v; want ErrOutOfRange", err)
	}
	// The first: the one holding 0001-01-01 started on 0000-07-01.
	q := PeriodOf(PeriodContractYear, 701, date("0001-01-01"))
	if q.Start().String() != "0001-01-01" || q.End().String() != "0001-06-30" || q.InCalendar() == nil {
		t.Errorf("first contract year: %s..%s (%v); want 0001-01-01..0001-06-30, out of the calendar", q.Start(), q.End(), q.InCalendar())
	}
	// From 1 January the last one is the calendar year 9999, whole.
	if r := PeriodOf(PeriodContractYear, 101, date("9999-12-31")); r.InCalendar() != nil {
		t.Errorf("contract year 9999 from 1 January: %v", r.InCalendar())
	}
}

func TestParseHalf(t *testing.T) {
	p, err := ParsePeriod("2027-H2")
	if err != nil || p.Start().String() != "2027-07-01" || p.End().String() != "2027-12-31" || p.String() != "2027-H2" {
		t.Errorf("ParsePeriod(2027-H2) = %s %s..%s, %v", p, p.Start(), p.End(), err)
	}
	if _, err := ParsePeriod("2027-H3"); err == nil {
		t.Error("ParsePeriod(2027-H3) gave no error")
	}
	// With a July start, FY2027-H2 is 2027-01-01..2027-06-30.
	f, err := ParseFiscalPeriod("FY2027-H2", 7)
	if err != nil || f.Start().String() != "2027-01-01" || f.End().String() != "2027-06-30" || f.String() != "FY2027-H2" {
		t.Errorf("ParseFiscalPeriod(FY2027-H2, 7) = %s %s..%s, %v", f, f.Start(), f.End(), err)
	}
}
