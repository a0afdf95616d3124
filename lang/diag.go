package lang

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// Limits on error output (SPEC 12.1, 13), so that a file with thousands of
// problems on long lines makes a bounded report.
const (
	// MaxKeptErrors is how many problems an ErrorList keeps; Add and
	// AddHint count the problems after that without keeping them (see
	// Omitted), so checking a hostile file holds bounded memory.
	MaxKeptErrors = 1000
	// MaxShownErrors is how many problems RenderList prints before its
	// summary line.
	MaxShownErrors = 100
	// MaxShownLine is how many characters of a source line Render echoes:
	// a longer line is cut to a window around the column, each cut marked
	// by "…".
	MaxShownLine = 120
)

// Error is one problem found in a source file.
type Error struct {
	Pos  Pos
	Msg  string // plain words, no trailing period
	Hint string // optional, e.g. `did you mean "microsoft"?`
	// Omitted is set only on the last entry of a list that reached
	// MaxKeptErrors: how many more problems were found and not kept. That
	// entry stands for them, at the position of the first of them.
	Omitted int
}

func (e *Error) Error() string {
	if e.Hint != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Pos, e.Msg, e.Hint)
	}
	return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
}

// ErrorList is a list of problems. The zero value is ready to use.
type ErrorList []*Error

// Add appends a problem at pos. A string among args longer than MaxQuoted
// characters is clipped (see clipArgs). Once the list holds MaxKeptErrors
// problems, it only counts the next ones (see Omitted).
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	if l.full(pos) {
		return
	}
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, clipArgs(format, args)...)})
}

// AddHint appends a problem with a hint, as Add.
func (l *ErrorList) AddHint(pos Pos, hint string, format string, args ...any) {
	if l.full(pos) {
		return
	}
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, clipArgs(format, args)...), Hint: hint})
}

// full reports whether l keeps no more problems; if so it counts one more
// at pos in its last entry, which it adds for the first.
func (l *ErrorList) full(pos Pos) bool {
	s := *l
	if n := len(s); n > 0 && s[n-1].Omitted > 0 {
		s[n-1].Omitted++
		s[n-1].Msg = omittedMsg(s[n-1].Omitted)
		return true
	}
	if len(s) < MaxKeptErrors {
		return false
	}
	*l = append(s, omittedError(pos, 1))
	return true
}

func omittedError(pos Pos, n int) *Error {
	return &Error{Pos: pos, Msg: omittedMsg(n), Omitted: n}
}

func omittedMsg(n int) string {
	return fmt.Sprintf("too many problems: %s more not kept (only the first %s are)",
		thousands(n), thousands(MaxKeptErrors))
}

// Total is how many problems l stands for: those it holds and those it
// counted without keeping them.
func (l ErrorList) Total() int {
	n := 0
	for _, e := range l {
		if e.Omitted > 0 {
			n += e.Omitted
		} else {
			n++
		}
	}
	return n
}

// Sort orders the list by file, line, column and message, and drops exact
// duplicates; the entry counting problems not kept comes last, at its own
// position or, if that is earlier, at the last kept problem's. Problems counted but not kept (see Omitted) stay counted, in
// one last entry; if the list holds more than MaxKeptErrors problems (lists
// appended together), those after the first MaxKeptErrors in order join
// them.
func (l *ErrorList) Sort() {
	s := (*l)[:0:0]
	var omitted *Error
	for _, e := range *l {
		if e.Omitted > 0 {
			if omitted == nil {
				omitted = omittedError(e.Pos, 0)
			}
			omitted.Omitted += e.Omitted
			continue
		}
		s = append(s, e)
	}
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i].Pos, s[j].Pos
		if a.File != b.File || a.Line != b.Line || a.Col != b.Col {
			return a.Before(b)
		}
		return s[i].Msg < s[j].Msg
	})
	out := s[:0]
	for i, e := range s {
		if i > 0 && *e == *s[i-1] {
			continue
		}
		out = append(out, e)
	}
	if len(out) > MaxKeptErrors {
		if omitted == nil {
			omitted = omittedError(out[MaxKeptErrors].Pos, 0)
		}
		omitted.Omitted += len(out) - MaxKeptErrors
		out = out[:MaxKeptErrors]
	}
	if omitted != nil {
		omitted.Msg = omittedMsg(omitted.Omitted)
		// Problems are found in no particular order, so the first one
		// counted may lie before the last one kept; the entry then takes
		// the last kept position, and the list stays in order.
		if n := len(out); n > 0 && omitted.Pos.Before(out[n-1].Pos) {
			omitted.Pos = out[n-1].Pos
		}
		out = append(out, omitted)
	}
	*l = out
}

// Err returns the list as an error, or nil if it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], l.Total()-1)
}

