package lang

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2"
)

// chainHeader comes before `term t = ...` on line 4; "  term t = " is 11
// characters, so the term's first operand is at column 12.
const chainHeader = "agreement a \"A\" {\n  effective 2026-01-01\n  currency USD\n  term t = "

// chainFile writes a term whose body is n operands joined by op.
func chainFile(operand, op string, n int) []byte {
	var b strings.Builder
	b.WriteString(chainHeader)
	b.WriteString(operand)
	for i := 1; i < n; i++ {
		b.WriteString(" " + op + " " + operand)
	}
	b.WriteString("\n}\n")
	return []byte(b.String())
}

// A flat chain of 300,000 operands used to overflow the stack in the
// checker (and would in the formatter and interpreter), which recurse over
// the tree. The parser now refuses it at the 1,001st operator, and the
// partial tree it returns is safe to check and format.
//
// Each chain has 300,000 operands when PACTA_SLOW is set (about 2 s each on
// a loaded machine, mostly lexing); otherwise only the + chain has, and the
// others 3,000 (the error is at the same operator).
func TestLongChainRefused(t *testing.T) {
	slow := os.Getenv("PACTA_SLOW") != ""
	// Operator k (from 1) of `X op X op ...` is at column
	// 12 + len(X) + 1 + (k-1)*(len(X)+len(op)+2); the error is at k = 1001.
	cases := []struct {
		operand, op string
		col         int
	}{
		{"1", "+", 4014},      // 12 + 1 + 1 + 1000*(1+1+2)
		{"1", "-", 4014},      // same widths as +
		{"1", "*", 4014},      // same widths as +
		{"1", "/", 4014},      // same widths as +
		{"true", "and", 9017}, // 12 + 4 + 1 + 1000*(4+3+2)
		{"true", "or", 8017},  // 12 + 4 + 1 + 1000*(4+2+2)
		{"10%", "of", 7016},   // 12 + 3 + 1 + 1000*(3+2+2)
	}
	for _, c := range cases {
		n := 300_000
		if !slow && c.op != "+" {
			n = 3_000
		}
		src := chainFile(c.operand, c.op, n)
		f, errs := Parse("chain.pacta", src)
		want := fmt.Sprintf("chain.pacta:4:%d: expression too long: more than 1000 operators in a row; split it into terms", c.col)
		if len(errs) != 1 || errs[0].Error() != want {
			t.Errorf("%s chain: got %v\nwant %s", c.op, errs, want)
			continue
		}
		// The partial tree holds the agreement without the term.
		if _, cerrs := Check([]*File{f}, nil); len(cerrs) > 1 {
			t.Errorf("%s chain: checking the partial tree: %v", c.op, cerrs)
		}
		if out := Format(f); strings.Contains(string(out), "term t") {
			t.Errorf("%s chain: the formatter printed the refused term", c.op)
		}
	}
}

// A chain of exactly 1000 operators is allowed, checks, and formats to text
// that parses to the same.
func TestChainAtLimit(t *testing.T) {
	for _, c := range []struct{ operand, op string }{{"1", "+"}, {"true", "or"}, {"10%", "of"}} {
		src := chainFile(c.operand, c.op, MaxExprDepth+1) // 1001 operands, 1000 operators
		f, errs := Parse("ok.pacta", src)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", c.op, errs)
		}
		if _, cerrs := Check([]*File{f}, nil); len(cerrs) > 0 {
			t.Errorf("%s: check: %v", c.op, cerrs)
		}
		out := Format(f)
		if _, errs := Parse("ok.pacta", out); len(errs) > 0 {
			t.Errorf("%s: formatted text does not parse: %v", c.op, errs)
		}
	}
}

