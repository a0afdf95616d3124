package repl

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// answer is the last question and its answer, for :why.
type answer struct {
	entry    string
	expr     lang.Expr
	typ      lang.Type
	val      types.Value
	asOf     types.Date
	decision *result.Decision
	lines    []*result.Line // what the money clauses make of an instance
	linesErr error
	// notGiven are the fields of an instance asked about without them
	// (see partial.go); given is the instance as typed.
	notGiven []string
	given    string
}

// ask evaluates an expression and prints its value; an action instance is
// decided.
func (s *Session) ask(ctx context.Context, entry string, e lang.Expr) bool {
	if lit, ok := e.(*lang.ActionLit); ok {
		if missing, sd := s.missingFields(lit); sd != nil && len(missing) > 0 {
			return s.askPartial(ctx, entry, lit, false)
		}
	}
	x, err := s.prog.CompileParsedExpr(s.agreement(), e, s.bindings()...)
	if err != nil {
		s.printErr(err, s.srcs, s.ss, entry)
		return false
	}
	v, err := x.Eval(ctx, interp.EvalOptions{AsOf: s.asOf})
	if err != nil {
		s.printErr(err, s.srcs, s.ss, entry)
		return false
	}
	a := &answer{entry: entry, expr: e, typ: x.Type(), val: v, asOf: s.asOf}
	if !s.replaying {
		s.statement = nil
	}
	if v.Kind() == types.KindRecord && v.Record() != nil {
		r := v.Record()
		if !r.Schema.Event() {
			d, err := s.prog.Decide(ctx, r, s.decideOptions())
			if err != nil {
				s.printErr(err, s.srcs, s.ss, entry)
				return false
			}
			a.decision = d
		}
		a.lines, a.linesErr = s.moneyFor(ctx, r)
		if ctx.Err() != nil {
			s.println("interrupted")
			return false
		}
		s.last = a
		s.printInstance(ctx, a)
		return true
	}
	s.last = a
	s.println(formatValue(v))
	if k := v.Kind(); (k == types.KindInteger || k == types.KindDecimal) && !s.replaying {
		if m := pctOfNumberRE.FindStringSubmatchIndex(stripText(entry)); m != nil {
			n := entry[m[2]:m[3]]
			s.printf("    a number, not an amount: for money write %s instead\n", replaceAt(entry, m[2], n, s.currency()+" "+withCents(n)))
		}
	}
	return true
}

// pctOfNumberRE matches a percentage of a bare number: `20% of 1000`.
var pctOfNumberRE = regexp.MustCompile(`%\s+of\s+(\d[\d,]*(?:\.\d+)?)\b`)

// decideOptions are the options of every decision the session makes:
// those of `pacta decide --as-of` with the session's as-of date (the zero
// date, the action's own date, when none is set).
func (s *Session) decideOptions() interp.DecideOptions {
	return interp.DecideOptions{AsOf: s.asOf, Explain: true, Terminated: s.terminated}
}

// settleOptions are the options of every settlement the session makes,
// from and to the given dates: those of `pacta settle --from --to
// --as-of` with the session's as-of date (the zero date, the end of the
// statement with every amendment counted, when none is set).
func (s *Session) settleOptions(from, to types.Date) interp.SettleOptions {
	return interp.SettleOptions{Agreement: s.agreement(), From: from, To: to, AsOf: s.asOf}
}

// moneyFor settles one instance on its own and returns the amounts the
// money clauses make of it: shares of an action, milestone payments on an
// event. Scheduled payments and true-ups, which do not come from the
// instance, are left out.
func (s *Session) moneyFor(ctx context.Context, r *types.Record) ([]*result.Line, error) {
	dv, ok := r.Field("date")
	if !ok || dv.Kind() != types.KindDate {
		return nil, nil
	}
	date := dv.Date()
	to, err := date.AddYears(1) // ends every period that holds date
	if err != nil {
		return nil, nil
	}
	events := func(yield func(interp.Event, error) bool) {
		yield(interp.Event{Record: r, Source: replName}, nil)
	}
	st, err := s.prog.Settle(ctx, events, s.settleOptions(date, to))
	if err != nil {
		return nil, err
	}
	var out []*result.Line
	for _, l := range st.Lines {
		if t := s.terminated; t != nil && !date.Before(t.Effective) && !l.Clause.Survives() {
			continue // the clause ended with the agreement (SPEC 5.6)
		}
		if l.Kind == "share" || l.Kind == "milestone" {
			out = append(out, l)
		}
	}
	return out, nil
}

