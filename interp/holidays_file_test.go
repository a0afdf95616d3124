package interp_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pacta-lang/pacta/interp"
)

const calFileDeal = `agreement cal "Calendar from a file" {
  effective 2027-01-01
  currency USD
  calendar uk from "holidays/uk.txt"
  party r "R"
  party s "S"
  clause 1 "Fee"
    r pays s USD 100.00 on 2027-11-24
      due within 30 days adjusted to the following business day
}
`

// A holidays file: one date a line, # comments, blank lines and spaces
// ignored (SPEC 11.6).
const ukHolidays = "# UK holidays (made up for the test)\n" +
	"2027-12-24   # Christmas Eve, a Friday\n" +
	"\n" +
	"  2027-12-27\r\n" + // a CRLF line, indented
	"2027-12-28\n"

func dueOfFee(t *testing.T, p *interp.Program) string {
	t.Helper()
	st := settle(t, p, "", "2027-01-01", "2027-12-31", nil)
	if len(st.Lines) != 1 {
		t.Fatalf("%d lines", len(st.Lines))
	}
	return st.Lines[0].Due.String() + ": " + st.Lines[0].DueRule
}

// 2027-11-24 + 30 days = 2027-12-24, a holiday (Friday) before a weekend;
// Monday 27 and Tuesday 28 are holidays too, so the following business
// day is Wednesday 2027-12-29.
const wantFee = "2027-12-29: due 30 days after 2027-11-24 (the payment date): 2027-12-24 is a holiday, moved to Wednesday 2027-12-29 by the following-business-day rule (calendar uk)"

func TestHolidaysFileLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"deals/cal.pacta":           {Data: []byte(calFileDeal)},
		"deals/holidays/uk.txt":     {Data: []byte(ukHolidays)},
		"elsewhere/holidays/uk.txt": {Data: []byte("2027-12-25\n")},
	}
	p, err := interp.LoadFS(fsys, []string{"deals/*.pacta"})
	if err != nil {
		t.Fatal(err)
	}
	if got := dueOfFee(t, p); got != wantFee {
		t.Errorf("got  %s\nwant %s", got, wantFee)
	}
}

func TestHolidaysFileLoadFiles(t *testing.T) {
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "holidays"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "cal.pacta"), []byte(calFileDeal), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "holidays", "uk.txt"), []byte(ukHolidays), 0o644))
	p, err := interp.LoadFiles([]string{filepath.Join(dir, "cal.pacta")})
	if err != nil {
		t.Fatal(err)
	}
	if got := dueOfFee(t, p); got != wantFee {
		t.Errorf("got  %s\nwant %s", got, wantFee)
	}
	// ReadPaths and Compile read the file only when told to.
	srcs, err := interp.ReadPaths([]string{filepath.Join(dir, "cal.pacta")})
	must(t, err)
	if _, err := interp.Compile(srcs); err == nil || !strings.Contains(err.Error(), "cal.pacta:4:20: calendar uk loads its holidays from \"holidays/uk.txt\", but this program reads no files") {
		t.Errorf("Compile without files: %v", err)
	}
	p, err = interp.Compile(srcs, interp.WithLocalFiles())
	must(t, err)
	if got := dueOfFee(t, p); got != wantFee {
		t.Errorf("WithLocalFiles: got  %s\nwant %s", got, wantFee)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Bad lines are errors positioned in the holidays file.
func TestHolidaysFileErrors(t *testing.T) {
	cases := []struct{ file, want string }{
		{"2027-12-24\n2027-13-01\n", "holidays/uk.txt:2:1: invalid date 2027-13-01: month must be 1 to 12 (a holidays file holds one date a line, as 2027-12-25)"},
		{"# leap years\n  2027-02-29\n", "holidays/uk.txt:2:3: invalid date 2027-02-29: February 2027 has 28 days"},
		{"2027-12-24 2027-12-27\n", "holidays/uk.txt:1:11: one date a line"},
		{"2027-12-24\n\n2027-12-24 # again\n", "holidays/uk.txt:3:1: holiday 2027-12-24 is listed twice in this file (first at line 1)"},
		{"24/12/2027\n", "holidays/uk.txt:1:1: invalid date \"24/12/2027\": expected YYYY-MM-DD"},
	}
	for _, c := range cases {
		fsys := fstest.MapFS{"cal.pacta": {Data: []byte(calFileDeal)}, "holidays/uk.txt": {Data: []byte(c.file)}}
		_, err := interp.LoadFS(fsys, []string{"*.pacta"})
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: %v\nwant %s…", c.file, err, c.want)
		}
	}
	// A missing file is an error at the calendar's `from`, unwrapping to
	// fs.ErrNotExist.
	_, err := interp.LoadFS(fstest.MapFS{"cal.pacta": {Data: []byte(calFileDeal)}}, []string{"*.pacta"})
	if err == nil || !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), "cal.pacta:4:20: calendar uk: holidays/uk.txt: no such file") {
		t.Errorf("missing file: %v", err)
	}
	// A path out of the file system is refused.
	deal := strings.Replace(calFileDeal, `"holidays/uk.txt"`, `"../uk.txt"`, 1)
	_, err = interp.LoadFS(fstest.MapFS{"cal.pacta": {Data: []byte(deal)}}, []string{"*.pacta"})
	if err == nil || !strings.Contains(err.Error(), "../uk.txt is outside the file system the agreement was loaded from") {
		t.Errorf("outside: %v", err)
	}
	// A date both in the file and in the calendar's block (the block's
	// date is at column 49: 2 spaces, 17 for `calendar uk from `, 17 for
	// the quoted path, then ` { holidays `).
	deal = strings.Replace(calFileDeal, `from "holidays/uk.txt"`, `from "holidays/uk.txt" { holidays 2027-12-27 }`, 1)
	_, err = interp.LoadFS(fstest.MapFS{"cal.pacta": {Data: []byte(deal)}, "holidays/uk.txt": {Data: []byte(ukHolidays)}}, []string{"*.pacta"})
	if err == nil || !strings.HasPrefix(err.Error(), "holidays/uk.txt:4:3: holiday 2027-12-27 is listed in calendar uk's block too, at cal.pacta:4:49") {
		t.Errorf("twice: %v", err)
	}
}

// Loading is deterministic, and a file's holidays are the same whatever
// their order in it.
func TestHolidaysFileOrder(t *testing.T) {
	rev := "2027-12-28\n2027-12-27\n2027-12-24\n"
	p, err := interp.LoadFS(fstest.MapFS{"cal.pacta": {Data: []byte(calFileDeal)}, "holidays/uk.txt": {Data: []byte(rev)}}, []string{"*.pacta"})
	must(t, err)
	if got := dueOfFee(t, p); got != wantFee {
		t.Errorf("got  %s\nwant %s", got, wantFee)
	}
	_ = context.Background
}

// FuzzHolidaysFile: no holidays file makes loading panic, and every error
// is positioned in the file.
func FuzzHolidaysFile(f *testing.F) {
	for _, s := range []string{ukHolidays, "", "#", "2027-12-24", "2027-02-29\n", "\ufeff2027-01-01\n", "2027-12-24 x", "\xff\n", "9999-12-31\n0001-01-01"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, err := interp.LoadFS(fstest.MapFS{"cal.pacta": {Data: []byte(calFileDeal)}, "holidays/uk.txt": {Data: b}}, []string{"*.pacta"})
		if err != nil && !strings.HasPrefix(err.Error(), "holidays/uk.txt:") {
			t.Errorf("unpositioned error: %v", err)
		}
	})
}
