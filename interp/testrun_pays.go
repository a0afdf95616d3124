package interp

import (
	"context"

	"github.com/pacta-lang/pacta/lang"
)

// expectPays settles the test's events and compares what the payer owes
// the payee for the period.
func (t *testRun) expectPays(ctx context.Context, s *lang.ExpectPays) {
	t.fail(s.Pos(), "expect ... pays ... needs settlement, which this build does not have yet")
}
