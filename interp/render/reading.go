package render

import (
	"strings"

	"github.com/pacta-lang/pacta/lang"
)

// This file reads expressions in plain English, deterministically from
// the syntax tree: `platform not in [Azure, Direct]` is "the platform is
// neither Azure nor Direct", `s.gross - s.refunds` "the gross less the
// refunds".

// reader turns syntax into readings for one agreement.
type reader struct {
	info    *lang.Info
	parties map[string]string // id: the name readings use
	clauses map[string]bool   // clause numbers that have an anchor
	terms   map[string]bool   // terms that have an anchor; nil: every term
	// anchorPrefix starts every anchor of the agreement in a document of
	// several ("ID-"), for the links written into pictures.
	anchorPrefix string
	source       func(file string) []byte
	files        map[string]*lang.File // files parsed again for their comments
	// exceptions are the exceptions to each term in force (SPEC 4.8),
	// by term name, in the order written.
	exceptions map[string][]*lang.ExceptionDecl
}

func newReader(info *lang.Info, ai *lang.AgreementInfo) *reader {
	r := &reader{info: info, parties: map[string]string{}, clauses: map[string]bool{}, files: map[string]*lang.File{}}
	addParties := func(items []lang.Item) {
		for _, it := range items {
			if p, ok := it.(*lang.PartyDecl); ok && p.ID != nil {
				name := p.ID.Name
				if p.Name != nil && strings.TrimSpace(p.Name.Value) != "" {
					name = shortName(p.Name.Value)
				}
				r.parties[p.ID.Name] = name
			}
		}
	}
	if ai != nil {
		addParties(ai.Decl.Items)
		for _, am := range ai.Amendments {
			addParties(am.Items)
		}
	}
	return r
}

// party names a party: its short legal name, or its identifier.
func (r *reader) party(id *lang.Ident) string {
	if id == nil {
		return "?"
	}
	if n, ok := r.parties[id.Name]; ok {
		return n
	}
	return id.Name
}

// clauseRef links a clause number.
func (r *reader) clauseRef(t *Text, num string) {
	ref := ""
	if r.clauses[num] {
		ref = clauseAnchor(num)
	}
	t.link("clause "+num, ref)
}

// termLink writes a term's name, linked to its definition when the
// document has it.
func (r *reader) termLink(t *Text, name string) {
	ref := termAnchor(name)
	if r.terms != nil && !r.terms[name] {
		ref = ""
	}
	t.link(titleWords(name), ref)
}

func clauseAnchor(num string) string { return "clause-" + num }
func termAnchor(name string) string  { return "term-" + name }

// exprText reads an expression.
func (r *reader) exprText(e lang.Expr) Text {
	var t Text
	r.expr(&t, e, 0)
	return t
}

// level is how tightly the context binds, for grouping: 0 anything, 1
// inside `or`, 2 inside `and`.
func (r *reader) expr(t *Text, e lang.Expr, level int) {
	switch e := e.(type) {
	case nil:
		t.add("?")
	case *lang.Paren:
		if b, ok := unparen(e.X).(*lang.Binary); ok && level >= 3 && b.Op >= lang.Add {
			t.add("(")
			r.expr(t, b, 0)
			t.add(")")
			return
		}
		r.expr(t, e.X, level)
	case *lang.Ident:
		r.ident(t, e)
	case *lang.IntLit:
		t.add(e.Text)
	case *lang.DecimalLit:
		t.add(e.Text)
	case *lang.PercentLit:
		t.add(e.Text + "%")
	case *lang.MoneyLit:
		t.add(e.Currency + " " + e.Raw)
	case *lang.DateLit:
		t.add(e.Text)
	case *lang.DurationLit:
		t.add(e.Raw)
	case *lang.PeriodLit:
		t.add(e.Text)
	case *lang.StringLit:
		t.add("“" + e.Value + "”")
	case *lang.BoolLit:
		if e.Value {
			t.add("true")
		} else {
			t.add("false")
		}
	case *lang.ListLit:
		t.addText(joinTexts(r.elems(e.Elems), "and"))
	case *lang.Selector:
		r.selector(t, e)
	case *lang.Call:
		r.call(t, e)
	case *lang.Unary:
		r.unary(t, e, level)
	case *lang.Binary:
		r.binary(t, e, level)
	case *lang.If:
		t.add("if ")
		t.addText(r.condition(e.Cond))
		t.add(", ")
		r.expr(t, e.Then, 0)
		t.add(", and otherwise ")
		r.expr(t, e.Else, 0)
	case *lang.Aggregate:
		r.aggregate(t, e)
	case *lang.Choose:
		r.choose(t, e)
	case *lang.Owed:
		t.add("what " + r.party(e.Payer) + " owes " + r.party(e.Payee) + " for ")
		r.expr(t, e.Period, 0)
		if e.Clause != nil {
			t.add(" under ")
			r.clauseRef(t, e.Clause.Num)
		}
	default:
		t.add(lang.FormatExpr(e))
	}
}

