package difftest

import (
	"fmt"
	"math/big"
	"strings"
	"time"
)

// unitWords writes a period unit after `per`, and as a settlement or reset
// adverb.
var unitWords = map[string][2]string{
	"month":    {"month", "monthly"},
	"quarter":  {"quarter", "quarterly"},
	"year":     {"year", "yearly"},
	"fquarter": {"fiscal quarter", "fiscal quarterly"},
	"fyear":    {"fiscal year", "fiscal yearly"},
}

// render writes the agreement and its amendments as Pacta source.
func render(a *agreement) string {
	var b strings.Builder
	fmt.Fprintf(&b, "agreement %s \"Generated\" {\n", a.name)
	fmt.Fprintf(&b, "  effective %s\n", ds(a.effective))
	if !a.ends.IsZero() {
		fmt.Fprintf(&b, "  ends %s\n", ds(a.ends))
	}
	fmt.Fprintf(&b, "  currency %s\n", a.currency)
	if !a.noRounding {
		fmt.Fprintf(&b, "  rounding %s to %s\n", a.mode, a.unitText)
	}
	if a.prohibited {
		b.WriteString("  default prohibited\n")
	}
	if a.fiscal != 0 {
		fmt.Fprintf(&b, "  fiscal year starts %s\n", time.Month(a.fiscal))
	}
	b.WriteString("\n")
	for _, p := range a.parties {
		fmt.Fprintf(&b, "  party %s \"%s\"\n", p, strings.ToUpper(p))
	}
	fmt.Fprintf(&b, "\n  kind Ch = %s\n\n", strings.Join(a.members, " | "))
	fmt.Fprintf(&b, "  term rt = %s\n  term fee = %s\n\n", pctText(a.rt), money(a.fee))
	b.WriteString("  action sell {\n    ch  Ch\n    amt money\n    ref money\n  }\n")
	b.WriteString("  action lease {\n    ch  Ch\n    amt money\n    ref money\n  }\n")
	b.WriteString("  event release {\n    ch Ch\n  }\n")
	b.WriteString("  event payment {\n    payer  party\n    payee  party\n    amount money\n  }\n")
	for _, c := range a.clauses {
		b.WriteString("\n")
		renderClause(&b, "clause", c)
	}
	b.WriteString("}\n")
	for _, am := range a.amendments {
		fmt.Fprintf(&b, "\namendment %s \"Amendment\" amends %s {\n  effective %s\n", am.name, a.name, ds(am.effective))
		if am.rt != nil {
			fmt.Fprintf(&b, "\n  replace term rt = %s\n", pctText(am.rt))
		}
		if am.fee != nil {
			fmt.Fprintf(&b, "\n  replace term fee = %s\n", money(am.fee))
		}
		for _, o := range am.ops {
			b.WriteString("\n")
			switch o.kind {
			case opAdd:
				renderClause(&b, "clause", o.clause)
			case opReplace:
				renderClause(&b, "replace clause", o.clause)
			case opDelete:
				fmt.Fprintf(&b, "  delete clause %s\n", o.num)
			}
		}
		b.WriteString("}\n")
	}
	// Money is written in USD above; "USD " appears nowhere else.
	return strings.ReplaceAll(b.String(), "USD ", a.currency+" ")
}

