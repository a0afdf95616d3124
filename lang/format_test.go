package lang

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var updateFormat = flag.Bool("update-format", false, "rewrite lang/testdata/format/*.golden.pacta")

// TestFormatGolden formats every testdata/format/NAME.input.pacta and
// compares the result with NAME.golden.pacta.
func TestFormatGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "format", "*.input.pacta"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input.pacta")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			f, errs := Parse(in, src)
			if len(errs) > 0 {
				t.Fatalf("parse: %v", errs)
			}
			got := Format(f)
			golden := filepath.Join("testdata", "format", name+".golden.pacta")
			if *updateFormat {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./lang -run FormatGolden -update-format)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s:\n%s", in, golden, fmtLineDiff(string(want), string(got)))
			}
			checkFormatRoundTrip(t, in, src)
		})
	}
}

// TestFormatRoundTrip formats every .pacta file under testdata and
// ../examples and checks that formatting keeps the meaning and every
// comment, and is idempotent.
func TestFormatRoundTrip(t *testing.T) {
	var files []string
	for _, root := range []string{"testdata", filepath.Join("..", "examples")} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".pacta") {
				files = append(files, path)
			}
			return nil
		})
	}
	if len(files) == 0 {
		t.Fatal("no .pacta files found")
	}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, errs := Parse(path, src); len(errs) > 0 {
			slash := filepath.ToSlash(path)
			if strings.Contains(slash, "testdata/check/") || strings.Contains(slash, "testdata/parse_errors/") {
				continue // intentionally broken
			}
			t.Errorf("%s: %v", path, errs)
			continue
		}
		checkFormatRoundTrip(t, path, src)
	}
}

// checkFormatRoundTrip checks, for a source that parses: the formatted text
// parses, has the same tree (positions aside) and the same comments, and
// formats to itself.
func checkFormatRoundTrip(t *testing.T, name string, src []byte) {
	t.Helper()
	if err := formatRoundTrip(name, src); err != nil {
		t.Errorf("%s: %v", name, err)
	}
}

func formatRoundTrip(name string, src []byte) error {
	f1, errs := Parse(name, src)
	if len(errs) > 0 {
		return fmt.Errorf("input does not parse: %v", errs)
	}
	out1 := Format(f1)
	f2, errs := Parse(name, out1)
	if len(errs) > 0 {
		return fmt.Errorf("formatted text does not parse: %v\n%s", errs, out1)
	}
	if diff := astDiff(f1, f2); diff != "" {
		return fmt.Errorf("formatting changed the tree: %s\n%s", diff, out1)
	}
	if c1, c2 := commentTexts(f1), commentTexts(f2); !reflect.DeepEqual(c1, c2) {
		return fmt.Errorf("formatting changed the comments:\nbefore %q\nafter  %q\n%s", c1, c2, out1)
	}
	if out2 := Format(f2); !bytes.Equal(out1, out2) {
		return fmt.Errorf("formatting is not idempotent:\n%s", fmtLineDiff(string(out1), string(out2)))
	}
	return nil
}

func commentTexts(f *File) []string {
	var out []string
	for _, c := range f.Comments {
		out = append(out, strings.TrimRight(c.Text, " \t\r"))
	}
	sort.Strings(out)
	return out
}

var posType = reflect.TypeOf(Pos{})

// astDiff compares two syntax trees ignoring positions, the file name, the
// comments and where header items stand among the other items (the
// formatter moves them first), and describes the first difference ("" if
// none). Nil and
// empty slices are equal, except a term's Params (`t` versus `t()`); a
// literal's Raw text is compared with its runs of spaces made one.
func astDiff(a, b *File) string {
	return astDiffValue("File.Decls", reflect.ValueOf(a.Decls), reflect.ValueOf(b.Decls))
}

