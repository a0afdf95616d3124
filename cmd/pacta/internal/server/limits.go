package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/pacta-lang/pacta/interp"
)

// stepBudget reads a request's own step budget: the query's step_budget
// (or want, from a JSON body, when the query gives none), which may be at
// most the server's (Config.StepBudget). 0 means none asked: the
// program's budget applies.
func (s *Server) stepBudget(r *http.Request, want int64) (int64, *apiError) {
	if v := queryValue(r, "step_budget"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, badRequest("bad_query", fmt.Sprintf("step_budget %q: give a whole number of steps", v))
		}
		want = n
	} else if want == 0 {
		return 0, nil
	}
	if want <= 0 {
		return 0, badRequest("bad_query", fmt.Sprintf("step_budget %d: give a positive number of steps", want))
	}
	if want > s.budget {
		return 0, badRequest("bad_query", fmt.Sprintf("step_budget %d: at most %d steps are allowed here (pacta serve --step-budget)", want, s.budget))
	}
	return want, nil
}

// within runs f in a goroutine of its own and returns what it returns,
// or the context's error if ctx is done first. It bounds in time what
// takes no context: compiling a source (check) or an expression (eval).
// A compilation past the deadline is abandoned, not stopped: it ends on
// its own, bounded by the body limit and the source limits, and its
// result is dropped.
func within[T any](ctx context.Context, hook func(), f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1) // buffered: an abandoned f does not block
	go func() {
		if hook != nil {
			hook()
		}
		v, err := f()
		done <- result{v, err}
	}()
	select {
	case res := <-done:
		return res.v, res.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// compile is interp.Compile bounded by the request's deadline.
func (s *Server) compile(ctx context.Context, srcs []interp.Source) (*interp.Program, error) {
	return within(ctx, s.compileHook, func() (*interp.Program, error) {
		return interp.Compile(srcs, s.cfg.Options...)
	})
}

// ctxDone reports whether err is a context's: the request's deadline
// passed or its client went away.
func ctxDone(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}
