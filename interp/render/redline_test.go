package render

import (
	"context"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
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

// Between 2026-06-30 and 2027-01-01 the seed deal gained clauses 3.2, 5.2
// and 5.3 and clause 5.1 was replaced; nothing else changed.
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
	want := []string{"adds clause 3.2 “AWS distribution”", "replaces clause 5.1 “Revenue share”", "adds clause 5.2 “Share of model licence fees”", "adds clause 5.3 “Limit on revenue share payments”"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("changes %q, want %q", got, want)
	}
	// Between two dates on which the same versions are in force, nothing.
	ad = seedDoc(t, Options{AsOf: mustDate(t, "2027-01-01"), Since: mustDate(t, "2026-12-01")})
	if n := len(ad.Redlines[0].Changes); n != 0 {
		t.Errorf("%d changes between 2026-12-01 and 2027-01-01, want none", n)
	}
}

// An amendment that deletes a clause shows its prose and reading deleted,
// and the clause is gone from the document as of the amendment's date.
func TestRedlineDelete(t *testing.T) {
	src := `agreement d "D" {
  effective 2027-01-01
  party a "A"
  action sell {
    region text
  }
  clause 1 "Gone"
    "A may sell."
    a may sell
}
amendment cut "Cut" amends d {
  effective 2027-06-01
  delete clause 1
}
`
	prog, err := interp.Compile([]interp.Source{{Name: "d.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := build(context.Background(), prog, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ad := doc.Agreements[0]
	if len(ad.Clauses) != 0 {
		t.Errorf("%d clauses in force after the deletion, want 0", len(ad.Clauses))
	}
	c := ad.Redlines[0].Changes[0]
	if c.Kind != "deletes" || c.What != "clause 1 “Gone”" || c.Ref != "" {
		t.Errorf("change %+v", c)
	}
	if len(c.Prose) != 1 || c.Prose[0] != (seg{'-', "A may sell."}) || len(c.Reading) != 1 || c.Reading[0] != (seg{'-', "A may sell."}) {
		t.Errorf("redline: prose %q, reading %q", c.Prose, c.Reading)
	}
	if got := ad.Versions[1].Changes.String(); got != "deletes clause 1" {
		t.Errorf("versions: %q", got)
	}
	early := renderString(t, prog, Options{AsOf: mustDate(t, "2027-03-01")})
	if !strings.Contains(early, `id="clause-1"`) {
		t.Error("clause 1 is missing as of 2027-03-01, before the deletion")
	}
}
