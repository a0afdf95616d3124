package types

import (
	"errors"
	"fmt"
)

// ErrInvalidPeriod reports text that is not a period.
var ErrInvalidPeriod = errors.New("invalid period")

// PeriodKind is the length and calendar of a Period. (lang.PeriodKind is
// another thing: the kind of the language type of period values.)
type PeriodKind uint8

// Period kinds. The zero PeriodKind is not a valid kind.
const (
	PeriodMonth         PeriodKind = iota + 1 // a calendar month: 2027-03
	PeriodQuarter                             // a calendar quarter: 2027-Q1 (January to March)
	PeriodYear                                // a calendar year: 2027
	PeriodFiscalYear                          // a fiscal year: FY2027
	PeriodFiscalQuarter                       // a quarter of a fiscal year: FY2027-Q1
	PeriodHalf                                // a calendar half year: 2027-H1 (January to June)
	PeriodFiscalHalf                          // a half of a fiscal year: FY2027-H1
	PeriodContractYear                        // twelve months from an anniversary of a start day (SPEC 11.5)
)

var periodKindNames = [...]string{"", "month", "quarter", "year", "fiscal_year", "fiscal_quarter", "half_year", "fiscal_half_year", "contract_year"}

// String returns month, quarter, year, fiscal_year, fiscal_quarter,
// half_year, fiscal_half_year or contract_year.
func (k PeriodKind) String() string {
	if k >= PeriodMonth && int(k) < len(periodKindNames) {
		return periodKindNames[k]
	}
	return fmt.Sprintf("PeriodKind(%d)", uint8(k))
}

// IsFiscal reports whether k is a fiscal kind (one that has a start month).
func (k PeriodKind) IsFiscal() bool {
	return k == PeriodFiscalYear || k == PeriodFiscalQuarter || k == PeriodFiscalHalf
}

// Period is a calendar period: a month, a quarter, a half year or a year;
// a fiscal year, quarter or half year; or a contract year (SPEC 11.5). It is a small value, compared with == (two Periods are
// == exactly when they are the same kind, fiscal start and span) and usable
// as a map key. The zero Period is not a valid period.
//
// A fiscal year starts on the first day of its start month (1..12) and is
// named by the calendar year in which it ENDS: with start month 7 (July),
// FY2027 runs from 2026-07-01 to 2027-06-30, and FY2027-Q1 is 2026-07-01 to
// 2026-09-30. With start month 1, FY2027 is the calendar year 2027.
//
// Periods lie within the date range 0001-01-01..9999-12-31; the only ones
// that reach past it are the fiscal years named 1 and 10000 (with a start
// month other than January) and quarters of them, whose Start or End is
// clipped to the range; InCalendar reports them (SPEC 11.4).
type Period struct {
	year  int16      // the named year (for fiscal kinds, the year the fiscal year ends in)
	kind  PeriodKind // 0 for the zero Period
	start uint8      // fiscal start month 1..12 for fiscal kinds, the start month of a contract year, else 0
	day   uint8      // the start day 1..31 of a contract year, else 0
	index uint8      // month 1..12, quarter 1..4 or half 1..2; 0 for year kinds
}

// monthIndex returns y*12 + (m-1) for a date, counting months from year 0.
func monthIndex(y, m int) int { return y*12 + m - 1 }

