// Package repl is Pacta's read-eval-print loop, `pacta repl`: a thin
// client of lang and interp where lawyers type questions, clauses and
// terms about loaded agreements and see the answers.
//
// At a terminal (golang.org/x/term says so; /dev/null is not one) it
// edits lines with github.com/peterh/liner in its multi-line mode, keeps a
// history file, completes names with Tab, continues an incomplete entry on
// further lines after a "...  " prompt (a declaration that took several
// lines ends at a blank line, and is recalled whole by up-arrow), abandons
// the entry being typed on Ctrl-C or Ctrl-D at the "..." prompt (saying
// so), stops a long evaluation on Ctrl-C (through its context) and leaves
// on Ctrl-D. Its output fits the terminal's width (wrap.go): lines are
// wrapped between words, help at most 100 columns wide, and tables that
// do not fit are printed a row under another.
//
// Besides questions and declarations it has what a what-if session needs
// (whatif.go: :diff, :undo, :status, :save), explanations in the
// agreement's words (:why, whynot.go; :trace, trace.go), questions on
// actions given in part (partial.go), one-line hints for common mistakes
// (hints.go) and a choice among several agreements (agreements.go).
//
// With piped input (stdin is not a terminal) it reads lines without liner
// and prints no banner and no prompts: only the answers, in order.
// Problems are printed to stdout too, where they fall between the answers
// they belong with, so that a transcript reads in order; the exit status is
// 1 if any entry failed (a syntax, check or runtime error, an unknown or
// failed command, a failed test), else 0. An entry may have at most 1 MiB
// (maxEntry), with its continuation lines; a longer one is reported with
// its input line number and skipped, and the session goes on.
package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
	"github.com/peterh/liner"
	"golang.org/x/term"
)

// Prompts at a terminal.
const (
	prompt     = "pacta> "
	contPrompt = "...  "
)

// maxEntry is the longest entry piped input may have, in bytes (1 MiB),
// with its continuation lines. A longer one is reported, skipped and
// counted as failed; the session goes on with the next line.
const maxEntry = 1 << 20

// maxHistoryEntry is the longest entry kept in the history file (liner
// stops reading a history file at an entry over 4096 bytes).
const maxHistoryEntry = 4000

// Options configures Run.
type Options struct {
	// Files are the agreement files and directories to load.
	Files []string
	// AsOf is an initial as-of date ("" for none).
	AsOf string
	// Agreement chooses the agreement questions go to when several are
	// loaded ("" for the first; see :agreement).
	Agreement string
	// Stdin, Stdout and Stderr are the streams of the piped mode.
	// Interactive mode always uses the process's terminal (liner reads
	// file descriptors 0 and 1).
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Interactive selects line editing at a terminal; see IsTerminal.
	Interactive bool
	// Version is printed in the banner.
	Version string
	// HistoryFile overrides the history file; "" means
	// $XDG_STATE_HOME/pacta/history, or ~/.local/state/pacta/history.
	HistoryFile string
	// Funcs are host functions added to the standard library's.
	Funcs []*interp.Func
	// StepBudget bounds each question (0: interp's default).
	StepBudget int64
	// Width is the width of the output in columns for piped input (0:
	// unlimited). At a terminal the terminal's width is read before each
	// entry. Lines longer than the width are wrapped between words, and
	// tables too wide for it are printed one row under another.
	Width int
}

// IsTerminal reports whether f is a terminal. Being a character device
// is not enough: /dev/null is one, and `pacta repl </dev/null` must read
// its (empty) input without line editing.
func IsTerminal(f *os.File) bool {
	return f != nil && term.IsTerminal(int(f.Fd()))
}

// terminalWidth returns the width of the terminal at f in columns (0 if
// it is not a terminal or does not say).
func terminalWidth(f *os.File) int {
	w, _, err := term.GetSize(int(f.Fd()))
	if err != nil || w <= 0 {
		return 0
	}
	return w
}

