package interp_test

// Pro rata splits whose numbers of shares use each sale's fields (SPEC
// 8.4.2), against figures worked by hand in the comments.

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

const rowSplitSrc = `
agreement rows "Split by each sale" {
  effective 2027-01-01
  currency USD
  rounding half_even to 0.01

  party r "Payer"
  party a "A"
  party b "B"

  action sell { net money units integer returned bool }

  term signed(s sell) = if s.returned then -s.net else s.net

  term bonus(s sell) = s.units + 1

  clause 1 "By the sale's units"
    r pays split pro rata { a units shares, b 1 shares } 10% of signed of each sell by r
  clause 2 "Remainder to a"
    r pays split pro rata { a units shares, b 1 shares rounded down, remainder to a } 10% of signed of each sell by r
  clause 3 "By a term of the sale"
    r pays split pro rata { a 1 shares, b bonus shares } 10% of signed of each sell by r
  clause 6.2 "Writers"
    "Each sale's royalty is divided by the units each writer contributed."
    split writers pro rata { a units shares, b 1 shares }
  clause 4 "Named"
    r pays writers 10% of signed of each sell by r
}
`

func TestSettleSplitByRow(t *testing.T) {
	p := compile(t, rowSplitSrc)
	recs := ledger(t, p, "",
		"sell 2027-01-10 actor=r returned=false net=100.00 units=3",
		"sell 2027-02-10 actor=r returned=false net=10.01 units=1",
		"sell 2027-03-10 actor=r returned=false net=3.33 units=2",
		"sell 2027-04-10 actor=r returned=false net=0.09 units=1",
		"sell 2027-05-10 actor=r returned=false net=0.09 units=3",
		"sell 2027-07-10 actor=r returned=true net=100.00 units=3",
		"sell 2027-08-10 actor=r returned=false net=40.00 units=1",
		"sell 2027-10-10 actor=r returned=true net=100.00 units=1",
		"sell 2027-11-10 actor=r returned=false net=100.00 units=3",
	)
	st := settle(t, p, "", "2027-01-01", "2027-12-31", recs)
	sameList(t, "clause 1", clauseTotals(st, "1"), []string{
		// Q1, a `units` shares and b 1 share of each sale's 10%:
		//   100.00 × 10% = 10.00 in 3 + 1: a 7.50, b 2.50
		//   10.01 × 10% = 1.001 in 1 + 1: a 0.5005, b 0.5005
		//   3.33 × 10% = 0.333 in 2 + 1: a 0.222, b 0.111
		// exactly a 8.2225, b 3.1115; the quarter 11.334 → 11.33.
		// Rounded down a 8.22, b 3.11 = 11.33: nothing left over.
		"2027-Q1 r>a 1 USD 8.22",
		"2027-Q1 r>b 1 USD 3.11",
		// Q2: 0.009 in 1 + 1: a 0.0045, b 0.0045; 0.009 in 3 + 1: a
		// 0.00675, b 0.00225. Exactly a 0.01125, b 0.00675; the quarter
		// 0.018 → 0.02. Rounded down a 0.01 (lost 0.00125), b 0.00
		// (lost 0.00675): the cent left goes to b, which lost more.
		// (The quarter's 0.02 split 3 + 1 as a whole would give a 0.02.)
		"2027-Q2 r>a 1 USD 0.01",
		"2027-Q2 r>b 1 USD 0.01",
		// Q3: -10.00 in 3 + 1: a -7.50, b -2.50; 4.00 in 1 + 1: a 2.00,
		// b 2.00. Exactly a -5.50, b -0.50 = -6.00.
		"2027-Q3 r>a 1 USD -5.50",
		"2027-Q3 r>b 1 USD -0.50",
		// Q4: -10.00 in 1 + 1: a -5.00, b -5.00; 10.00 in 3 + 1: a 7.50,
		// b 2.50. The quarter is 0.00, but a is owed 2.50 and b owes
		// 2.50: each sale is divided by its own shares.
		"2027-Q4 r>a 1 USD 2.50",
		"2027-Q4 r>b 1 USD -2.50",
	})
	sameList(t, "clause 2, remainder to a", clauseTotals(st, "2"), []string{
		"2027-Q1 r>a 2 USD 8.22",
		"2027-Q1 r>b 2 USD 3.11",
		// Q2: a 0.01 rounded down and the cent left over; b 0.00 (no
		// line).
		"2027-Q2 r>a 2 USD 0.02",
		"2027-Q3 r>a 2 USD -5.50",
		"2027-Q3 r>b 2 USD -0.50",
		"2027-Q4 r>a 2 USD 2.50",
		"2027-Q4 r>b 2 USD -2.50",
	})
	q1 := func(st []string) []string {
		return slices.DeleteFunc(st, func(s string) bool { return !strings.HasPrefix(s, "2027-Q1") })
	}
	sameList(t, "clause 3, by a term of the sale", q1(clauseTotals(st, "3")), []string{
		// a 1 share, b units + 1:
		//   10.00 in 1 + 4: a 2.00, b 8.00
		//   1.001 in 1 + 2: a 0.333666…, b 0.667333…
		//   0.333 in 1 + 3: a 0.08325, b 0.24975
		// exactly a 2.4169166…, b 8.9170833… (11.334 → 11.33).
		// Rounded down a 2.41 (lost 0.0069166…), b 8.91 (lost
		// 0.0070833…): the cent left goes to b.
		"2027-Q1 r>a 3 USD 2.41",
		"2027-Q1 r>b 3 USD 8.92",
	})
	sameList(t, "clause 4, a named split", q1(clauseTotals(st, "4")), []string{
		// As clause 1.
		"2027-Q1 r>a 4 USD 8.22",
		"2027-Q1 r>b 4 USD 3.11",
	})

	// The notes say how each part was reached.
	notes := map[string][]string{}
	for _, l := range st.Lines {
		if p := l.Period.String(); p == "2027-Q1" || p == "2027-Q2" {
			notes[p+" "+l.Clause.Num+" "+l.Payee] = l.Notes
		}
	}
	want := map[string][]string{
		"2027-Q1 1 a": {"exact amount 11.334, rounded half_even to 0.01",
			"pro rata by units shares of each sell, over 3 sells: exactly USD 8.2225 of USD 11.33"},
		"2027-Q1 1 b": {"exact amount 11.334, rounded half_even to 0.01",
			"pro rata by 1 share of each sell, over 3 sells: exactly USD 3.1115 of USD 11.33"},
		"2027-Q2 1 b": {"exact amount 0.018, rounded half_even to 0.01",
			"pro rata by 1 share of each sell, over 2 sells: exactly USD 0.00675 of USD 0.02",
			"USD 0.01 left over by rounding down, to the largest remainder (ties to the party written first)"},
		"2027-Q2 2 a": {"exact amount 0.018, rounded half_even to 0.01",
			"pro rata by units shares of each sell, over 2 sells: exactly USD 0.01125 of USD 0.02",
			"USD 0.01 left over by rounding down, remainder to a"},
		"2027-Q1 4 a": {"exact amount 11.334, rounded half_even to 0.01",
			"pro rata by units shares of each sell, over 3 sells: exactly USD 8.2225 of USD 11.33",
			`split writers of clause 6.2 "Writers"`},
	}
	for k, w := range want {
		if !slices.Equal(notes[k], w) {
			t.Errorf("notes of %s:\n got %q\nwant %q", k, notes[k], w)
		}
	}
}

