package lang

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// This file checks the calendar constructs of SPEC 11.5 and 11.6: the
// contract year's start, half years and contract years as periods.

// contractYearDecl checks `contract year starts DATE` and records the day
// in info.ContractStart.
func (c *checker) contractYearDecl(fam *family, it *ContractYearDecl) {
	if it == nil || it.Start == nil {
		return
	}
	if d := c.dateLit(it.Start); d.valid() {
		fam.info.ContractStart = it.Start.Text
	}
}

// periodGrid describes the boundaries of a period unit: periods of n
// months, the first starting in a month m with (m − phase) mod n == 0, on
// day `day` of the month (1 except for a contract year that starts on
// another day). n is 0 for days and weeks.
type periodGrid struct{ n, phase, day int }

// gridOf returns the boundaries of unit u in an agreement whose fiscal
// year starts in month fiscal and whose contract years start on contract
// (a date, or the zero civil when not known).
func gridOf(u *PeriodUnit, fiscal int, contract civil) periodGrid {
	n := map[string]int{"month": 1, "quarter": 3, "half": 6, "year": 12}[u.Unit]
	g := periodGrid{n: n, phase: 1, day: 1}
	switch {
	case n == 0:
	case u.Contract:
		g.phase, g.day = contract.m, contract.d
	case u.Fiscal:
		g.phase = fiscal
	}
	return g
}

// within reports whether every boundary of g is a boundary of s, that is
// whether every g period is made of whole s periods.
func (g periodGrid) within(s periodGrid) bool {
	switch {
	case g.n == 0 || s.n == 0 || g.day == 0 || s.day == 0:
		return false
	case g.day != 1 || s.day != 1:
		// Periods that start mid-month: only the same grid fits.
		return g == s
	}
	return g.n%s.n == 0 && ((g.phase-s.phase)%s.n+s.n)%s.n == 0
}

// settleText writes a settlement period as written after `settled`:
// "quarterly", "fiscal semi-annually", "per contract year".
func settleText(u *PeriodUnit) string {
	if u == nil {
		return "quarterly"
	}
	if u.Contract {
		return "per contract year"
	}
	s := map[string]string{"day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly", "half": "semi-annually", "year": "yearly"}[u.Unit]
	if u.Fiscal {
		s = "fiscal " + s
	}
	return s
}

// unitNoun writes a unit as a noun: "quarter", "half-year", "contract
// year".
func unitNoun(u *PeriodUnit) string {
	switch {
	case u.Contract:
		return "contract year"
	case u.Unit == "half":
		return "half-year"
	}
	return u.Unit
}

// notContract reports a contract year where only a length of time is
// meant (installment intervals, periods of delay).
func (c *checker) notContract(u *PeriodUnit, what, instead string) bool {
	if u == nil || !u.Contract {
		return true
	}
	c.errs.AddHint(u.At, fmt.Sprintf("write `%s`", instead), "%s count from their own first day, not by contract year", what)
	return false
}

// delay checks the delay constructs of a late charge (SPEC 6.6).
func (c *checker) delay(l *Late) {
	b := l.Basis
	if b == nil {
		return
	}
	switch {
	case l.Penalty:
		c.errs.AddHint(b.At, "count the penalty in periods: late penalty X per day|week|month|…",
			"a day count applies to late interest, not to a penalty")
	case l.Periods != nil:
		word := "started"
		if l.Periods.Whole {
			word = "whole"
		}
		c.errs.AddHint(l.Periods.At, fmt.Sprintf("remove `%s`", word),
			"interest counted daily counts days, not %s periods", word)
	case l.Per != nil && !l.Per.Fiscal && (l.Per.Unit != "year" || l.Per.Contract):
		// (A fiscal unit is refused for every late charge: one error,
		// from the clause's check.)
		c.errs.AddHint(l.Per.At, "write the rate per year: late interest 8% per year counted daily ("+b.Basis+")",
			"interest counted daily (%s) is a rate per year, not per %s", b.Basis, unitNoun(l.Per))
	}
}

var weekdayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// maxBusinessDays bounds `N business days`.
const maxBusinessDays = 10000

