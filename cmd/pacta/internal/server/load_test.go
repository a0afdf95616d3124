package server

import (
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pacta-lang/pacta/interp"
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
// The client runs in the same process, on the same cores, and keeps its
// connections alive (one per worker). A third case answers the single
// action with a handler that reads the body and writes a fixed decision:
// what the HTTP stack (client and server) costs alone, in the same run.
// Each line ends with the load average (/proc/loadavg), as other work on
// the machine moves the figures.
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
	// Connections opened, to show that the client keeps them alive.
	var conns atomic.Int64
	counted := func(h http.Handler) *httptest.Server {
		srv := httptest.NewUnstartedServer(h)
		srv.Config.ConnState = func(_ net.Conn, st http.ConnState) {
			if st == http.StateNew {
				conns.Add(1)
			}
		}
		srv.Start()
		return srv
	}
	ts := counted(s.Handler())
	defer ts.Close()
	fixed := append(libraryDecision(t, s.Program(), exampleActions[0], interp.DecideOptions{}), '\n') // made once: handlers share it
	empty := counted(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", ctJSON)
		w.Write(fixed)
	}))
	defer empty.Close()
	workers := 4 * runtime.GOMAXPROCS(0)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers, MaxConnsPerHost: workers}}
	batch := "[" + strings.Join(slices.Repeat(exampleActions, 25), ",") + "]"
	for _, tc := range []struct {
		name      string
		url       string
		body      string
		decisions int
	}{
		{"single", ts.URL, exampleActions[0], 1},
		{"batch of 100", ts.URL, batch, 100},
		{"single, HTTP alone (a fixed answer)", empty.URL, exampleActions[0], 1},
	} {
		lat := make([][]time.Duration, workers)
		end := time.Now().Add(time.Duration(secs * float64(time.Second)))
		var wg sync.WaitGroup
		start, cpu0, conns0 := time.Now(), cpuTime(), conns.Load()
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for time.Now().Before(end) {
					t0 := time.Now()
					resp, err := client.Post(tc.url+"/v1/decide", "application/json", strings.NewReader(tc.body))
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
		elapsed, cpu := time.Since(start), cpuTime()-cpu0
		all := slices.Concat(lat...)
		slices.Sort(all)
		if len(all) == 0 {
			t.Fatal("no requests")
		}
		pct := func(p float64) time.Duration { return all[int(p*float64(len(all)-1))] }
		load, _ := os.ReadFile("/proc/loadavg")
		t.Logf("%s: %d requests on %d connections in %.1fs from %d clients on %d cores: %.0f decisions/s, p50 %v, p99 %v; load average %s",
			tc.name, len(all), conns.Load()-conns0, elapsed.Seconds(), workers, runtime.GOMAXPROCS(0),
			float64(len(all)*tc.decisions)/elapsed.Seconds(), pct(0.50).Round(time.Microsecond), pct(0.99).Round(time.Microsecond),
			strings.Join(strings.Fields(string(load))[:min(3, len(strings.Fields(string(load))))], " "))
		// The CPU time the process used (client and server) per request,
		// which other work on the machine moves much less than wall time,
		// and the rate it would allow if the process had the cores alone.
		if cpu > 0 {
			per := cpu / time.Duration(len(all))
			t.Logf("%s: CPU %v per request (client and server), %.1f%% of %d cores used: at most %.0f decisions/s on %d idle cores",
				tc.name, per.Round(100*time.Nanosecond), 100*cpu.Seconds()/elapsed.Seconds()/float64(runtime.GOMAXPROCS(0)),
				runtime.GOMAXPROCS(0), float64(runtime.GOMAXPROCS(0))*float64(tc.decisions)/per.Seconds(), runtime.GOMAXPROCS(0))
		}
	}
}
