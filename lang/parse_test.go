package lang

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// sx renders an expression as an S-expression, to assert tree shapes.
func sx(x Expr) string {
	switch x := x.(type) {
	case nil:
		return "<nil>"
	case *Ident:
		return x.Name
	case *IntLit:
		return x.Text
	case *DecimalLit:
		return x.Text
	case *PercentLit:
		return x.Text + "%"
	case *MoneyLit:
		return x.Currency + " " + x.Amount
	case *DateLit:
		return x.Text
	case *DurationLit:
		return x.N + " " + x.Unit
	case *PeriodLit:
		return x.Text
	case *StringLit:
		return fmt.Sprintf("%q", x.Value)
	case *BoolLit:
		return fmt.Sprint(x.Value)
	case *ListLit:
		var parts []string
		for _, e := range x.Elems {
			parts = append(parts, sx(e))
		}
		return "[" + strings.Join(parts, " ") + "]"
	case *RecordLit:
		var parts []string
		for _, f := range x.Fields {
			parts = append(parts, f.Name.Name+":"+sx(f.Value))
		}
		return "{" + strings.Join(parts, " ") + "}"
	case *ActionLit:
		actor := "-"
		if x.Actor != nil {
			actor = x.Actor.Name
		}
		return "(action " + x.Action.Name + " " + actor + " " + sx(x.Fields) + ")"
	case *Selector:
		return "(. " + sx(x.X) + " " + x.Field.Name + ")"
	case *Call:
		s := "(call " + x.Fun.Name
		for _, a := range x.Args {
			s += " " + sx(a)
		}
		return s + ")"
	case *Unary:
		op := "neg"
		if x.Op == Not {
			op = "not"
		}
		return "(" + op + " " + sx(x.X) + ")"
	case *Binary:
		return "(" + x.Op.String() + " " + sx(x.X) + " " + sx(x.Y) + ")"
	case *If:
		return "(if " + sx(x.Cond) + " " + sx(x.Then) + " " + sx(x.Else) + ")"
	case *Paren:
		return "(paren " + sx(x.X) + ")"
	}
	return fmt.Sprintf("<%T>", x)
}

// checkPositions walks every node reachable from v and reports any Pos
// field (At, End) that is not a valid position in file.
func checkPositions(t testing.TB, v any, file string) {
	t.Helper()
	seen := map[uintptr]bool{}
	var walk func(rv reflect.Value, path string)
	walk = func(rv reflect.Value, path string) {
		switch rv.Kind() {
		case reflect.Interface:
			if !rv.IsNil() {
				walk(rv.Elem(), path)
			}
		case reflect.Pointer:
			if rv.IsNil() || seen[rv.Pointer()] {
				return
			}
			seen[rv.Pointer()] = true
			walk(rv.Elem(), path)
		case reflect.Slice:
			for i := 0; i < rv.Len(); i++ {
				walk(rv.Index(i), fmt.Sprintf("%s[%d]", path, i))
			}
		case reflect.Struct:
			if rv.Type() == reflect.TypeOf(Pos{}) {
				p := rv.Interface().(Pos)
				if p.File != file || p.Line < 1 || p.Col < 1 || p.Offset < 0 {
					t.Errorf("%s: bad position %+v", path, p)
				}
				return
			}
			for i := 0; i < rv.NumField(); i++ {
				f := rv.Type().Field(i)
				if !f.IsExported() {
					continue
				}
				walk(rv.Field(i), path+"."+f.Name)
			}
		}
	}
	walk(reflect.ValueOf(v), reflect.TypeOf(v).String())
}

func mustParse(t *testing.T, name string, src []byte) *File {
	t.Helper()
	f, errs := Parse(name, src)
	if len(errs) > 0 {
		t.Fatalf("Parse: %v", errs)
	}
	return f
}

func clauseNamed(t *testing.T, items []Item, num string, replace bool) *ClauseDecl {
	t.Helper()
	for _, it := range items {
		if c, ok := it.(*ClauseDecl); ok && c.Num.Num == num && c.Replace == replace {
			return c
		}
	}
	t.Fatalf("no clause %s (replace=%v)", num, replace)
	return nil
}

func termNamed(t *testing.T, items []Item, name string, replace bool) *TermDecl {
	t.Helper()
	for _, it := range items {
		if d, ok := it.(*TermDecl); ok && d.Name.Name == name && d.Replace == replace {
			return d
		}
	}
	t.Fatalf("no term %s", name)
	return nil
}

