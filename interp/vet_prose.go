package interp

import (
	"fmt"
	"reflect"
	"regexp"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file compares the prose of each clause with its logic (SPEC
// 14.7). A figure written both in words and in digits must say the same
// thing twice ("twenty percent (25%)" does not). Every percentage,
// duration, amount, date and count of payments the logic writes must be
// stated in the prose when the prose states any figure of that sort.
// Every party the logic names must be named in the prose when the prose
// names any party, and a party the prose has act or be paid must be one
// the logic involves, in that role for a payment. Lawyers read the prose;
// a mismatch is a drafting error one way or the other. Reading the prose
// is in vet_prose_words.go (numbers), vet_prose_scan.go (figures, dates,
// amounts) and vet_prose_party.go (parties).

// logicFigures are the figures a clause's logic writes as literals, and
// the names it uses.
type logicFigures struct {
	percents  []*lang.PercentLit
	durations []logicDuration
	amounts   []*lang.MoneyLit
	dates     []*lang.DateLit
	counts    []logicCount
	idents    []*lang.Ident
}

// logicDuration is a duration of the logic: `30 days`, `2 years`, `10
// business days`.
type logicDuration struct {
	n    types.Decimal
	unit string // "day", "business day", "week", "month", "year"
	pos  lang.Pos
	raw  string
}

// logicCount is how many payments a clause makes: its installments, or
// the dates of a payment on several dates.
type logicCount struct {
	n    int64
	noun string
	pos  lang.Pos
}

// collectFigures walks a syntax tree for the literals and names of
// logicFigures.
func collectFigures(n any, out *logicFigures) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			switch x := v.Interface().(type) {
			case *lang.PercentLit:
				out.percents = append(out.percents, x)
				return
			case *lang.MoneyLit:
				out.amounts = append(out.amounts, x)
				return
			case *lang.DateLit:
				out.dates = append(out.dates, x)
				return
			case *lang.DurationLit:
				if d, err := types.ParseDecimal(x.N); err == nil && x.Unit != "" {
					out.durations = append(out.durations, logicDuration{d, x.Unit, x.At, x.Raw})
				}
				return
			case *lang.BusinessDays:
				if x.Count != nil {
					if d, err := types.ParseDecimal(x.Count.Text); err == nil {
						out.durations = append(out.durations, logicDuration{d, "business day", x.At, x.Count.Text + " business days"})
					}
				}
				if x.Calendar != nil {
					out.idents = append(out.idents, x.Calendar)
				}
				return
			case *lang.Installments:
				if x.Count != nil {
					var n int64
					if _, err := fmt.Sscan(x.Count.Text, &n); err == nil {
						out.counts = append(out.counts, logicCount{n, "installments", x.Count.At})
					}
				}
			case *lang.Payment:
				if len(x.Dates) > 1 {
					out.counts = append(out.counts, logicCount{int64(len(x.Dates)), "payments", x.Dates[0].At})
				}
			case *lang.Ident:
				out.idents = append(out.idents, x)
				return
			case *lang.StringLit, *lang.ClauseRef:
				return
			}
			walk(v.Elem())
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(n))
}

// prose compares the prose and logic of every clause of the agreement,
// each clause version once.
func (v *vetter) prose() {
	seen := map[*result.ClauseInfo]bool{}
	for _, ver := range v.a.versions {
		for _, c := range ver.clauses {
			if seen[c] || c.Decl.Prose == nil {
				continue
			}
			seen[c] = true
			v.proseOf(c)
		}
	}
}

func (v *vetter) proseOf(c *result.ClauseInfo) {
	prose := c.Decl.Prose.Value
	nums := scanNumbers(prose)
	figs := scanFigures(prose, nums)
	v.proseSelf(c, prose, figs)
	var lf logicFigures
	collectFigures(c.Decl.Body, &lf)
	v.prosePercents(c, figs, lf.percents)
	v.proseDurations(c, figs, lf.durations)
	v.proseCounts(c, figs, lf.counts)
	v.proseAmounts(c, scanAmounts(prose, nums), lf.amounts)
	v.proseDates(c, prose, lf.dates)
	v.proseParties(c, prose, lf.idents)
}

