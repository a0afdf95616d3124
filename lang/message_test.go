package lang

import (
	"bytes"
	"strings"
	"testing"
)

func TestClipText(t *testing.T) {
	forty := strings.Repeat("a", 40)
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{forty, forty},             // exactly MaxQuoted: whole
		{forty + "b", forty + "…"}, // one over: cut after 40
		// 41 characters of two bytes each: cut after 40 characters, 80 bytes.
		{strings.Repeat("é", 41), strings.Repeat("é", 40) + "…"},
	} {
		if got := ClipText(c.in); got != c.want {
			t.Errorf("ClipText(%d bytes) = %q, want %q", len(c.in), got, c.want)
		}
	}
}

func TestAddClipsNames(t *testing.T) {
	long := strings.Repeat("y", 1000)
	phrase := strings.Repeat("only an action can be permitted ", 3) // 96 characters, with spaces
	var l ErrorList
	l.Add(Pos{}, "unknown name %q", long)
	l.Add(Pos{}, "term %s is %s", long, phrase)
	l.Add(Pos{}, "%s", "precedence cycle: "+long)
	l.Add(Pos{}, "%d%% of %q", 5, long)
	want := []string{
		`unknown name "` + long[:40] + `…"`,
		"term " + long[:40] + "… is " + phrase, // the name cut, the phrase kept
		"precedence cycle: " + long,            // a composed message is the caller's to bound
		`5% of "` + long[:40] + `…"`,
	}
	for i, e := range l {
		if e.Msg != want[i] {
			t.Errorf("message %d = %q, want %q", i, e.Msg, want[i])
		}
	}
}

func TestJoinCycle(t *testing.T) {
	for _, c := range []struct {
		cyc  []string
		want string
	}{
		{[]string{"1", "2", "1"}, "1 → 2 → 1"},
		// Five members and the first again: shown whole.
		{[]string{"1", "2", "3", "4", "5", "1"}, "1 → 2 → 3 → 4 → 5 → 1"},
		// Six members: the sixth is counted, 6 − 5 = 1 more.
		{[]string{"1", "2", "3", "4", "5", "6", "1"}, "1 → 2 → 3 → 4 → 5 → … (1 more) → 1"},
	} {
		if got := joinCycle(c.cyc); got != c.want {
			t.Errorf("joinCycle(%q) = %q, want %q", c.cyc, got, c.want)
		}
	}
	// 40,000 members: 40,000 − 5 = 39,995 are counted.
	cyc := make([]string, 40_001)
	for i := range cyc {
		cyc[i] = "9.9"
	}
	if got, want := joinCycle(cyc), "9.9 → 9.9 → 9.9 → 9.9 → 9.9 → … (39,995 more) → 9.9"; got != want {
		t.Errorf("joinCycle of 40,000 = %q, want %q", got, want)
	}
}

func TestSuggestLongNames(t *testing.T) {
	at := func(n int) string { return strings.Repeat("y", n) }
	// 64 characters: one letter off is a near miss.
	if got := suggest(at(63)+"z", []string{at(64)}); got != at(64) {
		t.Errorf("64-character near miss: got %q, want the 64 y's", got)
	}
	// 65 characters: past MaxSuggestLen, no edit distance is computed.
	if got := suggest(at(64)+"z", []string{at(65)}); got != "" {
		t.Errorf("65-character near miss: got a suggestion of %d characters, want none", len(got))
	}
	// A long name differing only in case is still found.
	if got := suggest(strings.ToUpper(at(30_000)), []string{"t", at(30_000)}); got != at(30_000) {
		t.Errorf("long case-only difference: got %d characters, want 30,000", len(got))
	}
	if got := didYouMean(strings.ToUpper(at(100)), []string{at(100)}); got != `did you mean "`+at(40)+`…"?` {
		t.Errorf("didYouMean quotes %q", got)
	}
}

func TestLineIndex(t *testing.T) {
	for _, src := range []string{"", "a", "a\n", "a\r\nbb\n\nccc", "\n\n"} {
		ix := newLineIndex([]byte(src))
		for n := 0; n <= 6; n++ {
			got, gotOK := ix.line(n)
			want, wantOK := sourceLine([]byte(src), n)
			if gotOK != wantOK || !bytes.Equal(got, want) {
				t.Errorf("%q line %d: index gives %q %v, scan gives %q %v", src, n, got, gotOK, want, wantOK)
			}
		}
	}
}

func TestJoinAnd(t *testing.T) {
	names := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = string(rune('a' + i%26))
		}
		return out
	}
	for _, c := range []struct {
		n    int
		want string
	}{
		{0, ""},
		{1, "a"},
		{2, "a and b"},
		{10, "a, b, c, d, e, f, g, h, i and j"},
		// 11 names: 10 listed, 11 − 10 = 1 counted.
		{11, "a, b, c, d, e, f, g, h, i, j and 1 more"},
		// 10,000 names: 10,000 − 10 = 9,990 counted.
		{10_000, "a, b, c, d, e, f, g, h, i, j and 9,990 more"},
	} {
		if got := joinAnd(names(c.n)); got != c.want {
			t.Errorf("joinAnd of %d = %q, want %q", c.n, got, c.want)
		}
	}
}
