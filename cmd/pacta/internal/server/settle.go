package server

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

// parsePeriod reads the period query parameter as pacta settle --period
// does, through Program.ParsePeriod: 2027-Q1, 2027-H1, 2027-03, 2027, or
// a fiscal period counted by the fiscal year of the agreement settled.
func parsePeriod(p *interp.Program, agreement, text string) (types.Period, *apiError) {
	per, err := p.ParsePeriod(agreement, text)
	switch {
	case err == nil:
		return per, nil
	case errors.Is(err, interp.ErrUnknownAgreement) && agreement == "":
		return per, badRequest("agreement_required", err.Error()+" with ?agreement=")
	case errors.Is(err, interp.ErrUnknownAgreement):
		return per, &apiError{Status: http.StatusNotFound, Code: "unknown_agreement", Message: err.Error()}
	}
	return per, badRequest("bad_query", fmt.Sprintf("period: %v", err))
}

// settle answers POST /v1/settle. The body is a ledger, CSV (text/csv) or
// JSON Lines (application/x-ndjson), streamed through
// interp.Program.Settle as it arrives; its rows are named body:LINE. The
// query may give agreement, period (2027-Q1, 2027-H1, 2027-03, 2027,
// FY2027-Q1: see parsePeriod) or
// from and to, as_of, and breaches=all. The answer is the statement as
// result.Statement.WriteJSON writes it (`pacta settle --format json`),
// written only once the whole ledger is settled: a bad row is an error
// naming its line, and nothing of the statement is sent.
func (s *Server) settle(w http.ResponseWriter, r *http.Request, st *state) {
	q := r.URL.Query()
	opts := interp.SettleOptions{Agreement: q.Get("agreement")}
	if q.Get("period") != "" {
		if q.Get("from") != "" || q.Get("to") != "" {
			writeError(w, badRequest("bad_query", "give either period or from and to, not both"))
			return
		}
		p, err := parsePeriod(st.prog, opts.Agreement, q.Get("period"))
		if err != nil {
			writeError(w, err)
			return
		}
		opts.From, opts.To = p.Start(), p.End()
	}
	for _, f := range []struct {
		name string
		dst  *types.Date
	}{{"from", &opts.From}, {"to", &opts.To}, {"as_of", &opts.AsOf}} {
		if v := q.Get(f.name); v != "" {
			d, err := types.ParseDate(v)
			if err != nil {
				writeError(w, badRequest("bad_query", fmt.Sprintf("%s: %v", f.name, err)))
				return
			}
			*f.dst = d
		}
	}
	if !opts.From.IsZero() && !opts.To.IsZero() && opts.To.Before(opts.From) {
		writeError(w, badRequest("bad_query", fmt.Sprintf("to %s is before from %s", opts.To, opts.From)))
		return
	}
	switch b := q.Get("breaches"); b {
	case "", "summary":
	case "all":
		opts.BreachSample = -1
	default:
		writeError(w, badRequest("bad_query", fmt.Sprintf("breaches %q: use summary or all", b)))
		return
	}
	budget, ae := s.stepBudget(r, 0)
	if ae != nil {
		writeError(w, ae)
		return
	}
	opts.StepBudget = budget
	p := st.prog
	var events = p.ReadCSV
	switch mt := mediaType(r); {
	case mt == ctCSV:
	case isJSONLines(mt):
		events = p.ReadJSONL
	default:
		writeError(w, unsupported(mt, ctCSV, ctNDJSON))
		return
	}
	stmt, err := p.Settle(r.Context(), events(opts.Agreement, "body", r.Body), opts)
	if err != nil {
		writeError(w, classifyAgreement(err, opts.Agreement))
		return
	}
	w.Header().Set("Content-Type", ctJSON)
	if err := stmt.WriteJSON(w); err != nil {
		s.log.Warn("writing a statement", "error", err)
	}
}
