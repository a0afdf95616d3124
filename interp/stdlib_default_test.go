package interp_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

const stdlibDefaultSrc = `
agreement a "A" {
  effective 2026-01-01
  currency USD
}
`

func evalWith(t *testing.T, expr string, opts ...interp.Option) (string, error) {
	t.Helper()
	p, err := interp.Compile([]interp.Source{{Name: "a.pacta", Text: []byte(stdlibDefaultSrc)}}, opts...)
	if err != nil {
		t.Fatal(err)
	}
	v, err := p.Eval(context.Background(), "", expr, interp.EvalOptions{})
	if err != nil {
		return "", err
	}
	return v.String(), nil
}

// TestStdlibByDefault: a program has the builtins without asking for
// them; WithoutStdlib leaves them out; a host function replaces a builtin
// of its name.
func TestStdlibByDefault(t *testing.T) {
	// max(3, 7) is 7.
	if got, err := evalWith(t, "max(3, 7)"); err != nil || got != "7" {
		t.Errorf("max(3, 7) with the defaults: %q, %v; want 7", got, err)
	}

	_, err := evalWith(t, "max(3, 7)", interp.WithoutStdlib())
	var list lang.ErrorList
	if !errors.As(err, &list) || !strings.Contains(err.Error(), "max") {
		t.Errorf("max(3, 7) without the standard library: %v, want a check error naming max", err)
	}

	// Opting out and giving back one builtin: max is there, min is not.
	var max *interp.Func
	for _, f := range interp.Builtins() {
		if f.Name == "max" {
			max = f
		}
	}
	if got, err := evalWith(t, "max(3, 7)", interp.WithoutStdlib(), interp.WithFuncs(max)); err != nil || got != "7" {
		t.Errorf("max(3, 7) with only max: %q, %v; want 7", got, err)
	}
	if _, err := evalWith(t, "min(3, 7)", interp.WithoutStdlib(), interp.WithFuncs(max)); err == nil {
		t.Error("min(3, 7) with only max: no error")
	}

	// A host's max, always 42, replaces the builtin.
	mine := &interp.Func{Name: "max", Params: []lang.Type{lang.TInteger, lang.TInteger}, Ret: lang.TInteger,
		Impl: func(*interp.Caller, []types.Value) (types.Value, error) {
			return types.IntegerValue(42), nil
		}}
	if got, err := evalWith(t, "max(3, 7)", interp.WithFuncs(mine)); err != nil || got != "42" {
		t.Errorf("max(3, 7) with the host's max: %q, %v; want 42", got, err)
	}
	// The other builtins stay: abs(-5) is 5.
	if got, err := evalWith(t, "abs(-5)", interp.WithFuncs(mine)); err != nil || got != "5" {
		t.Errorf("abs(-5) beside the host's max: %q, %v; want 5", got, err)
	}
}