func at(p Pos) string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func TestParseAll(t *testing.T) {
	src, err := os.ReadFile("testdata/parse/all.pacta")
	if err != nil {
		t.Fatal(err)
	}
	f := mustParse(t, "all.pacta", src)
	checkPositions(t, f, "all.pacta")
	eq(t, "File.Name", f.Name, "all.pacta")
	if len(f.Decls) != 2 {
		t.Fatalf("%d decls, want 2", len(f.Decls))
	}

	// Comments, with their positions.
	if len(f.Comments) != 2 {
		t.Fatalf("comments = %+v", f.Comments)
	}
	eq(t, "comment 0", f.Comments[0].Text, "// Every construct of GRAMMAR.draft.md, for the parser tests.")
	eq(t, "comment 0 at", at(f.Comments[0].At), "1:1")
	eq(t, "comment 1", f.Comments[1].Text, "// a block share with a tiers line")
	eq(t, "comment 1 at", at(f.Comments[1].At), "112:29")

	// The agreement head. Line 1 is 61 bytes and its newline; the title
	// holds an en dash (3 bytes, 1 character).
	ag := f.Decls[0].(*Agreement)
	eq(t, "agreement at", ag.At, Pos{File: "all.pacta", Offset: 62, Line: 2, Col: 1})
	eq(t, "agreement id", ag.ID.Name, "openai_microsoft")
	eq(t, "title", ag.Title.Value, "OpenAI–Microsoft Partnership")
	eq(t, "title at", ag.Title.At, Pos{File: "all.pacta", Offset: 62 + 27, Line: 2, Col: 28})
	eq(t, "agreement end", at(ag.End), "96:1")

	items := ag.Items
	eq(t, "effective", items[0].(*Effective).Date.Text, "2019-07-22")
	eq(t, "ends", items[1].(*Ends).Date.Text, "2032-12-31")
	eq(t, "currency", items[2].(*CurrencyDecl).Code.Name, "USD")
	r := items[3].(*RoundingDecl)
	eq(t, "rounding", r.Mode.Name+" "+r.Unit.Text, "half_even 0.01")
	eq(t, "default permitted", items[4].(*DefaultDecl).Permitted, false)
	eq(t, "fiscal year", items[5].(*FiscalYearDecl).Month.Name, "July")
	inv := items[8].(*PartyDecl)
	eq(t, "party", inv.ID.Name, "investors")
	eq(t, "escaped name", inv.Name.Value, `Investors "A" \ B`)
	k := items[9].(*KindDecl)
	eq(t, "kind", k.Name.Name, "Platform")
	eq(t, "kind members", len(k.Members), 4)
	eq(t, "kind member 3", k.Members[3].Name, "Direct")
	eq(t, "kind member 1 at", at(k.Members[1].At), "14:27")

	sell := items[10].(*SchemaDecl)
	eq(t, "schema", sell.Name.Name, "sell")
	eq(t, "schema event", sell.Event, false)
	eq(t, "schema fields", len(sell.Fields), 7)
	eq(t, "regions type", sell.Fields[2].Type.ListOf.Name.Name, "text")
	eq(t, "nested type", sell.Fields[3].Type.ListOf.ListOf.Name.Name, "money")
	eq(t, "nested type at", at(sell.Fields[3].Type.At), "20:14")
	eq(t, "date field", sell.Fields[4].Name.Name+" "+sell.Fields[4].Type.Name.Name, "date date")
	eq(t, "schema end", at(sell.End), "24:3")
	eq(t, "event", items[11].(*SchemaDecl).Event, true)

	net := termNamed(t, items, "net_revenue", false)
	eq(t, "net params", len(net.Params), 1)
	eq(t, "net param type", net.Params[0].Type.Name.Name, "sell")
	eq(t, "net body", sx(net.Body), "(- (. s gross) (. s refunds))")
	eq(t, "net prose", net.Prose.Value, "Net Revenue means gross receipts less refunds.")
	thr := termNamed(t, items, "threshold", false).Body.(*MoneyLit)
	eq(t, "money", *thr, MoneyLit{At: thr.At, Currency: "USD", Amount: "1250000.00", Raw: "1,250,000.00"})
	zero := termNamed(t, items, "zero", false)
	if zero.Params == nil || len(zero.Params) != 0 {
		t.Errorf("zero() params = %#v, want empty and non-nil", zero.Params)
	}
	if termNamed(t, items, "threshold", false).Params != nil {
		t.Errorf("a value term has non-nil Params")
	}
	// `a + b * c` on line 34: a at column 49, b at 53.
	abc := termNamed(t, items, "a_b_c", false).Body.(*Binary)
	eq(t, "a+b*c", sx(abc), "(+ a (* b c))")
	eq(t, "a+b*c at", at(abc.At), "34:49")
	eq(t, "b*c at", at(abc.Y.(*Binary).At), "34:53")

	c31 := clauseNamed(t, items, "3.1", false)
	eq(t, "3.1 title", c31.Title.Value, "Azure exclusivity")
	eq(t, "3.1 prose", strings.HasPrefix(c31.Prose.Value, "OpenAI shall not"), true)
	d31 := c31.Body.(*Deontic)
	eq(t, "3.1 modality", d31.Modality, MustNot)
	eq(t, "3.1 party/action", d31.Party.Name+" "+d31.Action.Name, "openai sell")
	eq(t, "3.1 at", at(d31.At), "38:5")
	eq(t, "3.1 where", sx(d31.Where), "(not in platform [Azure Direct])")
	eq(t, "3.1 where at", at(d31.Where.Pos()), "38:32")
	eq(t, "3.1 list at", at(d31.Where.(*Binary).Y.Pos()), "38:48")

	c33 := clauseNamed(t, items, "3.3", false)
	eq(t, "3.3 subject to", len(c33.SubjectTo), 2)
	eq(t, "3.3 subject to 2", c33.SubjectTo[1].Num, "3.1.2")
	d33 := c33.Body.(*Deontic)
	eq(t, "3.3 modality", d33.Modality, Must)
	eq(t, "3.3 where", sx(d33.Where), `(and (== product "gpt") (not (paren (< gross USD 0))))`)
	eq(t, "3.3 by", d33.By.Text, "2027-06-30")
	if d33.From != nil || d33.Until != nil {
		t.Errorf("3.3 has from/until")
	}

	c4 := clauseNamed(t, items, "4", false)
	eq(t, "4 notwithstanding", c4.Notwithstanding[0].Num, "3.1")
	d4 := c4.Body.(*Deontic)
	eq(t, "4 modality", d4.Modality, May)
	eq(t, "4 where", sx(d4.Where), "(in platform [Direct])")
	eq(t, "4 from/until", d4.From.Text+" "+d4.Until.Text, "2020-01-01 2030-12-31")

	// 20% of net_revenue of each sell by openai
	s51 := clauseNamed(t, items, "5.1", false).Body.(*Share)
	eq(t, "5.1 inline", s51.Inline, true)
	eq(t, "5.1 lines", len(s51.Lines), 1)
	eq(t, "5.1 rate", sx(s51.Lines[0].Rate.(*FlatRate).Value), "20%")
	eq(t, "5.1 base", sx(s51.Lines[0].Base), "net_revenue")
	eq(t, "5.1 at", at(s51.At), "47:5")
	eq(t, "5.1 rate at", at(s51.Lines[0].Rate.Pos()), "47:27")
	eq(t, "5.1 base at", at(s51.Lines[0].Base.Pos()), "47:34")
	eq(t, "5.1 payer/payee", s51.Payer.Name+" "+s51.Payee.(*PartyPayee).Party.Name, "openai microsoft")
	eq(t, "5.1 action by", s51.Action.Name+" "+s51.By.Name, "sell openai")
	eq(t, "5.1 settled", *s51.Settled, PeriodUnit{At: s51.Settled.At, Unit: "quarter", Adverb: true})
	eq(t, "5.1 due", s51.Due.PeriodEnd, true)
	eq(t, "5.1 due after", *s51.Due.After, DurationLit{At: s51.Due.After.At, N: "45", Unit: "day", Raw: "45 days"})
	eq(t, "5.1 due at", at(s51.Due.At), "48:26")

	s52 := clauseNamed(t, items, "5.2", false).Body.(*Share)
	eq(t, "5.2 inline", s52.Inline, true)
	tiers := s52.Lines[0].Rate.(*Tiers)
	eq(t, "5.2 whole", tiers.Whole, false)
	eq(t, "5.2 reset", *tiers.Reset, PeriodUnit{At: tiers.Reset.At, Fiscal: true, Unit: "year", Adverb: true})
	eq(t, "5.2 tiers", len(tiers.Tiers), 2)
	eq(t, "5.2 tier 0", sx(tiers.Tiers[0].Rate)+" "+sx(tiers.Tiers[0].UpTo), "20% USD 1000000")
	eq(t, "5.2 tier 1 above", tiers.Tiers[1].UpTo == nil, true)
	eq(t, "5.2 tiers end", at(tiers.End), "54:7")
	eq(t, "5.2 base", sx(s52.Lines[0].Base), "net_revenue")
	eq(t, "5.2 where", sx(s52.Where), "(== platform Azure)")
	eq(t, "5.2 settled", s52.Settled.Fiscal && s52.Settled.Unit == "quarter", true)
	eq(t, "5.2 limits", len(s52.Limits), 2)
	eq(t, "5.2 cap", s52.Limits[0].Floor || s52.Limits[0].Per.Unit != "year" || s52.Limits[0].Per.Adverb, false)
	eq(t, "5.2 floor", s52.Limits[1].Floor && s52.Limits[1].Per == nil, true)
	eq(t, "5.2 guarantee", sx(s52.Guarantee.Amount)+" per "+s52.Guarantee.Per.Unit, "USD 50000 per quarter")
	eq(t, "5.2 recoup", sx(s52.Recoup.Amount), "threshold")
	eq(t, "5.2 late", len(s52.Late), 1)
	eq(t, "5.2 late interest", s52.Late[0].Penalty, false)
	eq(t, "5.2 late", sx(s52.Late[0].Amount)+" "+s52.Late[0].Per.Unit+" "+sx(s52.Late[0].Cap), "1.5% month 10%")

	p6 := clauseNamed(t, items, "6", false).Body.(*Payment)
	eq(t, "6 amount", sx(p6.Amount), "USD 10000000")
	eq(t, "6 dates", len(p6.Dates), 2)
	eq(t, "6 date 2 at", at(p6.Dates[1].At), "63:57")
	eq(t, "6 due", p6.Due.PeriodEnd, false)
	eq(t, "6 due after", p6.Due.After.N+" "+p6.Due.After.Unit, "30 day")
	eq(t, "6 late", p6.Late[0].Penalty && p6.Late[0].Per.Unit == "day" && sx(p6.Late[0].Cap) == "USD 100000", true)

	i7 := clauseNamed(t, items, "7", false).Body.(*Installments)
	sp := i7.Payee.(*Split)
	eq(t, "7 split shares", len(sp.Shares), 2)
	eq(t, "7 split share 1", sp.Shares[1].Party.Name+" "+sx(sp.Shares[1].Share), "investors 40%")
	eq(t, "7 remainder", sp.RemainderTo.Name, "openai")
	eq(t, "7 total", sx(i7.Total), "USD 50000000000")
	eq(t, "7 count", i7.Count.Text, "20")
	eq(t, "7 every", *i7.Every, PeriodUnit{At: i7.Every.At, Fiscal: true, Unit: "quarter", Adverb: true})
	eq(t, "7 from", i7.From.Text, "2026-01-01")

	m8 := clauseNamed(t, items, "8", false).Body.(*Milestone)
	eq(t, "8 first", m8.First, false)
	eq(t, "8 event", m8.Event.Name, "launch")
	eq(t, "8 where", sx(m8.Where), `(== model "next")`)
	eq(t, "8 due", m8.Due.After.Raw+" "+m8.Due.After.Unit, "2 weeks week")

	m9 := clauseNamed(t, items, "9", false).Body.(*Milestone)
	eq(t, "9 first", m9.First, true)
	w := m9.Payee.(*Waterfall)
	eq(t, "9 steps", len(w.Steps), 3)
	eq(t, "9 step 0", w.Steps[0].Party.Name+" "+sx(w.Steps[0].UpTo), "investors USD 1000")
	eq(t, "9 step 1 split", len(w.Steps[1].Split.Shares), 2)
	eq(t, "9 step 1 remainder", w.Steps[1].Split.RemainderTo == nil, true)
	eq(t, "9 step 2 rest", w.Steps[2].Party.Name+" "+fmt.Sprint(w.Steps[2].UpTo == nil), "openai true")
	eq(t, "9 amount", sx(m9.Amount), "USD 2000")

	tst := items[len(items)-1].(*TestDecl)
	eq(t, "test name", tst.Name.Value, "exclusivity")
	eq(t, "test stmts", len(tst.Stmts), 13)
	eq(t, "as of", tst.Stmts[0].(*AsOf).Date.Text, "2026-12-01")
	g := tst.Stmts[1].(*Given)
	eq(t, "given", g.Name.Name, "s")
	eq(t, "given value", sx(g.Value), `(action sell openai {product:"gpt" platform:AWS regions:["EU"] gross:USD 1000.00 refunds:USD 0})`)
	eq(t, "given event", sx(tst.Stmts[2].(*Given).Value), `(action launch - {model:"next"})`)
	v := tst.Stmts[3].(*ExpectVerdict)
	eq(t, "verdict", v.Verdict, Prohibited)
	eq(t, "verdict clause", v.Clause.Num, "3.1")
	v = tst.Stmts[4].(*ExpectVerdict)
	eq(t, "verdict 2", v.Verdict, Permitted)
	eq(t, "verdict 2 clause", v.Clause == nil, true)
	eq(t, "verdict 2 subject", sx(v.Subject), "(action sell openai {platform:Direct})")
	eq(t, "verdict 3", tst.Stmts[5].(*ExpectVerdict).Verdict, Conflict)
	eq(t, "verdict 4", tst.Stmts[6].(*ExpectVerdict).Verdict, NotCovered)
	eq(t, "verdict 4 clause", tst.Stmts[6].(*ExpectVerdict).Clause.Num, "4")
	ep := tst.Stmts[7].(*ExpectPays)
	eq(t, "expect pays", ep.Payer.Name+" "+ep.Payee.Name+" "+sx(ep.Amount)+" "+sx(ep.Period)+" "+ep.Clause.Num,
		"openai microsoft USD 200.00 2027-Q1 5.1")
	eq(t, "expect pays at", at(ep.At), "89:5")
	eq(t, "expect call", sx(tst.Stmts[8].(*Expect).Cond), "(== (call net_revenue s) USD 1000.00)")
	eq(t, "expect or/and", sx(tst.Stmts[9].(*Expect).Cond),
		"(or (or (!= 2027-03 2027-Q1) (and (<= (neg 1) 2) (>= 3 4))) (> 1 0))")
	eq(t, "expect if", sx(tst.Stmts[10].(*Expect).Cond),
		"(if true (+ 30 day 3 month) (== (- 1 year 1 day) 2 week))")
	eq(t, "expect record", sx(tst.Stmts[11].(*Expect).Cond),
		"(== (* (/ (. {a:1.5 b:false} a) 2) 3) 2.25)")
	eq(t, "expect of", sx(tst.Stmts[12].(*Expect).Cond), "(> (of 20% (of 12.5% USD 100)) USD 0)")
	eq(t, "test end", at(tst.End), "95:3")

	am := f.Decls[1].(*Amendment)
	eq(t, "amendment", am.ID.Name+" "+am.Base.Name+" "+am.Title.Value, "aws_concessions openai_microsoft AWS concessions")
	eq(t, "amendment at", at(am.At), "98:1")
	eq(t, "rounding up", am.Items[1].(*RoundingDecl).Mode.Name+" "+am.Items[1].(*RoundingDecl).Unit.Text, "up 1")
	eq(t, "default permitted", am.Items[2].(*DefaultDecl).Permitted, true)
	c32 := clauseNamed(t, am.Items, "3.2", false)
	eq(t, "3.2 notwithstanding", len(c32.Notwithstanding), 2)

	// replace clause 5.1: a block share with two lines, the second `otherwise`.
	r51 := clauseNamed(t, am.Items, "5.1", true)
	eq(t, "replace 5.1 at", at(r51.At), "107:3")
	s := r51.Body.(*Share)
	eq(t, "r5.1 inline", s.Inline, false)
	eq(t, "r5.1 lines", len(s.Lines), 2)
	eq(t, "r5.1 line 0", sx(s.Lines[0].Rate.(*FlatRate).Value)+" of "+sx(s.Lines[0].Base)+" where "+sx(s.Lines[0].Where),
		"25% of net_revenue where (== platform AWS)")
	eq(t, "r5.1 line 0 otherwise", s.Lines[0].Otherwise, false)
	eq(t, "r5.1 line 1 otherwise", s.Lines[1].Otherwise, true)
	eq(t, "r5.1 line 1 where", s.Lines[1].Where == nil, true)
	eq(t, "r5.1 line 1 at", at(s.Lines[1].At), "110:7")
	eq(t, "r5.1 action by", s.Action.Name+" "+s.By.Name, "sell openai")

	s53 := clauseNamed(t, am.Items, "5.3", false).Body.(*Share)
	eq(t, "5.3 where", sx(s53.Where), "(== platform GoogleCloud)")
	eq(t, "5.3 by", s53.By == nil, true)
	wt := s53.Lines[0].Rate.(*Tiers)
	eq(t, "5.3 whole cumulative", wt.Whole && wt.Cumulative && wt.Reset == nil, true)
	eq(t, "5.3 line 1 rate", sx(s53.Lines[1].Rate.(*FlatRate).Value), "(paren (of rate net_revenue))")
	eq(t, "5.3 line 1 base", sx(s53.Lines[1].Base), "gross")

	rt := termNamed(t, am.Items, "threshold", true)
	eq(t, "replace term at", at(rt.At), "117:3")
	eq(t, "replace term prose", rt.Prose.Value, "Raised.")
	eq(t, "delete", am.Items[len(am.Items)-3].(*DeleteClause).Num.Num, "9")
	eq(t, "ident clause number", clauseNamed(t, am.Items, "sched_a", false).SubjectTo[0].Num, "3.2")
	eq(t, "amendment end", at(am.End), "124:1")
}

