package interp

import "github.com/pacta-lang/pacta/interp/types"

// startOf is what PeriodOf needs besides the kind and the date for periods
// of kind k in this agreement: the fiscal start month, or the contract
// year's first day as MMDD.
func (a *agreement) startOf(k types.PeriodKind) int {
	if k == types.PeriodContractYear {
		return a.contractStart
	}
	return a.fiscalStart
}
