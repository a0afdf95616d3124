package interp

import (
	"context"
	"sort"

	"github.com/pacta-lang/pacta/lang"
)

// Func is a function that agreements can call: a builtin from the standard
// library or a host's own. Its signature is checked by the checker like any
// other call, so Impl receives arguments of the declared types.
type Func struct {
	Name     string
	Doc      string // one or two sentences, plain words
	Example  string // an expression using it, e.g. `max(USD 1.00, USD 2.00)`
	Result   string // what Example evaluates to, e.g. `USD 2.00`
	Params   []lang.Type
	Variadic bool // the last parameter repeats zero or more times
	Ret      lang.Type
	// Check types a call whose signature is generic (min over money or
	// numbers, say). When nil, Params and Ret are used exactly.
	Check func(args []lang.Type) (lang.Type, string)
	// Impl computes the result. It must not keep args.
	Impl func(c *Call, args []Value) (Value, error)
}

// Call is what a function sees of the evaluation calling it.
type Call struct {
	ctx  context.Context
	asOf Date
}

// Context returns the context of the evaluation.
func (c *Call) Context() context.Context { return c.ctx }

// AsOf returns the as-of date of the evaluation.
func (c *Call) AsOf() Date { return c.asOf }

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
