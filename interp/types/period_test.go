package types

import (
	"errors"
	"strings"
	"testing"
)

func TestPeriodOfCalendar(t *testing.T) {
	cases := []struct {
		kind             PeriodKind
		on               string
		text, start, end string
	}{
		{PeriodMonth, "2027-02-15", "2027-02", "2027-02-01", "2027-02-28"},
		{PeriodMonth, "2028-02-01", "2028-02", "2028-02-01", "2028-02-29"}, // 2028 is a leap year
		{PeriodMonth, "2027-12-31", "2027-12", "2027-12-01", "2027-12-31"},
		{PeriodQuarter, "2027-02-15", "2027-Q1", "2027-01-01", "2027-03-31"},
		{PeriodQuarter, "2027-04-01", "2027-Q2", "2027-04-01", "2027-06-30"},
		{PeriodQuarter, "2027-09-30", "2027-Q3", "2027-07-01", "2027-09-30"},
		{PeriodQuarter, "2027-12-31", "2027-Q4", "2027-10-01", "2027-12-31"},
		{PeriodYear, "2027-06-15", "2027", "2027-01-01", "2027-12-31"},
		{PeriodYear, "0001-01-01", "0001", "0001-01-01", "0001-12-31"},
	}
	for _, c := range cases {
		p := PeriodOf(c.kind, 0, date(c.on))
		if p.String() != c.text || p.Start().String() != c.start || p.End().String() != c.end {
			t.Errorf("PeriodOf(%s, %s) = %s %s..%s; want %s %s..%s", c.kind, c.on, p, p.Start(), p.End(), c.text, c.start, c.end)
		}
		if p.Kind() != c.kind || p.IsZero() {
			t.Errorf("PeriodOf(%s, %s).Kind() = %s", c.kind, c.on, p.Kind())
		}
	}
}

func TestPeriodOfFiscal(t *testing.T) {
	cases := []struct {
		kind             PeriodKind
		start            int
		on               string
		text, first, end string
	}{
		// Start month 7: FY2027 runs 2026-07-01..2027-06-30, named by the
		// calendar year in which it ends.
		{PeriodFiscalYear, 7, "2026-07-01", "FY2027", "2026-07-01", "2027-06-30"},
		{PeriodFiscalYear, 7, "2027-06-30", "FY2027", "2026-07-01", "2027-06-30"},
		{PeriodFiscalYear, 7, "2026-06-30", "FY2026", "2025-07-01", "2026-06-30"},
		{PeriodFiscalQuarter, 7, "2026-07-01", "FY2027-Q1", "2026-07-01", "2026-09-30"},
		{PeriodFiscalQuarter, 7, "2026-12-31", "FY2027-Q2", "2026-10-01", "2026-12-31"},
		{PeriodFiscalQuarter, 7, "2027-01-01", "FY2027-Q3", "2027-01-01", "2027-03-31"},
		{PeriodFiscalQuarter, 7, "2027-06-30", "FY2027-Q4", "2027-04-01", "2027-06-30"},
		// Start month 1: the fiscal year is the calendar year.
		{PeriodFiscalYear, 1, "2027-05-05", "FY2027", "2027-01-01", "2027-12-31"},
		{PeriodFiscalQuarter, 1, "2027-05-05", "FY2027-Q2", "2027-04-01", "2027-06-30"},
		// Start month 10 (US federal): FY2027 is 2026-10-01..2027-09-30.
		{PeriodFiscalYear, 10, "2026-10-01", "FY2027", "2026-10-01", "2027-09-30"},
		{PeriodFiscalYear, 10, "2026-09-30", "FY2026", "2025-10-01", "2026-09-30"},
		// Start month 2: FY2027 is 2026-02-01..2027-01-31.
		{PeriodFiscalYear, 2, "2027-01-15", "FY2027", "2026-02-01", "2027-01-31"},
		// Start month 3: FY2024 ends on 2024-02-29, a leap day.
		{PeriodFiscalYear, 3, "2024-02-29", "FY2024", "2023-03-01", "2024-02-29"},
		// Start month 12: FY2027-Q1 is December 2026 to February 2027 (28 days).
		{PeriodFiscalQuarter, 12, "2026-12-25", "FY2027-Q1", "2026-12-01", "2027-02-28"},
		// The edges of the date range are clipped: FY0001 with start month 7
		// would begin 0000-07-01, FY10000 would end 10000-06-30.
		{PeriodFiscalYear, 7, "0001-03-01", "FY0001", "0001-01-01", "0001-06-30"},
		{PeriodFiscalYear, 7, "9999-12-31", "FY10000", "9999-07-01", "9999-12-31"},
	}
	for _, c := range cases {
		p := PeriodOf(c.kind, c.start, date(c.on))
		if p.String() != c.text || p.Start().String() != c.first || p.End().String() != c.end {
			t.Errorf("PeriodOf(%s, %d, %s) = %s %s..%s; want %s %s..%s",
				c.kind, c.start, c.on, p, p.Start(), p.End(), c.text, c.first, c.end)
		}
		if p.FiscalStart() != c.start || !p.Kind().IsFiscal() {
			t.Errorf("PeriodOf(%s, %d, %s).FiscalStart() = %d", c.kind, c.start, c.on, p.FiscalStart())
		}
	}
	// An invalid start month or kind gives the zero Period.
	for _, p := range []Period{
		PeriodOf(PeriodFiscalYear, 0, date("2027-01-01")),
		PeriodOf(PeriodFiscalQuarter, 13, date("2027-01-01")),
		PeriodOf(PeriodKind(0), 1, date("2027-01-01")),
		PeriodOf(PeriodKind(99), 1, date("2027-01-01")),
	} {
		if !p.IsZero() || p.String() != "invalid period" || p.Contains(date("2027-01-01")) {
			t.Errorf("invalid PeriodOf = %s", p)
		}
		if _, err := p.Next(); err == nil {
			t.Errorf("zero Period has a Next")
		}
	}
}

