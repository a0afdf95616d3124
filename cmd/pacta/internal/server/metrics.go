package server

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// buckets are the upper bounds, in seconds, of the request duration
// histogram.
var buckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics counts requests and reloads, for /metrics.
type metrics struct {
	mu        sync.Mutex
	requests  map[reqKey]int64
	durations map[string]*histogram // by route

	reloads      atomic.Int64
	reloadErrors atomic.Int64
}

type reqKey struct {
	route  string
	status int
}

type histogram struct {
	counts []int64 // per bucket, not cumulative; one more for +Inf
	sum    time.Duration
	n      int64
}

func newMetrics() *metrics {
	return &metrics{requests: map[reqKey]int64{}, durations: map[string]*histogram{}}
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[reqKey{route, status}]++
	h := m.durations[route]
	if h == nil {
		h = &histogram{counts: make([]int64, len(buckets)+1)}
		m.durations[route] = h
	}
	i := sort.SearchFloat64s(buckets, d.Seconds())
	h.counts[i]++
	h.sum += d
	h.n++
}

// write writes the metrics in the Prometheus text exposition format
// (version 0.0.4), every series sorted, so that two scrapes of the same
// counts are byte-identical.
func (m *metrics) write(w io.Writer, st *state, failing bool) {
	m.mu.Lock()
	keys := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].status < keys[j].status
	})
	fmt.Fprintln(w, "# HELP pacta_http_requests_total HTTP requests answered, by route and status code.")
	fmt.Fprintln(w, "# TYPE pacta_http_requests_total counter")
	for _, k := range keys {
		fmt.Fprintf(w, "pacta_http_requests_total{route=%q,code=\"%d\"} %d\n", k.route, k.status, m.requests[k])
	}
	routes := make([]string, 0, len(m.durations))
	for r := range m.durations {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	fmt.Fprintln(w, "# HELP pacta_http_request_duration_seconds Time taken to answer HTTP requests, by route.")
	fmt.Fprintln(w, "# TYPE pacta_http_request_duration_seconds histogram")
	for _, r := range routes {
		h := m.durations[r]
		var cum int64
		for i, le := range buckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "pacta_http_request_duration_seconds_bucket{route=%q,le=%q} %d\n", r, strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		cum += h.counts[len(buckets)]
		fmt.Fprintf(w, "pacta_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", r, cum)
		fmt.Fprintf(w, "pacta_http_request_duration_seconds_sum{route=%q} %s\n", r, strconv.FormatFloat(h.sum.Seconds(), 'g', -1, 64))
		fmt.Fprintf(w, "pacta_http_request_duration_seconds_count{route=%q} %d\n", r, h.n)
	}
	m.mu.Unlock()
	fmt.Fprintln(w, "# HELP pacta_reloads_total Reloads of the agreements that succeeded.")
	fmt.Fprintln(w, "# TYPE pacta_reloads_total counter")
	fmt.Fprintf(w, "pacta_reloads_total %d\n", m.reloads.Load())
	fmt.Fprintln(w, "# HELP pacta_reload_errors_total Reloads of the agreements that failed (the last good ones are still served).")
	fmt.Fprintln(w, "# TYPE pacta_reload_errors_total counter")
	fmt.Fprintf(w, "pacta_reload_errors_total %d\n", m.reloadErrors.Load())
	fmt.Fprintln(w, "# HELP pacta_reload_failing 1 while the files on disk do not compile and an older version is served, else 0.")
	fmt.Fprintln(w, "# TYPE pacta_reload_failing gauge")
	fmt.Fprintf(w, "pacta_reload_failing %d\n", b2i(failing))
	fmt.Fprintln(w, "# HELP pacta_program_generation Which load of the agreements is served: 1 for the first, one more per reload.")
	fmt.Fprintln(w, "# TYPE pacta_program_generation gauge")
	fmt.Fprintf(w, "pacta_program_generation %d\n", st.gen)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (s *Server) metricsPage(w http.ResponseWriter, r *http.Request, st *state) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.write(w, s.state.Load(), s.loadErr.Load() != nil)
}
