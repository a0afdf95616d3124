package interp_test

import (
	"context"
	"sync"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// TestRunTestsConcurrently runs the tests of one program from several
// goroutines at once. Before each test run compiled its expressions with a
// fresh term cache, they all wrote to the version's shared cache: under
// -race this failed, and without it the map writes could crash the host.
func TestRunTestsConcurrently(t *testing.T) {
	src := `agreement a "A" {
  effective 2026-01-01
  currency USD
  party p "P"
  term base = USD 1,000.00
  term half = base / 2
  term quarter = half / 2

  test "quarter of the base" {
    expect quarter == USD 250.00
    expect half + quarter == USD 750.00
  }
}
`
	// 1,000.00 / 2 = 500.00; 500.00 / 2 = 250.00; 500.00 + 250.00 = 750.00.
	prog, err := interp.Compile([]interp.Source{{Name: "a.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				rep, err := prog.RunTests(context.Background())
				if err != nil {
					errs <- err.Error()
					return
				}
				if rep.Failed() != 0 || len(rep.Results) != 1 {
					errs <- "unexpected test results"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}
