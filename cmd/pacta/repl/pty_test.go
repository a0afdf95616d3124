//go:build linux || darwin || freebsd || netbsd || openbsd

package repl

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// The tests in this file run the REPL at a real (pseudo) terminal: the
// test binary starts itself again as the REPL (see TestMain), under a pty
// of 24 rows and 80 or 140 columns (each test runs at both, see
// atWidths), types keys into it and reads what it shows.

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
		Impl: func(c *interp.Caller, _ []types.Value) (types.Value, error) {
			fmt.Println(waitMarker)
			select {
			case <-c.Context().Done():
				return types.Value{}, c.Context().Err()
			case <-time.After(20 * time.Second):
				return types.Value{}, errors.New("never interrupted")
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

// widths are the terminal widths every pty test runs at: a narrow
// terminal and a wide one.
var widths = []int{80, 140}

// atWidths runs f as a subtest at each of widths.
func atWidths(t *testing.T, f func(t *testing.T, cols int)) {
	for _, cols := range widths {
		t.Run(fmt.Sprintf("%dcols", cols), func(t *testing.T) { f(t, cols) })
	}
}

// start runs the REPL child at a terminal of cols columns with the given
// state directory (for its history) and files.
func start(t *testing.T, cols int, state string, files ...string) *session {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(),
		childEnv+"=1",
		childFilesEnv+"="+strings.Join(files, " "),
		"HOME="+state,
		"XDG_STATE_HOME="+filepath.Join(state, "xdg"),
		"TERM=xterm",
	)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: uint16(cols)})
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
	deadline := time.Now().Add(20 * time.Second) // a hang detector: a loaded machine is slow, not broken
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

// atPrompt waits until liner has taken the terminal into raw mode (ISIG
// off), so that a Ctrl-C typed next reaches liner as a key. liner draws
// its prompt before it changes the mode, so seeing the prompt is not
// enough: a Ctrl-C in between is a signal to a REPL that is not
// evaluating, and is lost. (A person cannot type that fast; a test can.)
func (s *session) atPrompt() {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		raw, err := signalsOff(int(s.pty.Fd()))
		if err != nil {
			s.t.Fatalf("reading the terminal's mode: %v", err)
		}
		if raw {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatal("the terminal never left cooked mode: liner is not reading a line")
		}
		time.Sleep(2 * time.Millisecond)
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
	atWidths(t, func(t *testing.T, cols int) {
		s := start(t, cols, t.TempDir(), exampleDir)
		s.expect("openai_microsoft (amended by aws_concessions)")
		s.expect("type :help for help")
		s.expect(prompt)
		s.send("\x04") // Ctrl-D on an empty line
		if code := s.wait(); code != 0 {
			t.Fatalf("exit status %d after Ctrl-D, want 0", code)
		}
	})
}

func TestPTYCompletion(t *testing.T) {
	atWidths(t, func(t *testing.T, cols int) {
		s := start(t, cols, t.TempDir(), exampleDir)
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
	})
}

func TestPTYContinuation(t *testing.T) {
	atWidths(t, func(t *testing.T, cols int) {
		s := start(t, cols, t.TempDir(), exampleDir)
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
	})
}

func TestPTYHistoryAcrossRestarts(t *testing.T) {
	atWidths(t, func(t *testing.T, cols int) {
		state := t.TempDir()
		s := start(t, cols, state, exampleDir)
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

		s = start(t, cols, state, exampleDir)
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
	})
}

func TestPTYCtrlCAtPrompt(t *testing.T) {
	atWidths(t, func(t *testing.T, cols int) {
		s := start(t, cols, t.TempDir(), exampleDir)
		s.expect(prompt)
		s.send("1 +\r")
		s.expect(contPrompt)
		s.atPrompt()
		s.send("\x03") // Ctrl-C abandons the unfinished entry
		s.expect("^C")
		s.expect(prompt)
		s.send("2\r")
		s.expect("\n2\r\n") // 2, not 1 + 2
		s.expect(prompt)
		s.atPrompt()
		s.send("USD 5")
		s.send("\x03") // and a half-typed line
		s.expect("^C")
		s.expect(prompt)
		s.send("\x04")
		if code := s.wait(); code != 0 {
			t.Fatalf("exit status %d, want 0", code)
		}
	})
}

func TestPTYCtrlCDuringEvaluation(t *testing.T) {
	atWidths(t, func(t *testing.T, cols int) {
		s := start(t, cols, t.TempDir(), exampleDir)
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
	})
}

