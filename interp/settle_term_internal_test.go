package interp

import (
	"context"
	"iter"
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
)

// TestScheduledAfterTheEndNeverIssued: the checker refuses payment dates
// after the agreement ends; the settlement does not rely on it (SPEC
// 4.2). A payment moved past the end behind the checker's back is not
// issued.
func TestScheduledAfterTheEndNeverIssued(t *testing.T) {
	p, err := Compile([]Source{{Name: "a.pacta", Text: []byte(`agreement deal "D" {
  effective 2027-01-01
  ends 2027-06-30
  currency USD
  party r   "R"
  party lab "Lab"
  clause 1 "Pay"
    r pays lab USD 10.00 on 2027-06-01, 2027-06-30
}`)}})
	if err != nil {
		t.Fatal(err)
	}
	ag, err := p.agreementFor("")
	if err != nil {
		t.Fatal(err)
	}
	// 2027-06-01 stays; 2027-06-30 becomes 2027-07-01, a day after the end.
	sched := ag.versions[0].money.scheduled
	if len(sched) != 2 {
		t.Fatalf("%d scheduled payments, want 2", len(sched))
	}
	sched[1].date, _ = types.ParseDate("2027-07-01")
	sched[1].due = sched[1].date
	none := func(func(Event, error) bool) {}
	from, _ := types.ParseDate("2027-01-01")
	to, _ := types.ParseDate("2027-12-31")
	st, err := p.Settle(context.Background(), iter.Seq2[Event, error](none), SettleOptions{From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	// Only the 2027-06-01 payment: USD 10.00.
	if len(st.Lines) != 1 || st.Lines[0].Date.String() != "2027-06-01" {
		for _, l := range st.Lines {
			t.Logf("line %s %s", l.Date, l.Amount)
		}
		t.Errorf("want only the payment of 2027-06-01")
	}
}
