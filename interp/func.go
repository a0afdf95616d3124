package interp

import (
	"context"
	"fmt"
	"sort"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// Func is a function that agreements can call: a builtin from the standard
// library or a host's own. Its signature is checked by the checker like any
// other call, so Impl receives arguments of the declared types: package lang's
// (lang.TDecimal, lang.TDate, &lang.Money{Currency: "USD"}, ...).
type Func struct {
	Name     string
	Doc      string // one or two sentences, plain words
	Example  string // an expression using it, e.g. `max(USD 1.00, USD 2.00)`
	Result   string // what Example evaluates to, e.g. `USD 2.00`
	Params   []lang.Type
	Variadic bool // the last parameter repeats zero or more times
	Ret      lang.Type
	// Check types a generic call (min over money or numbers); nil means
	// Params and Ret exactly.
	Check func(args []lang.Type) (lang.Type, string)
	// Signature is the signature in words for documentation ("min(T, T,
	// ...) → T, for T a number or money"); "" means made from Params, Ret.
	Signature string
	// Impl computes the result. It must not keep args.
	Impl func(c *Caller, args []types.Value) (types.Value, error)
}

// Caller is what a function sees of the evaluation calling it.
type Caller struct {
	ctx    context.Context
	asOf   types.Date
	fr     *frame // the evaluation's frame, for its step budget
	fiscal int    // the first month of the calling agreement's fiscal year
	// contract is the first day of the calling agreement's contract years
	// as MMDD (ContractStart).
	contract int
	zone     *types.Zone // the calling agreement's `time zone`, nil if none
}

// Zone returns the calling agreement's `time zone` (SPEC 11.7), and false
// when it declares none or the call comes from no agreement.
func (c *Caller) Zone() (types.Zone, bool) {
	if c == nil || c.zone == nil {
		return types.Zone{}, false
	}
	return *c.zone, true
}

// Context returns the context of the evaluation.
func (c *Caller) Context() context.Context { return c.ctx }

// AsOf returns the as-of date of the evaluation.
func (c *Caller) AsOf() types.Date { return c.asOf }

// FiscalStart returns the first month (1 to 12) of the calling agreement's
// fiscal year (SPEC 11.4); 1 when it declares none.
func (c *Caller) FiscalStart() int {
	if c == nil || c.fiscal < 1 || c.fiscal > 12 {
		return 1
	}
	return c.fiscal
}

// ContractStart returns the first day of the calling agreement's contract
// years (SPEC 11.5) as month × 100 + day, the form PeriodOf takes; 101 (1
// January) when the call comes from no agreement.
func (c *Caller) ContractStart() int {
	if c == nil || c.contract < 101 {
		return 101
	}
	return c.contract
}

// Spend charges n steps of the budget for work a function does beyond its
// call's step: one per list element visited or built, one per byte of text
// read or built. Call it before the work and return its error: ErrBudget
// when the budget is spent, or one unwrapping to the context's error when
// the question is cancelled.
func (c *Caller) Spend(n int) error {
	if c == nil || c.fr == nil || n <= 0 {
		if c != nil && c.fr == nil && c.ctx != nil {
			return ctxErr(c.ctx)
		}
		return nil
	}
	return c.fr.spend(int64(n))
}

// checkFunc reports why f cannot be made callable from agreements: it
// has no name that agreements could write, or no way to type its calls,
// or nothing to compute them.
func checkFunc(f *Func) error {
	switch {
	case f == nil:
		return fmt.Errorf("a function given to WithFuncs is nil")
	case !isIdent(f.Name):
		return fmt.Errorf("function %q: the name must be letters, digits and _, not starting with a digit", f.Name)
	case lang.IsKeyword(f.Name):
		return fmt.Errorf("function %q: the name is a reserved word of Pacta; choose another", f.Name)
	case f.Ret == nil && f.Check == nil:
		return fmt.Errorf("function %q declares neither a result type (Ret) nor a Check to type its calls", f.Name)
	case f.Impl == nil:
		return fmt.Errorf("function %q has no Impl", f.Name)
	}
	for i, t := range f.Params {
		if t == nil && f.Check == nil {
			return fmt.Errorf("function %q: parameter %d has no type", f.Name, i+1)
		}
	}
	return nil
}

// isIdent reports whether s is a Pacta identifier: [A-Za-z_][A-Za-z0-9_]*.
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// funcTable is an immutable set of functions, looked up by name. It
// implements lang.Env for the checker.
type funcTable struct {
	byName map[string]*Func
	sigs   map[string]*lang.FuncSig
	names  []string
}

func newFuncTable(fns []*Func) *funcTable {
	t := &funcTable{byName: map[string]*Func{}, sigs: map[string]*lang.FuncSig{}}
	for _, f := range fns {
		if _, dup := t.byName[f.Name]; !dup {
			t.names = append(t.names, f.Name)
		}
		t.byName[f.Name] = f // a later function of the same name replaces an earlier one
		t.sigs[f.Name] = &lang.FuncSig{
			Name: f.Name, Doc: f.Doc, Params: f.Params, Result: f.Ret, Variadic: f.Variadic, Check: f.Check,
		}
	}
	sort.Strings(t.names)
	return t
}

func (t *funcTable) LookupFunc(name string) (*lang.FuncSig, bool) {
	s, ok := t.sigs[name]
	return s, ok
}

func (t *funcTable) FuncNames() []string { return t.names }
