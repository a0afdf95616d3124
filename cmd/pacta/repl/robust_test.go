package repl

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestErrorsKeepTheSession: no failing entry ends the session or loses
// what was defined before it. After each bad entry, the term, clause and
// given defined first still answer.
func TestErrorsKeepTheSession(t *testing.T) {
	s, out := newTestSession(t, exampleDir)
	ctx := context.Background()
	for _, e := range []string{
		`term rate = 7%`,
		`clause 6.1 "Bonus" openai pays microsoft rate of net_revenue of each sell by openai settled yearly`,
		`given sale = sell by openai { product: "p", platform: AWS, region: "US", date: 2026-11-01, gross: USD 1,000.00, refunds: USD 0.00 }`,
	} {
		out.Reset()
		if !s.Handle(ctx, e) {
			t.Fatalf("%q failed:\n%s", e, out.String())
		}
	}
	// What was defined, worked by hand: rate is 7%, and clause 6.1 takes
	// 7% × 1,000.00 = USD 70.00 of the sale, for the year 2026.
	stillThere := func(after string) {
		t.Helper()
		out.Reset()
		if !s.Handle(ctx, "rate") || out.String() != "7%\n" {
			t.Errorf("after %q, rate answers:\n%s", after, out.String())
		}
		out.Reset()
		if !s.Handle(ctx, "sale") ||
			!strings.Contains(out.String(), `under 6.1 "Bonus" (this session): openai pays microsoft USD 70.00 for 2026`) {
			t.Errorf("after %q, the sale answers:\n%s", after, out.String())
		}
	}
	stillThere("the definitions")
	for _, bad := range []string{
		"rate +",                         // incomplete
		"rate rate",                      // syntax
		`sell by opnai { product: "p" }`, // unknown party
		"term rate = USD 5.00",           // breaks clause 6.1, typed earlier
		"term net_revenue(s sell) = s.gross > USD 0.00", // breaks the files
		`clause 6.1 "Bonus" nobody may sell`,            // unknown party in a replacement
		"currency EUR",                                  // a header of the files
		"delete clause 9.9",                             // nothing to delete
		"given x = sale.gross / 0",                      // division by zero
		"given may = 1",                                 // reserved word
		"2026-02-30",                                    // no such date
		":settle 2027-Q5",                               // bad period
		":ledger testdata/missing.csv",                  // no such file
		":load testdata/nothing-here.pacta",             // no such file
		":asof yesterday",                               // bad date
		":frobnicate",                                   // unknown command
		"test \"t\" { expect rate == 8% }",              // a failing test
		"\x00\xff\xfe",                                  // not text
	} {
		out.Reset()
		if s.Handle(ctx, bad) {
			t.Errorf("%q succeeded:\n%s", bad, out.String())
		}
		if strings.Contains(out.String(), "internal error") {
			t.Errorf("%q: %s", bad, out.String())
		}
		if s.quit {
			t.Fatalf("%q ended the session", bad)
		}
		stillThere(bad)
	}
}

// fuzzDeal is a small deal for fuzzing: an agreement and an amendment
// that replaces its share clause and adds a permission (small, so that
// each run compiles fast).
const fuzzDeal = `agreement deal "Small deal" {
  effective 2026-01-01
  currency USD
  party a "A"
  party b "B"
  kind Channel = Web | Shop
  action sell {
    channel Channel
    amount  money
  }
  term base(s sell) = s.amount
  clause 1.1 "Web" a may sell where channel == Web
  clause 1.2 "No shop" a must not sell where channel == Shop
  clause 2.1 "Share" a pays b 10% of base of each sell by a
    settled quarterly
  test "web" {
    given w = sell by a { channel: Web, amount: USD 1.00 , date: 2026-02-01 }
    expect w is permitted by 1.1
  }
}

amendment shop "Shop opening" amends deal {
  effective 2026-07-01
  clause 1.3 "Shop" notwithstanding 1.2 a may sell where channel == Shop
  replace clause 2.1 "Share" a pays b 15% of base of each sell by a
    settled quarterly
  test "shop" {
    given s = sell by a { channel: Shop, amount: USD 1.00, date: 2026-08-01 }
    expect s is permitted by 1.3
  }
}
`

// FuzzPiped feeds arbitrary input to a piped session on a small deal and
// requires that no entry panics and that the session survives: a
// question after the input still answers. Seeds are below and in
// testdata/fuzz/FuzzPiped. Run it with
//
//	go test ./cmd/pacta/repl/ -run '^$' -fuzz FuzzPiped -fuzztime 15s -fuzzminimizetime 1s
func FuzzPiped(f *testing.F) {
	deal := filepath.Join(f.TempDir(), "deal.pacta")
	if err := os.WriteFile(deal, []byte(fuzzDeal), 0o644); err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		"1 + 1",
		"rate +\n\n",
		"clause 2.1 \"Share\" a pays b 30% of base of each sell by a settled quarterly at most USD 5.00 per quarter",
		"clause 2.1 \"x\" a pays b marginal tiers {\n 10% up to USD 1.00\n 20% above\n} of base of each sell by a",
		"delete clause 1.3\n:test\n:reset",
		"given s = sell by a { channel: Shop, amount: USD 2.00, date: 2026-07-01 }\ns\n:why\n:settle 2026-Q3",
		":asof 2026-06-30\n:clauses\n:show 2.1 all\n:asof none",
		"term base(s sell) = s.amount > USD 0.00\nterm probe = 0",
		"sell by a {\n  channel: Web,\n",
		"\"unterminated\n\n",
		"party a \"Someone\"\nkind Channel = Web\n",
		"test \"t\" {\n expect 1 == 1\n}\n",
		"  settled yearly\n\t\x00\xff",
		"term r = 5%\nclause 9 \"New\" a pays b r of base of each sell by a settled yearly\n:settle 2026",
		"may a sell { channel: Web, date: 2026-08-01 }\n:why\nsell by a { date: 2026-08-01 }",
		"$100\n20 %\n01/02/2027\nsell by a { channel: “Web” }\nhelp\nregion: US",
		"given s = sell by a { channel: Shop, amount: USD 2.00, date: 2026-07-01 }\n:settle 2026-Q3\n:why 1\n:trace 1\n:trace 9",
		"s\nclause 2.1 \"Share\" a pays b 30% of base of each sell by a\n:diff\n:status\n:undo\n:undo\n:agreement deal\n:agreement x",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		if len(input) > 4096 {
			return // keep each run short
		}
		if strings.Contains(input, ":q") || strings.Contains(input, ":exit") {
			return // leaving is allowed
		}
		if strings.Contains(input, ":save") || strings.Contains(input, ":sa") {
			return // it writes files
		}
		var out, errb bytes.Buffer
		Run(Options{
			Files:  []string{deal},
			Stdin:  strings.NewReader(input + "\n\n\n:asof none\n:reset\nterm probe = 1\nprobe + 1\n"),
			Stdout: &out,
			Stderr: &errb,
			Width:  40, // wrapping too
		})
		got := out.String()
		if strings.Contains(got, "internal error") {
			t.Fatalf("a panic:\n%s", got)
		}
		// (a note on :diff may follow the declaration, wrapped at 40 columns)
		i := strings.LastIndex(got, "added term probe = 1\n")
		if i < 0 || !strings.HasSuffix(got, "\n2\n") || strings.Count(got[i:], "\n") > 4 {
			t.Fatalf("the session did not survive; its output ends:\n%s", tail(got, 800))
		}
	})
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
