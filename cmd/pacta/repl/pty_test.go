//go:build linux || darwin || freebsd || netbsd || openbsd

package repl

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// The tests in this file run the REPL at a real (pseudo) terminal: the
// test binary starts itself again as the REPL (see TestMain), under a pty
// of 24 rows and 120 columns, types keys into it and reads what it shows.

const (
	childEnv      = "PACTA_REPL_TEST_CHILD"
	childFilesEnv = "PACTA_REPL_TEST_FILES"
	exampleDir    = "../../../examples/openai-microsoft-aws"
	waitMarker    = "waiting for Ctrl-C"
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(childMain())
	}
	os.Exit(m.Run())
}

// childMain is the REPL the pty tests talk to. It adds one host function,
// wait_for_interrupt(), which blocks until its evaluation is cancelled,
// for testing Ctrl-C during a long evaluation.
func childMain() int {
	return Run(Options{
		Files:       strings.Fields(os.Getenv(childFilesEnv)),
		Interactive: true,
		Version:     "test",
		Funcs:       []*interp.Func{waitForInterrupt()},
	})
}

func waitForInterrupt() *interp.Func {
	return &interp.Func{
		Name:    "wait_for_interrupt",
		Doc:     "Blocks until the evaluation is cancelled (tests only).",
		Example: "wait_for_interrupt()",
		Result:  "true",
		Ret:     lang.TBool,
		Impl: func(c *interp.Caller, _ []interp.Value) (interp.Value, error) {
			fmt.Println(waitMarker)
			select {
			case <-c.Context().Done():
				return interp.Value{}, c.Context().Err()
			case <-time.After(20 * time.Second):
				return interp.Value{}, errors.New("never interrupted")
			}
		},
	}
}

// session is a REPL child at a pty.
type session struct {
	t    *testing.T
	cmd  *exec.Cmd
	pty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	seen int // how much of out expect has consumed
	done chan struct{}
}

// start runs the REPL child with the given state directory (for its
// history) and files.
func start(t *testing.T, state string, files ...string) *session {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(),
		childEnv+"=1",
		childFilesEnv+"="+strings.Join(files, " "),
		"HOME="+state,
		"XDG_STATE_HOME="+filepath.Join(state, "xdg"),
		"TERM=xterm",
	)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 120})
	if err != nil {
		t.Fatalf("starting the REPL under a pty: %v", err)
	}
	s := &session{t: t, cmd: cmd, pty: f, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			s.mu.Lock()
			s.out.Write(buf[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
		f.Close()
	})
	return s
}

// expect waits until want appears in the output after what earlier calls
// consumed, and consumes up to its end.
func (s *session) expect(want string) {
	s.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		s.mu.Lock()
		text := s.out.String()
		s.mu.Unlock()
		if i := strings.Index(text[s.seen:], want); i >= 0 {
			s.seen += i + len(want)
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out waiting for %q; the terminal shows after the last match:\n%q", want, text[s.seen:])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// send types keys.
func (s *session) send(keys string) {
	s.t.Helper()
	if _, err := s.pty.Write([]byte(keys)); err != nil {
		s.t.Fatalf("typing %q: %v", keys, err)
	}
}

// wait waits for the child to exit and returns its status.
func (s *session) wait() int {
	s.t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- s.cmd.Wait() }()
	select {
	case err := <-errc:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			s.t.Fatalf("waiting for the REPL: %v", err)
		}
		return 0
	case <-time.After(5 * time.Second):
		s.t.Fatal("the REPL did not exit")
	}
	return -1
}

func TestPTYBannerAndCtrlD(t *testing.T) {
	s := start(t, t.TempDir(), exampleDir)
	s.expect("openai_microsoft (amended by aws_concessions)")
	s.expect("type :help for help")
	s.expect(prompt)
	s.send("\x04") // Ctrl-D on an empty line
	if code := s.wait(); code != 0 {
		t.Fatalf("exit status %d after Ctrl-D, want 0", code)
	}
}

