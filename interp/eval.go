package interp

import (
	"context"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// Expr is an expression compiled against a program, ready to be evaluated
// many times and from many goroutines. (lang.Expr is its syntax tree.)
type Expr struct {
	p     *Program
	ag    *agreement
	typ   lang.Type
	nodes []node // one per version of the agreement
	// name and params are set by CompileWithParams (see params.go).
	name   string
	params []param
	event  int // the parameter read as the event in scope; -1 for none
}

// GivenValue gives a name a value for an expression: the REPL's `given`.
type GivenValue struct {
	Given *lang.Given
	Value types.Value
	Type  lang.Type
}

// EvalOptions adjusts an evaluation.
type EvalOptions struct {
	// AsOf selects the version of the agreement (and is what builtins see
	// as the as-of date). The zero Date means the latest version.
	AsOf types.Date
	// StepBudget, when positive, replaces the program's step budget
	// (WithStepBudget) for this evaluation.
	StepBudget int64
}

// CompileExpr parses, checks and compiles an expression in the scope of
// an agreement ("" for the only one) as amended. name is used in error
// positions (for example "<repl>").
//
// An error unwraps to ErrUnknownAgreement, or is a lang.ErrorList of
// positioned problems with the expression.
func (p *Program) CompileExpr(agreementID, name string, src []byte, bindings ...GivenValue) (*Expr, error) {
	e, errs := lang.ParseExpr(name, src)
	if len(errs) > 0 {
		return nil, errs
	}
	return p.CompileParsedExpr(agreementID, e, bindings...)
}

// CompileParsedExpr is CompileExpr for an expression already parsed.
func (p *Program) CompileParsedExpr(agreementID string, e lang.Expr, bindings ...GivenValue) (*Expr, error) {
	ag, err := p.agreementFor(agreementID)
	if err != nil {
		return nil, err
	}
	scope, err := p.info.Scope(ag.id)
	if err != nil {
		return nil, err
	}
	lb := make([]lang.Binding, len(bindings))
	givens := make(map[*lang.Given]types.Value, len(bindings))
	for i, b := range bindings {
		lb[i] = lang.Binding{Given: b.Given, Type: b.Type}
		givens[b.Given] = b.Value
	}
	extra, typ, errs := scope.CheckExpr(e, lb)
	if len(errs) > 0 {
		return nil, errs
	}
	x := &Expr{p: p, ag: ag, typ: typ, name: e.Pos().File, event: -1}
	for _, v := range ag.versions {
		c := *v.comp
		c.extra = extra
		c.givens = givens
		c.done = map[*lang.TermDecl]*term{}
		n, err := c.expr(e)
		if err != nil {
			return nil, err
		}
		x.nodes = append(x.nodes, n)
	}
	return x, nil
}

// Type returns the type of the expression.
func (x *Expr) Type() lang.Type { return x.typ }

// Eval evaluates the expression. An error is an *EvalError positioned in
// the expression, which unwraps to its cause: ErrBudget, ErrCurrency,
// types.ErrDivisionByZero, types.ErrOutOfRange or the context's error.
// An expression with parameters is evaluated with EvalWith.
func (x *Expr) Eval(ctx context.Context, opts EvalOptions) (types.Value, error) {
	return x.EvalWith(ctx, opts)
}

// Eval compiles and evaluates an expression in one step.
//
// An error is one CompileExpr or Expr.Eval returns.
func (p *Program) Eval(ctx context.Context, agreementID, src string, opts EvalOptions) (types.Value, error) {
	x, err := p.CompileExpr(agreementID, "<expr>", []byte(src))
	if err != nil {
		return types.Value{}, err
	}
	return x.Eval(ctx, opts)
}
