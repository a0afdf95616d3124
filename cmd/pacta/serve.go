package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/pacta-lang/pacta/cmd/pacta/internal/playground"
	"github.com/pacta-lang/pacta/cmd/pacta/internal/server"
	"github.com/pacta-lang/pacta/interp"
)

// serveContext is the context pacta serve runs under: it is done at
// SIGINT or SIGTERM. Tests replace it.
var serveContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// serveConnState, when set, is told of every connection's state changes
// (http.Server.ConnState); tests use it to know a request is in flight.
var serveConnState func(net.Conn, http.ConnState)

// shutdownGrace is how long pacta serve waits for requests in flight
// when it is told to stop.
const shutdownGrace = 10 * time.Second

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "pacta serve FILE|DIR... [--addr HOST:PORT] [--step-budget N] [--timeout D] [--max-body BYTES] [--poll D]",
		`Answer questions about the agreements over HTTP, as JSON:
  POST /v1/decide    one action (JSON), an array of them, or JSON Lines
  POST /v1/settle    a ledger in the body (text/csv or application/x-ndjson)
  POST /v1/eval      {"expr": "20% of USD 1,000.00"}
  POST /v1/check     agreement source in the body; problems with positions
  GET  /v1/vet       what pacta vet finds in the agreements served
  GET  /v1/agreements, /v1/openapi.json, /v1/schema/NAME, /healthz, /metrics
  GET  /                the playground (unless --playground=false)
Answers are the JSON that pacta decide|settle --format json write; errors
are {"error": {"code", "message", "position"}}. A batch of actions is
answered whole or not at all: if one action cannot be decided, the error
names it ([I] or body:LINE) and no decision is sent. /v1/openapi.json
describes every route.

The files are looked at every --poll and reloaded when they change; a
version that does not compile is reported (log, /healthz, /metrics) and
the last good one is still served. Each request is bounded by --timeout,
--max-body and, per question, --step-budget (a request may ask for fewer
steps with ?step_budget=N). SIGINT or SIGTERM stops the
server once the requests in flight are answered. One JSON log record per
request and per reload goes to standard error.

The playground at / is Pacta in the browser: an editor with diagnostics,
decisions, statements of pasted ledgers, tests, the rendered document,
and the bundled examples (pacta playground --out DIR writes it as static
files). Its interpreter is WebAssembly built from Pacta's source by the
local Go toolchain on the first visit (about a minute; then kept in the
user cache directory), from the clone of Pacta it runs in, the one
PACTA_SOURCE names, or an installed version's source in the module
cache. Without a source or a go command, the page says so and the JSON
API is unaffected.

Exit status: 0 stopped by a signal, 1 the agreements do not load or the
address cannot be listened on, 2 usage error.`, stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on this `address` (HOST:PORT; port 0 picks a free one)")
	budget := fs.Int64("step-budget", interp.DefaultStepBudget, "evaluation steps one question may take (one decision, expression or settlement event)")
	timeout := fs.Duration("timeout", server.DefaultTimeout, "time limit of one request, reading its body included (e.g. 500ms, 30s)")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "refuse a request body larger than this many `bytes`")
	poll := fs.Duration("poll", server.DefaultPoll, "look for changed agreement files this often; 0 never")
	withPlayground := fs.Bool("playground", true, "serve the playground at /")
	limits := limitFlags(fs, true)
	paths, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(paths) == 0:
		return usageError(fs, stderr, "serve", "no agreement files given")
	case *budget <= 0:
		return usageError(fs, stderr, "serve", fmt.Sprintf("--step-budget %d: give a positive number of steps", *budget))
	case *timeout <= 0:
		return usageError(fs, stderr, "serve", fmt.Sprintf("--timeout %v: give a positive duration, such as 10s", *timeout))
	case *maxBody <= 0:
		return usageError(fs, stderr, "serve", fmt.Sprintf("--max-body %d: give a positive number of bytes", *maxBody))
	case *poll < 0:
		return usageError(fs, stderr, "serve", fmt.Sprintf("--poll %v: give a duration, or 0 not to reload", *poll))
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return usageError(fs, stderr, "serve", fmt.Sprintf("--addr %q: %v", *addr, err))
	}
	opts := append(programOptions(), limits()...)
	cfg := server.Config{
		Files:      func() ([]string, error) { return expandDirs(paths) },
		Options:    opts,
		StepBudget: *budget,
		Timeout:    *timeout,
		MaxBody:    *maxBody,
		Poll:       *poll,
		Log:        slog.New(slog.NewJSONHandler(stderr, nil)),
	}
	if *poll == 0 {
		cfg.Poll = -1
	}
	if *withPlayground {
		data, err := playground.LoadData()
		if err == nil {
			cfg.Static, err = playground.Handler(data, playground.OnDemand(func(msg string) { cfg.Log.Info(msg) }))
		}
		if err != nil {
			printCmdError(stderr, "serve", err)
			return 1
		}
	}
	srv, err := server.New(cfg)
	if err != nil {
		// Render the problems with their source lines and carets, as
		// every other command does.
		if _, lerr := loadProgram(paths, append(opts, interp.WithStepBudget(*budget))...); lerr != nil {
			err = lerr
		}
		printCmdError(stderr, "serve", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "pacta serve: %v\n", err)
		return 1
	}
	ctx, stop := serveContext()
	defer stop()
	return serve(ctx, stop, srv, ln, cfg.Log, *timeout)
}

// serve answers requests on ln until ctx is done, then shuts down
// gracefully: it stops listening and waits for the requests in flight.
// It calls stop as shutdown begins, so that a second signal ends the
// process at once.
func serve(ctx context.Context, stop func(), srv *server.Server, ln net.Listener, log *slog.Logger, timeout time.Duration) int {
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		ConnState:         serveConnState,
	}
	pollCtx, stopPoll := context.WithCancel(ctx)
	defer stopPoll()
	go srv.Run(pollCtx)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	log.Info("listening", "addr", ln.Addr().String(), "agreements", srv.Program().Agreements())
	select {
	case err := <-errc:
		log.Error("server stopped", "error", err.Error())
		return 1
	case <-ctx.Done():
	}
	stop()
	log.Info("shutting down; the requests in flight are answered first (a second signal stops at once)")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace+timeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Error("shutdown", "error", err.Error())
		return 1
	}
	log.Info("stopped")
	return 0
}
