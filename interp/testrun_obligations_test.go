package interp_test

// Test blocks that expect due dates, amounts overdue and obligations not
// met (SPEC 10.2), against figures worked by hand.

import (
	"context"
	"strings"
	"testing"
)

const obligationTestsSrc = `
agreement t "T" {
  effective 2027-01-01
  currency USD
  party p "P"
  party a "A"
  action deliver { item text }
  event payment { payer party  payee party  amount money }
  clause 1 "Fee" p pays a USD 100.00 on 2027-01-10 due within 30 days
  clause 2 "Later fee" p pays a USD 50.00 on 2027-03-01
  clause 3 "Delivery" a must deliver by 2027-02-28
  test "due dates, overdue amounts and unmet obligations" {
    given paid = payment { payer: p, payee: a, amount: USD 40.00, date: 2027-02-15 }
    expect p pays a USD 100.00 for 2027-Q1 under 1 due 2027-02-09
    expect p pays a USD 150.00 for 2027-Q1
    expect p owes a USD 60.00 overdue as of 2027-02-20
    expect p owes a USD 60.00 overdue as of 2027-02-20 under 1
    expect p owes a USD 110.00 overdue as of 2027-03-02
    expect clause 3 unmet as of 2027-03-01
  }
  test "failures" {
    expect p pays a USD 100.00 for 2027-Q1 under 1 due 2027-02-10
    expect p owes a USD 10.00 overdue as of 2027-02-20
    expect clause 3 unmet as of 2027-02-01
  }
}
`

func TestRunTestsObligations(t *testing.T) {
	p := compile(t, obligationTestsSrc)
	rep, err := p.RunTests(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 2 {
		t.Fatalf("%d results, want 2", len(rep.Results))
	}
	// Fee: USD 100.00 accrued 2027-01-10, due 30 days later, 2027-02-09.
	// The payment of 40.00 on 2027-02-15 leaves 60.00 of it unpaid: on
	// 2027-02-20 60.00 is overdue. The later fee, 50.00 accrued and due
	// on 2027-03-01, is overdue on 2027-03-02 too: 110.00. Delivery was
	// due by 2027-02-28 and the ledger has none: unmet on 2027-03-01.
	if ok := rep.Results[0]; !ok.Passed() {
		t.Errorf("first test failed: %+v", ok.Failures)
	}
	// The second test has no payment at all, so payment is not tracked
	// and nothing is overdue (SPEC 6.5); the deadline is not reached on
	// 2027-02-01.
	want := []string{
		"a.pacta:22:5: expected p to pay a USD 100.00 for 2027-Q1 under 1 due 2027-02-10, but the settlement gives USD 0.00 (and USD 100.00 due 30 days after 2027-01-10 (the payment date): 2027-02-09)",
		"a.pacta:23:5: expected p to owe a USD 10.00 overdue as of 2027-02-20, but the settlement gives USD 0.00",
		"a.pacta:24:5: expected clause 3 to be unmet as of 2027-02-01, but the settlement to that date reports it met or not yet due",
	}
	fs := rep.Results[1].Failures
	if len(fs) != len(want) {
		t.Fatalf("failures %+v, want %d", fs, len(want))
	}
	for i, f := range fs {
		if got := f.Pos.String() + ": " + f.Msg; !strings.Contains(got, want[i]) {
			t.Errorf("failure %d: %q, want %q", i, got, want[i])
		}
	}
}
