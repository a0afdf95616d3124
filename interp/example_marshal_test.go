package interp_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

// A decision, a statement and a test report marshal with encoding/json
// into the documented shapes (see their MarshalJSON methods and package
// interp/schema); WriteJSON writes the same JSON.
func ExampleDecision_MarshalJSON() {
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(exampleDealSrc)}})
	if err != nil {
		log.Fatal(err)
	}
	sale, err := prog.NewAction("", "sell", map[string]string{
		"actor": "openai", "platform": "AWS", "date": "2026-11-01", "gross": "100.00", "refunds": "0.00",
	})
	if err != nil {
		log.Fatal(err)
	}
	d, err := prog.Decide(context.Background(), sale, interp.DecideOptions{})
	if err != nil {
		log.Fatal(err)
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b))
	// Output:
	// {
	//   "agreement": "partnership",
	//   "as_of": "2026-11-01",
	//   "version": "aws",
	//   "verdict": "permitted",
	//   "effect": "permitted",
	//   "summary": "permitted by 3.2 \"AWS distribution\" (aws)",
	//   "clause": {
	//     "number": "3.2",
	//     "title": "AWS distribution",
	//     "agreement": "partnership",
	//     "amendment": "aws",
	//     "position": "deal.pacta:31:3"
	//   },
	//   "conflict": [],
	//   "applied": [
	//     {
	//       "clause": {
	//         "number": "3.2",
	//         "title": "AWS distribution",
	//         "agreement": "partnership",
	//         "amendment": "aws",
	//         "position": "deal.pacta:31:3"
	//       },
	//       "says": "permitted",
	//       "outcome": "decides",
	//       "by": null,
	//       "reason": "applies and overrides 3.1"
	//     },
	//     {
	//       "clause": {
	//         "number": "3.1",
	//         "title": "Azure exclusivity",
	//         "agreement": "partnership",
	//         "amendment": "",
	//         "position": "deal.pacta:19:3"
	//       },
	//       "says": "prohibited",
	//       "outcome": "overridden",
	//       "by": {
	//         "number": "3.2",
	//         "title": "AWS distribution",
	//         "agreement": "partnership",
	//         "amendment": "aws",
	//         "position": "deal.pacta:31:3"
	//       },
	//       "reason": "3.2 applies notwithstanding 3.1"
	//     }
	//   ],
	//   "note": "",
	//   "default_rule": ""
	// }
}

// A statement's lines as JSON: each amount an exact string, with its
// currency beside it.
func ExampleStatement_WriteJSON() {
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(exampleDealSrc)}})
	if err != nil {
		log.Fatal(err)
	}
	ledger := "action,actor,date,platform,gross,refunds\n" +
		"sell,openai,2026-11-20,AWS,\"USD 1,000.00\",USD 0.00\n"
	to, _ := types.ParseDate("2026-12-31")
	st, err := prog.Settle(context.Background(), prog.ReadCSV("", "ledger.csv", strings.NewReader(ledger)), interp.SettleOptions{To: to})
	if err != nil {
		log.Fatal(err)
	}
	var doc struct {
		Periods []struct {
			Lines []json.RawMessage `json:"lines"`
		} `json:"periods"`
	}
	b, err := json.Marshal(st)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		log.Fatal(err)
	}
	os.Stdout.Write(append(doc.Periods[0].Lines[0], '\n'))
	// Output:
	// {"payer":"openai","payee":"microsoft","clause":{"number":"5.1","title":"Revenue share","agreement":"partnership","amendment":"","position":"deal.pacta:22:3"},"kind":"share","date":"2026-12-31","due":"2027-02-14","base":"1000.00","rate":"20%","amount":"200.00","currency":"USD","notes":[],"due_rule":"due 45 days after 2026-12-31 (the last day of 2026-Q4): 2027-02-14"}
}
