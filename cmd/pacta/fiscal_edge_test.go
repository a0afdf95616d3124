package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fiscalEdgeSrc = `agreement h "Fiscal edge" {
  effective 2020-01-01
  currency USD
  fiscal year starts July
  party a "A"
  party b "B"
  action sell { amount money  n integer  note text }
  clause 1 "Share" a pays b 1% of amount of each sell by a
    settled fiscal yearly
}
`

// TestFiscalYearAtTheCalendarEdge: with a July start, FY10000 runs from
// 9999-07-01 to 10000-06-30, past the calendar. fiscal_year_of of a date
// in it is an error in Pacta's words; a settlement up to 9999-12-31
// settles the part of it within the calendar and says so in the heading
// (SPEC 11.4).
func TestFiscalYearAtTheCalendarEdge(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "h.pacta")
	ledger := filepath.Join(dir, "l.csv")
	if err := os.WriteFile(src, []byte(fiscalEdgeSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ledger, []byte("action,actor,date,amount,n,note\nsell,a,9999-10-05,USD 100.00,1,x\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	_, errOut, code := runCLI(t, "", "eval", "-f", src, "end_of(fiscal_year_of(9999-12-31))")
	if code != 1 || !strings.Contains(errOut, "FY10000 is out of range: it ends after 9999-12-31") {
		t.Errorf("eval: code %d, stderr %q; want FY10000 out of range", code, errOut)
	}
	// FY9999 (9998-07-01 to 9999-06-30) is inside: its end is 9999-06-30.
	out, errOut, code := runCLI(t, "", "eval", "-f", src, "end_of(fiscal_year_of(9999-06-30))")
	if code != 0 || strings.TrimSpace(out) != "9999-06-30" {
		t.Errorf("eval FY9999: code %d, out %q, stderr %q; want 9999-06-30", code, out, errOut)
	}

	out, errOut, code = runCLI(t, "", "settle", src, "--ledger", ledger, "--to", "9999-12-31")
	if code != 0 {
		t.Fatalf("settle: code %d, stderr %q", code, errOut)
	}
	// The heading shows the part of FY10000 within the calendar; the share
	// is 1% × USD 100.00 = USD 1.00, due at that part's end, 9999-12-31.
	for _, want := range []string{"FY10000 (9999-07-01 to 9999-12-31)", "USD 1.00  9999-12-31"} {
		if !strings.Contains(out, want) {
			t.Errorf("settle: output lacks %q:\n%s", want, out)
		}
	}
}
