package interp_test

// Header rules with prose (SPEC 4.2): a decision no clause covers shows
// the default's prose; a rounded statement line the rounding's.

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

const headerProseSrc = `
agreement hp "Header prose" {
  effective 2027-01-01 "This Agreement takes effect on 1 January 2027."
  currency USD "All amounts are in US dollars."
  rounding half_even to 0.01 "Amounts are rounded to the nearest cent, half a cent to the even cent."
  default prohibited "Anything this Agreement does not permit is prohibited."
  party p "P"
  party a "A"
  action sell { gross money }
  clause 1 "Sales" p may sell where gross > USD 10.00
  clause 2 "Share" p pays a 12.5% of gross of each sell
}
`

func TestHeaderProse(t *testing.T) {
	p := compile(t, headerProseSrc)
	// Not covered: gross 5.00 is not over 10.00, so no clause applies.
	small := newAction(t, p, "", "sell", "actor=p date=2027-02-01 gross=5.00")
	d, err := p.Decide(context.Background(), small, interp.DecideOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Verdict.String() != "not covered" || d.DefaultRule != "Anything this Agreement does not permit is prohibited." {
		t.Errorf("verdict %s, default rule %q", d.Verdict, d.DefaultRule)
	}
	// The JSON answer carries the same prose (SPEC 4.2).
	if js, err := json.Marshal(d); err != nil || !strings.Contains(string(js), `"default_rule":"Anything this Agreement does not permit is prohibited."`) {
		t.Errorf("decision JSON lacks the default rule's prose: %s, %v", js, err)
	}
	var b bytes.Buffer
	if err := d.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if want := "  default:  \"Anything this Agreement does not permit is prohibited.\"\n"; !strings.Contains(b.String(), want) {
		t.Errorf("decision text lacks %q:\n%s", want, b.String())
	}
	// Before the agreement takes effect, the note quotes the rule.
	early := newAction(t, p, "", "sell", "actor=p date=2026-12-31 gross=50.00")
	if d, err = p.Decide(context.Background(), early, interp.DecideOptions{}); err != nil {
		t.Fatal(err)
	}
	if want := `the agreement takes effect on 2027-01-01 ("This Agreement takes effect on 1 January 2027."); the action of 2026-12-31 is before it, and no clause applies before the term`; d.Note != want {
		t.Errorf("note %q, want %q", d.Note, want)
	}

	// 12.5% × 100.10 = 12.5125, nearer to 12.51 than to 12.52; the note
	// quotes the rounding rule.
	recs := ledger(t, p, "", "sell 2027-02-10 actor=p gross=100.10")
	st := settle(t, p, "", "2027-01-01", "2027-03-31", recs)
	if len(st.Lines) != 1 || money(st.Lines[0].Amount) != "USD 12.51" {
		t.Fatalf("lines: %v", clauseTotals(st))
	}
	want := `exact amount 12.5125, rounded half_even to 0.01 ("Amounts are rounded to the nearest cent, half a cent to the even cent.")`
	if n := st.Lines[0].Notes; len(n) != 1 || n[0] != want {
		t.Errorf("notes %q, want %q", n, want)
	}
}
