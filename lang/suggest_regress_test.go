package lang

import "testing"

// Regression: a candidate further than the limit could win a tie on its
// shared prefix, so "Amazon" was offered "AWS" (5 edits away; the limit
// for a 6-letter name is max(2, 6/3) = 2).
func TestClosestRespectsTheLimit(t *testing.T) {
	platforms := []string{"AWS", "Azure", "Direct", "GoogleCloud"}
	cases := []struct{ name, want string }{
		{"Amazon", ""},                // AWS 5 edits, Azure 4: both beyond 2
		{"Azur", "Azure"},             // one insertion
		{"aws", "AWS"},                // case only: always offered
		{"GoogleClod", "GoogleCloud"}, // one insertion
	}
	for _, c := range cases {
		if got := Closest(c.name, platforms); got != c.want {
			t.Errorf("Closest(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
