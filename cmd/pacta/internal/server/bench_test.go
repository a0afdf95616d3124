package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// The benchmarks of this file take apart the cost of one POST /v1/decide
// of a single action (TestLoad measures it over loopback): the handler
// in process, and each of its steps beside a hand-written Go version of
// the same work with encoding/json and a plain struct.
//
//	go test ./cmd/pacta/internal/server -run '^$' -bench . -benchmem -count 6 -cpu 1

func benchServer(b *testing.B) (*Server, *interp.Program) {
	b.Helper()
	files, err := filepath.Glob(filepath.Join(exampleDir, "*.pacta"))
	if err != nil || len(files) != 2 {
		b.Fatalf("example files: %v %v", files, err)
	}
	s, err := New(Config{Files: func() ([]string, error) { return files, nil }, Poll: -1,
		Log: slog.New(slog.NewJSONHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	return s, s.Program()
}

// discardWriter is a ResponseWriter that keeps nothing, so that the
// handler's own cost is measured without a recorder's.
type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(code int)        { w.code = code }

// BenchmarkDecideHandler is one POST /v1/decide of a single action (the
// permitted AWS sale) through the server's handler, logging included,
// without the network.
func BenchmarkDecideHandler(b *testing.B) {
	s, _ := benchServer(b)
	h := s.Handler()
	body := []byte(exampleActions[0])
	w := &discardWriter{h: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/v1/decide", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		clear(w.h)
		w.code = 0
		h.ServeHTTP(w, req)
		if w.code != 200 {
			b.Fatalf("status %d", w.code)
		}
	}
}

// BenchmarkDecideHandlerHandwritten is the same request answered by a
// hand-written handler: the action read into a plain struct with
// encoding/json, the example's rule as two ifs, and an answer struct of
// the same fields written with encoding/json.
func BenchmarkDecideHandlerHandwritten(b *testing.B) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		var a plainAction
		if err := json.Unmarshal(body, &a); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(plainDecide(&a))
	})
	body := []byte(exampleActions[0])
	w := &discardWriter{h: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/v1/decide", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		clear(w.h)
		h.ServeHTTP(w, req)
	}
}

// BenchmarkParseActionJSON reads the action (Program.ParseActionJSON).
func BenchmarkParseActionJSON(b *testing.B) {
	_, p := benchServer(b)
	body := []byte(exampleActions[0])
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.ParseActionJSON(body); err != nil {
			b.Fatal(err)
		}
	}
}

// plainAction is the example's sale as a plain Go struct.
type plainAction struct {
	Action   string `json:"action"`
	Actor    string `json:"actor"`
	Date     string `json:"date"`
	Product  string `json:"product"`
	Platform string `json:"platform"`
	Region   string `json:"region"`
	Gross    string `json:"gross"`
	Refunds  string `json:"refunds"`
}

// BenchmarkParseActionJSONHandwritten reads the same text into
// plainAction with encoding/json: no field is checked or converted.
func BenchmarkParseActionJSONHandwritten(b *testing.B) {
	body := []byte(exampleActions[0])
	b.ReportAllocs()
	for b.Loop() {
		var a plainAction
		if err := json.Unmarshal(body, &a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecisionMarshalJSON encodes the decision (Decision.MarshalJSON).
func BenchmarkDecisionMarshalJSON(b *testing.B) {
	_, p := benchServer(b)
	rec, err := p.ParseActionJSON([]byte(exampleActions[0]))
	if err != nil {
		b.Fatal(err)
	}
	d, err := p.Decide(context.Background(), rec, interp.DecideOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// plainClause and plainDecision are the decision's JSON as plain Go
// structs, filled with the same texts.
type plainClause struct {
	Number    string `json:"number"`
	Title     string `json:"title"`
	Agreement string `json:"agreement"`
	Amendment string `json:"amendment"`
	Position  string `json:"position"`
}

type plainApplied struct {
	Clause  *plainClause `json:"clause"`
	Says    string       `json:"says"`
	Outcome string       `json:"outcome"`
	By      *plainClause `json:"by"`
	Reason  string       `json:"reason"`
	Dates   string       `json:"dates,omitempty"`
}

type plainDecision struct {
	Agreement string         `json:"agreement"`
	AsOf      string         `json:"as_of"`
	Version   string         `json:"version"`
	Verdict   string         `json:"verdict"`
	Effect    string         `json:"effect"`
	Summary   string         `json:"summary"`
	Clause    *plainClause   `json:"clause"`
	Conflict  []*plainClause `json:"conflict"`
	Applied   []plainApplied `json:"applied"`
	Note      string         `json:"note"`
	Default   string         `json:"default_rule"`
}

// plainDecide decides the example's sale as hand-written Go: 3.2 (after
// the amendment) permits a sale on AWS notwithstanding 3.1.
func plainDecide(a *plainAction) *plainDecision {
	c32 := &plainClause{Number: "3.2", Title: "AWS", Agreement: "openai-microsoft", Amendment: "aws", Position: "amendment.pacta:10:3"}
	c31 := &plainClause{Number: "3.1", Title: "Azure exclusivity", Agreement: "openai-microsoft", Position: "agreement.pacta:20:3"}
	d := &plainDecision{Agreement: "openai-microsoft", Version: "aws", Conflict: []*plainClause{}}
	if a.Action == "sell" && a.Actor == "openai" && a.Platform == "AWS" && a.Date >= "2026-11-01" {
		d.Verdict, d.Effect, d.Clause, d.Summary = "permitted", "permitted", c32, `permitted by 3.2 "AWS"`
		d.Applied = []plainApplied{
			{Clause: c32, Says: "permitted", Outcome: "decides", By: nil, Reason: "applies and overrides 3.1"},
			{Clause: c31, Says: "prohibited", Outcome: "overridden", By: c32, Reason: "3.2 applies notwithstanding 3.1"},
		}
	} else {
		d.Verdict, d.Effect, d.Summary = "permitted", "permitted", "not covered"
	}
	return d
}

// BenchmarkDecisionMarshalJSONHandwritten encodes a plainDecision of
// the same texts with encoding/json (as the old MarshalJSON did).
func BenchmarkDecisionMarshalJSONHandwritten(b *testing.B) {
	d := plainDecide(&plainAction{Action: "sell", Actor: "openai", Platform: "AWS", Date: "2026-12-01"})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecide is Program.Decide of the parsed action, for scale.
func BenchmarkDecide(b *testing.B) {
	_, p := benchServer(b)
	rec, err := p.ParseActionJSON([]byte(exampleActions[0]))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Decide(context.Background(), rec, interp.DecideOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecideHandlerBatch is one POST /v1/decide of an array of 100
// actions (the four example actions 25 times) through the handler.
func BenchmarkDecideHandlerBatch(b *testing.B) {
	s, _ := benchServer(b)
	h := s.Handler()
	body := []byte("[" + strings.Join(slices.Repeat(exampleActions, 25), ",") + "]")
	w := &discardWriter{h: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/v1/decide", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		clear(w.h)
		w.code = 0
		h.ServeHTTP(w, req)
		if w.code != 200 {
			b.Fatalf("status %d", w.code)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100, "ns/decision")
}
