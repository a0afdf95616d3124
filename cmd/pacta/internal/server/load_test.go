package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLoad measures /v1/decide on loopback: decisions per second and the
// 50th and 99th percentile latency of a request, for single actions and
// for batches of 100, with every request logged (to io.Discard) as pacta
// serve logs it. It is bounded in time (PACTA_LOAD_SECONDS each, 3 by
// default) and runs only when PACTA_LOAD=1, as the figures mean something
// only on a quiet machine:
//
//	PACTA_LOAD=1 go test ./cmd/pacta/internal/server -run TestLoad -v
//
// The client runs in the same process, on the same cores.
func TestLoad(t *testing.T) {
	if os.Getenv("PACTA_LOAD") != "1" {
		t.Skip("set PACTA_LOAD=1 to measure")
	}
	secs := 3.0
	if v, err := strconv.ParseFloat(os.Getenv("PACTA_LOAD_SECONDS"), 64); err == nil && v > 0 {
		secs = v
	}
	files, _ := filepath.Glob(filepath.Join(exampleDir, "*.pacta"))
	s, err := New(Config{Files: func() ([]string, error) { return files, nil }, Poll: -1,
		Log: slog.New(slog.NewJSONHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	workers := 4 * runtime.GOMAXPROCS(0)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers, MaxConnsPerHost: workers}}
	batch := "[" + strings.Join(slices.Repeat(exampleActions, 25), ",") + "]"
	for _, tc := range []struct {
		name      string
		body      string
		decisions int
	}{
		{"single", exampleActions[0], 1},
		{"batch of 100", batch, 100},
	} {
		lat := make([][]time.Duration, workers)
		end := time.Now().Add(time.Duration(secs * float64(time.Second)))
		var wg sync.WaitGroup
		start := time.Now()
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for time.Now().Before(end) {
					t0 := time.Now()
					resp, err := client.Post(ts.URL+"/v1/decide", "application/json", strings.NewReader(tc.body))
					if err != nil {
						t.Error(err)
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						t.Errorf("status %d", resp.StatusCode)
						return
					}
					lat[w] = append(lat[w], time.Since(t0))
				}
			}(w)
		}
		wg.Wait()
		elapsed := time.Since(start)
		all := slices.Concat(lat...)
		slices.Sort(all)
		if len(all) == 0 {
			t.Fatal("no requests")
		}
		pct := func(p float64) time.Duration { return all[int(p*float64(len(all)-1))] }
		t.Logf("%s: %d requests in %.1fs from %d clients on %d cores: %.0f decisions/s, p50 %v, p99 %v",
			tc.name, len(all), elapsed.Seconds(), workers, runtime.GOMAXPROCS(0),
			float64(len(all)*tc.decisions)/elapsed.Seconds(), pct(0.50).Round(time.Microsecond), pct(0.99).Round(time.Microsecond))
	}
}