// Other ways to build a deep tree: field access chains and brackets inside
// a long chain.
func TestDeepTreeRefused(t *testing.T) {
	// 1001 `.f` after `x`: `x` is column 1, the k-th "." is at column
	// 2 + 2(k-1); the 1001st at 2 + 2000 = 2002.
	_, errs := ParseExpr("sel", []byte("x"+strings.Repeat(".f", 1001)))
	want := "sel:1:2002: expression too deep: more than 1000 levels of operators, brackets and calls; split it into terms"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("selectors: got %v, want %s", errs, want)
	}
	// A parenthesised chain of 999 `+` is 1000 levels deep (999 + the
	// parentheses); one more `+` after it makes 1001, refused at that `+`.
	// "(1" is 2 columns and each " + 1" 4, so ")" is at 3 + 999*4 = 3999
	// and the `+` after it at 4001.
	src := "(1" + strings.Repeat(" + 1", 999) + ") + 1"
	_, errs = ParseExpr("par", []byte(src))
	want = "par:1:4001: expression too long: more than 1000 operators in a row; split it into terms"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("parenthesised chain: got %v, want %s", errs, want)
	}
}

func TestElementLimits(t *testing.T) {
	// `[1, 1, ...]` after "  term t = " (11 columns): "[" is column 12,
	// element k (from 0) at 13 + 3k; element 10,000 at 30,013.
	src := chainHeader + "[" + strings.TrimSuffix(strings.Repeat("1, ", MaxElems+1), ", ") + "]\n}\n"
	_, errs := Parse("list.pacta", []byte(src))
	want := "list.pacta:4:30013: too many elements in one list: at most 10000"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("list: got %v, want %s", errs, want)
	}
	// f(1, 1, ...): "f(" then argument k at 3 + 3k; k = 10,000 at 30,003.
	_, errs = ParseExpr("call", []byte("f("+strings.TrimSuffix(strings.Repeat("1, ", MaxElems+1), ", ")+")"))
	want = "call:1:30003: too many arguments in one call: at most 10000"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("call: got %v, want %s", errs, want)
	}
	// {a: 1, a: 1, ...}: "{" then field k at 2 + 6k; k = 10,000 at 60,002.
	_, errs = ParseExpr("rec", []byte("{"+strings.TrimSuffix(strings.Repeat("a: 1, ", MaxElems+1), ", ")+"}"))
	want = "rec:1:60002: too many fields in one record: at most 10000"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("record: got %v, want %s", errs, want)
	}
	// Exactly MaxElems is fine.
	if _, errs := ParseExpr("ok", []byte("["+strings.TrimSuffix(strings.Repeat("1, ", MaxElems), ", ")+"]")); len(errs) > 0 {
		t.Errorf("%d elements: %v", MaxElems, errs)
	}
}

func TestKindMemberLimit(t *testing.T) {
	// Members m00000, m00001, ... joined by " | " after "  kind K = " (11
	// columns): member k (from 0) at 12 + 9k; member 10,000 at 90,012.
	var b strings.Builder
	b.WriteString("agreement a \"A\" {\n  kind K = ")
	for k := 0; k <= MaxKindMembers; k++ {
		if k > 0 {
			b.WriteString(" | ")
		}
		fmt.Fprintf(&b, "m%05d", k)
	}
	b.WriteString("\n}\n")
	_, errs := Parse("kind.pacta", []byte(b.String()))
	want := "kind.pacta:2:90012: kind K has too many members: more than 10,000"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("got %v, want %s", errs, want)
	}
}

// A file of a million items failed after 91 s and 5.8 GB with the parser
// library's "too many iterations of GItem* (> 1000000)". Now a file is
// refused at its 100,001st declaration, before the grammar is tried.
func TestDeclarationLimit(t *testing.T) {
	// The agreement is declaration 1 and item k (from 1) is declaration
	// k+1, on line k+1; declaration 100,001 is item 100,000 on line 100,001.
	var b strings.Builder
	b.WriteString("agreement a \"A\" {\n")
	for k := 1; k <= MaxDecls+5; k++ {
		fmt.Fprintf(&b, "  term t%d = %d\n", k, k)
	}
	b.WriteString("}\n")
	f, errs := Parse("many.pacta", []byte(b.String()))
	want := "many.pacta:100001:3: too many declarations in one file: more than 100,000"
	if len(errs) != 1 || errs[0].Error() != want || len(f.Decls) != 0 {
		t.Errorf("got %v (%d decls), want %s", errs, len(f.Decls), want)
	}
	// The same through the REPL's entry point.
	_, errs = ParseInput("repl", []byte(strings.Repeat("party p \"P\"\n", MaxDecls+1)))
	want = "repl:100001:1: too many declarations in one file: more than 100,000"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("input: got %v, want %s", errs, want)
	}
}