// calendarDecl checks a business-day calendar and records it in
// info.Calendars.
func (c *checker) calendarDecl(fam *family, d *CalendarDecl) {
	if d == nil || d.Name == nil {
		return
	}
	info := fam.info
	if info.Calendars == nil {
		info.Calendars = make(map[string]*CalendarDecl)
	}
	if prev := info.Calendars[d.Name.Name]; prev != nil {
		c.errs.Add(d.Name.At, "calendar %q is already declared %s", d.Name.Name, prevAt(prev.Name.At, d.Name.At))
		return
	}
	info.Calendars[d.Name.Name] = d
	if f := d.From; f != nil && f.Value != "" {
		switch {
		case strings.HasPrefix(f.Value, "/") || strings.Contains(f.Value, "\\") || len(f.Value) > 1 && f.Value[1] == ':':
			c.errs.AddHint(f.At, "write the path relative to the agreement's file, with forward slashes: \"holidays/uk.txt\"",
				"the holidays file of calendar %q must be named relative to the agreement's file, not %q", d.Name.Name, f.Value)
		}
	}
	seen := map[string]bool{}
	for _, w := range d.Weekends {
		name := weekdayName(w.Name)
		switch {
		case name == "":
			c.errs.AddHint(w.At, hintOr(didYouMean(w.Name, weekdayNames), "write a day of the week, like Saturday, or `weekends none`"),
				"unknown day of the week %q", w.Name)
		case seen[name]:
			c.errs.Add(w.At, "%s is listed twice in the weekends of calendar %q", name, d.Name.Name)
		}
		seen[name] = true
	}
	if len(seen) == 7 {
		c.errs.Add(d.Weekends[0].At, "calendar %q has no business day: every day of the week is a weekend day", d.Name.Name)
	}
	days := map[string]Pos{}
	for _, h := range d.Holidays {
		if !c.dateLit(h).valid() {
			continue
		}
		if prev, ok := days[h.Text]; ok {
			c.errs.Add(h.At, "holiday %s is listed twice in calendar %q %s", h.Text, d.Name.Name, prevAt(prev, h.At))
			continue
		}
		days[h.Text] = h.At
	}
}

// weekdayName returns the day of the week s names (in any case), or "".
func weekdayName(s string) string {
	for _, w := range weekdayNames {
		if strings.EqualFold(w, s) {
			return w
		}
	}
	return ""
}

// businessDue checks the business days and the business-day rule of a
// due date: a count from 1 to 10,000 and a calendar that exists.
func (c *checker) businessDue(v *view, d *Due) {
	if b := d.Business; b != nil {
		if b.Count != nil {
			n, err := strconv.ParseInt(b.Count.Text, 10, 64)
			if err != nil || n < 1 || n > maxBusinessDays {
				c.errs.Add(b.Count.At, "a due date is 1 to %d business days away, not %s", maxBusinessDays, b.Count.Text)
			}
		}
		c.calendarRef(v, b.At, b.Calendar)
	}
	if a := d.Adjust; a != nil {
		c.calendarRef(v, a.At, a.Calendar)
	}
}

// calendarRef checks the calendar a business-day construct names, or, when
// it names none, that the agreement declares exactly one.
func (c *checker) calendarRef(v *view, at Pos, name *Ident) {
	cals := v.fam.info.Calendars
	if name != nil {
		if cals[name.Name] == nil {
			names := make([]string, 0, len(cals))
			for n := range cals {
				names = append(names, n)
			}
			sort.Strings(names)
			c.errs.AddHint(name.At, hintOr(didYouMean(name.Name, names), "declare it: calendar "+name.Name+" { weekends Saturday, Sunday  holidays … }"),
				"unknown calendar %q", name.Name)
		}
		return
	}
	switch len(cals) {
	case 0:
		c.errs.AddHint(at, "declare one: calendar NAME { weekends Saturday, Sunday  holidays … }",
			"business days need a calendar, and the agreement declares none")
	case 1:
	default:
		names := make([]string, 0, len(cals))
		for n := range cals {
			names = append(names, n)
		}
		sort.Strings(names)
		c.errs.AddHint(at, "write `in "+names[0]+"` (or another)",
			"which calendar? the agreement declares %s", strings.Join(names, ", "))
	}
}
