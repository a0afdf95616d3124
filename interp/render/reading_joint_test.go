package render

import "testing"

// A floor across clauses with a due rule and late interest is read with
// both (SPEC 7.4.1).
func TestReadingJointFloorDue(t *testing.T) {
	body := `clause 1 "A" a pays b 10% of gross of each sell by a
  clause 2 "B" a pays b 5% of gross of each sell by a
  clause 3 "Floor"
    clauses 1 and 2 together at least USD 1,000.00 per year
      due 30 days after period end
      late interest 1% per month`
	want := "The amounts of clause 1 and clause 2 together are at least USD 1,000.00 per year; " +
		"the line that reaches a cap is cut to what remains, and later lines pay nothing. " +
		"A shortfall below a floor is paid by a true-up, due 30 days after the year ends " +
		"(calendar days; a due date on a weekend or holiday is not moved). " +
		"A true-up paid late bears interest of 1% per month of delay, a started month counting in full, from the due date."
	if got := reading(t, body, "3"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