func TestPTYCompletion(t *testing.T) {
	s := start(t, t.TempDir(), exampleDir)
	s.expect(prompt)
	s.send(":cl\t")
	s.expect(":clauses")
	s.send("\r")
	s.expect("clauses of openai_microsoft:")
	s.expect(prompt)
	s.send("micro\t")
	s.expect("microsoft")
	s.send("\r")
	s.expect("\nmicrosoft\r\n") // the answer: the party itself
	s.expect(prompt)
	// A field after a dot.
	s.send("given x = sell by openai { product: \"p\", platform: AWS, region: \"US\", date: 2027-01-02, gross: USD 10.00, refunds: USD 0.00 }\r")
	s.expect("x = sell by openai")
	s.expect(prompt)
	s.send("x.gr\t")
	s.expect("x.gross")
	s.send("\r")
	s.expect("\nUSD 10.00\r\n")
	s.send("\x04")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit status %d, want 0", code)
	}
}

func TestPTYContinuation(t *testing.T) {
	s := start(t, t.TempDir(), exampleDir)
	s.expect(prompt)
	s.send("max(USD 1.00,\r")
	s.expect(contPrompt)
	s.send("USD 2.00)\r")
	s.expect("\nUSD 2.00\r\n")
	s.expect(prompt)
	s.send("\x04")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit status %d, want 0", code)
	}
}

func TestPTYHistoryAcrossRestarts(t *testing.T) {
	state := t.TempDir()
	s := start(t, state, exampleDir)
	s.expect(prompt)
	s.send("20% of USD 50.00\r")
	s.expect("\nUSD 10.00\r\n")
	s.expect(prompt)
	s.send("(1 +\r")
	s.expect(contPrompt)
	s.send("2)\r")
	s.expect("\n3\r\n")
	s.expect(prompt)
	s.send("\x04")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit status %d, want 0", code)
	}
	hist := filepath.Join(state, "xdg", "pacta", "history")
	b, err := os.ReadFile(hist)
	if err != nil {
		t.Fatalf("no history file: %v", err)
	}
	if got, want := string(b), "20% of USD 50.00\n(1 + 2)\n"; got != want {
		t.Fatalf("history file holds %q, want %q (a multi-line entry is one line)", got, want)
	}

	s = start(t, state, exampleDir)
	s.expect(prompt)
	s.send("\x1b[A") // up: the last entry
	s.expect("(1 + 2)")
	s.send("\r")
	s.expect("\n3\r\n")
	s.expect(prompt)
	s.send("\x1b[A\x1b[A") // up twice: the one before
	s.expect("20% of USD 50.00")
	s.send("\r")
	s.expect("\nUSD 10.00\r\n")
	s.expect(prompt)
	s.send("\x04")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit status %d, want 0", code)
	}
}

func TestPTYCtrlCAtPrompt(t *testing.T) {
	s := start(t, t.TempDir(), exampleDir)
	s.expect(prompt)
	s.send("1 +\r")
	s.expect(contPrompt)
	s.send("\x03") // Ctrl-C abandons the unfinished entry
	s.expect("^C")
	s.expect(prompt)
	s.send("2\r")
	s.expect("\n2\r\n") // 2, not 1 + 2
	s.expect(prompt)
	s.send("USD 5")
	s.send("\x03") // and a half-typed line
	s.expect("^C")
	s.expect(prompt)
	s.send("\x04")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit status %d, want 0", code)
	}
}

func TestPTYCtrlCDuringEvaluation(t *testing.T) {
	s := start(t, t.TempDir(), exampleDir)
	s.expect(prompt)
	s.send("wait_for_interrupt()\r")
	s.expect(waitMarker)
	s.send("\x03") // SIGINT: the terminal is out of raw mode while evaluating
	s.expect("interrupted")
	s.expect(prompt)
	s.send("1 + 1\r")
	s.expect("\n2\r\n")
	s.expect(prompt)
	s.send("\x04")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit status %d, want 0", code)
	}
}
