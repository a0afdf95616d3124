package interp

import (
	"context"
	"iter"
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
)

// Waterfall limits are running totals over a clause's life (SPEC 8.5),
// for payments on dates as for shares.
func TestPaymentWaterfallKeepsRunningTotals(t *testing.T) {
	const src = `agreement w "W" {
  effective 2027-01-01
  currency USD
  party r "R"
  party fund "Fund"
  party others "Others"
  clause 1 "Two payments"
    r pays waterfall {
      fund up to USD 150.00
      others rest
    } USD 100.00 on 2027-01-10, 2027-02-10
}
`
	p, err := Compile([]Source{{Name: "w.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	var none iter.Seq2[Event, error] = func(func(Event, error) bool) {}
	from, _ := types.ParseDate("2027-01-01")
	to, _ := types.ParseDate("2027-03-31")
	st, err := p.Settle(context.Background(), none, SettleOptions{From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range st.Lines {
		got = append(got, l.Date.String()+" "+l.Payee+" "+l.Amount.String())
	}
	// 2027-01-10: 100.00, all to the fund (100 of its 150).
	// 2027-02-10: 100.00: the fund's last 50.00, then 50.00 to the others.
	want := []string{
		"2027-01-10 fund USD 100.00",
		"2027-02-10 fund USD 50.00",
		"2027-02-10 others USD 50.00",
	}
	if len(got) != len(want) {
		t.Fatalf("lines %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: %q, want %q", i, got[i], want[i])
		}
	}
}
