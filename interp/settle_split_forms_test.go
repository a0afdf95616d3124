package interp_test

// Equal, pro rata and named splits (SPEC 8.4, 8.4.1), against figures
// worked by hand in the comments.

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

const splitFormsSrc = `
agreement forms "Split forms" {
  effective 2027-01-01
  currency USD
  rounding half_even to 0.01

  party r "Payer"
  party a "A"
  party b "B"
  party c "C"

  action resell { revenue money }

  term b_shares = 10

  clause 1 "Equal"
    r pays split equally among a, b, c USD 100.00 on 2027-01-15
  clause 2 "Equal, remainder to c"
    r pays split equally among a, b, c remainder to c USD 100.00 on 2027-01-15
  clause 3 "Pro rata"
    r pays split pro rata { a 20 shares, b b_shares shares, c 70 shares } USD 100.00 on 2027-01-15
  clause 4 "Pro rata, odd"
    r pays split pro rata { a 1 shares, b 1 shares, c 1.5 shares } USD 0.10 on 2027-01-15
  clause 5 "Pro rata, rounded down"
    r pays split pro rata { a 1 shares, b 1 shares, c 1.5 shares rounded down, remainder to c } USD 0.10 on 2027-01-15
  clause 6 "Equal share"
    r pays split equally among a, b, c 10% of revenue of each resell by r
  clause 6.2 "Writers' shares"
    "Every amount payable to the Writers is divided two to one."
    split writers pro rata { a 2 shares, b 1 shares }
  clause 7 "Named"
    r pays writers USD 10.00 on 2027-01-15
  clause 8 "Named step"
    r pays waterfall { c up to USD 1.00 writers rest } USD 2.00 on 2027-01-20
}
`

func TestSettleSplitForms(t *testing.T) {
	p := compile(t, splitFormsSrc)
	recs := ledger(t, p, "",
		"resell 2027-02-10 actor=r revenue=1,000.01",
		"resell 2027-05-10 actor=r revenue=0.20",
	)
	st := settle(t, p, "", "2027-01-01", "2027-12-31", recs)
	sameList(t, "equal and pro rata splits", clauseTotals(st, "1", "2", "3", "4", "5"), []string{
		// 100.00 is 10,000 cents; 10,000 / 3 = 3,333 each, 1 cent left.
		// Each part lost a third of a cent: a tie, so the cent goes to
		// the party written first, a.
		"2027-Q1 r>a 1 USD 33.34",
		"2027-Q1 r>b 1 USD 33.33",
		"2027-Q1 r>c 1 USD 33.33",
		// remainder to c: a and b 33.33 (rounded down), c the rest,
		// 100.00 − 66.66 = 33.34.
		"2027-Q1 r>a 2 USD 33.33",
		"2027-Q1 r>b 2 USD 33.33",
		"2027-Q1 r>c 2 USD 33.34",
		// 20 + 10 + 70 = 100 shares: 20.00, 10.00, 70.00 exactly.
		"2027-Q1 r>a 3 USD 20.00",
		"2027-Q1 r>b 3 USD 10.00",
		"2027-Q1 r>c 3 USD 70.00",
		// 3.5 shares of 0.10 (10 cents): a and b 10 × 1/3.5 = 2.857 cents
		// → 2 (0.857 lost each), c 10 × 1.5/3.5 = 4.286 → 4 (0.286
		// lost); 2 cents left, to a and b, which lost the most.
		"2027-Q1 r>a 4 USD 0.03",
		"2027-Q1 r>b 4 USD 0.03",
		"2027-Q1 r>c 4 USD 0.04",
		// rounded down, remainder to c: a 0.02, b 0.02, c 0.10 − 0.04.
		"2027-Q1 r>a 5 USD 0.02",
		"2027-Q1 r>b 5 USD 0.02",
		"2027-Q1 r>c 5 USD 0.06",
	})
	sameList(t, "an equal split of a share", clauseTotals(st, "6"), []string{
		// Q1: 10% × 1,000.01 = 100.001 → 100.00: 33.34, 33.33, 33.33.
		"2027-Q1 r>a 6 USD 33.34",
		"2027-Q1 r>b 6 USD 33.33",
		"2027-Q1 r>c 6 USD 33.33",
		// Q2: 10% × 0.20 = 0.02: 0 cents each, 2 left over, to a and b
		// (a three-way tie, so the first two written); c's zero part is
		// not shown (SPEC 6.1).
		"2027-Q2 r>a 6 USD 0.01",
		"2027-Q2 r>b 6 USD 0.01",
	})
	sameList(t, "a named split", clauseTotals(st, "7", "8"), []string{
		// 10.00 in 2 + 1 shares: a 6.666… → 6.66 (0.666 cent lost), b
		// 3.333… → 3.33 (0.333 lost); the cent left goes to a.
		"2027-Q1 r>a 7 USD 6.67",
		"2027-Q1 r>b 7 USD 3.33",
		// Waterfall of 2.00: c takes 1.00, the rest 1.00 to the writers:
		// a 0.666… → 0.66, b 0.333… → 0.33, the cent left to a.
		"2027-Q1 r>c 8 USD 1.00",
		"2027-Q1 r>a 8 USD 0.67",
		"2027-Q1 r>b 8 USD 0.33",
	})

	// The statement says how each part was reached.
	notes := map[string][]string{}
	for _, l := range st.Lines {
		if l.Period.String() == "2027-Q1" {
			notes[l.Clause.Num+" "+l.Payee] = l.Notes
		}
	}
	wantNotes := map[string][]string{
		"1 a": {"equal share, 1 of 3, of USD 100.00", "USD 0.01 left over by rounding down, to the largest remainder (ties to the party written first)"},
		"1 b": {"equal share, 1 of 3, of USD 100.00"},
		"2 c": {"equal share, 1 of 3, of USD 100.00", "USD 0.01 left over by rounding down, remainder to c"},
		"3 b": {"10 of 100 shares of USD 100.00"},
		"5 c": {"1.5 of 3.5 shares of USD 0.10", "USD 0.02 left over by rounding down, remainder to c"},
		"7 a": {"2 of 3 shares of USD 10.00", "USD 0.01 left over by rounding down, to the largest remainder (ties to the party written first)", `split writers of clause 6.2 "Writers' shares"`},
	}
	for k, want := range wantNotes {
		if !slices.Equal(notes[k], want) {
			t.Errorf("notes of %s: got %q, want %q", k, notes[k], want)
		}
	}
}

