// Package problems writes the problems of agreements, expressions and
// evaluations as positioned records, in the JSON shape that pacta check
// --format json, pacta eval --format json and pacta serve share:
//
//	{"file": "deal.pacta", "line": 9, "col": 5,
//	 "message": "unknown party \"sellr\"", "hint": "did you mean \"seller\"?"}
package problems

import (
	"errors"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// Problem is one problem. Line and Col count from 1 (Col in characters);
// both are 0, and File is "", for a problem with no position in a source
// (a file that cannot be read, say), whose message then names what it is
// about. Hint is "" when there is none. Every member is always present.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
	Hint    string `json:"hint"`
}

// Of turns err into problems: each problem of a lang.ErrorList (sorted;
// the entry counting problems not kept is left out, and its count
// returned as omitted), an evaluation error at its position, or anything
// else as one problem without a position. A nil err gives none (an empty
// list, never nil, so that it marshals as []).
func Of(err error) (out []Problem, omitted int) {
	out = []Problem{}
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
			out = append(out, Problem{e.Pos.File, e.Pos.Line, e.Pos.Col, e.Msg, e.Hint})
		}
	case errors.As(err, &ie) && ie.Pos.IsValid():
		out = append(out, Problem{ie.Pos.File, ie.Pos.Line, ie.Pos.Col, ie.Msg, ""})
	case err != nil:
		out = append(out, Problem{Message: err.Error()})
	}
	return out, omitted
}
