package interp_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"strings"

	"github.com/pacta-lang/pacta/interp"
)

// The whole of an embedding in one place: compile an agreement once, ask
// whether an action may be taken, settle a ledger, and write an answer as
// JSON. The other Examples show each step in more detail: host functions
// (WithFuncs), parameters (Program.CompileWithParams, Program.Term),
// records built without parsing (RecordBuilder), errors with positions
// (Compile) and marshalling (Decision.MarshalJSON).
func Example() {
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(exampleDealSrc)}})
	if err != nil {
		log.Fatal(err) // a lang.ErrorList, every problem positioned
	}
	ctx := context.Background()

	// May openai sell on AWS on 2026-11-01?
	sale, err := prog.NewAction("", "sell", map[string]string{
		"actor": "openai", "platform": "AWS", "date": "2026-11-01", "gross": "100.00", "refunds": "0.00"})
	if err != nil {
		log.Fatal(err)
	}
	d, err := prog.Decide(ctx, sale, interp.DecideOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Permitted(), d)

	// Settle a CSV ledger: the revenue share of 2026-Q4 is 20% of the net
	// revenue, 20% × (2,000,000.00 − 100,000.00) = 380,000.00, due 45 days
	// after the quarter ends (31 days of January + 14 = 2027-02-14).
	ledger := "action,actor,date,platform,gross,refunds\n" +
		"sell,openai,2026-11-20,AWS,\"2,000,000.00\",\"100,000.00\"\n"
	st, err := prog.Settle(ctx, prog.ReadCSV("", "ledger.csv", strings.NewReader(ledger)), interp.SettleOptions{})
	if err != nil {
		log.Fatal(err) // a *LedgerError names the row
	}
	for _, l := range st.Lines {
		fmt.Println(l.Period, l.Payer, "pays", l.Payee, l.Amount, "due", l.Due)
	}

	// Answers are JSON too, in the shapes package interp/schema documents;
	// an amount is an exact decimal string, never a JSON number.
	b, err := json.Marshal(st.Lines[0].Amount)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b))
	// Output:
	// true permitted by 3.2 "AWS distribution" (aws)
	// 2026-Q4 openai pays microsoft USD 380,000.00 due 2027-02-14
	// {"kind":"money","value":"380000.00","currency":"USD"}
}
