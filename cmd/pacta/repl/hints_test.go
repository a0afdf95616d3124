package repl

import "testing"

func TestStraightenQuotes(t *testing.T) {
	for _, c := range []struct {
		in, want string
		changed  bool
	}{
		{`x { a: “p” }`, `x { a: "p" }`, true},
		{`x { a: ”p“ }`, `x { a: "p" }`, true},
		// inside straight-quoted text curly quotes are content
		{`"a “quoted” word"`, `"a “quoted” word"`, false},
		{`"esc \" “in” text"`, `"esc \" “in” text"`, false},
		// and in comments
		{`1 // “x”`, `1 // “x”`, false},
		{`term t = “The “Fee” is”`, `term t = "The "Fee" is"`, true},
	} {
		got, changed := straightenQuotes(c.in)
		if got != c.want || changed != c.changed {
			t.Errorf("straightenQuotes(%q) = %q, %v; want %q, %v", c.in, got, changed, c.want, c.changed)
		}
	}
}

func TestPreflightDates(t *testing.T) {
	for in, want := range map[string]string{
		"01/02/2027":          "01/02/2027 would be read as a division; dates are written year-month-day: write 2027-01-02 (if 01 is the month) or 2027-02-01 (if 01 is the day) instead",
		"31/12/2026":          "31/12/2026 would be read as a division; dates are written year-month-day: write 2026-12-31 instead",
		"1 / 4":               "",
		`"due 01/02/2027"`:    "",
		"2 // see 01/02/2027": "",
	} {
		if got := preflight(in); got != want {
			t.Errorf("preflight(%q) = %q, want %q", in, got, want)
		}
	}
}