func astDiffValue(path string, a, b reflect.Value) string {
	if a.Kind() != b.Kind() {
		return path + ": different kinds"
	}
	switch a.Kind() {
	case reflect.Interface, reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: %v versus %v", path, a, b)
			}
			return ""
		}
		if a.Kind() == reflect.Interface && a.Elem().Type() != b.Elem().Type() {
			return fmt.Sprintf("%s: %s versus %s", path, a.Elem().Type(), b.Elem().Type())
		}
		return astDiffValue(path, a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d elements versus %d", path, a.Len(), b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if d := astDiffValue(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Struct:
		if a.Type() == posType {
			return ""
		}
		for i := 0; i < a.NumField(); i++ {
			fld := a.Type().Field(i)
			fa, fb := a.Field(i), b.Field(i)
			p := path + "." + fld.Name
			if fld.Name == "Params" && fa.IsNil() != fb.IsNil() {
				return p + ": nil versus not nil"
			}
			if fld.Name == "Items" {
				// The formatter moves header items first; their order
				// carries no meaning.
				fa, fb = reflect.ValueOf(headerFirst(fa.Interface().([]Item))), reflect.ValueOf(headerFirst(fb.Interface().([]Item)))
			}
			if fld.Name == "Raw" && fa.Kind() == reflect.String {
				if strings.Join(strings.Fields(fa.String()), " ") != strings.Join(strings.Fields(fb.String()), " ") {
					return fmt.Sprintf("%s: %q versus %q", p, fa.String(), fb.String())
				}
				continue
			}
			if d := astDiffValue(p, fa, fb); d != "" {
				return d
			}
		}
		return ""
	default:
		if !a.CanInterface() {
			return ""
		}
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Sprintf("%s: %#v versus %#v", path, a.Interface(), b.Interface())
		}
		return ""
	}
}

// headerFirst returns items with the header items moved first, each group
// in its order.
func headerFirst(items []Item) []Item {
	var head, rest []Item
	for _, it := range items {
		if fmtIsHeader(it) {
			head = append(head, it)
		} else {
			rest = append(rest, it)
		}
	}
	return append(head, rest...)
}

// FuzzFormat: whatever parses formats to text that parses to the same tree,
// keeps its comments, and formats to itself.
func FuzzFormat(f *testing.F) {
	for _, root := range []string{"testdata", filepath.Join("..", "examples")} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".pacta") {
				if src, err := os.ReadFile(path); err == nil {
					f.Add(src)
				}
			}
			return nil
		})
	}
	f.Add([]byte("agreement a \"A\" {\n  party ABC \"x\"\n  clause 1 \"p\" z pays ABC\n 5 on 2026-01-01\n}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, errs := Parse("fuzz.pacta", src); len(errs) > 0 {
			return
		}
		if err := formatRoundTrip("fuzz.pacta", src); err != nil {
			t.Fatalf("input %q: %v", src, err)
		}
	})
}

// Helpers to build trees by hand (no positions).
func hbID(name string) *Ident    { return &Ident{Name: name} }
func hbStr(s string) *StringLit  { return &StringLit{Value: s} }
func hbDate(s string) *DateLit   { return &DateLit{Text: s} }
func hbPct(s string) *PercentLit { return &PercentLit{Text: s} }
func hbInt(s string) *IntLit     { return &IntLit{Text: s} }
func hbUSD(raw string) *MoneyLit {
	return &MoneyLit{Currency: "USD", Amount: strings.ReplaceAll(raw, ",", ""), Raw: raw}
}
func hbBin(op BinaryOp, x, y Expr) *Binary { return &Binary{Op: op, X: x, Y: y} }
func hbRef(n string) *ClauseRef            { return &ClauseRef{Num: n} }

