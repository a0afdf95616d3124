package interp_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
)

// handDeal is a small agreement whose answers are worked out by hand in
// the tests below. Line numbers matter: clause 3.1 is on line 13 and
// clause 5.1 on line 17, both at column 3.
const handDeal = `agreement deal "Deal" {
  effective 2026-01-01
  currency USD
  rounding half_even to 0.01
  default permitted

  party seller "Seller Inc"
  party owner  "Owner Ltd"

  kind Platform = Azure | AWS
  action sell { platform Platform  gross money }

  clause 3.1 "Azure only"
    "Seller shall sell only on Azure."
    seller must not sell where platform != Azure

  clause 5.1 "Revenue share"
    "Seller shall pay Owner 20% of gross, settled quarterly."
    seller pays owner 20% of gross of each sell by seller
      settled quarterly
      due 45 days after period end
}
`

func compileHand(t *testing.T) *interp.Program {
	t.Helper()
	p, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(handDeal)}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A sale on AWS on 2026-10-20: clause 3.1 applies (AWS != Azure) and is
// the only clause with a verdict on selling, so it decides: prohibited.
// No amendment exists, so "version" is ""; the as-of date is the
// action's own date. Every member is written out by hand.
func TestDecisionMarshalJSONByHand(t *testing.T) {
	p := compileHand(t)
	rec, err := p.ParseActionJSON([]byte(`{"action":"sell","actor":"seller","date":"2026-10-20","platform":"AWS","gross":"USD 100.00"}`))
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Decide(context.Background(), rec, interp.DecideOptions{})
	if err != nil {
		t.Fatal(err)
	}
	clause := `{"number":"3.1","title":"Azure only","agreement":"deal","amendment":"","position":"deal.pacta:13:3"}`
	want := `{"agreement":"deal","as_of":"2026-10-20","version":"","verdict":"prohibited","effect":"prohibited",` +
		`"summary":"prohibited by 3.1 \"Azure only\"","clause":` + clause + `,"conflict":[],` +
		`"applied":[{"clause":` + clause + `,"says":"prohibited","outcome":"decides","by":null,"reason":"applies"}],"note":"","default_rule":""}`
	got, err := json.Marshal(d)
	if err != nil || string(got) != want {
		t.Errorf("json.Marshal(decision) =\n%s, %v\nwant\n%s", got, err, want)
	}
	// A Decision value (not only a pointer) marshals the same, and
	// WriteJSON writes the same bytes and a newline.
	if v, err := json.Marshal(*d); err != nil || string(v) != want {
		t.Errorf("json.Marshal(*decision) = %s, %v", v, err)
	}
	var b bytes.Buffer
	if err := d.WriteJSON(&b); err != nil || b.String() != want+"\n" {
		t.Errorf("WriteJSON = %q, %v", b.String(), err)
	}
}

