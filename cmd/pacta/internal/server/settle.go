package server

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// parsePeriod reads the period query parameter as pacta settle --period
// does: 2027-Q1, 2027-H1, 2027-03, 2027, or a fiscal period (FY2027,
// FY2027-Q1, FY2027-H1) counted by the fiscal year of the agreement
// settled, the one named or the only one.
func parsePeriod(p *interp.Program, agreement, text string) (types.Period, *apiError) {
	if !strings.HasPrefix(text, "FY") {
		per, err := types.ParsePeriod(text)
		if err != nil {
			return per, badRequest("bad_query", fmt.Sprintf("period: %v", err))
		}
		return per, nil
	}
	var found []*lang.AgreementInfo
	for _, ai := range p.Info().Agreements {
		if agreement == "" || ai.Decl.ID.Name == agreement {
			found = append(found, ai)
		}
	}
	switch {
	case len(found) == 0:
		return types.Period{}, &apiError{Status: http.StatusNotFound, Code: "unknown_agreement",
			Message: fmt.Sprintf("no agreement %q is loaded", agreement)}
	case len(found) > 1:
		return types.Period{}, badRequest("agreement_required",
			fmt.Sprintf("%s is a fiscal period: name the agreement whose fiscal year it counts with ?agreement=", text))
	}
	per, err := types.ParseFiscalPeriod(text, found[0].FiscalStart)
	if err != nil {
		return per, badRequest("bad_query", fmt.Sprintf("period: %v", err))
	}
	return per, nil
}

// settle answers POST /v1/settle. The body is a ledger, CSV (text/csv) or
// JSON Lines (application/x-ndjson), streamed through
// interp.Program.Settle as it arrives; its rows are named body:LINE. The
// query may give agreement, period (2027-Q1, 2027-H1, 2027-03, 2027,
// FY2027-Q1: see parsePeriod) or
// from and to, as_of, and breaches=all. The answer is the statement as
// interp.Statement.WriteJSON writes it (`pacta settle --format json`),
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