func TestTokenLimit(t *testing.T) {
	// `agreement a "A" {` is 4 tokens, then one comment per line from line
	// 2: token 900,001 (index 900,000) is comment index 899,996, on line
	// 2 + 899,996 = 899,998.
	src := "agreement a \"A\" {\n" + strings.Repeat("// c\n", MaxTokens) + "}\n"
	_, errs := Parse("long.pacta", []byte(src))
	want := "long.pacta:899998:1: the file is too long: more than 900,000 words, numbers and symbols"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("got %v, want %s", errs, want)
	}
}

// The parser library's own messages never reach the user.
func TestParticipleMessagesTranslated(t *testing.T) {
	var errs ErrorList
	sc := lexSource("p.pacta", []byte("agreement a \"A\" {\n  term t = 1\n}\n"), &errs)
	at := sc.tokens[4].Pos // `term`
	for _, msg := range []string{"too many iterations of GItem* (> 1000000)", "sub-expression GItem+ must match at least once"} {
		e := getParsers().toError(participle.Errorf(at, "%s", msg), "p.pacta", sc.tokens, rootFile)
		if got, want := e.Error(), `p.pacta:2:3: unexpected "term"`; got != want {
			t.Errorf("%q: got %s, want %s", msg, got, want)
		}
	}
	e := getParsers().toError(fmt.Errorf("reflect: something"), "p.pacta", sc.tokens, rootFile)
	if got, want := e.Error(), `p.pacta:1:1: unexpected "agreement"`; got != want {
		t.Errorf("plain error: got %s, want %s", got, want)
	}
}

// largeAgreement writes an agreement of about size bytes: a header, then
// blocks of a kind, an action, terms, a permission, a share and a payment
// with prose, as a long real agreement has.
func largeAgreement(size int) []byte {
	var b strings.Builder
	b.WriteString("agreement big \"A long agreement\" {\n  effective 2026-01-01\n  currency USD\n  rounding half_even to 0.01\n\n  party seller \"Seller Inc.\"\n  party buyer \"Buyer LLC\"\n\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `  kind Region%[1]d = North%[1]d | South%[1]d | East%[1]d | West%[1]d
  action sale%[1]d {
    region Region%[1]d
    gross money
    units integer
  }
  term rate%[1]d = 12.5%%
    "The rate for the %[1]d-th line of business is twelve and a half percent."
  term net%[1]d(s sale%[1]d) = s.gross - 2%% of s.gross - USD 1.00 * s.units
  clause %[1]d.1 "Territory %[1]d"
    "The Seller may sell in the North and the East, but not elsewhere, from the first of January 2026."
    seller may sale%[1]d where region in [North%[1]d, East%[1]d] and units > 0 from 2026-01-01
  clause %[1]d.2 "Royalty %[1]d" subject to %[1]d.1
    "The Seller pays the Buyer a royalty on the net revenue of each sale, settled every quarter."
    seller pays buyer of each sale%[1]d:
      (rate%[1]d - 2.5%%) of net%[1]d where region == North%[1]d
      rate%[1]d of net%[1]d otherwise
      settled quarterly
      due 30 days after period end
  clause %[1]d.3 "Fee %[1]d"
    buyer pays seller USD 1,250.00 on 2026-06-30

`, i)
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

// BenchmarkParseLarge parses and checks a generated agreement of about
// 1 MB; B/op divided by the size is the memory taken per source byte.
func BenchmarkParseLarge(b *testing.B) {
	src := largeAgreement(1 << 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		f, errs := Parse("big.pacta", src)
		if len(errs) > 0 {
			b.Fatal(errs[0])
		}
		if _, errs := Check([]*File{f}, nil); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
}
