// Package server answers Pacta questions over HTTP as JSON: decisions,
// settlements, expressions and checks, for the agreements it loads and
// reloads when their files change.
//
// It is a client of package interp's public API only: every answer is the
// JSON that interp's MarshalJSON methods write (schema.Decision,
// schema.Statement, schema.Value), so that the HTTP API and the library
// give one answer per question. The routes, their bodies and their errors
// are described by the OpenAPI document served at /v1/openapi.json
// (openapi.json in this directory).
//
// Every error is a JSON object of one shape, whatever the route:
//
//	{"error": {"code": "bad_json", "message": "...", "position": "body:3"}}
//
// code is one of the codes listed in the OpenAPI document; position, when
// present, says where the problem is: "FILE:LINE:COL" in a source,
// "NAME:LINE" in a ledger or a JSON Lines body, "[I]" for element I
// (from 0) of a JSON array body; field, when present, names the field of
// an action or ledger row that is wrong.
package server

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pacta-lang/pacta/interp"
)

// Config says what a Server serves and with which limits.
type Config struct {
	// Files lists the agreement files to load, and is called again at
	// every poll, so that a file added to a directory is seen. The CLI
	// expands FILE|DIR arguments here as its other commands do.
	Files func() ([]string, error)
	// Options are given to interp.Compile (source size, functions).
	Options []interp.Option
	// StepBudget bounds every question (one decision, expression or
	// settlement event) to that many evaluation steps; a request may ask
	// for fewer with ?step_budget=N, never more. Zero means
	// interp.DefaultStepBudget. Give it here rather than with
	// interp.WithStepBudget in Options.
	StepBudget int64
	// Timeout bounds each request (reading its body included); zero means
	// DefaultTimeout.
	Timeout time.Duration
	// MaxBody is the largest request body accepted, in bytes; zero means
	// DefaultMaxBody.
	MaxBody int64
	// Poll is how often the files are looked at for changes; zero means
	// DefaultPoll, a negative value never.
	Poll time.Duration
	// Log receives one record per request and per reload; nil discards.
	Log *slog.Logger
	// Static, when set, answers the GET and HEAD requests for paths that
	// no route has, outside /v1/ (pacta serve gives the playground);
	// otherwise they are answered 404 not_found.
	Static http.Handler
}

// Defaults of Config.
const (
	DefaultTimeout = 10 * time.Second
	DefaultMaxBody = 32 << 20
	DefaultPoll    = time.Second
)

// Server is the HTTP API. Its Handler may serve any number of requests at
// once; each uses the program loaded when it started, so a reload never
// changes an answer half-way.
type Server struct {
	cfg     Config
	log     *slog.Logger
	state   atomic.Pointer[state]
	loadErr atomic.Pointer[loadError] // the last reload's error; nil after a good one
	metrics *metrics
	mux     *http.ServeMux
	mu      sync.Mutex // serializes reloads
	budget  int64      // Config.StepBudget, or interp.DefaultStepBudget
	// compileHook, when set, runs before each compilation of a request
	// (check, eval); tests use it to make one outlast its deadline.
	compileHook func()
}

// New loads the agreements and returns a server for them. An error is one
// interp.ReadPaths or interp.Compile returns (a lang.ErrorList for
// problems in the sources), the error of cfg.Files, or one saying that
// the files declare no agreement.
func New(cfg Config) (*Server, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Poll == 0 {
		cfg.Poll = DefaultPoll
	}
	s := &Server{cfg: cfg, log: cfg.Log, metrics: newMetrics(), budget: cfg.StepBudget}
	if s.budget <= 0 {
		s.budget = interp.DefaultStepBudget
	} else {
		s.cfg.Options = append(s.cfg.Options[:len(s.cfg.Options):len(s.cfg.Options)], interp.WithStepBudget(s.budget))
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	st, err := s.load()
	if err != nil {
		return nil, err
	}
	s.state.Store(st)
	s.mux = http.NewServeMux()
	for _, rt := range s.routes() {
		s.mux.Handle(rt.path, s.instrument(rt))
	}
	s.mux.Handle("/", s.instrument(route{path: "/", handle: s.notFound}))
	return s, nil
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.mux }

// Program returns the program being served.
func (s *Server) Program() *interp.Program { return s.state.Load().prog }

// Run polls the files for changes until ctx is done (see Config.Poll),
// and reloads the agreements (see Reload) once a change has stayed as it
// is for one poll.
func (s *Server) Run(ctx context.Context) {
	if s.cfg.Poll < 0 {
		return
	}
	t := time.NewTicker(s.cfg.Poll)
	defer t.Stop()
	seen := s.state.Load().print
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			// A change is reloaded once the files have stayed as they
			// are for one poll, so that a file caught half-written by
			// an editor is not compiled.
			if p := s.snapshot(); p != seen {
				seen = p
				continue
			}
			s.Reload(false)
		}
	}
}