// Two sales on Azure in 2026-Q4 (both permitted: 3.1 does not apply):
// gross USD 1,000.00 and USD 2,400.57, so the base is 3,400.57 and 20% of
// it is 680.114, rounded half_even to 0.01: 680.11 (the dropped digit 4
// is under half). The quarter ends 2026-12-31; 45 days later is
// 2027-02-14 (31 days of January, then 14 of February). One line, one
// total of the same amount, no breach.
func TestStatementMarshalJSONByHand(t *testing.T) {
	p := compileHand(t)
	ledger := "action,actor,date,platform,gross\n" +
		"sell,seller,2026-10-15,Azure,\"USD 1,000.00\"\n" +
		"sell,seller,2026-11-30,Azure,\"USD 2,400.57\"\n"
	st, err := p.Settle(context.Background(), p.ReadCSV("", "ledger.csv", strings.NewReader(ledger)), interp.SettleOptions{To: mustDate(t, "2026-12-31")})
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Periods []struct {
			Period, Start, End string
			Lines              []json.RawMessage
			Totals             []json.RawMessage
		}
		BreachCount int `json:"breach_count"`
	}
	if err := json.Unmarshal(got, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Periods) != 1 || m.Periods[0].Period != "2026-Q4" || m.Periods[0].Start != "2026-10-01" || m.Periods[0].End != "2026-12-31" || m.BreachCount != 0 {
		t.Fatalf("statement %s", got)
	}
	q4 := m.Periods[0]
	wantLine := `{"payer":"seller","payee":"owner",` +
		`"clause":{"number":"5.1","title":"Revenue share","agreement":"deal","amendment":"","position":"deal.pacta:17:3"},` +
		`"kind":"share","date":"2026-12-31","due":"2027-02-14","base":"3400.57","rate":"20%",` +
		`"amount":"680.11","currency":"USD","notes":["exact amount 680.114, rounded half_even to 0.01"],` +
		// 2026-12-31 + 45 days: 31 days of January, then 14 of February
		`"due_rule":"due 45 days after 2026-12-31 (the last day of 2026-Q4): 2027-02-14"}`
	if len(q4.Lines) != 1 || string(q4.Lines[0]) != wantLine {
		t.Errorf("lines %s\nwant [%s]", q4.Lines, wantLine)
	}
	wantTotal := `{"payer":"seller","payee":"owner","amount":"680.11","currency":"USD"}`
	if len(q4.Totals) != 1 || string(q4.Totals[0]) != wantTotal {
		t.Errorf("totals %s\nwant [%s]", q4.Totals, wantTotal)
	}
	// MarshalJSON is WriteJSON's document, compacted: one encoding.
	var doc, compact bytes.Buffer
	if err := st.WriteJSON(&doc); err != nil {
		t.Fatal(err)
	}
	if err := json.Compact(&compact, doc.Bytes()); err != nil || compact.String() != string(got) {
		t.Errorf("WriteJSON compacted differs from MarshalJSON:\n%s\n%s", compact.String(), got)
	}
}

// A test report with one passing and one failing test, and the clause no
// test exercises. The tests go inside handDeal, after its line 21: the
// first test is on line 23, the second on line 27 with its expectation
// on line 29 (column 5, after four spaces).
func TestTestReportMarshalJSONByHand(t *testing.T) {
	src := strings.TrimSuffix(handDeal, "}\n") + `
  test "AWS is refused" {
    given aws = sell by seller { date: 2026-10-20, platform: AWS, gross: USD 1.00 }
    expect aws is prohibited by 3.1
  }
  test "Azure is refused" {
    given azure = sell by seller { date: 2026-10-20, platform: Azure, gross: USD 1.00 }
    expect azure is prohibited by 3.1
  }
}
`
	p, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.RunTests(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Passed, Failed int
		Tests          []struct {
			Name, Agreement, Amendment, Position string
			Passed                               bool
			Failures                             []struct{ Position, Message string }
		}
		Unexercised []struct{ Number string }
	}
	if err := json.Unmarshal(got, &m); err != nil {
		t.Fatal(err)
	}
	// Azure is permitted by default (3.1 does not apply), so the second
	// test fails; no test settles anything, so 5.1 is unexercised.
	if m.Passed != 1 || m.Failed != 1 || len(m.Tests) != 2 ||
		m.Tests[0].Name != "AWS is refused" || !m.Tests[0].Passed || m.Tests[0].Position != "deal.pacta:23:3" ||
		m.Tests[0].Agreement != "deal" || m.Tests[0].Amendment != "" || len(m.Tests[0].Failures) != 0 ||
		m.Tests[1].Passed || len(m.Tests[1].Failures) != 1 || m.Tests[1].Failures[0].Position != "deal.pacta:29:5" ||
		len(m.Unexercised) != 1 || m.Unexercised[0].Number != "5.1" {
		t.Errorf("report %s", got)
	}
	// WriteJSON is MarshalJSON indented.
	var b, ind bytes.Buffer
	if err := rep.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	json.Indent(&ind, got, "", "  ")
	if b.String() != ind.String()+"\n" {
		t.Errorf("WriteJSON differs from MarshalJSON indented:\n%s", b.String())
	}
}

