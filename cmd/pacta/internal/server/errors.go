package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/pacta-lang/pacta/cmd/pacta/internal/problems"
	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// apiError is an error response: {"error": {...}} with Status.
type apiError struct {
	Status   int    `json:"-"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Position string `json:"position,omitempty"`
	Field    string `json:"field,omitempty"`
	// Problems lists every problem of a source that does not compile
	// (check's shape), when there are several.
	Problems []problem `json:"problems,omitempty"`
}

func (e *apiError) Error() string { return e.Message }

// writeError writes e as the response.
func writeError(w http.ResponseWriter, e *apiError) {
	if sw, ok := w.(*statusWriter); ok {
		sw.errCode = e.Code // for the request log
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Del("Content-Length")
	w.WriteHeader(e.Status)
	writeJSON(w, struct {
		Error *apiError `json:"error"`
	}{e})
}

// writeJSON writes v on one line, followed by a newline, with <, > and &
// as they are (the library's JSON does not escape them either).
func writeJSON(w interface{ Write([]byte) (int, error) }, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func badRequest(code, msg string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: code, Message: msg}
}

func tooLarge(max int64) *apiError {
	return &apiError{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
		Message: fmt.Sprintf("the request body is larger than %d bytes (pacta serve --max-body)", max)}
}

func badJSON(err error, where string) *apiError {
	msg := "the body is not valid JSON"
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		msg += fmt.Sprintf(": %v (at byte %d)", se, se.Offset)
	case errors.As(err, &te):
		msg += fmt.Sprintf(": %v", te)
	case err != nil:
		msg += ": " + err.Error()
	}
	e := badRequest("bad_json", msg)
	e.Position = where
	return e
}

// problem is one positioned problem, in the shape of pacta check --format
// json (package problems).
type problem = problems.Problem

// problems turns err into a list of problems (problems.Of).
func problemsOf(err error) ([]problem, int) { return problems.Of(err) }

// classify turns an error from interp (or from reading the body) into an
// error response. where is the position of the input the error is about
// ("[2]", "body:3"), if the error carries none of its own.
func classify(err error, where string) *apiError {
	var ae *apiError
	var mbe *http.MaxBytesError
	var errs lang.ErrorList
	var ee *interp.EvalError
	var le *interp.LedgerError
	var fe *interp.FieldError
	var ar *interp.ArgError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &mbe):
		return tooLarge(mbe.Limit)
	case errors.Is(err, context.DeadlineExceeded):
		return &apiError{Status: http.StatusServiceUnavailable, Code: "timeout",
			Message: "the request took longer than its time limit (pacta serve --timeout)", Position: where}
	case errors.Is(err, context.Canceled):
		// The client went away; the status is for the log.
		return &apiError{Status: 499, Code: "canceled", Message: "the request was canceled"}
	case errors.As(err, &le):
		e := &apiError{Status: http.StatusUnprocessableEntity, Code: "bad_ledger", Message: le.Error(), Field: le.Field}
		if le.Source != "" && le.Line > 0 {
			e.Position = le.Source + ":" + strconv.Itoa(le.Line)
		}
		if errors.Is(err, interp.ErrTooLarge) {
			e.Code = "row_too_large"
		}
		return e
	case errors.Is(err, interp.ErrNotAnAction):
		return &apiError{Status: http.StatusUnprocessableEntity, Code: "not_an_action", Message: err.Error(), Position: where}
	case errors.Is(err, interp.ErrUnknownAgreement):
		return &apiError{Status: http.StatusNotFound, Code: "unknown_agreement", Message: err.Error(), Position: where}
	case errors.As(err, &errs):
		ps, _ := problemsOf(errs)
		e := &apiError{Status: http.StatusUnprocessableEntity, Code: "bad_source", Message: errs.Error(), Problems: ps}
		if len(ps) > 0 {
			e.Message = ps[0].Message
			e.Position = fmt.Sprintf("%s:%d:%d", ps[0].File, ps[0].Line, ps[0].Col)
			if len(ps) > 1 || errs.Total() > 1 {
				e.Message += fmt.Sprintf(" (and %d more problems)", errs.Total()-1)
			}
		}
		return e
	case errors.Is(err, interp.ErrBudget):
		e := &apiError{Status: http.StatusUnprocessableEntity, Code: "step_budget", Message: err.Error(), Position: where}
		if errors.As(err, &ee) && ee.Pos.IsValid() {
			e.Position = ee.Pos.String()
			e.Message = inItem(where, e.Message)
		}
		return e
	case errors.As(err, &ee):
		e := &apiError{Status: http.StatusUnprocessableEntity, Code: "eval_error", Message: ee.Msg, Position: where}
		if ee.Pos.IsValid() {
			// The position is the source's; the message names the
			// action of a batch it came from ([I] or body:LINE).
			e.Position = ee.Pos.String()
			e.Message = inItem(where, e.Message)
		}
		return e
	case errors.Is(err, interp.ErrUnknownAction):
		return &apiError{Status: http.StatusUnprocessableEntity, Code: "unknown_action", Message: err.Error(), Position: where}
	case errors.As(err, &fe):
		return &apiError{Status: http.StatusUnprocessableEntity, Code: "bad_field", Message: err.Error(), Position: where, Field: fe.Field}
	case errors.As(err, &ar):
		return &apiError{Status: http.StatusUnprocessableEntity, Code: "bad_argument", Message: err.Error(), Position: where}
	}
	return &apiError{Status: http.StatusUnprocessableEntity, Code: "error", Message: err.Error(), Position: where}
}

// inItem prefixes msg with the batch item it is about ("[1]: …",
// "body:2: …"), when there is one.
func inItem(where, msg string) string {
	if where == "" {
		return msg
	}
	return where + ": " + msg
}