// printInstance prints the decision on an action instance and what the
// money clauses make of it.
func (s *Session) printInstance(ctx context.Context, a *answer) {
	if d := a.decision; d != nil {
		s.println(s.describeDecision(d))
		for i := range d.Applied {
			ap := &d.Applied[i]
			if ap.Outcome == "decides" {
				continue
			}
			s.printf("  %s: %s\n", s.clauseName(ap.Clause), appliedWords(ap))
		}
	} else {
		s.println(formatValue(a.val))
	}
	for _, l := range a.lines {
		s.printf("  %s\n", s.lineWords(ctx, l, a.asOf))
	}
	if a.linesErr != nil {
		s.printf("  (the amounts could not be worked out: %s)\n", plainError(a.linesErr))
	}
}

// describeDecision is the one-line verdict: `permitted by clause 3.2 "AWS
// distribution" (aws_concessions)`.
func (s *Session) describeDecision(d *result.Decision) string {
	switch {
	case d.Verdict == lang.Conflict:
		return fmt.Sprintf("conflict between clause %s and clause %s: no notwithstanding or subject to orders them, so it is treated as prohibited",
			s.clauseName(d.Conflict[0]), s.clauseName(d.Conflict[1]))
	case d.Clause != nil:
		return fmt.Sprintf("%s by clause %s", d.Verdict, s.clauseName(d.Clause))
	case d.Note != "":
		return fmt.Sprintf("not covered, so %s by default (%s)", d.Effect, d.Note)
	}
	return fmt.Sprintf("not covered by any clause, so %s by default", d.Effect)
}

// appliedWords says what happened to a clause that applied but did not
// decide.
func appliedWords(ap *result.Applied) string {
	switch ap.Outcome {
	case "overridden":
		return fmt.Sprintf("would make it %s, but is overridden (%s)", ap.Says, ap.Reason())
	case "agrees":
		return fmt.Sprintf("also %s (%s)", ap.Says, ap.Reason())
	case "conflicts":
		return fmt.Sprintf("says %s (%s)", ap.Says, ap.Reason())
	}
	return fmt.Sprintf("%s: %s (%s)", ap.Outcome, ap.Says, ap.Reason())
}

// clauseName names a clause as answers print it: `3.2 "AWS distribution"
// (aws_concessions)`, or `(this session)` for one typed at the prompt.
func (s *Session) clauseName(c *result.ClauseInfo) string {
	if c == nil {
		return "?"
	}
	out := fmt.Sprintf("%s %q", c.Num, c.Title)
	switch {
	case c.Agreement == "session" && s.tgt.synthetic || s.ss.typed(c.Pos):
		out += " (this session)"
	case c.Amendment != "":
		out += " (" + c.Amendment + ")"
	}
	return out
}

// versionName names the version of the agreement a decision used.
func (s *Session) versionName(d *result.Decision) string {
	var w string
	switch {
	case s.tgt.synthetic:
		return "the session's own agreement, as declared here"
	case d.Version != "":
		w = d.Agreement + " as amended by " + d.Version
	default:
		w = d.Agreement + " as first made"
	}
	if s.changesAgreement() {
		w += ", with the changes typed in this session"
	}
	return w
}

// lineWords is one amount: `under 5.1 "Revenue share" (aws_concessions):
// openai pays microsoft USD 250,000.00 for 2027-Q1 (25% of USD
// 1,000,000.00)`.
func (s *Session) lineWords(ctx context.Context, l *result.Line, asOf types.Date) string {
	out := fmt.Sprintf("under %s: %s pays %s %s", s.clauseName(l.Clause), l.Payer, l.Payee, l.Amount)
	if !l.Period.IsZero() {
		out += " for " + l.Period.String()
	}
	if r := rateWords(l); r != "" {
		if isName(l.Rate) {
			if v, ok := s.evalText(ctx, l.Rate, asOf); ok {
				r += "; " + l.Rate + " is " + v
			}
		}
		out += " (" + r + ")"
	}
	if l.Clause != nil && l.Clause.Decl != nil {
		if m, ok := l.Clause.Decl.Body.(*lang.Milestone); ok && m.First {
			out += fmt.Sprintf(", if it is the first %s", identName(m.Event))
		}
	}
	return out
}

// isName reports whether text is a plain name, such as a term's.
func isName(text string) bool {
	if text == "" || isDigit(text[0]) {
		return false
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c)) {
			return false
		}
	}
	return true
}

