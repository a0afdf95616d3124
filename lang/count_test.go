package lang

import "testing"

// Writing both `permitted` and `whether permitted or not` is an error at
// the second (SPEC 7.1.1).
func TestCountRuleBoth(t *testing.T) {
	src := "agreement a \"A\" {\n  party p \"P\" party q \"Q\"\n  action sell { gross money }\n" +
		"  clause 1 \"Both\" p pays q 1% of gross of each permitted sell whether permitted or not\n}\n"
	f, errs := Parse("c.pacta", []byte(src))
	if len(errs) != 1 {
		t.Fatalf("got %v, want one error", errs)
	}
	want := "c.pacta:4:63: a share counts `permitted` instances or all of them `whether permitted or not`, not both"
	if got := errs[0].Pos.String() + ": " + errs[0].Msg; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if f == nil {
		t.Fatal("no tree")
	}
	items := f.Decls[0].(*Agreement).Items
	sh, ok := items[len(items)-1].(*ClauseDecl).Body.(*Share)
	if !ok || sh.Count != CountPermitted {
		t.Errorf("count rule %d, want CountPermitted", sh.Count)
	}
}