func TestFormatExprParens(t *testing.T) {
	a, b, c := hbID("a"), hbID("b"), hbID("c")
	tests := []struct {
		e    Expr
		want string
	}{
		{hbBin(Add, hbBin(Mul, a, b), c), "a * b + c"},
		{hbBin(Mul, hbBin(Add, a, b), c), "(a + b) * c"},
		{hbBin(Sub, a, hbBin(Sub, b, c)), "a - (b - c)"},
		{hbBin(Sub, hbBin(Sub, a, b), c), "a - b - c"},
		{hbBin(Of, hbBin(Of, a, b), c), "(a of b) of c"},
		{hbBin(Of, a, hbBin(Of, b, c)), "a of b of c"},
		{hbBin(Eq, hbBin(Eq, a, b), c), "(a == b) == c"},
		{hbBin(Eq, a, hbBin(Lt, b, c)), "a == (b < c)"},
		{hbBin(Or, hbBin(And, a, b), c), "a and b or c"},
		{hbBin(And, hbBin(Or, a, b), c), "(a or b) and c"},
		{hbBin(Mul, &Paren{X: hbBin(Add, a, b)}, c), "(a + b) * c"},
		{&Paren{X: &Paren{X: a}}, "((a))"},
		{hbBin(Add, a, &Paren{X: hbBin(Mul, b, c)}), "a + (b * c)"},
		{&Unary{Op: Neg, X: hbBin(Add, a, b)}, "-(a + b)"},
		{&Unary{Op: Neg, X: &Unary{Op: Neg, X: a}}, "- -a"},
		{&Unary{Op: Not, X: hbBin(Eq, a, b)}, "not (a == b)"},
		{hbBin(Eq, &Unary{Op: Not, X: a}, b), "not a == b"},
		{&Selector{X: &Unary{Op: Neg, X: a}, Field: hbID("f")}, "(-a).f"},
		{&Unary{Op: Neg, X: &Selector{X: a, Field: hbID("f")}}, "-a.f"},
		{&Selector{X: &Selector{X: a, Field: hbID("f")}, Field: hbID("g")}, "a.f.g"},
		{hbBin(Add, &If{Cond: a, Then: b, Else: c}, a), "(if a then b else c) + a"},
		{hbBin(Add, a, &If{Cond: a, Then: b, Else: c}), "a + if a then b else c"},
		{hbBin(Mul, hbBin(Add, a, &If{Cond: a, Then: b, Else: c}), c), "(a + if a then b else c) * c"},
		{hbBin(Add, hbBin(Add, a, &If{Cond: a, Then: b, Else: c}), c), "a + (if a then b else c) + c"},
		{&If{Cond: &If{Cond: a, Then: b, Else: c}, Then: b, Else: hbBin(Add, b, c)}, "if if a then b else c then b else b + c"},
		{hbBin(NotIn, hbID("platform"), &ListLit{Elems: []Expr{hbID("Azure"), hbID("Direct")}}), "platform not in [Azure, Direct]"},
		{hbBin(Of, hbPct("20"), hbUSD("1,000.00")), "20% of USD 1,000.00"},
		{&Call{Fun: hbID("max"), Args: []Expr{a, hbBin(Add, b, c)}}, "max(a, b + c)"},
		{&Call{Fun: hbID("now")}, "now()"},
		{&ActionLit{Action: hbID("sell"), Actor: hbID("openai"), Fields: &RecordLit{Fields: []*FieldInit{
			{Name: hbID("platform"), Value: hbID("AWS")}, {Name: hbID("gross"), Value: hbUSD("100")}}}},
			"sell by openai { platform: AWS, gross: USD 100 }"},
		{&ActionLit{Action: hbID("launch"), Fields: &RecordLit{}}, "launch {}"},
		{&StringLit{Value: "a \"b\" \\ c\nd\te"}, `"a \"b\" \\ c\nd\te"`},
		{&DurationLit{N: "30", Unit: "day", Raw: "30  days"}, "30 days"},
		{&DurationLit{N: "1", Unit: "year"}, "1 year"},
		{&DurationLit{N: "2", Unit: "week"}, "2 weeks"},
		{&PeriodLit{Text: "2027-Q1"}, "2027-Q1"},
		{&BoolLit{Value: true}, "true"},
		{&DecimalLit{Text: "0.010"}, "0.010"},
		{&MoneyLit{Currency: "EUR", Amount: "5"}, "EUR 5"},
	}
	for _, tt := range tests {
		if got := FormatExpr(tt.e); got != tt.want {
			t.Errorf("FormatExpr = %q, want %q", got, tt.want)
		}
	}
}