// Run runs the REPL until the input ends or :quit, and returns the exit
// status.
func Run(opts Options) int {
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	s := newSession(opts.Stdout, opts.Funcs, opts.StepBudget)
	s.width = opts.Width
	s.chosen = opts.Agreement
	if opts.Interactive {
		s.width = terminalWidth(os.Stdout)
	}
	loaded := s.load(context.Background(), opts.Files)
	s.flush()
	if !loaded {
		fmt.Fprintln(opts.Stderr, "pacta repl: the agreements could not be loaded")
		return 1
	}
	if opts.AsOf != "" {
		ok := s.setAsOf([]string{opts.AsOf})
		s.flush()
		if !ok {
			return 2
		}
	}
	if opts.Interactive {
		return interactive(s, opts)
	}
	return piped(s, opts)
}

// banner is the one-line greeting.
func (s *Session) banner(version string) string {
	v := "Pacta"
	if version != "" {
		v += " " + version
	}
	if s.base == nil {
		return v + ": no agreement loaded; type :help for help"
	}
	if w := s.agreementsWords(); w != "" {
		return v + ": " + s.loadedWords() + "; " + w + "; type :help for help"
	}
	return v + ": " + s.loadedWords() + "; type :help for help"
}

// needsMore reports whether text is an entry that is not finished: an
// open block, bracket or text, or an operator or clause with nothing
// after it.
func needsMore(text string) bool { return needsMoreScan(text, nil) }

// needsMoreScan is needsMore for an entry read line by line, with sc
// having scanned it so far (nil: scan text now). A long entry would take
// time growing with the square of its length if it were parsed again
// after each line; from longEntry bytes on, open brackets or a trailing
// operator, which sc keeps track of, say it is unfinished without a parse.
func needsMoreScan(text string, sc *bracketScanner) bool {
	t := strings.TrimSpace(text)
	if t == "" || strings.HasPrefix(t, ":") {
		return false
	}
	if strings.HasPrefix(t, "may ") {
		return openEnded(text) // a permission question, `may PARTY ACTION { ... }`
	}
	if len(text) > longEntry {
		if sc == nil {
			sc = &bracketScanner{}
		}
		sc.scan(text)
		if sc.openEnded() {
			return true
		}
	}
	if _, blanked, ok := splitGiven(text); ok {
		_, errs := lang.ParseExpr(replName, []byte(blanked))
		return lang.IsIncomplete(errs, []byte(blanked))
	}
	_, errs := lang.ParseInput(replName, []byte(text))
	return lang.IsIncomplete(errs, []byte(text))
}

// longEntry is the size from which needsMore first looks for open brackets
// and trailing operators (shorter entries are always parsed, so that an
// error in one is reported at once, before the next line).
const longEntry = 512

// bracketScanner follows the brackets and quotes of an entry as it grows.
type bracketScanner struct {
	done     int  // bytes scanned
	depth    int  // brackets open
	inText   bool // in text in quotes
	escape   bool // after a backslash in text
	comment  bool // in a comment
	prevDash bool // the last byte was a '/' outside text and comments
	last     byte // the last byte outside comments and spaces
	before   byte // last before that '/'
}

// scan reads text from where the last scan stopped; text must extend what
// was scanned before.
func (b *bracketScanner) scan(text string) {
	for ; b.done < len(text); b.done++ {
		c := text[b.done]
		switch {
		case b.comment:
			b.comment = c != '\n'
			continue
		case b.inText:
			switch {
			case b.escape:
				b.escape = false
			case c == '\\':
				b.escape = true
			case c == '"':
				b.inText = false
			case c == '\n':
				b.inText = false // text ends at the line's end (an error the parser reports)
			}
			continue
		}
		if c == '/' && b.prevDash {
			b.comment, b.prevDash, b.last = true, false, b.before
			continue
		}
		b.prevDash = c == '/'
		if c == '/' {
			b.before = b.last
		}
		switch c {
		case '"':
			b.inText = true
		case '(', '[', '{':
			b.depth++
		case ')', ']', '}':
			b.depth--
		case ' ', '\t', '\n', '\r':
			continue
		}
		b.last = c
	}
}

