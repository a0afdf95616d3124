package repl

import (
	"bytes"
	"strings"
	"testing"
)

func TestWrapLine(t *testing.T) {
	for _, c := range []struct {
		line  string
		width int
		want  string
	}{
		{"short", 10, "short\n"},
		{"no limit at all here", 0, "no limit at all here\n"},
		// breaks between words, never inside one; the margin continues at the margin
		{"alpha beta gamma delta", 11, "alpha beta\ngamma delta\n"},
		// a word wider than the line stays whole
		{"a extraordinarily b", 8, "a\nextraordinarily\nb\n"},
		// an indented line continues two deeper
		{"  under a verdict here", 12, "  under a\n    verdict\n    here\n"},
		// a numbered item continues under its text
		{"1. May openai sell", 10, "1. May\n   openai\n   sell\n"},
		// aligned columns keep their spaces; a row continues under its
		// second column, unless that is past half the width
		{"type:  money in USD", 12, "type:  money\n  in USD\n"},
		{"  :load FILE  load agreement files", 30, "  :load FILE  load agreement\n              files\n"},
	} {
		if got := wrapLine(c.line, c.width); got != c.want {
			t.Errorf("wrapLine(%q, %d) = %q, want %q", c.line, c.width, got, c.want)
		}
	}
}

// TestWrapWriterKeepsCarets: a quoted line of source followed by its
// caret line is written whole, so the caret stays under its column.
func TestWrapWriterKeepsCarets(t *testing.T) {
	var b bytes.Buffer
	w := &wrapWriter{w: &b, width: func() int { return 10 }}
	src := "    total = rate + USD 1.00\n                ^\nsome words to wrap\n"
	w.Write([]byte(src))
	w.Flush()
	want := "    total = rate + USD 1.00\n                ^\nsome words\nto wrap\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestNarrowTable: a table too wide for the width is printed one row
// under another, each cell after its column's heading.
func TestNarrowTable(t *testing.T) {
	rows := [][]string{{"clause", "title"}, {"2.1", "Distribution"}, {"3.1", "Exclusivity"}}
	var wide, narrow strings.Builder
	writeTable(&wide, rows, "  ", 40, true)
	writeTable(&narrow, rows, "  ", 10, true)
	if want := "  clause  title\n  2.1     Distribution\n  3.1     Exclusivity\n"; wide.String() != want {
		t.Errorf("wide:\n%s\nwant:\n%s", wide.String(), want)
	}
	if want := "  clause 2.1\n      title: Distribution\n  clause 3.1\n      title: Exclusivity\n"; narrow.String() != want {
		t.Errorf("narrow:\n%s\nwant:\n%s", narrow.String(), want)
	}
}

// TestCaretWindow: a quoted source line wider than the terminal is cut
// to a window around its caret, which stays under its character.
func TestCaretWindow(t *testing.T) {
	src := "    " + strings.Repeat("a", 30) + "X" + strings.Repeat("b", 30)
	caret := strings.Repeat(" ", 4+30) + "^"
	gotSrc, gotCaret := caretWindow(src, caret, 30)
	// 30 columns: 4 of indentation, 2 marks, 24 of text, the X 12 in.
	wantSrc := "    …" + strings.Repeat("a", 12) + "X" + strings.Repeat("b", 11) + "…"
	wantCaret := strings.Repeat(" ", 4+1+12) + "^"
	if gotSrc != wantSrc || gotCaret != wantCaret {
		t.Errorf("caretWindow:\n%s\n%s\nwant\n%s\n%s", gotSrc, gotCaret, wantSrc, wantCaret)
	}
	if s, c := caretWindow("    short", "     ^", 30); s != "    short" || c != "     ^" {
		t.Errorf("a line that fits changed: %q %q", s, c)
	}
}
