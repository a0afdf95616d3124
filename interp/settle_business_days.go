package interp

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// compileCalendars makes the business-day calendars an agreement declares
// (SPEC 11.6); the checker has vouched for their names, days and dates.
// A calendar's holidays file is read here (holidays_file.go).
func (p *Program) compileCalendars(ai *lang.AgreementInfo) (map[string]*types.BusinessCalendar, error) {
	if len(ai.Calendars) == 0 {
		return nil, nil
	}
	out := make(map[string]*types.BusinessCalendar, len(ai.Calendars))
	for name, d := range ai.Calendars {
		weekend := []types.Weekday{types.Saturday, types.Sunday}
		if d.Weekends != nil || d.NoWeekends {
			weekend = weekend[:0]
		}
		for _, w := range d.Weekends {
			wd, ok := types.ParseWeekday(w.Name)
			if !ok {
				return nil, &EvalError{Pos: w.At, Msg: fmt.Sprintf("unknown day of the week %q", w.Name)}
			}
			weekend = append(weekend, wd)
		}
		var holidays []types.Date
		for _, h := range d.Holidays {
			day, err := types.ParseDate(h.Text)
			if err != nil {
				return nil, atPos(h.At, err)
			}
			holidays = append(holidays, day)
		}
		if d.From != nil {
			more, err := p.holidaysFile(d)
			if err != nil {
				return nil, err
			}
			holidays = append(holidays, more...)
		}
		c, err := types.NewBusinessCalendar(name, weekend, holidays)
		if err != nil {
			return nil, atPos(d.At, err)
		}
		out[name] = c
	}
	return out, nil
}

// dueBiz is the business-day part of a due date: N business days instead
// of a duration, and the rule that moves a due date off a day that is not
// a business day.
type dueBiz struct {
	days int // > 0: the due date is this many business days after
	cal  *types.BusinessCalendar
	roll types.Roll
}

// bizOf compiles the business days and the business-day rule of a `due`;
// nil when it has neither.
func (c *compiler) bizOf(d *lang.Due) (*dueBiz, error) {
	if d == nil || d.Business == nil && d.Adjust == nil {
		return nil, nil
	}
	b := &dueBiz{}
	pick := func(name *lang.Ident, at lang.Pos) (*types.BusinessCalendar, error) {
		if name != nil {
			if cal := c.calendars[name.Name]; cal != nil {
				return cal, nil
			}
			return nil, &EvalError{Pos: name.At, Msg: fmt.Sprintf("unknown calendar %q", name.Name)}
		}
		if len(c.calendars) == 1 {
			for _, cal := range c.calendars {
				return cal, nil
			}
		}
		names := make([]string, 0, len(c.calendars))
		for n := range c.calendars {
			names = append(names, n)
		}
		sort.Strings(names)
		return nil, &EvalError{Pos: at, Msg: fmt.Sprintf("which calendar? the agreement declares %d (%v)", len(names), names)}
	}
	var err error
	if bd := d.Business; bd != nil {
		n, perr := strconv.Atoi(bd.Count.Text)
		if perr != nil || n < 1 {
			return nil, &EvalError{Pos: bd.At, Msg: "invalid number of business days " + bd.Count.Text}
		}
		b.days = n
		if b.cal, err = pick(bd.Calendar, bd.At); err != nil {
			return nil, err
		}
	}
	if a := d.Adjust; a != nil {
		r, ok := types.ParseRoll(a.Rule)
		if !ok {
			return nil, &EvalError{Pos: a.At, Msg: "unknown business-day rule " + a.Rule}
		}
		b.roll = r
		cal, err := pick(a.Calendar, a.At)
		if err != nil {
			return nil, err
		}
		if b.cal == nil {
			b.cal = cal
		} else if cal != b.cal {
			return nil, &EvalError{Pos: a.At, Msg: fmt.Sprintf("the business days are counted in %s, the rule applied in %s: use one calendar", b.cal.Name(), cal.Name())}
		}
	}
	return b, nil
}

// dueOn is the due date of a line accrued (or a period ended) on from:
// from + d when has, or N business days after from; then moved by the
// business-day rule, if any. anchor says in words what from is ("the
// payment date", "the last day of 2027-Q1").
//
// rule says in words which rule made the due date (SPEC 6.1, 11.6), for
// Line.DueRule: "due 30 days after 2027-04-15 (the installment date):
// 2027-05-15", "due on 2027-03-31 (the last day of 2027-Q1)", "due 45
// days after 2027-03-31 (the last day of 2027-Q1): 2027-05-15 is a
// Saturday, moved to Monday 2027-05-17 by the following-business-day rule
// (calendar us)". note is rule when a business-day construct played a
// part (the statement note of SPEC 11.6), else "".
func dueOn(c *result.ClauseInfo, pos lang.Pos, from types.Date, anchor string, d types.Duration, has bool, biz *dueBiz) (due types.Date, rule, note string, err error) {
	due = from
	what := "on " + from.String()
	if anchor != "" {
		what += " (" + anchor + ")"
	}
	switch {
	case biz != nil && biz.days > 0:
		if due, err = biz.cal.AddBusinessDays(from, biz.days); err != nil {
			return types.Date{}, "", "", &clauseError{clause: c, named: true, err: &EvalError{Pos: pos, Err: errPastCalendar,
				Msg: fmt.Sprintf("clause %s: the due date, %d business days after %s, is after %s", c.Num, biz.days, from, types.MaxDate())}}
		}
		what = fmt.Sprintf("%d business days after %s", biz.days, from)
		if anchor != "" {
			what += " (" + anchor + ")"
		}
	case has:
		if due, err = dueAfter(c, pos, from, d); err != nil {
			return types.Date{}, "", "", err
		}
		what = fmt.Sprintf("%s after %s", d, from)
		if anchor != "" {
			what += " (" + anchor + ")"
		}
	}
	if biz == nil {
		if !has {
			return due, "due " + what, "", nil
		}
		return due, fmt.Sprintf("due %s: %s", what, due), "", nil
	}
	moved, why, aerr := biz.cal.Adjust(due, biz.roll)
	if aerr != nil {
		return types.Date{}, "", "", &clauseError{clause: c, named: true, err: &EvalError{Pos: pos, Err: errPastCalendar,
			Msg: fmt.Sprintf("clause %s: the due date %s cannot be moved to a business day within the calendar", c.Num, due)}}
	}
	if moved == due {
		if biz.days > 0 {
			rule = fmt.Sprintf("due %s, calendar %s: %s %s", what, biz.cal.Name(), due.Weekday(), due)
			return due, rule, rule, nil
		}
		rule = fmt.Sprintf("due %s: %s %s, a business day (calendar %s)", what, due.Weekday(), due, biz.cal.Name())
		if !has {
			rule = fmt.Sprintf("due %s, a business day (calendar %s)", what, biz.cal.Name())
		}
		return due, rule, "", nil
	}
	rule = fmt.Sprintf("due %s: %s, moved to %s %s by the %s-business-day rule (calendar %s)",
		what, why, moved.Weekday(), moved, hyphenRule(biz.roll), biz.cal.Name())
	return moved, rule, rule, nil
}

// hyphenRule writes a convention as an adjective: "modified-following".
func hyphenRule(r types.Roll) string {
	s := []byte(r.String())
	for i, b := range s {
		if b == ' ' {
			s[i] = '-'
		}
	}
	return string(s)
}

// duePos is where a clause's `due` is written, or the clause's own
// position when it has none (the position of an error about its due
// date).
func duePos(d *lang.Due, at lang.Pos) lang.Pos {
	if d != nil {
		return d.At
	}
	return at
}