// openEnded reports whether what was scanned has a bracket or quote left
// open, or ends with an operator.
func (b *bracketScanner) openEnded() bool {
	return b.inText || b.depth > 0 || strings.IndexByte("+-*/,:=<>!", b.last) >= 0
}

// openEnded reports whether text has a bracket or quote left open, or
// ends with an operator, outside comments and text in quotes.
func openEnded(text string) bool {
	var b bracketScanner
	b.scan(text)
	return b.openEnded()
}

// isDeclaration reports whether text is one or more complete items.
func isDeclaration(text string) bool {
	if strings.HasPrefix(strings.TrimSpace(text), ":") {
		return false
	}
	if _, _, ok := splitGiven(text); ok {
		return false
	}
	in, errs := lang.ParseInput(replName, []byte(text))
	return len(errs) == 0 && len(in.Items) > 0
}

// isCommand reports whether line is a command.
func isCommand(line string) bool { return strings.HasPrefix(strings.TrimSpace(line), ":") }

func isIndented(line string) bool {
	return line != "" && (line[0] == ' ' || line[0] == '\t') && strings.TrimSpace(line) != ""
}

// piped reads entries from opts.Stdin without prompts.
func piped(s *Session, opts Options) int {
	lr := newLineReader(opts.Stdin, maxEntry)
	var peeked *inputLine
	next := func() (inputLine, bool) {
		if peeked != nil {
			l := *peeked
			peeked = nil
			return l, true
		}
		return lr.next()
	}
	peek := func() (inputLine, bool) {
		if peeked == nil {
			l, ok := next()
			if !ok {
				return inputLine{}, false
			}
			peeked = &l
		}
		return *peeked, true
	}
	failed := 0
	// tooLong reports an entry over maxEntry; the session goes on.
	tooLong := func(line, size int) {
		fmt.Fprintf(opts.Stdout, "input line %d: the entry is too long (%s); an entry may have at most %s, so it was skipped\n",
			line, byteWords(size), byteWords(maxEntry))
		failed++
	}
	// more reads continuation lines while entry is unfinished; a blank
	// line, or a command, ends the entry as it is (its error says what was
	// missing). It returns false if the entry grew over maxEntry (the lines
	// read are dropped).
	more := func(entry string, first int) (string, bool) {
		sc := &bracketScanner{}
		var b strings.Builder // its String does not copy
		b.WriteString(entry)
		for needsMoreScan(b.String(), sc) {
			l, ok := peek()
			if !ok || l.over > 0 || isCommand(l.text) {
				break
			}
			next()
			if strings.TrimSpace(l.text) == "" {
				break
			}
			if b.Len()+1+len(l.text) > maxEntry {
				tooLong(first, b.Len()+1+len(l.text))
				return "", false
			}
			b.WriteByte('\n')
			b.WriteString(l.text)
		}
		return b.String(), true
	}
	ctx := context.Background()
	for !s.quit {
		line, ok := next()
		if !ok {
			break
		}
		if line.over > 0 {
			tooLong(line.num, line.over)
			continue
		}
		entry, ok := more(line.text, line.num)
		if !ok {
			continue
		}
		// An indented line after a declaration continues it: a clause's
		// modifiers (settled quarterly, due ...) on lines of their own.
		for ok && isDeclaration(entry) {
			l, more2 := peek()
			if !more2 || l.over > 0 || !isIndented(l.text) || len(entry)+1+len(l.text) > maxEntry {
				break
			}
			cand := entry + "\n" + l.text
			if !isDeclaration(cand) && !needsMore(cand) {
				break
			}
			next()
			entry, ok = more(cand, line.num)
		}
		if !ok {
			continue
		}
		if !s.Handle(ctx, entry) {
			failed++
		}
	}
	if err := lr.err; err != nil {
		fmt.Fprintf(opts.Stdout, "cannot read the input: %v\n", err)
		failed++
	}
	if failed > 0 {
		fmt.Fprintf(opts.Stderr, "pacta repl: %s failed\n", entries(failed))
		return 1
	}
	return 0
}