// rateWords says how a line's amount was reached: `25% of USD
// 1,000,000.00`, or for a share of several lines `25% of USD 1,000.00 +
// 20% of USD 500.00`.
func rateWords(l *result.Line) string {
	switch {
	case l.Rate != "" && strings.Contains(l.Rate, " of "):
		return strings.ReplaceAll(l.Rate, "; ", " + ")
	case l.Base != nil && l.Rate != "":
		return fmt.Sprintf("%s of %s", l.Rate, *l.Base)
	case l.Base != nil:
		return fmt.Sprintf("on %s", *l.Base)
	}
	return l.Rate
}

// formatValue writes a value for the REPL. Instance fields that were left
// out are not shown.
func formatValue(v types.Value) string {
	switch v.Kind() {
	case types.KindRecord:
		r := v.Record()
		if r == nil || r.Schema == nil {
			return v.String()
		}
		var b strings.Builder
		b.WriteString(r.Schema.Name())
		if actor, ok := r.Field("actor"); ok && !r.Schema.Event() {
			b.WriteString(" by ")
			b.WriteString(formatValue(actor))
		}
		b.WriteString(" {")
		first := true
		for i, name := range r.Schema.Fields() {
			f := r.Fields[i]
			if name == "actor" && !r.Schema.Event() || f.Kind() == types.KindInvalid {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			fmt.Fprintf(&b, " %s: %s", name, formatValue(f))
		}
		b.WriteString(" }")
		return b.String()
	case types.KindList:
		parts := make([]string, len(v.List()))
		for i, e := range v.List() {
			parts[i] = formatValue(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return v.String()
}

// why explains the last answer in full.
func (s *Session) why(ctx context.Context) bool {
	a := s.last
	if a == nil && s.statement != nil {
		return s.whyStatement(ctx)
	}
	if a == nil {
		s.println("nothing to explain yet: ask a question first (an expression, or an action such as the example in :help)")
		return true
	}
	asOf := "not set, so the latest versions of every clause and term count (after every loaded amendment)"
	if !a.asOf.IsZero() {
		asOf = a.asOf.String() + ": amendments that take effect after it are left out"
	}
	if d := a.decision; d != nil {
		if len(a.notGiven) > 0 {
			s.printf("question: %s\n", oneLine(a.given))
			s.printf("not given: %s (no clause that decides reads them)\n", strings.Join(a.notGiven, ", "))
		} else {
			s.printf("question: %s\n", formatValue(a.val))
		}
		s.printf("verdict:  %s\n", s.describeDecision(d))
		if a.asOf.IsZero() {
			s.printf("date:     %s, the action's date (no :asof is set)\n", d.AsOf)
		} else {
			s.printf("as of:    %s (:asof): amendments that take effect after it are left out\n", d.AsOf)
		}
		s.printf("version:  %s\n", s.versionName(d))
		if d.Note != "" {
			s.printf("note: %s\n", d.Note)
		}
		if len(d.Applied) == 0 {
			s.printf("no clause of %s speaks to this %s by %s, so the agreement's default applies: %s\n",
				d.Agreement, a.val.Record().Schema.Name(), actorOf(a.val.Record()), d.Effect)
		} else {
			s.println("clauses that apply:")
			for i := range d.Applied {
				ap := &d.Applied[i]
				s.printf("  %s says %s: %s", s.clauseName(ap.Clause), ap.Says, ap.Outcome)
				if r := ap.Reason(); r != "" {
					s.printf(", %s", r)
				}
				s.println()
				if c := ap.Clause.Decl; c != nil && c.Body != nil {
					if c.Prose != nil && c.Prose.Value != "" {
						s.printf("      the agreement says: %q\n", c.Prose.Value)
					}
					s.printf("      in Pacta: %s\n", oneLine(lang.FormatItem(bodyOnly(c))))
				}
				for _, e := range ap.Exceptions {
					s.printf("      %s to term %s applied in its condition\n", "exception "+e.Exception, e.Term)
				}
				if dr := ap.DateRule(d.Date); dr != "" {
					s.printf("      dates: %s\n", dr)
				}
			}
		}
		if not := s.notApplied(ctx, a, d); len(not) > 0 {
			s.println("clauses considered that did not apply:")
			for _, l := range not {
				s.printf("  %s\n", l)
			}
		}
		if len(a.notGiven) == 0 {
			s.whyMoney(ctx, a)
		}
		return true
	}
	if a.lines != nil || a.linesErr != nil {
		s.printf("question: %s\n", formatValue(a.val))
		s.whyMoney(ctx, a)
		return true
	}
	s.printf("expression: %s\n", lang.FormatExpr(a.expr))
	s.printf("type:       %s\n", typeWords(a.typ))
	s.printf("value:      %s\n", formatValue(a.val))
	if a.val.Kind() == types.KindPeriod {
		// A period is said with its first and last days (SPEC 11.3).
		p := a.val.Period()
		s.printf("days:       %s to %s, both included\n", p.Start(), p.End())
	}
	s.printf("as of:      %s\n", asOf)
	s.whyExceptions(ctx, a)
	parts := s.explainParts(ctx, a)
	if len(parts) > 0 {
		s.println("where:")
		for _, p := range parts {
			s.printf("  %s\n", p)
		}
	}
	return true
}

// whyMoney prints the amounts the money clauses make of an instance, with
// base and rate.
func (s *Session) whyMoney(ctx context.Context, a *answer) {
	if a.linesErr != nil {
		s.printf("the amounts could not be worked out: %s\n", plainError(a.linesErr))
		return
	}
	if len(a.lines) == 0 {
		s.println("no money clause makes an amount of it")
		return
	}
	s.println("what the money clauses make of it (settled on its own):")
	for _, l := range a.lines {
		s.printf("  %s: %s pays %s %s for %s, due %s\n", s.clauseName(l.Clause), l.Payer, l.Payee, l.Amount, l.Period, l.Due)
		switch {
		case l.Base != nil && strings.Contains(l.Rate, " of "):
			s.printf("      base %s, in parts: %s\n", *l.Base, strings.ReplaceAll(l.Rate, "; ", " + "))
		case l.Base != nil:
			s.printf("      base %s", *l.Base)
			if l.Rate != "" {
				s.printf(", rate %s", l.Rate)
				if v, ok := s.evalText(ctx, l.Rate, a.asOf); ok && v != l.Rate {
					s.printf(" = %s", v)
				}
			}
			s.println()
		case l.Rate != "":
			s.printf("      %s\n", l.Rate)
		}
		for _, n := range l.Notes {
			s.printf("      %s\n", n)
		}
		if l.DueRule != "" && !slices.Contains(l.Notes, l.DueRule) {
			s.printf("      %s\n", l.DueRule)
		}
	}
}

// evalText evaluates source text in the session agreement, quietly.
func (s *Session) evalText(ctx context.Context, src string, asOf types.Date) (string, bool) {
	e, errs := lang.ParseExpr("<why>", []byte(src))
	if len(errs) > 0 {
		return "", false
	}
	x, err := s.prog.CompileParsedExpr(s.agreement(), e, s.bindings()...)
	if err != nil {
		return "", false
	}
	v, err := x.Eval(ctx, interp.EvalOptions{AsOf: asOf})
	if err != nil {
		return "", false
	}
	return formatValue(v), true
}

// explainParts evaluates the named parts of an expression: the terms,
// givens and calls it uses, outermost first, then the definitions of the
// terms it uses and the values of the value terms those use in turn.
func (s *Session) explainParts(ctx context.Context, a *answer) []string {
	scope, err := s.prog.Info().Scope(s.agreement())
	if err != nil {
		return nil
	}
	var lb []lang.Binding
	for _, b := range s.bindings() {
		lb = append(lb, lang.Binding{Given: b.Given, Type: b.Type})
	}
	info, _, errs := scope.CheckExpr(a.expr, lb)
	if len(errs) > 0 {
		return nil
	}
	const maxParts = 16
	var out []string
	seen := map[string]bool{}
	add := func(e lang.Expr, note string) {
		text := lang.FormatExpr(e)
		if seen[text] || len(out) >= maxParts {
			return
		}
		seen[text] = true
		x, err := s.prog.CompileParsedExpr(s.agreement(), e, s.bindings()...)
		if err != nil {
			return
		}
		v, err := x.Eval(ctx, interp.EvalOptions{AsOf: a.asOf})
		if err != nil {
			return
		}
		line := fmt.Sprintf("%s = %s", text, formatValue(v))
		if note != "" {
			line += "\n      " + note
		}
		out = append(out, line)
	}
	var terms []*lang.TermDecl
	useTerm := func(t *lang.TermDecl) {
		for _, u := range terms {
			if u == t {
				return
			}
		}
		terms = append(terms, t)
	}
	var walk func(e lang.Expr, top bool)
	walk = func(e lang.Expr, top bool) {
		switch e := e.(type) {
		case *lang.Ident:
			switch o := info.Uses[e].(type) {
			case *lang.TermObj:
				add(e, "")
				useTerm(o.Decl)
			case *lang.GivenObj:
				add(e, "given in this session")
			}
		case *lang.Call:
			if o, ok := info.Uses[e.Fun].(*lang.TermObj); ok {
				useTerm(o.Decl)
			}
			note := ""
			if _, ok := info.Uses[e.Fun].(*lang.FuncObj); ok && e.Fun.Name == "date_of" && len(e.Args) == 1 {
				note = s.zoneNote()
			}
			if !top || note != "" {
				add(e, note)
			}
		case *lang.Binary:
			if !top && e.Op == lang.Of {
				add(e, "")
			}
			if e.Op == lang.Of {
				if !isLiteral(e.X) {
					add(e.X, "the rate")
				}
				if !isLiteral(e.Y) {
					add(e.Y, "the base")
				}
			}
		case *lang.Paren:
			walk(e.X, top) // parentheses do not make a part of their own
			return
		}
		for _, c := range lang.Children(e) {
			walk(c, false)
		}
	}
	walk(a.expr, true)
	// The terms used, and the value terms their definitions use.
	uses := s.prog.Info().Uses
	for i := 0; i < len(terms) && len(out) < maxParts; i++ {
		t := terms[i]
		if t.Params == nil && isLiteral(t.Body) && (t.Prose == nil || t.Prose.Value == "") {
			continue // `rate = 15%` above says it all
		}
		def := "term " + oneLine(lang.FormatItem(&lang.TermDecl{Name: t.Name, Params: t.Params, Body: t.Body}))
		def = strings.TrimPrefix(def, "term term ")
		line := "definition: term " + def
		if t.Prose != nil && t.Prose.Value != "" {
			line += "\n      " + t.Prose.Value
		}
		out = append(out, line)
		at := len(out) - 1
		zoned := false
		lang.Inspect(t.Body, func(e lang.Expr) bool {
			var id *lang.Ident
			switch e := e.(type) {
			case *lang.Ident:
				id = e
			case *lang.Call:
				id = e.Fun
				// date_of(t) inside a term takes the day in the
				// agreement's zone too (SPEC 11.7): say which.
				if _, ok := uses[e.Fun].(*lang.FuncObj); ok && e.Fun.Name == "date_of" && len(e.Args) == 1 && !zoned {
					if note := s.zoneNote(); note != "" {
						out[at] += "\n      date_of: " + note
						zoned = true
					}
				}
			}
			if id == nil {
				return true
			}
			if o, ok := uses[id].(*lang.TermObj); ok {
				if o.Decl.Params == nil {
					add(&lang.Ident{At: id.At, Name: id.Name}, "")
				}
				useTerm(o.Decl)
			}
			return true
		})
	}
	return out
}

// zoneNote says in which zone date_of(t) takes the day (SPEC 11.7): the
// agreement's `time zone`, with its prose, or "" when it declares none.
func (s *Session) zoneNote() string {
	for _, ai := range s.prog.Info().Agreements {
		if ai.Decl == nil || ai.Decl.ID == nil || ai.Decl.ID.Name != s.agreement() || ai.TimeZone == "" {
			continue
		}
		note := "the day in " + ai.TimeZone + ", by the agreement's `time zone " + ai.TimeZone + "`"
		for _, it := range ai.Decl.Items {
			if tz, ok := it.(*lang.TimeZoneDecl); ok && tz.Prose != nil && tz.Prose.Value != "" {
				note += " (\"" + tz.Prose.Value + "\")"
			}
		}
		return note
	}
	return ""
}

// isLiteral reports whether e is written as a plain literal.
func isLiteral(e lang.Expr) bool {
	switch e.(type) {
	case *lang.IntLit, *lang.DecimalLit, *lang.PercentLit, *lang.MoneyLit, *lang.DateLit, *lang.TimestampLit,
		*lang.DurationLit, *lang.PeriodLit, *lang.StringLit, *lang.BoolLit:
		return true
	}
	return false
}

// typeWords names a type for people.
func typeWords(t lang.Type) string {
	switch t := t.(type) {
	case nil:
		return "unknown"
	case *lang.Money:
		return "money in " + t.Currency
	case *lang.Enum:
		return "one of kind " + t.String()
	case *lang.Record:
		return "an instance of " + t.String()
	}
	return t.String()
}

// actorOf returns the actor of an action instance.
func actorOf(r *types.Record) string {
	if v, ok := r.Field("actor"); ok {
		return v.String()
	}
	return "?"
}

// bodyOnly returns a clause without its header, prose and precedence for
// printing its rule alone.
func bodyOnly(c *lang.ClauseDecl) lang.Item {
	cp := *c
	cp.Prose = nil
	cp.Replace = false
	return &cp
}

// oneLine joins the lines of formatted text with single spaces.
func oneLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.Join(lines, " ")
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
