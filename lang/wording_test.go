package lang

import (
	"fmt"
	"strings"
	"testing"
)

// checkText parses and checks one file and returns its errors, each with
// its hint after " | ".
func checkText(t *testing.T, src string) []string {
	t.Helper()
	f, errs := Parse("w.pacta", []byte(src))
	if len(errs) > 0 {
		t.Fatalf("parse: %v", errs)
	}
	_, errs = Check([]*File{f}, nil)
	var out []string
	for _, e := range errs {
		s := fmt.Sprintf("%s:%d:%d: %s", e.Pos.File, e.Pos.Line, e.Pos.Col, e.Msg)
		if e.Hint != "" {
			s += " | " + e.Hint
		}
		out = append(out, s)
	}
	return out
}

// An amendment that amends itself used to get `"m" is an amendment` with
// the hint `name the agreement it amends: "m"`, suggesting the name itself.
func TestAmendmentAmendsItself(t *testing.T) {
	got := checkText(t, "amendment m \"M\" amends m {\n  effective 2026-01-01\n}\n")
	// "amendment m \"M\" amends " is 23 characters: the second m is at 1:24.
	want := "w.pacta:1:24: amendment \"m\" cannot amend itself; an amendment amends an agreement | name the agreement it changes after `amends`"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// Another amendment naming that one is told it is an amendment, without
	// a hint pointing back at it.
	got = checkText(t, "amendment m \"M\" amends m {\n  effective 2026-01-01\n}\namendment n \"N\" amends m {\n  effective 2026-01-01\n}\n")
	for _, g := range got {
		if strings.Contains(g, `amends: "m"`) {
			t.Errorf("hint names the amendment itself: %s", g)
		}
	}
}

// money * money (same currency) used to be hinted as a currency mismatch.
func TestMoneyTimesMoneyHint(t *testing.T) {
	got := checkText(t, "agreement a \"A\" {\n  effective 2026-01-01\n  currency USD\n  term x = USD 1 * USD 2\n  term y = USD 1 + EUR 2\n}\n")
	// "  term x = USD 1 * " is 19 characters: USD 2 is at 4:20; likewise
	// EUR 2 at 5:20.
	want := []string{
		"w.pacta:4:20: cannot multiply money(USD) by money(USD) | money times money is not allowed: multiply an amount by a number, or take a percentage of it with `20% of AMOUNT`",
		"w.pacta:5:20: cannot add money(USD) and money(EUR) | amounts in different currencies cannot be combined",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Closest never suggests the name itself.
func TestClosestNeverTheNameItself(t *testing.T) {
	for _, c := range [][]string{{"m", "m"}, {"net_revenue", "net_revenue", "net_revenues"}} {
		if got := Closest(c[0], c[1:]); got == c[0] {
			t.Errorf("Closest(%q, %q) = the name itself", c[0], c[1:])
		}
	}
}

// The checker decides the type of every expression, and the interpreter
// must give a value of that kind (SPEC 3.2): these are the expressions
// typed decimal although an operand, or a branch, may be an integer value.
func TestDecimalResultRule(t *testing.T) {
	cases := []struct{ expr, want string }{
		{"if true then 1 else 1/0", "decimal"}, // branches integer and decimal unify to decimal
		{"if true then 1 else 2", "integer"},
		{"4 / 2", "decimal"}, // `/` on numbers is always decimal
		{"1 + 1.0", "decimal"},
		{"2 * 1.5", "decimal"},
		{"3 - 1", "integer"},
		{"[1, 2.5]", "list of decimal"},
		{"[[1], [2.5]]", "list of list of decimal"},
		{"20% of 5", "decimal"}, // a percent of an integer
		{"-(1)", "integer"},
	}
	var b strings.Builder
	b.WriteString("agreement a \"A\" {\n  effective 2026-01-01\n  currency USD\n")
	for i, c := range cases {
		fmt.Fprintf(&b, "  term t%d = %s\n", i, c.expr)
	}
	b.WriteString("}\n")
	f, errs := Parse("u.pacta", []byte(b.String()))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	info, errs := Check([]*File{f}, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for i, c := range cases {
		body := f.Decls[0].(*Agreement).Items[i+2].(*TermDecl).Body
		if got := fmt.Sprint(info.Types[body]); got != c.want {
			t.Errorf("%s: %s, want %s", c.expr, got, c.want)
		}
	}
}
