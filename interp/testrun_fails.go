package interp

import (
	"context"
	"errors"
	"strings"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// expectFails runs `expect EXPR fails "message"` (SPEC 10.2): evaluating
// EXPR, deciding it when it is an action instance, or checking its
// preconditions when it is an event instance, must fail a precondition
// whose message is the one expected.
func (t *testRun) expectFails(ctx context.Context, s *lang.ExpectFails) {
	subject := lang.FormatExpr(s.Subject)
	v, err := t.eval(ctx, s.Subject)
	if err == nil && v.Kind() == types.KindRecord && !v.Record().Schema.Event() {
		var opts DecideOptions
		if t.explict {
			opts.AsOf = t.asOf
		}
		var d *result.Decision
		d, err = t.p.Decide(ctx, v.Record(), opts)
		if err == nil {
			for _, a := range d.Applied {
				t.covered[a.Clause.Decl] = true
			}
			t.fail(s.Pos(), "expected %s to fail with %q, but it is %s", subject, s.Message.Value, d.String())
			return
		}
	}
	if err == nil && v.Kind() == types.KindRecord && v.Record().Schema.Event() && !schemaOf(v.Record().Schema).item && schemaOf(v.Record().Schema).agreement == t.ag {
		// An event is not decided; its preconditions are what a
		// settlement would ask of it on its date.
		date := v.Record().Fields[schemaOf(v.Record().Schema).dateIdx()].Date()
		fr := t.p.newFrame(ctx, date)
		err = recordPre(t.ag, t.ag.versionAt(date), v.Record(), fr)
	}
	if err == nil {
		t.fail(s.Pos(), "expected %s to fail with %q, but it is %s", subject, s.Message.Value, v)
		return
	}
	var pe *PreconditionError
	if !errors.As(err, &pe) {
		t.fail(s.Pos(), "expected %s to fail with %q, but it failed otherwise: %v", subject, s.Message.Value, err)
		return
	}
	if num, ok := strings.CutPrefix(pe.Of, "clause "); ok {
		// The clause was consulted: its precondition is what failed.
		for _, v := range t.ag.versions {
			for _, c := range v.clauses {
				if c.Num == num {
					t.covered[c.Decl] = true
				}
			}
		}
	}
	if pe.Message != s.Message.Value {
		t.fail(s.Pos(), "expected %s to fail with %q, but it failed with %q (%s)", subject, s.Message.Value, pe.Message, pe.Pos)
	}
}
