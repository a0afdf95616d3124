package lang_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// A literal that passes the check must evaluate: the checker counts the
// digits of a number literal as the interpreter reads it, every digit
// written, leading zeros included (SPEC 13). `0.` followed by 59 zeros and
// a 1 (61 digits) used to pass the check and fail at run time.
func TestLiteralDigitsCheckedAsEvaluated(t *testing.T) {
	zeros := func(n int) string { return strings.Repeat("0", n) }
	cases := []struct {
		lit  string
		want string // the check error, or "" if the literal checks and evaluates
	}{
		// "0." + 58 zeros + "1": 1 + 58 + 1 = 60 digits.
		{"0." + zeros(58) + "1", ""},
		// "0." + 59 zeros + "1": 1 + 59 + 1 = 61 digits.
		{"0." + zeros(59) + "1", "decimal 0.000000000000000000… has 61 digits; at most 60 are allowed"},
		{"0." + zeros(58) + "1%", ""},
		{"0." + zeros(59) + "1%", "percent 0.000000000000000000… has 61 digits; at most 60 are allowed"},
		{"USD 0." + zeros(58) + "1", ""},
		{"USD 0." + zeros(59) + "1", "USD 0.000000000000000000… has 61 digits; at most 60 are allowed"},
		// An integer with 59 leading zeros and a 1 is 60 digits; with 60, 61.
		{zeros(59) + "1", ""},
		{zeros(60) + "1", "integer 00000000000000000000… has 61 digits; at most 60 are allowed"},
		{zeros(59) + "1 days", ""},
		{zeros(60) + "1 days", "duration 00000000000000000000… has 61 digits; at most 60 are allowed"},
		// Over 122 characters: 200 digits, and the message shows 20 of them.
		{"1." + strings.Repeat("5", 199), "decimal 1.555555555555555555… has 200 digits; at most 60 are allowed"},
	}
	for _, c := range cases {
		src := "agreement a \"A\" {\n  effective 2026-01-01\n  currency USD\n  term t = " + c.lit + "\n}\n"
		p, err := interp.Compile([]interp.Source{{Name: "d.pacta", Text: []byte(src)}})
		if c.want != "" {
			var errs lang.ErrorList
			// "  term t = " is 11 columns: the literal is at 4:12.
			if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Error() != "d.pacta:4:12: "+c.want {
				t.Errorf("%.30s…: got %v, want the check error %s", c.lit, err, c.want)
			}
			continue
		}
		if err != nil {
			t.Errorf("%.30s…: check: %v", c.lit, err)
			continue
		}
		if _, err := p.Eval(context.Background(), "a", "t", interp.EvalOptions{}); err != nil {
			t.Errorf("%.30s… passed the check but does not evaluate: %v", c.lit, err)
		}
	}
}