// RenderList writes l sorted, as the tools print it: each problem rendered
// (see Render) with the content of its file, src(file), up to
// MaxShownErrors of them, then, if there are more, one line saying how many
// more and how many in all:
//
//	… and 4,400 more problems (4,500 in total)
func (l ErrorList) RenderList(w io.Writer, src func(file string) []byte) {
	l.Sort()
	shown := 0
	lines := make(map[string]*lineIndex)
	for _, e := range l {
		if shown == MaxShownErrors || e.Omitted > 0 {
			break
		}
		ix := lines[e.Pos.File]
		if ix == nil {
			ix = newLineIndex(src(e.Pos.File))
			lines[e.Pos.File] = ix
		}
		io.WriteString(w, e.render(ix))
		shown++
	}
	if total := l.Total(); total > shown {
		fmt.Fprintf(w, "… and %s more %s (%s in total)\n",
			thousands(total-shown), plural(total-shown, "problem", "problems"), thousands(total))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Render writes e as the tools print it: `file:line:col: message`, then the
// source line, then a caret under the column, then the hint if any. src is
// the content of e.Pos.File (nil to omit the source line). A line longer
// than MaxShownLine characters is shown as a window of that many around the
// column (see lineWindow).
func (e *Error) Render(src []byte) string {
	return e.render(&lineIndex{src: src})
}

// render is Render with the source's lines found through ix.
func (e *Error) render(ix *lineIndex) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", e.Pos, e.Msg)
	if line, ok := ix.line(e.Pos.Line); ok && e.Pos.Col > 0 {
		line, col := lineWindow(line, e.Pos.Col)
		line = displaySafe(strings.ReplaceAll(line, "\t", " "))
		b.WriteString("    ")
		b.WriteString(line)
		b.WriteString("\n    ")
		b.WriteString(strings.Repeat(" ", col-1))
		b.WriteString("^\n")
	}
	if e.Hint != "" {
		fmt.Fprintf(&b, "    %s\n", e.Hint)
	}
	return b.String()
}

// lineWindow returns the part of line to show for column col (1-based,
// counted in characters, SPEC 1.1) and the column of the caret in it. A
// line of at most MaxShownLine characters is shown whole. A longer one is
// cut to MaxShownLine characters, starting MaxShownLine/2 before the column
// where possible, and "…" replaces each part cut off. A column past the end
// of the line is put just after its last character.
func lineWindow(line []byte, col int) (string, int) {
	n := utf8.RuneCount(line) // an invalid byte counts as one
	if col > n+1 {
		col = n + 1
	}
	if n <= MaxShownLine {
		return string(line), col
	}
	lo := col - 1 - MaxShownLine/2 // index of the first character shown
	if lo < 0 {
		lo = 0
	}
	hi := lo + MaxShownLine
	if hi > n {
		hi, lo = n, n-MaxShownLine
	}
	// Byte offsets of characters lo and hi.
	bl, bh := len(line), len(line)
	for i, off := 0, 0; off < len(line); i++ {
		if i == lo {
			bl = off
		}
		if i == hi {
			bh = off
			break
		}
		_, size := utf8.DecodeRune(line[off:])
		off += size
	}
	out, caret := string(line[bl:bh]), col-lo
	if lo > 0 {
		out, caret = "…"+out, caret+1
	}
	if hi < n {
		out += "…"
	}
	return out, caret
}

// displaySafe replaces each character of s that would not display as
// itself on a terminal, or would reorder what follows it, by U+FFFD: bytes
// that are not UTF-8, control characters and bidirectional controls (see
// badText). Each is one character, so columns are kept.
func displaySafe(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s { // an invalid byte is RuneError, one character
		if unsafeRune(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unsafeRune reports whether r is shown as U+FFFD by displaySafe.
func unsafeRune(r rune) bool {
	return r == utf8.RuneError || r < 0x20 || 0x7f <= r && r < 0xa0 ||
		0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069
}

// lineIndex finds the lines of one source. Built by newLineIndex, it
// finds each line in constant time, after one pass over the source, so
// that rendering many problems of one file is linear; the zero value with
// src set scans from the start for each line (enough for one problem).
type lineIndex struct {
	src    []byte
	starts []int // byte offset of each line's start, if indexed
}

func newLineIndex(src []byte) *lineIndex {
	ix := &lineIndex{src: src}
	if src == nil {
		return ix
	}
	ix.starts = []int{0}
	for off := 0; ; {
		j := bytes.IndexByte(src[off:], '\n')
		if j < 0 {
			break
		}
		off += j + 1
		ix.starts = append(ix.starts, off)
	}
	return ix
}

// line returns line n (1-based) without its newline, as sourceLine.
func (ix *lineIndex) line(n int) ([]byte, bool) {
	if ix.starts == nil || n < 1 {
		return sourceLine(ix.src, n)
	}
	if n > len(ix.starts) {
		return nil, false
	}
	line := ix.src[ix.starts[n-1]:]
	if j := bytes.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	return bytes.TrimRight(line, "\r"), true
}

// sourceLine returns line n (1-based) of src without its newline, sharing
// src's memory.
func sourceLine(src []byte, n int) ([]byte, bool) {
	if src == nil || n < 1 {
		return nil, false
	}
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return nil, false
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return bytes.TrimRight(src, "\r"), true
}