// A computed number of shares that is not more than zero fails the
// settlement that reaches the split, positioned at the weight and naming
// the clause (SPEC 8.4); questions that do not reach it are unaffected.
func TestSettleSplitBadWeight(t *testing.T) {
	p := compile(t, `
agreement bad "Bad weights" {
  effective 2027-01-01
  currency USD
  party r "R"
  party a "A"
  party b "B"
  term none = 0
  clause 1 "Fine" r pays a USD 1.00 on 2027-01-10
  clause 2 "Zero"
    r pays split pro rata { a none shares, b 1 shares } USD 1.00 on 2027-03-01
}
`)
	if _, err := p.Settle(context.Background(), events(nil), interp.SettleOptions{To: mustDate(t, "2027-02-28")}); err != nil {
		t.Fatalf("before the split: %v", err)
	}
	_, err := p.Settle(context.Background(), events(nil), interp.SettleOptions{To: mustDate(t, "2027-03-31")})
	want := "a.pacta:11:31: clause 2: a has 0 shares in the split; a number of shares must be more than zero"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %q", err, want)
	}
}

// A payment that names a split divides by the split clause in force in
// its version: an amendment that replaces the split changes the parts
// from its effective date (SPEC 8.4.1).
func TestSettleNamedSplitAmended(t *testing.T) {
	p := compile(t, `
agreement base "Base" {
  effective 2027-01-01
  currency USD
  party r "R"
  party a "A"
  party b "B"
  clause 6.2 "Writers" split writers equally among a, b
  clause 4 "Fee" r pays writers USD 100.00 on 2027-03-01, 2027-09-01
}
`, `
amendment later "Later" amends base {
  effective 2027-07-01
  replace clause 6.2 "Writers" split writers pro rata { a 3 shares, b 1 shares }
}
`)
	st := settle(t, p, "", "2027-01-01", "2027-12-31", nil)
	sameList(t, "before and after the amendment", clauseTotals(st), []string{
		// March, equal: 50.00 each.
		"2027-Q1 r>a 4 USD 50.00",
		"2027-Q1 r>b 4 USD 50.00",
		// September, 3 to 1: 75.00 and 25.00.
		"2027-Q3 r>a 4 USD 75.00",
		"2027-Q3 r>b 4 USD 25.00",
	})
}

// A waterfall limit rounded to the unit says so on its step's line
// (SPEC 8.2 point 2, 8.4).
func TestSettleWaterfallLimitNote(t *testing.T) {
	p := compile(t, `
agreement w "W" {
  effective 2027-01-01
  currency USD
  rounding half_down to 1
  party r "R"
  party a "A"
  party b "B"
  clause 1 "Waterfall" r pays waterfall { a up to USD 955.50 b rest } USD 1,000 on 2027-01-10
}
`)
	st := settle(t, p, "", "2027-01-01", "2027-01-31", nil)
	// 955.50 is exactly half-way between 955 and 956: half_down gives 955.
	// a takes 955, b the rest, 1,000 − 955 = 45.
	sameList(t, "waterfall", clauseTotals(st), []string{
		"2027-Q1 r>a 1 USD 955.00",
		"2027-Q1 r>b 1 USD 45.00",
	})
	want := []string{"waterfall step 1 of 2", "its limit USD 955.50, rounded half_down to 1, is USD 955.00"}
	for _, l := range st.Lines {
		if l.Payee == "a" && !slices.Equal(l.Notes, want) {
			t.Errorf("notes %q, want %q", l.Notes, want)
		}
	}
}

// A waterfall step that falls to the payer itself stays with the payer
// (SPEC 6.1): no line from the payer to
// itself and no such total; the other parts' lines say what stayed.
func TestSettlePartToThePayerStays(t *testing.T) {
	p := compile(t, `
agreement w "W" {
  effective 2027-01-01
  currency USD
  party p "P"
  party b "B"
  clause 1 "Waterfall" p pays waterfall { p up to USD 10.00 b rest } USD 15.00 on 2027-01-10
}
`)
	st := settle(t, p, "", "2027-01-01", "2027-01-31", nil)
	// Clause 1: 15.00 into the waterfall; step 1, p up to 10.00, takes
	// 10.00 and stays with p; b takes the rest, 15.00 − 10.00 = 5.00.
	// (A split naming the payer is a check error, SPEC 6.1.)
	sameList(t, "parts to the payer", clauseTotals(st), []string{
		"2027-Q1 p>b 1 USD 5.00",
	})
	for _, tot := range st.Totals {
		if tot.Payer == tot.Payee {
			t.Errorf("a total from %s to itself: %s", tot.Payer, tot.Amount)
		}
	}
	want := "USD 10.00, waterfall step 1 of 2, stays with p, the payer"
	for _, l := range st.Lines {
		if !slices.Contains(l.Notes, want) {
			t.Errorf("clause %s's line to %s: notes %q lack %q", l.Clause.Num, l.Payee, l.Notes, want)
		}
	}
}
