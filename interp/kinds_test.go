package interp_test

import (
	"context"
	"errors"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
	"github.com/pacta-lang/pacta/stdlib"
)

// wantKind is the kind of the values of a checked type.
func wantKind(t lang.Type) types.Kind {
	switch t := t.(type) {
	case *lang.Basic:
		return map[lang.BasicKind]types.Kind{
			lang.IntegerKind: types.KindInteger, lang.DecimalKind: types.KindDecimal,
			lang.PercentKind: types.KindPercent, lang.DateKind: types.KindDate,
			lang.DurationKind: types.KindDuration, lang.PeriodKind: types.KindPeriod,
			lang.TextKind: types.KindText, lang.BoolKind: types.KindBool, lang.PartyKind: types.KindParty,
		}[t.Kind]
	case *lang.Money:
		return types.KindMoney
	case *lang.Enum:
		return types.KindEnum
	case *lang.Record:
		return types.KindRecord
	case *lang.List:
		return types.KindList
	}
	return types.KindInvalid
}

// sameKinds reports where v's kind, or an element's, differs from t.
func sameKinds(v types.Value, t lang.Type) bool {
	if v.Kind() != wantKind(t) {
		return false
	}
	if l, ok := t.(*lang.List); ok && l.Elem != nil {
		for _, e := range v.List() {
			if !sameKinds(e, l.Elem) {
				return false
			}
		}
	}
	return true
}

const kindsSrc = `agreement k "Kinds" {
  effective 2020-01-01
  currency USD
  party a "A"
  action sell { share decimal  count integer  amount money }
  term one = 1
  term half(x decimal) = x
  term pick(c bool) = if c then 1 else 2.5
  term ints = [1, 2]
  term mixed = [1, 2.5]
}
`

// TestValueKindIsCheckedType: the kind of every value an expression
// produces is the type the checker gave it, elements of lists included
// (regression: `if true then 1 else 1/0`, typed decimal, produced an
// integer; so did a decimal parameter given an integer, `max(one, 2.5)`
// through a term, and the elements of `[1, 2.5]`). The expressions cover
// every operator, if/else, lists, terms, instances, and every builtin of
// the standard library through the example in its table.
func TestValueKindIsCheckedType(t *testing.T) {
	funcs := stdlib.Funcs()
	intAsDecimal := &interp.Func{
		Name: "host_half", Doc: "Declared decimal, returns an integer.",
		Params: []lang.Type{lang.TInteger}, Ret: lang.TDecimal,
		Impl: func(_ *interp.Caller, args []types.Value) (types.Value, error) { return args[0], nil },
	}
	p, err := interp.Compile([]interp.Source{{Name: "k.pacta", Text: []byte(kindsSrc)}},
		interp.WithFuncs(funcs...), interp.WithFuncs(intAsDecimal))
	if err != nil {
		t.Fatal(err)
	}
	exprs := []string{
		"if true then 1 else 1/0", "if false then 2.5 else 1", "if true then one else 2.5",
		"if true then [1] else [2.5]", "if true then [one] else []", "[1, 2.5]", "[[1], [2.5]]", "[one, 2.5]",
		"mixed", "ints", "half(1)", "half(one)", "pick(true)", "pick(false)", "host_half(3)",
		"sell by a { share: 1, count: 2, amount: USD 1, date: 2024-01-01 }.share",
		"1 + 2", "1 + 2.5", "2.5 + 1", "1 - 2", "1 - 2.5", "2 * 3", "2 * 0.5", "7 / 2", "8 / 2", "-1", "-one", "-(1.5)",
		"20% of 10", "20% of 2.5", "20% of USD 10", "50% of 20%", "20% * 2", "20% + 5%", "20% / 2",
		"USD 5 + USD 1", "USD 5 * 2", "USD 5 / 2", "USD 5 / USD 2", "-USD 5",
		"1 == 1.0", "1 < 2", "1 in [1, 2.5]", "one in ints", "not true", "true and false", "true or false",
		"2026-01-31 + 1 month", "2026-01-31 - 1 day", "1 day + 2026-01-31",
		"round(12500, 1000)", "round(12500, 1000.0)", "round(12500.0, 1000)", "round(one, 10)", "floor(7, 2)", "ceiling(7, 0.5)",
		"max(1, 2.5)", "max(1, 2)", "max(one, 2.5)", "min(2.5, 1)", "min(if true then 1 else 2.5, 3)", "abs(-1)", "abs(-one)",
		"abs(if true then -1 else 2.5)", "sum([1, 2])", "sum([1, 2], 0.0)", "sum(mixed)", "sum([], 0.5)", "sum([])", "sum(ints, 1.5)",
		"filter(mixed, [true, false])", "filter([1, 2], [true, false])", "count(mixed)",
	}
	for _, f := range funcs {
		exprs = append(exprs, f.Example)
	}
	for _, src := range exprs {
		x, err := p.CompileExpr("", "<kinds>", []byte(src))
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		v, err := x.Eval(context.Background(), interp.EvalOptions{})
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if !sameKinds(v, x.Type()) {
			t.Errorf("%s = %s of kind %s, but the checker typed it %s", src, v, v.Kind(), x.Type())
		}
	}
}

// TestHostFuncResultChecked: a host function's result is checked against
// its declared type where it is called, with a positioned error naming the
// function (regression: a text where decimal was declared surfaced later
// as "internal error: * applied to text and integer").
func TestHostFuncResultChecked(t *testing.T) {
	fx := &interp.Func{
		Name: "fx", Doc: "Declared decimal, returns text.", Ret: lang.TDecimal,
		Impl: func(*interp.Caller, []types.Value) (types.Value, error) { return types.TextValue("1.5"), nil },
	}
	p, err := interp.Compile([]interp.Source{{Name: "k.pacta", Text: []byte(kindsSrc)}}, interp.WithFuncs(fx))
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Eval(context.Background(), "", "2 * fx()", interp.EvalOptions{})
	var e *interp.EvalError
	if err == nil || err.Error() != "<expr>:1:5: host function fx returned text, declared decimal" || !errors.As(err, &e) {
		t.Errorf("got %v", err)
	}
}

// TestBadHostFuncs: a function agreements could not call, or whose calls
// could not be typed, fails Compile with a clear error.
func TestBadHostFuncs(t *testing.T) {
	impl := func(*interp.Caller, []types.Value) (types.Value, error) { return types.IntegerValue(1), nil }
	cases := []struct {
		f    *interp.Func
		want string
	}{
		{&interp.Func{Name: "untyped", Impl: impl}, `function "untyped" declares neither a result type (Ret) nor a Check to type its calls`},
		{&interp.Func{Name: "clause", Ret: lang.TInteger, Impl: impl}, `function "clause": the name is a reserved word of Pacta; choose another`},
		{&interp.Func{Name: "2x", Ret: lang.TInteger, Impl: impl}, `function "2x": the name must be letters, digits and _, not starting with a digit`},
		{&interp.Func{Name: "my-fn", Ret: lang.TInteger, Impl: impl}, `function "my-fn": the name must be letters, digits and _, not starting with a digit`},
		{&interp.Func{Name: "", Ret: lang.TInteger, Impl: impl}, `function "": the name must be letters, digits and _, not starting with a digit`},
		{&interp.Func{Name: "noimpl", Ret: lang.TInteger}, `function "noimpl" has no Impl`},
		{nil, "a function given to WithFuncs is nil"},
	}
	for _, c := range cases {
		_, err := interp.Compile([]interp.Source{{Name: "k.pacta", Text: []byte(kindsSrc)}}, interp.WithFuncs(c.f))
		if err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
}
