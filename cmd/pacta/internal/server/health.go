package server

import (
	"io/fs"
	"net/http"
	"time"

	"github.com/pacta-lang/pacta/interp/schema"
)

// healthJSON is the answer of GET /healthz.
type healthJSON struct {
	// Status is "ok", or "reload_failed" when the files on disk do not
	// compile and the last good version is still served.
	Status      string      `json:"status"`
	Agreements  []string    `json:"agreements"`
	Files       []string    `json:"files"`
	Generation  int64       `json:"generation"`
	LoadedAt    string      `json:"loaded_at"`
	ReloadError *reloadJSON `json:"reload_error"`
}

type reloadJSON struct {
	At       string    `json:"at"`
	Message  string    `json:"message"`
	Problems []problem `json:"problems"`
}

// healthz answers GET /healthz with 200 as long as a program is served,
// saying whether the last reload failed.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request, st *state) {
	h := healthJSON{Status: "ok", Agreements: st.prog.Agreements(), Files: st.files,
		Generation: st.gen, LoadedAt: st.loadedAt.Format(time.RFC3339)}
	if le := s.loadErr.Load(); le != nil {
		h.Status = "reload_failed"
		h.ReloadError = &reloadJSON{At: le.at.Format(time.RFC3339), Message: le.err.Error(), Problems: le.problems}
	}
	w.Header().Set("Content-Type", ctJSON)
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, h)
}

// schema answers GET /v1/schema/{name}: one of the JSON Schemas of
// package interp/schema, by file name (decision.schema.json, ...).
func (s *Server) schema(w http.ResponseWriter, r *http.Request, st *state) {
	name := r.PathValue("name")
	b, err := fs.ReadFile(schema.FS(), name)
	if err != nil || !fs.ValidPath(name) {
		writeError(w, &apiError{Status: http.StatusNotFound, Code: "not_found",
			Message: "no schema " + name + "; the schemas are " + joinNames(schema.Names())})
		return
	}
	w.Header().Set("Content-Type", "application/schema+json")
	w.Write(b)
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}
