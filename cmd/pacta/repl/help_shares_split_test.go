package repl

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// :help shares makes its examples from an agreement whose shares pay a
// split, named (the royalty example: `publisher pays writers`) or written
// in place with numbers of shares from each sale, instead of saying the
// agreement has no share; and every example it shows works when typed.
func TestHelpSharesWithSplitPayees(t *testing.T) {
	dir := t.TempDir()
	deal := filepath.Join(dir, "deal.pacta")
	if err := os.WriteFile(deal, []byte(`agreement pub "Publishing" {
  effective 2027-01-01
  currency USD
  party pub "Publisher"
  party ada "Ada"
  party ben "Ben"
  action sell { net money  ada_units integer }
  term bonus_units(s sell) = s.ada_units + 1
  clause 5.1 "Royalty"
    pub pays split pro rata { ada bonus_units shares, ben 2 shares } 12% of net of each sell
      settled quarterly
}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, files := range [][]string{{"../../../examples/royalty"}, {deal}} {
		s, out := newTestSession(t, files...)
		if !s.help("shares") {
			t.Fatalf("%v: :help shares failed", files)
		}
		s.flush()
		text := out.String()
		if strings.Contains(text, "no share to make examples from") {
			t.Errorf("%v: :help shares says there is no share:\n%s", files, text)
		}
		examples := helpExamples(text)
		if len(examples) < 4 {
			t.Errorf("%v: :help shares shows %d examples:\n%s", files, len(examples), text)
		}
		for _, ex := range examples {
			out.Reset()
			if !s.Handle(context.Background(), ex) {
				t.Errorf("%v: the example %q fails:\n%s", files, ex, out.String())
			}
		}
	}
}

// A wrapped line never ends with the number of a duration whose unit is
// on the next line: `30` / `days` does not lex as a duration when typed.
func TestWrapKeepsDurationsWhole(t *testing.T) {
	l := "     clause 9.1 \"Flat share\" pub pays ada 10% of net settled quarterly due 30 days after period end"
	for width := 40; width <= len(l); width++ {
		got := wrapLine(l, width)
		for _, bad := range []string{"30\n", "due 30 business\n"} {
			if strings.Contains(got, bad) {
				t.Fatalf("at width %d the duration is broken:\n%s", width, got)
			}
		}
	}
	got := wrapLine("     x due 10 business days after", 17)
	if !strings.Contains(got, "10 business days") {
		t.Errorf("10 business days is broken:\n%s", got)
	}
}

// :help's "What is owed on it?" shows `RATE of TERM(x)` only for a term
// that is the share's base or money: with a royalty of 12% of net and a
// term counting units, `12% of bonus_units(example)` would read as the
// royalty on the units.
func TestHelpRateOfTermIsTheBase(t *testing.T) {
	dir := t.TempDir()
	deal := filepath.Join(dir, "deal.pacta")
	if err := os.WriteFile(deal, []byte(`agreement pub "Publishing" {
  effective 2027-01-01
  currency USD
  party pub "Publisher"
  party ada "Ada"
  action sell { net money  ada_units integer }
  term bonus_units(s sell) = s.ada_units + 1
  clause 5.1 "Royalty"
    pub pays ada 12% of net of each sell
      settled quarterly
}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	s, out := newTestSession(t, deal)
	s.help("")
	s.flush()
	if strings.Contains(out.String(), "12% of bonus_units") {
		t.Errorf(":help shows the rate of a term that is not the base:\n%s", out.String())
	}
	s, out = newTestSession(t, exampleDir)
	s.help("")
	s.flush()
	if !strings.Contains(out.String(), "net_revenue(example)") {
		t.Errorf(":help on the example deal no longer shows net_revenue(example):\n%s", out.String())
	}
}
