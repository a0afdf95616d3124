package interp_test

// Marginal tiers whose rates depend on the sale (SPEC 7.3.1), and the
// peers benchmark workload written as one agreement
// (testdata/peers/agreement.pacta), against figures worked by hand.

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

func TestPeersWorkload(t *testing.T) {
	src, err := os.ReadFile("testdata/peers/agreement.pacta")
	if err != nil {
		t.Fatal(err)
	}
	p := compile(t, string(src))
	f, err := os.Open("testdata/peers/ledger.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := p.Settle(context.Background(), p.ReadCSV("", "ledger.csv", f), interp.SettleOptions{
		From: mustDate(t, "2026-01-01"), To: mustDate(t, "2027-12-31"),
	})
	if err != nil {
		t.Fatal(err)
	}
	// Clause 3: 25% on AWS from 2026-11-01 and 20% otherwise up to the
	// year's first USD 100,000,000.00 of openai's permitted net, 5 points
	// less above; capped at USD 5,000,000,000.00 over the term.
	//
	// 2026-Q1: Azure 60,000,000.00 at 20% = 12,000,000.00 (volume 60M).
	// 2026-Q2: GoogleCloud, prohibited by 1: not counted (a zero line).
	// 2026-Q4: AWS on 10-31 is before the concession: prohibited.
	//   AWS 0.02 at 25% = 0.005 (volume 60,000,000.02).
	//   AWS 50M - 1M refunds = 49,000,000.00: 100M - 60,000,000.02 =
	//   39,999,999.98 at 25% = 9,999,999.995; the other 9,000,000.02 at
	//   20% = 1,800,000.004 (volume 109,000,000.02).
	//   Direct 1,000,000.01, all above, at 15% = 150,000.0015.
	//   other's Azure sale: not by openai.
	//   0.005 + 9,999,999.995 + 1,800,000.004 + 150,000.0015
	//   = 11,950,000.0055, half-even to 11,950,000.01.
	// 2027-Q1 (the threshold resets): AWS 100,000,000.00, exactly to the
	//   threshold (inclusive), at 25% = 25,000,000.00; AWS 0.05 above at
	//   20% = 0.01; Direct 0.10 above at 15% = 0.015: 25,000,000.025, a
	//   half: half-even keeps the even cent, 25,000,000.02.
	// 2027-Q2: Azure 24,000,000,000.00 above at 15% = 3,600,000,000.00.
	// 2027-Q3: Azure 10,000,000,000.00 at 15% = 1,500,000,000.00, cut to
	//   the cap: 5,000,000,000.00 - (12,000,000.00 + 11,950,000.01 +
	//   25,000,000.02 + 3,600,000,000.00 = 3,648,950,000.03) =
	//   1,351,049,999.97.
	// 2027-Q4: Direct 1,000.00 at 15% = 150.00, cut to 0.
	sameList(t, "peers clause 3", lineList(st, "3"), []string{
		"2026-Q1 openai>microsoft 3 share 2026-03-31 due 2026-03-31 USD 12,000,000.00",
		"2026-Q2 openai>microsoft 3 share 2026-06-30 due 2026-06-30 USD 0.00",
		"2026-Q4 openai>microsoft 3 share 2026-12-31 due 2026-12-31 USD 11,950,000.01",
		"2027-Q1 openai>microsoft 3 share 2027-03-31 due 2027-03-31 USD 25,000,000.02",
		"2027-Q2 openai>microsoft 3 share 2027-06-30 due 2027-06-30 USD 3,600,000,000.00",
		"2027-Q3 openai>microsoft 3 share 2027-09-30 due 2027-09-30 USD 1,351,049,999.97",
		"2027-Q4 openai>microsoft 3 share 2027-12-31 due 2027-12-31 USD 0.00",
	})
	if st.BreachCount != 2 {
		t.Errorf("breaches: got %d, want 2 (GoogleCloud in Q2, AWS on 2026-10-31)", st.BreachCount)
	}
	// The rate column shows each rate used, per tier, with its volume:
	// tier 1 at 25% on 0.02 + 39,999,999.98 = 40,000,000.00.
	rates := map[string]string{}
	for _, l := range st.Lines {
		rates[l.Period.String()] = l.Rate
	}
	for period, want := range map[string]string{
		"2026-Q1": "up to USD 100,000,000.00: 20% of USD 60,000,000.00",
		"2026-Q4": "up to USD 100,000,000.00: 25% of USD 40,000,000.00; above USD 100,000,000.00: 20% of USD 9,000,000.02, 15% of USD 1,000,000.01",
		"2027-Q1": "up to USD 100,000,000.00: 25% of USD 100,000,000.00; above USD 100,000,000.00: 20% of USD 0.05, 15% of USD 0.10",
	} {
		if rates[period] != want {
			t.Errorf("%s rate column:\n got %q\nwant %q", period, rates[period], want)
		}
	}
}

const saleTiersSrc = `agreement st "Sale tiers" {
  effective 2027-01-01
  currency USD
  rounding half_even to 0.01
  party r "R"
  party v "V"
  kind Platform = Azure | AWS
  action sell { platform Platform  net money }

  clause 1 "Rates by sale"
    r pays v marginal tiers {
      up to USD 100.00: 30% where platform == AWS, 10% otherwise
      up to USD 200.00: 10 points less
      above: 2.5 points more where platform == Azure, 5 points less
    } of net of each sell
      settled quarterly
}`

