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