// TestFormatHandBuilt prints the brief's example from a tree built by hand.
func TestFormatHandBuilt(t *testing.T) {
	sell := &SchemaDecl{Name: hbID("sell"), Fields: []*FieldDecl{
		{Name: hbID("product"), Type: &TypeExpr{Name: hbID("text")}},
		{Name: hbID("platform"), Type: &TypeExpr{Name: hbID("Platform")}},
		{Name: hbID("tags"), Type: &TypeExpr{ListOf: &TypeExpr{Name: hbID("text")}}},
		{Name: hbID("gross"), Type: &TypeExpr{Name: hbID("money")}},
	}}
	s := hbID("s")
	netRevenue := &TermDecl{Name: hbID("net_revenue"),
		Params: []*Param{{Name: s, Type: &TypeExpr{Name: hbID("sell")}}},
		Body:   hbBin(Sub, &Selector{X: s, Field: hbID("gross")}, &Selector{X: s, Field: hbID("refunds")}),
		Prose:  hbStr("Net Revenue means gross receipts less refunds.")}
	f := &File{Decls: []Decl{
		&Agreement{ID: hbID("openai_microsoft"), Title: hbStr("OpenAI–Microsoft Partnership"), Items: []Item{
			&PartyDecl{ID: hbID("openai"), Name: hbStr("OpenAI Group PBC")},
			&Effective{Date: hbDate("2019-07-22")},
			&PartyDecl{ID: hbID("microsoft"), Name: hbStr("Microsoft Corporation")},
			&CurrencyDecl{Code: hbID("USD")},
			&RoundingDecl{Mode: hbID("half_even"), Unit: &DecimalLit{Text: "0.01"}},
			&KindDecl{Name: hbID("Platform"), Members: []*Ident{hbID("Azure"), hbID("AWS"), hbID("Direct")}},
			sell,
			netRevenue,
			&TermDecl{Name: hbID("rate"), Body: hbPct("20")},
			&TermDecl{Name: hbID("floor"), Body: hbUSD("0")},
			&ClauseDecl{Num: hbRef("3.1"), Title: hbStr("Azure exclusivity"),
				Prose: hbStr("OpenAI shall not sell Products through any cloud platform other than Azure."),
				Body: &Deontic{Party: hbID("openai"), Modality: MustNot, Action: hbID("sell"),
					Where: hbBin(NotIn, hbID("platform"), &ListLit{Elems: []Expr{hbID("Azure"), hbID("Direct")}}),
					Until: hbDate("2030-01-01")}},
			&ClauseDecl{Num: hbRef("5.1"), Title: hbStr("Revenue share"),
				Body: &Share{Payer: hbID("openai"), Payee: &PartyPayee{Party: hbID("microsoft")}, Inline: true,
					Lines:  []*ShareLine{{Rate: &FlatRate{Value: hbPct("20")}, Base: hbID("net_revenue")}},
					Action: hbID("sell"), By: hbID("openai"),
					Settled: &PeriodUnit{Unit: "quarter", Adverb: true},
					Due:     &Due{After: &DurationLit{N: "45", Unit: "day", Raw: "45 days"}, PeriodEnd: true},
					Limits:  []*Limit{{Amount: hbUSD("10,000,000"), Per: &PeriodUnit{Unit: "year"}}, {Floor: true, Amount: hbUSD("1")}},
				}},
			&TestDecl{Name: hbStr("aws sale"), Stmts: []TestStmt{
				&AsOf{Date: hbDate("2027-01-01")},
				&Given{Name: hbID("s"), Value: &ActionLit{Action: hbID("sell"), Actor: hbID("openai"),
					Fields: &RecordLit{Fields: []*FieldInit{{Name: hbID("platform"), Value: hbID("AWS")}}}}},
				&ExpectVerdict{Subject: hbID("s"), Verdict: Prohibited, Clause: hbRef("3.1")},
				&ExpectPays{Payer: hbID("openai"), Payee: hbID("microsoft"), Amount: hbUSD("20"),
					Period: &PeriodLit{Text: "2027-Q1"}, Clause: hbRef("5.1")},
				&Expect{Cond: hbBin(Eq, &Call{Fun: hbID("net_revenue"), Args: []Expr{s}}, hbUSD("100"))},
			}},
		}},
		&Amendment{ID: hbID("aws"), Title: hbStr("AWS concessions"), Base: hbID("openai_microsoft"), Items: []Item{
			&Effective{Date: hbDate("2026-11-01")},
			&ClauseDecl{Num: hbRef("3.2"), Title: hbStr("AWS distribution"), Notwithstanding: []*ClauseRef{hbRef("3.1")},
				SubjectTo: []*ClauseRef{hbRef("7"), hbRef("8.1.2")},
				Prose:     hbStr("Notwithstanding Section 3.1, OpenAI may sell Products on AWS."),
				Body:      &Deontic{Party: hbID("openai"), Modality: May, Action: hbID("sell"), Where: hbBin(Eq, hbID("platform"), hbID("AWS"))}},
			&ClauseDecl{Replace: true, Num: hbRef("5.1"), Title: hbStr("Revenue share"),
				Body: &Share{Payer: hbID("openai"), Payee: &Split{Shares: []*SplitShare{
					{Party: hbID("microsoft"), Share: hbPct("60")}, {Party: hbID("nv"), Share: hbPct("40")}},
					RemainderTo: hbID("microsoft")},
					Lines: []*ShareLine{
						{Rate: &Tiers{Reset: &PeriodUnit{Unit: "year", Adverb: true}, Tiers: []*Tier{
							{Rate: hbPct("25"), UpTo: hbUSD("1,000,000")}, {Rate: hbPct("20")}}},
							Base: hbID("net_revenue"), Where: hbBin(Eq, hbID("platform"), hbID("AWS"))},
						{Rate: &FlatRate{Value: hbPct("20")}, Base: hbID("net_revenue"), Otherwise: true},
					},
					Action: hbID("sell"), By: hbID("openai"),
					Recoup: &Recoup{Amount: hbUSD("5,000")},
					Late:   []*Late{{Amount: hbPct("1"), Per: &PeriodUnit{Unit: "month"}, Cap: hbPct("10")}},
				}},
			&DeleteClause{Num: hbRef("4")},
			&DeleteClause{Num: hbRef("6")},
			&ClauseDecl{Num: hbRef("9"), Title: hbStr("Payments"),
				Body: &Installments{Payer: hbID("microsoft"), Payee: &Waterfall{Steps: []*Step{
					{Party: hbID("openai"), UpTo: hbUSD("1,000")},
					{Split: &Split{Shares: []*SplitShare{{Party: hbID("a"), Share: hbPct("50")}, {Party: hbID("bb"), Share: hbPct("50")}}}},
				}}, Total: hbUSD("50,000,000,000"), Count: hbInt("20"), Every: &PeriodUnit{Unit: "quarter", Adverb: true},
					From: hbDate("2026-01-01"), Due: &Due{After: &DurationLit{N: "30", Unit: "day", Raw: "30 days"}}}},
		}},
	}}
	want := `agreement openai_microsoft "OpenAI–Microsoft Partnership" {
  effective 2019-07-22
  currency USD
  rounding half_even to 0.01

  party openai    "OpenAI Group PBC"
  party microsoft "Microsoft Corporation"

  kind Platform = Azure | AWS | Direct

  action sell {
    product  text
    platform Platform
    tags     list of text
    gross    money
  }

  term net_revenue(s sell) = s.gross - s.refunds
    "Net Revenue means gross receipts less refunds."

  term rate = 20%
  term floor = USD 0

  clause 3.1 "Azure exclusivity"
    "OpenAI shall not sell Products through any cloud platform other than Azure."
    openai must not sell where platform not in [Azure, Direct] until 2030-01-01

  clause 5.1 "Revenue share"
    openai pays microsoft 20% of net_revenue of each sell by openai
      settled quarterly
      due 45 days after period end
      at most USD 10,000,000 per year
      at least USD 1 over the term

  test "aws sale" {
    as of 2027-01-01
    given s = sell by openai { platform: AWS }
    expect s is prohibited by 3.1
    expect openai pays microsoft USD 20 for 2027-Q1 under 5.1
    expect net_revenue(s) == USD 100
  }
}

amendment aws "AWS concessions" amends openai_microsoft {
  effective 2026-11-01

  clause 3.2 "AWS distribution" notwithstanding 3.1 subject to 7, 8.1.2
    "Notwithstanding Section 3.1, OpenAI may sell Products on AWS."
    openai may sell where platform == AWS

  replace clause 5.1 "Revenue share"
    openai pays split {
      microsoft 60%
      nv        40%
      remainder to microsoft
    } of each sell by openai:
      marginal tiers reset yearly {
        25% up to USD 1,000,000
        20% above
      } of net_revenue where platform == AWS
      20% of net_revenue otherwise
      recouping USD 5,000
      late interest 1% per month capped at 10%

  delete clause 4
  delete clause 6

  clause 9 "Payments"
    microsoft pays waterfall {
      openai up to USD 1,000
      split {
        a  50%
        bb 50%
      } rest
    } USD 50,000,000,000 in 20 equal quarterly installments from 2026-01-01
      due within 30 days after each installment date
}
`
	got := string(Format(f))
	if got != want {
		t.Errorf("Format mismatch:\n%s", fmtLineDiff(want, got))
	}
	if got := FormatItem(netRevenue); got != "term net_revenue(s sell) = s.gross - s.refunds\n  \"Net Revenue means gross receipts less refunds.\"" {
		t.Errorf("FormatItem(term) = %q", got)
	}
	if got := FormatItem(&Effective{Date: hbDate("2026-01-01")}); got != "effective 2026-01-01" {
		t.Errorf("FormatItem(effective) = %q", got)
	}
}