// proseSelf reports figures written in words and in digits that disagree.
func (v *vetter) proseSelf(c *result.ClauseInfo, prose string, figs []proseFigure) {
	for _, f := range figs {
		if f.paren == nil || f.paren.Cmp(f.num.val) == 0 {
			continue
		}
		words := prose[f.num.start:f.num.end]
		var msg string
		switch f.sort {
		case figPercent:
			msg = fmt.Sprintf("clause %s's prose says %q (%s%%) in words but %s%% in digits", c.Num, words+" percent", f.num.val, f.parenRaw)
		case figDuration:
			msg = fmt.Sprintf("clause %s's prose says %q (%s) %s in words but %s in digits", c.Num, words, f.num.val, unitPlural(f.unit), f.parenRaw)
		default:
			msg = fmt.Sprintf("clause %s's prose says %q (%s) %s in words but %s in digits", c.Num, words, f.num.val, f.unit, f.parenRaw)
		}
		v.add(result.VetFinding{Kind: result.VetProse, Severity: result.VetWarning, Pos: v.prosePos(c, f.num.start), Clauses: []*result.ClauseInfo{c}, Message: msg})
	}
}

// stated returns the values the prose states for figures of one sort
// (both the words and the digits of "thirty (30)"), with as-written
// descriptions for messages.
func stated(figs []proseFigure, sort string) (vals []proseFigure, desc []string) {
	seen := map[string]bool{}
	for _, f := range figs {
		if f.sort != sort {
			continue
		}
		vals = append(vals, f)
		if f.paren != nil {
			g := f
			g.num.val = *f.paren
			vals = append(vals, g)
		}
		var d string
		switch sort {
		case figPercent:
			d = f.num.val.String() + "%"
		case figDuration:
			d = f.num.val.String() + " " + pluralN(f.num.val, f.unit)
		default:
			d = f.num.val.String() + " " + f.unit
		}
		if !seen[d] {
			seen[d] = true
			desc = append(desc, d)
		}
	}
	return vals, desc
}

func (v *vetter) prosePercents(c *result.ClauseInfo, figs []proseFigure, lits []*lang.PercentLit) {
	vals, desc := stated(figs, figPercent)
	if len(vals) == 0 {
		return
	}
outer:
	for _, p := range lits {
		d, err := types.ParseDecimal(p.Text)
		if err != nil {
			continue
		}
		for _, f := range vals {
			if f.num.val.Cmp(d) == 0 {
				continue outer
			}
		}
		v.add(result.VetFinding{Kind: result.VetProse, Severity: result.VetWarning, Pos: p.At, Clauses: []*result.ClauseInfo{c},
			Message: fmt.Sprintf("clause %s's logic says %s%%, but its prose never states %s%% (it states %s)", c.Num, p.Text, p.Text, andList(desc))})
	}
}

func (v *vetter) proseDurations(c *result.ClauseInfo, figs []proseFigure, durs []logicDuration) {
	vals, desc := stated(figs, figDuration)
	if len(vals) == 0 {
		return
	}
outer:
	for _, d := range durs {
		n, unit := durationKey(d.n, d.unit)
		for _, f := range vals {
			if m, u := durationKey(f.num.val, f.unit); u == unit && m.Cmp(n) == 0 {
				continue outer
			}
		}
		v.add(result.VetFinding{Kind: result.VetProse, Severity: result.VetWarning, Pos: d.pos, Clauses: []*result.ClauseInfo{c},
			Message: fmt.Sprintf("clause %s's logic says %s, but its prose never states %s %s (it states %s)", c.Num, d.raw, d.n, pluralN(d.n, d.unit), andList(desc))})
	}
}

func (v *vetter) proseCounts(c *result.ClauseInfo, figs []proseFigure, counts []logicCount) {
	vals, desc := stated(figs, figCount)
	if len(vals) == 0 {
		return
	}
outer:
	for _, n := range counts {
		for _, f := range vals {
			if f.num.val.Cmp(types.DecimalFromInt(n.n)) == 0 {
				continue outer
			}
		}
		v.add(result.VetFinding{Kind: result.VetProse, Severity: result.VetWarning, Pos: n.pos, Clauses: []*result.ClauseInfo{c},
			Message: fmt.Sprintf("clause %s's logic makes %d %s, but its prose never states %d (it states %s)", c.Num, n.n, n.noun, n.n, andList(desc))})
	}
}

func (v *vetter) proseAmounts(c *result.ClauseInfo, amounts []types.Decimal, lits []*lang.MoneyLit) {
	if len(amounts) == 0 {
		return
	}
outer:
	for _, m := range lits {
		d, err := types.ParseDecimal(m.Amount)
		if err != nil {
			continue
		}
		for _, a := range amounts {
			if a.Cmp(d) == 0 {
				continue outer
			}
		}
		v.add(result.VetFinding{Kind: result.VetProse, Severity: result.VetWarning, Pos: m.At, Clauses: []*result.ClauseInfo{c},
			Message: fmt.Sprintf("clause %s's logic says %s, but its prose never states that amount", c.Num, types.MoneyValue(m.Currency, d))})
	}
}

