package lang

import (
	"strings"
	"testing"
)

// Aggregates (SPEC 4.5.1): how they parse next to the `of` operator and
// a term named like an aggregate word, and how the formatter brackets
// them.

// A term named `sum` keeps its meaning: `sum of gross` with no `for`
// after it is the `of` operator, not an aggregate.
func TestAggregateWordAsTerm(t *testing.T) {
	x, errs := ParseExpr("x.pacta", []byte("sum of gross"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if b, ok := x.(*Binary); !ok || b.Op != Of {
		t.Fatalf("sum of gross parsed as %T, want the of operator", x)
	}
	x, errs = ParseExpr("x.pacta", []byte("sum of l.price for l in i.lines + 1"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	// The list is one operand: `+ 1` adds to the sum.
	b, ok := x.(*Binary)
	if !ok || b.Op != Add {
		t.Fatalf("parsed as %T, want (sum ...) + 1", x)
	}
	if _, ok := b.X.(*Aggregate); !ok {
		t.Fatalf("left operand %T, want an aggregate", b.X)
	}
	// The condition after `if` runs to the end, as an else branch does.
	x, _ = ParseExpr("x.pacta", []byte("count of l for l in ls if l.q > 1 and l.r"))
	if a, ok := x.(*Aggregate); !ok || a.Filter == nil {
		t.Fatalf("parsed as %T, want an aggregate with its condition", x)
	} else if c, ok := a.Filter.(*Binary); !ok || c.Op != And {
		t.Fatalf("condition %s, want the whole `and`", FormatExpr(a.Filter))
	}
}

func TestAggregateSyntaxErrors(t *testing.T) {
	for src, want := range map[string]string{
		"sum of x for 1 in ls": "a name for each item",
		"sum of x for l of ls": `expected "in"`,
		"sum of x for l in":    "the list of items",
	} {
		_, errs := ParseExpr("x.pacta", []byte(src))
		if len(errs) == 0 || !strings.Contains(errs[0].Error(), want) {
			t.Errorf("%q: errors %v, want one containing %q", src, errs, want)
		}
	}
}

// A hand-built aggregate with a condition is bracketed wherever something
// of the same expression follows it; one without is an operand.
func TestFormatAggregateParens(t *testing.T) {
	agg := func(filter Expr) *Aggregate {
		return &Aggregate{Op: hbID("sum"), Value: &Selector{X: hbID("l"), Field: hbID("price")}, Var: hbID("l"),
			List: &Selector{X: hbID("i"), Field: hbID("lines")}, Filter: filter}
	}
	cond := hbBin(Gt, &Selector{X: hbID("l"), Field: hbID("q")}, hbID("n"))
	for _, tt := range []struct {
		e    Expr
		want string
	}{
		{agg(nil), "sum of l.price for l in i.lines"},
		{agg(cond), "sum of l.price for l in i.lines if l.q > n"},
		{hbBin(Add, agg(cond), hbID("a")), "(sum of l.price for l in i.lines if l.q > n) + a"},
		{hbBin(Add, hbID("a"), agg(cond)), "a + sum of l.price for l in i.lines if l.q > n"},
		{hbBin(Add, agg(nil), hbID("a")), "sum of l.price for l in i.lines + a"},
		{&Aggregate{Op: hbID("all"), Value: hbID("ok"), Var: hbID("l"), List: hbBin(Add, hbID("a"), hbID("b"))},
			"all of ok for l in (a + b)"},
	} {
		got := FormatExpr(tt.e)
		if got != tt.want {
			t.Errorf("FormatExpr = %q, want %q", got, tt.want)
			continue
		}
		back, errs := ParseExpr("x.pacta", []byte(got))
		if len(errs) > 0 {
			t.Errorf("%q does not parse back: %v", got, errs)
			continue
		}
		if again := FormatExpr(back); again != got {
			t.Errorf("round trip of %q gives %q", got, again)
		}
	}
}

func TestChooseSyntaxErrors(t *testing.T) {
	for src, want := range map[string]string{
		"choose x in [1] maximise 1 then x":    `expected "to maximise"`,
		"choose x in [1] to minimise 1 then x": `expected "maximise"`,
		"choose x in [1] to maximise 1":        `expected "," or "then"`,
		"choose x in [1] to maximise 1, 2":     "a name for the choice",
		"choose x in":                          "the values to choose from",
	} {
		_, errs := ParseExpr("x.pacta", []byte(src))
		if len(errs) == 0 || !strings.Contains(errs[0].Error(), want) {
			t.Errorf("%q: errors %v, want one containing %q", src, errs, want)
		}
	}
	// `choose` not followed by a name and `in` is a plain name.
	if x, errs := ParseExpr("x.pacta", []byte("choose + 1")); len(errs) > 0 {
		t.Errorf("choose + 1: %v", errs)
	} else if _, ok := x.(*Binary); !ok {
		t.Errorf("choose + 1 parsed as %T", x)
	}
}

// In a share's lines, an `if` that begins a line begins the next line's
// rate, not the condition of an aggregate ending the line before (SPEC
// 2.6, rule 9).
func TestAggregateIfAtLineStart(t *testing.T) {
	f := mustParse(t, "s.pacta", []byte(`agreement s "S" {
  clause 1 "Share"
    a pays b of each sell:
      10% of sum of l.p for l in sell.lines
      if flag then 5% else 2% of gross otherwise
}
`))
	sh := f.Decls[0].(*Agreement).Items[0].(*ClauseDecl).Body.(*Share)
	if len(sh.Lines) != 2 {
		t.Fatalf("%d share lines, want 2", len(sh.Lines))
	}
	if a, ok := sh.Lines[0].Base.(*Aggregate); !ok || a.Filter != nil {
		t.Errorf("first base %s, want an aggregate without a condition", FormatExpr(sh.Lines[0].Base))
	}
}