// fmtLineDiff shows the first differing lines of two texts.
func fmtLineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		mark := "  "
		if wl != gl {
			mark = "! "
		}
		b.WriteString(mark + gl + "\n")
		if wl != gl {
			b.WriteString("  want: " + wl + "\n")
		}
	}
	return b.String()
}

func TestFormatRateParens(t *testing.T) {
	a, b := hbID("a"), hbID("b")
	share := func(rate Expr) *Share {
		return &Share{Payer: a, Payee: &PartyPayee{Party: b}, Inline: true, Action: hbID("sell"),
			Lines: []*ShareLine{{Rate: &FlatRate{Value: rate}, Base: hbID("base")}}}
	}
	tests := []struct {
		rate Expr
		want string
	}{
		{hbPct("20"), "a pays b 20% of base of each sell"},
		{hbBin(Of, a, b), "a pays b (a of b) of base of each sell"},
		{hbBin(Mul, hbBin(Of, a, b), a), "a pays b (a of b) * a of base of each sell"},
		{&If{Cond: a, Then: hbPct("1"), Else: hbPct("2")}, "a pays b if a then 1% else 2% of base of each sell"},
		{&If{Cond: a, Then: hbPct("1"), Else: hbBin(Of, a, b)}, "a pays b if a then 1% else (a of b) of base of each sell"},
		{&If{Cond: hbBin(Of, a, b), Then: hbBin(Of, a, b), Else: a}, "a pays b if a of b then a of b else a of base of each sell"},
		{&Call{Fun: a, Args: []Expr{hbBin(Of, a, b)}}, "a pays b a(a of b) of base of each sell"},
	}
	for _, tt := range tests {
		p := &fmtPrinter{}
		p.line(0)
		p.clauseBody(share(tt.rate), 0)
		if got := strings.TrimSuffix(p.render(nil), "\n"); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestFormatWouldMerge(t *testing.T) {
	tests := []struct {
		buf, s string
		want   bool
	}{
		{"a pays ABC ", "100", true},
		{"a pays ABC", " 100", true},
		{"a pays ABC   ", "20%", true},
		{"a pays ABCD ", "100", false},
		{"a pays xABC ", "100", false},
		{"a pays abc ", "100", false},
		{"a pays ABC ", "USD 1", false},
		{"a pays ABC", "(", false},
		{"x == 5 ", "days", true},
		{"x == 5", " months", true},
		{"x == 5 ", "daysx", false},
		{"x == 5 ", "on", false},
		{"x == a5 ", "days", false},
		{"", "5", false},
	}
	for _, tt := range tests {
		if got := fmtWouldMerge([]byte(tt.buf), tt.s); got != tt.want {
			t.Errorf("fmtWouldMerge(%q, %q) = %v, want %v", tt.buf, tt.s, got, tt.want)
		}
	}
}

var formatExhaustive = flag.Bool("format-exhaustive", false, "TestFormatCommentsEverywhere: try every byte position")

// TestFormatCommentsEverywhere puts a comment (or a line break) at many
// places in the golden inputs (every byte with -format-exhaustive) and
// checks each variant that parses: no comment is lost or duplicated, the
// tree is unchanged, and formatting is idempotent.
func TestFormatCommentsEverywhere(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "format", "*.input.pacta"))
	step := 17
	if *formatExhaustive {
		step = 1
	} else if testing.Short() {
		step = 61
	}
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		failures := 0
		for i := 0; i < len(src) && failures < 3; i += step {
			for _, insert := range []string{"// c\n", "\n// c\n", "\n"} {
				v := append(append(append([]byte(nil), src[:i]...), insert...), src[i:]...)
				if _, errs := Parse(in, v); len(errs) > 0 {
					continue
				}
				if err := formatRoundTrip(in, v); err != nil {
					t.Errorf("%s with %q inserted at byte %d: %v", in, insert, i, err)
					failures++
				}
			}
		}
	}
}

