package render

import (
	"strings"

	"github.com/pacta-lang/pacta/lang"
)

// This file reads clause bodies in plain English: permissions,
// prohibitions and obligations with their conditions and dates; payments,
// installments and milestones with their due dates and late charges;
// shares with their lines, tiers, limits, guarantees and recoupment; and
// the splits and waterfalls that divide an amount.

// clause reads a clause: its precedence, then its body, as sentences.
func (r *reader) clause(c *lang.ClauseDecl) Text {
	var t Text
	if len(c.Notwithstanding) > 0 {
		t.add("Notwithstanding ")
		r.clauseRefs(&t, c.Notwithstanding)
		t.add(", ")
	}
	if len(c.SubjectTo) > 0 {
		if len(t) > 0 {
			t.add("and subject to ")
		} else {
			t.add("Subject to ")
		}
		r.clauseRefs(&t, c.SubjectTo)
		t.add(", ")
	}
	body := r.body(c.Body)
	if len(t) == 0 {
		t = body.capitalize()
	} else {
		t.addText(body)
	}
	r.requires(&t, c.Requires, "It", "any question this clause answers fails")
	if c.Survives != nil {
		t.add(" This clause survives the termination of the agreement.")
	}
	return t
}

// requires reads preconditions (SPEC 4.7) as sentences after what they
// guard: "It requires that X; otherwise <fails> with “message”."
func (r *reader) requires(t *Text, rs []*lang.Requires, subject, fails string) {
	for _, q := range rs {
		if len(*t) > 0 {
			t.add(" ")
		}
		t.add(subject + " requires that ")
		t.addText(r.condition(q.Cond))
		t.add("; otherwise " + fails + " with ")
		if s, ok := unparen(q.Message).(*lang.StringLit); ok {
			t.add("“" + s.Value + "”")
		} else {
			t.add("the message ")
			t.addText(r.exprText(q.Message))
		}
		t.add(".")
	}
}

func (r *reader) clauseRefs(t *Text, refs []*lang.ClauseRef) {
	for i, c := range refs {
		if i > 0 {
			if i == len(refs)-1 {
				t.add(" and ")
			} else {
				t.add(", ")
			}
		}
		r.clauseRef(t, c.Num)
	}
}

func (r *reader) body(b lang.ClauseBody) Text {
	switch b := b.(type) {
	case *lang.Deontic:
		return r.deontic(b)
	case *lang.Payment:
		return r.payment(b)
	case *lang.Installments:
		return r.installments(b)
	case *lang.Milestone:
		return r.milestone(b)
	case *lang.Share:
		return r.share(b)
	case *lang.SplitDecl:
		return r.splitDecl(b)
	case *lang.JointLimit:
		return r.joint(b)
	case *lang.TerminationRight:
		return r.terminationRight(b)
	case *lang.AutoTermination:
		return r.autoTermination(b)
	}
	return Text{{Text: "This clause has no reading."}}
}

// deontic: "OpenAI must not sell where the platform is neither Azure nor Direct."
func (r *reader) deontic(b *lang.Deontic) Text {
	var t Text
	t.add(r.party(b.Party) + " " + b.Modality.String() + " " + words(b.Action.Name))
	if b.Where != nil {
		t.add(" where ")
		t.addText(r.condition(b.Where))
	}
	switch {
	case b.From != nil && b.Until != nil:
		t.add(", from " + b.From.Text + " until " + b.Until.Text + " (both days included)")
	case b.From != nil:
		t.add(", from " + b.From.Text)
	case b.Until != nil:
		t.add(", until " + b.Until.Text + " (included)")
	}
	if b.By != nil {
		t.add(", by " + b.By.Text + " at the latest")
	}
	t.add(".")
	return t
}

