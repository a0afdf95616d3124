package repl

import (
	"strings"
	"testing"
)

// :why N and :trace N explain a line of the last statement with the
// session as it is now. After a change (a clause replaced) or a new as-of
// date, the statement was settled under something else, so they refuse
// and say to settle again, instead of tracing an old line with new
// clauses. After :settle again they work.
func TestStaleStatementIsNotExplained(t *testing.T) {
	const replace51 = `clause 5.1 "Revenue share" openai pays microsoft 30% of net_revenue of each sell by openai settled quarterly due 45 days after period end`
	for _, change := range []string{replace51, ":asof 2026-10-01"} {
		input := ":ledger " + exampleDir + "/ledger.csv\n" +
			":settle 2026-Q4\n" +
			":trace 2\n" + // works: the statement is current
			change + "\n" +
			":trace 2\n" +
			":why 2\n" +
			":why\n" +
			":settle 2026-Q4\n" +
			":trace 2\n"
		out, _ := runPiped(t, input, exampleDir)
		if n := strings.Count(out, "again to explain or trace its lines"); n != 3 {
			t.Errorf("after %q: %d refusals, want 3 (:trace 2, :why 2, :why):\n%s", change, n, out)
		}
		// :trace 2 lists the rows of line 2 twice: before the change and
		// after settling again.
		if n := strings.Count(out, "rows in 2026-Q4"); n != 2 {
			t.Errorf("after %q: %d traces, want 2:\n%s", change, n, out)
		}
	}
}

// A run of changed lines that became a different number of lines is
// shown whole, before then after, not paired line by line.
func TestDiffLinesKeepsUnequalRunsWhole(t *testing.T) {
	before := []string{"head", "a", "b", "c", "tail"}
	after := []string{"head", "x", "tail", "y"}
	got := diffLines(before, after)
	// a, b, c became x (3 lines for 1: one run); y was added after tail.
	if len(got) != 2 ||
		strings.Join(got[0].old, "|") != "a|b|c" || strings.Join(got[0].new, "|") != "x" ||
		len(got[1].old) != 0 || strings.Join(got[1].new, "|") != "y" {
		t.Errorf("diffLines = %q", got)
	}
	// Two lines for two: paired one by one.
	got = diffLines([]string{"a", "b"}, []string{"c", "d"})
	if len(got) != 2 || got[0].old[0] != "a" || got[0].new[0] != "c" || got[1].old[0] != "b" || got[1].new[0] != "d" {
		t.Errorf("diffLines = %q", got)
	}
}
