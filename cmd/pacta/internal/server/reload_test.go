package server

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// dealPermitsStore is dealSrc with clause 1 turned round: sales through
// the Store are permitted by it.
var dealPermitsStore = strings.Replace(dealSrc, "seller must not sell where channel == Store", "seller may sell where channel == Store", 1)

// dealBroken does not check: clause 1 names a party that does not exist,
// on line 21 (the clause's body line), column 5.
var dealBroken = strings.Replace(dealSrc, "seller must not sell where", "sellr must not sell where", 1)

func health(t *testing.T, s *Server) healthJSON {
	t.Helper()
	_, body := do(t, s, "GET", "/healthz", "", nil)
	var h healthJSON
	if err := json.Unmarshal([]byte(body), &h); err != nil {
		t.Fatal(err)
	}
	return h
}

func verdictOf(t *testing.T, s *Server, action string) string {
	t.Helper()
	code, body := do(t, s, "POST", "/v1/decide", "application/json", strings.NewReader(action))
	var d struct{ Verdict string }
	if err := json.Unmarshal([]byte(body), &d); err != nil || code != 200 {
		t.Fatalf("%d %v: %s", code, err, body)
	}
	return d.Verdict
}

// write replaces the file and moves its modification time on, so that
// the change is seen however coarse the file system's clock.
func write(t *testing.T, path, text string, n int) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	mt := time.Date(2026, 1, 1, 0, 0, n, 0, time.UTC)
	if err := os.Chtimes(path, mt, mt); err != nil {
		t.Fatal(err)
	}
}

// TestReloadKeepsLastGood: an edit is served once reloaded; a bad edit
// keeps the last good program, and is reported on /healthz, in the log
// and in the metrics, once; fixing it clears the report.
func TestReloadKeepsLastGood(t *testing.T) {
	var logBuf bytes.Buffer
	s, dir := newServer(t, Config{Log: slog.New(slog.NewJSONHandler(&logBuf, nil))}, map[string]string{"deal.pacta": dealSrc})
	path := filepath.Join(dir, "deal.pacta")
	if v := verdictOf(t, s, storeSale); v != "prohibited" {
		t.Fatalf("before: %s", v)
	}
	if s.Reload(false) {
		t.Error("reloaded with nothing changed")
	}
	write(t, path, dealPermitsStore, 1)
	if !s.Reload(false) {
		t.Fatal("the edit was not reloaded")
	}
	if v := verdictOf(t, s, storeSale); v != "permitted" {
		t.Errorf("after the edit: %s, want permitted", v)
	}
	if h := health(t, s); h.Status != "ok" || h.Generation != 2 {
		t.Errorf("after the edit: %+v", h)
	}

	write(t, path, dealBroken, 2)
	if s.Reload(false) {
		t.Fatal("a bad edit was served")
	}
	if v := verdictOf(t, s, storeSale); v != "permitted" {
		t.Errorf("after a bad edit: %s, want the last good answer, permitted", v)
	}
	h := health(t, s)
	if h.Status != "reload_failed" || h.Generation != 2 || h.ReloadError == nil || len(h.ReloadError.Problems) != 1 {
		t.Fatalf("after a bad edit: %+v", h)
	}
	if p := h.ReloadError.Problems[0]; p.File != path || p.Line != 21 || p.Col != 5 || !strings.Contains(p.Message, "sellr") {
		t.Errorf("the problem: %+v, want %s:21:5 about sellr", p, path)
	}
	if !strings.Contains(logBuf.String(), `"msg":"reload failed; the last good agreements are still served"`) ||
		!strings.Contains(logBuf.String(), `"position":"`+path+`:21:5"`) {
		t.Errorf("log: %s", logBuf.String())
	}
	s.Reload(false) // the same bad edit: not counted again
	_, m := do(t, s, "GET", "/metrics", "", nil)
	for _, want := range []string{"pacta_reloads_total 1\n", "pacta_reload_errors_total 1\n", "pacta_reload_failing 1\n", "pacta_program_generation 2\n"} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q", want)
		}
	}

	// An emptied file (as an editor may leave it for a moment) compiles
	// to nothing, and is refused too.
	write(t, path, "", 3)
	if s.Reload(false) {
		t.Fatal("an empty file was served")
	}
	if h := health(t, s); h.ReloadError == nil || h.ReloadError.Message != "the files declare no agreement" {
		t.Errorf("after emptying the file: %+v", h.ReloadError)
	}

	// A file that is gone is reported, once.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	s.Reload(false)
	s.Reload(false)
	if h := health(t, s); h.ReloadError == nil || !strings.Contains(h.ReloadError.Message, "deal.pacta") {
		t.Errorf("after removing the file: %+v", h.ReloadError)
	}
	_, m = do(t, s, "GET", "/metrics", "", nil)
	// The broken edit, the empty file and the missing file: 3 errors.
	if !strings.Contains(m, "pacta_reload_errors_total 3\n") {
		t.Errorf("metrics after removing the file:\n%s", m)
	}
	if v := verdictOf(t, s, storeSale); v != "permitted" {
		t.Errorf("after removing the file: %s, want the last good answer, permitted", v)
	}

	write(t, path, dealSrc, 4)
	if !s.Reload(false) {
		t.Fatal("the fix was not reloaded")
	}
	if h := health(t, s); h.Status != "ok" || h.Generation != 3 || h.ReloadError != nil {
		t.Errorf("after the fix: %+v", h)
	}
	if v := verdictOf(t, s, storeSale); v != "prohibited" {
		t.Errorf("after the fix: %s", v)
	}
	_, m = do(t, s, "GET", "/metrics", "", nil)
	if !strings.Contains(m, "pacta_reload_failing 0\n") || !strings.Contains(m, "pacta_reloads_total 2\n") {
		t.Errorf("metrics after the fix:\n%s", m)
	}
}

