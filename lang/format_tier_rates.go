package lang

// tierBand prints a tier whose rate depends on the sale (SPEC 7.3.1):
// `up to AMOUNT: RATE where COND, RATE otherwise`, `above: N points less`.
func (p *fmtPrinter) tierBand(t *Tier) {
	if t.UpTo != nil {
		p.str("up to ")
		p.expr(t.UpTo, fmtCtx{open: true})
		p.str(": ")
	} else {
		p.str("above: ")
	}
	for i, r := range t.Rates {
		if r == nil {
			continue
		}
		if i > 0 {
			p.str(", ")
		}
		p.at(r.At)
		p.expr(r.Value, fmtCtx{open: true})
		if r.Points {
			if r.Less {
				p.str(" points less")
			} else {
				p.str(" points more")
			}
		}
		if r.Where != nil {
			p.str(" where ")
			p.expr(r.Where, fmtCtx{open: true})
		} else if r.Otherwise {
			p.str(" otherwise")
		}
	}
}
