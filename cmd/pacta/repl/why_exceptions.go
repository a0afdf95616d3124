package repl

import (
	"context"

	"github.com/pacta-lang/pacta/interp"
)

// whyExceptions says which exceptions to terms (SPEC 4.8) gave a term of
// the answer its value: `exception 6.3 to term rebate_rate applied`.
func (s *Session) whyExceptions(ctx context.Context, a *answer) {
	x, err := s.prog.CompileParsedExpr(s.agreement(), a.expr, s.bindings()...)
	if err != nil {
		return
	}
	_, used, err := x.EvalExplained(ctx, interp.EvalOptions{AsOf: a.asOf})
	if err != nil {
		return
	}
	for _, u := range used {
		s.printf("exception:  %s to term %s applied: its condition holds, and no other exception that applies overrides it\n", u.Exception, u.Term)
	}
}
