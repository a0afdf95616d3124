package main

import (
	"encoding/json"
	"errors"
	"io"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// problemJSON is one problem in the JSON output of check and eval:
//
//	{"file": "deal.pacta", "line": 9, "col": 5,
//	 "message": "unknown party \"sellr\"", "hint": "did you mean \"seller\"?"}
//
// line and col count from 1 (col in characters); both are 0, and file is
// "", for a problem with no position in a source (a file that cannot be
// read, say), whose message then names what it is about. hint is "" when
// there is none. Every member is always present.
type problemJSON struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
	Hint    string `json:"hint"`
}

// problemsJSON turns err into problems: each problem of a lang.ErrorList
// (sorted; the entry counting problems not kept is left out, and its count
// returned as omitted), an evaluation error at its position, or anything
// else as one problem without a position.
func problemsJSON(err error) (out []problemJSON, omitted int) {
	out = []problemJSON{}
	var errs lang.ErrorList
	var ie *interp.EvalError
	switch {
	case errors.As(err, &errs):
		errs.Sort()
		for _, e := range errs {
			if e.Omitted > 0 {
				omitted += e.Omitted
				continue
			}
			out = append(out, problemJSON{e.Pos.File, e.Pos.Line, e.Pos.Col, e.Msg, e.Hint})
		}
	case errors.As(err, &ie) && ie.Pos.IsValid():
		out = append(out, problemJSON{ie.Pos.File, ie.Pos.Line, ie.Pos.Col, ie.Msg, ""})
	case err != nil:
		out = append(out, problemJSON{Message: err.Error()})
	}
	return out, omitted
}

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