// HistoryPath returns the history file: $XDG_STATE_HOME/pacta/history,
// or ~/.local/state/pacta/history ("" if neither can be found).
func HistoryPath() string {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "pacta", "history")
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ""
	}
	return filepath.Join(home, ".local", "state", "pacta", "history")
}

// historyItem turns an entry into one history line: its lines joined by
// spaces, with comments dropped. It returns false if the joined line would
// not read the same (a line ending in a three-letter capital word before
// one starting with a number reads as money) or is too long.
func historyItem(entry string) (string, bool) {
	lines := strings.Split(entry, "\n")
	for i, l := range lines {
		if i < len(lines)-1 {
			l = stripComment(l)
		}
		lines[i] = strings.TrimSpace(l)
	}
	var parts []string
	for _, l := range lines {
		if l != "" {
			parts = append(parts, l)
		}
	}
	joined := strings.Join(parts, " ")
	if joined == "" || len(joined) > maxHistoryEntry || !utf8.ValidString(joined) {
		return "", false
	}
	if len(lines) > 1 && !strings.HasPrefix(joined, ":") {
		_, e1 := lang.ParseInput(replName, []byte(entry))
		_, e2 := lang.ParseInput(replName, []byte(joined))
		if (len(e1) == 0) != (len(e2) == 0) {
			// The lines matter (the lines of a share, say): keep them,
			// marked, so that the entry is still recalled whole.
			marked := strings.Join(parts, lineMark)
			if len(marked) > maxHistoryEntry || strings.Contains(entry, lineMark) {
				return "", false
			}
			return marked, true
		}
	}
	return joined, true
}

// lineMark separates the lines of an entry kept in the history as one
// line when joining them with spaces would change what it means; an
// entry read with it is split at it again (see readEntry).
const lineMark = " ↵ "

// unmark turns a history line with line marks back into its lines.
func unmark(line string) (string, bool) {
	if !strings.Contains(line, lineMark) {
		return line, false
	}
	return strings.ReplaceAll(line, lineMark, "\n"), true
}

// stripComment removes a `//` comment from a line, outside text in quotes.
func stripComment(l string) string {
	in := false
	for i := 0; i < len(l); i++ {
		switch {
		case in && l[i] == '\\':
			i++
		case l[i] == '"':
			in = !in
		case !in && l[i] == '/' && i+1 < len(l) && l[i+1] == '/':
			return l[:i]
		}
	}
	return l
}