// route is one endpoint.
type route struct {
	method string // "" for the catch-all
	path   string // as in the OpenAPI document
	handle func(w http.ResponseWriter, r *http.Request, st *state)
}

// routes is every endpoint; the OpenAPI document lists exactly these
// (TestOpenAPIRoutes).
func (s *Server) routes() []route {
	return []route{
		{http.MethodPost, "/v1/decide", s.decide},
		{http.MethodPost, "/v1/settle", s.settle},
		{http.MethodPost, "/v1/eval", s.eval},
		{http.MethodPost, "/v1/check", s.check},
		{http.MethodGet, "/v1/agreements", s.agreements},
		{http.MethodGet, "/v1/vet", s.vet},
		{http.MethodGet, "/v1/openapi.json", s.openAPI},
		{http.MethodGet, "/v1/schema/{name}", s.schema},
		{http.MethodGet, "/healthz", s.healthz},
		{http.MethodGet, "/metrics", s.metricsPage},
	}
}

// instrument wraps a route: method check, body limit, timeout, metrics
// and the request log.
func (s *Server) instrument(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusWriter{ResponseWriter: w}
		st := s.state.Load()
		func() {
			defer func() {
				if v := recover(); v != nil {
					s.log.Error("panic", "path", r.URL.Path, "panic", v)
					if !rec.wrote {
						writeError(rec, &apiError{Status: http.StatusInternalServerError, Code: "internal", Message: "internal error"})
					}
				}
			}()
			if rt.method != "" && r.Method != rt.method && !(rt.method == http.MethodGet && r.Method == http.MethodHead) {
				allow := rt.method
				if allow == http.MethodGet {
					allow += ", " + http.MethodHead
				}
				rec.Header().Set("Allow", allow)
				writeError(rec, &apiError{Status: http.StatusMethodNotAllowed, Code: "method_not_allowed",
					Message: r.Method + " is not allowed on " + rt.path + "; use " + rt.method})
				return
			}
			if r.ContentLength > s.cfg.MaxBody {
				writeError(rec, tooLarge(s.cfg.MaxBody))
				return
			}
			r.Body = http.MaxBytesReader(rec, r.Body, s.cfg.MaxBody)
			ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
			defer cancel()
			// A client that sends its body slowly is cut off at the
			// deadline too (not every ResponseWriter supports it).
			_ = http.NewResponseController(w).SetReadDeadline(start.Add(s.cfg.Timeout))
			r = r.WithContext(ctx)
			r.Body = ctxReader{ctx: ctx, r: r.Body}
			rt.handle(rec, r, st)
		}()
		if !rec.wrote {
			rec.WriteHeader(http.StatusOK)
		}
		d := time.Since(start)
		s.metrics.observe(rt.path, rec.status, d)
		// Attributes rather than key-value pairs: no value is boxed, and
		// a disabled logger costs nothing more.
		attrs := [...]slog.Attr{slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("route", rt.path),
			slog.Int("status", rec.status), slog.Int64("bytes", rec.n), slog.Float64("duration_ms", float64(d.Microseconds())/1000),
			slog.String("error_code", rec.errCode)}
		n := len(attrs)
		if rec.errCode == "" {
			n--
		}
		s.log.LogAttrs(context.Background(), slog.LevelInfo, "request", attrs[:n]...)
	})
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status  int
	wrote   bool
	n       int64
	errCode string // the code of the error response written, if any
}

func (w *statusWriter) WriteHeader(code int) {
	if w.wrote {
		return
	}
	w.status, w.wrote = code, true
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// ctxReader stops reading a body once the request's context is done, so
// that a settlement of an endless ledger ends at the deadline.
type ctxReader struct {
	ctx context.Context
	r   interface {
		Read([]byte) (int, error)
		Close() error
	}
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

func (c ctxReader) Close() error { return c.r.Close() }

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, _ *state) {
	if s.cfg.Static != nil && (r.Method == http.MethodGet || r.Method == http.MethodHead) && !strings.HasPrefix(r.URL.Path, "/v1/") {
		s.cfg.Static.ServeHTTP(w, r)
		return
	}
	writeError(w, &apiError{Status: http.StatusNotFound, Code: "not_found", Message: "no such route: " + r.URL.Path + "; see /v1/openapi.json"})
}