func TestParseExprShapes(t *testing.T) {
	cases := []struct{ src, want string }{
		{"a + b * c", "(+ a (* b c))"},
		{"a * b + c", "(+ (* a b) c)"},
		{"a - b - c", "(- (- a b) c)"},
		{"a / b * c", "(* (/ a b) c)"},
		{"a of b of c", "(of a (of b c))"},
		{"a * b of c", "(* a (of b c))"},
		{"-a of b", "(of (neg a) b)"},
		{"- - a", "(neg (neg a))"},
		{"not a and b", "(and (not a) b)"},
		{"not not a", "(not (not a))"},
		{"a or b and c", "(or a (and b c))"},
		{"a and b or c and d", "(or (and a b) (and c d))"},
		{"a == b and c != d", "(and (== a b) (!= c d))"},
		{"a + 1 < b * 2", "(< (+ a 1) (* b 2))"},
		{"a not in [b, c]", "(not in a [b c])"},
		{"a in []", "(in a [])"},
		{"x.y.z", "(. (. x y) z)"},
		{"f()", "(call f)"},
		{"f(a, b + 1)", "(call f a (+ b 1))"},
		{"f(x).y", "(. (call f x) y)"},
		{"if a then b else c + d", "(if a b (+ c d))"},
		{"(if a then b else c) + d", "(+ (paren (if a b c)) d)"},
		{"(a + b) * c", "(* (paren (+ a b)) c)"},
		{"sell by openai { gross: USD 1 }", "(action sell openai {gross:USD 1})"},
		{"launch {}", "(action launch - {})"},
		{"{a: 1, b: [2,],}", "{a:1 b:[2]}"},
		{"a by b", "a"}, // stops: `by` starts nothing in an expression
		{"[USD 1, 250]", "[USD 1 250]"},
		{"2027-03 + 1 month", "(+ 2027-03 1 month)"},
		{"1 year - 3 months", "(- 1 year 3 month)"},
		{`"a\"b"`, `"a\"b"`},
		{"true or false", "(or true false)"},
		{"20% of x of each", "(of 20% x)"},
	}
	for _, c := range cases {
		src := c.src
		x, errs := ParseExpr("e.pacta", []byte(src))
		if c.src == "a by b" || c.src == "20% of x of each" {
			if len(errs) != 1 {
				t.Errorf("%q: errors %v, want one", src, errs)
			}
		} else if len(errs) > 0 {
			t.Errorf("%q: %v", src, errs)
			continue
		}
		if got := sx(x); got != c.want {
			t.Errorf("%q = %s, want %s", src, got, c.want)
		}
		if x != nil {
			checkPositions(t, x, "e.pacta")
		}
	}
}

