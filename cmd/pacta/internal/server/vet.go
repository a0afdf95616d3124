package server

import (
	"net/http"
)

// vet answers GET /v1/vet: what Program.Vet finds in the agreements
// served (conflicts, dead clauses, money that does not add up, prose
// that disagrees with its logic; SPEC 14), as VetReport's JSON. The
// answer is 200 whatever is found: findings are the answer, not an
// error.
func (s *Server) vet(w http.ResponseWriter, r *http.Request, st *state) {
	rep, err := st.prog.Vet(r.Context())
	if err != nil {
		writeError(w, classify(err, ""))
		return
	}
	w.Header().Set("Content-Type", ctJSON)
	writeJSON(w, rep)
}
