package interp

import (
	"context"
)

// DefaultStepBudget is the number of evaluation steps one question may take
// unless the host sets another budget.
const DefaultStepBudget = 1_000_000

// frame is the state of one evaluation: the context, the remaining step
// budget, the as-of date, the event a clause is looking at, and the
// arguments of the term being evaluated.
type frame struct {
	ctx    context.Context
	budget int64
	event  *Record
	args   []Value
	stack  []Value
	call   Call
	// owed answers `owed by … for PERIOD` while a ledger is settled; nil
	// otherwise.
	owed func(payer, payee string, p Period, clause string) (Decimal, error)
	// applied and by are a decision's scratch space, kept with the frame
	// so that deciding in a loop allocates nothing.
	applied, by []*rule
}

// step spends one unit of budget, and checks the context every 256 steps.
func (fr *frame) step() error {
	fr.budget--
	if fr.budget < 0 {
		return ErrBudget
	}
	if fr.budget&255 == 0 && fr.ctx != nil {
		if err := fr.ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

func newFrame(ctx context.Context, budget int64, asOf Date) *frame {
	if budget <= 0 {
		budget = DefaultStepBudget
	}
	return &frame{ctx: ctx, budget: budget, call: Call{ctx: ctx, asOf: asOf}, stack: make([]Value, 0, 32)}
}
