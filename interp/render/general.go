package render

import (
	"strings"

	"github.com/pacta-lang/pacta/lang"
)

// general reads the header of an agreement: when it takes effect and
// ends, its currency, rounding, default verdict, fiscal and contract
// years, and business-day calendars.
func (r *reader) general(ai *lang.AgreementInfo) []generalRow {
	prose := map[string]string{}
	for _, it := range ai.Decl.Items {
		sl := lang.HeaderProse(it)
		if sl == nil {
			continue
		}
		switch it.(type) {
		case *lang.Effective, *lang.Ends:
			prose["term"] = strings.TrimSpace(prose["term"] + " " + sl.Value)
		case *lang.CurrencyDecl:
			prose["currency"] = sl.Value
		case *lang.RoundingDecl:
			prose["rounding"] = sl.Value
		case *lang.DefaultDecl:
			prose["default"] = sl.Value
		case *lang.FiscalYearDecl:
			prose["fiscal"] = sl.Value
		}
	}
	var out []generalRow
	key := ""
	say := func(s string) {
		out = append(out, generalRow{Prose: prose[key], Reading: Text{{Text: s}}})
		key = ""
	}
	key = "term"
	if ai.Ends != "" {
		say("The agreement is in force from " + ai.Effective + " to " + ai.Ends + ", both days included.")
	} else {
		say("The agreement is in force from " + ai.Effective + ".")
	}
	key = "currency"
	if ai.Currency != "" {
		say("Amounts are in " + ai.Currency + ".")
	}
	key = "rounding"
	say("Arithmetic is exact; an amount is rounded " + modeWords(ai.RoundingMode) + " to " + ai.RoundingUnit + " when it becomes a statement line.")
	key = "default"
	if ai.DefaultPermitted {
		say("An action no clause covers is permitted.")
	} else {
		say("An action no clause covers is prohibited.")
	}
	key = "fiscal"
	if ai.FiscalStart > 1 {
		say("The fiscal year starts in " + monthNames[ai.FiscalStart-1] + " and is named by the calendar year it ends in.")
	}
	for _, it := range ai.Decl.Items {
		if c, ok := it.(*lang.ContractYearDecl); ok && c.Start != nil {
			say("Contract years run for twelve months from " + c.Start.Text + " and each of its anniversaries.")
		}
	}
	names := make([]string, 0, len(ai.Calendars))
	for n := range ai.Calendars {
		names = append(names, n)
	}
	sortStrings(names)
	for _, n := range names {
		say(calendarWords(ai.Calendars[n]))
	}
	// Preconditions of actions and events (SPEC 4.7).
	for _, it := range ai.Decl.Items {
		s, ok := it.(*lang.SchemaDecl)
		if !ok || len(s.Requires) == 0 {
			continue
		}
		var t Text
		r.requires(&t, s.Requires, "Every "+words(s.Name.Name), "it cannot be judged or counted, and the question fails")
		out = append(out, generalRow{Reading: t})
	}
	return out
}

// generalRow is a rule of the agreement's header: the author's prose, if
// any, and its reading.
type generalRow struct {
	Prose   string
	Reading Text
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// modeWords reads a rounding mode: half_even is "to the nearest, half to
// even".
func modeWords(mode string) string {
	switch mode {
	case "half_even":
		return "to the nearest (a half to the even digit)"
	case "half_up":
		return "to the nearest (a half away from zero)"
	case "half_down":
		return "to the nearest (a half towards zero)"
	case "up":
		return "away from zero"
	case "down":
		return "towards zero"
	case "floor":
		return "down (towards minus infinity)"
	case "ceiling":
		return "up (towards plus infinity)"
	}
	return "(" + mode + ")"
}

// calendarWords reads a business-day calendar.
func calendarWords(c *lang.CalendarDecl) string {
	var b strings.Builder
	b.WriteString("The " + words(c.Name.Name) + " calendar: ")
	switch {
	case c.NoWeekends:
		b.WriteString("every day of the week is a business day")
	case c.Weekends == nil:
		b.WriteString("Saturdays and Sundays are not business days")
	default:
		ds := make([]string, len(c.Weekends))
		for i, d := range c.Weekends {
			ds[i] = d.Name + "s"
		}
		b.WriteString(joinWords(ds, "and") + " are not business days")
	}
	if len(c.Holidays) > 0 {
		hs := make([]string, len(c.Holidays))
		for i, h := range c.Holidays {
			hs[i] = h.Text
		}
		b.WriteString(", nor are " + joinWords(hs, "and"))
	}
	b.WriteString(".")
	return b.String()
}
