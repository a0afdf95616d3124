package interp

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/internal/formula"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file compiles and pays splits (SPEC 8.4): by percentages, equally,
// pro rata to numbers of shares, and named splits declared by a clause
// (8.4.1). Every split's parts add up to the amount exactly (Allocate).

// namedSplits returns the named splits in force in v, by name: for a name
// declared twice (a check error), the first.
func namedSplits(v *version) map[string]*result.ClauseInfo {
	var out map[string]*result.ClauseInfo
	for _, ci := range v.clauses {
		d, ok := ci.Decl.Body.(*lang.SplitDecl)
		if !ok || d.Name == nil || d.Split == nil {
			continue
		}
		if out == nil {
			out = make(map[string]*result.ClauseInfo)
		}
		if out[d.Name.Name] == nil {
			out[d.Name.Name] = ci
		}
	}
	return out
}

// namedSplit compiles the split declared by clause named, for a payment
// of clause ci: runtime errors name the paying clause and the split's
// position.
func (c *compiler) namedSplit(ci *result.ClauseInfo, named *result.ClauseInfo) (*payeeRule, error) {
	d := named.Decl.Body.(*lang.SplitDecl)
	r, err := c.payee(ci, d.Split)
	if err != nil {
		return nil, err
	}
	r.named = named
	return r, nil
}

// weightSplit compiles `split equally among ...` and
// `split pro rata { ... }`: each party's weight is 1, or its number of
// shares, which must be more than zero.
func (c *compiler) weightSplit(ci *result.ClauseInfo, p *lang.Split) (*payeeRule, error) {
	r := &payeeRule{remainderTo: -1, kind: p.Kind}
	for i, s := range p.Shares {
		w := types.DecimalFromInt(1)
		byRow, err := c.rowSplit(r, i, s)
		if err != nil {
			return nil, err
		}
		if byRow {
			w = types.Decimal{} // known for each instance (SPEC 8.4.2)
		} else if s.Share != nil {
			v, err := c.constant(s.Share)
			if err != nil {
				return nil, err
			}
			w = v.Num()
			if w.Sign() <= 0 && r.err == nil {
				// SPEC 8.4: every number of shares is more than zero.
				r.err = clauseFault(ci, s.Share.Pos(), "%s has %s shares in the split; a number of shares must be more than zero",
					s.Party.Name, w)
			}
		}
		for _, q := range r.split {
			if q == s.Party.Name && r.err == nil {
				r.err = clauseFault(ci, s.Party.Pos(), "%q appears twice in the split", q)
			}
		}
		r.split = append(r.split, s.Party.Name)
		r.shares = append(r.shares, w)
		if r.weight, err = r.weight.Add(w); err != nil {
			return nil, atPos(p.Pos(), err)
		}
		if p.RemainderTo != nil && p.RemainderTo.Name == s.Party.Name {
			r.remainderTo = i
		}
	}
	if p.RemainderTo != nil && r.remainderTo < 0 && r.err == nil {
		r.err = clauseFault(ci, p.RemainderTo.Pos(), "%q is not a party of the split; the remainder goes to one of its parties", p.RemainderTo.Name)
	}
	return r, nil
}

// split pays amount to the parts of a split: one line per part, each
// with a note saying what share of what amount it is, and, for an equal
// or pro rata split, which part took the units left over by rounding
// down and by which rule. A named split's lines also name its clause.
func (s *settler) split(line *result.Line, amount types.Value, payee *payeeRule, late []*lateRule) error {
	parts, err := formula.Split(amount.Num(), payee.shares, s.ag.unit, s.ag.rounding, payee.remainderTo)
	if err != nil {
		return err
	}
	for i, party := range payee.split {
		l := s.copyLine(line)
		notes := append([]string(nil), line.Notes...)
		switch payee.kind {
		case lang.SplitEqual:
			notes = append(notes, fmt.Sprintf("equal share, 1 of %d, of %s", len(payee.split), amount))
		case lang.SplitProRata:
			notes = append(notes, fmt.Sprintf("%s of %s shares of %s", formatAmount(payee.shares[i], 0), formatAmount(payee.weight, 0), amount))
		default:
			notes = append(notes, fmt.Sprintf("%s share of %s", formatPercent(payee.shares[i]), amount))
		}
		if n, ok := s.leftover(amount.Num(), parts[i], payee.shares[i], payee.weight); ok {
			notes = append(notes, fmt.Sprintf("%s left over by rounding down, %s", types.MoneyValue(amount.Str(), n), payee.rule()))
		}
		if payee.named != nil {
			notes = append(notes, fmt.Sprintf("split %s of clause %s", payee.named.Decl.Body.(*lang.SplitDecl).Name.Name, payee.named))
		}
		l.Notes = notes
		l.Payee, l.Amount = party, types.MoneyValue(amount.Str(), parts[i])
		s.emit(l, late)
	}
	return nil
}

// rule names the split's remainder rule, for statement notes.
func (r *payeeRule) rule() string {
	if r.remainderTo < 0 {
		return "to the largest remainder (ties to the party written first)"
	}
	return "remainder to " + r.split[r.remainderTo]
}

// leftover is how much more than its exact share rounded down a part got
// (the units left over by rounding), and whether it got any. The exact
// share amount × w / W is rounded down to the unit.
func (s *settler) leftover(amount, part, w, total types.Decimal) (types.Decimal, bool) {
	x, err := amount.Abs().Mul(w)
	if err != nil {
		return types.Decimal{}, false
	}
	if x, err = x.Quo(total); err != nil {
		return types.Decimal{}, false
	}
	if x, err = x.Round(s.ag.unit, types.Down); err != nil {
		return types.Decimal{}, false
	}
	d, err := part.Abs().Sub(x)
	if err != nil || d.Sign() <= 0 {
		return types.Decimal{}, false
	}
	return d, true
}

// splitsCovered marks as exercised by the tests (SPEC 10.3) the named
// splits of version v that an exercised clause of v pays through.
func splitsCovered(v *version, covered map[*lang.ClauseDecl]bool) {
	if v.comp == nil || len(v.comp.splits) == 0 {
		return
	}
	mark := func(id *lang.Ident) {
		if id != nil {
			if named := v.comp.splits[id.Name]; named != nil {
				covered[named.Decl] = true
			}
		}
	}
	for _, c := range v.clauses {
		if !covered[c.Decl] {
			continue
		}
		var payee lang.Payee
		switch b := c.Decl.Body.(type) {
		case *lang.Payment:
			payee = b.Payee
		case *lang.Installments:
			payee = b.Payee
		case *lang.Milestone:
			payee = b.Payee
		case *lang.Share:
			payee = b.Payee
		}
		switch p := payee.(type) {
		case *lang.PartyPayee:
			mark(p.Party)
		case *lang.Waterfall:
			for _, st := range p.Steps {
				mark(st.Party)
			}
		}
	}
}
