package interp

import (
	"context"
	"fmt"
	"iter"
	"os"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
)

// An amendment that declares an action, an event, a kind and a party of
// its own (SPEC 9.1 allows it), with clauses about them.
const auditAmendment = `amendment audits "Audits" amends openai_microsoft {
  effective 2027-01-01

  party auditor "The Auditor"
  kind Scope = Full | Limited
  action audit {
    fee money
    scope Scope
    by_whom party
  }
  event outage {
    hours integer
  }

  clause 9.1 "Audit"
    "Microsoft may audit, but not in full."
    microsoft may audit where scope == Limited

  clause 9.2 "Full audits"
    "No full audits."
    microsoft must not audit where scope == Full

  clause 9.3 "Audit fee"
    "Microsoft pays OpenAI the fee of each audit."
    microsoft pays openai of each audit by microsoft:
      100% of fee
      settled quarterly
      due 30 days after period end
}
`

func loadWithAudits(t *testing.T) *Program {
	t.Helper()
	agr, err := os.ReadFile("../examples/openai-microsoft-aws/agreement.pacta")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Compile([]Source{{"agreement.pacta", agr}, {"audits.pacta", []byte(auditAmendment)}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Rows of an action and an event that only the amendment declares are read
// with their schemas, and settled and decided as of their dates.
//
// Worked by hand: two audits in 2027-Q1 of fees USD 100.00 and USD 250.50,
// so 9.3 owes 100% × (100.00 + 250.50) = 350.50, due 30 days after
// 2027-03-31, on 2027-04-30. The full audit on 2027-02-01 is prohibited by
// 9.2. The audit dated 2026-12-15 comes before the amendment: no clause
// speaks to it then (not covered, permitted by default) and 9.3 does not
// count it.
func TestLedgerAmendmentSchemas(t *testing.T) {
	p := loadWithAudits(t)
	csv := "action,actor,date,fee,scope,by_whom,hours\n" +
		"audit,microsoft,2026-12-15,USD 999.00,Full,auditor,\n" +
		"audit,microsoft,2027-01-10,USD 100.00,Limited,auditor,\n" +
		"outage,,2027-01-11,,,,3\n" +
		"audit,microsoft,2027-02-01,250.50,Full,openai,\n"
	jsonl := `{"action":"audit","actor":"microsoft","date":"2026-12-15","fee":"USD 999.00","scope":"Full","by_whom":"auditor"}
{"action":"audit","actor":"microsoft","date":"2027-01-10","fee":"USD 100.00","scope":"Limited","by_whom":"auditor"}
{"action":"outage","date":"2027-01-11","hours":3}
{"action":"audit","actor":"microsoft","date":"2027-02-01","fee":250.50,"scope":"Full","by_whom":"openai"}
`
	from, _ := types.ParseDate("2027-01-01")
	to, _ := types.ParseDate("2027-03-31")
	for _, c := range []struct {
		name string
		seq  iter.Seq2[Event, error]
	}{
		{"csv", p.ReadCSV("", "l.csv", strings.NewReader(csv))},
		{"jsonl", p.ReadJSONL("", "l.jsonl", strings.NewReader(jsonl))},
	} {
		st, err := p.Settle(context.Background(), c.seq, SettleOptions{From: from, To: to})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got []string
		for _, l := range st.Lines {
			if l.Clause.Num == "9.3" {
				got = append(got, fmt.Sprintf("%s %s→%s %s due %s", l.Period, l.Payer, l.Payee, l.Amount, l.Due))
			}
		}
		if w := "2027-Q1 microsoft→openai USD 350.50 due 2027-04-30"; strings.Join(got, "; ") != w {
			t.Errorf("%s: 9.3 lines %q, want %q", c.name, got, w)
		}
		if len(st.Breaches) != 1 || st.Breaches[0].Date.String() != "2027-02-01" || st.Breaches[0].Decision.Clause.Num != "9.2" {
			t.Errorf("%s: breaches %+v, want the full audit of 2027-02-01 by 9.2", c.name, st.Breaches)
		}
		if st.Events != 4 {
			t.Errorf("%s: %d events counted, want 4", c.name, st.Events)
		}
	}

	// Decided as of their dates.
	for _, c := range []struct{ date, want string }{
		{"2026-12-15", "not covered"},
		{"2027-01-10", "prohibited"},
	} {
		rec, err := p.ParseActionJSON([]byte(`{"action":"audit","actor":"microsoft","date":"` + c.date + `","fee":"USD 1.00","scope":"Full","by_whom":"auditor"}`))
		if err != nil {
			t.Fatal(err)
		}
		d, err := p.Decide(context.Background(), rec, DecideOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Verdict.String() != c.want {
			t.Errorf("audit on %s: %s, want %s", c.date, d.Verdict, c.want)
		}
	}

	// The amendment's kind and party are checked like the agreement's.
	bad := "action,actor,date,fee,scope,by_whom\naudit,microsoft,2027-01-10,USD 1.00,Partial,auditor\n"
	for _, err := range p.ReadCSV("", "bad.csv", strings.NewReader(bad)) {
		if err == nil || !strings.Contains(err.Error(), `bad.csv:2: field "scope": "Partial" is not a Scope`) {
			t.Errorf("bad scope: %v", err)
		}
		break
	}
}

// A row dated on the last day of the calendar is settled up to the point
// where a due date would leave the calendar, and that error names the
// row, its date field and why. A whole number too large for a field says
// how large one may be. A huge value is quoted only by its first 40
// characters.
func TestLedgerErrorsNameTheRow(t *testing.T) {
	p := loadWithAudits(t)
	late := ledgerHeader + `sell,openai,9999-12-31,ChatGPT,Azure,US,USD 1.00,USD 0.00,` + "\n"
	_, err := p.Settle(context.Background(), p.ReadCSV("", "late.csv", strings.NewReader(late)), SettleOptions{})
	// 5.1 is due 45 days after the end of 9999-Q4, past 9999-12-31; the
	// error names the row and the clause (line 73 of agreement.pacta).
	if want := `late.csv:2: field "date": 9999-12-31 is too late to settle: agreement.pacta:73:7: clause 5.1: the due date, 9999-12-31 + 45 days, is after 9999-12-31`; err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}

	for _, c := range []struct{ hours, want string }{
		// A whole number has at most 60 digits (SPEC 13).
		{"9223372036854775808", ""},
		{strings.Repeat("9", 60), ""},
		{strings.Repeat("9", 61), `l.jsonl:1: field "hours": "` + strings.Repeat("9", 40) + `…" is too large: a whole number has at most 60 digits`},
		{"-" + strings.Repeat("9", 61), `l.jsonl:1: field "hours": "-` + strings.Repeat("9", 39) + `…" is too large: a whole number has at most 60 digits`},
		{"1.5", `l.jsonl:1: field "hours": "1.5" is not a whole number`},
		{"1e3", `l.jsonl:1: field "hours": "1e3" has an exponent: write the number without an exponent`},
	} {
		row := `{"action":"outage","date":"2027-01-11","hours":` + c.hours + "}\n"
		var got string
		for _, err := range p.ReadJSONL("", "l.jsonl", strings.NewReader(row)) {
			if err != nil {
				got = err.Error()
			}
		}
		if got != c.want {
			t.Errorf("hours %s:\n got %s\nwant %s", c.hours, got, c.want)
		}
	}

	huge := strings.Repeat("x", 1<<20)
	for _, row := range []string{
		ledgerHeader + "sell,openai,2026-10-15,ChatGPT," + huge + ",US,USD 1.00,USD 0.00,\n",
		ledgerHeader + "sell,openai,2026-10-15,ChatGPT,Azure,US,USD 1" + huge + ",USD 0.00,\n",
		ledgerHeader + huge + ",openai,2026-10-15,ChatGPT,Azure,US,USD 1.00,USD 0.00,\n",
		"action,date," + huge + "\n",
	} {
		for _, err := range p.ReadCSV("", "h.csv", strings.NewReader(row)) {
			if err == nil {
				t.Fatal("a huge value was read")
			}
			if len(err.Error()) > 300 || !strings.Contains(err.Error(), "xxxx…") {
				t.Errorf("the message quotes too much or no clipped value (%d bytes): %.300s", len(err.Error()), err)
			}
			break
		}
	}
}
