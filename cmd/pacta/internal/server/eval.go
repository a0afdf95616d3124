package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

// evalRequest is the JSON body of POST /v1/eval.
type evalRequest struct {
	Expr       string `json:"expr"`
	Agreement  string `json:"agreement"`
	AsOf       string `json:"as_of"`
	StepBudget int64  `json:"step_budget"` // 0: the server's
}

// evalResponse is its answer: the value as types.Value.MarshalJSON
// writes it, the value as Pacta writes it, and its type.
type evalResponse struct {
	Value types.Value `json:"value"`
	Text  string      `json:"text"`
	Type  string      `json:"type"`
}

// eval answers POST /v1/eval: {"expr": "20% of USD 1,000.00", "agreement":
// "...", "as_of": "YYYY-MM-DD"} (or the expression alone as text/plain,
// with agreement and as_of in the query). The expression sees the terms,
// parties and kinds of the agreement ("" for the only one loaded), as
// amended; it is named <expr> in positions.
func (s *Server) eval(w http.ResponseWriter, r *http.Request, st *state) {
	var req evalRequest
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, classify(err, ""))
		return
	}
	switch mt := mediaType(r); mt {
	case ctJSON, "":
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			writeError(w, badJSON(err, ""))
			return
		}
		if dec.More() {
			writeError(w, badJSON(errors.New("more than one JSON value"), ""))
			return
		}
	case ctText:
		q := r.URL.Query()
		req = evalRequest{Expr: string(body), Agreement: q.Get("agreement"), AsOf: q.Get("as_of")}
	default:
		writeError(w, unsupported(mt, ctJSON, ctText))
		return
	}
	if req.Expr == "" {
		writeError(w, badRequest("no_expr", `no expression given: send {"expr": "..."}`))
		return
	}
	var opts interp.EvalOptions
	budget, ae := s.stepBudget(r, req.StepBudget)
	if ae != nil {
		writeError(w, ae)
		return
	}
	opts.StepBudget = budget
	if req.AsOf != "" {
		d, err := types.ParseDate(req.AsOf)
		if err != nil {
			writeError(w, badRequest("bad_request", fmt.Sprintf("as_of: %v", err)))
			return
		}
		opts.AsOf = d
	}
	x, err := within(r.Context(), s.compileHook, func() (*interp.Expr, error) {
		return st.prog.CompileExpr(req.Agreement, "<expr>", []byte(req.Expr))
	})
	if err != nil {
		writeError(w, classifyAgreement(err, req.Agreement))
		return
	}
	v, err := x.Eval(r.Context(), opts)
	if err != nil {
		writeError(w, classify(err, ""))
		return
	}
	w.Header().Set("Content-Type", ctJSON)
	writeJSON(w, evalResponse{Value: v, Text: v.String(), Type: x.Type().String()})
}

// classifyAgreement is classify, telling an agreement not named, when
// several are loaded, from one that is not known.
func classifyAgreement(err error, agreement string) *apiError {
	if agreement == "" && errors.Is(err, interp.ErrUnknownAgreement) {
		return badRequest("agreement_required", err.Error()+"; name one (\"agreement\" in JSON, ?agreement= in a query)")
	}
	return classify(err, "")
}