// interactive runs the REPL at a terminal with liner.
func interactive(s *Session, opts Options) int {
	ln := liner.NewLiner()
	defer ln.Close()
	ln.SetCtrlCAborts(true)
	// Long lines wrap onto the next screen line; without this liner
	// scrolls them sideways behind `{` and `}` markers, which read as
	// Pacta's braces.
	ln.SetMultiLineMode(true)
	ln.SetTabCompletionStyle(liner.TabPrints)
	ln.SetWordCompleter(s.complete)

	hist := opts.HistoryFile
	if hist == "" {
		hist = HistoryPath()
	}
	if hist != "" {
		if f, err := os.Open(hist); err == nil {
			ln.ReadHistory(f)
			f.Close()
		}
	}
	saveHistory := func() {
		if hist == "" {
			return
		}
		if err := os.MkdirAll(filepath.Dir(hist), 0o700); err != nil {
			return
		}
		f, err := os.OpenFile(hist, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
		if err != nil {
			return
		}
		ln.WriteHistory(f)
		f.Close()
	}
	saveHistory() // create the file if it is missing

	// Ctrl-C outside the prompt (while evaluating) arrives as SIGINT: it
	// cancels the evaluation's context instead of killing the process.
	sigc := make(chan os.Signal, 1)
	signal.Notify(sigc, os.Interrupt)
	defer signal.Stop(sigc)

	s.println(s.banner(opts.Version))
	s.flush()
	carry := ""
	for !s.quit {
		entries, ok := readEntry(ln, opts.Stdout, &carry)
		if !ok {
			break
		}
		for _, entry := range entries {
			if s.quit {
				break
			}
			if item, ok := historyItem(entry); ok {
				ln.AppendHistory(item)
			} else {
				for _, l := range strings.Split(entry, "\n") {
					if item, ok := historyItem(l); ok {
						ln.AppendHistory(item)
					}
				}
			}
			saveHistory()
			select {
			case <-sigc: // a stray interrupt from before
			default:
			}
			if w := terminalWidth(os.Stdout); w > 0 {
				s.width = w // the terminal may have been resized
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan struct{})
			go func() {
				select {
				case <-sigc:
					cancel()
				case <-done:
				}
			}()
			s.Handle(ctx, entry)
			close(done)
			cancel()
		}
	}
	saveHistory()
	return 0
}

// readEntry reads one entry: a line, and more lines while it is
// unfinished. It returns false at the end of input (Ctrl-D on an empty
// line at the first prompt). Ctrl-C abandons the entry and starts again;
// so does Ctrl-D at a continuation prompt, which says so on out. A blank
// line ends an unfinished entry as it is, and so does a command, which
// then runs after it: two entries. A declaration that took more than one
// line is read until a blank line, so that the modifiers of a clause
// (settled quarterly, due ...) typed on lines of their own belong to it.
//
// A line at the margin after such a declaration is complete starts the
// next entry instead (carry holds it over): a question typed right after
// a clause, without the blank line, is not taken as part of the clause.
func readEntry(ln *liner.State, out io.Writer, carry *string) ([]string, bool) {
	var lines []string
	for {
		p := prompt
		if len(lines) > 0 {
			p = contPrompt
		}
		var line string
		var err error
		if *carry != "" {
			line, *carry = *carry, ""
		} else {
			line, err = ln.Prompt(p)
		}
		switch {
		case errors.Is(err, liner.ErrPromptAborted):
			lines = nil
			continue
		case errors.Is(err, io.EOF) && len(lines) > 0:
			fmt.Fprintf(out, "\nentry dropped (Ctrl-D at the \"...\" prompt): its %s did not run\n", plural(len(lines), "line"))
			lines = nil
			continue
		case err != nil:
			if errors.Is(err, io.EOF) {
				fmt.Fprintln(out)
			}
			return nil, false
		}
		if len(lines) > 0 {
			switch {
			case strings.TrimSpace(line) == "":
				return []string{strings.Join(lines, "\n")}, true
			case isCommand(line):
				return []string{strings.Join(lines, "\n"), line}, true
			case len(lines) > 1 && !isIndented(line) && isDeclaration(strings.Join(lines, "\n")):
				*carry = line
				return []string{strings.Join(lines, "\n")}, true
			}
		}
		if l, ok := unmark(line); ok && len(lines) == 0 {
			return []string{l}, true // a multi-line entry recalled from the history
		}
		lines = append(lines, line)
		entry := strings.Join(lines, "\n")
		if strings.TrimSpace(entry) == "" {
			return nil, true
		}
		if needsMore(entry) || len(lines) > 1 && isDeclaration(entry) {
			continue
		}
		return []string{entry}, true
	}
}

func entries(n int) string {
	if n == 1 {
		return "1 entry"
	}
	return fmt.Sprintf("%d entries", n)
}