// until waits for want like expect and returns what the terminal showed
// up to it (from the end of the last match).
func (s *session) until(want string) string {
	s.t.Helper()
	from := s.seen
	s.expect(want)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.String()[from:s.seen]
}

// escapeRE matches a terminal escape sequence (cursor moves, erasing).
var escapeRE = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

// screenLines returns the lines the terminal printed, without escape
// sequences and carriage returns.
func screenLines(text string) []string {
	text = escapeRE.ReplaceAllString(text, "")
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if i := strings.LastIndexByte(strings.TrimRight(l, "\r"), '\r'); i >= 0 {
			l = l[i+1:] // what a carriage return wrote over
		}
		out = append(out, strings.TrimRight(l, "\r"))
	}
	return out
}

// TestPTYTerminalIsDetected: the pty is a terminal for IsTerminal, and
// /dev/null, a character device, is not.
func TestPTYTerminalIsDetected(t *testing.T) {
	atWidths(t, func(t *testing.T, cols int) {
		ptmx, tty, err := pty.Open()
		if err != nil {
			t.Skip(err)
		}
		defer ptmx.Close()
		defer tty.Close()
		if err := pty.Setsize(tty, &pty.Winsize{Rows: 24, Cols: uint16(cols)}); err != nil {
			t.Fatal(err)
		}
		if !IsTerminal(tty) {
			t.Errorf("IsTerminal(pty) = false")
		}
		if got := terminalWidth(tty); got != cols {
			t.Errorf("terminalWidth = %d, want %d", got, cols)
		}
		null, err := os.Open(os.DevNull)
		if err != nil {
			t.Skip(err)
		}
		defer null.Close()
		if IsTerminal(null) {
			t.Errorf("IsTerminal(%s) = true", os.DevNull)
		}
	})
}

// TestPTYLongLineWraps: a line longer than the terminal wraps onto the
// next screen line (liner's multi-line mode), with no `{` or `}` scroll
// markers, which would read as Pacta's braces.
func TestPTYLongLineWraps(t *testing.T) {
	atWidths(t, func(t *testing.T, cols int) {
		s := start(t, cols, t.TempDir(), exampleDir)
		s.expect(prompt)
		// 1 + 1 + ... with cols/4+10 ones: wider than the terminal.
		n := cols/4 + 10
		expr := "1" + strings.Repeat(" + 1", n-1)
		s.send(expr)
		s.send("\r")
		shown := s.until(fmt.Sprintf("\n%d\r\n", n))
		if strings.ContainsAny(shown, "{}") {
			t.Errorf("scroll markers while typing a %d-character line at %d columns:\n%q", len(expr), cols, shown)
		}
		s.expect(prompt)
		s.send("\x04")
		if code := s.wait(); code != 0 {
			t.Fatalf("exit status %d, want 0", code)
		}
	})
}

// TestPTYOutputFitsTheTerminal: help, the clause table and an
// explanation fit the terminal: no printed line is wider than it, so the
// terminal never wraps one mid-word. At 80 columns the clause table is
// printed a clause under another; at 140 in columns.
func TestPTYOutputFitsTheTerminal(t *testing.T) {
	atWidths(t, func(t *testing.T, cols int) {
		s := start(t, cols, t.TempDir(), exampleDir)
		s.expect(prompt)
		entries := []string{
			":help", ":help commands", ":help decide", ":help money", ":help define", ":help syntax",
			":help shares", ":help dates", ":help amendments",
			":clauses",
			`sell by openai { product: "p", platform: AWS, region: "US", date: 2027-01-15, gross: USD 1,000.00, refunds: USD 0.00 }`,
			":why",
			// an error quoting a line wider than the terminal
			`sell by openai { product: "p", platform: AWS, region: "US", date: 2027-01-15, gross: USD 1,000.00, refunds: USD 0.00 } + 1`,
			`clause 5.1 "Revenue share" openai pays microsoft 30% of net_revenue of each sell by openai settled quarterly`,
			":status",
			":diff",
			":ledger " + exampleDir + "/ledger.csv",
			":settle 2026-Q4",
			":why 3",
			":trace 3",
		}
		var shown strings.Builder
		for _, e := range entries {
			s.send(e + "\r")
			s.expect(e) // the echo of what was typed
			shown.WriteString(s.until(prompt))
		}
		text := shown.String()
		for _, l := range screenLines(text) {
			if strings.Contains(l, prompt) {
				continue // what was typed
			}
			if w := runeLen(l); w > cols {
				t.Errorf("a line of %d characters at %d columns:\n%s", w, cols, l)
			}
		}
		wide := strings.Contains(text, "clause  title")
		narrow := strings.Contains(text, "clause 2.1\r\n")
		if cols < 100 && (wide || !narrow) || cols >= 140 && (!wide || narrow) {
			t.Errorf("at %d columns the clause table is not in the layout for that width:\n%s", cols, text)
		}
		s.send("\x04")
		if code := s.wait(); code != 0 {
			t.Fatalf("exit status %d, want 0", code)
		}
	})
}