// payment: "Microsoft pays OpenAI USD 1,000,000,000.00 on 2019-07-22."
func (r *reader) payment(b *lang.Payment) Text {
	var t Text
	t.add(r.party(b.Payer) + " pays ")
	r.payee(&t, b.Payee)
	t.addText(r.exprText(b.Amount))
	dates := make([]string, len(b.Dates))
	for i, d := range b.Dates {
		dates[i] = d.Text
	}
	t.add(" on " + joinWords(dates, "and"))
	r.due(&t, b.Due, dueContext{kind: dueDated})
	t.add(".")
	r.payeeSentence(&t, b.Payee)
	r.late(&t, b.Late, "A payment")
	return t
}

// installments: "OpenAI pays Microsoft Azure Commitment in 20 equal
// quarterly installments from 2026-01-01, each due within 30 days."
func (r *reader) installments(b *lang.Installments) Text {
	var t Text
	t.add(r.party(b.Payer) + " pays ")
	r.payee(&t, b.Payee)
	t.addText(r.exprText(b.Total))
	n := "?"
	if b.Count != nil {
		n = b.Count.Text
	}
	t.add(" in " + n + " equal " + adverb(b.Every) + " installments from " + b.From.Text)
	r.due(&t, b.Due, dueContext{kind: dueEach})
	t.add(".")
	r.payeeSentence(&t, b.Payee)
	r.late(&t, b.Late, "An installment")
	return t
}

// milestone: "Microsoft pays OpenAI USD 500,000,000.00 on the first model
// release where the platform is Azure, due within 30 days of it."
func (r *reader) milestone(b *lang.Milestone) Text {
	var t Text
	t.add(r.party(b.Payer) + " pays ")
	r.payee(&t, b.Payee)
	t.addText(r.exprText(b.Amount))
	switch {
	case b.Breach != nil:
		r.breachEvent(&t, b)
	case b.First:
		t.add(" on the first " + words(b.Event.Name))
	default:
		t.add(" on each " + words(b.Event.Name))
	}
	if b.Where != nil {
		t.add(" where ")
		t.addText(r.condition(b.Where))
	}
	r.due(&t, b.Due, dueContext{kind: dueEvent})
	t.add(".")
	r.payeeSentence(&t, b.Payee)
	r.late(&t, b.Late, "A payment")
	return t
}

// share: "OpenAI pays Microsoft 20% of Net Revenue of each sell by OpenAI,
// settled each calendar quarter, due 45 days after the quarter ends."
func (r *reader) share(b *lang.Share) Text {
	var t Text
	t.add(r.party(b.Payer) + " pays")
	payee := r.payeeWords(b.Payee)
	if len(payee) > 0 {
		t.add(" ")
		t.addText(payee)
	}
	each := r.eachWords(b)
	if len(b.Lines) == 1 && b.Lines[0].Where == nil && !b.Lines[0].Otherwise && b.Lines[0].AfterBreach == nil {
		t.add(" ")
		t.addText(r.shareLine(b.Lines[0]))
		t.add(" ")
		t.addText(each)
	} else {
		t.add(", ")
		t.addText(each)
		t.add(", ")
		lines := make([]Text, len(b.Lines))
		for i, l := range b.Lines {
			var lt Text
			lt.addText(r.shareLine(l))
			if l.Where != nil {
				lt.add(" where ")
				lt.addText(r.condition(l.Where))
			} else if l.Otherwise {
				lt.add(" otherwise")
			} else if l.AfterBreach != nil {
				lt.add(" from the day after the first breach of ")
				r.clauseRef(&lt, l.AfterBreach.Num)
			}
			lines[i] = lt
		}
		t.addText(commaAnd(lines))
		t.add(";")
	}
	if !strings.HasSuffix(t.String(), ";") {
		t.add(",")
	}
	t.add(" settled each " + unitNoun(b.Settled, "calendar quarter"))
	r.due(&t, b.Due, duePeriod(b.Settled))
	t.add(".")
	r.tiersSentences(&t, b)
	for _, l := range b.Limits {
		t.add(" The share is ")
		if l.Floor {
			t.add("at least ")
		} else {
			t.add("at most ")
		}
		t.addText(r.exprText(l.Amount))
		if l.Per != nil {
			t.add(" each " + unitNoun(l.Per, ""))
		} else {
			t.add(" over the term of the agreement")
		}
		t.add(".")
	}
	if g := b.Guarantee; g != nil {
		t.add(" The payee is guaranteed at least ")
		t.addText(r.exprText(g.Amount))
		t.add(" each " + unitNoun(g.Per, "") + ": any shortfall is paid as a true-up at the end of the " + unitShort(g.Per) + ".")
	}
	if rc := b.Recoup; rc != nil {
		t.add(" An advance already paid (")
		t.addText(r.exprText(rc.Amount))
		t.add(") is recouped from the share before anything is paid.")
	}
	r.payeeSentence(&t, b.Payee)
	r.late(&t, b.Late, "A share")
	return t
}