// TestFormatLayoutVariants re-lays out each golden input (CRLF line ends,
// no indentation, tab indentation, one line when there are no comments) and
// checks that it formats exactly as the input does.
func TestFormatLayoutVariants(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "format", "*.input.pacta"))
	indent := regexp.MustCompile(`(?m)^[ \t]+`)
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		f, errs := Parse(in, src)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", in, errs)
		}
		want := Format(f)
		variants := map[string][]byte{
			"crlf":   bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n")),
			"dedent": indent.ReplaceAll(src, nil),
			"tabs":   indent.ReplaceAll(src, []byte("\t\t")),
		}
		if !bytes.Contains(src, []byte("//")) {
			variants["oneline"] = regexp.MustCompile(`\n[ \t]*`).ReplaceAll(src, []byte(" "))
		}
		for name, v := range variants {
			g, errs := Parse(in, v)
			if len(errs) > 0 {
				if name != "oneline" { // `== AWS 20%` on one line lexes as money
					t.Errorf("%s (%s): %v", in, name, errs)
				}
				continue
			}
			if err := formatRoundTrip(in, v); err != nil {
				t.Errorf("%s (%s): %v", in, name, err)
				continue
			}
			if astDiff(f, g) != "" {
				continue // the variant changed a string written over several lines
			}
			if got := Format(g); !bytes.Equal(got, want) {
				t.Errorf("%s (%s) formats differently:\n%s", in, name, fmtLineDiff(string(want), string(got)))
			}
		}
	}
}