// proseDates reports dates of the logic the prose does not state, when
// it states any. A date the prose writes without a year ("15 January,
// 15 April and 15 July 2027": the first two) states that day of any year.
func (v *vetter) proseDates(c *result.ClauseInfo, prose string, lits []*lang.DateLit) {
	if len(lits) == 0 {
		return
	}
	dates := scanDates(prose)
	if len(dates) == 0 {
		return
	}
	var desc []string
	seen := map[string]bool{}
	for _, d := range dates {
		s := fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
		if d.year == 0 {
			s = fmt.Sprintf("%d %s (no year)", d.day, monthNameOf(d.month))
		}
		if !seen[s] {
			seen[s] = true
			desc = append(desc, s)
		}
	}
outer:
	for _, lit := range lits {
		ld, err := types.ParseDate(lit.Text)
		if err != nil {
			continue
		}
		y, m, dd := ld.YMD()
		for _, d := range dates {
			if d.month == m && d.day == dd && (d.year == 0 || d.year == y) {
				continue outer
			}
		}
		v.add(result.VetFinding{Kind: result.VetProse, Severity: result.VetWarning, Pos: lit.At, Clauses: []*result.ClauseInfo{c},
			Message: fmt.Sprintf("clause %s's logic says %s, but its prose never states that date (it states %s)", c.Num, lit.Text, andList(desc))})
	}
}

