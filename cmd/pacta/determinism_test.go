package main

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Determinism: the same input gives byte-identical output on every run.
// Each command runs several times in one process, where Go orders map
// iteration differently every time, and again with GOMAXPROCS at 1 and 8;
// every output must be the first one, byte for byte.

// manyProblemFiles is an agreement with problems of many kinds, some in a
// second file, for `pacta check`. Several misspellings are as close to
// two names as to one ("sellx" is one letter from "sella" and "sellb"),
// so the order in which candidates are tried must not show.
var manyProblemFiles = map[string]string{
	"a.pacta": `agreement deal "Deal" {
  effective 2026-01-01
  currency USD
  party sella "Seller A"
  party sellb "Seller B"
  kind Region = North | South | East | West
  action sell { gross money region Region }
  event paid { amount money }
  term net(s sell) = s.gros
  term loop1 = loop2 + 1
  term loop2 = loop1 + 1
  term rate = 10% + USD 1.00
  clause 1 "One" sellx may sell where region == Nort
  clause 2 "Two" sella pays sellb 10% of nett of each sell
  clause 2 "Two again" sellb may sell
  clause 3 "Three" notwithstanding 9 sella must not sell where gross > EUR 5.00
  clause 4 "Four" sella pays selly USD 1.00 on 2025-12-31
  test "t" {
    given s = sell by sella { gross: USD 1.00, regio: North, date: 2026-02-01 }
    expect s is permitted by 7
  }
}
`,
	"b.pacta": `amendment change "Change" amends deal {
  effective 2027-01-01
  replace clause 8 "Eight" sella may sell
  delete clause 5
  replace term rte = 5%
  party sella "Again"
  clause 10 "Ten" sellz may sel
}
`,
}

// determinismRuns is how many times each command runs per GOMAXPROCS.
const determinismRuns = 2

// checkDeterministic runs the command runs times at each GOMAXPROCS and
// fails t if any output differs from the first.
func checkDeterministic(t *testing.T, input string, args ...string) (first string) {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{runtime.GOMAXPROCS(0), 1, 8} {
		runtime.GOMAXPROCS(procs)
		for i := 0; i < determinismRuns; i++ {
			stdout, stderr, code := runCLI(t, input, args...)
			got := fmt.Sprintf("exit %d\n%s\n-- stderr --\n%s", code, stdout, stderr)
			if first == "" {
				first = got
				continue
			}
			if got != first {
				t.Fatalf("pacta %s: run %d with GOMAXPROCS=%d differs from the first run:\n%s",
					strings.Join(args, " "), i+1, procs, textDiff("output", []byte(first), []byte(got)))
			}
		}
	}
	return first
}

// TestDeterministicOutputs runs check, test, settle (text and JSON),
// decide (text and JSON), fmt and eval on every example deal, and check on
// files with many problems, and expects the same bytes every time.
func TestDeterministicOutputs(t *testing.T) {
	for _, d := range exampleDeals(t) {
		t.Run(d.name, func(t *testing.T) {
			t.Chdir(writeDeal(t, d, d.sources))
			checkDeterministic(t, "", "check", ".")
			for _, name := range dealFileNames(d.sources) {
				checkDeterministic(t, "", "fmt", name)
			}
			for _, format := range []string{"text", "json"} {
				checkDeterministic(t, "", "test", ".", "--format", format)
				for _, ledger := range dealFileNames(d.ledgers) {
					out := checkDeterministic(t, "", "settle", ".", "--ledger", ledger, "--format", format)
					if !strings.HasPrefix(out, "exit 0\n") {
						t.Errorf("settle %s failed:\n%s", ledger, out)
					}
					if actions := actionLines(t, ledger, d.ledgers[ledger]); actions != "" {
						out := checkDeterministic(t, actions, "decide", ".", "--format", format)
						if !strings.HasPrefix(out, "exit 0\n") {
							t.Errorf("decide %s failed:\n%s", ledger, out)
						}
					}
				}
			}
		})
	}
	t.Run("eval", func(t *testing.T) {
		t.Chdir("../../examples/openai-microsoft-aws")
		out := checkDeterministic(t, "", "eval", "-f", ".", `[USD 1.10 * 3, USD 10.00 / 3, 12.5% of USD 0.99]`)
		if !strings.HasPrefix(out, "exit 0\n") {
			t.Errorf("eval failed:\n%s", out)
		}
	})
	t.Run("check with many problems", func(t *testing.T) {
		dir := t.TempDir()
		for name, text := range manyProblemFiles {
			writeFile(t, dir, name, text)
		}
		t.Chdir(dir)
		out := checkDeterministic(t, "", "check", ".")
		// Both files report problems, and there are many.
		if !strings.HasPrefix(out, "exit 1\n") || !strings.Contains(out, "a.pacta:") || !strings.Contains(out, "b.pacta:") {
			t.Fatalf("check did not report problems in both files:\n%s", out)
		}
		if n := strings.Count(out, "^"); n < 10 {
			t.Errorf("only %d problems reported, want at least 10:\n%s", n, out)
		}
		// The same problems, in the same order, when the files are named
		// one by one in the other order.
		byName := checkDeterministic(t, "", "check", filepath.Join(".", "b.pacta"), "a.pacta")
		if byName != out {
			t.Errorf("naming the files in another order changes the output:\n%s", textDiff("check", []byte(out), []byte(byName)))
		}
	})
}