// TestPeriodWalk checks, for every kind and fiscal start month and every day
// of 2023..2029, that the period of a day contains it, that the period is
// the same whichever of its days is used, and that Next starts the day
// after End.
func TestPeriodWalk(t *testing.T) {
	kinds := []PeriodKind{PeriodMonth, PeriodQuarter, PeriodYear, PeriodFiscalYear, PeriodFiscalQuarter}
	first, last := date("2023-01-01"), date("2029-12-31")
	for _, k := range kinds {
		for start := 1; start <= 12; start++ {
			for d := first; !d.After(last); d, _ = d.AddDays(1) {
				p := PeriodOf(k, start, d)
				if !p.Contains(d) {
					t.Fatalf("%s (start %d) does not contain %s", p, start, d)
				}
				if q := PeriodOf(k, start, p.Start()); q != p {
					t.Fatalf("PeriodOf(start of %s) = %s", p, q)
				}
				if q := PeriodOf(k, start, p.End()); q != p {
					t.Fatalf("PeriodOf(end of %s) = %s", p, q)
				}
				next, err := p.Next()
				if err != nil {
					t.Fatal(err)
				}
				if day, _ := p.End().AddDays(1); next.Start() != day || next.Cmp(p) <= 0 {
					t.Fatalf("%s ends %s but the next period %s starts %s", p, p.End(), next, next.Start())
				}
				if prev, err := next.Prev(); err != nil || prev != p {
					t.Fatalf("%s.Next().Prev() = %s, %v", p, prev, err)
				}
			}
		}
	}
}