func renderClause(b *strings.Builder, word string, c *clause) {
	fmt.Fprintf(b, "  %s %s %q", word, c.num, c.title)
	if len(c.notwith) > 0 {
		fmt.Fprintf(b, " notwithstanding %s", strings.Join(c.notwith, ", "))
	}
	if len(c.subj) > 0 {
		fmt.Fprintf(b, " subject to %s", strings.Join(c.subj, ", "))
	}
	b.WriteString("\n    ")
	switch c.kind {
	case ckDeontic:
		fmt.Fprintf(b, "%s %s %s", c.party, c.modality, c.action)
		if c.cond != nil {
			fmt.Fprintf(b, " where %s", renderCond(c.cond))
		}
		if !c.from.IsZero() {
			fmt.Fprintf(b, " from %s", ds(c.from))
		}
		if !c.until.IsZero() {
			fmt.Fprintf(b, " until %s", ds(c.until))
		}
		if !c.deadline.IsZero() {
			fmt.Fprintf(b, " by %s", ds(c.deadline))
		}
		b.WriteString("\n")
	case ckPayment:
		var dd []string
		for _, d := range c.dates {
			dd = append(dd, ds(d))
		}
		fmt.Fprintf(b, "%s pays %s %s on %s", c.payer, renderPayee(c.payee), amountText(c.amount, c.amountTerm), strings.Join(dd, ", "))
		if c.due > 0 {
			fmt.Fprintf(b, " due within %d %s", c.due, c.dueUnit)
		}
		b.WriteString("\n")
		renderLate(b, c)
	case ckInstallments:
		fmt.Fprintf(b, "%s pays %s %s in %d equal %s installments from %s", c.payer, renderPayee(c.payee), amountText(c.amount, c.amountTerm), c.count, c.interval, ds(c.start))
		if c.due > 0 {
			fmt.Fprintf(b, " due within %d %s", c.due, c.dueUnit)
		}
		b.WriteString("\n")
		renderLate(b, c)
	case ckMilestone:
		w := "each"
		if c.first {
			w = "first"
		}
		fmt.Fprintf(b, "%s pays %s %s on %s %s", c.payer, renderPayee(c.payee), amountText(c.amount, c.amountTerm), w, c.event)
		if c.mcond != nil {
			fmt.Fprintf(b, " where %s", renderCond(c.mcond))
		}
		if c.due > 0 {
			fmt.Fprintf(b, " due within %d %s", c.due, c.dueUnit)
		}
		b.WriteString("\n")
	case ckShare:
		renderShare(b, c)
	}
}

func renderShare(b *strings.Builder, c *clause) {
	fmt.Fprintf(b, "%s pays %s ", c.payer, renderPayee(c.payee))
	tail := func() {
		fmt.Fprintf(b, "each %s", c.action2)
		if c.by != "" {
			fmt.Fprintf(b, " by %s", c.by)
		}
		if c.shareCond != nil {
			fmt.Fprintf(b, " where %s", renderCond(c.shareCond))
		}
	}
	switch {
	case c.tiers != nil:
		renderTiers(b, c.tiers, "    ")
		b.WriteString(" of (amt - ref) of ")
		tail()
		b.WriteString("\n")
	case len(c.lines) == 1 && c.lines[0].cond == nil && !c.lines[0].written && c.lines[0].tiers == nil:
		fmt.Fprintf(b, "%s of (amt - ref) of ", renderRate(c.lines[0].rate))
		tail()
		b.WriteString("\n")
	default:
		b.WriteString("of ")
		tail()
		b.WriteString(":\n")
		for _, l := range c.lines {
			if l.tiers != nil {
				b.WriteString("      ")
				renderTiers(b, l.tiers, "      ")
				b.WriteString(" of (amt - ref)")
			} else {
				fmt.Fprintf(b, "      %s of (amt - ref)", renderRate(l.rate))
			}
			switch {
			case l.cond != nil:
				fmt.Fprintf(b, " where (%s)", renderCond(l.cond))
			case l.written:
				b.WriteString(" otherwise")
			}
			b.WriteString("\n")
		}
	}
	renderModifiers(b, c)
}

// renderTiers writes a tiers block; the closing brace is indented by ind.
func renderTiers(b *strings.Builder, t *tiers, ind string) {
	{
		w := "whole"
		if t.marginal {
			w = "marginal"
		}
		fmt.Fprintf(b, "%s tiers", w)
		switch t.reset {
		case "":
		case "cumulative":
			b.WriteString(" cumulative")
		default:
			fmt.Fprintf(b, " reset %s", unitWords[t.reset][1])
		}
		b.WriteString(" {\n")
		for i, r := range t.rateText {
			if i == 0 && t.firstTerm {
				r = "rt"
			}
			if i < len(t.upto) {
				fmt.Fprintf(b, "      %s up to %s\n", r, money(t.upto[i]))
			} else {
				fmt.Fprintf(b, "      %s above\n", r)
			}
		}
		b.WriteString(ind + "}")
	}
}