func TestParseLiterals(t *testing.T) {
	x, errs := ParseExpr("e", []byte("[7, 0.01, 12.5%, USD\t1,250,000.00, EUR 3, 2026-11-01, 2027-Q1, 2027-03, 30 days, 1 year, 2 weeks, \"a\\tb\\nc\", false]"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	el := x.(*ListLit).Elems
	want := []Expr{
		&IntLit{Text: "7"},
		&DecimalLit{Text: "0.01"},
		&PercentLit{Text: "12.5"},
		&MoneyLit{Currency: "USD", Amount: "1250000.00", Raw: "1,250,000.00"},
		&MoneyLit{Currency: "EUR", Amount: "3", Raw: "3"},
		&DateLit{Text: "2026-11-01"},
		&PeriodLit{Text: "2027-Q1"},
		&PeriodLit{Text: "2027-03"},
		&DurationLit{N: "30", Unit: "day", Raw: "30 days"},
		&DurationLit{N: "1", Unit: "year", Raw: "1 year"},
		&DurationLit{N: "2", Unit: "week", Raw: "2 weeks"},
		&StringLit{Value: "a\tb\nc"},
		&BoolLit{Value: false},
	}
	if len(el) != len(want) {
		t.Fatalf("%d elements, want %d", len(el), len(want))
	}
	for i := range want {
		got := reflect.ValueOf(el[i]).Elem()
		got.FieldByName("At").Set(reflect.ValueOf(Pos{}))
		if !reflect.DeepEqual(el[i], want[i]) {
			t.Errorf("element %d = %#v, want %#v", i, el[i], want[i])
		}
	}
}

// A share's rate stops at its first top-level `of`; the base stops before
// `of each`.
func TestParseShareRate(t *testing.T) {
	cases := []struct{ body, rate, base string }{
		{"a pays b 20% of x of each sell", "20%", "x"},
		{"a pays b 20% of x of y of each sell", "20%", "(of x y)"},
		{"a pays b 20% + r of x of each sell", "(+ 20% r)", "x"},
		{"a pays b (20% of r) of x of each sell", "(paren (of 20% r))", "x"},
		{"a pays b if big then 20% else 15% of x of each sell", "(if big 20% 15%)", "x"},
		{"a pays b of each sell: r * 2 of x of y otherwise", "(* r 2)", "(of x y)"},
	}
	for _, c := range cases {
		src := "agreement a \"A\" {\n clause 1 \"C\" " + c.body + "\n}\n"
		f := mustParse(t, "s.pacta", []byte(src))
		s := f.Decls[0].(*Agreement).Items[0].(*ClauseDecl).Body.(*Share)
		l := s.Lines[0]
		if got := sx(l.Rate.(*FlatRate).Value); got != c.rate {
			t.Errorf("%s: rate %s, want %s", c.body, got, c.rate)
		}
		if got := sx(l.Base); got != c.base {
			t.Errorf("%s: base %s, want %s", c.body, got, c.base)
		}
		eq(t, c.body+": action", s.Action.Name, "sell")
	}
}

// `in` before `N equal` belongs to an installment schedule, not to the
// amount; elsewhere it is membership.
func TestParseInstallmentsIn(t *testing.T) {
	src := "agreement a \"A\" {\n clause 1 \"C\" a pays b x in [1] in 4 equal monthly installments from 2026-01-01\n}"
	f := mustParse(t, "i.pacta", []byte(src))
	in := f.Decls[0].(*Agreement).Items[0].(*ClauseDecl).Body.(*Installments)
	eq(t, "total", sx(in.Total), "(in x [1])")
	eq(t, "count", in.Count.Text, "4")
	eq(t, "every", in.Every.Unit, "month")
	x, errs := ParseExpr("e", []byte("a in b"))
	if len(errs) > 0 || sx(x) != "(in a b)" {
		t.Errorf("a in b = %s %v", sx(x), errs)
	}
}

func TestParseModifierComma(t *testing.T) {
	// The brief writes `settled quarterly, due 45 days after period end`.
	src := "agreement a \"A\" { clause 1 \"C\" a pays b 1% of x of each sell settled quarterly, due within 3 days }"
	f := mustParse(t, "m.pacta", []byte(src))
	s := f.Decls[0].(*Agreement).Items[0].(*ClauseDecl).Body.(*Share)
	// A share's `due within 3 days` is `due 3 days after period end`
	// (SPEC 6.1): the tree says so, whichever form was written.
	if s.Settled == nil || s.Due == nil || !s.Due.PeriodEnd {
		t.Errorf("settled %v due %v", s.Settled, s.Due)
	}
}

// Each bad input and the one error it must give, as line:col: message.
func TestParseErrors(t *testing.T) {
	const head = "agreement a \"A\" {\n"
	cases := []struct{ src, want string }{
		{head + "clause 1 \"x\" openai mya sell\n}", `2:21: unexpected "mya"; expected "may", "must" or "pays"`},
		{head + "clause 1 \"x\" openai pays microsoft 20% of net of each sell settled quartrly\n}",
			`2:68: unexpected "quartrly"; expected "monthly", "quarterly", "yearly", "annually", "semi", "per" or "each"`},
		{head + "clause 1 \"x\" openai may sell where a < b < c\n}", `2:42: comparisons cannot be chained; use and`},
		{head + "clause 1 \"x\" openai may sell where a == b in c\n}", `2:43: comparisons cannot be chained; use and`},
		{head + "party may \"x\"\n}", `2:7: unexpected "may"; expected a name`},
		{head + "foo\n}", `2:1: unexpected "foo"; expected a declaration (clause, term, party, ...) or "}"`},
		{head + "party p \"P\"\n", `3:1: unexpected end of file; expected a declaration (clause, term, party, ...) or "}"`},
		{head + "term t = (1 + \n}", `3:1: unexpected "}"; expected an expression`},
		{head + "clause 1 \"x\" o pays m USD 100 onn 2026-01-01\n}", `2:31: unexpected "onn"; expected "of", "on" or "in"`},
		{head + "test \"t\" { expect x = 1 }\n}", `2:21: unexpected "="; expected "as of", "given", "expect" or "}"`},
		{head + "test \"t\" { expect x is maybe }\n}", `2:24: unexpected "maybe"; expected "permitted", "prohibited", "conflict" or "not"`},
		{head + "clause 1 \"x\" notwithstanding 3.1, }\n}", `2:35: unexpected "}"; expected a clause number like 3.1`},
		{head + "clause 1 \"x\" o pays m USD 1 on 2026-01-01 due within 30 dayz\n}", `2:54: unexpected "30"; expected a duration like 30 days or business days like 10 business days`},
		{head + "action sell { price money, qty integer }\n}", `2:26: unexpected ","; expected a field name or "}"`},
		{head + "action sell { prices list money }\n}", `2:27: unexpected "money"; expected "of"`},
		{head + "term x = [1, 2\n}", `3:1: unexpected "}"; expected "," or "]"`},
		{head + "term x = f(1 2)\n}", `2:14: unexpected "2"; expected "," or ")"`},
		{head + "term x = {a: 1 b: 2}\n}", `2:16: unexpected "b"; expected "," or "}"`},
		{head + "term x = s.from\n}", `2:12: unexpected "from"; expected a field name`},
		{head + "term x = if a then b\n}", `3:1: unexpected "}"; expected "else"`},
		{head + "kind K = A |\n}", `3:1: unexpected "}"; expected a name`},
		{head + "clause 1 \"x\" a pays b of each sell:\n settled quarterly\n}", `3:2: unexpected "settled"; expected "marginal", "whole" or a rate such as 20%`},
		{head + "default maybe\n}", `2:9: unexpected "maybe"; expected "permitted" or "prohibited"`},
		{head + "tiers\n}", `2:1: unexpected "tiers"; expected a declaration (clause, term, party, ...) or "}"`},
		{"agreement a \"A\" {} foo", `1:20: unexpected "foo"; expected "agreement" or "amendment"`},
		{"agreemnt a \"A\" {}", `1:1: unexpected "agreemnt"; expected "agreement" or "amendment"`},
		{"amendment b \"B\" a {}", `1:17: unexpected "a"; expected "amends"`},
		{"agreement a \"A\" { party p \"P @", `1:31: text is never closed: the quote at 1:27 has no closing "`},
		{"agreement a \"A\" { party p \"bad \\q\" }", `1:32: unknown escape \q in text; the escapes are \" \\ \n and \t`},
		{"agreement a \"A\" { party p \"P\" } @", `1:33: unexpected character "@"`},
		{"agreement a \"A\" { term x = 5 % 2 }", `1:30: unexpected character "%"`},
		{"agreement a \"A\" { term x = \xff }", `1:28: invalid UTF-8 byte 0xff; the file must be UTF-8 text`},
		// Grammar-level checks made while building the tree.
		{head + "clause 1 \"x\" a may sell from 2026-01-01 from 2026-02-01\n}", `2:41: "from" is given twice in this clause`},
		{head + "clause 1 \"x\" a pays b USD 1 on 2026-01-01 settled monthly\n}", `2:43: "settled" can only be used in a share clause, not in a payment clause`},
		{head + "clause 1 \"x\" a pays b 1% of x of each sell at most USD 5 per fiscal week\n}", `2:62: only a quarter, a half-year or a year can be fiscal, not a week`},
		{head + "clause 1 \"x\" a pays b 1% of x of each sell settled fiscal per contract year\n}", `2:52: a contract year cannot be fiscal: it starts on the day ` + "`contract year starts`" + ` gives`},
		{head + "clause 1 \"x\" a pays b 1% of x of each sell at most USD 5 per fiscal contract year\n}", `2:62: a contract year cannot be fiscal: it starts on the day ` + "`contract year starts`" + ` gives`},
		{head + "clause 1 \"x\" a pays b USD 1 on 2027-01-01 late interest 1% per year counted daily (actual/366)\n}", `2:84: unknown day count "actual/366"`},
		{head + "clause 1 \"x\" a pays b 1% of x of each sell settled fiscal monthly\n}", `2:52: only quarterly, semi-annual and yearly periods can be fiscal`},
		{head + "clause 1 \"x\" a pays b 1% of x of each sell due within 1 day due within 2 days\n}", `2:61: "due" is given twice in this clause`},
		// A limit across clauses takes `due`, `adjusted to` and late charges, not a share's other modifiers (SPEC 7.4.1).
		{head + "clause 1 \"x\" clauses 2 and 3 together at least USD 1 per year settled quarterly\n}", `2:63: "settled" cannot be used in a limit across clauses`},
		{head + "clause 1 \"x\" clauses 2 and 3 together at least USD 1 per year recouping USD 5\n}", `2:63: "recouping" cannot be used in a limit across clauses`},
		{head + "clause 1 \"x\" clauses 2 and 3 together at least USD 1 per year due within 1 day due within 2 days\n}", `2:80: "due" is given twice in this clause`},
	}
	for _, c := range cases {
		_, errs := Parse("t.pacta", []byte(c.src))
		var got []string
		for _, e := range errs {
			got = append(got, fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg))
			if e.Pos.File != "t.pacta" {
				t.Errorf("%q: error without the file name: %v", c.src, e)
			}
		}
		if strings.Join(got, "\n") != c.want {
			t.Errorf("Parse(%q):\n got %s\nwant %s", c.src, strings.Join(got, "\n"), c.want)
		}
	}
}

func TestParseErrorHint(t *testing.T) {
	_, errs := Parse("t.pacta", []byte("agreement a \"A\" { party may \"M\" }"))
	if len(errs) != 1 || errs[0].Hint != `"may" is a reserved word and cannot be used as a name` {
		t.Fatalf("errs = %#v", errs)
	}
	if got := errs[0].Error(); got != `t.pacta:1:25: unexpected "may"; expected a name ("may" is a reserved word and cannot be used as a name)` {
		t.Errorf("Error() = %s", got)
	}
}

func TestParseExprErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"", `1:1: unexpected end of file; expected an expression`},
		{"1 +", `1:4: unexpected end of file; expected an expression`},
		{"1 + )", `1:5: unexpected ")"; expected an expression`},
		{"a b", `1:3: unexpected "b"; expected an operator or the end of the expression`},
		{"a < b < c", `1:7: comparisons cannot be chained; use and`},
		{"a < b + c >= d", `1:11: comparisons cannot be chained; use and`},
		{"(1", `1:3: unexpected end of file; expected ")"`},
		{"[1, 2", `1:6: unexpected end of file; expected "," or "]"`},
		{"[,]", `1:2: unexpected ","; expected an expression or "]"`},
		{"{1: 2}", `1:2: unexpected "1"; expected a field name or "}"`},
		{"{a 2}", `1:4: unexpected "2"; expected ":"`},
		{"not", `1:4: unexpected end of file; expected an expression`},
		{"a of", `1:5: unexpected end of file; expected an expression`},
		{"party", `1:1: unexpected "party"; expected an expression`},
		{"if a b", `1:6: unexpected "b"; expected "then"`},
		{`"abc`, `1:5: text is never closed: the quote at 1:1 has no closing "`},
	}
	for _, c := range cases {
		_, errs := ParseExpr("e.pacta", []byte(c.src))
		var got []string
		for _, e := range errs {
			got = append(got, fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg))
			if e.Pos.File != "e.pacta" {
				t.Errorf("%q: error without the file name: %v", c.src, e)
			}
		}
		if strings.Join(got, "\n") != c.want {
			t.Errorf("ParseExpr(%q):\n got %s\nwant %s", c.src, strings.Join(got, "\n"), c.want)
		}
	}
}

