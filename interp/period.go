package interp

import (
	"strings"

	"github.com/pacta-lang/pacta/interp/types"
)

// ParsePeriod reads a period as every command and the REPL take it:
// 2027, 2027-H1, 2027-Q1 or 2027-03 (see types.ParsePeriod), or a fiscal
// period, FY2027, FY2027-H1 or FY2027-Q1, counted by the fiscal year of
// agreement agreementID (SPEC 11.4). agreementID may be "" when the program
// holds one agreement; a fiscal period with "" and several agreements is
// an error wrapping ErrUnknownAgreement that says to name one, as is an id
// that names no loaded agreement.
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