// TestFormatExprRandom prints random expression trees built without
// parentheses, as a term body and as a share rate, and parses them back: the
// parser must find the same tree once the parentheses the printer added are
// ignored (no needed parenthesis is left out), and formatting what it found
// must add none.
func TestFormatExprRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 1000
	if testing.Short() {
		n = 100
	}
	for i := 0; i < n; i++ {
		e := fmtTestRandExpr(r, 4)
		for _, rate := range []bool{false, true} {
			var src string
			if rate {
				p := &fmtPrinter{}
				p.line(0)
				p.clauseBody(&Share{Payer: hbID("a"), Payee: &PartyPayee{Party: hbID("b")}, Inline: true, Action: hbID("sell"),
					Lines: []*ShareLine{{Rate: &FlatRate{Value: e}, Base: hbID("base")}}}, 0)
				src = "agreement a \"A\" {\n  clause 1 \"c\"\n    " + strings.TrimSuffix(p.render(nil), "\n") + "\n}\n"
			} else {
				src = "agreement a \"A\" {\n  term t = " + FormatExpr(e) + "\n}\n"
			}
			f, errs := Parse("rand.pacta", []byte(src))
			if len(errs) > 0 {
				t.Fatalf("%s: %v", src, errs)
			}
			var got Expr
			if rate {
				got = f.Decls[0].(*Agreement).Items[0].(*ClauseDecl).Body.(*Share).Lines[0].Rate.(*FlatRate).Value
			} else {
				got = f.Decls[0].(*Agreement).Items[0].(*TermDecl).Body
			}
			if out := Format(f); string(out) != src {
				t.Fatalf("formatting the parsed tree changed it:\n%s\n%s", src, out)
			}
			if d := astDiffValue("expr", reflect.ValueOf(fmtTestUnparen(got)), reflect.ValueOf(e)); d != "" {
				t.Fatalf("%s: %s", src, d)
			}
		}
	}
}