func TestIsIncomplete(t *testing.T) {
	cases := []struct {
		src  string
		expr bool // parse with ParseInput rather than Parse
		want bool
	}{
		{`agreement a "x" {`, false, true},
		{"agreement a \"x\" {\n  party p \"P\"\n  // more to come\n", false, true},
		{`agreement a "x" { clause 1 "C" a may sell where x ==`, false, true},
		{`agreement a "x" { test "t" { expect 1 == 1`, false, true},
		{`agreement a "x" { party p "P`, false, true},
		{`agreement a "x" {}`, false, false},
		{`agreement a "x" { foo }`, false, false},
		{`agreement a "x" { party p "P" } }`, false, false},
		{`[1, 2`, true, true},
		{`"abc`, true, true},
		{`1 +`, true, true},
		{`f(1,`, true, true},
		{`if a then`, true, true},
		{"clause 1 \"C\" a pays b of each sell:", true, true},
		{`1 + )`, true, false},
		{`1 + 2`, true, false},
		{`[1, 2]`, true, false},
		{`term x = 1`, true, false},
		{`1 @`, true, false},
		{``, true, false},
	}
	for _, c := range cases {
		var errs ErrorList
		if c.expr {
			_, errs = ParseInput("in", []byte(c.src))
		} else {
			_, errs = Parse("f", []byte(c.src))
		}
		if got := IsIncomplete(errs, []byte(c.src)); got != c.want {
			t.Errorf("IsIncomplete(%q) = %v, want %v (errors: %v)", c.src, got, c.want, errs)
		}
	}
}

