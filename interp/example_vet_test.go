package interp_test

import (
	"context"
	"fmt"
	"log"

	"github.com/pacta-lang/pacta/interp"
)

// Vet an agreement before anything runs. The amendment's 3.2 permits AWS
// sales but forgets `notwithstanding 3.1`, which forbids them: from the
// amendment's effective date an AWS sale is a conflict, and vet gives one
// as a witness (the first day, the smallest amounts: the field no
// condition looks at gets USD 100.00). Microsoft's sales are covered by
// no clause (a note, which does not fail vet).
func ExampleProgram_Vet() {
	src := `
agreement partnership "Partnership" {
  effective 2019-07-22
  currency USD

  party openai    "OpenAI Group PBC"
  party microsoft "Microsoft Corporation"

  kind Platform = Azure | AWS | GoogleCloud | Direct

  action sell {
    platform Platform
    gross    money
  }

  clause 3.1 "Azure exclusivity"
    openai must not sell where platform not in [Azure, Direct]
}

amendment aws "AWS concessions" amends partnership {
  effective 2026-11-01

  clause 3.2 "AWS distribution"
    openai may sell where platform == AWS
}
`
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(src)}})
	if err != nil {
		log.Fatal(err)
	}
	rep, err := prog.Vet(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range rep.Findings {
		fmt.Printf("%s: %s: %s\n", f.Pos, f.Severity, f.Message)
		if f.Witness != nil {
			fmt.Println("  witness:", f.Witness.Action)
		}
	}
	fmt.Println("failed:", rep.Failed())
	// Output:
	// deal.pacta:11:3: info: no clause covers a sell by openai where platform in [Azure, Direct]; the default (permitted) decides it
	//   witness: {"action":"sell","actor":"openai","date":"2019-07-22","platform":"Azure","gross":"USD 100.00"}
	// deal.pacta:11:3: info: no clause covers any sell by microsoft; the default (permitted) decides it
	//   witness: {"action":"sell","actor":"microsoft","date":"2019-07-22","platform":"Azure","gross":"USD 100.00"}
	// deal.pacta:23:3: error: clauses 3.1 (prohibited) and 3.2 (permitted) can both apply to one sell by openai, and no notwithstanding or subject to orders them: platform == AWS
	//   witness: {"action":"sell","actor":"openai","date":"2026-11-01","platform":"AWS","gross":"USD 100.00"}
	// failed: true
}
