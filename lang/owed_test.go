package lang

import (
	"strings"
	"testing"
)

func TestOwedParseFormatCheck(t *testing.T) {
	src := `agreement m "M" {
  effective 2025-01-01
  currency USD

  party store "Store"
  party dev   "Dev"

  term last_year(d date) = owed by store to dev for year_of(d) under 1 < USD 1,000,000.00
  term bad = owed by store to store for 2025-03

  clause 1 "Fee"
    store pays dev USD 5.00 on 2025-02-01
}
`
	f, errs := Parse("m.pacta", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	// The comparison applies to the total: `owed ... under 1` is one
	// operand of `<`.
	term := f.Decls[0].(*Agreement).Items[4].(*TermDecl)
	cmp, ok := term.Body.(*Binary)
	if !ok || cmp.Op != Lt {
		t.Fatalf("body is %T, want a comparison", term.Body)
	}
	o, ok := cmp.X.(*Owed)
	if !ok || o.Payer.Name != "store" || o.Payee.Name != "dev" || o.Clause == nil || o.Clause.Num != "1" {
		t.Fatalf("left operand %#v", cmp.X)
	}
	if _, ok := o.Period.(*Call); !ok {
		t.Errorf("period is %T, want the call year_of(d)", o.Period)
	}
	if got := string(Format(f)); got != src {
		t.Errorf("format changed the file:\n%s", got)
	}
	funcs := FuncMap{"year_of": {Name: "year_of", Params: []Type{TDate}, Result: TPeriod}}
	_, errs = Check([]*File{f}, &Config{Funcs: funcs})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `m.pacta:9:31: "store" cannot owe itself`) {
		t.Errorf("check: %v", errs)
	}
}
