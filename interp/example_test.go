package interp_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

const exampleDealSrc = `
agreement partnership "Partnership" {
  effective 2019-07-22
  currency USD

  party openai    "OpenAI Group PBC"
  party microsoft "Microsoft Corporation"

  kind Platform = Azure | AWS | GoogleCloud | Direct

  action sell {
    platform Platform
    gross    money
    refunds  money
  }

  term net_revenue(s sell) = s.gross - s.refunds

  clause 3.1 "Azure exclusivity"
    openai must not sell where platform not in [Azure, Direct]

  clause 5.1 "Revenue share"
    openai pays microsoft 20% of net_revenue of each sell by openai
      settled quarterly
      due 45 days after period end
}

amendment aws "AWS concessions" amends partnership {
  effective 2026-11-01

  clause 3.2 "AWS distribution" notwithstanding 3.1
    openai may sell where platform == AWS
}
`

// Compile an agreement once, then decide as many actions as needed; the
// Program is safe for concurrent use.
func ExampleProgram_Decide() {
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(exampleDealSrc)}})
	if err != nil {
		log.Fatal(err)
	}
	sales := []map[string]string{
		{"actor": "openai", "platform": "AWS", "date": "2026-10-31", "gross": "100.00", "refunds": "0.00"},
		{"actor": "openai", "platform": "AWS", "date": "2026-11-01", "gross": "100.00", "refunds": "0.00"},
		{"actor": "openai", "platform": "GoogleCloud", "date": "2026-11-01", "gross": "100.00", "refunds": "0.00"},
		{"actor": "microsoft", "platform": "AWS", "date": "2026-11-01", "gross": "100.00", "refunds": "0.00"},
	}
	for _, fields := range sales {
		sale, err := prog.NewAction("", "sell", fields)
		if err != nil {
			log.Fatal(err)
		}
		d, err := prog.Decide(context.Background(), sale, interp.DecideOptions{})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-9s %-11s %s: %s\n", fields["actor"], fields["platform"], fields["date"], d.String())
	}
	// Output:
	// openai    AWS         2026-10-31: prohibited by 3.1 "Azure exclusivity"
	// openai    AWS         2026-11-01: permitted by 3.2 "AWS distribution" (aws)
	// openai    GoogleCloud 2026-11-01: prohibited by 3.1 "Azure exclusivity"
	// microsoft AWS         2026-11-01: not covered by any clause, so permitted by default
}

// Evaluate expressions against an agreement: its terms, parties and
// members are in scope. Arithmetic is exact.
func ExampleProgram_Eval() {
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(exampleDealSrc)}})
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	for _, src := range []string{
		`net_revenue(sell by openai { platform: AWS, gross: USD 10.02, refunds: USD 0.00, date: 2026-12-05 })`,
		`25% of USD 10.02`,
		`round(25% of USD 10.02, 0.01)`,
		`1 / 3`,
		`2026-01-31 + 1 month`,
	} {
		v, err := prog.Eval(ctx, "", src, interp.EvalOptions{})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(v)
	}
	// Errors are values with positions.
	_, err = prog.Eval(ctx, "", "USD 5.00 / (USD 1.00 - USD 1.00)", interp.EvalOptions{})
	fmt.Println(err)
	// Output:
	// USD 10.02
	// USD 2.505
	// USD 2.50
	// 0.3333333333333333333333333333333333
	// 2026-02-28
	// <expr>:1:1: division by zero: 5.00 / 0.00
}

// A host registers its own Go function with a typed signature; the
// checker checks calls of it like those of any builtin.
func ExampleWithFuncs() {
	rates := map[string]string{"EU": "22%", "US": "20%"}
	royaltyRate := &interp.Func{
		Name:   "royalty_rate",
		Doc:    "The royalty rate for a region, from the host's rate table.",
		Params: []lang.Type{lang.TText},
		Ret:    lang.TPercent,
		Impl: func(_ *interp.Caller, args []types.Value) (types.Value, error) {
			r, ok := rates[args[0].Str()]
			if !ok {
				return types.Value{}, fmt.Errorf("no rate for region %q", args[0].Str())
			}
			frac, err := types.ParseDecimal(strings.TrimSuffix(r, "%"))
			if err != nil {
				return types.Value{}, err
			}
			frac, err = frac.MulPow10(-2)
			return types.PercentValue(frac), err
		},
	}
	src := `
agreement licence "Licence" {
  effective 2027-01-01
  currency EUR
  party studio "Studio"
  party author "Author"
  action sell { region text  price money }
  clause 1 "Royalty"
    studio pays author royalty_rate(region) of price of each sell by studio
}`
	prog, err := interp.Compile([]interp.Source{{Name: "licence.pacta", Text: []byte(src)}},
		interp.WithFuncs(royaltyRate))
	if err != nil {
		log.Fatal(err)
	}
	v, err := prog.Eval(context.Background(), "", `royalty_rate("EU") of EUR 50.00`, interp.EvalOptions{})
	fmt.Println(v, err)

	// A call with the wrong type of argument is a check error.
	_, err = prog.Eval(context.Background(), "", `royalty_rate(22%)`, interp.EvalOptions{})
	fmt.Println(err != nil)

	// An error from the host function stops the question with its position.
	_, err = prog.Eval(context.Background(), "", `royalty_rate("APAC")`, interp.EvalOptions{})
	fmt.Println(err)
	// Output:
	// EUR 11.00 <nil>
	// true
	// <expr>:1:1: royalty_rate: no rate for region "APAC"
}

// Settle a ledger of events held in memory. Settle takes any iterator of
// events, so a host can stream rows from a database as well as from CSV
// or JSON Lines (Program.ReadCSV, Program.ReadJSONL).
func ExampleProgram_Settle() {
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(exampleDealSrc)}})
	if err != nil {
		log.Fatal(err)
	}
	rows := []map[string]string{
		{"actor": "openai", "platform": "Azure", "date": "2026-10-15", "gross": "1,000,000.00", "refunds": "50,000.00"},
		{"actor": "openai", "platform": "AWS", "date": "2026-11-20", "gross": "2,000,000.00", "refunds": "100,000.00"},
		{"actor": "openai", "platform": "GoogleCloud", "date": "2026-12-05", "gross": "10.02", "refunds": "0.00"},
	}
	ledger := func(yield func(interp.Event, error) bool) {
		for i, fields := range rows {
			r, err := prog.NewAction("", "sell", fields)
			if !yield(interp.Event{Record: r, Source: "memory", Line: i + 1}, err) {
				return
			}
		}
	}
	from, _ := types.ParseDate("2026-10-01")
	to, _ := types.ParseDate("2026-12-31")
	st, err := prog.Settle(context.Background(), ledger, interp.SettleOptions{From: from, To: to})
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range st.Lines {
		fmt.Printf("%s %s → %s, clause %s: %s on %s, due %s\n", l.Period, l.Payer, l.Payee, l.Clause.Num, l.Amount, l.Base, l.Due)
	}
	for _, b := range st.Breaches {
		fmt.Printf("breach at %s:%d: %s\n", b.Source, b.Line, b.Decision)
	}
	// Output:
	// 2026-Q4 openai → microsoft, clause 5.1: USD 570,002.00 on USD 2,850,010.02, due 2027-02-14
	// breach at memory:3: prohibited by 3.1 "Azure exclusivity"
}
