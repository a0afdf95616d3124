package lang

import (
	"slices"
	"testing"
)

// Clause numbers sort part by part, numerically where both parts are
// numbers: 9.2 before 9.10 (2 < 10), 10 after 9.10 (10 > 9), names after
// numbers (a digit comes before a letter).
func TestCompareClauseNums(t *testing.T) {
	got := []string{"10", "a1", "9.10", "2", "9.2", "9"}
	slices.SortFunc(got, CompareClauseNums)
	if want := []string{"2", "9", "9.2", "9.10", "10", "a1"}; !slices.Equal(got, want) {
		t.Errorf("sorted %v, want %v", got, want)
	}
	if CompareClauseNums("5.1", "5.1") != 0 {
		t.Error("5.1 is not equal to itself")
	}
}
