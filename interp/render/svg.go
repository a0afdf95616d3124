package render

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file draws the pictures, as inline SVG with integer coordinates
// (no floating point touches an amount or a rate): a precedence graph per
// action, and for each tiered share a chart of the rate by band and one
// of the cumulative amount owed against the base (svg_cumulative.go).

// precedenceGraphs draws, for each action some clause in force on `on`
// speaks to, its clauses and which overrides which.
func precedenceGraphs(ai *lang.AgreementInfo, h map[string][]*version, on string, r *reader) []graphDoc {
	byAction := map[string][]*lang.ClauseDecl{}
	for _, num := range sortedKeys(h, "clause ") {
		v := inForce(h["clause "+num], on)
		if v == nil {
			continue
		}
		c := v.item.(*lang.ClauseDecl)
		if d, ok := c.Body.(*lang.Deontic); ok && d.Action != nil {
			byAction[d.Action.Name] = append(byAction[d.Action.Name], c)
		}
	}
	actions := make([]string, 0, len(byAction))
	for a := range byAction {
		actions = append(actions, a)
	}
	sort.Strings(actions)
	var out []graphDoc
	for _, a := range actions {
		out = append(out, r.graph(ai.Decl.ID.Name, a, byAction[a], ai.DefaultPermitted))
	}
	return out
}

type edge struct{ from, to string }

// MaxGraphClauses is the most clauses a precedence graph draws; an action
// with more gets a sentence instead of a picture.
const MaxGraphClauses = 60

const (
	boxW, boxH     = 210, 52
	gapX, gapY     = 24, 56
	margin         = 16
	colourPermit   = "#2e7d32"
	colourProhibit = "#b3261e"
)

