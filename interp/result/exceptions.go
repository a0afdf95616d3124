package result

import "fmt"

// ExceptionApplied is an exception to a term that gave the term its
// value.
type ExceptionApplied struct {
	Term      string // the term
	Exception string // the exception's number, as written: "6.3"
	// Rows is, in a statement line's explanation, how many ledger rows
	// it applied to; 1 for an expression.
	Rows int
}

// String names the exception as explanations print it: `exception 6.3 to
// term rate`.
func (e ExceptionApplied) String() string {
	return fmt.Sprintf("exception %s to term %s", e.Exception, e.Term)
}