func TestNestingLimit(t *testing.T) {
	const n = 10000
	want := "expression nested too deeply (more than 200 levels)"
	cases := []struct {
		name, src string
		col       int // column of the error on line 1
	}{
		{"parens", strings.Repeat("(", n) + "1" + strings.Repeat(")", n), 201},
		{"lists", strings.Repeat("[", n) + strings.Repeat("]", n), 201},
		{"not", strings.Repeat("not ", n) + "a", 801},
		{"minus", strings.Repeat("- ", n) + "a", 401},
		{"records", strings.Repeat("{a: ", n) + "1" + strings.Repeat("}", n), 801},
		{"calls", strings.Repeat("f(", n) + strings.Repeat(")", n), 402},
		{"ifs", strings.Repeat("if ", n) + "a", 601},
	}
	for _, c := range cases {
		x, errs := ParseExpr("deep", []byte(c.src))
		if x != nil || len(errs) != 1 || errs[0].Msg != want || errs[0].Pos.Line != 1 || errs[0].Pos.Col != c.col || errs[0].Pos.File != "deep" {
			t.Errorf("%s: got %v, want 1:%d: %s", c.name, errs, c.col, want)
		}
	}
	// Inside a file, and in a type.
	src := "agreement a \"A\" {\n term t = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + "\n}"
	_, errs := Parse("deep.pacta", []byte(src))
	if len(errs) != 1 || errs[0].Error() != "deep.pacta:2:211: "+want {
		t.Errorf("file: %v", errs)
	}
	src = "agreement a \"A\" {\n action s { f " + strings.Repeat("list of ", n) + "text }\n}"
	_, errs = Parse("deep.pacta", []byte(src))
	if len(errs) != 1 || errs[0].Error() != "deep.pacta:2:1615: "+want {
		t.Errorf("type: %v", errs)
	}
	// Exactly at the limit is fine.
	ok := strings.Repeat("(", MaxNesting) + "1" + strings.Repeat(")", MaxNesting)
	if _, errs := ParseExpr("ok", []byte(ok)); len(errs) > 0 {
		t.Errorf("%d levels: %v", MaxNesting, errs)
	}
	// Flat chains are not bracket nesting: 500 `of` then 500 `+` make a
	// tree 500 + 500 = 1000 levels deep, exactly MaxExprDepth.
	chain := "a" + strings.Repeat(" of a", MaxExprDepth/2) + strings.Repeat(" + a", MaxExprDepth/2)
	if _, errs := ParseExpr("chain", []byte(chain)); len(errs) > 0 {
		t.Errorf("chain: %v", errs)
	}
}

