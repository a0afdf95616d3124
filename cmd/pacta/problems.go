package main

import (
	"encoding/json"
	"io"

	"github.com/pacta-lang/pacta/cmd/pacta/internal/problems"
)

// problemJSON is one problem in the JSON output of check and eval (the
// shape package problems documents).
type problemJSON = problems.Problem

// problemsJSON turns err into problems (problems.Of).
func problemsJSON(err error) ([]problemJSON, int) { return problems.Of(err) }

// writeJSON writes v as JSON followed by a newline: indented by two
// spaces, or on one line. Characters such as < and > are written as they
// are, not escaped for HTML.
func writeJSON(w io.Writer, v any, indent bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}
