package render

import (
	"strings"
	"testing"
)

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

// Between 2026-06-30 and 2027-01-01 the seed deal gained clause 3.2 and
// clause 5.1 was replaced; nothing else changed.
func TestRedlineBetweenDates(t *testing.T) {
	ad := seedDoc(t, Options{AsOf: mustDate(t, "2027-01-01"), Since: mustDate(t, "2026-06-30")})
	if len(ad.Redlines) != 1 {
		t.Fatalf("%d redlines, want 1", len(ad.Redlines))
	}
	rd := ad.Redlines[0]
	if rd.Title != "Changes from 2026-06-30 to 2027-01-01" {
		t.Errorf("title %q", rd.Title)
	}
	var got []string
	for _, c := range rd.Changes {
		got = append(got, c.Kind+" "+c.What)
	}
	want := []string{"adds clause 3.2 “AWS distribution”", "replaces clause 5.1 “Revenue share”"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("changes %q, want %q", got, want)
	}
	// Between two dates on which the same versions are in force, nothing.
	ad = seedDoc(t, Options{AsOf: mustDate(t, "2027-01-01"), Since: mustDate(t, "2026-12-01")})
	if n := len(ad.Redlines[0].Changes); n != 0 {
		t.Errorf("%d changes between 2026-12-01 and 2027-01-01, want none", n)
	}
}
