package server

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/pacta-lang/pacta/interp"
)

var errNoAgreements = errors.New("the files declare no agreement")

// state is one loaded version of the agreements: what a request uses from
// start to end.
type state struct {
	prog     *interp.Program
	files    []string
	print    string // fingerprint of the files when they were read
	loadedAt time.Time
	gen      int64 // 1 for the first load, then one more per reload
}

// loadError is a reload that failed: the last good program is still
// served.
type loadError struct {
	at       time.Time
	print    string
	err      error
	problems []problem
}

// fingerprint sums up the files' names, sizes and modification times
// (to the nanosecond): a change to any of them, or a file added or
// removed, changes it.
func fingerprint(files []string) string {
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00", f)
		if info, err := os.Stat(f); err != nil {
			fmt.Fprintf(h, "error %v\x00", err)
		} else {
			fmt.Fprintf(h, "%d %d\x00", info.Size(), info.ModTime().UnixNano())
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// load reads and compiles the files.
func (s *Server) load() (*state, error) {
	files, err := s.cfg.Files()
	if err != nil {
		return nil, err
	}
	print := fingerprint(files)
	srcs, err := interp.ReadPaths(files, s.cfg.Options...)
	if err != nil {
		return nil, err
	}
	// The server's own files may name files beside them (a calendar's
	// holidays); text sent to /check never reads a file.
	prog, err := interp.Compile(srcs, append([]interp.Option{interp.WithLocalFiles()}, s.cfg.Options...)...)
	if err != nil {
		return nil, err
	}
	if len(prog.Agreements()) == 0 {
		// An emptied file (or one caught half-written) would otherwise
		// be served as a program that answers nothing.
		return nil, errNoAgreements
	}
	return &state{prog: prog, files: files, print: print, loadedAt: time.Now().UTC(), gen: 1}, nil
}

// snapshot is the fingerprint of the files as they are now, or, when
// they cannot be listed, the error that says so (which a reload then
// reports).
func (s *Server) snapshot() string {
	files, err := s.cfg.Files()
	if err != nil {
		return "error: " + err.Error()
	}
	return fingerprint(files)
}

// Reload loads the files again if they changed since the program served
// was read (or, with force, whatever), and serves the new program if it
// compiles. A bad edit keeps the last good program: the error is logged,
// counted in the metrics and shown by /healthz until a reload succeeds;
// the same bad state of the files is reported once. It reports whether a
// new program is served.
func (s *Server) Reload(force bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.state.Load()
	print := s.snapshot()
	if !force {
		if print == old.print {
			return false
		}
		if le := s.loadErr.Load(); le != nil && le.print == print {
			return false // the same bad edit, reported already
		}
	}
	st, err := s.load()
	if err != nil {
		ps, _ := problemsOf(err)
		s.loadErr.Store(&loadError{at: time.Now().UTC(), print: print, err: err, problems: ps})
		s.metrics.reloadErrors.Add(1)
		args := []any{"error", ps[0].Message, "problems", len(ps), "serving_generation", old.gen}
		if ps[0].File != "" {
			args = append(args, "position", ps[0].File+":"+strconv.Itoa(ps[0].Line)+":"+strconv.Itoa(ps[0].Col))
		}
		s.log.Error("reload failed; the last good agreements are still served", args...)
		return false
	}
	st.gen = old.gen + 1
	s.state.Store(st)
	s.loadErr.Store(nil)
	s.metrics.reloads.Add(1)
	s.log.Info("reloaded", "generation", st.gen, "files", len(st.files), "agreements", st.prog.Agreements())
	return true
}
