package lang

import "strings"

// This file prints splits (SPEC 8.4): by percentages, equally, pro rata,
// and named splits declared by a clause.

// splitDecl prints `split NAME ...`.
func (p *fmtPrinter) splitDecl(d *SplitDecl, ind int) {
	p.str("split ")
	p.ident(d.Name)
	if d.Split != nil {
		p.splitForm(d.Split, ind)
	}
}

// split prints `split ...` as a payee or a waterfall step.
func (p *fmtPrinter) split(s *Split, ind int) {
	p.at(s.At)
	p.str("split")
	p.splitForm(s, ind)
}

// splitForm prints what follows `split` (and a named split's name):
// `equally among a, b` on one line, or a block with one share per line
// and shares aligned in a column.
func (p *fmtPrinter) splitForm(s *Split, ind int) {
	if s.Kind == SplitEqual {
		p.str(" equally among ")
		for i, sh := range s.Shares {
			if sh == nil {
				continue
			}
			if i > 0 {
				p.str(", ")
			}
			p.at(sh.At)
			p.ident(sh.Party)
		}
		if s.RemainderTo != nil {
			p.str(" ")
			p.remainder(s)
		}
		return
	}
	if s.Kind == SplitProRata {
		p.str(" pro rata")
	}
	b := p.open(s.At, ind+1, false)
	width := 0
	for _, sh := range s.Shares {
		if sh != nil {
			width = max(width, len(fmtName(sh.Party)))
		}
	}
	for _, sh := range s.Shares {
		if sh == nil {
			continue
		}
		p.line(ind + 1)
		p.at(sh.At)
		p.ident(sh.Party)
		p.str(strings.Repeat(" ", width-len(fmtName(sh.Party))+1))
		if sh.Share != nil {
			p.expr(sh.Share, fmtCtx{open: true})
		}
		if s.Kind == SplitProRata {
			p.str(" shares")
		}
	}
	if s.RemainderTo != nil {
		p.line(ind + 1)
		p.remainder(s)
	}
	p.close(b, s.End, ind)
}

// remainder prints `[rounded down, ]remainder to PARTY`.
func (p *fmtPrinter) remainder(s *Split) {
	if s.RoundedDown {
		p.str("rounded down, ")
	}
	p.str("remainder to ")
	p.ident(s.RemainderTo)
}
