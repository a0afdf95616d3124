package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIdentical(t *testing.T) {
	k1 := &KindDecl{Name: &Ident{Name: "Platform"}}
	k2 := &KindDecl{Name: &Ident{Name: "Region"}}
	s1 := &SchemaDecl{Name: &Ident{Name: "sell"}}
	cases := []struct {
		a, b Type
		want bool
	}{
		{TInteger, TInteger, true},
		{TInteger, &Basic{Kind: IntegerKind}, true},
		{TInteger, TDecimal, false},
		{&Money{"USD"}, &Money{"USD"}, true},
		{&Money{"USD"}, &Money{"EUR"}, false},
		{&Enum{k1}, &Enum{k1}, true},
		{&Enum{k1}, &Enum{k2}, false},
		{&Record{Schema: s1}, &Record{Schema: s1}, true},
		{&List{TText}, &List{TText}, true},
		{&List{TText}, &List{TInteger}, false},
		{&List{nil}, &List{nil}, true},
		{&List{nil}, &List{TText}, false},
		{nil, nil, false},
		{TText, nil, false},
	}
	for _, c := range cases {
		if got := Identical(c.a, c.b); got != c.want {
			t.Errorf("Identical(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestTypeStrings(t *testing.T) {
	k := &KindDecl{Name: &Ident{Name: "Platform"}}
	for _, c := range []struct {
		t    Type
		want string
	}{
		{TPercent, "percent"},
		{&Money{"USD"}, "money(USD)"},
		{&Enum{k}, "Platform"},
		{&List{&Money{"EUR"}}, "list of money(EUR)"},
		{&List{}, "list of nothing"},
		{&Record{Schema: &SchemaDecl{Name: &Ident{Name: "sell"}}}, "sell"},
	} {
		if got := c.t.String(); got != c.want {
			t.Errorf("String() = %q, want %q", got, c.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	cands := []string{"microsoft", "openai", "AWS", "Azure", "net_revenue", "UGX", "USD"}
	for _, c := range []struct{ name, want string }{
		{"microsft", "microsoft"},
		{"mcrosft", "microsoft"},
		{"USX", "USD"},
		{"opnai", "openai"},
		{"aws", "AWS"},
		{"Azur", "Azure"},
		{"net_revnue", "net_revenue"},
		{"zzz", ""},
		{"x", ""},
		{"", ""},
	} {
		if got := suggest(c.name, cands); got != c.want {
			t.Errorf("suggest(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	if got := suggest("USX", CurrencyCodes()); got == "" {
		t.Errorf("suggest(USX) found no currency")
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct{ in, problem string }{
		{"2026-11-01", ""},
		{"2024-02-29", ""},
		{"2000-02-29", ""},
		{"2026-02-29", "February 2026 has 28 days"},
		{"1900-02-29", "February 1900 has 28 days"},
		{"2026-02-30", "February 2026 has 28 days"},
		{"2026-04-31", "April 2026 has 30 days"},
		{"2026-13-01", "there is no month 13"},
		{"2026-00-10", "there is no month 00"},
		{"2026-01-00", "days start at 01"},
		{"0000-01-01", "there is no year 0000"},
		{"2026-1-01", "write dates as YYYY-MM-DD"},
	} {
		_, problem := parseDate(c.in)
		if problem != c.problem {
			t.Errorf("parseDate(%q) problem %q, want %q", c.in, problem, c.problem)
		}
	}
}

func TestCurrencyTable(t *testing.T) {
	for code, want := range map[string]int{"USD": 2, "EUR": 2, "JPY": 0, "KWD": 3, "CLF": 4} {
		got, ok := CurrencyMinorUnits(code)
		if !ok || got != want {
			t.Errorf("CurrencyMinorUnits(%s) = %d, %v; want %d", code, got, ok, want)
		}
	}
	for _, code := range []string{"XXX", "XAU", "usd", "HRK", ""} {
		if IsCurrency(code) {
			t.Errorf("IsCurrency(%q) = true", code)
		}
	}
	codes := CurrencyCodes()
	for i := 1; i < len(codes); i++ {
		if codes[i-1] >= codes[i] {
			t.Fatalf("CurrencyCodes not sorted at %q", codes[i])
		}
	}
	for _, code := range codes {
		if len(code) != 3 || strings.ToUpper(code) != code {
			t.Errorf("bad code %q", code)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"kitten", "sitting", 3},
		{"", "abc", 3},
		{"abc", "abc", 0},
		{"flaw", "lawn", 2},
		{"día", "dia", 1},
	} {
		if got := editDistance(c.a, c.b, 10); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	if got := editDistance("abcdef", "uvwxyz", 2); got != 3 {
		t.Errorf("editDistance with limit 2 = %d, want 3", got)
	}
}

// hb builds small trees by hand.
func hbIdent(name string, line int) *Ident {
	return &Ident{At: Pos{File: "hb.pacta", Line: line, Col: 1}, Name: name}
}

func hbPos(line int) Pos { return Pos{File: "hb.pacta", Line: line, Col: 1} }

// TestCheckHandBuilt checks a tree built without the parser.
func TestCheckHandBuilt(t *testing.T) {
	platform := &KindDecl{At: hbPos(4), Name: hbIdent("Platform", 4), Members: []*Ident{hbIdent("Azure", 4), hbIdent("AWS", 4)}}
	sell := &SchemaDecl{At: hbPos(5), Name: hbIdent("sell", 5), Fields: []*FieldDecl{
		{At: hbPos(6), Name: hbIdent("platform", 6), Type: &TypeExpr{At: hbPos(6), Name: hbIdent("Platform", 6)}},
		{At: hbPos(7), Name: hbIdent("gross", 7), Type: &TypeExpr{At: hbPos(7), Name: hbIdent("money", 7)}},
	}}
	param := &Param{At: hbPos(8), Name: hbIdent("s", 8), Type: &TypeExpr{At: hbPos(8), Name: hbIdent("sell", 8)}}
	sX := hbIdent("s", 8)
	net := &TermDecl{At: hbPos(8), Name: hbIdent("net", 8), Params: []*Param{param},
		Body: &Selector{At: hbPos(8), X: sX, Field: hbIdent("gross", 8)}}
	awsUse := hbIdent("AWS", 9)
	platformUse := hbIdent("platform", 9)
	where := &Binary{At: hbPos(9), Op: Eq, X: platformUse, Y: awsUse}
	netUse := hbIdent("net", 10)
	share := &Share{At: hbPos(10), Payer: hbIdent("a", 10), Payee: &PartyPayee{At: hbPos(10), Party: hbIdent("b", 10)}, Inline: true,
		Lines:  []*ShareLine{{At: hbPos(10), Rate: &FlatRate{At: hbPos(10), Value: &PercentLit{At: hbPos(10), Text: "20"}}, Base: netUse}},
		Action: hbIdent("sell", 10)}
	agr := &Agreement{At: hbPos(1), ID: hbIdent("x", 1), Title: &StringLit{Value: "X"}, Items: []Item{
		&Effective{At: hbPos(2), Date: &DateLit{At: hbPos(2), Text: "2026-01-01"}},
		&CurrencyDecl{At: hbPos(2), Code: hbIdent("JPY", 2)},
		&PartyDecl{At: hbPos(3), ID: hbIdent("a", 3), Name: &StringLit{Value: "A"}},
		&PartyDecl{At: hbPos(3), ID: hbIdent("b", 3), Name: &StringLit{Value: "B"}},
		platform, sell, net,
		&ClauseDecl{At: hbPos(9), Num: &ClauseRef{At: hbPos(9), Num: "1"}, Title: &StringLit{Value: "c"},
			Body: &Deontic{At: hbPos(9), Party: hbIdent("a", 9), Modality: May, Action: hbIdent("sell", 9), Where: where}},
		&ClauseDecl{At: hbPos(10), Num: &ClauseRef{At: hbPos(10), Num: "2"}, Title: &StringLit{Value: "s"}, Body: share},
	}}
	info, errs := Check([]*File{{Name: "hb.pacta", Decls: []Decl{agr}}}, nil)
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	if len(info.Agreements) != 1 {
		t.Fatalf("got %d agreements", len(info.Agreements))
	}
	ai := info.Agreements[0]
	if ai.Currency != "JPY" || ai.RoundingUnit != "1" || ai.RoundingMode != "half_even" || !ai.DefaultPermitted ||
		ai.FiscalStart != 1 || ai.Effective != "2026-01-01" || ai.Ends != "" {
		t.Errorf("agreement info: %+v", ai)
	}
	if ai.Parties["a"] == nil || ai.Kinds["Platform"] != platform || ai.Schemas["sell"] != sell || ai.Terms["net"] != net || ai.Clauses["2"] == nil {
		t.Errorf("agreement maps: %+v", ai)
	}
	if f, ok := info.Uses[platformUse].(*FieldObj); !ok || f.Name != "platform" || f.Schema != sell {
		t.Errorf("Uses[platform] = %#v", info.Uses[platformUse])
	}
	if m, ok := info.Uses[awsUse].(*EnumMemberObj); !ok || m.Kind != platform || m.Name != "AWS" {
		t.Errorf("Uses[AWS] = %#v", info.Uses[awsUse])
	}
	if p, ok := info.Uses[sX].(*ParamObj); !ok || p.Param != param {
		t.Errorf("Uses[s] = %#v", info.Uses[sX])
	}
	if tm, ok := info.Uses[netUse].(*TermObj); !ok || tm.Decl != net {
		t.Errorf("Uses[net] = %#v", info.Uses[netUse])
	}
	if got := info.Types[netUse]; !Identical(got, &Money{"JPY"}) {
		t.Errorf("Types[net] = %v, want money(JPY)", got)
	}
	if got := info.Types[where]; !Identical(got, TBool) {
		t.Errorf("Types[where] = %v", got)
	}
}

// TestCheckNilTolerance feeds trees with missing parts, as a partial parse
// may produce, and expects no panic.
func TestCheckNilTolerance(t *testing.T) {
	trees := []*File{
		nil,
		{},
		{Decls: []Decl{nil, (*Agreement)(nil), (*Amendment)(nil)}},
		{Decls: []Decl{&Agreement{}, &Amendment{}}},
		{Decls: []Decl{&Agreement{ID: &Ident{Name: "a"}, Items: []Item{
			nil, (*Effective)(nil), &Effective{}, &Ends{}, &CurrencyDecl{}, &RoundingDecl{}, &DefaultDecl{}, &FiscalYearDecl{},
			&PartyDecl{}, &KindDecl{}, &KindDecl{Name: &Ident{Name: "K"}, Members: []*Ident{nil}},
			&SchemaDecl{}, &SchemaDecl{Name: &Ident{Name: "s"}, Fields: []*FieldDecl{nil, {}, {Name: &Ident{Name: "f"}}}},
			&TermDecl{}, &TermDecl{Name: &Ident{Name: "t"}, Params: []*Param{nil, {}}},
			&TermDecl{Name: &Ident{Name: "u"}, Body: &Binary{}},
			&TermDecl{Name: &Ident{Name: "v"}, Body: &Binary{X: &Ident{Name: "u"}, Y: (*Ident)(nil)}},
			&TermDecl{Name: &Ident{Name: "w"}, Body: &Call{Args: []Expr{nil}}},
			&TermDecl{Name: &Ident{Name: "y"}, Body: &ActionLit{Fields: &RecordLit{Fields: []*FieldInit{nil, {}}}}},
			&TermDecl{Name: &Ident{Name: "z"}, Body: &If{}},
			&TermDecl{Name: &Ident{Name: "z2"}, Body: &ListLit{Elems: []Expr{nil, (*IntLit)(nil)}}},
			&TermDecl{Name: &Ident{Name: "z3"}, Body: &Selector{}},
			&TermDecl{Name: &Ident{Name: "z4"}, Body: &Unary{}},
			&TermDecl{Name: &Ident{Name: "z5"}, Body: &Paren{}},
			&TermDecl{Name: &Ident{Name: "z6"}, Body: &RecordLit{Fields: []*FieldInit{nil}}},
			&ClauseDecl{}, &ClauseDecl{Num: &ClauseRef{Num: "1"}, Notwithstanding: []*ClauseRef{nil}, Body: &Deontic{}},
			&ClauseDecl{Body: &Payment{Dates: []*DateLit{nil}, Late: []*Late{nil, {}}, Due: &Due{}}},
			&ClauseDecl{Body: &Installments{Count: &IntLit{}}},
			&ClauseDecl{Body: &Milestone{}},
			&ClauseDecl{Body: &Share{Lines: []*ShareLine{nil, {}, {Rate: &Tiers{Tiers: []*Tier{nil, {}}}}, {Rate: &FlatRate{}}},
				Limits: []*Limit{nil, {}, {Floor: true}}, Guarantee: &Guarantee{}, Recoup: &Recoup{},
				Payee: &Split{Shares: []*SplitShare{nil, {}}}}},
			&ClauseDecl{Body: &Payment{Payee: &Waterfall{Steps: []*Step{nil, {}, {Split: &Split{}}}}}},
			&ClauseDecl{Body: &Payment{Payee: &Waterfall{}}},
			&ClauseDecl{Body: &Payment{Payee: (*PartyPayee)(nil)}},
			&DeleteClause{}, &DeleteClause{Num: &ClauseRef{Num: "9"}},
			&TestDecl{}, &TestDecl{Stmts: []TestStmt{nil, &AsOf{}, &Given{}, &Given{Name: &Ident{Name: "g"}},
				&Expect{}, &ExpectVerdict{}, &ExpectPays{}, (*Expect)(nil)}},
		}}}},
		{Decls: []Decl{&Agreement{ID: &Ident{Name: "typed_nils"}, Items: typedNilItems()}}},
		{Decls: []Decl{&Amendment{ID: &Ident{Name: "m2"}, Base: &Ident{Name: "typed_nils"}, Items: typedNilItems()}}},
		{Decls: []Decl{&Amendment{ID: &Ident{Name: "m"}, Base: &Ident{Name: "a"}, Items: []Item{
			nil, &Effective{}, &TermDecl{Replace: true}, &TermDecl{Replace: true, Name: &Ident{Name: "t"}},
			&ClauseDecl{Replace: true}, &ClauseDecl{Replace: true, Num: &ClauseRef{Num: "1"}}, &DeleteClause{},
			&TestDecl{Stmts: []TestStmt{&ExpectVerdict{Subject: &Ident{Name: "g"}}}},
		}}}},
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("Check panicked: %v", r)
			}
		}()
		Check(trees, &Config{Funcs: FuncMap{"f": nil}})
	}()
}

// typedNilItems returns one nil pointer of every item type.
func typedNilItems() []Item {
	return []Item{(*Effective)(nil), (*Ends)(nil), (*CurrencyDecl)(nil), (*RoundingDecl)(nil),
		(*DefaultDecl)(nil), (*FiscalYearDecl)(nil), (*PartyDecl)(nil), (*KindDecl)(nil), (*SchemaDecl)(nil),
		(*TermDecl)(nil), (*ClauseDecl)(nil), (*DeleteClause)(nil), (*TestDecl)(nil),
		&ClauseDecl{Body: (*Deontic)(nil)}, &ClauseDecl{Body: (*Share)(nil)}, &ClauseDecl{Body: (*Payment)(nil)},
		&ClauseDecl{Body: (*Installments)(nil)}, &ClauseDecl{Body: (*Milestone)(nil)},
		&ClauseDecl{Body: &Share{Lines: []*ShareLine{{Rate: (*Tiers)(nil)}, {Rate: (*FlatRate)(nil)}},
			Payee: (*Waterfall)(nil)}},
		&ClauseDecl{Body: &Payment{Payee: (*Split)(nil), Amount: (*MoneyLit)(nil)}},
		&TestDecl{Stmts: []TestStmt{(*AsOf)(nil), (*Given)(nil), (*Expect)(nil), (*ExpectVerdict)(nil), (*ExpectPays)(nil)}},
		&TermDecl{Name: &Ident{Name: "e"}, Body: &Binary{X: (*Ident)(nil), Y: (*Call)(nil)}},
		&TermDecl{Name: &Ident{Name: "f"}, Body: &Binary{X: &IntLit{Text: "1"}, Y: &StringLit{}}},
		&TermDecl{Name: &Ident{Name: "g"}, Body: &Binary{Op: And, X: &IntLit{Text: "1"}, Y: (*BoolLit)(nil)}},
		&TermDecl{Name: &Ident{Name: "h"}, Body: &If{Cond: &IntLit{Text: "1"}, Then: (*IntLit)(nil), Else: (*IntLit)(nil)}},
	}
}

// TestFuncSigCheck checks host functions typed by Params and by Check.
func TestFuncSigCheck(t *testing.T) {
	calls := 0
	funcs := FuncMap{
		"twice": {Name: "twice", Params: []Type{TDecimal}, Result: TDecimal},
		"sum":   {Name: "sum", Params: []Type{TInteger}, Result: TInteger, Variadic: true},
		"same": {Name: "same", Check: func(args []Type) (Type, string) {
			calls++
			if len(args) != 2 || !Identical(args[0], args[1]) {
				return nil, "needs two values of one type"
			}
			return args[0], ""
		}},
		"boom": {Name: "boom", Check: func([]Type) (Type, string) { panic("host bug") }},
	}
	mk := func(fun string, args ...Expr) *TermDecl {
		return &TermDecl{Name: hbIdent("t_"+fun, 2), Body: &Call{At: hbPos(2), Fun: hbIdent(fun, 2), Args: args}}
	}
	one := &IntLit{At: hbPos(2), Text: "1"}
	txt := &StringLit{At: hbPos(2), Value: "x"}
	items := []Item{&Effective{At: hbPos(1), Date: &DateLit{At: hbPos(1), Text: "2026-01-01"}}}
	for _, d := range []*TermDecl{
		mk("twice", one), mk("sum"), mk("same", one, one), // fine
	} {
		items = append(items, d)
	}
	bad := []*TermDecl{mk("twice", txt), mk("twice"), mk("sum", one, txt), mk("same", one, txt), mk("boom"), mk("nope")}
	for i, d := range bad {
		d.Name.Name += "_bad" + string(rune('a'+i))
		items = append(items, d)
	}
	_, errs := Check([]*File{{Decls: []Decl{&Agreement{ID: hbIdent("x", 1), Items: items}}}}, &Config{Funcs: funcs})
	want := []string{
		"argument 1 of twice must be decimal, not text",
		"twice takes 1 argument, not 0",
		"argument 2 of sum must be integer, not text",
		"same: needs two values of one type",
		"function boom failed to check its arguments: host bug",
		`unknown function "nope"`,
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Msg)
	}
	if strings.Join(got, "\n") != strings.Join(sortedCopy(want), "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(sortedCopy(want), "\n"))
	}
	if calls != 2 {
		t.Errorf("Check called %d times, want 2", calls)
	}
}

func sortedCopy(s []string) []string {
	return sortStrings(append([]string(nil), s...))
}

// checkSource parses and checks src, failing the test on syntax errors.
func checkSource(t *testing.T, src string) (*File, *Info, ErrorList) {
	t.Helper()
	f, perrs := Parse("test.pacta", []byte(src))
	if len(perrs) > 0 {
		t.Fatalf("syntax errors: %v", perrs)
	}
	info, errs := Check([]*File{f}, &Config{Funcs: goldenFuncs()})
	return f, info, errs
}

func findClause(t *testing.T, items []Item, num string) *ClauseDecl {
	t.Helper()
	for _, it := range items {
		if cl, ok := it.(*ClauseDecl); ok && cl.Num != nil && cl.Num.Num == num {
			return cl
		}
	}
	t.Fatalf("no clause %s", num)
	return nil
}

// TestCheckInfo checks what Info records for the interpreter: what each name
// refers to, the type of each expression, and the agreement's settings.
func TestCheckInfo(t *testing.T) {
	f, info, errs := checkSource(t, `agreement x "X" {
  effective 2026-01-01
  currency JPY
  fiscal year starts april
  default prohibited
  party a "A"
  party b "B"
  kind P = Azure | AWS
  action sell { platform P gross money }
  term net(s sell) = s.gross
  term flat = 10%
  clause 1 "c" a may sell where platform == AWS and sell.gross > JPY 0
  clause 2 "s" a pays b flat of net of each sell
  test "t" {
    given s = sell by a { platform: AWS, gross: JPY 1, date: 2026-01-01 }
    expect days_between(s.date, 2026-01-02) == 1
  }
}
amendment m2 "M2" amends x { effective 2027-01-01 }
amendment m1 "M1" amends x { effective 2026-06-01 }
amendment m3 "M3" amends x { effective 2026-06-01 }
`)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	agr := f.Decls[0].(*Agreement)
	ai := info.Agreements[0]
	if ai.Decl != agr || ai.Currency != "JPY" || ai.RoundingUnit != "1" || ai.FiscalStart != 4 || ai.DefaultPermitted {
		t.Errorf("agreement info: %+v", ai)
	}
	var order []string
	for _, a := range ai.Amendments {
		order = append(order, a.ID.Name)
	}
	if got := strings.Join(order, " "); got != "m1 m3 m2" {
		t.Errorf("amendments in order %q, want by effective date then source order", got)
	}

	// clause 1: fields, members, the event name.
	where := findClause(t, agr.Items, "1").Body.(*Deontic).Where.(*Binary)
	eq := where.X.(*Binary)
	if _, ok := info.Uses[eq.X.(*Ident)].(*FieldObj); !ok {
		t.Errorf("platform: %#v", info.Uses[eq.X.(*Ident)])
	}
	if m, ok := info.Uses[eq.Y.(*Ident)].(*EnumMemberObj); !ok || m.Name != "AWS" || m.Kind != ai.Kinds["P"] {
		t.Errorf("AWS: %#v", info.Uses[eq.Y.(*Ident)])
	}
	sel := where.Y.(*Binary).X.(*Selector)
	if ev, ok := info.Uses[sel.X.(*Ident)].(*EventObj); !ok || ev.Schema != ai.Schemas["sell"] {
		t.Errorf("sell: %#v", info.Uses[sel.X.(*Ident)])
	}
	if r, ok := info.Types[sel.X].(*Record); !ok || r.Schema != ai.Schemas["sell"] || len(r.Fields) != 4 {
		t.Errorf("type of sell: %v", info.Types[sel.X])
	}
	if got := info.Types[sel]; !Identical(got, &Money{"JPY"}) {
		t.Errorf("type of sell.gross: %v", got)
	}
	if got := info.Types[where]; !Identical(got, TBool) {
		t.Errorf("type of where: %v", got)
	}

	// clause 2: a value term, and a one-parameter term applied to the event.
	share := findClause(t, agr.Items, "2").Body.(*Share)
	rate := share.Lines[0].Rate.(*FlatRate).Value.(*Ident)
	if tm, ok := info.Uses[rate].(*TermObj); !ok || tm.Decl != ai.Terms["flat"] || tm.Decl.Params != nil {
		t.Errorf("flat: %#v", info.Uses[rate])
	}
	if !Identical(info.Types[rate], TPercent) {
		t.Errorf("type of flat: %v", info.Types[rate])
	}
	base := share.Lines[0].Base.(*Ident)
	if tm, ok := info.Uses[base].(*TermObj); !ok || tm.Decl != ai.Terms["net"] || len(tm.Decl.Params) != 1 {
		t.Errorf("net: %#v", info.Uses[base])
	}
	if !Identical(info.Types[base], &Money{"JPY"}) {
		t.Errorf("type of net: %v", info.Types[base])
	}
	if p, ok := info.Uses[share.Payer].(*PartyObj); !ok || p.Decl != ai.Parties["a"] {
		t.Errorf("payer: %#v", info.Uses[share.Payer])
	}
	if p, ok := info.Uses[share.Payee.(*PartyPayee).Party].(*PartyObj); !ok || p.Decl != ai.Parties["b"] {
		t.Errorf("payee: %#v", info.Uses[share.Payee.(*PartyPayee).Party])
	}
	if s, ok := info.Uses[share.Action].(*SchemaObj); !ok || s.Decl != ai.Schemas["sell"] {
		t.Errorf("action: %#v", info.Uses[share.Action])
	}

	// the test: a given, a builtin.
	var test *TestDecl
	for _, it := range agr.Items {
		if td, ok := it.(*TestDecl); ok {
			test = td
		}
	}
	given := test.Stmts[0].(*Given)
	call := test.Stmts[1].(*Expect).Cond.(*Binary).X.(*Call)
	if fn, ok := info.Uses[call.Fun].(*FuncObj); !ok || fn.Sig.Name != "days_between" {
		t.Errorf("days_between: %#v", info.Uses[call.Fun])
	}
	if !Identical(info.Types[call], TInteger) {
		t.Errorf("type of days_between(...): %v", info.Types[call])
	}
	sx := call.Args[0].(*Selector).X.(*Ident)
	if g, ok := info.Uses[sx].(*GivenObj); !ok || g.Given != given {
		t.Errorf("s: %#v", info.Uses[sx])
	}
	if r, ok := info.Types[given.Value].(*Record); !ok || r.Schema != ai.Schemas["sell"] {
		t.Errorf("type of the given: %v", info.Types[given.Value])
	}
}

// TestCheckExprTypes types expressions inside a small agreement.
func TestCheckExprTypes(t *testing.T) {
	cases := []struct{ expr, want string }{
		{"1 + 2", "integer"},
		{"1 + 2.5", "decimal"},
		{"7 / 2", "decimal"},
		{"2 * 3", "integer"},
		{"USD 1 + USD 2", "money(USD)"},
		{"USD 10 * 2", "money(USD)"},
		{"3 * USD 10", "money(USD)"},
		{"USD 10 / 4", "money(USD)"},
		{"USD 10 / USD 4", "decimal"},
		{"20% of USD 1,000.00", "money(USD)"},
		{"20% of 10", "decimal"},
		{"20% of 2.5", "decimal"},
		{"20% of 50%", "percent"},
		{"20% * 2", "percent"},
		{"2 * 20%", "percent"},
		{"20% / 2", "percent"},
		{"20% - 5%", "percent"},
		{"-20%", "percent"},
		{"-USD 1", "money(USD)"},
		{"2026-01-01 + 30 days", "date"},
		{"30 days + 2026-01-01", "date"},
		{"2026-01-01 - 1 year", "date"},
		{"2027-Q1", "period"},
		{"2027-03", "period"},
		{"30 days", "duration"},
		{`"x"`, "text"},
		{"[Azure, AWS]", "list of P"},
		{"[]", "list of nothing"},
		{"[1, 2.5]", "decimal"},
		{"[[], [1]]", "list of list of integer"},
		{"if true then 1 else 2.5", "decimal"},
		{"Azure in [AWS]", "bool"},
		{"a != b", "bool"},
		{"sell by a { platform: AWS, date: 2026-01-01 }", "sell"},
		{"(sell by a { platform: AWS, date: 2026-01-01 }).platform", "P"},
		{"(sell by a { platform: AWS, date: 2026-01-01 }).actor", "party"},
		{"min(1, 2.5)", "decimal"},
	}
	for _, c := range cases {
		src := "agreement x \"X\" {\n effective 2026-01-01\n party a \"A\"\n party b \"B\"\n kind P = Azure | AWS\n action sell { platform P }\n term v = " + c.expr + "\n}\n"
		f, info, errs := checkSource(t, src)
		if len(errs) > 0 {
			t.Errorf("%s: %v", c.expr, errs)
			continue
		}
		var body Expr
		for _, it := range f.Decls[0].(*Agreement).Items {
			if d, ok := it.(*TermDecl); ok {
				body = d.Body
			}
		}
		got := info.Types[body]
		want := c.want
		if c.want == "decimal" && strings.HasPrefix(c.expr, "[") {
			want = "list of decimal"
		}
		if got == nil || got.String() != want {
			t.Errorf("type of %s = %v, want %s", c.expr, got, want)
		}
	}
}

// TestCheckPeriodUnits covers units the parser never produces but a tree
// built by hand may hold.
func TestCheckPeriodUnits(t *testing.T) {
	c := &checker{}
	for _, u := range []*PeriodUnit{
		{Unit: "quarter"}, {Unit: "year", Fiscal: true}, {Unit: "day"},
		{Unit: "quartr"}, {Unit: "fortnight"}, {Unit: "month", Fiscal: true},
	} {
		c.periodUnit(u)
	}
	var got []string
	for _, e := range c.errs {
		got = append(got, e.Msg+" | "+e.Hint)
	}
	want := []string{
		`unknown period "quartr" | did you mean "quarter"?`,
		`unknown period "fortnight" | use day, week, month, quarter, half-year or year`,
		"a fiscal period is a quarter, a half-year or a year, not a month | ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// FuzzCheck checks whatever the parser makes of arbitrary input, partial
// trees included, and expects no panic.
func FuzzCheck(f *testing.F) {
	paths, _ := filepath.Glob("testdata/check/*.pacta")
	more, _ := filepath.Glob("testdata/check/*/*.pacta")
	for _, p := range append(paths, more...) {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, _ := Parse("fuzz.pacta", src)
		if file == nil {
			return
		}
		info, errs := Check([]*File{file, file}, &Config{Funcs: goldenFuncs()})
		if info == nil {
			t.Fatal("nil Info")
		}
		for i := 1; i < len(errs); i++ {
			if errs[i].Pos.Before(errs[i-1].Pos) {
				t.Fatalf("errors not sorted: %v before %v", errs[i-1], errs[i])
			}
		}
	})
}

// TestScopeConcurrent checks expressions after Check from several
// goroutines at once, as the REPL and Program.Eval do; run with -race.
func TestScopeConcurrent(t *testing.T) {
	_, info, errs := checkSource(t, `agreement x "X" {
  effective 2026-01-01
  currency USD
  party a "A"
  kind P = Azure | AWS
  kind Unused = One | Two
  action sell { platform P gross money }
  term net(s sell) = s.gross
}
`)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	scope, err := info.Scope("")
	if err != nil {
		t.Fatal(err)
	}
	exprs := []string{`One != Two`, `net(sell by a { platform: AWS, gross: USD 1, date: 2026-01-01 }) + USD 1`, `Azure in [AWS]`, `nett(1)`}
	done := make(chan string)
	for i := 0; i < 8; i++ {
		go func(i int) {
			src := exprs[i%len(exprs)]
			e, perrs := ParseExpr("expr", []byte(src))
			if len(perrs) > 0 {
				done <- src + ": " + perrs.Error()
				return
			}
			_, typ, errs := scope.CheckExpr(e, nil)
			switch {
			case src == "nett(1)" && (len(errs) != 1 || errs[0].Hint != `did you mean "net"?`):
				done <- src + ": " + errs.Error()
			case src != "nett(1)" && (len(errs) > 0 || typ == nil):
				done <- src + ": " + errs.Error()
			default:
				done <- ""
			}
		}(i)
	}
	for i := 0; i < 8; i++ {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}