// A sale whose number of shares is not more than zero fails the
// settlement that reaches it, naming the clause, the party and the row.
func TestSettleSplitByRowZero(t *testing.T) {
	p := compile(t, rowSplitSrc)
	recs := ledger(t, p, "",
		"sell 2027-01-10 actor=r returned=false net=100.00 units=3",
		"sell 2027-02-10 actor=r returned=false net=10.00 units=0",
	)
	_, err := p.Settle(context.Background(), events(recs), interp.SettleOptions{From: mustDate(t, "2027-01-01"), To: mustDate(t, "2027-12-31")})
	if err == nil {
		t.Fatal("settled with 0 shares")
	}
	for _, w := range []string{"ledger:2: ", "clause 1: a has 0 shares in the split for this sell (units); a number of shares must be more than zero"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not say %q", err, w)
		}
	}
}

// A share that names a split keeps its period when an amendment
// replaces the split: each sale is divided by the split in force on its
// date, and a party the new split leaves out is still paid what the
// sales before the amendment gave it, after the split's parties (SPEC
// 8.4.2).
func TestSettleSplitByRowAmended(t *testing.T) {
	p := compile(t, `
agreement base "Base" {
  effective 2027-01-01
  currency USD
  rounding half_even to 0.01
  party r "R"
  party a "A"
  party b "B"
  party c "C"
  action sell { net money units integer }
  clause 6.2 "Writers" split writers pro rata { a units shares, b 1 shares }
  clause 4 "Royalty" r pays writers 10% of net of each sell
}
`, `
amendment later "Later" amends base {
  effective 2027-02-15
  replace clause 6.2 "Writers" split writers pro rata { a units shares, c 1 shares }
}
`)
	recs := ledger(t, p, "",
		"sell 2027-01-10 actor=r net=100.00 units=3",
		"sell 2027-03-10 actor=r net=10.01 units=1",
	)
	st := settle(t, p, "", "2027-01-01", "2027-03-31", recs)
	// January, a 3 and b 1 of 10.00: a 7.50, b 2.50. March, a 1 and c 1
	// of 1.001: 0.5005 each. Exactly a 8.0005, b 2.50, c 0.5005; the
	// quarter's 11.001 rounds to 11.00; rounded down a 8.00, c 0.50, b
	// 2.50 add up to 11.00, nothing left over.
	sameList(t, "a split replaced within the quarter", clauseTotals(st), []string{
		"2027-Q1 r>a 4 USD 8.00",
		"2027-Q1 r>b 4 USD 2.50",
		"2027-Q1 r>c 4 USD 0.50",
	})
	found := false
	for _, l := range st.Lines {
		if l.Payee == "b" {
			found = true
			want := "pro rata by the split in force on each sell's date (no longer a party of the split), over 2 sells: exactly USD 2.50 of USD 11.00"
			if !slices.Contains(l.Notes, want) {
				t.Errorf("b's notes %q do not say %q", l.Notes, want)
			}
		}
	}
	if !found {
		t.Error("no line to b")
	}
}

