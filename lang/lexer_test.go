package lang

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
)

// lexKinds lexes src and renders each token as Type:value.
func lexKinds(t *testing.T, src string) (string, ErrorList) {
	t.Helper()
	names := map[int]string{int(tokKeyword): "Keyword", int(tokEOF): "EOF"}
	for name, tt := range pactaLexer.Symbols() {
		if name != "EOF" {
			names[int(tt)] = name
		}
	}
	var errs ErrorList
	sc := lexSource("l.pacta", []byte(src), &errs)
	var parts []string
	for _, tok := range sc.tokens {
		if tok.EOF() {
			break
		}
		parts = append(parts, names[int(tok.Type)]+":"+tok.Value)
	}
	return strings.Join(parts, " "), errs
}

func TestLexTokens(t *testing.T) {
	cases := []struct{ src, want string }{
		{"USD 1,250,000.00", "Money:USD 1,250,000.00"},
		{"EUR\t3", "Money:EUR\t3"},
		{"[USD 1, 250]", "Punct:[ Money:USD 1 Punct:, Int:250 Punct:]"},
		{"USD\n5", "Ident:USD Int:5"},
		{"USDX 5 US 5", "Ident:USDX Int:5 Ident:US Int:5"},
		{"2026-11-01 2027-Q1 2027-03 2027-Q5", "Date:2026-11-01 Quarter:2027-Q1 Month:2027-03 Int:2027 Punct:- Ident:Q5"},
		{"20% 12.5% 20 % 3", "Percent:20% Percent:12.5% Int:20"},
		{"30 days 1 year 2 weeks 3 months 1 day 1 week", "Duration:30 days Duration:1 year Duration:2 weeks Duration:3 months Duration:1 day Duration:1 week"},
		{"3 yearsx 3 day_", "Int:3 Ident:yearsx Int:3 Ident:day_"},
		{"5.1.2 3.1 7 0.01 1.2.3.4", "ClauseNum:5.1.2 Decimal:3.1 Int:7 Decimal:0.01 ClauseNum:1.2.3.4"},
		{"x-1 a.b", "Ident:x Punct:- Int:1 Ident:a Punct:. Ident:b"},
		{"== != <= >= < > = + - * / ( ) [ ] { } , : . |",
			"Punct:== Punct:!= Punct:<= Punct:>= Punct:< Punct:> Punct:= Punct:+ Punct:- Punct:* Punct:/ Punct:( Punct:) Punct:[ Punct:] Punct:{ Punct:} Punct:, Punct:: Punct:. Punct:|"},
		{"a==b<=c", "Ident:a Punct:== Ident:b Punct:<= Ident:c"},
		// Keywords are whole words only.
		{"in installments interest inside", "Keyword:in Keyword:installments Keyword:interest Ident:inside"},
		{"end ends order or tokens to island is notice not the then", "Keyword:end Keyword:ends Ident:order Keyword:or Ident:tokens Keyword:to Ident:island Keyword:is Ident:notice Keyword:not Keyword:the Keyword:then"},
		{"date text money month quarter year day week conflict", "Ident:date Ident:text Ident:money Ident:month Ident:quarter Ident:year Ident:day Ident:week Ident:conflict"},
		{"May MUST _may may_", "Ident:May Ident:MUST Ident:_may Ident:may_"},
		{`"a // b" // c`, `String:"a // b"`},
		{`"x\"y" "multi` + "\n" + `line"`, `String:"x\"y" String:"multi` + "\n" + `line"`},
	}
	for _, c := range cases {
		got, errs := lexKinds(t, c.src)
		if got != c.want {
			t.Errorf("lex %q:\n got %s\nwant %s", c.src, got, c.want)
		}
		if c.src == "20% 12.5% 20 % 3" {
			if len(errs) != 1 || errs[0].Msg != `unexpected character "%"` {
				t.Errorf("lex %q: errors %v", c.src, errs)
			}
		} else if len(errs) > 0 {
			t.Errorf("lex %q: %v", c.src, errs)
		}
	}
}

