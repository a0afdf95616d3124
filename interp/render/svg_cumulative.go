package render

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// curvePoint is a point of the cumulative amount owed against the base
// counted in one threshold window: both exact decimals.
type curvePoint struct{ Base, Amount types.Decimal }

// tierCurve returns the bend points of the cumulative amount owed F(v) on
// a window volume v from zero to end, for a tier schedule of rates (as
// fractions, 20% as 0.20) and increasing thresholds (one fewer than the
// rates; `up to` includes the threshold):
//
//   - marginal tiers: F is a line through each point, F(threshold) the sum
//     over the bands below it of band × rate;
//   - whole tiers: F(v) = the rate of the tier v reaches × v, which jumps
//     at each threshold; the curve has two points there, the amount at the
//     threshold and the amount just above it (the next rate × threshold).
//
// The last point is at end, which should lie beyond the last threshold.
func tierCurve(rates, bounds []types.Decimal, whole bool, end types.Decimal) ([]curvePoint, error) {
	if len(rates) == 0 || len(bounds) != len(rates)-1 {
		return nil, fmt.Errorf("%d rates need %d thresholds, not %d", len(rates), len(rates)-1, len(bounds))
	}
	pts := []curvePoint{{}}
	var acc, prev types.Decimal
	for i, b := range bounds {
		if whole {
			at, err := rates[i].Mul(b)
			if err != nil {
				return nil, err
			}
			above, err := rates[i+1].Mul(b)
			if err != nil {
				return nil, err
			}
			pts = append(pts, curvePoint{b, at}, curvePoint{b, above})
			continue
		}
		band, err := b.Sub(prev)
		if err != nil {
			return nil, err
		}
		part, err := rates[i].Mul(band)
		if err != nil {
			return nil, err
		}
		if acc, err = acc.Add(part); err != nil {
			return nil, err
		}
		pts = append(pts, curvePoint{b, acc})
		prev = b
	}
	last := rates[len(rates)-1]
	if whole {
		amt, err := last.Mul(end)
		if err != nil {
			return nil, err
		}
		return append(pts, curvePoint{end, amt}), nil
	}
	band, err := end.Sub(prev)
	if err != nil {
		return nil, err
	}
	part, err := last.Mul(band)
	if err != nil {
		return nil, err
	}
	if acc, err = acc.Add(part); err != nil {
		return nil, err
	}
	return append(pts, curvePoint{end, acc}), nil
}

// beyondLast is where the curve stops: past the last threshold by as much
// as the last band below it (the first threshold itself when there is
// one), so the top tier shows as a band of its own.
func beyondLast(bounds []types.Decimal) (types.Decimal, error) {
	last := bounds[len(bounds)-1]
	var prev types.Decimal
	if len(bounds) > 1 {
		prev = bounds[len(bounds)-2]
	}
	step, err := last.Sub(prev)
	if err != nil {
		return types.Decimal{}, err
	}
	return last.Add(step)
}

// limitLine is a horizontal line across the cumulative chart: a cap, a
// floor or a minimum guarantee, at an exact amount.
type limitLine struct {
	class, label string
	amount       types.Decimal
}