func (r *reader) elems(es []lang.Expr) []Text {
	out := make([]Text, len(es))
	for i, x := range es {
		out[i] = r.exprText(x)
	}
	return out
}

// ident reads a name by what it refers to.
func (r *reader) ident(t *Text, id *lang.Ident) {
	switch o := r.info.Uses[id].(type) {
	case *lang.PartyObj:
		t.add(r.party(id))
	case *lang.FieldObj:
		t.add("the " + words(o.Name))
	case *lang.TermObj:
		t.add("the ")
		r.termLink(t, id.Name)
	case *lang.ParamObj:
		t.add(words(id.Name))
	case *lang.EventObj:
		t.add("the " + words(id.Name))
	case *lang.EnumMemberObj:
		t.add(o.Name)
	default:
		if _, ok := r.parties[id.Name]; ok {
			t.add(r.party(id))
			return
		}
		t.add(words(id.Name))
	}
}

// isSubject reports whether x stands for the instance a clause or term is
// about (the current event or a term's parameter), which readings leave
// unsaid: `s.gross` is "the gross".
func (r *reader) isSubject(x lang.Expr) bool {
	id, ok := x.(*lang.Ident)
	if !ok {
		return false
	}
	switch o := r.info.Uses[id].(type) {
	case *lang.ParamObj:
		return o.Param != nil && o.Param.Type != nil && o.Param.Type.Name != nil && r.isSchema(o.Param.Type.Name.Name)
	case *lang.EventObj:
		return true
	}
	return false
}

func (r *reader) isSchema(name string) bool {
	for _, ai := range r.info.Agreements {
		if _, ok := ai.Schemas[name]; ok {
			return true
		}
	}
	return false
}

func (r *reader) selector(t *Text, e *lang.Selector) {
	if r.isSubject(e.X) {
		t.add("the " + words(e.Field.Name))
		return
	}
	t.add("the " + words(e.Field.Name) + " of ")
	r.expr(t, e.X, 3)
}

// call reads a call: a term applied to the clause's instance is its name
// alone; a few builtins have words of their own.
func (r *reader) call(t *Text, e *lang.Call) {
	name := e.Fun.Name
	if _, ok := r.info.Uses[e.Fun].(*lang.TermObj); ok {
		t.add("the ")
		r.termLink(t, name)
		var rest []lang.Expr
		for _, a := range e.Args {
			if !r.isSubject(a) {
				rest = append(rest, a)
			}
		}
		if len(rest) > 0 {
			t.add(" of ")
			t.addText(joinTexts(r.elems(rest), "and"))
		}
		return
	}
	args := r.elems(e.Args)
	switch {
	case name == "min" && len(args) >= 2:
		t.add("the lesser of ")
		t.addText(joinTexts(args, "and"))
	case name == "max" && len(args) >= 2:
		t.add("the greater of ")
		t.addText(joinTexts(args, "and"))
	case name == "abs" && len(args) == 1:
		t.add("the absolute value of ")
		t.addText(args[0])
	case name == "sum" && len(args) >= 1:
		t.add("the total of ")
		t.addText(args[0])
	case name == "count" && len(args) == 1:
		t.add("the number of ")
		t.addText(args[0])
	case name == "round" && len(args) >= 2:
		t.addText(args[0])
		t.add(" rounded to the nearest ")
		t.addText(args[1])
	default:
		t.add(name + "(")
		for i, a := range args {
			if i > 0 {
				t.add(", ")
			}
			t.addText(a)
		}
		t.add(")")
	}
}