// PeriodOf returns the period of the given kind that contains d.
// fiscalStart is the first month (1..12) of the fiscal year and is used only
// for fiscal kinds; for PeriodContractYear it is the first day of the
// contract year as month × 100 + day (315 for 15 March; not 0315, which Go
// reads as octal 205, 5 February), as ContractStart writes it. An
// unknown kind, or a fiscal kind with fiscalStart outside 1..12, or a
// contract year with a start day that is not a day of the year, gives the
// zero Period.
func PeriodOf(kind PeriodKind, fiscalStart int, d Date) Period {
	y, m, _ := d.YMD()
	switch kind {
	case PeriodHalf:
		return Period{year: int16(y), kind: kind, index: uint8((m-1)/6 + 1)}
	case PeriodContractYear:
		return contractYearOf(fiscalStart, d)
	case PeriodMonth:
		return Period{year: int16(y), kind: kind, index: uint8(m)}
	case PeriodQuarter:
		return Period{year: int16(y), kind: kind, index: uint8((m-1)/3 + 1)}
	case PeriodYear:
		return Period{year: int16(y), kind: kind}
	case PeriodFiscalYear, PeriodFiscalQuarter, PeriodFiscalHalf:
		if fiscalStart < 1 || fiscalStart > 12 {
			return Period{}
		}
		off := monthIndex(y, m) - (fiscalStart - 1) // >= 0 since y >= 1
		fy := off / 12                              // the calendar year the fiscal year starts in
		if fiscalStart > 1 {
			fy++
		}
		p := Period{year: int16(fy), kind: kind, start: uint8(fiscalStart)}
		switch kind {
		case PeriodFiscalQuarter:
			p.index = uint8(off%12/3 + 1)
		case PeriodFiscalHalf:
			p.index = uint8(off%12/6 + 1)
		}
		return p
	}
	return Period{}
}

// span returns the period's first month (as monthIndex) and its length in
// months; n is 0 for the zero Period.
func (p Period) span() (first, n int) {
	y := int(p.year)
	switch p.kind {
	case PeriodMonth:
		return monthIndex(y, int(p.index)), 1
	case PeriodQuarter:
		return monthIndex(y, 1) + 3*(int(p.index)-1), 3
	case PeriodYear:
		return monthIndex(y, 1), 12
	case PeriodHalf:
		return monthIndex(y, 1) + 6*(int(p.index)-1), 6
	case PeriodFiscalYear, PeriodFiscalQuarter, PeriodFiscalHalf:
		first = monthIndex(y, int(p.start))
		if p.start > 1 {
			first -= 12
		}
		switch p.kind {
		case PeriodFiscalQuarter:
			return first + 3*(int(p.index)-1), 3
		case PeriodFiscalHalf:
			return first + 6*(int(p.index)-1), 6
		}
		return first, 12
	case PeriodContractYear:
		// The months it touches; Start and End give its days.
		return monthIndex(y, int(p.start)), 12
	}
	return 0, 0
}

// dateOfMonthIndex returns day 1 (or the last day) of month index mi,
// clipped to the date range.
func dateOfMonthIndex(mi int, last bool) Date {
	switch {
	case mi < monthIndex(minYear, 1):
		return MinDate()
	case mi > monthIndex(maxYear, 12):
		return MaxDate()
	}
	y, m := mi/12, mi%12+1
	d := 1
	if last {
		d = DaysInMonth(y, m)
	}
	return Date{int32(daysFromCivil(y, m, d) + epochShift)}
}

// InCalendar returns nil when p lies within 0001-01-01..9999-12-31, and
// otherwise an error wrapping ErrOutOfRange that says which end leaves
// the calendar ("FY10000 is out of range: it ends after 9999-12-31").
// Only fiscal periods can leave it (a fiscal year 10000 or 0001, or a
// quarter of one, with a start month other than January).
func (p Period) InCalendar() error {
	if p.kind == PeriodContractYear {
		return p.contractInCalendar()
	}
	first, n := p.span()
	switch {
	case n == 0:
		return nil
	case first < monthIndex(minYear, 1):
		return errorf(ErrOutOfRange, "%s is out of range: it starts before %s", p, MinDate())
	case first+n-1 > monthIndex(maxYear, 12):
		return errorf(ErrOutOfRange, "%s is out of range: it ends after %s", p, MaxDate())
	}
	return nil
}

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p.kind == 0 }

// Kind returns the kind of p.
func (p Period) Kind() PeriodKind { return p.kind }

// Year returns the year that names p (for fiscal kinds, the calendar year
// in which the fiscal year ends).
func (p Period) Year() int { return int(p.year) }

// Month returns the month 1..12 of a PeriodMonth, else 0.
func (p Period) Month() int {
	if p.kind == PeriodMonth {
		return int(p.index)
	}
	return 0
}

// Half returns the half 1..2 of a calendar or fiscal half year, else 0.
func (p Period) Half() int {
	if p.kind == PeriodHalf || p.kind == PeriodFiscalHalf {
		return int(p.index)
	}
	return 0
}

