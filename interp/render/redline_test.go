package render

import "testing"

func TestWordDiff(t *testing.T) {
	// "20%" becomes "25%": the number is a word of its own, the sign a
	// mark of its own, so only the number changes.
	got := wordDiff("pays 20% of each sale", "pays 25% of each AWS sale")
	want := []seg{{'=', "pays "}, {'-', "20"}, {'+', "25"}, {'=', "% of each "}, {'+', "AWS "}, {'=', "sale"}}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("seg %d: got %q, want %q", i, got[i], want[i])
		}
	}
	if got := wordDiff("", "new text"); len(got) != 1 || got[0] != (seg{'+', "new text"}) {
		t.Errorf("insertion: got %q", got)
	}
	if got := wordDiff("old", ""); len(got) != 1 || got[0] != (seg{'-', "old"}) {
		t.Errorf("deletion: got %q", got)
	}
}

// Whatever the texts, the unchanged and deleted runs of a redline spell
// the old text, and the unchanged and inserted runs the new one.
func TestWordDiffSpellsBothTexts(t *testing.T) {
	texts := []string{
		"", "a", "OpenAI pays Microsoft 20% of the Net Revenue of each sell by OpenAI.",
		"OpenAI pays Microsoft, of each sell by OpenAI, 25% of the Net Revenue where the platform is AWS, and 20% otherwise.",
		"  two  spaces, and   more; (parens) “quotes”", "x y z x y z",
	}
	for _, a := range texts {
		for _, b := range texts {
			var old, nw string
			for _, s := range wordDiff(a, b) {
				switch s.Op {
				case '=':
					old += s.Text
					nw += s.Text
				case '-':
					old += s.Text
				case '+':
					nw += s.Text
				}
			}
			if old != a || nw != b {
				t.Errorf("wordDiff(%q, %q) spells %q and %q", a, b, old, nw)
			}
		}
	}
}
