package interp_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// heavySrc is an agreement whose one clause asks whether the action's n
// is among 1,000 numbers: with n = -1 every element is compared, and
// `in` spends 1 step per element compared (DefaultStepBudget), so one
// decision spends more than 1,000 steps, whatever else it spends.
func heavySrc() string {
	var b strings.Builder
	b.WriteString("agreement heavy \"Heavy\" {\n  effective 2020-01-01\n  currency USD\n  party a \"A\"\n  action sell { n integer  date date }\n  term big = [")
	for i := 1; i <= 1000; i++ {
		if i > 1 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, i)
	}
	b.WriteString("]\n  term has(x integer) = x in big\n")
	b.WriteString("  clause 1 \"Sell\"\n    a may sell where not (n in big)\n}\n")
	return b.String()
}

// TestStepBudgetPerQuestion: DecideOptions, EvalOptions and
// SettleOptions.StepBudget replace the program's budget for one
// question, in both directions, and the next question without one has
// the program's budget again (the frames are pooled).
func TestStepBudgetPerQuestion(t *testing.T) {
	ctx := context.Background()
	const small, large = 500, 1_000_000 // below and well above the > 1,000 steps one question spends
	for _, progBudget := range []int64{small, large} {
		p, err := interp.Compile([]interp.Source{{Name: "heavy.pacta", Text: []byte(heavySrc())}}, interp.WithStepBudget(progBudget))
		if err != nil {
			t.Fatal(err)
		}
		a, err := p.NewAction("", "sell", map[string]string{"actor": "a", "n": "-1", "date": "2021-01-01"})
		if err != nil {
			t.Fatal(err)
		}
		x, err := p.CompileExpr("", "<expr>", []byte("has(-1)"))
		if err != nil {
			t.Fatal(err)
		}
		ledger := "action,actor,date,n\nsell,a,2021-01-01,-1\n"
		questions := map[string]func(budget int64) error{
			"decide": func(budget int64) error {
				_, err := p.Decide(ctx, a, interp.DecideOptions{StepBudget: budget})
				return err
			},
			"eval": func(budget int64) error {
				_, err := x.Eval(ctx, interp.EvalOptions{StepBudget: budget})
				return err
			},
			"settle": func(budget int64) error {
				_, err := p.Settle(ctx, p.ReadCSV("", "l.csv", strings.NewReader(ledger)), interp.SettleOptions{StepBudget: budget})
				return err
			},
		}
		for name, ask := range questions {
			for _, c := range []struct {
				budget int64
				fails  bool
			}{
				{small, true},
				{0, progBudget == small}, // the program's budget
				{large, false},
				{0, progBudget == small}, // again: nothing kept from the call before
			} {
				err := ask(c.budget)
				if got := errors.Is(err, interp.ErrBudget); got != c.fails {
					t.Errorf("program budget %d, %s with StepBudget %d: err = %v; want ErrBudget: %v", progBudget, name, c.budget, err, c.fails)
				}
				if err != nil && !errors.Is(err, interp.ErrBudget) {
					t.Errorf("program budget %d, %s with StepBudget %d: %v", progBudget, name, c.budget, err)
				}
			}
		}
	}
}

// TestStepBudgetKeepsAsOf: a decision with its own step budget sees the
// same as-of date as one without (a host function reading
// Caller.AsOf tells): the action's date, or DecideOptions.AsOf.
func TestStepBudgetKeepsAsOf(t *testing.T) {
	asOf := interp.Func{Name: "as_of", Ret: lang.TDate, Impl: func(c *interp.Caller, _ []types.Value) (types.Value, error) {
		return types.DateValue(c.AsOf()), nil
	}}
	src := "agreement d \"D\" {\n  effective 2020-01-01\n  currency USD\n  party a \"A\"\n  action sell { n integer }\n" +
		"  clause 1 \"Sell\"\n    a may sell where as_of() == 2021-03-04\n}\n"
	p, err := interp.Compile([]interp.Source{{Name: "d.pacta", Text: []byte(src)}}, interp.WithFuncs(&asOf))
	if err != nil {
		t.Fatal(err)
	}
	a, err := p.NewAction("", "sell", map[string]string{"actor": "a", "n": "1", "date": "2021-03-04"})
	if err != nil {
		t.Fatal(err)
	}
	later, _ := types.ParseDate("2022-01-01")
	for _, c := range []struct {
		opts interp.DecideOptions
		want lang.Verdict
	}{
		// The action's date, 2021-03-04: the clause applies.
		{interp.DecideOptions{}, lang.Permitted},
		{interp.DecideOptions{StepBudget: 1000}, lang.Permitted},
		// As of 2022-01-01, as_of() is that date: it does not.
		{interp.DecideOptions{AsOf: later}, lang.NotCovered},
		{interp.DecideOptions{AsOf: later, StepBudget: 1000}, lang.NotCovered},
	} {
		d, err := p.Decide(context.Background(), a, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		if d.Verdict != c.want {
			t.Errorf("%+v: %s, want %s", c.opts, d.Verdict, c.want)
		}
	}
}