// eachWords reads which instances a share counts: "of each sell by OpenAI
// where the platform is AWS".
func (r *reader) eachWords(b *lang.Share) Text {
	var t Text
	switch b.Count {
	case lang.CountPermitted:
		t.add("of each permitted " + words(b.Action.Name))
	default:
		t.add("of each " + words(b.Action.Name))
	}
	if b.By != nil {
		t.add(" by " + r.party(b.By))
	}
	if b.Where != nil {
		t.add(" where ")
		t.addText(r.condition(b.Where))
	}
	if b.Count == lang.CountAll {
		t.add(", whether permitted or not")
	}
	return t
}

// shareLine reads `RATE of BASE`.
func (r *reader) shareLine(l *lang.ShareLine) Text {
	var t Text
	switch rate := l.Rate.(type) {
	case *lang.FlatRate:
		r.expr(&t, rate.Value, 3)
		t.add(" of ")
		r.expr(&t, l.Base, 3)
	case *lang.Tiers:
		base := r.exprText(l.Base)
		if rate.Whole {
			t.add("a rate of ")
			t.addText(base)
			t.add(" set by whole-amount tiers (")
		} else {
			t.add("marginal tiers of ")
			t.addText(base)
			t.add(" (")
		}
		// A schedule whose rates depend on the sale (SPEC 7.3.1) reads
		// each band first, as its statement lines do: "up to X: 25% where
		// the platform is AWS, and 20% otherwise; above X: ...".
		bySale := rate.SaleRated() || r.ratesUseSale(rate)
		var parts []Text
		var prev Text
		for _, tr := range rate.Tiers {
			band := r.tierBand(tr, prev)
			var p Text
			switch {
			case bySale && band == nil:
				p.add("on all of it: ")
				p.addText(r.tierRates(tr))
			case bySale:
				p.addText(band)
				p.add(": ")
				p.addText(r.tierRates(tr))
			case band == nil:
				p.addText(r.tierRates(tr))
				p.add(" of all of it")
			default:
				p.addText(r.tierRates(tr))
				p.add(" ")
				p.addText(band)
			}
			parts = append(parts, p)
			if tr.UpTo != nil {
				prev = r.exprText(tr.UpTo)
			}
		}
		if bySale {
			for i, p := range parts {
				if i > 0 {
					t.add("; ")
				}
				t.addText(p)
			}
		} else {
			t.addText(commaAnd(parts))
		}
		t.add(")")
	}
	return t
}

// ratesUseSale reports whether a tier's one rate uses a field of the sale
// (`if platform == AWS then 25% else 20% up to X`), which makes the
// schedule's rates depend on the sale as rates by sale do (SPEC 7.3.1).
func (r *reader) ratesUseSale(tiers *lang.Tiers) bool {
	uses := false
	for _, tr := range tiers.Tiers {
		lang.Inspect(tr.Rate, func(e lang.Expr) bool {
			if id, ok := e.(*lang.Ident); ok {
				if _, ok := r.info.Uses[id].(*lang.FieldObj); ok {
					uses = true
				}
			}
			return !uses
		})
	}
	return uses
}

