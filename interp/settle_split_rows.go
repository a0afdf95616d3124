package interp

import (
	"fmt"
	"sort"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file pays pro rata splits whose numbers of shares use the
// instance a share counts (SPEC 8.4.2): `split pro rata { a units
// shares, b 10 shares }` over `of each sell`. Each instance's exact share
// is divided by its own numbers of shares; the parts are added up per
// party over the period, and the period's rounded amount is divided by
// the split's remainder rule applied to those exact parts.

// rowWeights are the numbers of shares of a split that use the
// instance, by party (nil where the party's number is the constant in
// payeeRule.shares).
type rowWeights struct {
	nodes []node
	texts []string   // each number as written
	pos   []lang.Pos // each number's position, for errors
	what  string     // the action counted: "sell"
}

// rowParts are the exact parts of one open period of a share, by party.
type rowParts struct {
	names []string
	exact []types.Decimal
	rows  int             // the instances divided
	ws    []types.Decimal // the numbers of shares of the instance being divided
	unit  partUnit        // what each part is rounded to
}

// openRows starts the parts of a period that share rule r opens: nil
// unless r's split uses the instance.
func (s *settler) openRows(r *shareRule) *rowParts {
	if r.payee == nil || r.payee.rows == nil {
		return nil
	}
	return &rowParts{unit: s.rowUnit()}
}

// splitChanged is the error of a period in which the split of share r
// changes between one by each instance's numbers of shares and one that
// is not (an amendment replacing a named split within the period): no
// rule divides such a period (SPEC 8.4.2).
func splitChanged(r *shareRule, period types.Period) error {
	return clauseFault(r.clause, r.clause.Decl.Pos(), "its split changes within %s between one by each %s's numbers of shares and one that is not; such a change must take effect at the start of a settlement period",
		period, r.action.Name())
}

// rowSplit compiles the number of shares of party i of a pro rata
// split that uses the instance (lang.UsesInstance) into r.rows, and
// reports whether it did.
func (c *compiler) rowSplit(r *payeeRule, i int, s *lang.SplitShare) (bool, error) {
	if s.Share == nil || c.event == nil || !lang.UsesInstance(c.info, s.Share) {
		return false, nil
	}
	n, err := c.expr(s.Share)
	if err != nil {
		return false, err
	}
	if r.rows == nil {
		r.rows = &rowWeights{what: c.event.Name()}
	}
	for len(r.rows.nodes) < i {
		r.rows.nodes = append(r.rows.nodes, nil)
		r.rows.texts = append(r.rows.texts, "")
		r.rows.pos = append(r.rows.pos, lang.Pos{})
	}
	r.rows.nodes = append(r.rows.nodes, n)
	r.rows.texts = append(r.rows.texts, lang.FormatExpr(s.Share))
	r.rows.pos = append(r.rows.pos, s.Share.Pos())
	return true, nil
}

// splitRow divides amt, the exact share of the instance in s.fr, among
// the parties of st's split by the instance's numbers of shares, and
// adds each part to the period's (SPEC 8.4.2).
func (s *settler) splitRow(st *shareState, amt types.Decimal) error {
	r := st.rule
	p := r.payee
	if p == nil || p.rows == nil || st.byRow == nil {
		return splitChanged(r, st.period)
	}
	acc := st.byRow
	ws := acc.ws[:0]
	var total types.Decimal
	for i := range p.split {
		w := p.shares[i]
		if i < len(p.rows.nodes) && p.rows.nodes[i] != nil {
			var err error
			if w, err = evalNum(p.rows.nodes[i], s.fr); err != nil {
				return err
			}
			if w.Sign() <= 0 {
				return clauseFault(r.clause, p.rows.pos[i], "%s has %s shares in the split for this %s (%s); a number of shares must be more than zero",
					p.split[i], formatAmount(w, 0), p.rows.what, p.rows.texts[i])
			}
		}
		ws = append(ws, w)
		var err error
		if total, err = total.Add(w); err != nil {
			return err
		}
	}
	if total.Sign() <= 0 {
		// Unreachable while every number is more than zero; said rather
		// than divided by.
		return clauseFault(r.clause, p.rows.pos[0], "the numbers of shares in the split add up to %s for this %s", formatAmount(total, 0), p.rows.what)
	}
	acc.ws = ws
	acc.rows++
	ru := acc.unit
	for i, name := range p.split {
		part, err := amt.Mul(ws[i])
		if err != nil {
			return err
		}
		// To a fixed number of decimals, so that the period's sum of
		// parts of very different sizes stays within the 60 digits of a
		// number (SPEC 8.4.2, 13).
		if part, err = quoRound(part, total, ru); err != nil {
			return err
		}
		j := acc.index(name)
		if acc.exact[j], err = acc.exact[j].Add(part); err != nil {
			return err
		}
	}
	return nil
}

// partUnit is the unit each instance's part is rounded to: 10^-k, and
// 10^k to scale by.
type partUnit struct {
	k         int
	unit, pow types.Decimal
}

// rowUnit is the unit each instance's part is rounded to: 10 decimal
// places more than the agreement's rounding unit has (0.000000000001 for
// cents).
func (s *settler) rowUnit() partUnit {
	k := s.ag.unit.Scale() + 10
	u, err := types.NewDecimal(1, k)
	if err != nil {
		k = s.ag.unit.Scale()
		u = s.ag.unit
	}
	pow, err := types.DecimalFromInt(1).MulPow10(k)
	if err != nil {
		pow = types.DecimalFromInt(1)
	}
	return partUnit{k: k, unit: u, pow: pow}
}

// quoRound is num ÷ den rounded half-even to u: in int64 arithmetic when
// den is a positive whole number and num × 10^k a whole number that fits
// (the usual case: an amount in cents times a count of shares), else as
// Quo then Round.
func quoRound(num, den types.Decimal, u partUnit) (types.Decimal, error) {
	if d, ok := den.Int64(); ok && d > 0 {
		if n, err := num.Mul(u.pow); err == nil {
			if ni, ok := n.Int64(); ok {
				q, r := ni/d, ni%d
				if r < 0 {
					r = -r
				}
				if r > d-r || r == d-r && q%2 != 0 {
					if ni < 0 {
						q--
					} else {
						q++
					}
				}
				return types.NewDecimal(q, u.k)
			}
		}
	}
	x, err := num.Quo(den)
	if err != nil {
		return types.Decimal{}, err
	}
	return x.Round(u.unit, types.HalfEven)
}

// index is the position of party name in the parts, added if new.
func (a *rowParts) index(name string) int {
	for j, n := range a.names {
		if n == name {
			return j
		}
	}
	a.names = append(a.names, name)
	a.exact = append(a.exact, types.Decimal{})
	return len(a.names) - 1
}

// payByRow pays amount, the period's rounded share of r, to the parties
// of r's payee (the split in force at the period's end) in proportion to
// the exact parts acc: each part is its exact part rounded down to the unit,
// and the units left over go by the split's remainder rule (SPEC 8.4.2).
// A negative amount is divided as its absolute value, every part
// negated.
func (s *settler) payByRow(r *shareRule, period types.Period, line *result.Line, amount types.Value, acc *rowParts) error {
	payee, late := r.payee, r.late
	if payee.err != nil {
		return payee.err
	}
	if payee.rows == nil || acc == nil {
		return splitChanged(r, period)
	}
	// The split's parties in the order written, then any party of an
	// earlier version of the split that counted instances this period.
	names := append([]string(nil), payee.split...)
	exact := make([]types.Decimal, len(names))
	for j, n := range acc.names {
		i := nameIndex(names, n)
		if i < 0 {
			names = append(names, n)
			exact = append(exact, types.Decimal{})
			i = len(names) - 1
		}
		exact[i] = acc.exact[j]
	}
	neg := amount.Num().Sign() < 0
	total := amount.Num()
	if neg {
		total = total.Neg()
		for i := range exact {
			exact[i] = exact[i].Neg()
		}
	}
	unit := s.ag.unit
	parts := make([]types.Decimal, len(names))
	lost := make([]types.Decimal, len(names))
	left := total
	for i, x := range exact {
		var err error
		if parts[i], err = x.Floor(unit); err != nil {
			return err
		}
		if lost[i], err = x.Sub(parts[i]); err != nil {
			return err
		}
		if left, err = left.Sub(parts[i]); err != nil {
			return err
		}
	}
	extra := make([]types.Decimal, len(names))
	if err := s.leftOver(left, lost, payee, names, extra); err != nil {
		return err
	}
	for i := range parts {
		var err error
		if parts[i], err = parts[i].Add(extra[i]); err != nil {
			return err
		}
	}
	for i, party := range names {
		l := s.copyLine(line)
		notes := append([]string(nil), line.Notes...)
		x, part, ex := exact[i], parts[i], extra[i]
		if neg {
			x, part, ex = x.Neg(), part.Neg(), ex.Neg()
		}
		notes = append(notes, fmt.Sprintf("pro rata by %s, over %s: exactly %s of %s",
			payee.rowText(i), plural(acc.rows, payee.rows.what), types.MoneyValue(amount.Str(), x), amount))
		if !ex.IsZero() {
			notes = append(notes, fmt.Sprintf("%s left over by rounding down, %s", types.MoneyValue(amount.Str(), ex), payee.rule()))
		}
		if payee.named != nil {
			notes = append(notes, fmt.Sprintf("split %s of clause %s", payee.named.Decl.Body.(*lang.SplitDecl).Name.Name, payee.named))
		}
		l.Notes = notes
		l.Payee, l.Amount = party, types.MoneyValue(amount.Str(), part)
		s.emit(l, late)
	}
	return nil
}

// leftOver gives the whole units left (a multiple of the unit) to the
// parts: all to the remainder party, or one each to the parts that lost
// the most in rounding down, ties to the party written first. Rounding
// the total keeps left within 0 and one unit per part; should the
// 34-digit quotients of 8.1 put it outside, the same order goes round
// again (or takes back, from the parts that lost the least).
func (s *settler) leftOver(left types.Decimal, lost []types.Decimal, payee *payeeRule, names []string, extra []types.Decimal) error {
	if left.IsZero() {
		return nil
	}
	if payee.remainderTo >= 0 {
		i := nameIndex(names, payee.split[payee.remainderTo])
		extra[i] = left
		return nil
	}
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return lost[order[a]].Cmp(lost[order[b]]) > 0 })
	step := s.ag.unit
	if left.Sign() < 0 {
		step = step.Neg()
		for i, j := 0, len(order)-1; i < j; i, j = i+1, j-1 {
			order[i], order[j] = order[j], order[i]
		}
	}
	for k := 0; !left.IsZero(); k++ {
		if k > 4*len(order)+4 {
			return fmt.Errorf("internal error: %s left over after dividing by the rows' shares", left)
		}
		i := order[k%len(order)]
		var err error
		if extra[i], err = extra[i].Add(step); err != nil {
			return err
		}
		if left, err = left.Sub(step); err != nil {
			return err
		}
	}
	return nil
}

// rowText says how party i's number of shares is reached, for notes:
// "units shares of each sell", or a constant "10 shares of each sell".
func (r *payeeRule) rowText(i int) string {
	if i < len(r.split) && i < len(r.rows.nodes) && r.rows.nodes[i] != nil {
		return fmt.Sprintf("%s shares of each %s", r.rows.texts[i], r.rows.what)
	}
	if i < len(r.shares) {
		n := formatAmount(r.shares[i], 0)
		if n == "1" {
			return "1 share of each " + r.rows.what
		}
		return fmt.Sprintf("%s shares of each %s", n, r.rows.what)
	}
	return "the split in force on each " + r.rows.what + "'s date (no longer a party of the split)"
}

func nameIndex(names []string, n string) int {
	for i, x := range names {
		if x == n {
			return i
		}
	}
	return -1
}
