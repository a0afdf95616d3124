package interp

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// Param declares a parameter of an expression compiled with
// CompileWithParams: a name the expression may use, and its type.
type Param struct {
	// Name is the name the expression uses, like s or amount.
	Name string
	// Type is written as a term parameter's type is written: a basic type
	// (integer, decimal, percent, money, date, duration, period, text,
	// bool, party), a kind of the agreement (Platform), one of its actions
	// or events (sell), or `list of T`.
	Type string
}

// param is a Param resolved in an agreement's scope.
type param struct {
	Param
	typ lang.Type
}

// ArgError is a wrong argument given to an expression with parameters
// (Expr.EvalWith): a wrong number of them, or a value that is not of its
// parameter's type.
type ArgError struct {
	Expr  string // the expression's name, as given when it was compiled
	Param string // the parameter; "" for a wrong number of arguments
	Msg   string
}

func (e *ArgError) Error() string {
	if e.Param == "" {
		return fmt.Sprintf("%s: %s", e.Expr, e.Msg)
	}
	return fmt.Sprintf("%s: argument %s: %s", e.Expr, e.Param, e.Msg)
}

// CompileWithParams compiles an expression, as CompileExpr does, with each
// of params in scope by its name (hiding a party, member, term or function
// of that name, as a term's parameter does). It is checked once, here;
// EvalWith then evaluates it for each value without parsing or allocating:
// with s a `sell`, `net_revenue(s) > USD 1,000.00`. name is used in error
// positions and ArgErrors.
func (p *Program) CompileWithParams(agreementID, name string, src []byte, params ...Param) (*Expr, error) {
	e, errs := lang.ParseExpr(name, src)
	if len(errs) > 0 {
		return nil, errs
	}
	ag, err := p.agreementFor(agreementID)
	if err != nil {
		return nil, err
	}
	scope, err := p.info.Scope(ag.id)
	if err != nil {
		return nil, err
	}
	ps := make([]param, len(params))
	lb := make([]lang.Binding, len(params))
	inputs := make(map[*lang.Given]int, len(params))
	seen := map[string]bool{}
	for i, prm := range params {
		if !isIdent(prm.Name) || lang.IsKeyword(prm.Name) {
			return nil, &ArgError{Expr: name, Param: prm.Name, Msg: "is not a name: write a name like s or amount, not a reserved word"}
		}
		if seen[prm.Name] {
			return nil, &ArgError{Expr: name, Param: prm.Name, Msg: "is declared twice"}
		}
		seen[prm.Name] = true
		t, err := scope.ResolveType(prm.Type)
		if err != nil {
			return nil, &ArgError{Expr: name, Param: prm.Name, Msg: err.Error()}
		}
		ps[i] = param{Param: prm, typ: t}
		g := &lang.Given{Name: &lang.Ident{Name: prm.Name}}
		lb[i] = lang.Binding{Given: g, Type: t}
		inputs[g] = i
	}
	extra, typ, errs := scope.CheckExpr(e, lb)
	if len(errs) > 0 {
		return nil, errs
	}
	x := &Expr{p: p, ag: ag, typ: typ, name: name, params: ps, event: -1}
	// The first record parameter is read as the event in scope, as a
	// clause reads its action: its fields and the terms applied to it take
	// the fast paths.
	var eventInput *lang.Given
	var event *schema
	for i, prm := range ps {
		if r, ok := prm.typ.(*lang.Record); ok {
			if s := ag.schemaDecls[r.Schema]; s != nil {
				eventInput, event, x.event = lb[i].Given, s, i
				break
			}
		}
	}
	for _, v := range ag.versions {
		c := *v.comp
		c.extra = extra
		c.inputs = inputs
		c.eventInput, c.event = eventInput, event
		c.done = map[*lang.TermDecl]*term{}
		n, err := c.expr(e)
		if err != nil {
			return nil, err
		}
		x.nodes = append(x.nodes, n)
	}
	return x, nil
}

// Term returns the term called name of an agreement ("" for the only
// one), as amended, as an expression whose parameters are the term's: for
// `term net_revenue(s sell) = …`, one parameter s of type sell. Evaluate
// it with EvalWith. An unknown name is an error that suggests the closest
// term.
func (p *Program) Term(agreementID, name string) (*Expr, error) {
	ag, err := p.agreementFor(agreementID)
	if err != nil {
		return nil, err
	}
	terms := ag.versions[len(ag.versions)-1].comp.terms
	decl, ok := terms[name]
	if !ok {
		names := make([]string, 0, len(terms))
		for n := range terms {
			names = append(names, n)
		}
		sort.Strings(names)
		return nil, fmt.Errorf("unknown term %s%s", shown(name), suggest(name, names))
	}
	params := make([]Param, len(decl.Params))
	args := make([]string, len(decl.Params))
	for i, prm := range decl.Params {
		params[i] = Param{Name: prm.Name.Name, Type: typeExprText(prm.Type)}
		args[i] = prm.Name.Name
	}
	src := name
	if decl.Params != nil {
		src += "(" + strings.Join(args, ", ") + ")"
	}
	return p.CompileWithParams(ag.id, name, []byte(src), params...)
}

// typeText writes a type as the language does.
func typeExprText(te *lang.TypeExpr) string {
	if te == nil {
		return ""
	}
	if te.Name == nil {
		return "list of " + typeExprText(te.ListOf)
	}
	return te.Name.Name
}

