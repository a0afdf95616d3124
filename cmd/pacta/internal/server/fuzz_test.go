package server

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// FuzzHandlers sends arbitrary bodies and queries to the POST routes: no
// input makes a handler panic or answer 500, and every answer is JSON
// (an answer or an error of the one shape) with a status the OpenAPI
// document lists.
func FuzzHandlers(f *testing.F) {
	f.Add(uint8(0), "", "application/json", webSale)
	f.Add(uint8(0), "as_of=2026-01-01", "application/x-ndjson", webSale+"\n"+storeSale)
	f.Add(uint8(0), "", "application/json", "["+webSale+",{}]")
	f.Add(uint8(0), "", "application/json", `{"action":"sell","actor":"seller","date":"2026-02-30","channel":"Web","gross":"USD -1"}`)
	f.Add(uint8(1), "period=2026-Q1", "text/csv", ledgerCSV)
	f.Add(uint8(1), "from=2026-01-01&to=2026-12-31&breaches=all", "application/x-ndjson", `{"action":"sell","actor":"seller","date":"2026-01-10","channel":"Store","gross":"USD 1.00"}`)
	f.Add(uint8(1), "", "text/csv", "action,actor\n\"unterminated")
	f.Add(uint8(2), "", "application/json", `{"expr":"10% of USD 1.00"}`)
	f.Add(uint8(2), "agreement=deal", "text/plain", `gross_of(sell by seller { channel: Web, gross: USD 7.00, date: 2026-03-01 })`)
	f.Add(uint8(3), "name=a.pacta", "text/plain", dealSrc)
	f.Add(uint8(3), "", "application/json", `{"sources":[{"name":"x","text":"agreement"}]}`)
	f.Add(uint8(0), "step_budget=3", "application/json", webSale)
	f.Add(uint8(1), "step_budget=-1", "text/csv", ledgerCSV)
	f.Add(uint8(2), "step_budget=99999999999999999999", "application/json", `{"expr":"1","step_budget":2}`)
	s := dealServer(f, Config{MaxBody: 1 << 16})
	routes := []string{"/v1/decide", "/v1/settle", "/v1/eval", "/v1/check"}
	f.Fuzz(func(t *testing.T, route uint8, query, ctype, body string) {
		target := routes[int(route)%len(routes)]
		// A query a client could not send (one net/url refuses, such as
		// a control character) is left out: httptest.NewRequest panics on it.
		if _, err := url.ParseRequestURI(target + "?" + query); query != "" && err == nil && !strings.ContainsAny(query, " #") {
			target += "?" + query
		}
		if strings.ContainsAny(ctype, "\r\n\x00") {
			ctype = ""
		}
		rec := doRec(s, "POST", target, ctype, body)
		switch rec.Code {
		case 200, 400, 404, 413, 415, 422, 503:
		default:
			t.Fatalf("%s %q: status %d: %s", target, ctype, rec.Code, rec.Body.String())
		}
		out := rec.Body.Bytes()
		if rec.Header().Get("Content-Type") == ctNDJSON {
			for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				if !json.Valid([]byte(line)) {
					t.Fatalf("%s: a line is not JSON: %s", target, line)
				}
			}
			return
		}
		if !json.Valid(out) {
			t.Fatalf("%s: not JSON: %s", target, out)
		}
		if rec.Code != 200 {
			var e struct {
				Error *apiError `json:"error"`
			}
			if json.Unmarshal(out, &e) != nil || e.Error == nil || e.Error.Code == "" {
				t.Fatalf("%s: not an error of the one shape: %s", target, out)
			}
		}
	})
}
