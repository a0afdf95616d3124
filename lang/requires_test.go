package lang

import (
	"slices"
	"strings"
	"testing"
)

// A `requires` that follows no term, clause or schema is reported where
// it stands, with the places it may go.
func TestRequiresStray(t *testing.T) {
	src := "agreement a \"A\" {\n  party p \"P\"\n  requires true else \"x\"\n}\n"
	_, errs := Parse("s.pacta", []byte(src))
	if len(errs) != 1 {
		t.Fatalf("errors: %v", errs)
	}
	want := "s.pacta:3:3: `requires` must belong to a term, a clause or an action or event\n" +
		"      requires true else \"x\"\n" +
		"      ^\n" +
		"    write it after a term's body (`term x = … requires …`), after a clause's title and prose, before its body, or inside an action's or event's braces after its fields\n"
	if got := errs[0].Render([]byte(src)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// After a clause's body, `requires` no longer belongs to the clause: it
// goes before the body.
func TestRequiresAfterClauseBody(t *testing.T) {
	src := "agreement a \"A\" {\n  party p \"P\"\n  action go {}\n  clause 1 \"Go\" p may go\n    requires true else \"x\"\n}\n"
	_, errs := Parse("s.pacta", []byte(src))
	if len(errs) != 1 || errs[0].Pos.Line != 5 || errs[0].Pos.Col != 5 || !strings.Contains(errs[0].Msg, "`requires` must belong") {
		t.Fatalf("errors: %v", errs)
	}
}

// A test block cannot state a precondition.
func TestRequiresInTest(t *testing.T) {
	src := "agreement a \"A\" {\n  test \"t\" {\n    requires true else \"x\"\n  }\n}\n"
	_, errs := Parse("s.pacta", []byte(src))
	if len(errs) != 1 || errs[0].Pos.Line != 3 || errs[0].Pos.Col != 5 {
		t.Fatalf("errors: %v", errs)
	}
}

// The tree keeps each precondition with its owner, in order, with its
// position; `expect … fails` becomes an ExpectFails.
func TestRequiresTree(t *testing.T) {
	src := `agreement a "A" {
  currency USD
  party p "P"
  action sell {
    price money
    requires price > USD 0.00 else "positive"
  }
  term f(x integer) = x
    requires x > 0 else "x is positive"
    requires x < 10 else "x is small"
    "prose"
  clause 1 "Sell" "prose" requires price < USD 5.00 else "small" p may sell
  test "t" {
    expect f(0) fails "x is positive"
  }
}
`
	f, errs := Parse("t.pacta", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	items := f.Decls[0].(*Agreement).Items
	var s *SchemaDecl
	var term *TermDecl
	var cl *ClauseDecl
	var test *TestDecl
	for _, it := range items {
		switch it := it.(type) {
		case *SchemaDecl:
			s = it
		case *TermDecl:
			term = it
		case *ClauseDecl:
			cl = it
		case *TestDecl:
			test = it
		}
	}
	if len(s.Requires) != 1 || s.Requires[0].At.Line != 6 || s.Requires[0].At.Col != 5 {
		t.Errorf("schema requires: %+v", s.Requires)
	}
	if len(term.Requires) != 2 || term.Requires[1].At.Line != 10 || term.Prose == nil || term.Prose.Value != "prose" {
		t.Errorf("term requires: %+v, prose %v", term.Requires, term.Prose)
	}
	if m, ok := term.Requires[0].Message.(*StringLit); !ok || m.Value != "x is positive" {
		t.Errorf("term message: %#v", term.Requires[0].Message)
	}
	if len(cl.Requires) != 1 || cl.Requires[0].At.Line != 12 || cl.Requires[0].At.Col != 27 || cl.Prose == nil {
		t.Errorf("clause requires: %+v", cl.Requires)
	}
	if _, ok := cl.Body.(*Deontic); !ok {
		t.Errorf("clause body: %T", cl.Body)
	}
	ef, ok := test.Stmts[0].(*ExpectFails)
	if !ok || ef.Message.Value != "x is positive" || FormatExpr(ef.Subject) != "f(0)" {
		t.Errorf("test statement: %#v", test.Stmts[0])
	}
}

// `requires` is reserved; `fails` is not, so a field or term may still be
// called fails.
func TestRequiresWords(t *testing.T) {
	if !IsKeyword("requires") || IsKeyword("fails") {
		t.Error("requires must be reserved and fails not")
	}
	if !slices.Contains(ContextWords(), "fails") || !slices.Contains(Keywords(), "requires") {
		t.Error("completion lists miss requires or fails")
	}
	src := `agreement a "A" {
  effective 2027-01-01
  party p "P"
  action go { fails integer }
  term fails = 3
  test "t" {
    expect fails == 3
    expect fails fails "x"
  }
}
`
	f, errs := Parse("w.pacta", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if _, cerrs := Check([]*File{f}, nil); len(cerrs) > 0 {
		t.Fatal(cerrs)
	}
}

// In `requires if A then B else C else "…"` the first else is the if's.
func TestRequiresIfElse(t *testing.T) {
	src := "agreement a \"A\" {\n  term f(x integer) = x\n    requires if x > 10 then x < 100 else x > 0 else \"x is in range\"\n}\n"
	f, errs := Parse("i.pacta", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	r := f.Decls[0].(*Agreement).Items[0].(*TermDecl).Requires[0]
	if _, ok := r.Cond.(*If); !ok {
		t.Fatalf("condition: %T", r.Cond)
	}
	if m, ok := r.Message.(*StringLit); !ok || m.Value != "x is in range" {
		t.Errorf("message: %#v", r.Message)
	}
}
