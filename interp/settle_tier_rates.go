package interp

import (
	"fmt"
	"strings"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file settles marginal tiers whose rates depend on the sale (SPEC
// 7.3.1): one threshold window over every sale the line counts, each
// sale's part within a tier charged at that sale's rate for the tier.

// saleTiers is a marginal tier schedule with a rate per tier and sale.
type saleTiers struct {
	bounds []types.Decimal // thresholds, as for formula.TierSchedule
	tiers  [][]saleRate    // per tier, its rates in the order written
	labels []string        // per tier: "up to USD 100.00", "above USD 100.00"
}

// saleRate is one rate of a tier: a percent, or points relative to the
// tier before, for the sales that meet where (nil: every sale).
type saleRate struct {
	value  node
	where  node
	points int // 0: a percent; -1: points less; +1: points more
	at     lang.Pos
}

// maxRateParts bounds the rate column of an event-rated line: past it
// the line says how many rates were used, not each.
const maxRateParts = 12

// rateParts is what an event-rated line charged in a period, per tier
// and rate, for its statement's rate column.
type rateParts struct {
	parts    []ratePart
	overflow bool
	// windows: the volume before and after, per threshold window the
	// period touched, for the notes.
	wins []volSpan
	buf  []types.Decimal // the rates of the sale being charged, reused
}

type ratePart struct {
	tier   int
	rate   types.Decimal
	volume types.Decimal
}

type volSpan struct {
	from, to types.Decimal
	win      types.Period // the threshold window; zero when cumulative
}

func (p *rateParts) add(tier int, rate, volume types.Decimal) error {
	for i := range p.parts {
		if q := &p.parts[i]; q.tier == tier && q.rate.Equal(rate) {
			v, err := q.volume.Add(volume)
			q.volume = v
			return err
		}
	}
	if len(p.parts) >= maxRateParts {
		p.overflow = true
		return nil
	}
	p.parts = append(p.parts, ratePart{tier: tier, rate: rate, volume: volume})
	return nil
}

// compileSaleTiers compiles tiers whose rates may use the sale.
func (c *compiler) compileSaleTiers(a *agreement, rt *lang.Tiers) (*saleTiers, error) {
	st := &saleTiers{}
	for _, t := range rt.Tiers {
		var rs []saleRate
		if t.Rates == nil {
			n, err := c.expr(t.Rate)
			if err != nil {
				return nil, err
			}
			rs = append(rs, saleRate{value: n, at: t.Rate.Pos()})
		}
		for _, r := range t.Rates {
			sr := saleRate{at: r.At}
			var err error
			if sr.value, err = c.expr(r.Value); err != nil {
				return nil, err
			}
			if r.Where != nil {
				if sr.where, err = c.expr(r.Where); err != nil {
					return nil, err
				}
			}
			if r.Points {
				sr.points = 1
				if r.Less {
					sr.points = -1
				}
			}
			rs = append(rs, sr)
		}
		st.tiers = append(st.tiers, rs)
		if t.UpTo != nil {
			b, err := c.constMoney(t.UpTo)
			if err != nil {
				return nil, err
			}
			if b.Sign() <= 0 || len(st.bounds) > 0 && b.Cmp(st.bounds[len(st.bounds)-1]) <= 0 {
				return nil, atPos(t.UpTo.Pos(), fmt.Errorf("tier thresholds must be positive and increase: %s", types.MoneyValue(a.currency, *b)))
			}
			st.bounds = append(st.bounds, *b)
		}
	}
	if len(st.tiers) != len(st.bounds)+1 || rt.Tiers[len(rt.Tiers)-1].UpTo != nil {
		return nil, atPos(rt.Pos(), fmt.Errorf("the last tier must be `above`, and only the last"))
	}
	for i := range st.tiers {
		if i < len(st.bounds) {
			st.labels = append(st.labels, "up to "+types.MoneyValue(a.currency, st.bounds[i]).String())
		} else if i > 0 {
			st.labels = append(st.labels, "above "+types.MoneyValue(a.currency, st.bounds[i-1]).String())
		} else {
			st.labels = append(st.labels, "all")
		}
	}
	return st, nil
}

// rates works out the sale's rate for each tier into out (reused).
func (t *saleTiers) rates(fr *frame, out []types.Decimal, clause *result.ClauseInfo) ([]types.Decimal, error) {
	out = out[:0]
	for i, rs := range t.tiers {
		var r *saleRate
		for k := range rs {
			if rs[k].where == nil {
				r = &rs[k]
				break
			}
			ok, err := evalBool(rs[k].where, fr)
			if err != nil {
				return nil, err
			}
			if ok {
				r = &rs[k]
				break
			}
		}
		if r == nil {
			// The checker requires a last rate without a condition.
			return nil, clauseFault(clause, rs[len(rs)-1].at, "no rate of tier %d applies to this sale", i+1)
		}
		v, err := evalNum(r.value, fr)
		if err != nil {
			return nil, err
		}
		if r.points != 0 {
			// N points are N hundredths, from the tier before's rate for
			// the same sale.
			pts, err := v.MulPow10(-2)
			if err != nil {
				return nil, err
			}
			if r.points < 0 {
				pts = pts.Neg()
			}
			if v, err = out[i-1].Add(pts); err != nil {
				return nil, err
			}
		}
		if v.Sign() < 0 {
			return nil, clauseFault(clause, r.at, "the rate of tier %d for this sale is %s: a tier's rate cannot be negative", i+1, formatPercent(v))
		}
		out = append(out, v)
	}
	return out, nil
}

// charge is the amount of a sale of base b that takes the window's
// volume from v: each part of [v, v+b] within a tier at the sale's rate
// for that tier; below zero at the first tier's rate (SPEC 7.3, 7.3.1).
func (t *saleTiers) charge(rates []types.Decimal, v, b types.Decimal, parts *rateParts) (types.Decimal, error) {
	after, err := v.Add(b)
	if err != nil {
		return types.Decimal{}, err
	}
	var total types.Decimal
	for k := range rates {
		lo, hi := v, after
		if k > 0 {
			lo, hi = lo.Max(t.bounds[k-1]), hi.Max(t.bounds[k-1])
		}
		if k < len(t.bounds) {
			lo, hi = lo.Min(t.bounds[k]), hi.Min(t.bounds[k])
		}
		part, err := hi.Sub(lo)
		if err != nil {
			return types.Decimal{}, err
		}
		if part.IsZero() {
			continue
		}
		a, err := rates[k].Mul(part)
		if err != nil {
			return types.Decimal{}, err
		}
		if total, err = total.Add(a); err != nil {
			return types.Decimal{}, err
		}
		if err := parts.add(k, rates[k], part); err != nil {
			return types.Decimal{}, err
		}
	}
	return total, nil
}

// text is the rate column of an event-rated line: each tier with the
// rates it charged and the volume at each, `up to USD 100.00: 25% of USD
// 60.00, 20% of USD 40.00; above USD 100.00: 15% of USD 10.00`.
func (p *rateParts) text(t *saleTiers, currency string) string {
	if len(p.parts) == 0 {
		return "marginal tiers, rates by sale"
	}
	var b strings.Builder
	for k := range t.labels {
		first := true
		for _, q := range p.parts {
			if q.tier != k {
				continue
			}
			if first {
				if b.Len() > 0 {
					b.WriteString("; ")
				}
				b.WriteString(t.labels[k])
				b.WriteString(": ")
				first = false
			} else {
				b.WriteString(", ")
			}
			b.WriteString(formatPercent(q.rate))
			b.WriteString(" of ")
			b.WriteString(types.MoneyValue(currency, q.volume).String())
		}
	}
	if p.overflow {
		b.WriteString("; and other rates")
	}
	return b.String()
}

// reset empties p for the next period, keeping its storage.
func (p *rateParts) reset() *rateParts {
	if p == nil {
		return nil
	}
	p.parts, p.wins, p.overflow = p.parts[:0], p.wins[:0], false
	return p
}

// saleTiered charges one sale of base on sale-rated line li: in the
// threshold window of its date, from the window's volume so far, in
// ledger order (SPEC 7.3.1).
func (s *settler) saleTiered(st *shareState, li int, l *shareLine, date types.Date, base types.Decimal) error {
	acc := &st.lines[li]
	changed, err := st.tierWin[li].Enter(date)
	if err != nil {
		return err
	}
	if acc.parts == nil {
		acc.parts = &rateParts{}
	}
	p := acc.parts
	if changed {
		st.volume[li] = types.Decimal{}
	}
	if changed || len(p.wins) == 0 {
		p.wins = append(p.wins, volSpan{from: st.volume[li], to: st.volume[li], win: st.tierWin[li].Current})
	}
	if p.buf, err = l.sale.rates(s.fr, p.buf, st.rule.clause); err != nil {
		return err
	}
	amt, err := l.sale.charge(p.buf, st.volume[li], base, p)
	if err != nil {
		return err
	}
	if acc.amount, err = acc.amount.Add(amt); err != nil {
		return err
	}
	if st.volume[li], err = st.volume[li].Add(base); err != nil {
		return err
	}
	p.wins[len(p.wins)-1].to = st.volume[li]
	return nil
}
