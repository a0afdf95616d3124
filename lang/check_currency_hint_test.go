package lang

import "testing"

// A negative amount written as it prints, USD -5.00, reads as the name
// USD minus 5.00: the error says how to write it, in every tool (before,
// only the REPL said so; `pacta test` and `pacta eval` gave a bare
// `unknown name "USD"`). (found by review)
func TestUnknownCurrencyNameHint(t *testing.T) {
	errs := checkSrc(t, "neg.pacta", `agreement a "A" {
  effective 2027-01-01
  currency USD
  term fee = USD -5.00
}
`)
	if len(errs) != 1 {
		t.Fatalf("%d problems, want 1: %v", len(errs), errs)
	}
	e := errs[0]
	if e.Msg != `unknown name "USD"` || e.Pos.Line != 4 || e.Pos.Col != 14 {
		t.Errorf("got %d:%d %s, want 4:14 unknown name \"USD\"", e.Pos.Line, e.Pos.Col, e.Msg)
	}
	if want := "USD is a currency code: write an amount as USD 57.53, a negative one as -USD 57.53"; e.Hint != want {
		t.Errorf("hint %q, want %q", e.Hint, want)
	}
}