func TestLexKeywordsAreReserved(t *testing.T) {
	for _, k := range keywordList {
		got, _ := lexKinds(t, k)
		if got != "Keyword:"+k {
			t.Errorf("%s lexes as %s", k, got)
		}
		_, errs := Parse("k.pacta", []byte("agreement a \"A\" { party "+k+" \"P\" }"))
		if len(errs) != 1 || !strings.Contains(errs[0].Msg, "expected a name") {
			t.Errorf("party %s: %v", k, errs)
		}
	}
	if len(keywordList) != 97 {
		t.Errorf("%d keywords, want the 97 of SPEC.md §1.3", len(keywordList))
	}
}

func TestLexComments(t *testing.T) {
	src := "// head\nagreement a \"A // not a comment\" { // open\r\n  party p \"P\"//tight\n}\n// tail"
	f, errs := Parse("c.pacta", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, c := range f.Comments {
		got = append(got, fmt.Sprintf("%d:%d:%d %s", c.At.Line, c.At.Col, c.At.Offset, c.Text))
	}
	want := []string{"1:1:0 // head", "2:36:43 // open", "3:14:65 //tight", "5:1:75 // tail"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("comments:\n got %v\nwant %v", got, want)
	}
	if f.Comments[0].At.File != "c.pacta" {
		t.Errorf("comment file = %q", f.Comments[0].At.File)
	}
}

// Columns count characters, not bytes; lines count across multi-line text.
func TestLexPositions(t *testing.T) {
	x, errs := ParseExpr("p", []byte("[\"é€\", x,\n \"two\nlines\",\ty]"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	el := x.(*ListLit).Elems
	want := []Pos{
		{File: "p", Offset: 1, Line: 1, Col: 2},
		{File: "p", Offset: 10, Line: 1, Col: 8},
		{File: "p", Offset: 14, Line: 2, Col: 2},
		{File: "p", Offset: 27, Line: 3, Col: 9},
	}
	for i, w := range want {
		if el[i].Pos() != w {
			t.Errorf("element %d at %+v, want %+v", i, el[i].Pos(), w)
		}
	}
	eq(t, "unicode text", el[0].(*StringLit).Value, "é€")
	eq(t, "multi-line text", el[2].(*StringLit).Value, "two\nlines")
}

func TestLexStrings(t *testing.T) {
	cases := []struct{ src, value, err string }{
		{`"plain"`, "plain", ""},
		{`""`, "", ""},
		{`"a\"b\\c\nd\te"`, "a\"b\\c\nd\te", ""},
		{`["ok", "bad \x escape"]`, "", `1:13: unknown escape \x in text; the escapes are \" \\ \n and \t`},
		{"\"tab\\\there\"", "", `1:5: unknown escape "\\\t" in text; the escapes are \" \\ \n and \t`},
		{`"never closed`, "", `1:14: text is never closed: the quote at 1:1 has no closing "`},
		{`"ends in backslash\`, "", `1:20: text is never closed: the quote at 1:1 has no closing "`},
		{"\"a\" \"b\n\nc", "", `3:2: text is never closed: the quote at 1:5 has no closing "`},
		{"USD 1234,567.00", "", `1:1: the amount 1234,567.00 has its thousands separators in the wrong places; write it like 1,250,000.00`},
	}
	for _, c := range cases {
		x, errs := ParseExpr("s", []byte(c.src))
		var got []string
		for _, e := range errs {
			got = append(got, fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg))
		}
		if strings.Join(got, "\n") != c.err {
			t.Errorf("%q: errors\n got %s\nwant %s", c.src, strings.Join(got, "\n"), c.err)
		}
		if c.err == "" {
			if s, ok := x.(*StringLit); !ok || s.Value != c.value {
				t.Errorf("%q = %#v, want %q", c.src, x, c.value)
			}
		}
	}
	// An unterminated string is an error at the very end of the input.
	src := []byte("agreement a \"A\" { party p \"P }")
	_, errs := Parse("s", src)
	if len(errs) != 1 || errs[0].Pos.Offset != len(src) || !IsIncomplete(errs, src) {
		t.Errorf("unterminated: %v", errs)
	}
}

func TestLexBadInput(t *testing.T) {
	cases := []struct{ src, err string }{
		{"a @ b", `1:3: unexpected character "@"`},
		{"a ; b", `1:3: unexpected character ";"`},
		{"a\u00a0b", `1:2: unexpected character "\u00a0"`},
		{"naïve", `1:3: unexpected character "ï"`},
		{"a \x80 b", `1:3: invalid UTF-8 byte 0x80; the file must be UTF-8 text`},
		{"a ! b", `1:3: unexpected character "!"`},
		{"\x00", `1:1: unexpected character "\x00"`},
	}
	for _, c := range cases {
		_, errs := ParseExpr("b", []byte(c.src))
		var got []string
		for _, e := range errs {
			got = append(got, fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg))
		}
		if strings.Join(got, "\n") != c.err {
			t.Errorf("%q:\n got %s\nwant %s", c.src, strings.Join(got, "\n"), c.err)
		}
	}
}

// ruleTokens lexes src with participle's rule-by-rule lexer, pactaLexer,
// which defines the token rules that scanTokens implements by hand.
func ruleTokens(t testing.TB, src string) []lexer.Token {
	t.Helper()
	lx, err := pactaLexer.LexString("s.pacta", src)
	if err != nil {
		t.Fatal(err)
	}
	var out []lexer.Token
	for {
		tok, err := lx.Next()
		if err != nil {
			t.Fatalf("rule lexer: %v", err)
		}
		out = append(out, tok)
		if tok.EOF() {
			return out
		}
	}
}

// sameTokens fails unless scanTokens gives pactaLexer's tokens for src.
func sameTokens(t testing.TB, name, src string) {
	t.Helper()
	want := ruleTokens(t, src)
	got := scanTokens("s.pacta", src, len(src))
	for i := 0; i < len(want) || i < len(got); i++ {
		if i >= len(want) || i >= len(got) || got[i] != want[i] {
			var g, w any = "none", "none"
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			t.Fatalf("%s: token %d: scanTokens gives %#v, the rules give %#v", name, i, g, w)
		}
	}
}

// TestScanSameAsRules checks the hand-written scanner against the rules on
// every test and example file, and on the edge cases of each rule.
func TestScanSameAsRules(t *testing.T) {
	edge := []string{
		"USD 1,2345 USD 12,50 USD 1,234.5 USD 1. USD\t7 USD\n7 USDX 5 US 5 ABC 5% xUSD 5 _ABC 1",
		"2026-11-01 2026-11-011 12345-11-01 2027-Q1 2027-Q5 2027-Q 2027-03 2027-3 2026- 1-2",
		"20% 12.5% 12.% 1.2.3% 20 % 30 days 30days 3\tyears 3 yearsx 3 day_ 3 day. 3 daysé 1 dayss",
		"5.1.2 3.1 7 0.01 1.2.3.4 1.2.3. 1..2 1.x",
		"== = != ! <= < >= > + - * / // c\n( ) [ ] { } , : . | % @ é",
		"\"a\\\"b\" \"multi\nline\" \"\\é\" \"end\\",
		"\"never closed \\\" x",
		"\uFEFFagreement \xff\xfe \"\xff\" // \xff\n\r\n\tx",
		"",
		"a",
		"1",
	}
	for i, src := range edge {
		sameTokens(t, fmt.Sprint("edge ", i), src)
	}
	for _, root := range []string{"testdata", filepath.Join("..", "examples")} {
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".pacta") {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sameTokens(t, path, string(b))
			return nil
		})
	}
}

// FuzzScanSameAsRules checks the scanner against the rules on any input.
func FuzzScanSameAsRules(f *testing.F) {
	for _, s := range inlineSeeds {
		f.Add(s)
	}
	f.Add("USD 1,234.56 2026-11-01 2027-Q3 2027-03 12.5% 30 days 1.2.3 0.5 7 \"x\\\"y\" // c")
	f.Fuzz(func(t *testing.T, src string) {
		sameTokens(t, "fuzz", src)
	})
}
