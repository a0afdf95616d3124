package lang

// delayCount prints `started ` or `whole ` before a late charge's unit.
func (p *fmtPrinter) delayCount(n *DelayCount) {
	if n == nil {
		return
	}
	p.at(n.At)
	if n.Whole {
		p.str("whole ")
	} else {
		p.str("started ")
	}
}

// delayTail prints a late charge's day count and first day of delay.
func (p *fmtPrinter) delayTail(l *Late) {
	if l.Basis != nil {
		p.at(l.Basis.At)
		p.str(" counted daily (" + l.Basis.Basis + ")")
	}
	if l.From != nil {
		p.at(l.From.At)
		if l.From.DayAfter {
			p.str(" from the day after the due date")
		} else {
			p.str(" from the due date")
		}
	}
}

// calendarDecl prints a business-day calendar, five holidays a line.
func (p *fmtPrinter) calendarDecl(d *CalendarDecl, ind int) {
	p.str("calendar ")
	p.ident(d.Name)
	if d.From != nil {
		p.str(" from ")
		p.stringLit(d.From)
		if !d.Block {
			return
		}
	}
	b := p.open(d.At, ind+1, false)
	switch {
	case d.NoWeekends:
		p.line(ind + 1)
		p.str("weekends none")
	case d.Weekends != nil:
		p.line(ind + 1)
		p.str("weekends ")
		for i, w := range d.Weekends {
			if i > 0 {
				p.str(", ")
			}
			p.ident(w)
		}
	}
	for i, h := range d.Holidays {
		if i%5 == 0 {
			p.line(ind + 1)
			p.str("holidays ")
		} else {
			p.str(", ")
		}
		p.date(h)
	}
	p.close(b, d.End, ind)
}

func (p *fmtPrinter) businessDays(b *BusinessDays) {
	p.at(b.At)
	if b.Count != nil {
		p.expr(b.Count, fmtCtx{open: true})
	}
	p.str(" business days")
	if b.Calendar != nil {
		p.str(" in ")
		p.ident(b.Calendar)
	}
}

func (p *fmtPrinter) adjust(a *DueAdjust) {
	if a == nil {
		return
	}
	p.at(a.At)
	p.str("adjusted to the " + a.Rule + " business day")
	if a.Calendar != nil {
		p.str(" in ")
		p.ident(a.Calendar)
	}
}