func TestSaleTiersOrder(t *testing.T) {
	p := compile(t, saleTiersSrc)
	// AWS rates 30%, 20%, 15%; Azure rates 10%, 0%, 2.5%.
	// Order 1: AWS 150 then Azure 100 (volume 0 -> 150 -> 250):
	//   AWS: 100 at 30% + 50 at 20% = 40.00;
	//   Azure: 50 at 0% + 50 at 2.5% = 1.25. Total 41.25.
	// Order 2 (same date, the rows swapped): Azure 100 then AWS 150:
	//   Azure: 100 at 10% = 10.00;
	//   AWS: 100 at 20% + 50 at 15% = 27.50. Total 37.50.
	// Ledger order decides which sale's rate applies to a slice.
	st := settle(t, p, "", "2027-01-01", "2027-03-31", ledger(t, p, "",
		"sell 2027-02-01 actor=r platform=AWS net=150.00",
		"sell 2027-02-01 actor=r platform=Azure net=100.00",
	))
	sameList(t, "AWS first", clauseTotals(st), []string{"2027-Q1 r>v 1 USD 41.25"})
	st = settle(t, p, "", "2027-01-01", "2027-03-31", ledger(t, p, "",
		"sell 2027-02-01 actor=r platform=Azure net=100.00",
		"sell 2027-02-01 actor=r platform=AWS net=150.00",
	))
	sameList(t, "Azure first", clauseTotals(st), []string{"2027-Q1 r>v 1 USD 37.50"})
	if got, want := st.Lines[0].Rate, "up to USD 100.00: 10% of USD 100.00; up to USD 200.00: 20% of USD 100.00; above USD 200.00: 15% of USD 50.00"; got != want {
		t.Errorf("rate column:\n got %q\nwant %q", got, want)
	}
}

func TestSaleTiersNegativeRate(t *testing.T) {
	p := compile(t, strings.Replace(saleTiersSrc, "10 points less", "11 points less", 1))
	// Azure: 10% - 11 points = -1% in tier 2: an error naming the clause.
	_, err := p.Settle(context.Background(), events(ledger(t, p, "",
		"sell 2027-02-01 actor=r platform=Azure net=100.00",
	)), interp.SettleOptions{})
	if err == nil || !strings.Contains(err.Error(), "the rate of tier 2 for this sale is -1%: a tier's rate cannot be negative") {
		t.Fatalf("got %v", err)
	}
}

// TestPeersTermsEvents settles the hand-checked events of the peers
// workload's TestTerms (../shared/peers/bench_test.go, amounts there in
// cents) with the one agreement, and expects its answers.
func TestPeersTermsEvents(t *testing.T) {
	src, err := os.ReadFile("testdata/peers/agreement.pacta")
	if err != nil {
		t.Fatal(err)
	}
	p := compile(t, string(src))
	ledger := `action,actor,date,platform,region,gross,refunds
sell,openai,2026-01-05,GoogleCloud,US,USD 10.00,USD 0.00
sell,other,2026-01-10,GoogleCloud,EU,USD 10.00,USD 0.00
sell,openai,2026-03-01,AWS,US,USD 10.00,USD 0.00
sell,openai,2026-04-01,Azure,UK,"USD 99,999,999.50",USD 0.50
sell,openai,2026-05-01,Direct,US,USD 4.00,USD 1.00
sell,openai,2026-10-31,AWS,APAC,USD 10.00,USD 0.00
sell,openai,2026-11-01,AWS,US,USD 0.02,USD 0.00
sell,openai,2026-12-01,Direct,US,USD 0.14,USD 0.00
sell,openai,2027-01-04,AWS,EU,USD 0.06,USD 0.00
sell,openai,2028-02-01,Direct,US,"USD 400,000,000,000.00",USD 0.00
sell,openai,2028-04-03,Azure,US,USD 10.00,USD 0.10
sell,other,2028-12-31,AWS,US,USD 10.00,USD 0.00
`
	st, err := p.Settle(context.Background(), p.ReadCSV("", "terms.csv", strings.NewReader(ledger)), interp.SettleOptions{
		From: mustDate(t, "2026-01-01"), To: mustDate(t, "2028-12-31"),
	})
	if err != nil {
		t.Fatal(err)
	}
	// TestTerms's figures: 2026-Q2 1,999,999,980 + 50 cents (99,999,999.00
	// at 20%; of the Direct 3.00, 1.00 at 20% and 2.00 at 15%); 2026-Q4
	// 0.4 + 2.1 cents = 2.5, half-even 2 (AWS at 25 - 5 = 20% above the
	// tier, Direct at 15%); 2027-Q1 1.5 cents (25% of 0.06), half-even 2;
	// 2028-Q1 the cap less the 2,000,000,034 cents paid before; 2028-Q2 0.
	sameList(t, "peers TestTerms", clauseTotals(st, "3"), []string{
		"2026-Q2 openai>microsoft 3 USD 20,000,000.30",
		"2026-Q4 openai>microsoft 3 USD 0.02",
		"2027-Q1 openai>microsoft 3 USD 0.02",
		"2028-Q1 openai>microsoft 3 USD 4,979,999,999.66",
	})
	if st.BreachCount != 3 {
		t.Errorf("breaches: got %d, want 3", st.BreachCount)
	}
}