func TestPeriodNext(t *testing.T) {
	cases := []struct {
		p    Period
		want string
	}{
		{mustPeriod("2027-12"), "2028-01"},
		{mustPeriod("2027-Q4"), "2028-Q1"},
		{mustPeriod("2027"), "2028"},
		{mustFiscal("FY2027-Q4", 7), "FY2028-Q1"},
		{mustFiscal("FY2027", 7), "FY2028"},
	}
	for _, c := range cases {
		n, err := c.p.Next()
		if err != nil || n.String() != c.want {
			t.Errorf("%s.Next() = %s, %v; want %s", c.p, n, err, c.want)
		}
	}
	// Out of range at both ends is an error, never a wrap.
	for _, p := range []Period{mustPeriod("9999-12"), mustPeriod("9999-Q4"), mustPeriod("9999"),
		PeriodOf(PeriodFiscalYear, 7, MaxDate())} {
		if _, err := p.Next(); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("%s.Next(): got %v, want ErrOutOfRange", p, err)
		}
	}
	for _, p := range []Period{mustPeriod("0001-01"), mustPeriod("0001-Q1"), mustPeriod("0001"),
		PeriodOf(PeriodFiscalYear, 7, MinDate())} {
		if _, err := p.Prev(); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("%s.Prev(): got %v, want ErrOutOfRange", p, err)
		}
	}
	// FY0002 (start 7) begins 0001-07-01; the one before is the clipped FY0001.
	if p, err := mustFiscal("FY0002", 7).Prev(); err != nil || p.String() != "FY0001" || p.Start() != MinDate() {
		t.Errorf("FY0002.Prev() = %s, %v", p, err)
	}
}

func mustPeriod(s string) Period {
	p, err := ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}

func mustFiscal(s string, start int) Period {
	p, err := ParseFiscalPeriod(s, start)
	if err != nil {
		panic(err)
	}
	return p
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]struct {
		kind       PeriodKind
		start, end string
	}{
		"2027-Q1": {PeriodQuarter, "2027-01-01", "2027-03-31"},
		"2027-03": {PeriodMonth, "2027-03-01", "2027-03-31"},
		"2027":    {PeriodYear, "2027-01-01", "2027-12-31"},
		"0001-01": {PeriodMonth, "0001-01-01", "0001-01-31"},
		"9999-Q4": {PeriodQuarter, "9999-10-01", "9999-12-31"},
	} {
		p, err := ParsePeriod(in)
		if err != nil || p.Kind() != want.kind || p.String() != in ||
			p.Start().String() != want.start || p.End().String() != want.end {
			t.Errorf("ParsePeriod(%q) = %s %s..%s, %v", in, p, p.Start(), p.End(), err)
		}
	}
	if p := mustPeriod("2027-Q3"); p.Quarter() != 3 || p.Month() != 0 || p.Year() != 2027 {
		t.Errorf("accessors of 2027-Q3")
	}
	if p := mustPeriod("2027-11"); p.Quarter() != 0 || p.Month() != 11 || p.FiscalStart() != 0 {
		t.Errorf("accessors of 2027-11")
	}
	bad := map[string]string{
		"2027-Q5":    "Q1 to Q4",
		"2027-Q0":    "Q1 to Q4",
		"2027-13":    "01 to 12",
		"2027-00":    "01 to 12",
		"0000":       "0001 to 9999",
		"27-Q1":      "expected",
		"2027Q1":     "expected",
		"2027-q1":    "expected",
		"2027-1":     "expected",
		"FY2027":     "expected",
		"":           "expected",
		"2027-":      "expected",
		" 2027":      "expected",
		"2027-03-01": "expected",
	}
	for in, why := range bad {
		_, err := ParsePeriod(in)
		if err == nil || !errors.Is(err, ErrInvalidPeriod) || !strings.Contains(err.Error(), why) {
			t.Errorf("ParsePeriod(%q): got %v, want %q", in, err, why)
		}
	}
}