// TestPTYMultiLineClause: a clause typed over several lines is read until
// a blank line, modifiers included, and declared once; up-arrow then
// recalls it whole, as one line, and it runs again the same.
func TestPTYMultiLineClause(t *testing.T) {
	atWidths(t, func(t *testing.T, cols int) {
		s := start(t, cols, t.TempDir(), exampleDir)
		s.expect(prompt)
		s.send(`clause 5.1 "Revenue share"` + "\r")
		s.expect(contPrompt)
		s.send("  openai pays microsoft 10% of net_revenue of each sell by openai\r")
		s.expect(contPrompt) // complete, but a declaration over several lines waits for a blank line
		s.send("  settled yearly\r")
		s.expect(contPrompt)
		s.send("\r")
		got := s.until("replaced clause 5.1")
		if strings.Contains(got, "completed") {
			t.Errorf("the clause was accepted half-finished and completed later:\n%q", got)
		}
		s.expect(prompt)
		s.send(":show 5.1\r")
		s.expect("settled yearly")
		s.expect(prompt)
		s.send("\x1b[A\x1b[A") // up twice: the clause, as one line
		s.expect(`clause 5.1 "Revenue share" openai pays`)
		s.send("\r")
		s.expect("replaced clause 5.1")
		s.expect(prompt)
		// A question at the margin right after a clause over several
		// lines starts a new entry: the clause is declared, then 2.
		s.send(`clause 5.1 "Revenue share"` + "\r")
		s.expect(contPrompt)
		s.send("  openai pays microsoft 15% of net_revenue of each sell by openai\r")
		s.expect(contPrompt)
		s.send("1 + 1\r")
		s.expect("replaced clause 5.1")
		s.expect("\n2\r\n")
		s.expect(prompt)
		s.send("\x04")
		if code := s.wait(); code != 0 {
			t.Fatalf("exit status %d, want 0", code)
		}
	})
}

// TestPTYCtrlDAtContinuation: Ctrl-D at the "..." prompt drops the entry
// and says so; the session goes on.
func TestPTYCtrlDAtContinuation(t *testing.T) {
	atWidths(t, func(t *testing.T, cols int) {
		s := start(t, cols, t.TempDir(), exampleDir)
		s.expect(prompt)
		s.send("max(USD 1.00,\r")
		s.expect(contPrompt)
		s.send("USD 2.00,\r")
		s.expect(contPrompt)
		s.send("\x04")
		s.expect("entry dropped")
		s.expect("its 2 lines did not run")
		s.expect(prompt)
		s.send("7\r")
		s.expect("\n7\r\n")
		s.expect(prompt)
		s.send("\x04")
		if code := s.wait(); code != 0 {
			t.Fatalf("exit status %d, want 0", code)
		}
	})
}

// TestPTYRecallLinesThatMatter: an entry whose lines matter (a share
// with a line per rate) is kept in the history with its lines marked,
// recalled whole by up-arrow, and runs again as typed.
func TestPTYRecallLinesThatMatter(t *testing.T) {
	atWidths(t, func(t *testing.T, cols int) {
		s := start(t, cols, t.TempDir(), exampleDir)
		s.expect(prompt)
		s.send(`clause 9.2 "By platform" openai pays microsoft of each sell by openai:` + "\r")
		s.expect(contPrompt)
		s.send("  25% of net_revenue where platform == AWS\r")
		s.expect(contPrompt)
		s.send("  20% of net_revenue otherwise\r")
		s.expect(contPrompt)
		s.send("\r")
		s.expect(`added clause 9.2 "By platform"`)
		s.expect(prompt)
		s.send(":undo\r")
		s.expect("took back")
		s.expect(prompt)
		s.send("\x1b[A\x1b[A") // up twice: the clause
		s.expect("openai:" + lineMark + "25%")
		s.send("\r")
		s.expect(`added clause 9.2 "By platform"`)
		s.expect(prompt)
		s.send("\x04")
		if code := s.wait(); code != 0 {
			t.Fatalf("exit status %d, want 0", code)
		}
	})
}
