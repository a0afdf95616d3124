package interp

import (
	"context"
	"fmt"
	"strings"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
)

// This file says which exception to a term (SPEC 4.8) gave the term's
// value, for explanations: `:why` in the REPL and the notes of statement
// lines.

// exceptionTrace records the exceptions that gave a value, each once per
// row, in the order they first did. It is bounded: past maxTraced
// distinct exceptions, the rest are counted in more.
type exceptionTrace struct {
	used []result.ExceptionApplied
	last []int // per entry of used: the row it was last counted for
	row  int
	more bool
}

const maxTraced = 16

// add records that exception num to term gave a value for the current row.
func (t *exceptionTrace) add(term, num string) {
	for i := range t.used {
		if t.used[i].Exception == num && t.used[i].Term == term {
			if t.last[i] != t.row {
				t.used[i].Rows++
				t.last[i] = t.row
			}
			return
		}
	}
	if len(t.used) >= maxTraced {
		t.more = true
		return
	}
	t.used = append(t.used, result.ExceptionApplied{Term: term, Exception: num, Rows: 1})
	t.last = append(t.last, t.row)
}

// next starts a new row.
func (t *exceptionTrace) next() { t.row++ }

// note is a statement line's note: `term rate took exception 6.3 (for 2
// sell rows), exception 6.4 (for 1 sell row)`; "" when none applied.
func (t *exceptionTrace) note(what string) string {
	if t == nil || len(t.used) == 0 {
		return ""
	}
	var b strings.Builder
	for i, u := range t.used {
		switch {
		case i == 0:
			b.WriteString("term " + u.Term + " took ")
		case u.Term != t.used[i-1].Term:
			b.WriteString("; term " + u.Term + " took ")
		default:
			b.WriteString(", ")
		}
		rows := "rows"
		if u.Rows == 1 {
			rows = "row"
		}
		fmt.Fprintf(&b, "exception %s (for %d %s %s)", u.Exception, u.Rows, what, rows)
	}
	if t.more {
		b.WriteString("; and other exceptions")
	}
	return b.String()
}

// EvalExplained is EvalWith, and also says which exceptions to terms
// (SPEC 4.8) gave a term its value, in the order they first did; nil
// when none did.
func (x *Expr) EvalExplained(ctx context.Context, opts EvalOptions, args ...types.Value) (types.Value, []result.ExceptionApplied, error) {
	tr := &exceptionTrace{}
	v, err := x.evalWith(ctx, opts, tr, args)
	return v, tr.used, err
}

// reset empties t for the next period, keeping its storage.
func (t *exceptionTrace) reset() *exceptionTrace {
	if t == nil {
		return nil
	}
	t.used, t.last, t.more = t.used[:0], t.last[:0], false
	return t
}

// clauseExceptions are the exceptions an applying clause's condition
// took, while deciding with DecideOptions.Explain.
type clauseExceptions struct {
	clause *result.ClauseInfo
	used   []result.ExceptionApplied
}

// explainApplied fills the Exceptions of d's applying clauses.
func explainApplied(d *result.Decision, explained []clauseExceptions) {
	for _, e := range explained {
		for i := range d.Applied {
			if d.Applied[i].Clause == e.clause {
				d.Applied[i].Exceptions = e.used
			}
		}
	}
}