// Quarter returns the quarter 1..4 of a calendar or fiscal quarter, else 0.
func (p Period) Quarter() int {
	if p.kind == PeriodQuarter || p.kind == PeriodFiscalQuarter {
		return int(p.index)
	}
	return 0
}

// FiscalStart returns the fiscal start month 1..12 of a fiscal period, else 0.
func (p Period) FiscalStart() int { return int(p.start) }

// Start returns the first day of p. The zero Period gives the zero Date.
func (p Period) Start() Date {
	if p.kind == PeriodContractYear {
		return p.contractStart(int(p.year))
	}
	first, n := p.span()
	if n == 0 {
		return Date{}
	}
	return dateOfMonthIndex(first, false)
}

// End returns the last day of p (inclusive). The zero Period gives the
// zero Date.
func (p Period) End() Date {
	if p.kind == PeriodContractYear {
		return p.contractEnd()
	}
	first, n := p.span()
	if n == 0 {
		return Date{}
	}
	return dateOfMonthIndex(first+n-1, true)
}

// Contains reports whether d falls within p, ends included.
func (p Period) Contains(d Date) bool {
	if p.kind == 0 {
		return false
	}
	return !d.Before(p.Start()) && !d.After(p.End())
}

// Next returns the period of the same kind that follows p. It is an error
// (wrapping ErrOutOfRange) when that period would start after 9999-12-31.
func (p Period) Next() (Period, error) { return p.shift(1) }

// Prev returns the period of the same kind before p. It is an error
// (wrapping ErrOutOfRange) when that period would end before 0001-01-01.
func (p Period) Prev() (Period, error) { return p.shift(-1) }

func (p Period) shift(dir int) (Period, error) {
	if p.kind == PeriodContractYear {
		return p.contractShift(dir)
	}
	first, n := p.span()
	if n == 0 {
		return Period{}, errors.New("the zero Period has no neighbours")
	}
	mi := first + dir*n
	if mi+n-1 < monthIndex(minYear, 1) || mi > monthIndex(maxYear, 12) {
		which := "after"
		if dir < 0 {
			which = "before"
		}
		return Period{}, errorf(ErrOutOfRange, "the period %s %s is out of range (0001-01-01 to 9999-12-31)", which, p.String())
	}
	// A month inside the new period that is within the date range.
	probe := min(max(mi, monthIndex(minYear, 1)), monthIndex(maxYear, 12))
	return PeriodOf(p.kind, int(p.start), dateOfMonthIndex(probe, false)), nil
}

// Cmp orders periods by start date, then end date, then kind and fiscal
// start month; it returns 0 exactly when p == q.
func (p Period) Cmp(q Period) int {
	if p.kind == PeriodContractYear || q.kind == PeriodContractYear {
		return p.cmpDays(q)
	}
	pf, pn := p.span()
	qf, qn := q.span()
	switch {
	case pf != qf:
		return cmpInt(pf, qf)
	case pn != qn:
		return cmpInt(pn, qn)
	case p.kind != q.kind:
		return cmpInt(int(p.kind), int(q.kind))
	case p.start != q.start:
		return cmpInt(int(p.start), int(q.start))
	}
	return 0
}

// String returns 2027-03, 2027-Q1, 2027-H1, 2027, FY2027, FY2027-Q1,
// FY2027-H1, or "contract year from 2027-03-15" (its first day). The
// fiscal start month is not part of the text.
func (p Period) String() string {
	switch p.kind {
	case PeriodMonth:
		return fmt.Sprintf("%04d-%02d", p.year, p.index)
	case PeriodQuarter:
		return fmt.Sprintf("%04d-Q%d", p.year, p.index)
	case PeriodYear:
		return fmt.Sprintf("%04d", p.year)
	case PeriodFiscalYear:
		return fmt.Sprintf("FY%04d", p.year)
	case PeriodFiscalQuarter:
		return fmt.Sprintf("FY%04d-Q%d", p.year, p.index)
	case PeriodHalf:
		return fmt.Sprintf("%04d-H%d", p.year, p.index)
	case PeriodFiscalHalf:
		return fmt.Sprintf("FY%04d-H%d", p.year, p.index)
	case PeriodContractYear:
		return "contract year from " + p.Start().String()
	}
	return "invalid period"
}

