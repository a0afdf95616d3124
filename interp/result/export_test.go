package result

import (
	"github.com/pacta-lang/pacta/interp/internal/textfmt"
	"github.com/pacta-lang/pacta/interp/types"
)

// What the tests in package result_test (which settle with package
// interp) check of this package's insides.

// GroupPeriods is st.groupPeriods.
func (st *Statement) GroupPeriods(looks *int) []periodGroup { return st.groupPeriods(looks) }

// Periods is the periods of st.periods, in order.
func (st *Statement) Periods() []types.Period {
	var ps []types.Period
	for _, g := range st.periods() {
		ps = append(ps, g.period)
	}
	return ps
}

// DecisionJSONReference is the JSON of d as encoding/json writes the
// documented shape: what Decision.AppendJSON must equal.
func DecisionJSONReference(d *Decision) ([]byte, error) {
	return textfmt.MarshalCompact(decisionJSON(d))
}

// JSONClause is the JSON shape of a clause.
type JSONClause = jsonClause
