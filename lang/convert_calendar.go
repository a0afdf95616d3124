package lang

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// delay converts the delay constructs of a late charge (SPEC 6.6):
// `started`/`whole`, `counted daily (BASIS)` and `from the ... due date`.
func (c *treeBuilder) delay(l *Late, g *gLate) {
	if g.Periods != nil {
		l.Periods = &DelayCount{At: tokPos(g.Periods.Pos), Whole: g.Periods.Word == "whole"}
	}
	if b := g.Basis; b != nil {
		basis := strings.ToLower(b.Left.Value) + "/" + strings.ToLower(b.Right.Value)
		if !hasString(DayBases, basis) {
			c.errs.AddHint(tokPos(b.Left.Pos), "use actual/365, actual/360, 30/360 or actual/actual",
				"unknown day count %q", b.Left.Value+"/"+b.Right.Value)
		}
		l.Basis = &DayBasis{At: tokPos(b.Pos), Basis: basis}
	}
	if g.From != nil {
		l.From = &DelayFrom{At: tokPos(g.From.Pos), DayAfter: g.From.DayAfter}
	}
}

// calendar converts a business-day calendar.
func (c *treeBuilder) calendar(g *gCalendar) *CalendarDecl {
	d := &CalendarDecl{At: tokPos(g.Pos), Name: identTok(&g.Name), Block: g.Open != nil}
	switch {
	case g.Close != nil:
		d.End = tokPos(g.Close.Pos)
	case g.From != nil:
		d.End = tokPos(g.From.Pos)
	default:
		d.End = d.Name.At
	}
	if g.From != nil {
		d.From = stringTok(g.From)
		if d.From.Value == "" {
			c.errs.Add(d.From.At, "calendar %q names no file: write the path of its holidays file, such as \"holidays/uk.txt\"", d.Name.Name)
		}
	}
	if g.From == nil && g.Open == nil {
		c.errs.AddHint(d.Name.At, "declare it with a block, `calendar uk { holidays 2027-12-25 }`, or load its holidays from a file, `calendar uk from \"holidays/uk.txt\"`",
			"calendar %q has neither a block nor a file", d.Name.Name)
	}
	for _, e := range g.Entries {
		switch {
		case e.Weekends != nil:
			if d.Weekends != nil || d.NoWeekends {
				c.errs.Add(tokPos(e.Pos), "`weekends` is given twice in calendar %q", d.Name.Name)
				continue
			}
			if len(e.Weekends) == 1 && e.Weekends[0].Name == "none" {
				d.NoWeekends = true
				continue
			}
			for _, w := range e.Weekends {
				d.Weekends = append(d.Weekends, &Ident{At: tokPos(w.Pos), Name: w.Name})
			}
		default:
			for _, h := range e.Holidays {
				d.Holidays = append(d.Holidays, &DateLit{At: tokPos(h.Pos), Text: h.Text})
			}
		}
	}
	return d
}

func (c *treeBuilder) businessDays(g *gBusinessDays) *BusinessDays {
	b := &BusinessDays{At: tokPos(g.Pos), Count: &IntLit{At: tokPos(g.Count.Pos), Text: g.Count.Value}}
	if g.Calendar != nil {
		b.Calendar = identTok(g.Calendar)
	}
	return b
}

// adjust attaches `adjusted to the ... business day` to the clause's due
// date, making a Due of its own when the clause has no `due` (yet).
func (c *treeBuilder) adjust(at Pos, g *gAdjust, due **Due) {
	a := &DueAdjust{At: at, Rule: g.Rule}
	if g.Modified {
		a.Rule = "modified " + g.Rule
	}
	if g.Calendar != nil {
		a.Calendar = identTok(g.Calendar)
	}
	switch d := *due; {
	case d == nil:
		*due = &Due{At: at, Adjust: a}
	case d.Adjust != nil:
		c.errs.Add(at, "%q is given twice in this clause", "adjusted to")
	default:
		d.Adjust = a
	}
}

// timeZone converts `time zone NAME`, joining the tokens of the name; a
// space inside the name is an error.
func (c *treeBuilder) timeZone(g *gTimeZone) *TimeZoneDecl {
	d := &TimeZoneDecl{At: tokPos(g.Pos)}
	toks := []lexer.Token{g.First}
	for _, p := range g.Rest {
		toks = append(toks, p.Sep, p.Word)
	}
	var b strings.Builder
	spaced := false
	for i, t := range toks {
		if prev := toks[max(i-1, 0)]; i > 0 && !spaced && prev.Pos.Offset+len(prev.Value) != t.Pos.Offset {
			c.errs.Add(tokPos(t.Pos), "write the time zone's name without spaces, as in Europe/Paris or UTC+01:00")
			spaced = true
		}
		b.WriteString(t.Value)
	}
	d.Name = &Ident{At: tokPos(g.First.Pos), Name: b.String()}
	return d
}
