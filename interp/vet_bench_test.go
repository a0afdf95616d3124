package interp

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/result"
)

// vetBenchSource writes an agreement of n clauses about sales in 20
// regions: clause i covers region i mod 20 and an amount band of 15
// starting at 10 × (i / 20), so that it overlaps the band of clause i + 20
// in the same region by 5. Bands alternate between permissions and
// prohibitions, and every fourth band is notwithstanding the one before
// it: about half the overlapping pairs are conflicts.
func vetBenchSource(n int) string { return vetBenchSourceWith(n, false) }

// vetBenchSourceWith is vetBenchSource, with prose on every clause when
// prose is set: prose that states the clause's amounts and names its
// party, so that every comparison of SPEC 14.7 runs and finds nothing.
func vetBenchSourceWith(n int, prose bool) string {
	var b strings.Builder
	b.WriteString(`agreement big "Big" {
  effective 2026-01-01
  ends 2030-12-31
  currency USD
  default prohibited

  party seller "Seller"
  party buyer  "Buyer"

  kind Region = `)
	for r := 0; r < 20; r++ {
		if r > 0 {
			b.WriteString(" | ")
		}
		fmt.Fprintf(&b, "R%d", r)
	}
	b.WriteString(`

  action sell {
    region Region
    gross  money
    online bool
  }
`)
	for i := 0; i < n; i++ {
		band := i / 20
		mod := "may"
		if band%2 == 1 {
			mod = "must not"
		}
		fmt.Fprintf(&b, "  clause %d.%d \"C%d\"", band+1, i%20+1, i)
		if band%4 == 3 {
			fmt.Fprintf(&b, " notwithstanding %d.%d", band, i%20+1)
		}
		if prose {
			verb := "may"
			if mod != "may" {
				verb = "shall not"
			}
			fmt.Fprintf(&b, "\n    \"The Seller %s sell to the Buyer in region R%d for a gross amount of at least USD %d.00 and less than USD %d.00, during the Term from 1 January 2026.\"", verb, i%20, 10*band, 10*band+15)
		}
		fmt.Fprintf(&b, "\n    seller %s sell where region == R%d and gross >= USD %d.00 and gross < USD %d.00\n", mod, i%20, 10*band, 10*band+15)
	}
	b.WriteString("}\n")
	return b.String()
}

// BenchmarkVet1000 vets an agreement of 1,000 clauses (the target is
// under a second): go test ./interp -run '^$' -bench Vet1000 -count 5
func BenchmarkVet1000(b *testing.B) {
	p, err := Compile([]Source{{Name: "big.pacta", Text: []byte(vetBenchSource(1000))}})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	rep, err := p.Vet(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := p.Vet(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(rep.Findings)), "findings")
}

// BenchmarkVet1000Prose is BenchmarkVet1000 with prose on every clause
// (SPEC 14.7): go test ./interp -run '^$' -bench Vet1000 -count 5
func BenchmarkVet1000Prose(b *testing.B) {
	p, err := Compile([]Source{{Name: "big.pacta", Text: []byte(vetBenchSourceWith(1000, true))}})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	rep, err := p.Vet(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if n := len(findings(rep, result.VetProse)); n != 0 {
		b.Fatalf("%d prose findings, want none: %s", n, findings(rep, result.VetProse)[0].Message)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := p.Vet(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(rep.Findings)), "findings")
}

func TestVetBenchAgreement(t *testing.T) {
	// The benchmark's agreement at 100 clauses (5 bands of 20, permitting,
	// prohibiting, permitting, prohibiting, permitting): neighbouring bands
	// overlap with opposite modalities; band 3 is notwithstanding band 2,
	// so 0/1, 1/2 and 3/4 conflict: 3 × 20 = 60 conflicts.
	p, err := Compile([]Source{{Name: "big.pacta", Text: []byte(vetBenchSource(100))}})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.Vet(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	checkWitnesses(t, p, rep)
	if n := len(findings(rep, result.VetConflict)); n != 60 {
		t.Errorf("%d conflicts, want 60", n)
	}
}
