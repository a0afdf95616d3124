package result_test

import (
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// loadExample compiles the bundled openai-microsoft-aws agreement and
// its amendment.
func loadExample(t testing.TB) *interp.Program {
	t.Helper()
	p, err := interp.LoadFiles([]string{"../../examples/openai-microsoft-aws/agreement.pacta", "../../examples/openai-microsoft-aws/amendment.pacta"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const ledgerHeader = "action,actor,date,product,platform,region,gross,refunds,model\n"

// smallCSV is a small ledger of the example's sales (interp's ledger
// tests work it by hand).
const smallCSV = ledgerHeader +
	`sell,openai,2026-10-15,ChatGPT Enterprise,Azure,US,"USD 1,000,000.00","USD 50,000.00",
sell,openai,2026-11-20,OpenAI API,AWS,EU,"USD 2,000,000.00","USD 100,000.00",
model_release,,2026-11-25,,Azure,,,,GPT-6
sell,openai,2026-12-05,OpenAI API,AWS,US,USD 10.02,0.00,
sell,openai,2026-12-10,ChatGPT Enterprise,Azure,US,500000.00,USD 0.00,
`