func (r *reader) graph(agreement, action string, cs []*lang.ClauseDecl, defaultPermitted bool) graphDoc {
	if len(cs) > MaxGraphClauses {
		return graphDoc{Action: action, Note: fmt.Sprintf("Clauses on %s: %d, too many to draw (the picture stops at %d); each clause's reading names the clauses it overrides or is subject to.", words(action), len(cs), MaxGraphClauses)}
	}
	in := map[string]*lang.ClauseDecl{}
	for _, c := range cs {
		in[c.Num.Num] = c
	}
	var edges []edge
	seen := map[edge]bool{}
	addEdge := func(e edge) {
		if in[e.from] != nil && in[e.to] != nil && !seen[e] {
			seen[e] = true
			edges = append(edges, e)
		}
	}
	for _, c := range cs {
		for _, n := range c.Notwithstanding {
			addEdge(edge{c.Num.Num, n.Num})
		}
		for _, n := range c.SubjectTo {
			addEdge(edge{n.Num, c.Num.Num})
		}
	}
	// The rank of a clause is the longest chain of clauses overriding it.
	rank := map[string]int{}
	for i := 0; i < len(cs); i++ {
		changed := false
		for _, e := range edges {
			if rank[e.to] < rank[e.from]+1 {
				rank[e.to] = rank[e.from] + 1
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	rows := map[int][]string{}
	maxRank := 0
	for _, c := range cs {
		k := rank[c.Num.Num]
		rows[k] = append(rows[k], c.Num.Num)
		if k > maxRank {
			maxRank = k
		}
	}
	widest := 0
	for _, row := range rows {
		if len(row) > widest {
			widest = len(row)
		}
	}
	width := 2*margin + widest*boxW + (widest-1)*gapX
	height := 2*margin + (maxRank+1)*boxH + maxRank*gapY
	type at struct{ x, y int }
	pos := map[string]at{}
	for k := 0; k <= maxRank; k++ {
		row := rows[k]
		rowW := len(row)*boxW + (len(row)-1)*gapX
		x0 := (width - rowW) / 2
		for i, n := range row {
			pos[n] = at{x0 + i*(boxW+gapX), margin + k*(boxH+gapY)}
		}
	}
	marker := "arrow-" + agreement + "-" + action
	var b strings.Builder
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"precedence\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-title\">\n", width, height, width, height, marker)
	fmt.Fprintf(&b, "<title id=\"%s-title\">Precedence among the clauses on %s</title>\n", marker, esc(words(action)))
	fmt.Fprintf(&b, "<defs><marker id=\"%s\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/></marker></defs>\n", marker)
	for _, e := range edges {
		f, t := pos[e.from], pos[e.to]
		fmt.Fprintf(&b, "<line class=\"overrides\" data-from=\"%s\" data-to=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#%s)\"/>\n",
			esc(e.from), esc(e.to), f.x+boxW/2, f.y+boxH, t.x+boxW/2, t.y, marker)
	}
	for _, c := range cs {
		n := c.Num.Num
		p := pos[n]
		d := c.Body.(*lang.Deontic)
		colour := colourPermit
		if d.Modality == lang.MustNot {
			colour = colourProhibit
		}
		fmt.Fprintf(&b, "<a href=\"#%s\"><g class=\"clause\" data-clause=\"%s\">", esc(r.anchorPrefix+clauseAnchor(n)), esc(n))
		fmt.Fprintf(&b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"#fff\" stroke=\"%s\" stroke-width=\"2\"/>", p.x, p.y, boxW, boxH, colour)
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"13\" font-weight=\"bold\" fill=\"%s\">%s</text>", p.x+10, p.y+21, colour, esc(clip(n+" "+title(c.Title, nil), 28)))
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#333\">%s</text>", p.x+10, p.y+40, esc(clip(r.party(d.Party)+" "+d.Modality.String()+" "+words(d.Action.Name), 30)))
		b.WriteString("</g></a>\n")
	}
	b.WriteString("</svg>\n")
	var notes []string
	for _, e := range edges {
		notes = append(notes, e.from+" overrides "+e.to)
	}
	note := "Clauses on " + words(action) + ". "
	if len(notes) == 0 {
		note += "No clause overrides another."
	} else {
		note += strings.Join(notes, "; ") + "."
	}
	if defaultPermitted {
		note += " What no clause covers is permitted."
	} else {
		note += " What no clause covers is prohibited."
	}
	return graphDoc{Action: action, SVG: b.String(), Note: note}
}

// clip shortens s to n characters with an ellipsis.
func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

// tierCharts draws, for each tiered line of a share clause, a chart of the
// rate by band, followed by the cumulative chart (cumulativeChart). The
// rate chart has equal-width bands (not to scale), each bar as high as its
// rate, labelled with the rate and the thresholds as the agreement states
// them on asOf.
func tierCharts(ctx context.Context, prog *interp.Program, agreement string, c *lang.ClauseDecl, asOf types.Date) []string {
	sh, ok := c.Body.(*lang.Share)
	if !ok {
		return nil
	}
	var out []string
	for li, l := range sh.Lines {
		tr, ok := l.Rate.(*lang.Tiers)
		if !ok || len(tr.Tiers) == 0 || tr.SaleRated() {
			continue // rates by sale (SPEC 7.3.1) have no one rate per band to draw
		}
		eval := func(e lang.Expr) string {
			x, err := prog.CompileParsedExpr(agreement, e)
			if err == nil {
				v, err := x.Eval(ctx, interp.EvalOptions{AsOf: asOf})
				if err == nil {
					return v.String()
				}
			}
			return lang.FormatExpr(e)
		}
		rates := make([]string, len(tr.Tiers))
		heights := make([]int64, len(tr.Tiers))
		var maxRate int64 = 1
		for i, t := range tr.Tiers {
			rates[i] = eval(t.Rate)
			heights[i] = percentUnits(rates[i])
			if heights[i] > maxRate {
				maxRate = heights[i]
			}
		}
		const w, hgt, left, bottom, top = 560, 230, 56, 44, 24
		n := len(tr.Tiers)
		bandW := (w - left - 16) / n
		plotH := hgt - bottom - top
		id := "tiers-" + agreement + "-" + c.Num.Num + "-" + strconv.Itoa(li+1)
		var b strings.Builder
		kind := "marginal tiers"
		if tr.Whole {
			kind = "whole-amount tiers"
		}
		caption := "Clause " + c.Num.Num + ": rate by band of " + r0(l.Base) + " (" + kind + ")"
		fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tiers\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-title\">\n", w, hgt, w, hgt, id)
		fmt.Fprintf(&b, "<title id=\"%s-title\">%s</title>\n", id, esc(caption))
		fmt.Fprintf(&b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>\n", left, hgt-bottom, w-16, hgt-bottom)
		fmt.Fprintf(&b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>\n", left, top, left, hgt-bottom)
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\" text-anchor=\"end\">rate</text>\n", left-6, top+4)
		for i := range tr.Tiers {
			bh := int(heights[i] * int64(plotH) / maxRate)
			x := left + i*bandW + 4
			y := hgt - bottom - bh
			fmt.Fprintf(&b, "<rect class=\"band\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#1d4f91\" fill-opacity=\"%s\"/>\n", x, y, bandW-8, bh, opacity(i))
			fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\">%s</text>\n", x+(bandW-8)/2, y-6, esc(rates[i]))
			label := "above"
			if t := tr.Tiers[i]; t.UpTo != nil {
				label = "up to " + eval(t.UpTo)
			} else if i > 0 && tr.Tiers[i-1].UpTo != nil {
				label = "above " + eval(tr.Tiers[i-1].UpTo)
			}
			fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n", x+(bandW-8)/2, hgt-bottom+16, esc(label))
		}
		reset := "thresholds count within each settlement period"
		switch {
		case tr.Cumulative:
			reset = "thresholds never reset"
		case tr.Reset != nil:
			reset = "thresholds reset each " + unitNoun(tr.Reset, "")
		}
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#5a6270\">bands not to scale; %s</text>\n", left, hgt-10, esc(reset))
		b.WriteString("</svg>\n<figcaption>" + esc(caption) + "</figcaption>\n")
		out = append(out, b.String())
		if svg := cumulativeChart(ctx, prog, agreement, c, sh, li, tr, asOf); svg != "" {
			out = append(out, svg)
		}
	}
	return out
}

// r0 writes a base expression briefly, as source.
func r0(e lang.Expr) string { return lang.FormatExpr(e) }

func opacity(i int) string {
	ops := []string{"0.95", "0.75", "0.55", "0.40", "0.30"}
	if i < len(ops) {
		return ops[i]
	}
	return "0.25"
}

// percentUnits reads a percent as written ("12.5%") in ten-thousandths of
// a percent, for the height of a bar; 0 if it is not a plain percent.
func percentUnits(s string) int64 {
	s = strings.TrimSuffix(strings.TrimSpace(s), "%")
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 4 {
		frac = frac[:4]
	}
	for len(frac) < 4 {
		frac += "0"
	}
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil || w < 0 || w > 1_000_000 {
		return 0
	}
	return w*10000 + f
}