// ParsePeriod reads a calendar period: 2027-Q1 (quarter), 2027-H1 (half
// year), 2027-03 (month) or 2027 (year), with a four-digit year
// 0001..9999.
func ParsePeriod(s string) (Period, error) {
	bad := func(reason string) (Period, error) {
		return Period{}, errorf(ErrInvalidPeriod, "invalid period %q: %s", truncateText(s), reason)
	}
	const want = "expected YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn"
	if len(s) < 4 {
		return bad(want)
	}
	y, ok := atoiDigits(s[:4])
	if !ok {
		return bad(want)
	}
	if y < minYear {
		return bad("year must be 0001 to 9999")
	}
	rest := s[4:]
	switch {
	case rest == "":
		return Period{year: int16(y), kind: PeriodYear}, nil
	case len(rest) == 3 && rest[0] == '-' && rest[1] == 'Q':
		q := int(rest[2]) - '0'
		if q < 1 || q > 4 {
			return bad("quarter must be Q1 to Q4")
		}
		return Period{year: int16(y), kind: PeriodQuarter, index: uint8(q)}, nil
	case len(rest) == 3 && rest[0] == '-' && rest[1] == 'H':
		h := int(rest[2]) - '0'
		if h < 1 || h > 2 {
			return bad("half must be H1 or H2")
		}
		return Period{year: int16(y), kind: PeriodHalf, index: uint8(h)}, nil
	case len(rest) == 3 && rest[0] == '-':
		m, ok := atoiDigits(rest[1:])
		if !ok {
			return bad(want)
		}
		if m < 1 || m > 12 {
			return bad("month must be 01 to 12")
		}
		return Period{year: int16(y), kind: PeriodMonth, index: uint8(m)}, nil
	}
	return bad(want)
}

// ParseFiscalPeriod reads a fiscal period, FY2027, FY2027-Q1 or FY2027-H1, for a
// fiscal year starting in month fiscalStart (1..12). The year names the
// calendar year in which the fiscal year ends.
func ParseFiscalPeriod(s string, fiscalStart int) (Period, error) {
	bad := func(reason string) (Period, error) {
		return Period{}, errorf(ErrInvalidPeriod, "invalid fiscal period %q: %s", truncateText(s), reason)
	}
	if fiscalStart < 1 || fiscalStart > 12 {
		return bad(fmt.Sprintf("fiscal start month must be 1 to 12, got %d", fiscalStart))
	}
	const want = "expected FY and a year, such as FY2027, FY2027-Q1 or FY2027-H1"
	if len(s) < 6 || s[:2] != "FY" {
		return bad(want)
	}
	y, ok := atoiDigits(s[2:6])
	if !ok {
		return bad(want)
	}
	if y < minYear {
		return bad("year must be 0001 to 9999")
	}
	p := Period{year: int16(y), kind: PeriodFiscalYear, start: uint8(fiscalStart)}
	switch rest := s[6:]; {
	case rest == "":
	case len(rest) == 3 && rest[0] == '-' && rest[1] == 'Q' && rest[2] >= '1' && rest[2] <= '4':
		p.kind = PeriodFiscalQuarter
		p.index = rest[2] - '0'
	case len(rest) == 3 && rest[0] == '-' && rest[1] == 'H' && rest[2] >= '1' && rest[2] <= '2':
		p.kind = PeriodFiscalHalf
		p.index = rest[2] - '0'
	default:
		return bad(want)
	}
	if first, n := p.span(); first+n-1 < monthIndex(minYear, 1) {
		return bad("it ends before 0001-01-01")
	}
	return p, nil
}

// pack encodes p in an int64, so that a Value can hold it without growing;
// unpackPeriod reverses it.
func (p Period) pack() int64 {
	return int64(p.year)<<32 | int64(p.kind)<<24 | int64(p.start)<<16 | int64(p.day)<<8 | int64(p.index)
}

func unpackPeriod(x int64) Period {
	return Period{year: int16(x >> 32), kind: PeriodKind(x >> 24), start: uint8(x >> 16), day: uint8(x >> 8), index: uint8(x)}
}
