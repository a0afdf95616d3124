package render

import (
	"context"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

type statementDoc struct{}

// Ledger is a ledger to settle for the statement.
type Ledger struct {
	Name   string
	Data   []byte
	Format string
	Period types.Period
}

func statement(ctx context.Context, prog *interp.Program, ai *lang.AgreementInfo, opts Options, r *reader) (*statementDoc, error) {
	return nil, nil
}