// tierBand reads the band of a tier whose tier before ends at prev (nil
// for the first tier): "up to X", "from X up to Y", "above X"; nil for a
// tier with no threshold on either side.
func (r *reader) tierBand(tr *lang.Tier, prev Text) Text {
	var t Text
	switch {
	case tr.UpTo == nil && prev == nil:
		return nil
	case tr.UpTo == nil:
		t.add("above ")
		t.addText(prev)
	case prev == nil:
		t.add("up to ")
		t.addText(r.exprText(tr.UpTo))
	default:
		t.add("from ")
		t.addText(prev)
		t.add(" up to ")
		t.addText(r.exprText(tr.UpTo))
	}
	return t
}

// tierRates reads a tier's rate, or its rates by sale (SPEC 7.3.1) as
// share lines read theirs: "25% where the platform is AWS, and 20%
// otherwise", "5 percentage points less than the sale's rate in the tier
// before".
func (r *reader) tierRates(tr *lang.Tier) Text {
	if tr.Rates == nil {
		return r.exprText(tr.Rate)
	}
	var rates []Text
	for _, tr := range tr.Rates {
		if tr == nil {
			continue
		}
		var t Text
		n := r.exprText(tr.Value)
		t.addText(n)
		if tr.Points {
			if n.String() == "1" {
				t.add(" percentage point")
			} else {
				t.add(" percentage points")
			}
			if tr.Less {
				t.add(" less")
			} else {
				t.add(" more")
			}
			t.add(" than the sale's rate in the tier before")
		}
		if tr.Where != nil {
			t.add(" where ")
			t.addText(r.condition(tr.Where))
		} else if tr.Otherwise {
			t.add(" otherwise")
		}
		rates = append(rates, t)
	}
	return commaAnd(rates)
}

// tiersSentences says how each line's tiers work.
func (r *reader) tiersSentences(t *Text, b *lang.Share) {
	for _, l := range b.Lines {
		tr, ok := l.Rate.(*lang.Tiers)
		if !ok {
			continue
		}
		if tr.Whole {
			t.add(" The rate of the highest tier reached applies to the whole amount")
		} else {
			t.add(" Each tier's rate applies only to the part of the amount within its band, as with tax brackets")
		}
		switch {
		case tr.Cumulative:
			t.add("; thresholds count over the life of the agreement and never reset.")
		case tr.Reset != nil:
			t.add("; thresholds count from the start of each " + unitNoun(tr.Reset, "") + ".")
		default:
			t.add("; thresholds count within each settlement period.")
		}
	}
}

// payeeWords names who receives: a party, a named split, or "the parties
// of a split" / "a waterfall", described by payeeSentence.
func (r *reader) payeeWords(p lang.Payee) Text {
	var t Text
	switch p := p.(type) {
	case *lang.PartyPayee:
		if so, ok := r.info.Uses[p.Party].(*lang.SplitObj); ok && so.Clause != nil {
			t.add("the " + words(p.Party.Name) + " (split as ")
			r.clauseRef(&t, so.Clause.Num.Num)
			t.add(" says)")
			return t
		}
		t.add(r.party(p.Party))
	case *lang.Split, *lang.Waterfall:
		// Said in the sentence after (payeeSentence).
	default:
		t.add("?")
	}
	return t
}

// payee writes who receives and a space, if the payee is a party or a
// named split; a split or waterfall written in the clause is described
// by the sentence after.
func (r *reader) payee(t *Text, p lang.Payee) {
	if w := r.payeeWords(p); len(w) > 0 {
		t.addText(w)
		t.add(" ")
	}
}