func TestParseInput(t *testing.T) {
	in, errs := ParseInput("repl", []byte("term x = 1 // one\nclause 2 \"C\" a may sell"))
	if len(errs) > 0 || len(in.Items) != 2 || in.Expr != nil {
		t.Fatalf("items: %+v %v", in, errs)
	}
	eq(t, "comment", in.Comments[0].Text, "// one")
	eq(t, "clause at", at(in.Items[1].Pos()), "2:1")

	in, errs = ParseInput("repl", []byte("openai pays x"))
	if len(errs) != 1 || in.Expr == nil {
		t.Errorf("expression with trailing words: %+v %v", in, errs)
	}
	in, errs = ParseInput("repl", []byte("net_revenue(s) * 2"))
	if len(errs) > 0 || sx(in.Expr) != "(* (call net_revenue s) 2)" || len(in.Items) != 0 {
		t.Errorf("expression: %+v %v", in, errs)
	}
	in, errs = ParseInput("repl", []byte("  // just a comment\n"))
	if len(errs) > 0 || in.Expr != nil || len(in.Items) != 0 || len(in.Comments) != 1 {
		t.Errorf("comment only: %+v %v", in, errs)
	}
	// Items before a syntax error are kept.
	in, errs = ParseInput("repl", []byte("party p \"P\"\nparty q \"Q\"\nclause 1 \"C\" p mya sell"))
	if len(errs) != 1 || len(in.Items) != 2 {
		t.Errorf("partial: %d items, %v", len(in.Items), errs)
	}
	eq(t, "partial error", errs[0].Error(), `repl:3:16: unexpected "mya"; expected "may", "must" or "pays"`)
}

