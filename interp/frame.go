package interp

import (
	"context"
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// DefaultStepBudget is the number of evaluation steps one question may take
// unless the host sets another budget (WithStepBudget). A step is a bounded
// amount of work, spent as SPEC 13 lists (a call, an operation, a list
// element, a byte of text a function reads through Caller.Spend), so the
// budget bounds how long a question can take. The context is checked every
// 256 steps.
const DefaultStepBudget = 1_000_000

// ctxCheckEvery is how often, in steps, evaluation looks at its context:
// a step costs well under a microsecond, so a cancelled question stops
// within a fraction of a millisecond.
const ctxCheckEvery = 256

// errCallDepth reports terms calling each other more than lang.MaxTermDepth
// deep. The checker refuses an agreement whose terms could (SPEC 13), so a
// checked program never meets it; it stays as a second line of defence,
// so that no evaluation can exhaust the Go stack, which is fatal to the
// whole process rather than an error.
var errCallDepth = fmt.Errorf("terms call each other more than %d deep", lang.MaxTermDepth)

// frame is the state of one evaluation: the context, the remaining step
// budget, the as-of date, the event a clause is looking at, and the
// arguments of the term being evaluated.
type frame struct {
	ctx    context.Context
	budget int64
	event  *types.Record
	args   []types.Value
	stack  []types.Value
	// items holds the item each aggregate under way is looking at, by
	// its slot (collect.go).
	items []types.Value
	call  Caller
	// owed answers `owed by … for PERIOD` while a ledger is settled; nil
	// otherwise.
	owed func(payer, payee string, p types.Period, clause string) (types.Decimal, error)
	// applied and by are a decision's scratch space, kept with the frame
	// so that deciding in a loop allocates nothing.
	applied, by []*rule
	// exc, when set, records the exceptions to terms that gave a value
	// (exception_trace.go); nil otherwise, at no cost.
	exc *exceptionTrace
	// depth is how many term calls are under way, one inside the other;
	// it stays at most lang.MaxTermDepth (enter, leave).
	depth int
}

// enter starts the body of a term call, refusing one call more than
// lang.MaxTermDepth deep; leave ends it.
func (fr *frame) enter() error {
	if fr.depth >= lang.MaxTermDepth {
		return errCallDepth
	}
	fr.depth++
	return nil
}

func (fr *frame) leave() { fr.depth-- }

// step spends one unit of budget, and checks the context every
// ctxCheckEvery steps.
func (fr *frame) step() error {
	fr.budget--
	if fr.budget < 0 {
		return ErrBudget
	}
	if fr.budget%ctxCheckEvery == 0 && fr.ctx != nil {
		return ctxErr(fr.ctx)
	}
	return nil
}

// spend spends n units of budget (n >= 0), checking the context whenever
// the budget passes a multiple of ctxCheckEvery.
func (fr *frame) spend(n int64) error {
	old := fr.budget
	fr.budget -= n
	if fr.budget < 0 || fr.budget > old {
		fr.budget = -1
		return ErrBudget
	}
	if old/ctxCheckEvery != fr.budget/ctxCheckEvery && fr.ctx != nil {
		return ctxErr(fr.ctx)
	}
	return nil
}

// cancelled is the error of a question stopped by its context: it reads
// "cancelled" (SPEC 12.2) and unwraps to context.Canceled or
// context.DeadlineExceeded.
type cancelled struct{ cause error }

func (e *cancelled) Error() string {
	if e.cause == context.DeadlineExceeded {
		return "cancelled: the deadline passed"
	}
	return "cancelled"
}

func (e *cancelled) Unwrap() error { return e.cause }

// ctxErr returns the error for a question asked with ctx when ctx is
// done (cancelled, or past its deadline), else nil. Every entry point
// (Eval, Decide, Settle, RunTests) calls it before doing anything, so a
// question asked with a cancelled context is not answered.
func ctxErr(ctx context.Context) error {
	if ctx == nil {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return &cancelled{cause: err}
	}
	return nil
}

func newFrame(ctx context.Context, budget int64, asOf types.Date) *frame {
	if budget <= 0 {
		budget = DefaultStepBudget
	}
	fr := &frame{ctx: ctx, budget: budget, stack: make([]types.Value, 0, 32)}
	fr.call = Caller{ctx: ctx, asOf: asOf, fr: fr}
	return fr
}