// payeeSentence describes a split or waterfall payee.
func (r *reader) payeeSentence(t *Text, p lang.Payee) {
	switch p := p.(type) {
	case *lang.Split:
		t.add(" The amount is ")
		t.addText(r.splitWords(p))
		t.add(".")
	case *lang.Waterfall:
		t.add(" The amount flows through a waterfall: ")
		t.addText(r.waterfallWords(p))
		t.add(".")
	}
}

// splitWords: "split among Ada Okafor (40%) and Benjamin Lind (35%), each
// share rounded down to the cent, the remainder to Cleo Marchetti".
func (r *reader) splitWords(s *lang.Split) Text {
	var t Text
	names := make([]Text, len(s.Shares))
	for i, sh := range s.Shares {
		var n Text
		n.add(r.party(sh.Party))
		if sh.Share != nil {
			n.add(" (")
			n.addText(r.exprText(sh.Share))
			if s.Kind == lang.SplitProRata {
				n.add(" shares")
			}
			n.add(")")
		}
		names[i] = n
	}
	switch s.Kind {
	case lang.SplitEqual:
		t.add("split equally among ")
	case lang.SplitProRata:
		t.add("split pro rata among ")
	default:
		t.add("split among ")
	}
	t.addText(joinTexts(names, "and"))
	switch {
	case s.RoundedDown && s.RemainderTo != nil:
		t.add(", each share rounded down, the remainder to " + r.party(s.RemainderTo))
	case s.RemainderTo != nil:
		t.add(", any cent left over by rounding to " + r.party(s.RemainderTo))
	default:
		t.add(", any cent left over by rounding going to the largest remainders")
	}
	return t
}

// waterfallWords: "first Seed Fund up to USD 5,000,000.00, then Lab the
// rest".
func (r *reader) waterfallWords(w *lang.Waterfall) Text {
	var t Text
	for i, st := range w.Steps {
		switch {
		case i == 0:
			t.add("first ")
		default:
			t.add(", then ")
		}
		if st.Split != nil {
			t.add("the parties of a split (")
			t.addText(r.splitWords(st.Split))
			t.add(")")
		} else {
			t.add(r.party(st.Party))
		}
		if st.UpTo != nil {
			t.add(" up to ")
			t.addText(r.exprText(st.UpTo))
		} else {
			t.add(" the rest")
		}
	}
	return t
}

// splitDecl reads a named split clause.
func (r *reader) splitDecl(b *lang.SplitDecl) Text {
	var t Text
	t.add("Every amount paid to “" + words(b.Name.Name) + "” is ")
	t.addText(r.splitWords(b.Split))
	t.add(".")
	return t
}

// dueKind says what a `due within` counts from.
type dueKind int

const (
	dueDated     dueKind = iota // a payment on dates
	dueEach                     // each installment
	dueEvent                    // a milestone's event
	duePeriodEnd                // a share's period
)

type dueContext struct {
	kind   dueKind
	period string // for a share: the period's short noun
}

func duePeriod(settled *lang.PeriodUnit) dueContext {
	return dueContext{kind: duePeriodEnd, period: unitShort(settled)}
}

// due reads a clause's `due` and `adjusted to` modifiers.
func (r *reader) due(t *Text, d *lang.Due, ctx dueContext) {
	if d == nil {
		return
	}
	if d.After != nil || d.Business != nil {
		delay := ""
		if d.After != nil {
			delay = d.After.Raw
		} else {
			n := "?"
			if d.Business.Count != nil {
				n = d.Business.Count.Text
			}
			delay = n + " business days"
			if n == "1" {
				delay = "1 business day"
			}
			if d.Business.Calendar != nil {
				delay += " (" + words(d.Business.Calendar.Name) + " calendar)"
			}
		}
		switch ctx.kind {
		case duePeriodEnd:
			t.add(", due " + delay + " after the " + ctx.period + " ends")
		case dueEach:
			t.add(", each due within " + delay + " after its date")
		case dueEvent:
			t.add(", due within " + delay + " after the event")
		default:
			t.add(", due within " + delay + " after its date")
		}
		if d.Business == nil && d.Adjust == nil {
			// The default rule, read out (SPEC 11.6).
			if strings.HasSuffix(delay, "days") || strings.HasSuffix(delay, "day") {
				t.add(" (calendar days; a due date on a weekend or holiday is not moved)")
			} else {
				t.add(" (a due date on a weekend or holiday is not moved)")
			}
		}
	}
	if a := d.Adjust; a != nil {
		t.add("; a due date that is not a business day moves to the " + a.Rule + " business day")
		if a.Calendar != nil {
			t.add(" (" + words(a.Calendar.Name) + " calendar)")
		}
	}
}

