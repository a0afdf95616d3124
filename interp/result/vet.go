package result

import (
	"encoding/json"

	"github.com/pacta-lang/pacta/interp/internal/textfmt"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// VetSeverity says how much a finding matters: an error (a conflict a
// decision can meet), a warning (a clause or figure that is almost
// certainly not what the drafter meant) or info (worth knowing, such as
// actions no clause speaks to).
type VetSeverity string

// The severities of findings.
const (
	VetError   VetSeverity = "error"
	VetWarning VetSeverity = "warning"
	VetInfo    VetSeverity = "info"
)

// The kinds of finding (SPEC 14).
const (
	VetConflict       = "conflict"
	VetDeadClause     = "dead-clause"
	VetAlwaysLoses    = "always-overridden"
	VetOverrideNoMeet = "override-without-overlap"
	VetCoverage       = "coverage"
	VetNotAnalysed    = "not-analysed"
	VetMoney          = "money"
	VetProse          = "prose"
)

// VetFinding is one thing vet found.
type VetFinding struct {
	Kind      string
	Severity  VetSeverity
	Pos       lang.Pos
	Agreement string
	// Clauses are the clauses involved, the one at Pos first.
	Clauses []*ClauseInfo
	Message string
	// Witness is an action that shows the finding, when the finding claims
	// something can happen.
	Witness *VetWitness
}

// VetWitness is an action instance that shows a finding: fed to
// interp.Program.Decide (or `pacta decide --action`) with the as-of date, it gets Answer.
type VetWitness struct {
	// Action is the action as JSON, in the form interp.Program.ParseActionJSON reads.
	Action string
	// AsOf is the as-of date to decide with, or the zero Date for the
	// action's own date.
	AsOf types.Date
	// Answer says what the witness shows, in words: what `pacta decide`
	// answers, or how a settlement counts it.
	Answer string
	// Record is the action as a record, to decide or settle.
	Record *types.Record
	// Rows is how many rows of the action the ledger that confirms a
	// money finding has, and Warm how many of them come before those
	// measured (rows that pass tier thresholds or recoup an advance); 0
	// for a decision.
	Rows, Warm int
}

// VetReport is what interp.Program.Vet found, sorted by position.
type VetReport struct {
	Findings []VetFinding
}

// Failed reports whether any finding is an error or a warning; info does
// not fail.
func (r *VetReport) Failed() bool {
	for _, f := range r.Findings {
		if f.Severity != VetInfo {
			return true
		}
	}
	return false
}

// Count returns the number of findings of a severity.
func (r *VetReport) Count(s VetSeverity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// MarshalJSON writes a finding with positions as file:line:col and the
// witness's action as a JSON object.
func (f VetFinding) MarshalJSON() ([]byte, error) {
	j := vetFindingJSON{Kind: f.Kind, Severity: f.Severity, Pos: f.Pos.String(), Agreement: f.Agreement, Message: f.Message, Clauses: []vetClauseJSON{}}
	for _, c := range f.Clauses {
		j.Clauses = append(j.Clauses, vetClauseJSON{c.Num, c.Title, c.Amendment, c.Pos.String()})
	}
	if w := f.Witness; w != nil {
		j.Witness = &vetWitnessJSON{Action: json.RawMessage(w.Action), Answer: w.Answer}
		if !w.AsOf.IsZero() {
			j.Witness.AsOf = w.AsOf.String()
		}
	}
	return textfmt.MarshalCompact(j)
}

// MarshalJSON writes the report as {"findings": [...], "errors": N,
// "warnings": N, "infos": N}.
func (r VetReport) MarshalJSON() ([]byte, error) {
	fs := r.Findings
	if fs == nil {
		fs = []VetFinding{}
	}
	return textfmt.MarshalCompact(struct {
		Findings []VetFinding `json:"findings"`
		Errors   int          `json:"errors"`
		Warnings int          `json:"warnings"`
		Infos    int          `json:"infos"`
	}{fs, r.Count(VetError), r.Count(VetWarning), r.Count(VetInfo)})
}

type vetClauseJSON struct {
	Num       string `json:"num"`
	Title     string `json:"title"`
	Amendment string `json:"amendment,omitempty"`
	Pos       string `json:"pos"`
}

type vetWitnessJSON struct {
	Action json.RawMessage `json:"action"`
	AsOf   string          `json:"as_of,omitempty"`
	Answer string          `json:"answer"`
}

type vetFindingJSON struct {
	Kind      string          `json:"kind"`
	Severity  VetSeverity     `json:"severity"`
	Pos       string          `json:"pos"`
	Agreement string          `json:"agreement"`
	Clauses   []vetClauseJSON `json:"clauses"`
	Message   string          `json:"message"`
	Witness   *vetWitnessJSON `json:"witness,omitempty"`
}