func TestValueMarshalJSON(t *testing.T) {
	p := compileHand(t)
	rec, err := p.ParseActionJSON([]byte(`{"action":"sell","actor":"seller","date":"2026-10-20","platform":"AWS","gross":"USD 1,250.50"}`))
	if err != nil {
		t.Fatal(err)
	}
	dec := func(s string) types.Decimal {
		d, err := types.ParseDecimal(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	q4, _ := types.ParsePeriod("2026-Q4")
	fy, _ := types.ParseFiscalPeriod("FY2027", 7)
	for _, c := range []struct {
		v    types.Value
		want string
	}{
		{types.Value{}, `null`},
		{types.IntegerValue(-42), `{"kind":"integer","value":"-42"}`},
		{types.DecimalValue(dec("0.125")), `{"kind":"decimal","value":"0.125"}`},
		{types.PercentValue(dec("0.20")), `{"kind":"percent","value":"0.20"}`}, // 20%, as its fraction
		{types.MoneyValue("USD", dec("1250000.00")), `{"kind":"money","value":"1250000.00","currency":"USD"}`},
		{types.DateValue(mustDate(t, "2026-11-01")), `{"kind":"date","value":"2026-11-01"}`},
		{types.DurationValue(types.Duration{N: 30, Unit: types.Days}), `{"kind":"duration","value":"30 days"}`},
		{types.PeriodValue(q4), `{"kind":"period","value":"2026-Q4"}`},
		{types.PeriodValue(fy), `{"kind":"period","value":"FY2027 (July)"}`},
		{types.TextValue("a \"b\" <c> & \\ \n\u2028\xff"), `{"kind":"text","value":"a \"b\" <c> & \\ \n\u2028\ufffd"}`},
		{types.BoolValue(true), `{"kind":"bool","value":true}`},
		{types.PartyValue("seller"), `{"kind":"party","value":"seller"}`},
		{types.EnumValue("AWS", 1), `{"kind":"enum","value":"AWS"}`},
		{types.ListValue(nil), `{"kind":"list","value":[]}`},
		{types.ListValue([]types.Value{types.IntegerValue(1), types.BoolValue(false)}), `{"kind":"list","value":[{"kind":"integer","value":"1"},{"kind":"bool","value":false}]}`},
		// The fields in the schema's order: as declared, then the
		// implicit actor and date.
		{types.RecordValue(rec), `{"kind":"record","name":"sell","value":{"platform":{"kind":"enum","value":"AWS"},"gross":{"kind":"money","value":"1250.50","currency":"USD"},` +
			`"actor":{"kind":"party","value":"seller"},"date":{"kind":"date","value":"2026-10-20"}}}`},
	} {
		got, err := c.v.MarshalJSON()
		if err != nil || string(got) != c.want {
			t.Errorf("MarshalJSON(%v) = %s, %v\nwant %s", c.v, got, err, c.want)
			continue
		}
		// The bytes are valid JSON, and encoding/json agrees with them
		// (it escapes <, > and & for HTML; nothing else differs).
		var any1 any
		if err := json.Unmarshal(got, &any1); err != nil {
			t.Errorf("%s: not JSON: %v", got, err)
		}
		viaJSON, err := json.Marshal(c.v)
		if err != nil {
			t.Fatal(err)
		}
		var compact bytes.Buffer
		json.Compact(&compact, got)
		if html := strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`).Replace(compact.String()); string(viaJSON) != html {
			t.Errorf("json.Marshal = %s, want %s", viaJSON, html)
		}
	}
}

// Zero answers marshal without panicking, into valid JSON.
func TestZeroAnswersMarshal(t *testing.T) {
	for _, v := range []any{result.Decision{}, &result.Decision{}, result.Statement{}, result.TestReport{}, types.RecordValue(nil), types.ListValue([]types.Value{{}})} {
		b, err := json.Marshal(v)
		if err != nil || !json.Valid(b) {
			t.Errorf("json.Marshal(%T) = %s, %v", v, b, err)
		}
	}
}