func TestParseFiscalPeriod(t *testing.T) {
	p := mustFiscal("FY2027", 7)
	if p.Start().String() != "2026-07-01" || p.End().String() != "2027-06-30" || p.Kind() != PeriodFiscalYear {
		t.Errorf("FY2027 (July) = %s..%s", p.Start(), p.End())
	}
	if p != PeriodOf(PeriodFiscalYear, 7, date("2026-12-01")) {
		t.Errorf("parsed and computed FY2027 differ")
	}
	q := mustFiscal("FY2027-Q1", 7)
	if q.Start().String() != "2026-07-01" || q.End().String() != "2026-09-30" || q.Quarter() != 1 {
		t.Errorf("FY2027-Q1 (July) = %s..%s", q.Start(), q.End())
	}
	// FY0001 with start 7 overlaps the range (clipped); its Q1 and Q2 do not.
	if p := mustFiscal("FY0001", 7); p.Start() != MinDate() {
		t.Errorf("FY0001 start = %s", p.Start())
	}
	if p := mustFiscal("FY0001-Q3", 7); p.Start().String() != "0001-01-01" {
		t.Errorf("FY0001-Q3 start = %s", p.Start())
	}
	bad := []struct {
		in    string
		start int
		why   string
	}{
		{"FY2027", 0, "1 to 12"},
		{"FY2027", 13, "1 to 12"},
		{"FY2027-Q5", 7, "expected"},
		{"FY27", 7, "expected"},
		{"2027", 7, "expected"},
		{"fy2027", 7, "expected"},
		{"FY0000", 7, "0001 to 9999"},
		{"FY0001-Q1", 7, "ends before 0001-01-01"},
	}
	for _, c := range bad {
		_, err := ParseFiscalPeriod(c.in, c.start)
		if err == nil || !errors.Is(err, ErrInvalidPeriod) || !strings.Contains(err.Error(), c.why) {
			t.Errorf("ParseFiscalPeriod(%q, %d): got %v, want %q", c.in, c.start, err, c.why)
		}
	}
}

func TestPeriodCompare(t *testing.T) {
	// == compares kind, span and fiscal start; the fiscal start passed for
	// a calendar kind is ignored.
	if PeriodOf(PeriodMonth, 0, date("2027-03-01")) != PeriodOf(PeriodMonth, 5, date("2027-03-31")) {
		t.Errorf("the same month compares unequal")
	}
	if mustFiscal("FY2027", 7) == mustFiscal("FY2027", 10) {
		t.Errorf("fiscal years with different starts compare equal")
	}
	// FY2027 with start 1 spans the calendar year 2027 but is another kind.
	if y, fy := mustPeriod("2027"), mustFiscal("FY2027", 1); y == fy || y.Cmp(fy) == 0 ||
		y.Start() != fy.Start() || y.End() != fy.End() {
		t.Errorf("2027 vs FY2027 (January)")
	}
	// Order: by start, then the shorter first.
	ordered := []Period{mustPeriod("2026-12"), mustPeriod("2027-01"), mustPeriod("2027-Q1"), mustPeriod("2027"),
		mustPeriod("2027-02"), mustPeriod("2027-Q2")}
	for i := range ordered {
		for j := range ordered {
			if got, want := ordered[i].Cmp(ordered[j]), cmpInt(i, j); got != want {
				t.Errorf("Cmp(%s, %s) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	m := map[Period]int{mustPeriod("2027-Q1"): 1}
	if m[PeriodOf(PeriodQuarter, 0, date("2027-02-14"))] != 1 {
		t.Errorf("Period as a map key")
	}
	p := mustPeriod("2027-Q1")
	for d, in := range map[string]bool{"2026-12-31": false, "2027-01-01": true, "2027-03-31": true, "2027-04-01": false} {
		if p.Contains(date(d)) != in {
			t.Errorf("2027-Q1 contains %s: %v", d, !in)
		}
	}
}

func TestPeriodKindNames(t *testing.T) {
	for k, want := range map[PeriodKind]string{PeriodMonth: "month", PeriodQuarter: "quarter", PeriodYear: "year",
		PeriodFiscalYear: "fiscal_year", PeriodFiscalQuarter: "fiscal_quarter", 0: "PeriodKind(0)"} {
		if k.String() != want {
			t.Errorf("%d.String() = %q", k, k.String())
		}
	}
}

func TestPeriodNoAllocs(t *testing.T) {
	d := date("2027-02-14")
	var p Period
	var x Date
	var ok bool
	for name, f := range map[string]func(){
		"PeriodOf": func() { p = PeriodOf(PeriodFiscalQuarter, 7, d) },
		"Start":    func() { x = p.Start() },
		"End":      func() { x = p.End() },
		"Contains": func() { ok = p.Contains(d) },
		"Next":     func() { p, _ = p.Next() },
	} {
		p = PeriodOf(PeriodFiscalQuarter, 7, d)
		if allocs := testing.AllocsPerRun(100, f); allocs != 0 {
			t.Errorf("%s allocates %.0f times per call", name, allocs)
		}
	}
	_, _, _ = p, x, ok
}
