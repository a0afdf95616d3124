package lang

import (
	"strings"
	"testing"
)

// The canonical layout of the clauses of SPEC 5.6, written untidily.
const terminationSrc = `agreement a "A" {
  effective 2027-01-01
  currency USD
  party x "X"
  party y "Y"
  action sell { gross money }
  event insolvency { debtor party }
  clause 3.1 "No big sales" x must not sell where gross > USD 100.00
  clause 9.1 "Secrets" survives termination "They survive." x must not sell where gross > USD 1,000.00
  clause 12.1 "Convenience" "On notice." y may terminate on 90 days notice
  clause 12.2 "Breach" y may terminate if 3.1 is breached and not cured within 30 days on 2 months notice
  clause 12.3 "Insolvency" terminates on event insolvency where debtor == x
  clause 13.1 "Damages" x pays y USD 1,000,000.00 on first breach of 3.1 where gross > USD 500.00 due within 30 days
}
`

const terminationCanonical = `agreement a "A" {
  effective 2027-01-01
  currency USD

  party x "X"
  party y "Y"

  action sell {
    gross money
  }

  event insolvency {
    debtor party
  }

  clause 3.1 "No big sales"
    x must not sell where gross > USD 100.00

  clause 9.1 "Secrets" survives termination
    "They survive."
    x must not sell where gross > USD 1,000.00

  clause 12.1 "Convenience"
    "On notice."
    y may terminate on 90 days notice

  clause 12.2 "Breach"
    y may terminate if 3.1 is breached and not cured within 30 days on 2 months notice

  clause 12.3 "Insolvency"
    terminates on event insolvency where debtor == x

  clause 13.1 "Damages"
    x pays y USD 1,000,000.00 on first breach of 3.1 where gross > USD 500.00
      due within 30 days
}
`

func TestTerminationFormat(t *testing.T) {
	f, errs := Parse("t.pacta", []byte(terminationSrc))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if _, errs := Check([]*File{f}, &Config{Funcs: goldenFuncs()}); len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := string(Format(f)); got != terminationCanonical {
		t.Errorf("got\n%s\nwant\n%s", got, terminationCanonical)
	}
	if err := formatRoundTrip("t.pacta", []byte(terminationSrc)); err != nil {
		t.Error(err)
	}
	if err := formatRoundTrip("t.pacta", []byte(terminationCanonical)); err != nil {
		t.Error(err)
	}
}

func TestTerminationTree(t *testing.T) {
	f, errs := Parse("t.pacta", []byte(terminationSrc))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	items := f.Decls[0].(*Agreement).Items
	right := findClause(t, items, "12.2").Body.(*TerminationRight)
	if right.Party.Name != "y" || right.Breach.Num != "3.1" || right.Cure.Raw != "30 days" || right.Notice.Raw != "2 months" {
		t.Errorf("12.2 = %+v", right)
	}
	if n := findClause(t, items, "12.1").Body.(*TerminationRight); n.Breach != nil || n.Cure != nil || n.Notice.Raw != "90 days" {
		t.Errorf("12.1 = %+v", n)
	}
	if c := findClause(t, items, "9.1"); c.Survives == nil || c.Survives.Line != 9 {
		t.Errorf("9.1 survives at %v", c.Survives)
	}
	if c := findClause(t, items, "3.1"); c.Survives != nil {
		t.Error("3.1 survives")
	}
	auto := findClause(t, items, "12.3").Body.(*AutoTermination)
	if auto.Event.Name != "insolvency" || auto.Where == nil {
		t.Errorf("12.3 = %+v", auto)
	}
	m := findClause(t, items, "13.1").Body.(*Milestone)
	if m.Breach == nil || m.Breach.Num != "3.1" || m.Event != nil || !m.First || m.Where == nil || m.Due == nil {
		t.Errorf("13.1 = %+v", m)
	}
}

// TestTerminationCarets pins one error of each kind with its caret.
func TestTerminationCarets(t *testing.T) {
	src := `agreement a "A" {
  effective 2027-01-01
  party x "X"
  party y "Y"
  action sell { n integer }
  clause 3.1 "Sales" x may sell
  clause 12.1 "Breach" y may terminate if 3.1 is breached
  clause 12.2 "Kept" survives termination y may terminate on 1 day notice
}
`
	f, errs := Parse("t.pacta", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	_, errs = Check([]*File{f}, &Config{Funcs: goldenFuncs()})
	got := renderAll(errs, map[string][]byte{"t.pacta": []byte(src)})
	// Line 7: 2 spaces, "clause" (3-8), "12.1" (10-13), "\"Breach\""
	// (15-22), "y" (24), "may" (26-28), "terminate" (30-38), "if"
	// (40-41): 3.1 is at column 43. Line 8: "\"Kept\"" is 15-20, so
	// "survives" starts at column 22. The source line is shown indented
	// by 4, so the caret stands 4 + col - 1 characters in.
	caret := func(col int) string { return strings.Repeat(" ", 4+col-1) + "^\n" }
	want := "t.pacta:7:43: clause 3.1 is not a prohibition, so it cannot be breached\n" +
		"      clause 12.1 \"Breach\" y may terminate if 3.1 is breached\n" + caret(43) +
		"    a breach is an action that a `must not` clause prohibits (SPEC 5.6)\n" +
		"t.pacta:8:22: a termination clause cannot survive termination\n" +
		"      clause 12.2 \"Kept\" survives termination y may terminate on 1 day notice\n" + caret(22)
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTerminationWordsComplete(t *testing.T) {
	words := strings.Join(ContextWords(), " ")
	for _, w := range []string{"terminate", "terminates", "breached", "cured", "notice", "survives", "termination", "breach"} {
		if !strings.Contains(" "+words+" ", " "+w+" ") {
			t.Errorf("ContextWords lacks %q", w)
		}
	}
}
