package interp

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestVetTestdata vets every agreement of the repository's testdata that
// compiles (the checker's and formatter's cases, the hostile input): vet
// must answer without error, and every witness it gives must be decided
// as its finding claims.
func TestVetTestdata(t *testing.T) {
	files, _ := filepath.Glob("../lang/testdata/*/*.pacta")
	more, _ := filepath.Glob("testdata/*/*.pacta")
	files = append(files, more...)
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Compile([]Source{{Name: f, Text: b}})
		if err != nil {
			continue // a case the checker rejects, on purpose
		}
		n++
		rep, err := p.Vet(context.Background())
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		checkWitnesses(t, p, rep)
	}
	if n < 5 {
		t.Errorf("only %d testdata agreements compiled; the glob is probably wrong", n)
	}
}
