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

// waterfallChart draws, for a clause that pays through a waterfall, how
// three amounts flowing in at once would be shared out: half the sum of
// the steps' limits, the sum, and twice the sum, each as a bar stacked
// by step. Amounts are exact decimals; only the pixel heights are whole
// numbers, cut down from the exact proportion.
func waterfallChart(ctx context.Context, prog *interp.Program, agreement string, c *lang.ClauseDecl, asOf types.Date, r *reader) string {
	var w *lang.Waterfall
	switch b := c.Body.(type) {
	case *lang.Share:
		w, _ = b.Payee.(*lang.Waterfall)
	case *lang.Payment:
		w, _ = b.Payee.(*lang.Waterfall)
	case *lang.Milestone:
		w, _ = b.Payee.(*lang.Waterfall)
	case *lang.Installments:
		w, _ = b.Payee.(*lang.Waterfall)
	}
	if w == nil || len(w.Steps) == 0 {
		return ""
	}
	names := make([]string, len(w.Steps))
	limits := make([]*types.Decimal, len(w.Steps))
	var sum types.Decimal
	currency := ""
	for i, st := range w.Steps {
		if st.Split != nil {
			names[i] = "split: " + r.splitWords(st.Split).String()
		} else {
			names[i] = r.party(st.Party)
		}
		if st.UpTo == nil {
			continue
		}
		x, err := prog.CompileParsedExpr(agreement, st.UpTo)
		if err != nil {
			return ""
		}
		v, err := x.Eval(ctx, interp.EvalOptions{AsOf: asOf})
		if err != nil || v.Kind() != types.KindMoney {
			return ""
		}
		d := v.Num()
		limits[i], currency = &d, v.Currency()
		if sum, err = sum.Add(d); err != nil {
			return ""
		}
	}
	if sum.Sign() <= 0 {
		return ""
	}
	two := types.DecimalFromInt(2)
	half, err1 := sum.Quo(two)
	double, err2 := sum.Mul(two)
	if err1 != nil || err2 != nil {
		return ""
	}
	exits := []types.Decimal{half, sum, double}
	const width, height, left, bottom, top, barW = 660, 260, 24, 40, 20, 90
	plotH := height - bottom - top
	id := "waterfall-" + agreement + "-" + c.Num.Num
	var b strings.Builder
	caption := "Clause " + c.Num.Num + ": how the waterfall shares out three amounts (each as if it flowed in at once)"
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"waterfall\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-title\">\n", width, height, width, height, id)
	fmt.Fprintf(&b, "<title id=\"%s-title\">%s</title>\n", id, esc(caption))
	fmt.Fprintf(&b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>\n", left, height-bottom, left+3*(barW+40), height-bottom)
	for k, exit := range exits {
		x := left + 20 + k*(barW+40)
		y := height - bottom
		remaining := exit
		for i := range w.Steps {
			part := remaining
			if limits[i] != nil {
				part = remaining.Min(*limits[i])
			}
			var err error
			if remaining, err = remaining.Sub(part); err != nil {
				return ""
			}
			h := pixels(part, double, plotH)
			if h <= 0 {
				continue
			}
			y -= h
			fmt.Fprintf(&b, "<rect class=\"step\" data-step=\"%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#1d4f91\" fill-opacity=\"%s\"><title>%s: %s %s</title></rect>\n",
				i+1, x, y, barW, h, opacity(i), esc(names[i]), esc(currency), esc(part.Format(true)))
		}
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\" text-anchor=\"middle\">%s %s</text>\n", x+barW/2, height-bottom+16, esc(currency), esc(exit.Format(true)))
	}
	lx := left + 20 + 3*(barW+40)
	for i, n := range names {
		y := top + i*20
		fmt.Fprintf(&b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"#1d4f91\" fill-opacity=\"%s\"/>", lx, y, opacity(i))
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%s</text>\n", lx+18, y+10, esc(clip(strconv.Itoa(i+1)+". "+n, 34)))
	}
	b.WriteString("</svg>\n<figcaption>" + esc(caption) + "</figcaption>\n")
	return b.String()
}

// pixels is part's share of plotH pixels against whole, cut down to a
// whole pixel.
func pixels(part, whole types.Decimal, plotH int) int {
	if whole.Sign() <= 0 || part.Sign() <= 0 {
		return 0
	}
	x, err := part.Mul(types.DecimalFromInt(int64(plotH)))
	if err != nil {
		return 0
	}
	if x, err = x.Quo(whole); err != nil {
		return 0
	}
	if x, err = x.Floor(types.DecimalFromInt(1)); err != nil {
		return 0
	}
	n, ok := x.Int64()
	if !ok || n < 0 || n > int64(plotH) {
		return 0
	}
	return int(n)
}
