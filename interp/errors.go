package interp

import (
	"errors"
	"fmt"

	"github.com/pacta-lang/pacta/lang"
)

var (
	// ErrBudget reports an evaluation that used up its step budget.
	ErrBudget = errors.New("step budget exceeded")
	// ErrCurrency reports arithmetic or a comparison between amounts in
	// different currencies.
	ErrCurrency = errors.New("currency mismatch")
)

// EvalError is a failure during evaluation, positioned at the expression or
// clause that caused it. It unwraps to the underlying cause (for example
// ErrDivisionByZero, ErrBudget, context.Canceled).
type EvalError struct {
	Pos lang.Pos
	Msg string
	Err error
}

func (e *EvalError) Error() string {
	if e.Pos.IsValid() {
		return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
	}
	return e.Msg
}

func (e *EvalError) Unwrap() error { return e.Err }

// atPos positions err at pos unless it already carries a position.
func atPos(pos lang.Pos, err error) error {
	if err == nil {
		return nil
	}
	var e *EvalError
	if errors.As(err, &e) && e.Pos.IsValid() {
		return err
	}
	return &EvalError{Pos: pos, Msg: err.Error(), Err: err}
}