// cumulativeChart draws the cumulative amount owed against the base for
// one tiered line of a share clause: the curve through its exact bend
// points (tierCurve), each threshold marked, and the clause's caps,
// floors and minimum guarantee as labelled horizontal lines. Amounts and
// thresholds are exact decimals, evaluated as the agreement states them
// on asOf; a note says where the thresholds count from. Only pixel
// coordinates are whole numbers, cut down from the exact proportion. It
// returns "" when the tiers do not evaluate to percents and amounts of
// money in one currency.
func cumulativeChart(ctx context.Context, prog *interp.Program, agreement string, c *lang.ClauseDecl, sh *lang.Share, li int, tr *lang.Tiers, asOf types.Date) string {
	eval := func(e lang.Expr) (types.Value, bool) {
		x, err := prog.CompileParsedExpr(agreement, e)
		if err != nil {
			return types.Value{}, false
		}
		v, err := x.Eval(ctx, interp.EvalOptions{AsOf: asOf})
		return v, err == nil
	}
	if len(tr.Tiers) < 2 || tr.SaleRated() {
		return ""
	}
	rates := make([]types.Decimal, len(tr.Tiers))
	var bounds []types.Decimal
	currency := ""
	for i, t := range tr.Tiers {
		v, ok := eval(t.Rate)
		if !ok || v.Kind() != types.KindPercent || v.Num().Sign() < 0 {
			return ""
		}
		rates[i] = v.Num()
		if t.UpTo == nil {
			continue
		}
		b, ok := eval(t.UpTo)
		if !ok || b.Kind() != types.KindMoney || (currency != "" && b.Currency() != currency) {
			return ""
		}
		currency = b.Currency()
		if len(bounds) > 0 && b.Num().Cmp(bounds[len(bounds)-1]) <= 0 || b.Num().Sign() <= 0 {
			return ""
		}
		bounds = append(bounds, b.Num())
	}
	if len(bounds) != len(rates)-1 {
		return ""
	}
	end, err := beyondLast(bounds)
	if err != nil {
		return ""
	}
	pts, err := tierCurve(rates, bounds, tr.Whole, end)
	if err != nil {
		return ""
	}
	money := func(d types.Decimal) string { return types.MoneyValue(currency, d).String() }
	var lines []limitLine
	for _, lim := range sh.Limits {
		v, ok := eval(lim.Amount)
		if !ok || v.Kind() != types.KindMoney || v.Currency() != currency || v.Num().Sign() < 0 {
			continue
		}
		per := "over the term"
		if lim.Per != nil {
			per = "per " + unitNoun(lim.Per, "")
		}
		l := limitLine{class: "cap", label: "cap: at most " + money(v.Num()) + " " + per, amount: v.Num()}
		if lim.Floor {
			l.class, l.label = "floor", "floor: at least "+money(v.Num())+" "+per
		}
		lines = append(lines, l)
	}
	if g := sh.Guarantee; g != nil {
		if v, ok := eval(g.Amount); ok && v.Kind() == types.KindMoney && v.Currency() == currency && v.Num().Sign() >= 0 {
			lines = append(lines, limitLine{class: "floor", label: "minimum guarantee " + money(v.Num()) + " per " + unitNoun(g.Per, ""), amount: v.Num()})
		}
	}
	top := pts[0].Amount
	for _, p := range pts {
		top = top.Max(p.Amount)
	}
	for _, l := range lines {
		top = top.Max(l.amount)
	}
	if top.Sign() <= 0 {
		return ""
	}

	const w, hgt, left, right, bottom, topM = 560, 260, 24, 24, 44, 24
	plotW, plotH := w-left-right, hgt-bottom-topM
	px := func(base types.Decimal) int { return left + pixels(base, end, plotW) }
	py := func(amt types.Decimal) int { return hgt - bottom - pixels(amt, top, plotH) }
	id := "cumulative-" + agreement + "-" + c.Num.Num + "-" + strconv.Itoa(li+1)
	kind := "marginal tiers"
	if tr.Whole {
		kind = "whole-amount tiers"
	}
	caption := "Clause " + c.Num.Num + ": cumulative amount owed against " + r0(sh.Lines[li].Base) + " (" + kind + ")"
	var b strings.Builder
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cumulative\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-title\">\n", w, hgt, w, hgt, id)
	fmt.Fprintf(&b, "<title id=\"%s-title\">%s</title>\n", id, esc(caption))
	fmt.Fprintf(&b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>\n", left, hgt-bottom, w-right, hgt-bottom)
	fmt.Fprintf(&b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>\n", left, topM, left, hgt-bottom)
	fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\">owed</text>\n", left+4, topM-8)
	// The thresholds: a dashed line up from the axis, the threshold below.
	for i, bd := range bounds {
		x := px(bd)
		fmt.Fprintf(&b, "<line class=\"threshold\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"3 3\"/>\n", x, topM, x, hgt-bottom)
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n", x, hgt-bottom+16+12*(i%2), esc(money(bd)))
	}
	fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\" text-anchor=\"end\">%s</text>\n", px(end), hgt-bottom+16, esc(money(end)))
	// Caps and floors, each labelled on the side away from where the
	// curve first reaches it: on the left above the line (the curve is
	// below it there), or on the right below it (the curve is above).
	for _, l := range lines {
		y := py(l.amount)
		cross := w - right
		for i := 1; i < len(pts); i++ {
			x0, y0, x1, y1 := px(pts[i-1].Base), py(pts[i-1].Amount), px(pts[i].Base), py(pts[i].Amount)
			if y0 <= y {
				cross = x0
				break
			}
			if y1 <= y {
				cross = x0 + (x1-x0)*(y0-y)/(y0-y1)
				break
			}
		}
		fmt.Fprintf(&b, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#a33\" stroke-width=\"1.5\"/>\n", l.class, left, y, w-right, y)
		tx, ty, anchor := left+6, y-4, "start"
		if cross-left < plotW/2 {
			tx, ty, anchor = w-right-4, y+13, "end"
		}
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#a33\" text-anchor=\"%s\">%s</text>\n", tx, ty, anchor, esc(l.label))
	}
	// The curve, then its points, each with its exact figures.
	var path strings.Builder
	for i, p := range pts {
		if i > 0 {
			path.WriteByte(' ')
		}
		fmt.Fprintf(&path, "%d,%d", px(p.Base), py(p.Amount))
	}
	fmt.Fprintf(&b, "<polyline class=\"owed\" points=\"%s\" fill=\"none\" stroke=\"#1d4f91\" stroke-width=\"2\"/>\n", path.String())
	for i, p := range pts[1:] {
		x, y := px(p.Base), py(p.Amount)
		what := "at " + money(p.Base) + ": " + money(p.Amount) + " owed"
		// The amount at a threshold goes below and right of its point,
		// under the rising curve; the amount just above a whole tier's
		// threshold, and at the end, above and left of it, over the
		// curve coming up to it. Caps and floors are labelled on the left.
		tx, ty, anchor := x+6, y+14, "start"
		switch {
		case i == len(pts)-2:
			tx, ty, anchor = x-5, y-6, "end"
		case tr.Whole && i%2 == 1:
			what = "just above " + money(p.Base) + ": " + money(p.Amount) + " owed"
			tx, ty, anchor = x-5, y-6, "end"
		}
		fmt.Fprintf(&b, "<circle class=\"point\" cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"#1d4f91\"><title>%s</title></circle>\n", x, y, esc(what))
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\" text-anchor=\"%s\">%s</text>\n", tx, ty, anchor, esc(money(p.Amount)))
	}
	note := "owed on the base counted from zero"
	switch {
	case tr.Cumulative:
		note += "; thresholds never reset"
	case tr.Reset != nil:
		note += "; thresholds reset each " + unitNoun(tr.Reset, "")
	default:
		note += "; thresholds count within each settlement period"
	}
	fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#5a6270\">%s</text>\n", left, hgt-4, esc(note))
	b.WriteString("</svg>\n<figcaption>" + esc(caption) + "</figcaption>\n")
	return b.String()
}
