package interp_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// A decision says how each clause's dates bear on the action's date
// (SPEC 5.2): both ends of a window are included, and so is a deadline.
func TestDecisionDateRule(t *testing.T) {
	p := compile(t, `
agreement dd "Dates" {
  effective 2028-01-01
  party a "A"
  action deliver { n integer }
  action sell { n integer }
  clause 1 "Window" a may sell from 2028-02-01 until 2028-02-29
  clause 2 "Report" a must deliver by 2028-02-29
}`)
	cases := []struct{ action, date, want string }{
		// 2028 is a leap year: 2028-02-29 is the window's last day.
		{"sell", "2028-02-29", "from 2028-02-01 until 2028-02-29, both included: 2028-02-29 is within"},
		{"sell", "2028-02-01", "from 2028-02-01 until 2028-02-29, both included: 2028-02-01 is within"},
		{"deliver", "2028-02-29", "deadline 2028-02-29 (by, included): 2028-02-29 is the last day to meet it"},
		// 2028-03-01 is the day after the leap day: 1 day late.
		{"deliver", "2028-03-01", "deadline 2028-02-29 (by, included): 2028-03-01 is 1 day after it, so this action does not meet the obligation"},
		// 2028-01-30 to 2028-02-29: 1 day of January, then 29: 30 days.
		{"deliver", "2028-01-30", "deadline 2028-02-29 (by, included): 2028-01-30 is 30 days before it"},
	}
	for _, c := range cases {
		d, err := p.Decide(context.Background(), newAction(t, p, "", c.action, "actor=a n=1 date="+c.date), interp.DecideOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Applied) != 1 {
			t.Fatalf("%s %s: %d clauses applied", c.action, c.date, len(d.Applied))
		}
		if got := d.Applied[0].DateRule(d.Date); got != c.want {
			t.Errorf("%s %s: %q\nwant %q", c.action, c.date, got, c.want)
		}
		var b bytes.Buffer
		if err := d.WriteText(&b); err != nil || !strings.Contains(b.String(), "      dates: "+c.want+"\n") {
			t.Errorf("%s %s: text answer lacks the dates:\n%s", c.action, c.date, b.String())
		}
	}
}