// Marginal tiers charge each sale its slice of the window's volume (SPEC
// 7.3.1), and a split by each sale's numbers of shares divides that
// charge (SPEC 8.4.2).
func TestSettleSplitByRowMarginalTiers(t *testing.T) {
	p := compile(t, `
agreement tiered "Tiers" {
  effective 2027-01-01
  currency USD
  rounding half_even to 0.01
  party r "R"
  party a "A"
  party b "B"
  action sell { net money units integer }
  clause 1 "Tiered" r pays split pro rata { a units shares, b 1 shares } marginal tiers { 10% up to USD 100.00 5% above } of net of each sell
}
`)
	recs := ledger(t, p, "",
		"sell 2027-01-10 actor=r net=80.00 units=3",
		"sell 2027-02-10 actor=r net=40.00 units=1",
		"sell 2027-03-10 actor=r net=0.15 units=2",
	)
	st := settle(t, p, "", "2027-01-01", "2027-03-31", recs)
	// The quarter is the threshold window. 80.00 takes the volume from 0
	// to 80 at 10% = 8.00, in 3 + 1: a 6.00, b 2.00. 40.00 takes it from
	// 80 to 120: 20.00 at 10% = 2.00 and 20.00 at 5% = 1.00, so 3.00, in
	// 1 + 1: a 1.50, b 1.50. 0.15 is all above, 5% = 0.0075, in 2 + 1: a
	// 0.005, b 0.0025. The quarter: 11.0075 (F(120.15) = 10.00 +
	// 5% × 20.15), rounded half-even to 11.01. Exactly a 7.505, b
	// 3.5025; rounded down a 7.50 (lost 0.005), b 3.50 (lost 0.0025):
	// the cent left goes to a.
	sameList(t, "marginal tiers by each sale", clauseTotals(st), []string{
		"2027-Q1 r>a 1 USD 7.51",
		"2027-Q1 r>b 1 USD 3.50",
	})
}

// Parts of very different sizes in one period stay within the 60 digits
// of a number: each sale's part is taken to 12 decimal places (SPEC
// 8.4.2). Unrounded, a part of about 8.5 × 10^14 and one of about 10^-14
// with 34 significant digits would need more than 60 digits together.
func TestSettleSplitByRowWideRange(t *testing.T) {
	p := compile(t, `
agreement wide "Wide" {
  effective 2027-01-01
  currency USD
  rounding half_even to 0.01
  party r "R"
  party a "A"
  party b "B"
  action sell { net money units integer rate percent }
  clause 1 "S" r pays split pro rata { a units shares, b 1 shares } rate of net of each sell
}
`)
	recs := ledger(t, p, "",
		"sell 2027-01-10 actor=r net=999,999,999,999,999.99 units=6 rate=99.123456789%",
		"sell 2027-01-11 actor=r net=0.01 units=6 rate=0.000000001%",
	)
	st := settle(t, p, "", "2027-01-01", "2027-03-31", recs)
	// First sale: 999,999,999,999,999.99 × 0.99123456789 =
	// 991,234,567,890,000 − 0.0099123456789 = 991,234,567,889,999.9900876543211;
	// second: 0.01 × 0.00000000001 = 0.0000000000001. The quarter is
	// 991,234,567,889,999.9900876543212 → 991,234,567,889,999.99.
	// In 6 + 1 shares: b ≈ 141,604,938,269,999.99858395 (lost 0.0086),
	// a = 6 × that ≈ 849,629,629,619,999.99150370 (lost 0.0015);
	// rounded down they add up to ….98, so the cent left goes to b.
	sameList(t, "wide range", clauseTotals(st), []string{
		"2027-Q1 r>a 1 USD 849,629,629,619,999.99",
		"2027-Q1 r>b 1 USD 141,604,938,270,000.00",
	})
}

