package interp_test

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// TestBudgetErrorsArePositioned: whatever step of an expression the
// budget runs out at (a term call, `in`, a list converted to decimal), the
// error names a position.
func TestBudgetErrorsArePositioned(t *testing.T) {
	src := hAgreement("  term big = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]",
		"  term f(x integer) = x in big",
		"  term g(x decimal) = if x > 0 then big else [2.5]")
	exprs := []string{"0 in big", "f(0)", "0 not in big", "if true then big else [2.5]", "g(1)", "2.5 in g(1)"}
	pos := regexp.MustCompile(`^(<expr>|h\.pacta):\d+:\d+: `)
	for budget := int64(1); budget <= 60; budget++ {
		p, err := interp.Compile([]interp.Source{{Name: "h.pacta", Text: []byte(src)}},
			interp.WithStepBudget(budget))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range exprs {
			_, err := p.Eval(context.Background(), "", e, interp.EvalOptions{})
			if err == nil {
				continue
			}
			if !errors.Is(err, interp.ErrBudget) {
				t.Errorf("budget %d, %s: %v, want a budget error", budget, e, err)
			} else if !pos.MatchString(err.Error()) {
				t.Errorf("budget %d, %s: %q has no position", budget, e, fmt.Sprint(err))
			}
		}
	}
}