// After a syntax error the tree keeps what came before it.
func TestParsePartialTree(t *testing.T) {
	src := "agreement a \"A\" {\n party p \"P\"\n term t = 1\n}\n" +
		"amendment b \"B\" amends a {\n effective 2026-01-01\n clause 1 \"C\" p may sell where x <\n}\n"
	f, errs := Parse("p.pacta", []byte(src))
	if len(errs) != 1 || errs[0].Error() != `p.pacta:8:1: unexpected "}"; expected an expression` {
		t.Errorf("errs = %v", errs)
	}
	if len(f.Decls) != 2 {
		t.Fatalf("%d decls", len(f.Decls))
	}
	eq(t, "first items", len(f.Decls[0].(*Agreement).Items), 2)
	eq(t, "first end", at(f.Decls[0].(*Agreement).End), "4:1")
	am := f.Decls[1].(*Amendment)
	eq(t, "second items", len(am.Items), 1)
	eq(t, "second end unset", am.End.IsValid(), false)
	checkPositions(t, f.Decls[0], "p.pacta")
}

func TestParseNeverPanics(t *testing.T) {
	srcs := []string{
		"", "}", "{", "agreement", "agreement a", "agreement a \"", "agreement a \"A\" { clause",
		"agreement a \"A\" { clause 1 \"C\" a pays split {", "agreement a \"A\" { clause 1 \"C\" a pays b of each",
		"\x00", "\xef\xbb\xbfagreement a \"A\" {}", "USD", "USD 1,", "1.2.3.4", "2026-13-45",
	}
	for _, s := range srcs {
		f, errs := parseFile("x", []byte(s))
		if f == nil {
			t.Errorf("%q: nil file", s)
		}
		for _, e := range errs {
			if e.Pos.File != "x" || e.Pos.Line < 1 || e.Pos.Col < 1 {
				t.Errorf("%q: bad error position %v", s, e)
			}
		}
		if _, errs := parseInput("x", []byte(s)); errs == nil && s == "}" {
			t.Errorf("%q: no error", s)
		}
	}
	// A byte order mark at the start is skipped.
	if _, errs := Parse("bom", []byte("\xef\xbb\xbfagreement a \"A\" {}")); len(errs) > 0 {
		t.Errorf("BOM: %v", errs)
	}
}

func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("testdata/parse/all.pacta")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := Parse("all.pacta", src); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// The parsers are built once and shared; parsing from many goroutines at
// once must be safe (run with -race).
func TestParseConcurrent(t *testing.T) {
	src, err := os.ReadFile("testdata/parse/all.pacta")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan ErrorList)
	for i := 0; i < 4; i++ {
		go func() {
			_, errs := Parse("all.pacta", src)
			_, bad := Parse("bad.pacta", []byte("agreement a \"A\" { clause 1 \"C\" a mya sell }"))
			done <- append(errs, bad...)
		}()
	}
	for i := 0; i < 4; i++ {
		if errs := <-done; len(errs) != 1 || !strings.Contains(errs[0].Msg, `expected "may", "must" or "pays"`) {
			t.Errorf("goroutine: %v", errs)
		}
	}
}
