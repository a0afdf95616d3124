package interp_test

import (
	"strings"
	"testing"
)

// TestTierWindowsNamedInNotes: a quarter that straddles two threshold
// windows has one volume note for each, and each names its window. The
// contract year starts on 1 February, so 2027-Q1 holds January (the year
// from 2026-02-01) and February–March (the year from 2027-02-01).
// January: 10% of 1,000.00 = 100.00, volume 0 → 1,000.00 in the first
// window; March: 10% of 500.00 = 50.00, volume 0 → 500.00 in the second
// (the tiers start again), so the quarter pays 150.00.
func TestTierWindowsNamedInNotes(t *testing.T) {
	p := compile(t, `
agreement a "A" {
  effective 2026-02-01
  contract year starts 2026-02-01
  currency USD
  party r "R"
  party v "V"
  action sell { amount money }
  clause 1 "Share"
    r pays v marginal tiers reset each contract year {
      10% up to USD 2,000.00
      5% above
    } of amount of each sell by r
}`)
	st := settle(t, p, "", "2027-01-01", "2027-03-31", ledger(t, p, "",
		"sell 2027-01-10 actor=r amount=1,000.00",
		"sell 2027-03-10 actor=r amount=500.00"))
	var notes []string
	for _, l := range st.Lines {
		if l.Amount.String() != "USD 150.00" {
			t.Errorf("line %s, want USD 150.00", l.Amount)
		}
		for _, n := range l.Notes {
			if strings.Contains(n, "threshold window") {
				notes = append(notes, n)
			}
		}
	}
	want := []string{
		"marginal tiers: volume USD 0.00 to USD 1,000.00 in the threshold window contract year from 2026-02-01 to 2027-01-31",
		"marginal tiers: volume USD 0.00 to USD 500.00 in the threshold window contract year from 2027-02-01 to 2028-01-31",
	}
	if strings.Join(notes, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
}

// TestSaleRatedTierWindowsNamedInNotes: the same quarter for a schedule
// whose rates depend on the sale (SPEC 7.3.1). Each window's note names
// it, as for other tiers (before the fix the note ended "in the threshold
// window" with no window). January, AWS: 30% of 1,000.00 = 300.00, volume
// 0 → 1,000.00 in the first window; March, Azure: 10% of 500.00 = 50.00,
// volume 0 → 500.00 in the second; the quarter pays 350.00.
func TestSaleRatedTierWindowsNamedInNotes(t *testing.T) {
	p := compile(t, `
agreement a "A" {
  effective 2026-02-01
  contract year starts 2026-02-01
  currency USD
  party r "R"
  party v "V"
  kind Platform = Azure | AWS
  action sell { platform Platform  amount money }
  clause 1 "Share"
    r pays v marginal tiers reset each contract year {
      up to USD 2,000.00: 30% where platform == AWS, 10% otherwise
      above: 5 points less
    } of amount of each sell by r
}`)
	st := settle(t, p, "", "2027-01-01", "2027-03-31", ledger(t, p, "",
		"sell 2027-01-10 actor=r platform=AWS amount=1,000.00",
		"sell 2027-03-10 actor=r platform=Azure amount=500.00"))
	var notes []string
	for _, l := range st.Lines {
		if l.Amount.String() != "USD 350.00" {
			t.Errorf("line %s, want USD 350.00", l.Amount)
		}
		for _, n := range l.Notes {
			if strings.Contains(n, "threshold window") {
				notes = append(notes, n)
			}
		}
	}
	want := []string{
		"marginal tiers, rates by sale: volume USD 0.00 to USD 1,000.00 in the threshold window contract year from 2026-02-01 to 2027-01-31",
		"marginal tiers, rates by sale: volume USD 0.00 to USD 500.00 in the threshold window contract year from 2027-02-01 to 2028-01-31",
	}
	if strings.Join(notes, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
}
