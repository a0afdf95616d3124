package result_test

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

func mustDate(t testing.TB, s string) types.Date {
	t.Helper()
	d, err := types.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustDec(t testing.TB, s string) types.Decimal {
	t.Helper()
	d, err := types.ParseDecimal(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func settleSmall(t *testing.T) *result.Statement {
	t.Helper()
	p := loadExample(t)
	st, err := p.Settle(context.Background(), p.ReadCSV("", "small.csv", strings.NewReader(smallCSV)),
		interp.SettleOptions{From: mustDate(t, "2026-10-01"), To: mustDate(t, "2026-12-31")})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestStatementText(t *testing.T) {
	st := settleSmall(t)
	var b bytes.Buffer
	if err := st.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := `Statement for openai_microsoft
  from 2026-10-01 to 2026-12-31, as of 2026-12-31
  amounts in USD; 5 ledger events counted

2026-Q4 (2026-10-01 to 2026-12-31)

  Payer → Payee       Clause                                 Kind                     Base  Rate                                      Amount  Due
  microsoft → openai  4.3 "Azure launch payment"             milestone                                                    USD 500,000,000.00  2026-12-25
      on model_release of 2026-11-25
      due 30 days after 2026-11-25 (the day of the model_release): 2026-12-25
  openai → microsoft  4.1 "Azure consumption commitment"     installment                                               USD 12,500,000,000.00  2026-10-31
      installment 4 of 20
      due 30 days after 2026-10-01 (the installment date, 2026-01-01 + 9 months): 2026-10-31
  openai → microsoft  5.1 "Revenue share"                    share          USD 950,000.00  20%                               USD 190,000.00  2027-02-14
      due 45 days after 2026-12-31 (the last day of 2026-Q4): 2027-02-14
  openai → microsoft  5.1 "Revenue share" (aws_concessions)  share        USD 2,400,010.02  up to USD 100,000,000.00:         USD 575,002.50  2027-02-14
                                                                                              25% of USD 1,900,010.02
                                                                                              20% of USD 500,000.00
      marginal tiers, rates by sale: volume USD 0.00 to USD 2,400,010.02 in the threshold window 2026 (2026-01-01 to 2026-12-31)
      exact amount 575,002.505, rounded half_even to 0.01
      due 45 days after 2026-12-31 (the last day of 2026-Q4): 2027-02-14

  Totals
    microsoft → openai     USD 500,000,000.00
    openai → microsoft  USD 12,500,765,002.50

Breaches: none

Overdue: none
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	var again bytes.Buffer
	st.WriteText(&again)
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("two renderings differ")
	}
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestStatementJSONShape(t *testing.T) {
	st := settleSmall(t)
	var b bytes.Buffer
	if err := st.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	dec := json.NewDecoder(&b)
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	if got, want := keys(m), []string{"agreement", "as_of", "breach_count", "breach_tally", "breaches", "breaches_omitted", "currency", "events", "from", "overdue", "periods", "to", "unmet"}; !reflect.DeepEqual(got, want) {
		t.Errorf("statement keys %v, want %v", got, want)
	}
	if m["from"] != "2026-10-01" || m["to"] != "2026-12-31" || m["currency"] != "USD" || m["events"] != json.Number("5") {
		t.Errorf("header %v %v %v %v", m["from"], m["to"], m["currency"], m["events"])
	}
	if b, ok := m["breaches"].([]any); !ok || len(b) != 0 {
		t.Errorf("breaches = %#v, want []", m["breaches"])
	}
	periods := m["periods"].([]any)
	if len(periods) != 1 {
		t.Fatalf("%d periods", len(periods))
	}
	p := periods[0].(map[string]any)
	if p["period"] != "2026-Q4" || p["start"] != "2026-10-01" || p["end"] != "2026-12-31" {
		t.Errorf("period %v", p)
	}
	lines := p["lines"].([]any)
	if len(lines) != 4 {
		t.Fatalf("%d lines", len(lines))
	}
	wantLine := []string{"amount", "base", "clause", "currency", "date", "due", "due_rule", "kind", "notes", "payee", "payer", "rate"}
	for _, l := range lines {
		lm := l.(map[string]any)
		if got := keys(lm); !reflect.DeepEqual(got, wantLine) {
			t.Errorf("line keys %v, want %v", got, wantLine)
		}
		if _, ok := lm["notes"].([]any); !ok {
			t.Errorf("notes = %#v, want an array", lm["notes"])
		}
		if got := keys(lm["clause"].(map[string]any)); !reflect.DeepEqual(got, []string{"agreement", "amendment", "number", "position", "title"}) {
			t.Errorf("clause keys %v", got)
		}
	}
	inst := lines[1].(map[string]any)
	if inst["kind"] != "installment" || inst["base"] != nil || inst["amount"] != "12500000000.00" || inst["currency"] != "USD" || inst["due"] != "2026-10-31" {
		t.Errorf("installment line %v", inst)
	}
	share := lines[3].(map[string]any)
	if share["base"] != "2400010.02" || share["amount"] != "575002.50" || share["clause"].(map[string]any)["amendment"] != "aws_concessions" {
		t.Errorf("share line %v", share)
	}
	totals := p["totals"].([]any)
	if len(totals) != 2 || totals[1].(map[string]any)["amount"] != "12500765002.50" {
		t.Errorf("totals %v", totals)
	}
}

func TestStatementEmpty(t *testing.T) {
	p := loadExample(t)
	st, err := p.Settle(context.Background(), p.ReadCSV("", "e.csv", strings.NewReader(ledgerHeader)),
		interp.SettleOptions{From: mustDate(t, "2024-04-01"), To: mustDate(t, "2024-06-30")})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	st.WriteText(&b)
	if !strings.Contains(b.String(), "\nNo amounts arise in this range.\n") {
		t.Errorf("got\n%s", b.String())
	}
	b.Reset()
	st.WriteJSON(&b)
	if !strings.Contains(b.String(), `"periods": [],`) || !strings.Contains(b.String(), `"overdue": []`) {
		t.Errorf("got\n%s", b.String())
	}
}

// Breaches, overdue amounts, negative amounts and a title wider in bytes
// than in characters, on a statement made by hand.
func TestStatementBreachesAndOverdue(t *testing.T) {
	fee := &result.ClauseInfo{Num: "4.1", Title: "Fee – annual", Agreement: "deal", Pos: lang.Pos{File: "deal.pacta", Line: 9, Col: 3}}
	share := &result.ClauseInfo{Num: "5", Title: "Share", Agreement: "deal", Amendment: "amend1", Pos: lang.Pos{File: "amend.pacta", Line: 4, Col: 3}}
	ban := &result.ClauseInfo{Num: "3", Title: "No resale", Agreement: "deal", Pos: lang.Pos{File: "deal.pacta", Line: 7, Col: 3}}
	q1 := types.PeriodOf(types.PeriodQuarter, 1, mustDate(t, "2027-01-01"))
	feeLine := &result.Line{Period: q1, Date: mustDate(t, "2027-01-15"), Due: mustDate(t, "2027-02-14"), Payer: "a", Payee: "b",
		Clause: fee, Kind: "payment", Amount: types.MoneyValue("EUR", mustDec(t, "1250000.00"))}
	base := types.MoneyValue("EUR", mustDec(t, "-100.00"))
	st := &result.Statement{
		Agreement: "deal", Currency: "EUR", From: mustDate(t, "2027-01-01"), To: mustDate(t, "2027-03-31"), AsOf: mustDate(t, "2027-04-30"), Events: 1,
		Lines: []*result.Line{
			feeLine,
			{Period: q1, Date: mustDate(t, "2027-03-31"), Due: mustDate(t, "2027-03-31"), Payer: "a", Payee: "b",
				Clause: share, Kind: "share", Base: &base, Rate: "10%", Amount: types.MoneyValue("EUR", mustDec(t, "-10.00")), Notes: []string{"a credit"}},
		},
		Totals: []*result.PairTotal{{Period: q1, Payer: "a", Payee: "b", Amount: types.MoneyValue("EUR", mustDec(t, "1249990.00"))}},
		Breaches: []*result.Breach{{Source: "ledger.csv", Line: 2, Date: mustDate(t, "2027-02-01"), Action: "resell", Actor: "a",
			Decision: &result.Decision{Verdict: lang.Prohibited, Effect: lang.Prohibited, Agreement: "deal", Clause: ban,
				Applied: []result.Applied{{Clause: ban, Says: lang.Prohibited, Outcome: "decides"}}}}},
		Overdue: []*result.Overdue{{Line: feeLine, Outstanding: types.MoneyValue("EUR", mustDec(t, "250000.00")), DaysLate: 75, LateCharge: types.MoneyValue("EUR", mustDec(t, "7500.00"))}},
	}
	var b bytes.Buffer
	st.WriteText(&b)
	want := `Statement for deal
  from 2027-01-01 to 2027-03-31, as of 2027-04-30
  amounts in EUR; 1 ledger event counted

2027-Q1 (2027-01-01 to 2027-03-31)

  Payer → Payee  Clause              Kind            Base  Rate            Amount  Due
  a → b          4.1 "Fee – annual"  payment                     EUR 1,250,000.00  2027-02-14
  a → b          5 "Share" (amend1)  share    EUR -100.00  10%         EUR -10.00  2027-03-31
      a credit

  Totals
    a → b  EUR 1,249,990.00

Breaches

  Ledger row    Date        Action    Decision
  ledger.csv:2  2027-02-01  a resell  prohibited by 3 "No resale"

Overdue as of 2027-04-30

  Payer → Payee  Clause              Kind     Due                   Amount     Outstanding  Days late   Late charge
  a → b          4.1 "Fee – annual"  payment  2027-02-14  EUR 1,250,000.00  EUR 250,000.00         75  EUR 7,500.00
      75 days late, counted from 2027-02-15 (the day after the due date 2027-02-14) to 2027-04-30 (the as-of date), both included
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}

	b.Reset()
	st.WriteJSON(&b)
	var m struct {
		Breaches []struct {
			Source   string
			Line     int
			Decision struct {
				Verdict, Summary string
				Clause           struct{ Number string }
			}
		}
		Overdue []map[string]any
	}
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Breaches) != 1 || m.Breaches[0].Line != 2 || m.Breaches[0].Decision.Verdict != "prohibited" || m.Breaches[0].Decision.Clause.Number != "3" {
		t.Errorf("breaches %+v", m.Breaches)
	}
	wantOverdue := map[string]any{
		"payer": "a", "payee": "b", "kind": "payment", "date": "2027-01-15", "due": "2027-02-14",
		"amount": "1250000.00", "outstanding": "250000.00", "currency": "EUR", "days_late": 75.0, "late_charge": "7500.00",
		// a hand-made Overdue has no rule: it is counted when written.
		// 2027-02-15 to 2027-04-30: 14 days of February + 31 + 30 = 75
		"days_late_rule": "75 days late, counted from 2027-02-15 (the day after the due date 2027-02-14) to 2027-04-30 (the as-of date), both included",
	}
	if len(m.Overdue) != 1 {
		t.Fatalf("overdue %v", m.Overdue)
	}
	delete(m.Overdue[0], "clause")
	if !reflect.DeepEqual(m.Overdue[0], wantOverdue) {
		t.Errorf("overdue %v\nwant %v", m.Overdue[0], wantOverdue)
	}
	if !strings.Contains(b.String(), `"amount": "-10.00"`) || !strings.Contains(b.String(), `"title": "Fee – annual"`) {
		t.Errorf("JSON:\n%s", b.String())
	}
}

// Lines of periods of different lengths: a year after the quarters it
// spans, whatever the order of the lines.
func TestStatementPeriodOrder(t *testing.T) {
	c := &result.ClauseInfo{Num: "1", Title: "T", Agreement: "d"}
	mk := func(kind types.PeriodKind, d string) *result.Line {
		p := types.PeriodOf(kind, 1, mustDate(t, d))
		return &result.Line{Period: p, Date: p.End(), Due: p.End(), Payer: "a", Payee: "b", Clause: c, Kind: "share", Amount: types.MoneyValue("USD", types.DecimalFromInt(1))}
	}
	st := &result.Statement{Lines: []*result.Line{mk(types.PeriodQuarter, "2027-01-01"), mk(types.PeriodYear, "2027-01-01"), mk(types.PeriodQuarter, "2027-04-01"), mk(types.PeriodMonth, "2027-06-01")}}
	var got []string
	for _, p := range st.Periods() {
		got = append(got, p.String())
	}
	if want := "2027-Q1 2027-06 2027-Q2 2027"; strings.Join(got, " ") != want {
		t.Errorf("periods %s, want %s", strings.Join(got, " "), want)
	}
}

func TestDecisionTextAndJSON(t *testing.T) {
	p := loadExample(t)
	rec, err := p.ParseActionJSON([]byte(`{"action":"sell","actor":"openai","date":"2026-12-01","product":"OpenAI API","platform":"AWS","region":"US","gross":"USD 50,000.00","refunds":"USD 0.00"}`))
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Decide(context.Background(), rec, interp.DecideOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	d.WriteText(&b)
	want := `permitted by 3.2 "AWS distribution" (aws_concessions)
  verdict:  permitted
  clause:   3.2 "AWS distribution" (added by aws_concessions)
  as of:    2026-12-01
  version:  openai_microsoft as amended by aws_concessions
  applied:
    3.2 "AWS distribution" (added by aws_concessions)
      permits; decides: applies and overrides 3.1
    3.1 "Azure exclusivity" (openai_microsoft)
      prohibits; overridden by 3.2: 3.2 applies notwithstanding 3.1
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	d.WriteJSON(&b)
	if strings.Count(b.String(), "\n") != 1 || !strings.HasSuffix(b.String(), "}\n") {
		t.Errorf("not one line: %q", b.String())
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if got, want := keys(m), []string{"agreement", "applied", "as_of", "clause", "conflict", "default_rule", "effect", "note", "summary", "verdict", "version"}; !reflect.DeepEqual(got, want) {
		t.Errorf("keys %v, want %v", got, want)
	}
	applied := m["applied"].([]any)
	first, second := applied[0].(map[string]any), applied[1].(map[string]any)
	if first["outcome"] != "decides" || first["by"] != nil || second["outcome"] != "overridden" || second["by"].(map[string]any)["number"] != "3.2" {
		t.Errorf("applied %v", applied)
	}
	if second["reason"] != "3.2 applies notwithstanding 3.1" || second["says"] != "prohibited" {
		t.Errorf("applied[1] %v", second)
	}
}

func TestDecisionConflictAndNotCovered(t *testing.T) {
	a := &result.ClauseInfo{Num: "2", Title: "May resell", Agreement: "deal", Decl: &lang.ClauseDecl{}}
	b := &result.ClauseInfo{Num: "3.1", Title: "No resale", Agreement: "deal", Amendment: "amend1", Decl: &lang.ClauseDecl{Replace: true}}
	d := &result.Decision{
		Verdict: lang.Conflict, Effect: lang.Prohibited, Agreement: "deal", Version: "amend1", AsOf: mustDate(t, "2027-05-01"),
		Conflict: [2]*result.ClauseInfo{a, b},
		Applied: []result.Applied{
			{Clause: a, Says: lang.Permitted, Outcome: "conflicts"},
			{Clause: b, Says: lang.Prohibited, Outcome: "conflicts"},
		},
	}
	var buf bytes.Buffer
	d.WriteText(&buf)
	want := `a conflict between 2 "May resell" and 3.1 "No resale" (amend1)
  verdict:  conflict, so prohibited until the parties resolve it
  clauses:  2 "May resell" (deal)
            3.1 "No resale" (as replaced by amend1)
  as of:    2027-05-01
  version:  deal as amended by amend1
  applied:
    2 "May resell" (deal)
      permits; conflicts: no notwithstanding or subject to orders it against the other clauses that apply
    3.1 "No resale" (as replaced by amend1)
      prohibits; conflicts: no notwithstanding or subject to orders it against the other clauses that apply
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	d.WriteJSON(&buf)
	var m struct {
		Verdict, Effect string
		Clause          *result.JSONClause
		Conflict        []result.JSONClause
	}
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if m.Verdict != "conflict" || m.Effect != "prohibited" || m.Clause != nil || len(m.Conflict) != 2 || m.Conflict[1].Amendment != "amend1" {
		t.Errorf("%+v", m)
	}

	nc := &result.Decision{Verdict: lang.NotCovered, Effect: lang.Prohibited, Agreement: "deal", AsOf: mustDate(t, "2027-05-01")}
	buf.Reset()
	nc.WriteText(&buf)
	want = `not covered by any clause, so prohibited by default
  verdict:  not covered, so prohibited by default
  clause:   none applies
  as of:    2027-05-01
  version:  deal as first made
  applied:  no clause
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	nc.WriteJSON(&buf)
	if want := `{"agreement":"deal","as_of":"2027-05-01","version":"","verdict":"not covered","effect":"prohibited","summary":"not covered by any clause, so prohibited by default","clause":null,"conflict":[],"applied":[],"note":"","default_rule":""}` + "\n"; buf.String() != want {
		t.Errorf("got  %s\nwant %s", buf.String(), want)
	}
}

func TestTestReportRendering(t *testing.T) {
	pos := func(line, col int) lang.Pos { return lang.Pos{File: "deal.pacta", Line: line, Col: col} }
	rep := &result.TestReport{
		Results: []*result.TestResult{
			{Name: "Royalty is ten percent", Agreement: "deal", Pos: pos(20, 3)},
			{Name: "Big runs are banned", Agreement: "deal", Amendment: "amend1", Pos: pos(30, 3), Failures: []result.TestFailure{
				{Pos: pos(32, 5), Msg: "expected run is prohibited, but it is permitted by 2 \"May publish\""},
			}},
		},
		Unexercised: []*result.ClauseInfo{
			{Num: "4", Title: "Fee", Agreement: "deal", Pos: pos(12, 3)},
			{Num: "4.10", Title: "Late fee", Agreement: "deal", Amendment: "amend1", Pos: lang.Pos{File: "amend.pacta", Line: 5, Col: 3}},
		},
	}
	var b bytes.Buffer
	rep.WriteText(&b)
	want := `PASS  Royalty is ten percent
FAIL  Big runs are banned
      deal.pacta:32:5: expected run is prohibited, but it is permitted by 2 "May publish"
1 passed, 1 failed
clauses no test exercises:
  4 "Fee" (deal)                     deal.pacta:12:3
  4.10 "Late fee" (added by amend1)  amend.pacta:5:3
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	rep.WriteJSON(&b)
	var m struct {
		Passed, Failed int
		Tests          []struct {
			Name, Amendment, Position string
			Passed                    bool
			Failures                  []struct{ Position, Message string }
		}
		Unexercised []result.JSONClause
	}
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if m.Passed != 1 || m.Failed != 1 || len(m.Tests) != 2 || m.Tests[1].Passed || m.Tests[1].Failures[0].Position != "deal.pacta:32:5" ||
		m.Tests[1].Amendment != "amend1" || len(m.Unexercised) != 2 || m.Unexercised[1].Number != "4.10" {
		t.Errorf("%+v", m)
	}

	b.Reset()
	(&result.TestReport{}).WriteText(&b)
	if want := "0 passed, 0 failed\nclauses no test exercises: none\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	b.Reset()
	(&result.TestReport{}).WriteJSON(&b)
	if want := "{\n  \"passed\": 0,\n  \"failed\": 0,\n  \"tests\": [],\n  \"unexercised\": []\n}\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