func (r *reader) unary(t *Text, e *lang.Unary, level int) {
	if e.Op == lang.Neg {
		t.add("minus ")
		r.expr(t, e.X, 3)
		return
	}
	x := e.X
	for {
		p, ok := x.(*lang.Paren)
		if !ok {
			break
		}
		x = p.X
	}
	switch x := x.(type) {
	case *lang.Binary:
		if neg, ok := negated[x.Op]; ok {
			r.binary(t, &lang.Binary{At: x.At, Op: neg, X: x.X, Y: x.Y}, level)
			return
		}
	case *lang.Ident, *lang.Selector:
		r.expr(t, x, 3)
		t.add(" is false")
		return
	}
	t.add("it is not so that ")
	r.expr(t, x, 3)
}

// negated is the comparison that `not (x OP y)` means.
var negated = map[lang.BinaryOp]lang.BinaryOp{
	lang.Eq: lang.Ne, lang.Ne: lang.Eq, lang.Lt: lang.Ge, lang.Ge: lang.Lt,
	lang.Gt: lang.Le, lang.Le: lang.Gt, lang.In: lang.NotIn, lang.NotIn: lang.In,
}

var comparisonWords = map[lang.BinaryOp]string{
	lang.Eq: " is ", lang.Ne: " is not ", lang.Lt: " is less than ",
	lang.Le: " is at most ", lang.Gt: " is more than ", lang.Ge: " is at least ",
	lang.Add: " plus ", lang.Sub: " less ", lang.Mul: " times ",
	lang.Div: " divided by ", lang.Of: " of ",
}

func (r *reader) binary(t *Text, e *lang.Binary, level int) {
	switch e.Op {
	case lang.Or, lang.And:
		mine, word := 1, " or "
		if e.Op == lang.And {
			mine, word = 2, " and "
		}
		group := level > mine
		if group {
			t.add("(")
		}
		r.connective(t, e.Op, e.X, mine)
		t.add(word)
		r.connective(t, e.Op, e.Y, mine)
		if group {
			t.add(")")
		}
	case lang.In, lang.NotIn:
		r.expr(t, e.X, 3)
		if l, ok := unparen(e.Y).(*lang.ListLit); ok {
			elems := r.elems(l.Elems)
			switch {
			case e.Op == lang.In:
				t.add(" is ")
				t.addText(joinTexts(elems, "or"))
			case len(elems) == 2:
				// "is not Azure or Direct" could be read as "(not
				// Azure) or Direct": neither … nor is exact.
				t.add(" is neither ")
				t.addText(elems[0])
				t.add(" nor ")
				t.addText(elems[1])
			case len(elems) == 1:
				t.add(" is not ")
				t.addText(elems[0])
			default:
				t.add(" is none of ")
				t.addText(joinTexts(elems, "and"))
			}
			return
		}
		if e.Op == lang.In {
			t.add(" is ")
		} else {
			t.add(" is not ")
		}
		t.add("one of ")
		r.expr(t, e.Y, 3)
	case lang.Eq, lang.Ne:
		// A bool field compared with a literal reads as the field's truth.
		if b, ok := unparen(e.Y).(*lang.BoolLit); ok {
			r.expr(t, e.X, 3)
			if b.Value == (e.Op == lang.Eq) {
				t.add(" is true")
			} else {
				t.add(" is false")
			}
			return
		}
		r.expr(t, e.X, 3)
		t.add(comparisonWords[e.Op])
		r.expr(t, e.Y, 3)
	default:
		r.expr(t, e.X, 3)
		t.add(comparisonWords[e.Op])
		r.expr(t, e.Y, 3)
	}
}

