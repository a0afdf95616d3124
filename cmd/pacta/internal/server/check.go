package server

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"

	"github.com/pacta-lang/pacta/interp"
)

// checkRequest is the JSON body of POST /v1/check.
type checkRequest struct {
	Sources []struct {
		Name string `json:"name"`
		Text string `json:"text"`
	} `json:"sources"`
}

// checkResponse is its answer, in the shape of `pacta check --format
// json` with ok added.
type checkResponse struct {
	OK       bool      `json:"ok"`
	Files    []string  `json:"files"`
	Problems []problem `json:"problems"`
	Omitted  int       `json:"omitted"`
}

// check answers POST /v1/check: it parses, checks and compiles sources
// given in the body, apart from the agreements served, and lists every
// problem with its position. The body is one source as text/plain (named
// by the query's name, input.pacta by default), or JSON
// {"sources": [{"name": "deal.pacta", "text": "..."}, ...]}. Problems
// are the answer, not an error: the status is 200 either way.
func (s *Server) check(w http.ResponseWriter, r *http.Request, st *state) {
	var srcs []interp.Source
	switch mt := mediaType(r); mt {
	case ctText:
		body, err := io.ReadAll(r.Body)
		if err != nil {
			writeError(w, classify(err, ""))
			return
		}
		name := r.URL.Query().Get("name")
		if name == "" {
			name = "input.pacta"
		}
		srcs = []interp.Source{{Name: name, Text: body}}
	case ctJSON:
		var req checkRequest
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			var ae = classify(err, "")
			if ae.Code == "error" {
				ae = badJSON(err, "")
			}
			writeError(w, ae)
			return
		}
		for i, src := range req.Sources {
			if src.Name == "" {
				e := badRequest("bad_request", "every source needs a name")
				e.Position = "sources[" + strconv.Itoa(i) + "]"
				writeError(w, e)
				return
			}
			srcs = append(srcs, interp.Source{Name: src.Name, Text: []byte(src.Text)})
		}
	default:
		writeError(w, unsupported(mt, ctText, ctJSON))
		return
	}
	if len(srcs) == 0 {
		writeError(w, badRequest("no_source", "no source given"))
		return
	}
	resp := checkResponse{Files: []string{}}
	for _, src := range srcs {
		resp.Files = append(resp.Files, src.Name)
	}
	_, err := s.compile(r.Context(), srcs)
	if ctxDone(err) {
		writeError(w, classify(err, ""))
		return
	}
	resp.Problems, resp.Omitted = problemsOf(err)
	resp.OK = err == nil
	w.Header().Set("Content-Type", ctJSON)
	writeJSON(w, resp)
}
