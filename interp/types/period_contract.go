package types

// Contract years (SPEC 11.5) are the twelve months from each anniversary
// of a start day: with the start day 15 March, the contract year from
// 2027-03-15 runs to 2028-03-14. A start day of 29 February falls on 28
// February in years that have no 29th (the end-of-month rule of SPEC
// 11.2, counted from the start day each year, never chained).
//
// A contract year is a Period of kind PeriodContractYear whose year is the
// calendar year it starts in, and whose start and day fields hold the
// start day's month and day.

// ContractStart writes the first day of a contract year as PeriodOf wants
// it for PeriodContractYear: month × 100 + day (315 for 15 March).
func ContractStart(d Date) int {
	_, m, dd := d.YMD()
	return m*100 + dd
}

// contractYearOf returns the contract year, starting each year on the day
// mmdd (month × 100 + day), that contains d.
func contractYearOf(mmdd int, d Date) Period {
	m, dd := mmdd/100, mmdd%100
	if m < 1 || m > 12 || dd < 1 || dd > DaysInMonth(2000, m) {
		return Period{}
	}
	p := Period{kind: PeriodContractYear, start: uint8(m), day: uint8(dd)}
	y := d.Year()
	p.year = int16(y)
	if d.Before(p.contractStart(y)) {
		p.year = int16(y - 1)
	}
	return p
}

// contractStart returns the anniversary of the start day in year y,
// clipped to the calendar (year 0 starts on 0001-01-01; year 10000 would
// start after 9999-12-31 and gives the day after it is not a Date, so it
// is only asked for years up to 9999).
func (p Period) contractStart(y int) Date {
	if y < minYear {
		return MinDate()
	}
	if y > maxYear {
		return MaxDate()
	}
	m := int(p.start)
	d := min(int(p.day), DaysInMonth(y, m))
	return Date{int32(daysFromCivil(y, m, d) + epochShift)}
}

// contractEnd is the day before the next anniversary, or 9999-12-31 when
// that anniversary is past the calendar.
func (p Period) contractEnd() Date {
	y := int(p.year) + 1
	if y > maxYear {
		return MaxDate()
	}
	next := p.contractStart(y)
	if next == MinDate() {
		return next
	}
	return Date{next.days - 1}
}

// contractInCalendar reports a contract year that reaches past the
// calendar: one that starts before 0001-01-01 or ends after 9999-12-31.
func (p Period) contractInCalendar() error {
	switch {
	case p.year < minYear:
		return errorf(ErrOutOfRange, "%s is out of range: it starts before %s", p, MinDate())
	case p.year >= maxYear && (p.start != 1 || p.day != 1):
		return errorf(ErrOutOfRange, "%s is out of range: it ends after %s", p, MaxDate())
	}
	return nil
}

func (p Period) contractShift(dir int) (Period, error) {
	y := int(p.year) + dir
	if y < 0 || y > maxYear || y == 0 && p.start == 1 && p.day == 1 {
		which := "after"
		if dir < 0 {
			which = "before"
		}
		return Period{}, errorf(ErrOutOfRange, "the period %s %s is out of range (0001-01-01 to 9999-12-31)", which, p.String())
	}
	q := p
	q.year = int16(y)
	return q, nil
}

// cmpDays orders periods by first day, then last day, then kind and
// start; it returns 0 exactly when p == q.
func (p Period) cmpDays(q Period) int {
	if c := p.Start().Cmp(q.Start()); c != 0 {
		return c
	}
	if c := p.End().Cmp(q.End()); c != 0 {
		return c
	}
	switch {
	case p.kind != q.kind:
		return cmpInt(int(p.kind), int(q.kind))
	case p.start != q.start:
		return cmpInt(int(p.start), int(q.start))
	case p.day != q.day:
		return cmpInt(int(p.day), int(q.day))
	}
	return cmpInt(int(p.year), int(q.year))
}

// StartParam is what PeriodOf was given to make p: the fiscal start month
// of a fiscal period, month × 100 + day for a contract year, else 0.
func (p Period) StartParam() int {
	switch {
	case p.kind == PeriodContractYear:
		return int(p.start)*100 + int(p.day)
	case p.kind.IsFiscal():
		return int(p.start)
	}
	return 0
}

// StartParamOf is the StartParam a Period of kind k made with start has.
func StartParamOf(k PeriodKind, start int) int {
	if k == PeriodContractYear || k.IsFiscal() {
		return start
	}
	return 0
}

// Noun names a period kind in a statement's notes ("per half-year: cut to
// the cap"): the kind's String, except for the kinds written in two words.
func (k PeriodKind) Noun() string {
	switch k {
	case PeriodHalf:
		return "half-year"
	case PeriodFiscalHalf:
		return "fiscal half-year"
	case PeriodContractYear:
		return "contract year"
	}
	return k.String()
}
