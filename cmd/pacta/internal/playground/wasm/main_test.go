package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/cmd/pacta/internal/playground/answer"
)

// TestAsk: pactaAsk's answers are answer.Response as JSON, whatever the
// request.
func TestAsk(t *testing.T) {
	var s answer.Session
	for _, c := range []struct{ q, req, want string }{
		{"check", `{"sources":[{"name":"a.pacta","text":"agreement a \"A\" { effective 2026-01-01 }"}]}`, ""},
		{"check", `{"sources":`, "the request is not valid JSON"},
		{"guess", `{}`, `unknown question "guess"`},
	} {
		var r answer.Response
		if err := json.Unmarshal([]byte(ask(&s, c.q, c.req)), &r); err != nil {
			t.Fatalf("%s %s: %v", c.q, c.req, err)
		}
		if c.want == "" {
			if !r.OK {
				t.Errorf("%s %s: %+v", c.q, c.req, r)
			}
			continue
		}
		if r.OK || r.Error == nil || !strings.Contains(r.Error.Message, c.want) {
			t.Errorf("%s %s: %+v, want an error saying %q", c.q, c.req, r, c.want)
		}
	}
}
