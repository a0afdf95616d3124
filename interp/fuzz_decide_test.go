package interp_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// Fuzz targets through the public API (seed corpus in
// testdata/fuzz/FuzzDecide and testdata/fuzz/FuzzEvalBudget):
//
//	go test ./interp -run '^$' -fuzz FuzzDecide -fuzztime 15s
//	go test ./interp -run '^$' -fuzz FuzzEvalBudget -fuzztime 15s

// noPanic runs f and turns a panic into a test failure naming what was
// asked.
func noPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if v := recover(); v != nil {
			t.Fatalf("%s panicked: %v", what, v)
		}
	}()
	f()
}

// checkErr fails unless err is nil or a usable error value: it has a
// message, and it is no internal error.
func checkErr(t *testing.T, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if err.Error() == "" {
		t.Fatalf("%s: an error without a message (%T)", what, err)
	}
	var e *interp.EvalError
	if errors.As(err, &e) && len(e.Msg) >= 15 && e.Msg[:15] == "internal error:" {
		t.Fatalf("%s: %v", what, err)
	}
}

// FuzzDecide compiles an agreement and decides a sample instance of each
// of its actions, with a small step budget and a short deadline: no
// panic, errors are error values, and an answer is well formed.
func FuzzDecide(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 64<<10 {
			return
		}
		var p *interp.Program
		var err error
		noPanic(t, "Compile", func() {
			p, err = interp.Compile([]interp.Source{{Name: "fuzz.pacta", Text: []byte(src)}},
				interp.WithStepBudget(5_000))
		})
		if err != nil {
			checkErr(t, "Compile", err)
			return
		}
		for _, ai := range p.Info().Agreements {
			for _, name := range sortedKeys(ai.Schemas) {
				r := sampleInstance(p, ai, name)
				if r == nil || r.Schema.Event() {
					continue
				}
				ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
				var d *result.Decision
				start := time.Now()
				noPanic(t, "Decide "+name, func() { d, err = p.Decide(ctx, r, interp.DecideOptions{}) })
				cancel()
				if el := time.Since(start); el > 5*time.Second {
					t.Errorf("Decide %s took %v with a 200ms deadline and a budget of 5,000 steps", name, el)
				}
				checkErr(t, "Decide "+name, err)
				if err != nil {
					continue
				}
				switch d.Verdict {
				case lang.Permitted, lang.Prohibited:
					if d.Clause == nil || len(d.Applied) == 0 || d.Applied[0].Outcome != "decides" {
						t.Fatalf("Decide %s: %s without its deciding clause: %+v", name, d.Verdict, d)
					}
				case lang.Conflict:
					if d.Conflict[0] == nil || d.Conflict[1] == nil || d.Effect != lang.Prohibited {
						t.Fatalf("Decide %s: a conflict without its clauses: %+v", name, d)
					}
				case lang.NotCovered:
					if len(d.Applied) != 0 {
						t.Fatalf("Decide %s: not covered, yet clauses applied: %+v", name, d.Applied)
					}
				default:
					t.Fatalf("Decide %s: verdict %v", name, d.Verdict)
				}
			}
		}
	})
}

// fuzzEvalSrc is the agreement expressions are fuzzed against: terms of
// every type, lists, a kind, a chain of terms that doubles its work.
const fuzzEvalSrc = `agreement f "Fuzz" {
  effective 2020-01-01
  currency USD
  fiscal year starts July
  party a "A"
  party b "B"
  kind Platform = AWS | Azure | Direct
  action sell { platform Platform  amount money  share decimal  n integer }
  term n = 3
  term r = 12.5%
  term cap = USD 1,000.00
  term when = 2026-07-01
  term ints = [1, 2, 3, 4, 5, 6, 7, 8]
  term mixed = [1, 2.5, n]
  term words = "Pacta sunt servanda"
  term t0(x integer) = x in ints
  term t1(x integer) = t0(x) == t0(x)
  term t2(x integer) = t1(x) == t1(x)
  term t3(x integer) = t2(x) == t2(x)
  term t4(x integer) = t3(x) == t3(x)
  term t5(x integer) = t4(x) == t4(x)
  term t6(x integer) = t5(x) == t5(x)
  term t7(x integer) = t6(x) == t6(x)
  term t8(x integer) = t7(x) == t7(x)
  term t9(x integer) = t8(x) == t8(x)
  term t10(x integer) = t9(x) == t9(x)
  term t11(x integer) = t10(x) == t10(x)
  term t12(x integer) = t11(x) == t11(x)
  term t13(x integer) = t12(x) == t12(x)
  term t14(x integer) = t13(x) == t13(x)
  term t15(x integer) = t14(x) == t14(x)
  term t16(x integer) = t15(x) == t15(x)
  term t17(x integer) = t16(x) == t16(x)
  term t18(x integer) = t17(x) == t17(x)
  term t19(x integer) = t18(x) == t18(x)
  term t20(x integer) = t19(x) == t19(x)
  term half(x decimal) = x / 2
}
`

// FuzzEvalBudget compiles and evaluates an expression against a fixed
// agreement with a small step budget and a short deadline: no panic,
// errors are error values, evaluation ends promptly, and a value has the
// kind of its checked type.
func FuzzEvalBudget(f *testing.F) {
	for _, s := range []string{
		"t20(0)", "t20(9)", "n + 1", "half(n)", "if n > 2 then 1 else 2.5", "r of cap", "sum(mixed)",
		"fiscal_quarter_of(when)", "lower(words)", "contains(upper(words), \"SUNT\")", "filter(ints, [true])",
		"0 - 9223372036854775807 - 1", "abs(0 - 9223372036854775807 - 1)", "round(12500, 1000)", "7 / 0",
		"max(n, 2.5)", "[1, 2.5]", "sell by a { platform: AWS, amount: USD 1, share: 1, n: 2, date: when }.share",
		"when + 1 month", "count(ints) * 1000000000000000000 * 1000000000000000000 * 1000000000000000000 * 1000000",
	} {
		f.Add(s)
	}
	p, err := interp.Compile([]interp.Source{{Name: "f.pacta", Text: []byte(fuzzEvalSrc)}},
		interp.WithStepBudget(2_000))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4<<10 {
			return
		}
		var x *interp.Expr
		var err error
		noPanic(t, "CompileExpr", func() { x, err = p.CompileExpr("", "<fuzz>", []byte(src)) })
		if err != nil {
			checkErr(t, "CompileExpr", err)
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		var v types.Value
		start := time.Now()
		noPanic(t, "Eval", func() { v, err = x.Eval(ctx, interp.EvalOptions{}) })
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("%s took %v with a 100ms deadline and a budget of 2,000 steps", src, el)
		}
		checkErr(t, "Eval "+src, err)
		if err == nil && !sameKinds(v, x.Type()) {
			t.Errorf("%s = %s of kind %s, typed %s", src, v, v.Kind(), x.Type())
		}
	})
}