// renderLate writes a clause's late modifiers, one a line.
func renderLate(b *strings.Builder, c *clause) {
	for _, l := range c.late {
		if l.interest {
			fmt.Fprintf(b, "      late interest %s per %s", pctText(l.rate), l.unit)
		} else {
			fmt.Fprintf(b, "      late penalty %s per %s", money(l.amount), l.unit)
		}
		switch {
		case l.capMoney != nil:
			fmt.Fprintf(b, " capped at %s", money(l.capMoney))
		case l.capPct != nil:
			fmt.Fprintf(b, " capped at %s", pctText(l.capPct))
		}
		b.WriteString("\n")
	}
}

// renderModifiers writes the modifiers of a share.
func renderModifiers(b *strings.Builder, c *clause) {
	defer renderLate(b, c)
	if c.settled != "" {
		fmt.Fprintf(b, "      settled %s\n", unitWords[c.settled][1])
	}
	if c.due > 0 {
		if c.dueAfter {
			fmt.Fprintf(b, "      due %d %s after period end\n", c.due, c.dueUnit)
		} else {
			fmt.Fprintf(b, "      due within %d %s\n", c.due, c.dueUnit)
		}
	}
	for _, l := range c.caps {
		fmt.Fprintf(b, "      at most %s per %s\n", amountText(l.amount, l.term), unitWords[l.unit][0])
	}
	if c.capTerm != nil {
		fmt.Fprintf(b, "      at most %s over the term\n", money(c.capTerm))
	}
	for _, l := range c.floors {
		fmt.Fprintf(b, "      at least %s per %s\n", money(l.amount), unitWords[l.unit][0])
	}
	if c.floorTerm != nil {
		fmt.Fprintf(b, "      at least %s over the term\n", money(c.floorTerm))
	}
	if c.guarantee != nil {
		fmt.Fprintf(b, "      minimum guarantee %s per %s\n", amountText(c.guarantee.amount, c.guarantee.term), unitWords[c.guarantee.unit][0])
	}
	if c.recoup != nil {
		fmt.Fprintf(b, "      recouping %s\n", amountText(c.recoup, c.recoupTerm))
	}
}

func renderRate(r rate) string {
	t := r.text
	if r.term {
		t = "rt"
	}
	if r.ifMem != "" {
		return fmt.Sprintf("(if ch == %s then %s else %s)", r.ifMem, t, r.altTxt)
	}
	return t
}

// amountText writes a fixed amount or the term `fee`.
func amountText(x *big.Rat, term bool) string {
	if term {
		return "fee"
	}
	return money(x)
}

func renderPayee(p payee) string {
	if p.waterfall != nil {
		var b strings.Builder
		b.WriteString("waterfall {\n")
		for _, st := range p.waterfall {
			if st.upTo != nil {
				fmt.Fprintf(&b, "      %s up to %s\n", renderPayee(st.to), money(st.upTo))
			} else {
				fmt.Fprintf(&b, "      %s rest\n", renderPayee(st.to))
			}
		}
		b.WriteString("    }")
		return b.String()
	}
	if p.split == nil {
		return p.party
	}
	var parts []string
	for _, s := range p.split {
		if s.term {
			parts = append(parts, s.party+" rt")
		} else {
			parts = append(parts, s.party+" "+s.text)
		}
	}
	if p.remainder != "" {
		parts = append(parts, "remainder to "+p.remainder)
	}
	return "split { " + strings.Join(parts, " ") + " }"
}

func renderCond(c *cond) string {
	switch c.op {
	case "eq":
		return "ch == " + c.members[0]
	case "ne":
		return "ch != " + c.members[0]
	case "in":
		return "ch in [" + strings.Join(c.members, ", ") + "]"
	case "notin":
		return "ch not in [" + strings.Join(c.members, ", ") + "]"
	case "gt":
		return "amt > " + money(c.money)
	case "le":
		return "amt <= " + money(c.money)
	case "and":
		return "(" + renderCond(c.a) + ") and (" + renderCond(c.b) + ")"
	case "or":
		return "(" + renderCond(c.a) + ") or (" + renderCond(c.b) + ")"
	case "not":
		return "not (" + renderCond(c.a) + ")"
	}
	panic("cond " + c.op)
}