// Params returns the expression's parameters, in order.
func (x *Expr) Params() []Param {
	out := make([]Param, len(x.params))
	for i, p := range x.params {
		out[i] = p.Param
	}
	return out
}

// EvalWith evaluates the expression with a value for each parameter, in
// order. A value must be of its parameter's type (money in the agreement's
// currency, a member of its kind, a party of the agreement, a record of its
// action; an integer for a decimal), else the error is an *ArgError;
// otherwise errors and opts are as for Eval. It allocates nothing beyond the
// expression's own values, and the Expr may be used from many goroutines.
func (x *Expr) EvalWith(ctx context.Context, opts EvalOptions, args ...types.Value) (types.Value, error) {
	return x.evalWith(ctx, opts, nil, args)
}

// evalWith is EvalWith, recording in tr (when not nil) the exceptions to
// terms that gave a value (exception_trace.go).
func (x *Expr) evalWith(ctx context.Context, opts EvalOptions, tr *exceptionTrace, args []types.Value) (types.Value, error) {
	if err := ctxErr(ctx); err != nil {
		return types.Value{}, err
	}
	if len(args) != len(x.params) {
		return types.Value{}, x.arityError(len(args))
	}
	i := len(x.nodes) - 1
	if !opts.AsOf.IsZero() {
		// The agreement itself is never left out (SPEC 9.3): as of a day
		// before it takes effect, the agreement as first made answers.
		i = 0
		for j, v := range x.ag.versions {
			if !v.from.After(opts.AsOf) {
				i = j
			}
		}
	}
	fr := x.p.getFrame(ctx, opts.AsOf)
	defer x.p.putFrame(fr)
	if opts.StepBudget > 0 {
		fr.budget = opts.StepBudget
	}
	fr.exc = tr
	for k := range args {
		v, err := x.arg(k, args[k])
		if err != nil {
			return types.Value{}, err
		}
		fr.stack = append(fr.stack, v)
	}
	fr.args = fr.stack[:len(args):len(args)]
	if x.event >= 0 {
		fr.event = fr.args[x.event].Record()
	}
	return x.nodes[i].eval(fr)
}

func (x *Expr) arityError(n int) error {
	decl := make([]string, len(x.params))
	for i, p := range x.params {
		decl[i] = p.Name + " " + p.typ.String()
	}
	plural := "s"
	if len(x.params) == 1 {
		plural = ""
	}
	return &ArgError{Expr: x.name, Msg: fmt.Sprintf("takes %d argument%s (%s), given %d",
		len(x.params), plural, strings.Join(decl, ", "), n)}
}

// arg checks argument k against its parameter's type, widening an
// integer given for a decimal.
func (x *Expr) arg(k int, v types.Value) (types.Value, error) {
	p := &x.params[k]
	if b, ok := p.typ.(*lang.Basic); ok && b.Kind == lang.DecimalKind && v.Kind() == types.KindInteger {
		return types.DecimalValue(v.Num()), nil
	}
	if msg := x.misfit(v, p.typ); msg != "" {
		return types.Value{}, &ArgError{Expr: x.name, Param: p.Name, Msg: msg}
	}
	return v, nil
}

// misfit says why v is not a value of type t, or returns "".
func (x *Expr) misfit(v types.Value, t lang.Type) string {
	want := func() string { return fmt.Sprintf("must be %s, not %s", t, describeValue(v)) }
	switch t := t.(type) {
	case *lang.Basic:
		if k, _ := basicKind(t.Kind); v.Kind() != k {
			return want()
		}
		if v.Kind() == types.KindParty && !x.ag.parties[v.Str()] {
			return fmt.Sprintf("unknown party %s%s", shown(v.Str()), suggest(v.Str(), x.ag.partyNames()))
		}
	case *lang.Money:
		if v.Kind() != types.KindMoney || v.Str() != t.Currency {
			return want()
		}
	case *lang.Enum:
		if v.Kind() != types.KindEnum || v.EnumIndex() < 0 || v.EnumIndex() >= int64(len(t.Decl.Members)) || t.Decl.Members[v.EnumIndex()].Name != v.Str() {
			return want()
		}
	case *lang.Record:
		if v.Kind() != types.KindRecord || v.Record() == nil || schemaOf(v.Record().Schema) == nil || schemaOf(v.Record().Schema).decl != t.Schema {
			return want()
		}
		if err := schemaOf(v.Record().Schema).check(v.Record()); err != nil {
			return err.Error()
		}
	case *lang.List:
		if v.Kind() != types.KindList {
			return want()
		}
		if t.Elem == nil {
			return ""
		}
		for i, e := range v.List() {
			if msg := x.misfit(e, t.Elem); msg != "" {
				return fmt.Sprintf("element %d: %s", i+1, msg)
			}
		}
	default:
		return want()
	}
	return ""
}

// describeValue names the type of v for an error message: money(EUR),
// sell, a kind's member.
func describeValue(v types.Value) string {
	switch v.Kind() {
	case types.KindMoney:
		return "money(" + v.Str() + ")"
	case types.KindRecord:
		if v.Record() != nil && v.Record().Schema != nil {
			return v.Record().Schema.Name()
		}
	case types.KindEnum:
		return "the member " + v.Str()
	}
	return v.Kind().String()
}
