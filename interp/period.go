package interp

import (
	"strings"

	"github.com/pacta-lang/pacta/interp/types"
)

// ParsePeriod reads a period as the commands take it: 2027, 2027-H1,
// 2027-Q1, 2027-03 (types.ParsePeriod), or FY2027, FY2027-H1, FY2027-Q1,
// counted by the fiscal year of agreement agreementID (SPEC 11.4; "" for
// the only one). An unknown id, or "" for a fiscal period in a program of
// several agreements, is an error wrapping ErrUnknownAgreement.
func (p *Program) ParsePeriod(agreementID, text string) (types.Period, error) {
	if !strings.HasPrefix(text, "FY") {
		return types.ParsePeriod(text)
	}
	if agreementID == "" && len(p.agreements) > 1 {
		return types.Period{}, errorf(ErrUnknownAgreement, "%s is a fiscal period: name the agreement whose fiscal year it counts", text)
	}
	a, err := p.agreementFor(agreementID)
	if err != nil {
		return types.Period{}, err
	}
	return types.ParseFiscalPeriod(text, a.fiscalStart)
}
