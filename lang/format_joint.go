package lang

import "sort"

// joint prints `clauses 5.1, 5.2 and 5.3 together at most X over the
// term`, a second limit and more each on a line of its own.
func (p *fmtPrinter) joint(b *JointLimit, ind int) {
	p.at(b.At)
	p.str("clauses ")
	for i, c := range b.Clauses {
		if c == nil {
			continue
		}
		switch {
		case i == 0:
		case i == len(b.Clauses)-1:
			p.str(" and ")
		default:
			p.str(", ")
		}
		p.at(c.At)
		p.str(c.Num)
	}
	p.str(" together")
	// The limits, `due`, `adjusted to` and late charges in source order:
	// the first on the clause's line, each other on a line of its own.
	var ms []fmtMod
	for _, l := range b.Limits {
		if l != nil {
			ms = append(ms, fmtMod{l.At, func() { p.limit(l) }})
		}
	}
	if b.Due != nil {
		ms = append(ms, fmtMod{b.Due.At, func() { p.due(b.Due, b) }})
	}
	for _, l := range b.Late {
		if l != nil {
			ms = append(ms, fmtMod{l.At, func() { p.late(l) }})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return fmtPosLess(ms[i].at, ms[j].at) })
	for i, m := range ms {
		if i == 0 {
			p.str(" ")
		} else {
			p.line(ind + 1)
		}
		m.print()
	}
}

// limit prints one cap or floor: `at most|at least AMOUNT per UNIT` or
// `… over the term`, for a share (7.4) and across clauses (7.4.1) alike.
func (p *fmtPrinter) limit(l *Limit) {
	p.at(l.At)
	if l.Floor {
		p.str("at least ")
	} else {
		p.str("at most ")
	}
	p.expr(l.Amount, fmtCtx{open: true})
	if l.Per != nil {
		p.str(" per ")
		p.periodUnit(l.Per, false)
	} else {
		p.str(" over the term")
	}
}
