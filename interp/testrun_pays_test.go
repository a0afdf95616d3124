package interp_test

// `expect P pays Q AMOUNT for PERIOD` (SPEC 10.2): settled as of the
// test's as-of date, and counting only the lines that belong to PERIOD.
// Figures worked by hand beside each expectation.

import (
	"context"
	"strings"
	"testing"
)

const paysTestsSrc = `
agreement t "T" {
  effective 2027-01-01
  currency EUR
  party r "R"
  party v "V"
  action sell { amount money }
  clause 1 "Yearly share" r pays v 5% of amount of each sell by r settled yearly
  clause 2 "Quarterly share" r pays v 10% of amount of each sell by r settled quarterly
  test "lines that belong to the period" {
    given s = sell by r { amount: EUR 1,000.00, date: 2027-04-01 }
    // clause 1: 5% x 1,000.00 = 50.00 for the year 2027 only; clause 2:
    // 10% x 1,000.00 = 100.00 for 2027-Q2.
    expect r pays v EUR 150.00 for year_of(2027-01-01)
    expect r pays v EUR 100.00 for 2027-Q2
    expect r pays v EUR 0.00 for 2027-Q3
    expect r pays v EUR 0.00 for 2027-09-30
    expect r pays v EUR 100.00 for 2027-Q2 under 2
  }
  test "a yearly share asked for a quarter" {
    given s = sell by r { amount: EUR 1,000.00, date: 2027-04-01 }
    expect r pays v EUR 0.00 for 2027-Q3 under 1
  }
}

amendment later "Later" amends t {
  effective 2027-07-01
  replace clause 2 "Quarterly share" r pays v 20% of amount of each sell by r settled quarterly
  test "as of a date before the amendment" {
    as of 2027-06-30
    given s = sell by r { amount: EUR 1,000.00, date: 2027-08-01 }
    // Known on 2027-06-30: clause 2 as first made, 10% x 1,000.00 = 100.00
    // for 2027-Q3 (the amendment's 20%, 200.00, is not known yet).
    expect r pays v EUR 100.00 for 2027-Q3 under 2
  }
  test "as of a date after the amendment" {
    as of 2027-12-31
    given s = sell by r { amount: EUR 1,000.00, date: 2027-08-01 }
    // 20% x 1,000.00 = 200.00.
    expect r pays v EUR 200.00 for 2027-Q3 under 2
  }
}
`

func TestExpectPaysPeriodAndAsOf(t *testing.T) {
	p := compile(t, paysTestsSrc)
	rep, err := p.RunTests(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string][]string{}
	for _, r := range rep.Results {
		var msgs []string
		for _, f := range r.Failures {
			msgs = append(msgs, f.Pos.String()+": "+f.Msg)
		}
		byName[r.Name] = msgs
	}
	for _, name := range []string{"lines that belong to the period", "as of a date before the amendment", "as of a date after the amendment"} {
		if msgs, ok := byName[name]; !ok || len(msgs) > 0 {
			t.Errorf("test %q: ran %v, failures %q", name, ok, msgs)
		}
	}
	msgs := byName["a yearly share asked for a quarter"]
	if len(msgs) != 1 || !strings.Contains(msgs[0], "clause 1 is settled yearly: ask for a whole year") {
		t.Errorf("a yearly share asked for a quarter: %q, want the runtime error of SPEC 10.2", msgs)
	}
}