// An amendment that turns a named split into one by each sale's numbers
// of shares (or back) within a settlement period fails the settlement of
// that period: no rule divides a period whose sales were divided two
// ways. At the start of a period it is a change like any other (SPEC
// 8.4.2).
func TestSettleSplitByRowChangedKind(t *testing.T) {
	base := `
agreement base "Base" {
  effective 2027-01-01
  currency USD
  rounding half_even to 0.01
  party r "R"
  party a "A"
  party b "B"
  action sell { net money units integer }
  clause 6.2 "Writers" split writers pro rata { a 3 shares, b 1 shares }
  clause 4 "Royalty" r pays writers 10% of net of each sell
}
`
	amend := func(date string) string {
		return `
amendment later "Later" amends base {
  effective ` + date + `
  replace clause 6.2 "Writers" split writers pro rata { a units shares, b 1 shares }
}
`
	}
	rows := []string{
		"sell 2027-01-10 actor=r net=100.00 units=1",
		"sell 2027-05-10 actor=r net=100.00 units=1",
	}
	p := compile(t, base, amend("2027-02-15"))
	_, err := p.Settle(context.Background(), events(ledger(t, p, "", rows...)), interp.SettleOptions{To: mustDate(t, "2027-12-31")})
	want := "clause 4: its split changes within 2027-Q1 between one by each sell's numbers of shares and one that is not"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want an error saying %q", err, want)
	}
	p = compile(t, base, amend("2027-04-01"))
	st := settle(t, p, "", "2027-01-01", "2027-12-31", ledger(t, p, "", rows...))
	sameList(t, "changed at a quarter's start", clauseTotals(st), []string{
		// Q1: 10.00 in 3 + 1, constant: 7.50 and 2.50. Q2: 10.00 in 1 + 1
		// by the sale's units: 5.00 each.
		"2027-Q1 r>a 4 USD 7.50",
		"2027-Q1 r>b 4 USD 2.50",
		"2027-Q2 r>a 4 USD 5.00",
		"2027-Q2 r>b 4 USD 5.00",
	})
}

// Parts of different signs are rounded down toward minus infinity, and
// the units left over still go by the remainder rule (SPEC 8.4.2).
func TestSettleSplitByRowMixedSigns(t *testing.T) {
	p := compile(t, rowSplitSrc)
	recs := ledger(t, p, "",
		"sell 2027-01-10 actor=r returned=true net=10.01 units=1",
		"sell 2027-01-11 actor=r returned=false net=10.00 units=3",
	)
	st := settle(t, p, "", "2027-01-01", "2027-03-31", recs)
	// Clause 1, a `units` shares and b 1: the refund's -1.001 in 1 + 1
	// gives a -0.5005, b -0.5005; the sale's 1.00 in 3 + 1 gives a 0.75,
	// b 0.25. Exactly a 0.2495, b -0.2505; the quarter's -0.001 rounds
	// half-even to 0.00. Rounded down a 0.24 (lost 0.0095) and b -0.26
	// (lost 0.0095) add up to -0.02: two cents left over, one to each.
	sameList(t, "mixed signs", clauseTotals(st, "1"), []string{
		"2027-Q1 r>a 1 USD 0.25",
		"2027-Q1 r>b 1 USD -0.25",
	})
}

// A split whose numbers are the same for every sale may differ from the
// constant split by the unit that rounding the period's amount adds: the
// exact parts are divided, not the rounded amount (SPEC 8.4.2).
func TestSettleSplitByRowAgainstConstant(t *testing.T) {
	p := compile(t, `
agreement same "Same" {
  effective 2027-01-01
  currency USD
  rounding half_even to 0.01
  party r "R"
  party a "A"
  party b "B"
  action sell { net money units integer }
  clause 1 "By units" r pays split pro rata { a units shares, b 1 shares } 10% of net of each sell
  clause 2 "Constant" r pays split pro rata { a 3 shares, b 1 shares } 10% of net of each sell
}
`)
	recs := ledger(t, p, "",
		"sell 2027-01-10 actor=r net=0.09 units=3",
		"sell 2027-01-11 actor=r net=0.09 units=3",
	)
	st := settle(t, p, "", "2027-01-01", "2027-03-31", recs)
	sameList(t, "same numbers, two rules", clauseTotals(st), []string{
		// Clause 1: exactly 0.018 → 0.02; X_a = 2 × 0.00675 = 0.0135, X_b
		// = 2 × 0.00225 = 0.0045; rounded down 0.01 and 0.00; the cent
		// left goes to b (lost 0.0045, a 0.0035).
		"2027-Q1 r>a 1 USD 0.01",
		"2027-Q1 r>b 1 USD 0.01",
		// Clause 2: 0.02 × 3/4 = 0.015 → 0.01, 0.02 × 1/4 = 0.005 → 0.00,
		// both lost 0.005: the cent goes to a, written first.
		"2027-Q1 r>a 2 USD 0.02",
	})
}
