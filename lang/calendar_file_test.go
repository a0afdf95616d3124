package lang

import (
	"strings"
	"testing"
)

// TestCalendarFileSyntax pins the errors of `calendar NAME from "FILE"`
// that the parser reports (SPEC 11.6), carets and hints included.
func TestCalendarFileSyntax(t *testing.T) {
	src := []byte(`agreement a "A" {
  effective 2027-01-01
  calendar empty from ""
  calendar bare
  party p "P"
}
`)
	_, errs := Parse("cal.pacta", src)
	got := renderAll(errs, map[string][]byte{"cal.pacta": src})
	want := `cal.pacta:3:23: calendar "empty" names no file: write the path of its holidays file, such as "holidays/uk.txt"
      calendar empty from ""
                          ^
cal.pacta:4:12: calendar "bare" has neither a block nor a file
      calendar bare
               ^
    declare it with a block, ` + "`calendar uk { holidays 2027-12-25 }`" + `, or load its holidays from a file, ` + "`calendar uk from \"holidays/uk.txt\"`" + `
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// The file and a block may come together; the formatter keeps both.
	src = []byte("agreement a \"A\" {\n  effective 2027-01-01\n  calendar uk from \"uk.txt\" { holidays 2027-12-31 }\n}\n")
	f, errs := Parse("ok.pacta", src)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	out := string(Format(f))
	if !strings.Contains(out, "calendar uk from \"uk.txt\" {\n    holidays 2027-12-31\n  }") {
		t.Errorf("formatted:\n%s", out)
	}
}
