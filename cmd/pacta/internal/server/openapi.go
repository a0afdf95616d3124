package server

import (
	_ "embed"
	"net/http"
)

// openAPIDoc is the OpenAPI 3.1 document of the routes, written by hand;
// TestOpenAPIRoutes keeps it and the routes in step.
//
//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request, st *state) {
	w.Header().Set("Content-Type", ctJSON)
	w.Write(openAPIDoc)
}
