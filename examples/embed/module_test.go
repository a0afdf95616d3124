package main

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// TestEmbedModule runs examples/embed-module, a Go module of its own that
// uses only Pacta's public API (its go.mod replaces Pacta with this
// repository), and checks what it prints against figures worked out by
// hand. `go test ./...` at the root does not reach a separate module, so
// this test is what runs it in CI.
func TestEmbedModule(t *testing.T) {
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	// Reading the module's files makes go test's cache notice when they
	// change (it cannot see what the go command below reads).
	for _, name := range []string{"go.mod", "go.sum", "main.go"} {
		if _, err := os.ReadFile("../embed-module/" + name); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(gocmd, "run", ".")
	cmd.Dir = "../embed-module"
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod -buildvcs=false", "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run . in examples/embed-module: %v\n%s", err, stderr.Bytes())
	}

	// Worked by hand from examples/openai-microsoft-aws:
	//
	// Orders. OpenAI may sell on Azure and Direct (2.1) and must not sell
	// elsewhere (3.1); from 2026-11-01 it may sell on AWS notwithstanding
	// 3.1 (3.2). No clause speaks to Microsoft selling on AWS: the default,
	// permitted.
	//
	// Net revenue in euros, gross - refunds times 0.92, rounded half-even
	// to the cent:
	//   (1,000,000.00 - 50,000.00) × 0.92 = 950,000.00 × 0.92 =   874,000.00
	//   (2,000,000.00 - 100,000.00) × 0.92 = 1,900,000.00 × 0.92 = 1,748,000.00
	//   10.02 × 0.92 = 9.2184, to the cent                        =         9.22
	//   500,000.00 × 0.92                                         =   460,000.00
	//   9,000.00 × 0.92                                           =     8,280.00
	//
	// Statement for 2026-Q4 over the sales made:
	//   4.1: 250,000,000,000.00 / 20 = 12,500,000,000.00, the installment
	//        of 2026-10-01, due within 30 days: 2026-10-31.
	//   5.1 as first written (sales to 2026-10-31): 20% × 950,000.00
	//        = 190,000.00.
	//   5.1 as replaced (from 2026-11-01): 25% × (1,900,000.00 + 10.02)
	//        + 20% × 500,000.00 = 475,002.505 + 100,000.00 = 575,002.505,
	//        half-even to the cent 575,002.50. Microsoft's own sale is not
	//        a sale by OpenAI. Both due 45 days after 2026-12-31: 2027-02-14.
	//   Total: 12,500,000,000.00 + 190,000.00 + 575,002.50
	//        = 12,500,765,002.50.
	//
	// The misspelt term is at column 8 of `to_eur(net_revenu(s))`.
	want := `Orders
  2026-10-15 openai    Azure       sold    permitted by 2.1 "Distribution through Azure and direct channels"
  2026-10-31 openai    AWS         refused prohibited by 3.1 "Azure exclusivity"
  2026-11-20 openai    AWS         sold    permitted by 3.2 "AWS distribution" (aws_concessions)
  2026-12-01 openai    GoogleCloud refused prohibited by 3.1 "Azure exclusivity"
  2026-12-05 openai    AWS         sold    permitted by 3.2 "AWS distribution" (aws_concessions)
  2026-12-10 openai    Azure       sold    permitted by 2.1 "Distribution through Azure and direct channels"
  2026-12-15 microsoft AWS         sold    not covered by any clause, so permitted by default

Net revenue of the sales made, in euros at 0.92 per dollar
  2026-10-15 EUR 874,000.00
  2026-11-20 EUR 1,748,000.00
  2026-12-05 EUR 9.22
  2026-12-10 EUR 460,000.00
  2026-12-15 EUR 8,280.00

Statement lines
  2026-Q4 openai -> microsoft clause 4.1 installment: USD 12,500,000,000.00, due 2026-10-31
  2026-Q4 openai -> microsoft clause 5.1 share: USD 190,000.00, due 2027-02-14
  2026-Q4 openai -> microsoft clause 5.1 share: USD 575,002.50, due 2027-02-14
Totals
  2026-Q4 openai -> microsoft: USD 12,500,765,002.50

Compile error
  report:1:8: unknown function "net_revenu" (did you mean "net_revenue"?)
  in report at line 1, column 8
`
	if got := stdout.String(); got != want {
		t.Errorf("examples/embed-module printed\n%s\nwant\n%s", got, want)
	}
}
