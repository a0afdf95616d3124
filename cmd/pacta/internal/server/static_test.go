package server

import (
	"net/http"
	"strings"
	"testing"
)

// TestStatic: Config.Static answers GET and HEAD for the paths no route
// has, outside /v1/; the routes and the API's 404s are unchanged.
func TestStatic(t *testing.T) {
	static := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("page " + r.URL.Path))
	})
	s := dealServer(t, Config{Static: static})
	for _, c := range []struct {
		method, path string
		code         int
		body         string
	}{
		{"GET", "/", 200, "page /"},
		{"GET", "/playground.js", 200, "page /playground.js"},
		{"HEAD", "/", 200, ""},
		{"GET", "/healthz", 200, `"status"`},
		{"GET", "/v1/nothing", 404, `"not_found"`},
		{"POST", "/", 404, `"not_found"`},
	} {
		rec := doRec(s, c.method, c.path, "", "")
		if rec.Code != c.code || !strings.Contains(rec.Body.String(), c.body) {
			t.Errorf("%s %s: %d %s", c.method, c.path, rec.Code, rec.Body.String())
		}
	}
	// Without Static, / is the API's 404.
	s = dealServer(t, Config{})
	if rec := doRec(s, "GET", "/", "", ""); rec.Code != 404 || !strings.Contains(rec.Body.String(), `"not_found"`) {
		t.Errorf("GET / without Static: %d %s", rec.Code, rec.Body.String())
	}
}
