package interp_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// Bounded choices (SPEC 4.9), with hand-worked outcomes.
const chooseSrc = `agreement g "Games" {
  effective 2027-01-01
  currency USD
  party a "A"
  // A prisoner's dilemma: taking (true) pays each more whatever the
  // other does (3 > 2 and 1 > 0), so the only settled case is both true.
  term pay_x(x bool, y bool) = if x then (if y then 1 else 3) else (if y then 0 else 2)
  term pay_y(x bool, y bool) = pay_x(y, x)
  term dilemma = choose x in [false, true] to maximise pay_x(x, y), y in [false, true] to maximise pay_y(x, y) then if x then (if y then "TT" else "TF") else (if y then "FT" else "FF")
  // Coordination: each gets 1 when both pick the same, 0 otherwise. Both
  // (false, false) and (true, true) are settled; the first chooser's
  // value changes fastest, so the order is FF, TF, FT, TT and FF wins.
  term same(x bool, y bool) = if x == y then 1 else 0
  term coordinate = choose x in [false, true] to maximise same(x, y), y in [false, true] to maximise same(x, y) then if x then "TT" else "FF"
  // Listed the other way round, TT comes first.
  term coordinate_tt = choose x in [true, false] to maximise same(x, y), y in [true, false] to maximise same(x, y) then if x then "TT" else "FF"
  // Matching pennies: x wants to match, y to differ; no case is settled.
  term differ(x bool, y bool) = if x == y then 0 else 1
  term pennies = choose x in [false, true] to maximise same(x, y), y in [false, true] to maximise differ(x, y) then x
  // One chooser is a plain maximisation: 10% of 100.00 = 10.00; 12% =
  // 12.00; 15% = 15.00 less a 5.00 fee = 10.00. 12% is the greatest.
  term best_rate = choose r in [10%, 12%, 15%] to maximise r of USD 100.00 - (if r > 12% then USD 5.00 else USD 0.00) then r
  // Ties go to the first value written: 10% and 15% both give 10.00.
  term tie_rate = choose r in [15%, 10%] to maximise r of USD 100.00 - (if r > 12% then USD 5.00 else USD 0.00) then r
}
`

func TestChooseHandWorked(t *testing.T) {
	p := compile(t, chooseSrc)
	for _, c := range []struct{ expr, want string }{
		{"dilemma", `"TT"`},
		{"coordinate", `"FF"`},
		{"coordinate_tt", `"TT"`},
		{"best_rate", "12%"},
		{"tie_rate", "15%"},
	} {
		v, err := p.Eval(context.Background(), "", c.expr, interp.EvalOptions{})
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		if v.String() != c.want {
			t.Errorf("%s = %s, want %s", c.expr, v, c.want)
		}
	}
	_, err := p.Eval(context.Background(), "", "pennies", interp.EvalOptions{})
	var ee *interp.EvalError
	if !errors.As(err, &ee) || !strings.Contains(err.Error(), "no choice is settled") || ee.Pos.Line != 19 {
		t.Errorf("pennies: error %v, want no settled choice at line 19", err)
	}
}

// The search is bounded by the step budget too: ten choices that settle
// anywhere and a pair of matching pennies that settles nowhere make all
// 4,096 combinations be tried, at least one step each: more than 1,000.
func TestChooseBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("agreement g \"G\" {\n  effective 2027-01-01\n")
	b.WriteString("  term same(x bool, y bool) = if x == y then 1 else 0\n")
	b.WriteString("  term differ(x bool, y bool) = if x == y then 0 else 1\n  term t = choose ")
	for i := range 10 {
		b.WriteString("d" + string(rune('a'+i)) + " in [false, true] to maximise 1, ")
	}
	b.WriteString("x in [false, true] to maximise same(x, y), y in [false, true] to maximise differ(x, y) then 1\n}\n")
	p := compileWith(t, b.String(), interp.WithStepBudget(1000))
	if _, err := p.Eval(context.Background(), "", "t", interp.EvalOptions{}); !errors.Is(err, interp.ErrBudget) {
		t.Fatalf("error %v, want ErrBudget", err)
	}
	// With the default budget every combination is tried, and none settles.
	p = compile(t, b.String())
	if _, err := p.Eval(context.Background(), "", "t", interp.EvalOptions{}); err == nil || !strings.Contains(err.Error(), "no choice is settled") {
		t.Fatalf("error %v, want no settled choice", err)
	}
}
