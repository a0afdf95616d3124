package answer

import (
	"context"
	"encoding/json"
	"testing"
)

// FuzzAsk: no question about any source, action or ledger panics, and
// every answer is either answered or says why.
func FuzzAsk(f *testing.F) {
	f.Add(dealSrc, `{"action":"sell","actor":"seller","date":"2026-02-10","channel":"Store","gross":"USD 100.00"}`,
		"action,actor,date,channel,gross\nsell,seller,2026-02-10,Web,USD 100.00\n", "2026-Q1")
	f.Add("agreement", "{", "{", "")
	f.Add(dealSrc, `{"action":"sell"}`, `{"action":"sell","actor":"seller"}`, "2026-13")
	f.Fuzz(func(t *testing.T, src, action, ledger, period string) {
		var s Session
		req := Request{Sources: []Source{{Name: "f.pacta", Text: src}}, Action: action, Ledger: ledger, Period: period}
		for _, q := range []string{"check", "decide", "settle", "test", "render", "vet"} {
			r := s.Ask(context.Background(), q, req)
			if !r.OK && r.Error == nil && len(r.Problems) == 0 {
				t.Fatalf("%s: neither an answer nor a reason: %+v", q, r)
			}
			if _, err := json.Marshal(r); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
	})
}
