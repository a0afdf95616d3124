package repl

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// This file fits the REPL's output to the width of the terminal: long
// lines are wrapped between words (never inside one), and tables that do
// not fit are printed one row under another (writeTable).

// wrapWriter writes to w, wrapping every line wider than width() columns
// at spaces; continuation lines are indented two columns more than the
// line they continue. A line that is followed by a caret line (spaces and
// a `^`, under a quoted line of source) is written as it is, so that the
// caret stays under its column. A word wider than the line is not broken.
// Flush writes the last line if it had no newline.
type wrapWriter struct {
	w       io.Writer
	width   func() int // the width to wrap at (0: do not)
	partial []byte     // the line being written
	pending *string
}

func (ww *wrapWriter) Write(p []byte) (int, error) {
	for _, c := range p {
		if c != '\n' {
			ww.partial = append(ww.partial, c)
			continue
		}
		line := string(ww.partial)
		ww.partial = ww.partial[:0]
		if err := ww.line(line); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// line takes one complete line.
func (ww *wrapWriter) line(l string) error {
	if ww.pending != nil {
		prev := *ww.pending
		ww.pending = nil
		var err error
		if isCaretLine(l) {
			prev, l = caretWindow(prev, l, ww.width())
			_, err = fmt.Fprintf(ww.w, "%s\n%s\n", prev, l)
			return err
		}
		if err = ww.emit(prev); err != nil {
			return err
		}
	}
	ww.pending = &l
	return nil
}

// Flush writes what is held back.
func (ww *wrapWriter) Flush() error {
	if len(ww.partial) > 0 {
		if _, err := ww.Write([]byte{'\n'}); err != nil {
			return err
		}
	}
	if ww.pending != nil {
		l := *ww.pending
		ww.pending = nil
		return ww.emit(l)
	}
	return nil
}

func (ww *wrapWriter) emit(l string) error {
	_, err := io.WriteString(ww.w, wrapLine(l, ww.width()))
	return err
}

// caretWindow cuts a quoted source line wider than width (0: any) to a
// window around its caret, marking each cut with "…", and moves the
// caret to match; lines that fit are returned as they are.
func caretWindow(src, caret string, width int) (string, string) {
	if width <= 0 || utf8.RuneCountInString(src) <= width {
		return src, caret
	}
	rs := []rune(src)
	ind := 0
	for ind < len(rs) && ind < 4 && rs[ind] == ' ' {
		ind++
	}
	body := rs[ind:]
	cb := strings.IndexByte(caret, '^') - ind // the caret's column in body (caret lines are ASCII)
	avail := width - ind - 2
	if cb < 0 || avail < 10 {
		return src, caret
	}
	lo := max(0, cb-avail/2)
	hi := min(len(body), lo+avail)
	lo = max(0, min(lo, hi-avail))
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", ind))
	shift := ind - lo
	if lo > 0 {
		b.WriteString("…")
		shift++
	}
	b.WriteString(string(body[lo:hi]))
	if hi < len(body) {
		b.WriteString("…")
	}
	return b.String(), strings.Repeat(" ", cb+shift) + "^"
}

// isCaretLine reports whether l is spaces and one `^`.
func isCaretLine(l string) bool {
	t := strings.TrimLeft(l, " ")
	return t == "^"
}

// wrapLine returns l, with a newline, wrapped between words to width
// columns (0: not wrapped).
func wrapLine(l string, width int) string {
	if width <= 0 || runewidth.StringWidth(l) <= width {
		return l + "\n"
	}
	indent := len(l) - len(strings.TrimLeft(l, " "))
	h := hang(l, indent)
	if h > width/2 {
		h = min(indent+2, width/2)
	}
	cont := strings.Repeat(" ", h)
	var b strings.Builder
	cur := l[:indent]
	curW := indent
	first := true // nothing but indentation on the current line yet
	for _, word := range glueAmounts(strings.Split(l[indent:], " ")) {
		if word == "" {
			// runs of spaces (aligned columns): keep them on the line
			if !first {
				cur += " "
				curW++
			}
			continue
		}
		ww := runewidth.StringWidth(word)
		if !first && curW+1+ww > width {
			b.WriteString(strings.TrimRight(cur, " "))
			b.WriteByte('\n')
			cur, curW, first = cont+word, len(cont)+ww, false
			continue
		}
		if !first {
			cur += " "
			curW++
		}
		cur += word
		curW += ww
		first = false
	}
	b.WriteString(strings.TrimRight(cur, " "))
	b.WriteByte('\n')
	return b.String()
}

// table writes rows with writeTable at the session's width.
func (s *Session) table(rows [][]string, indent string, header bool) {
	writeTable(s.out, rows, indent, s.width, header)
}

// writeTable writes rows in aligned columns, each row on one line, if that
// fits in width columns (0: any width). Otherwise (a narrow terminal,
// typically under 100 columns) each row is written as its first cell on a
// line, and the other cells under it, indented, each after its column's
// heading if the table has one (header: rows[0] names the columns).
func writeTable(w io.Writer, rows [][]string, indent string, width int, header bool) {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], runeLen(c))
		}
	}
	total := len(indent)
	for i := range widths {
		total += widths[i] + 2
	}
	total -= 2
	if width > 0 && total > width {
		writeNarrow(w, rows, indent, header)
		return
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString(indent)
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-runeLen(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// writeNarrow is writeTable's layout for a narrow terminal.
func writeNarrow(w io.Writer, rows [][]string, indent string, header bool) {
	var heads []string
	if header && len(rows) > 0 {
		heads, rows = rows[0], rows[1:]
	}
	for _, r := range rows {
		if len(r) == 0 {
			continue
		}
		first := r[0]
		if len(heads) > 0 {
			first = heads[0] + " " + first
		}
		fmt.Fprintln(w, indent+first)
		for i, c := range r[1:] {
			if c == "" {
				continue
			}
			if len(heads) > i+1 {
				c = heads[i+1] + ": " + c
			}
			fmt.Fprintln(w, indent+"    "+c)
		}
	}
}

// columnGapRE matches the gap before a table's next column, or a value
// aligned after its label (`type:       money`).
var columnGapRE = regexp.MustCompile(`\S {2,}\S`)

// listMarkerRE matches the marker of a numbered or bulleted item.
var listMarkerRE = regexp.MustCompile(`^(\d+\.|-) +`)

// hang returns the indentation of the lines that continue l, which is
// indented by indent: under the text of a list item (`1. `, `- `); under
// the second column of a table's row (or a value aligned after a label); as
// deep as a line at the margin or indented three (a paragraph under a
// numbered item of help); else two columns deeper (code in help, a hint
// under an error, a line under a verdict).
func hang(l string, indent int) int {
	if m := listMarkerRE.FindString(l[indent:]); m != "" {
		return indent + len(m)
	}
	if loc := columnGapRE.FindStringIndex(l[indent:]); loc != nil {
		return runewidth.StringWidth(l[:indent+loc[1]-1]) // under the next column
	}
	if indent == 0 || indent == 3 {
		return indent
	}
	return indent + 2
}

// helpWidth is the widest help text is written, even on a wider terminal
// or with no limit: longer lines are hard to read.
const helpWidth = 100

// currencyRE matches a currency code.
var currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)

// glueAmounts joins a currency code to the amount after it, and a number
// to the unit of a duration after it, so that a line is never broken
// inside an amount or a duration (`USD` at the end of a line and
// `1,000.00` on the next do not read as money, nor `30` and `days` as a
// duration: a help example wrapped there failed when typed as shown).
func glueAmounts(words []string) []string {
	startsWithDigit := func(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if currencyRE.MatchString(w) && i+1 < len(words) && startsWithDigit(words[i+1]) {
			w += " " + words[i+1]
			i++
		}
		if startsWithDigit(w) && i+1 < len(words) && durationWords[words[i+1]] {
			w += " " + words[i+1]
			i++
			if words[i] == "business" && i+1 < len(words) && durationWords[words[i+1]] {
				w += " " + words[i+1]
				i++
			}
		}
		out = append(out, w)
	}
	return out
}

// durationWords are the words that make a duration after a number: `30
// days`, `3 months`, `10 business days`.
var durationWords = map[string]bool{
	"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
	"year": true, "years": true, "business": true,
}
