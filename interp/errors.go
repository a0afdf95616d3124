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
	// ErrUnknownAgreement reports an agreement id that names no loaded
	// agreement, or an empty id when the program does not hold exactly
	// one agreement.
	ErrUnknownAgreement = errors.New("unknown agreement")
	// ErrUnknownAction reports an action or event name that the agreement
	// does not declare.
	ErrUnknownAction = errors.New("unknown action")
	// ErrNotAnAction reports an event given to Decide: an event is
	// settled, never permitted or prohibited.
	ErrNotAnAction = errors.New("not an action")
	// ErrNoFiles reports a path or pattern that names no agreement file.
	ErrNoFiles = errors.New("no files match")
)

// sentinelError is an error whose message is written for people and
// which unwraps to a sentinel that programs test with errors.Is.
type sentinelError struct {
	msg string
	err error
}

func (e *sentinelError) Error() string { return e.msg }
func (e *sentinelError) Unwrap() error { return e.err }

// errorf formats a message that unwraps to sentinel.
func errorf(sentinel error, format string, args ...any) error {
	return &sentinelError{msg: fmt.Sprintf(format, args...), err: sentinel}
}

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
