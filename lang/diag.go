package lang

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Error is one problem found in a source file.
type Error struct {
	Pos  Pos
	Msg  string // plain words, no trailing period
	Hint string // optional, e.g. `did you mean "microsoft"?`
}

func (e *Error) Error() string {
	if e.Hint != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Pos, e.Msg, e.Hint)
	}
	return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
}

// ErrorList is a list of problems. The zero value is ready to use.
type ErrorList []*Error

// Add appends a problem at pos.
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// AddHint appends a problem with a hint.
func (l *ErrorList) AddHint(pos Pos, hint string, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Sort orders the list by file, line, column and message, and drops exact
// duplicates.
func (l *ErrorList) Sort() {
	s := *l
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
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Render writes e as the tools print it: `file:line:col: message`, then the
// source line, then a caret under the column, then the hint if any. src is
// the content of e.Pos.File (nil to omit the source line).
func (e *Error) Render(src []byte) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", e.Pos, e.Msg)
	if line, ok := sourceLine(src, e.Pos.Line); ok && e.Pos.Col > 0 {
		line = displaySafe(strings.ReplaceAll(line, "\t", " "))
		b.WriteString("    ")
		b.WriteString(line)
		b.WriteString("\n    ")
		col := e.Pos.Col
		if n := utf8.RuneCountInString(line) + 1; col > n {
			col = n
		}
		b.WriteString(strings.Repeat(" ", col-1))
		b.WriteString("^\n")
	}
	if e.Hint != "" {
		fmt.Fprintf(&b, "    %s\n", e.Hint)
	}
	return b.String()
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

// sourceLine returns line n (1-based) of src without its newline.
func sourceLine(src []byte, n int) (string, bool) {
	if src == nil || n < 1 {
		return "", false
	}
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return "", false
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(string(src), "\r"), true
}