func fmtTestRandExpr(r *rand.Rand, depth int) Expr {
	if depth == 0 || r.IntN(4) == 0 {
		switch r.IntN(4) {
		case 0:
			return hbID([]string{"x", "y", "z"}[r.IntN(3)])
		case 1:
			return hbInt(fmt.Sprint(r.IntN(100)))
		case 2:
			return hbPct("5")
		default:
			return hbUSD("1,000")
		}
	}
	switch r.IntN(10) {
	case 0:
		return &Unary{Op: UnaryOp(r.IntN(2)), X: fmtTestRandExpr(r, depth-1)}
	case 1:
		return &If{Cond: fmtTestRandExpr(r, depth-1), Then: fmtTestRandExpr(r, depth-1), Else: fmtTestRandExpr(r, depth-1)}
	case 2:
		return &Selector{X: fmtTestRandExpr(r, depth-1), Field: hbID("f")}
	case 3:
		return &Call{Fun: hbID("g"), Args: []Expr{fmtTestRandExpr(r, depth-1), fmtTestRandExpr(r, depth-1)}}
	case 4:
		return &ListLit{Elems: []Expr{fmtTestRandExpr(r, depth-1)}}
	default:
		return hbBin(BinaryOp(r.IntN(int(Of)+1)), fmtTestRandExpr(r, depth-1), fmtTestRandExpr(r, depth-1))
	}
}

// fmtTestUnparen removes the Paren nodes of e, in place.
func fmtTestUnparen(e Expr) Expr {
	for {
		p, ok := e.(*Paren)
		if !ok {
			break
		}
		e = p.X
	}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Interface:
			if v.IsNil() {
				return
			}
			if x, ok := v.Interface().(Expr); ok && v.Type() == reflect.TypeOf((*Expr)(nil)).Elem() {
				v.Set(reflect.ValueOf(fmtTestUnparen(x)))
				walk(v.Elem())
				return
			}
			walk(v.Elem())
		}
	}
	walk(reflect.ValueOf(e))
	return e
}
