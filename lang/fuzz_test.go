package lang

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pactaSeeds returns every .pacta file under lang/testdata and examples/.
func pactaSeeds(f *testing.F) [][]byte {
	var out [][]byte
	for _, root := range []string{"testdata", filepath.Join("..", "examples")} {
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".pacta") {
				return nil
			}
			if b, err := os.ReadFile(path); err == nil {
				out = append(out, b)
			}
			return nil
		})
	}
	return out
}

var inlineSeeds = []string{
	"",
	"agreement a \"A\" {}",
	"agreement a \"A\" { clause 1 \"C\" a may sell where x not in [1, 2] from 2026-01-01 }",
	"agreement a \"A\" { clause 1 \"C\" a pays b 20% of x of each sell settled quarterly, due 45 days after period end }",
	"agreement a \"A\" { clause 1 \"C\" a pays b of each sell: 10% of x where y otherwise 5% of x otherwise }",
	"agreement a \"A\" { clause 1 \"C\" a pays split { b 1%, c 2% remainder to b } USD 1 in 4 equal monthly installments from 2026-01-01 }",
	"agreement a \"A\" { test \"t\" { as of 2026-01-01 given s = sell by a { x: 1 } expect s is not covered by 1.2.3 } }",
	"amendment b \"B\" amends a { replace term t(x list of list of text) = if a then b else c delete clause 3 }",
	"agreement a \"A\" { calendar uk from \"holidays/uk.txt\" calendar us from \"us.txt\" { holidays 2027-12-31 } calendar x from }",
	"agreement a \"A\" { clause 1 \"C\" a pays b USD 1 on 2026-01-15 due within 15 days after the payment date clause 2 \"D\" a pays b USD 1 in 2 equal monthly installments from 2026-01-31 due within 3 business days after each installment date adjusted to the following business day clause 3 \"E\" a pays b USD 1 on each sell due within 2 weeks after the sell clause 4 \"F\" a pays b 1% of x of each sell due within 3 days after the }",
	"agreement a \"A\" { party p \"unterminated",
	"agreement a \"A\" { term t = ((((((1 + ",
	"agreement a \"A\" { term t = \"\\q\" }",
	"USD 1,250,000.00 2027-Q1 2027-03 30 days 12.5%",
	"agreement a \"A\" { clause 3 \"J\" clauses 1, 2 and 1 together at most USD 1 per year, at least USD 2 over the term }",
	"agreement a \"A\" { clause 3 \"J\" clauses 1 and 2 together at least USD 2 per year due 30 days after period end adjusted to the following business day late interest 1% per month }",
	"agreement a \"A\" { clause 3 \"J\" clauses 1 and 2 together due within 5 business days after the sell settled monthly }",
	"agreement a \"A\" { clause 1 \"C\" a pays b marginal tiers { up to USD 1: 2% where x, 1% otherwise above: 1 points less } of x of each sell }",
}

func checkErrors(t *testing.T, name string, src []byte, errs ErrorList) {
	t.Helper()
	for _, e := range errs {
		if e == nil {
			t.Fatalf("nil error in %v", errs)
		}
		if e.Pos.File != name || e.Pos.Line < 1 || e.Pos.Col < 1 || e.Pos.Offset < 0 || e.Pos.Offset > len(src) {
			t.Errorf("badly positioned error %q at %+v (input %q)", e.Msg, e.Pos, src)
		}
		if e.Msg == "" {
			t.Errorf("empty message at %v", e.Pos)
		}
	}
}

// FuzzParse checks that no input makes the parser panic and that every
// error is positioned in the file. It calls parseFile and parseInput, which
// have no recover, so a panic fails the test.
func FuzzParse(f *testing.F) {
	for _, s := range pactaSeeds(f) {
		f.Add(s)
	}
	for _, s := range inlineSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, errs := parseFile("fuzz.pacta", src)
		if file == nil {
			t.Fatal("nil file")
		}
		checkErrors(t, "fuzz.pacta", src, errs)
		if len(errs) == 0 {
			checkPositions(t, file, "fuzz.pacta")
		}
		_ = IsIncomplete(errs, src)

		in, errs := parseInput("fuzz.pacta", src)
		if in == nil {
			t.Fatal("nil input")
		}
		checkErrors(t, "fuzz.pacta", src, errs)
		if len(errs) == 0 {
			checkPositions(t, in, "fuzz.pacta")
		}
	})
}

// FuzzParseExpr does the same for expressions.
func FuzzParseExpr(f *testing.F) {
	for _, s := range []string{
		"a + b * c", "20% of x of y", "not a and b or c", "[1, 2,]", "{a: 1}.a", "f(x, y)",
		"sell by openai { gross: USD 1,000.00 }", "if a then b else c", "a not in [b]", "a < b < c",
		"((((", "- - -", "\"abc", "2027-Q1 + 3 months",
		"sum of l.price * l.quantity for l in i.lines if l.quantity > 1", "count of l for l in ls", "sum of x for",
		"all of (any of y for y in x.ys) for x in xs", "sum of gross", "max of a for b in c.d + 1",
		"choose x in [false, true] to maximise f(x, y), y in [1, 2] to maximise y then x", "choose x in", "choose x in [1] to maximise then",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		x, errs := parseExprSrc("fuzz.pacta", src)
		checkErrors(t, "fuzz.pacta", src, errs)
		if len(errs) == 0 {
			if x == nil {
				t.Fatal("no expression and no error")
			}
			checkPositions(t, x, "fuzz.pacta")
		}
	})
}