func monthNameOf(m int) string {
	names := [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	if m >= 1 && m <= 12 {
		return names[m-1]
	}
	return fmt.Sprint(m)
}

// payVerb follows a party that acts and pays: `shall pay`, `will remit`.
var payVerb = regexp.MustCompile(`^(?:,|\s)\s*(?:shall|will|must|agrees to|undertakes to|is to)\s+(?:pay|remit)\b`)

// proseParties compares the parties of the prose with those of the
// logic.
func (v *vetter) proseParties(c *result.ClauseInfo, prose string, idents []*lang.Ident) {
	mentions := partyMentions(prose, v.partiesForProse())
	if len(mentions) == 0 {
		return
	}
	// The parties the logic names, in order, and those it involves: also
	// the members of a split it pays.
	var named []*lang.Ident
	namedSeen := map[string]bool{}
	involved := map[string]bool{}
	for _, id := range idents {
		if v.isParty(id) {
			involved[id.Name] = true
			if !namedSeen[id.Name] {
				namedSeen[id.Name] = true
				named = append(named, id)
			}
		}
		for _, m := range v.splitMembers(id) {
			involved[m] = true
		}
	}
	mentioned := map[string]bool{}
	for _, m := range mentions {
		mentioned[m.party.id] = true
	}
	byID := map[string]*proseParty{}
	for _, p := range v.partiesForProse() {
		byID[p.id] = p
	}
	var names []string
	seen := map[string]bool{}
	for _, m := range mentions {
		if w := prose[m.start:m.end]; !seen[w] {
			seen[w] = true
			names = append(names, w)
		}
	}
	// The prose says who does what only when it has some party act or be
	// paid: "a purchase of more than 5,000 units is not permitted" names
	// no party the logic must be about.
	roles := false
	for _, m := range mentions {
		roles = roles || m.role(prose) != ""
	}
	for _, id := range named {
		if mentioned[id.Name] || !roles {
			continue
		}
		v.add(result.VetFinding{Kind: result.VetProse, Severity: result.VetWarning, Pos: id.At, Clauses: []*result.ClauseInfo{c},
			Message: fmt.Sprintf("clause %s's logic names %s (%q), but its prose never names that party (it names %s)", c.Num, id.Name, byID[id.Name].name, andList(names))})
	}
	payer, payees := v.payParties(c)
	reported := map[string]bool{}
	for _, m := range mentions {
		role := m.role(prose)
		if role == "" || reported[m.party.id+role] {
			continue
		}
		words := prose[m.start:m.end]
		var msg string
		switch {
		case !involved[m.party.id]:
			if role == "acts" {
				msg = fmt.Sprintf("clause %s's prose has %s act (%q), but its logic does not involve %s (%q)", c.Num, words, excerpt(prose, m), m.party.id, m.party.name)
			} else {
				msg = fmt.Sprintf("clause %s's prose has %s paid (%q), but its logic does not involve %s (%q)", c.Num, words, excerpt(prose, m), m.party.id, m.party.name)
			}
		case payer != "" && role == "acts" && payVerb.MatchString(prose[m.end:]) && m.party.id != payer:
			msg = fmt.Sprintf("clause %s's prose has %s pay (%q), but in its logic %s pays", c.Num, words, excerpt(prose, m), payer)
		case payer != "" && role == "paid" && !payees[m.party.id]:
			msg = fmt.Sprintf("clause %s's prose has %s paid (%q), but in its logic %s is not paid", c.Num, words, excerpt(prose, m), m.party.id)
		default:
			continue
		}
		reported[m.party.id+role] = true
		v.add(result.VetFinding{Kind: result.VetProse, Severity: result.VetWarning, Pos: v.prosePos(c, m.start), Clauses: []*result.ClauseInfo{c}, Message: msg})
	}
}

// excerpt is the words of prose around a mention that give its role:
// "Microsoft shall pay", "pay OpenAI".
func excerpt(prose string, m partyMention) string {
	if loc := payVerb.FindStringIndex(prose[m.end:]); loc != nil {
		return prose[m.start : m.end+loc[1]]
	}
	if loc := actsAfter.FindStringIndex(prose[m.end:]); loc != nil {
		return prose[m.start : m.end+loc[1]]
	}
	if loc := paidBefore.FindStringIndex(prose[:m.start]); loc != nil {
		return prose[loc[0]:m.end]
	}
	return prose[m.start:m.end]
}

// partiesForProse returns the agreement's parties as prose names them,
// built once per vetter.
func (v *vetter) partiesForProse() []*proseParty {
	if v.parties == nil {
		for _, ai := range v.p.info.Agreements {
			if ai.Decl.ID.Name == v.a.id {
				v.parties = proseParties(ai)
			}
		}
		if v.parties == nil {
			v.parties = []*proseParty{}
		}
	}
	return v.parties
}

// isParty reports whether id names a party.
func (v *vetter) isParty(id *lang.Ident) bool {
	switch v.p.info.Uses[id].(type) {
	case *lang.PartyObj:
		return true
	case nil:
		return v.a.parties[id.Name]
	}
	return false
}

// splitMembers returns the parties of the split id names, if it names
// one.
func (v *vetter) splitMembers(id *lang.Ident) []string {
	obj, ok := v.p.info.Uses[id].(*lang.SplitObj)
	if !ok || obj.Clause == nil {
		return nil
	}
	sd, ok := obj.Clause.Body.(*lang.SplitDecl)
	if !ok || sd.Split == nil {
		return nil
	}
	var out []string
	for _, s := range sd.Split.Shares {
		if s.Party != nil {
			out = append(out, s.Party.Name)
		}
	}
	if sd.Split.RemainderTo != nil {
		out = append(out, sd.Split.RemainderTo.Name)
	}
	return out
}

// payParties returns the payer of a money clause and the parties it
// pays (a split's members included); "" for other clauses.
func (v *vetter) payParties(c *result.ClauseInfo) (string, map[string]bool) {
	var payer *lang.Ident
	var payee lang.Payee
	switch b := c.Decl.Body.(type) {
	case *lang.Payment:
		payer, payee = b.Payer, b.Payee
	case *lang.Installments:
		payer, payee = b.Payer, b.Payee
	case *lang.Milestone:
		payer, payee = b.Payer, b.Payee
	case *lang.Share:
		payer, payee = b.Payer, b.Payee
	default:
		return "", nil
	}
	if payer == nil || payee == nil {
		return "", nil
	}
	var lf logicFigures
	collectFigures(payee, &lf)
	out := map[string]bool{}
	for _, id := range lf.idents {
		if v.isParty(id) {
			out[id.Name] = true
		}
		for _, m := range v.splitMembers(id) {
			out[m] = true
		}
	}
	return payer.Name, out
}

// unitPlural is a unit's plural: "days", "business days".
func unitPlural(unit string) string { return unit + "s" }

// pluralN is unit's singular for one, else its plural.
func pluralN(n types.Decimal, unit string) string {
	if n.Cmp(types.DecimalFromInt(1)) == 0 {
		return unit
	}
	return unitPlural(unit)
}

// prosePos is the position of byte off of c's prose in its source, when
// the prose is written on one line without escapes; else the prose's
// own position.
func (v *vetter) prosePos(c *result.ClauseInfo, off int) lang.Pos {
	lit := c.Decl.Prose
	src := v.p.sources[lit.At.File]
	start := lit.At.Offset + 1
	if start+off > len(src) || string(src[start:start+off]) != lit.Value[:off] {
		return lit.At
	}
	p := lit.At
	p.Offset = start + off
	p.Col += 1 + utf8.RuneCountInString(lit.Value[:off])
	return p
}