// late reads late interest and penalties: "An installment paid late bears
// interest of 1% per month of delay, up to 12%."
func (r *reader) late(t *Text, ls []*lang.Late, what string) {
	for _, l := range ls {
		t.add(" " + what + " paid late ")
		if l.Penalty {
			t.add("incurs a penalty of ")
		} else {
			t.add("bears interest of ")
		}
		t.addText(r.exprText(l.Amount))
		t.add(" per " + unitShort(l.Per) + " of delay")
		// The defaults are read out too (SPEC 6.6): a started period
		// counts in full, and delay counts from the due date.
		switch {
		case l.Periods != nil && l.Periods.Whole:
			t.add(", counting whole " + unitShort(l.Per) + "s only")
		case l.Basis == nil:
			t.add(", a started " + unitShort(l.Per) + " counting in full")
		}
		if l.Basis != nil {
			t.add(", counted daily (" + l.Basis.Basis + ")")
		}
		if l.From != nil && l.From.DayAfter {
			t.add(", from the day after the due date")
		} else {
			t.add(", from the due date")
		}
		if l.Cap != nil {
			t.add(", up to ")
			t.addText(r.exprText(l.Cap))
			if _, ok := unparen(l.Cap).(*lang.PercentLit); ok {
				t.add(" of the amount")
			}
		}
		t.add(".")
	}
}

// unitNoun names a period for "each ...": "calendar quarter", "fiscal
// year", "half year", "contract year", "month"; def when u is nil.
func unitNoun(u *lang.PeriodUnit, def string) string {
	if u == nil {
		return def
	}
	switch {
	case u.Contract:
		return "contract year"
	case u.Fiscal:
		return "fiscal " + unitShort(u)
	}
	switch u.Unit {
	case "month", "quarter", "year":
		return "calendar " + u.Unit
	case "half":
		return "calendar half year"
	}
	return u.Unit
}

// unitShort names a period in a few words: "quarter", "half year",
// "contract year"; "quarter" for nil (the default settlement period).
func unitShort(u *lang.PeriodUnit) string {
	if u == nil {
		return "quarter"
	}
	switch {
	case u.Contract:
		return "contract year"
	case u.Unit == "half":
		return "half year"
	}
	return u.Unit
}

// adverb writes a period as installments are counted: "quarterly".
func adverb(u *lang.PeriodUnit) string {
	if u == nil {
		return "?"
	}
	var s string
	switch u.Unit {
	case "day":
		s = "daily"
	case "week":
		s = "weekly"
	case "month":
		s = "monthly"
	case "quarter":
		s = "quarterly"
	case "half":
		s = "semi-annual"
	case "year":
		s = "yearly"
	default:
		s = u.Unit
	}
	if u.Contract {
		s = "contract-year"
	}
	if u.Fiscal {
		s = "fiscal " + s
	}
	return strings.TrimSpace(s)
}

// commaAnd joins texts with commas, the last with ", and": "a, and b";
// "a, b, and c".
func commaAnd(items []Text) Text {
	var t Text
	for i, it := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			t.add(", and ")
		default:
			t.add(", ")
		}
		t.addText(it)
	}
	return t
}