// TestReloadPolls: Run notices a changed file by itself.
func TestReloadPolls(t *testing.T) {
	s, dir := newServer(t, Config{Poll: 5 * time.Millisecond}, map[string]string{"deal.pacta": dealSrc})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	write(t, filepath.Join(dir, "deal.pacta"), dealPermitsStore, 1)
	deadline := time.Now().Add(5 * time.Second)
	for verdictOf(t, s, storeSale) != "permitted" {
		if time.Now().After(deadline) {
			t.Fatal("the edit was not picked up within 5s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestReloadRace: requests decided while the agreement is reloaded over
// and over (run with -race) each get a whole answer from one version or
// the other, never an error or a mixture; the poller runs meanwhile.
func TestReloadRace(t *testing.T) {
	s, dir := newServer(t, Config{Poll: time.Millisecond}, map[string]string{"deal.pacta": dealSrc})
	path := filepath.Join(dir, "deal.pacta")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Run(ctx)
	// The two answers there can be for a Store sale: prohibited by
	// clause 1 as first written, or permitted by it as turned round.
	var stop atomic.Bool
	var wg sync.WaitGroup
	var answers [2]atomic.Int64
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				code, body := do(t, s, "POST", "/v1/decide", "application/json", strings.NewReader(storeSale))
				switch {
				case code != 200:
					t.Errorf("status %d: %s", code, body)
					return
				case strings.Contains(body, `"verdict":"prohibited","effect":"prohibited","summary":"prohibited by 1 \"Store exclusion\""`):
					answers[0].Add(1)
				case strings.Contains(body, `"verdict":"permitted","effect":"permitted","summary":"permitted by 1 \"Store exclusion\""`):
					answers[1].Add(1)
				default:
					t.Errorf("neither version's answer: %s", body)
					return
				}
				do(t, s, "GET", "/healthz", "", nil)
			}
		}()
	}
	for i := 0; i < 40; i++ {
		src := dealSrc
		if i%2 == 0 {
			src = dealPermitsStore
		}
		write(t, path, src, i+1)
		s.Reload(true)
		time.Sleep(time.Millisecond)
	}
	stop.Store(true)
	wg.Wait()
	if answers[0].Load() == 0 || answers[1].Load() == 0 {
		t.Logf("answers: %d prohibited, %d permitted (the machine is slow; both are still valid)", answers[0].Load(), answers[1].Load())
	}
}
