package lang

import (
	"strings"
	"testing"
)

// A floor's true-up is due counted from its window's end (SPEC 7.4.1):
// `due within N after the sell` is an error at the words after N, with a
// caret under them and a hint.
func TestCheckJointDueAnchor(t *testing.T) {
	src := `agreement j "Joint" {
  effective 2027-01-01
  currency USD
  party r "R"
  party v "V"
  action sell { net money }
  clause 5.1 "Royalty" r pays v 10% of net of each sell by r
  clause 5.2 "Bonus" r pays v 5% of net of each sell by r
  clause 5.3 "Floor"
    clauses 5.1 and 5.2 together at least USD 1.00 per year
      due within 30 days after the sell
}`
	_, _, errs := checkSource(t, src)
	if len(errs) != 1 {
		t.Fatalf("errors: %v", errs)
	}
	got := errs[0].Render([]byte(src))
	want := "test.pacta:11:26: a floor's true-up is due after its window ends, not the sell\n" +
		"          due within 30 days after the sell\n" +
		"                             ^\n"
	if !strings.HasPrefix(got, want) || !strings.Contains(got, "write `due N after period end`") {
		t.Errorf("got\n%s\nwant\n%s(and the hint)", got, want)
	}
}
