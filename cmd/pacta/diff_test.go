package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
)

// textDiff shows how b differs from a, for test failures.
func textDiff(name string, a, b []byte) string {
	return string(diff.Diff(name+" (want)", a, name+" (got)", b))
}

// A 50,000-line file with two small changes gives exactly two hunks with
// three lines of context. The quadratic diff this replaced would have
// needed a 50,001 × 50,002 table of int32 (about 10 GB) for it.
func TestFormatDiffLargeFile(t *testing.T) {
	const n = 50000
	old := make([]string, n)
	for i := range old {
		old[i] = fmt.Sprintf("  // note %d", i+1) // line i+1 reads "note i+1"
	}
	changed := append([]string(nil), old[:40000]...)
	changed = append(changed, "  // added")
	changed = append(changed, old[40000:]...)
	changed[24999] = "  // NOTE 25000"
	a := strings.Join(old, "\n") + "\n"
	b := strings.Join(changed, "\n") + "\n"
	got := string(formatDiff("big.pacta", []byte(a), []byte(b)))

	// Line 25000 is replaced: the hunk starts 3 lines before it, at 24997,
	// and spans 3 + 1 + 3 = 7 lines on each side. A line is inserted after
	// line 40000: context 39998-40000 before and 40001-40003 after, so 6
	// old lines; the new side has the insertion too, 7 lines, and starts
	// at the same number, 39998, since the first hunk added no line.
	want := `diff big.pacta.orig big.pacta
--- big.pacta.orig
+++ big.pacta
@@ -24997,7 +24997,7 @@
   // note 24997
   // note 24998
   // note 24999
-  // note 25000
+  // NOTE 25000
   // note 25001
   // note 25002
   // note 25003
@@ -39998,6 +39998,7 @@
   // note 39998
   // note 39999
   // note 40000
+  // added
   // note 40001
   // note 40002
   // note 40003
`
	if got != want {
		t.Errorf("diff of the large file:\n%s\nwant\n%s", got, want)
	}
	if d := formatDiff("same.pacta", []byte(a), []byte(a)); d != nil {
		t.Errorf("equal texts give a diff:\n%s", d)
	}
}
