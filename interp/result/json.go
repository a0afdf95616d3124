package result

import (
	"bytes"
	"encoding/json"

	"github.com/pacta-lang/pacta/interp/internal/textfmt"
)

// MarshalJSON encodes the statement as one JSON object: the document
// WriteJSON writes, without its indentation, listing the breaches the
// statement kept. Package interp/schema documents the shape and its
// conventions (amounts as exact decimal strings, dates as YYYY-MM-DD) and
// pins it with the schema Statement. MarshalJSON holds the whole document
// in memory; WriteJSON and WriteJSONAll write it as it is made.
func (st Statement) MarshalJSON() ([]byte, error) {
	var doc bytes.Buffer
	if err := st.WriteJSON(&doc); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Compact(&out, doc.Bytes()); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// MarshalJSON encodes the decision as one JSON object in the shape that
// package interp/schema documents and its schema Decision pins.
// It is written by hand (AppendJSON), with the bytes encoding/json gives.
func (d Decision) MarshalJSON() ([]byte, error) { return d.AppendJSON(make([]byte, 0, 2048)), nil }

// MarshalJSON encodes the test report as one JSON object in the shape
// that package interp/schema documents and its schema TestReport pins.
func (r TestReport) MarshalJSON() ([]byte, error) {
	out := jsonTestReport{Tests: []jsonTest{}, Unexercised: []*jsonClause{}}
	for _, t := range r.Results {
		jt := jsonTest{Name: t.Name, Agreement: t.Agreement, Amendment: t.Amendment, Position: t.Pos.String(),
			Passed: t.Passed(), Failures: []jsonTestFailure{}}
		for _, f := range t.Failures {
			jt.Failures = append(jt.Failures, jsonTestFailure{Position: f.Pos.String(), Message: f.Msg})
		}
		if jt.Passed {
			out.Passed++
		} else {
			out.Failed++
		}
		out.Tests = append(out.Tests, jt)
	}
	for _, c := range r.Unexercised {
		out.Unexercised = append(out.Unexercised, clauseJSON(c))
	}
	return textfmt.MarshalCompact(out)
}

// This file gives each answer its JSON encoding: Decision, Statement and
// TestReport implement json.Marshaler, and their WriteJSON methods (in
// render.go) write the same bytes. The shapes are pinned by the JSON
// Schemas in package interp/schema, which the tests validate every bundled
// example's answers against.