func unparen(e lang.Expr) lang.Expr {
	for {
		p, ok := e.(*lang.Paren)
		if !ok {
			return e
		}
		e = p.X
	}
}

// condition reads a `where` condition; a bare bool field or term reads as
// "X is true".
func (r *reader) condition(e lang.Expr) Text {
	switch x := unparen(e).(type) {
	case *lang.Ident, *lang.Selector, *lang.Call:
		var t Text
		r.expr(&t, x, 3)
		t.add(" is true")
		return t
	}
	return r.exprText(e)
}

// connective reads an operand of `and` or `or` (op): an operand that is
// the other connective is put in parentheses, so that "A or (B and C)"
// is never read as "(A or B) and C".
func (r *reader) connective(t *Text, op lang.BinaryOp, e lang.Expr, level int) {
	if b, ok := unparen(e).(*lang.Binary); ok && (b.Op == lang.And || b.Op == lang.Or) && b.Op != op {
		t.add("(")
		r.operand(t, b, 0)
		t.add(")")
		return
	}
	r.operand(t, e, level)
}

// operand reads an operand of `and` or `or`: a bare name reads as "X is
// true".
func (r *reader) operand(t *Text, e lang.Expr, level int) {
	switch unparen(e).(type) {
	case *lang.Ident, *lang.Selector, *lang.Call:
		t.addText(r.condition(e))
		return
	}
	r.expr(t, e, level)
}

// aggregate reads `sum of V for x in L if C` (SPEC 4.5.1): "the sum of V
// for each x in L where C".
func (r *reader) aggregate(t *Text, e *lang.Aggregate) {
	x := lang.FormatExpr(e.Var)
	switch e.Op.Name {
	case "sum":
		t.add("the sum of ")
		r.expr(t, e.Value, 0)
		t.add(" for each " + x + " in ")
	case "count":
		t.add("the number of " + x + " in ")
	case "min", "max":
		if e.Op.Name == "min" {
			t.add("the smallest value of ")
		} else {
			t.add("the largest value of ")
		}
		r.expr(t, e.Value, 0)
		t.add(" for any " + x + " in ")
	case "all":
		t.add("whether ")
		t.addText(r.condition(e.Value))
		t.add(" for every " + x + " in ")
	default:
		t.add("whether ")
		t.addText(r.condition(e.Value))
		t.add(" for some " + x + " in ")
	}
	r.expr(t, e.List, 0)
	if e.Filter != nil {
		t.add(" where ")
		t.addText(r.condition(e.Filter))
	}
}

// choose reads a bounded choice (SPEC 4.9): "with a chosen among false
// and true to make X as large as possible, and b …, each given the
// others' choices, THEN".
func (r *reader) choose(t *Text, e *lang.Choose) {
	t.add("with ")
	for i, ch := range e.Choosers {
		if i > 0 {
			t.add(", and ")
		}
		r.expr(t, ch.Name, 0)
		t.add(" chosen among ")
		if l, ok := ch.Set.(*lang.ListLit); ok {
			t.addText(joinTexts(r.elems(l.Elems), "and"))
		} else {
			r.expr(t, ch.Set, 0)
		}
		t.add(" to make ")
		r.expr(t, ch.Payoff, 0)
		t.add(" as great as possible")
	}
	if len(e.Choosers) > 1 {
		t.add(", each given the others' choices")
	}
	t.add(", ")
	r.expr(t, e.Then, 0)
}
