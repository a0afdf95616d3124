package repl

import (
	"bytes"
	"testing"

	"github.com/pacta-lang/pacta/lang"
)

func TestItemEnd(t *testing.T) {
	src := "  term a = 1 // about a\n\n  // about b\n  // more\n  term b = 2\n"
	start, limit := 2, len("  term a = 1 // about a\n\n  // about b\n  // more\n  ")
	// The comment on a's line is a's; the lines of comments after it
	// are b's.
	if got, want := itemEnd([]byte(src), start, limit), len("  term a = 1 // about a"); got != want {
		t.Errorf("itemEnd = %d (%q), want %d", got, src[start:got], want)
	}
}

// TestEditedPositions: positions in an edited file map back to the file
// as read around a replacement that changes the number of lines, and into
// what was typed within it.
func TestEditedPositions(t *testing.T) {
	s, out := newTestSession(t, agreementFile, amendmentFile)
	entry := "term net_revenue(s sell) =\n  s.gross\n  - s.refunds"
	if !s.Handle(t.Context(), entry) {
		t.Fatal(out.String())
	}
	ef := s.ss.files[agreementFile]
	if ef == nil {
		t.Fatal("the agreement was not edited")
	}
	// Clause 5.1's share line is line 71 of agreement.pacta as read, and
	// line 72 as edited: the typed term has 3 lines where the file's had
	// 2 (with its prose).
	const share = "openai pays microsoft 20% of net_revenue of each sell by openai"
	off := bytes.Index(ef.text, []byte(share))
	if off < 0 {
		t.Fatal("no clause 5.1 in the edited text")
	}
	if line := bytes.Count(ef.text[:off], []byte("\n")) + 1; line != 72 {
		t.Fatalf("clause 5.1's share is on line %d of the edited text, want 72", line)
	}
	p := s.ss.original(lang.Pos{File: agreementFile, Offset: off})
	if p.Line != 71 || p.Col != 5 {
		t.Errorf("clause 5.1's share maps to %d:%d, want 71:5", p.Line, p.Col)
	}
	// "s.gross" in the edited text is line 2, column 3 of the entry.
	g := bytes.Index(ef.text, []byte("s.gross\n"))
	d, eoff, ok := s.ss.locate(lang.Pos{File: agreementFile, Offset: g})
	if !ok || d.entry != entry || posIn(replName, entry, eoff).String() != "<repl>:2:3" {
		t.Errorf("locate(s.gross) = %v, %d, %v", d, eoff, ok)
	}
}
