package interp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pacta-lang/pacta/interp/types"
)

func loadExample(t testing.TB) *Program {
	t.Helper()
	p, err := LoadFiles([]string{"../examples/openai-microsoft-aws/agreement.pacta", "../examples/openai-microsoft-aws/amendment.pacta"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const ledgerHeader = "action,actor,date,product,platform,region,gross,refunds,model\n"

// A small ledger, worked by hand below.
const smallCSV = ledgerHeader +
	`sell,openai,2026-10-15,ChatGPT Enterprise,Azure,US,"USD 1,000,000.00","USD 50,000.00",
sell,openai,2026-11-20,OpenAI API,AWS,EU,"USD 2,000,000.00","USD 100,000.00",
model_release,,2026-11-25,,Azure,,,,GPT-6
sell,openai,2026-12-05,OpenAI API,AWS,US,USD 10.02,0.00,
sell,openai,2026-12-10,ChatGPT Enterprise,Azure,US,500000.00,USD 0.00,
`

// The same rows as JSON Lines, with a blank line, numbers for some
// amounts, and the members in other orders.
const smallJSONL = `{"action":"sell","actor":"openai","date":"2026-10-15","product":"ChatGPT Enterprise","platform":"Azure","region":"US","gross":"USD 1,000,000.00","refunds":"USD 50,000.00"}
{"date":"2026-11-20","action":"sell","actor":"openai","product":"OpenAI API","platform":"AWS","region":"EU","gross":"USD 2,000,000.00","refunds":"USD 100,000.00"}

{"action":"model_release","date":"2026-11-25","model":"GPT-6","platform":"Azure"}
{"action":"sell","actor":"openai","date":"2026-12-05","product":"OpenAI API","platform":"AWS","region":"US","gross":10.02,"refunds":0.00}
  {"action":"sell","agreement":"openai_microsoft","actor":"openai","date":"2026-12-10","product":"ChatGPT Enterprise","platform":"Azure","region":"US","gross":500000.00,"refunds":"USD 0.00"}
`

// rowText prints a record with where it came from, copying what it needs:
// the readers reuse records.
func rowText(ev Event) string {
	return fmt.Sprintf("%s:%d %s", ev.Source, ev.Line, types.RecordValue(ev.Record))
}

func collect(t *testing.T, seq iter.Seq2[Event, error]) []string {
	t.Helper()
	var out []string
	for ev, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rowText(ev))
	}
	return out
}

func TestReadCSVTypesRows(t *testing.T) {
	p := loadExample(t)
	got := collect(t, p.ReadCSV("", "small.csv", strings.NewReader(smallCSV)))
	want := []string{
		`small.csv:2 sell by openai { product: "ChatGPT Enterprise", platform: Azure, region: "US", date: 2026-10-15, gross: USD 1,000,000.00, refunds: USD 50,000.00 }`,
		`small.csv:3 sell by openai { product: "OpenAI API", platform: AWS, region: "EU", date: 2026-11-20, gross: USD 2,000,000.00, refunds: USD 100,000.00 }`,
		`small.csv:4 model_release { model: "GPT-6", platform: Azure, date: 2026-11-25 }`,
		`small.csv:5 sell by openai { product: "OpenAI API", platform: AWS, region: "US", date: 2026-12-05, gross: USD 10.02, refunds: USD 0.00 }`,
		`small.csv:6 sell by openai { product: "ChatGPT Enterprise", platform: Azure, region: "US", date: 2026-12-10, gross: USD 500,000.00, refunds: USD 0.00 }`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// JSON Lines gives the same rows (line numbers count the blank line).
	got = collect(t, p.ReadJSONL("openai_microsoft", "small.jsonl", strings.NewReader(smallJSONL)))
	lines := []int{1, 2, 4, 5, 6}
	for i := range want {
		w := strings.Replace(want[i], fmt.Sprintf("small.csv:%d", i+2), fmt.Sprintf("small.jsonl:%d", lines[i]), 1)
		if got[i] != w {
			t.Errorf("JSONL row %d:\n got %s\nwant %s", i, got[i], w)
		}
	}
}

func TestReadCSVFieldTypes(t *testing.T) {
	p := loadExample(t)
	for ev, err := range p.ReadCSV("", "small.csv", strings.NewReader(smallCSV)) {
		if err != nil {
			t.Fatal(err)
		}
		if ev.Record.Schema.Name() != "sell" {
			continue
		}
		r := ev.Record
		for name, kind := range map[string]types.Kind{"actor": types.KindParty, "date": types.KindDate, "platform": types.KindEnum, "gross": types.KindMoney, "product": types.KindText} {
			v, _ := r.Field(name)
			if v.Kind() != kind {
				t.Errorf("line %d: %s is %s, want %s", ev.Line, name, v.Kind(), kind)
			}
		}
		if g, _ := r.Field("gross"); g.Currency() != "USD" {
			t.Errorf("gross in %q", g.Currency())
		}
		return
	}
}

// Hand-worked: the rows of smallCSV settled for 2026-Q4.
//
//	5.1 as first written (to 2026-10-31): 20% × (1,000,000.00 − 50,000.00)
//	  = 190,000.00
//	5.1 as replaced (from 2026-11-01):
//	  25% × (1,900,000.00 + 10.02) = 475,002.505
//	  20% × 500,000.00            = 100,000.00
//	  575,002.505, rounded half-even  = 575,002.50
//	4.1 installment 4 of 20 on 2026-10-01: 12,500,000,000.00
//	4.3 on the first Azure model release, 2026-11-25: 500,000,000.00 to
//	  openai, due 30 days later, 2026-12-25.
func TestSettleReadLedgerByHand(t *testing.T) {
	p := loadExample(t)
	from, _ := types.ParseDate("2026-10-01")
	to, _ := types.ParseDate("2026-12-31")
	for _, c := range []struct {
		name string
		seq  iter.Seq2[Event, error]
	}{
		{"csv", p.ReadCSV("", "small.csv", strings.NewReader(smallCSV))},
		{"jsonl", p.ReadJSONL("", "small.jsonl", strings.NewReader(smallJSONL))},
	} {
		st, err := p.Settle(context.Background(), c.seq, SettleOptions{From: from, To: to})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got []string
		for _, l := range st.Lines {
			got = append(got, fmt.Sprintf("%s %s→%s %s %s %s due %s", l.Period, l.Payer, l.Payee, l.Clause, l.Kind, l.Amount, l.Due))
		}
		want := []string{
			`2026-Q4 microsoft→openai 4.3 "Azure launch payment" milestone USD 500,000,000.00 due 2026-12-25`,
			`2026-Q4 openai→microsoft 4.1 "Azure consumption commitment" installment USD 12,500,000,000.00 due 2026-10-31`,
			`2026-Q4 openai→microsoft 5.1 "Revenue share" share USD 190,000.00 due 2027-02-14`,
			`2026-Q4 openai→microsoft 5.1 "Revenue share" (aws_concessions) share USD 575,002.50 due 2027-02-14`,
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		var totals []string
		for _, tt := range st.Totals {
			totals = append(totals, fmt.Sprintf("%s→%s %s", tt.Payer, tt.Payee, tt.Amount))
		}
		if w := "microsoft→openai USD 500,000,000.00; openai→microsoft USD 12,500,765,002.50"; strings.Join(totals, "; ") != w {
			t.Errorf("%s: totals %s, want %s", c.name, strings.Join(totals, "; "), w)
		}
		if st.Events != 5 || len(st.Breaches) != 0 {
			t.Errorf("%s: %d events, %d breaches", c.name, st.Events, len(st.Breaches))
		}
	}
}

func TestLedgerErrors(t *testing.T) {
	p := loadExample(t)
	sale := `sell,openai,2026-10-15,ChatGPT,Azure,US,"USD 1,000.00",USD 0.00,` + "\n"
	jsale := `{"action":"sell","actor":"openai","date":"2026-10-15","product":"ChatGPT","platform":"Azure","region":"US","gross":"USD 1,000.00","refunds":"USD 0.00"}`
	cases := []struct {
		name, format, text string
		line               int
		field, msg         string
	}{
		{"empty", "csv", "", 1, "", "the ledger is empty: the first row must name the columns (action, actor, date and the fields)"},
		{"no action column", "csv", "actor,date\n", 1, "", `the header has no column "action": the first row must name the columns (action, actor, date and the fields)`},
		{"no date column", "csv", "action,actor\n", 1, "", `the header has no column "date": every row needs its date`},
		{"unknown column", "csv", "action,actor,date,grosss\n", 1, "grosss", `no action or event of openai_microsoft has this field (did you mean "gross"?)`},
		{"column twice", "csv", "action,date,date\n", 1, "date", "the header names this column twice (columns 2 and 3)"},
		{"unnamed column", "csv", "action,,date\n", 1, "", "column 2 of the header has no name"},
		{"amount", "csv", ledgerHeader + sale + `sell,openai,2026-10-16,ChatGPT,Azure,US,"12,34",USD 0.00,` + "\n", 3, "gross", `"12,34" is not an amount like USD 1,250.00`},
		{"negative", "csv", ledgerHeader + `sell,openai,2026-10-16,ChatGPT,Azure,US,-5.00,USD 0.00,` + "\n", 2, "gross", `amount "-5.00" is negative; amounts in actions and ledgers must be zero or more`},
		{"currency", "csv", ledgerHeader + `sell,openai,2026-10-16,ChatGPT,Azure,US,EUR 5.00,USD 0.00,` + "\n", 2, "gross", `amount "EUR 5.00" is in EUR, but the agreement's currency is USD`},
		{"bad date", "csv", ledgerHeader + `sell,openai,2026-02-29,ChatGPT,Azure,US,USD 5.00,USD 0.00,` + "\n", 2, "date", `invalid date 2026-02-29: February 2026 has 28 days`},
		{"date format", "csv", ledgerHeader + `sell,openai,15/10/2026,ChatGPT,Azure,US,USD 5.00,USD 0.00,` + "\n", 2, "date", `invalid date "15/10/2026": expected YYYY-MM-DD`},
		{"unknown action", "csv", ledgerHeader + `buy,openai,2026-10-16,ChatGPT,Azure,US,USD 5.00,USD 0.00,` + "\n", 2, "action", `unknown action or event "buy" in openai_microsoft`},
		{"no action", "csv", ledgerHeader + `,openai,2026-10-16,ChatGPT,Azure,US,USD 5.00,USD 0.00,` + "\n", 2, "action", `missing: say which action or event the row records`},
		{"unknown party", "csv", ledgerHeader + `sell,google,2026-10-16,ChatGPT,Azure,US,USD 5.00,USD 0.00,` + "\n", 2, "actor", `unknown party "google"`},
		{"unknown member", "csv", ledgerHeader + `sell,openai,2026-10-16,ChatGPT,Oracle,US,USD 5.00,USD 0.00,` + "\n", 2, "platform", `"Oracle" is not a Platform (one of AWS, Azure, Direct, GoogleCloud)`},
		{"missing cell", "csv", ledgerHeader + `sell,openai,2026-10-16,ChatGPT,Azure,,USD 5.00,USD 0.00,` + "\n", 2, "region", `missing: every sell row needs region (text)`},
		{"missing actor", "csv", ledgerHeader + `sell,,2026-10-16,ChatGPT,Azure,US,USD 5.00,USD 0.00,` + "\n", 2, "actor", `missing: every sell row needs an actor (the party that takes it)`},
		{"missing column", "csv", "action,actor,date,product,platform,region,gross\n" + `sell,openai,2026-10-16,ChatGPT,Azure,US,USD 5.00` + "\n", 2, "refunds", `missing: the ledger has no column "refunds", which sell needs`},
		{"cell of another schema", "csv", ledgerHeader + `sell,openai,2026-10-16,ChatGPT,Azure,US,USD 5.00,USD 0.00,GPT-6` + "\n", 2, "model", `sell has no field "model": leave this cell empty`},
		{"event with actor", "csv", ledgerHeader + `model_release,openai,2026-10-16,,Azure,,,,GPT-6` + "\n", 2, "actor", `model_release is an event, which has no actor: leave this cell empty`},
		{"columns", "csv", ledgerHeader + sale + "sell,openai\n", 3, "", "the row has 2 columns, but the header names 9"},
		{"one column", "csv", ledgerHeader + "sell\n", 2, "", "the row has 1 column, but the header names 9"},
		{"quote", "csv", ledgerHeader + sale + `sell,openai,2026-10-16,Chat"GPT,Azure,US,USD 5.00,USD 0.00,` + "\n", 3, "", `at character 28: a quote (") inside a cell that is not quoted; quote the whole cell and write the quote twice ("")`},
		{"unclosed quote", "csv", ledgerHeader + sale + `sell,openai,2026-10-16,"ChatGPT,Azure,US,USD 5.00,USD 0.00,` + "\n", 3, "", `at character 61: a quoted cell is not closed, or a quote (") inside it is not written twice ("")`},

		{"json syntax", "jsonl", jsale + "\n" + `{"action":"sell",}` + "\n", 2, "", `not valid JSON: unexpected '}' where a member name (a quoted string) should be (at byte 18)`},
		{"json no colon", "jsonl", `{"action" "sell"}`, 1, "", `not valid JSON: unexpected '"' after a member name, where ":" should be (at byte 11)`},
		{"json no comma", "jsonl", `{"action":"sell" "actor":"x"}`, 1, "", `not valid JSON: unexpected '"' after a member, where "," or "}" should be (at byte 18)`},
		{"json bad value", "jsonl", `{"action":sell}`, 1, "", `not valid JSON: unexpected 's' where a value should be (at byte 11)`},
		{"json bad literal", "jsonl", `{"action":trve}`, 1, "", `not valid JSON: unexpected 'v' in true, false or null (at byte 13)`},
		{"json list", "jsonl", `{"action":["a" "b"]}`, 1, "", `not valid JSON: unexpected '"' after a list element, where "," or "]" should be (at byte 16)`},
		{"json not object", "jsonl", `["sell"]`, 1, "", `not a JSON object: each line must be one object like {"action": "sell", ...}`},
		{"json two values", "jsonl", jsale + jsale, 1, "", "more than one JSON value on the line; give one row per line"},
		{"json unclosed", "jsonl", `{"action":"sell"`, 1, "", "not valid JSON: the line ends before the object is closed"},
		{"json no action", "jsonl", `{"actor":"openai"}`, 1, "action", `missing: say which action or event the row records, like "action": "sell"`},
		{"json action not text", "jsonl", `{"action":5}`, 1, "action", `must be the name of an action or event, like "sell"`},
		{"json unknown field", "jsonl", strings.Replace(jsale, `"region"`, `"regoin"`, 1), 1, "regoin", `sell has no such field (did you mean "region"?)`},
		{"json missing field", "jsonl", strings.Replace(jsale, `,"region":"US"`, ``, 1), 1, "region", `missing: every sell row needs region (text)`},
		{"json null", "jsonl", strings.Replace(jsale, `"US"`, `null`, 1), 1, "region", `missing: every sell row needs region (text)`},
		{"json object value", "jsonl", strings.Replace(jsale, `"US"`, `{"x":1}`, 1), 1, "region", `must be a string, a number, true or false, not an object`},
		{"json list value", "jsonl", strings.Replace(jsale, `"US"`, `["US"]`, 1), 1, "region", `must be text, not a list`},
		{"json float", "jsonl", strings.Replace(jsale, `"USD 1,000.00"`, `1e3`, 1), 1, "gross", `"1e3" has an exponent: write the number without an exponent`},
		{"json duplicate", "jsonl", strings.Replace(jsale, `}`, `,"gross":"USD 2.00"}`, 1), 1, "gross", "appears twice in the row"},
		{"json other agreement", "jsonl", strings.Replace(jsale, `{`, `{"agreement":"other",`, 1), 1, "agreement", `the row is for "other", but the ledger is being read for openai_microsoft`},
		{"json event actor", "jsonl", `{"action":"model_release","actor":"openai","date":"2026-10-16","model":"GPT-6","platform":"Azure"}`, 1, "actor", "model_release is an event, which has no actor"},
		{"json bad utf8", "jsonl", "{\"action\":\"sell\xff\"}", 1, "", "the line is not valid UTF-8 text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var seq iter.Seq2[Event, error]
			if c.format == "csv" {
				seq = p.ReadCSV("", "l."+c.format, strings.NewReader(c.text))
			} else {
				seq = p.ReadJSONL("", "l."+c.format, strings.NewReader(c.text))
			}
			var got error
			n := 0
			for _, err := range seq {
				if err != nil {
					got = err
					break
				}
				n++
			}
			var le *LedgerError
			if !errors.As(got, &le) {
				t.Fatalf("after %d rows: error %v (%T), want a *LedgerError", n, got, got)
			}
			if le.Source != "l."+c.format || le.Line != c.line || le.Field != c.field || !strings.HasPrefix(le.Msg, c.msg) {
				t.Errorf("got  %s:%d field %q: %s\nwant %s:%d field %q: %s", le.Source, le.Line, le.Field, le.Msg, "l."+c.format, c.line, c.field, c.msg)
			}
		})
	}
}

func TestLedgerErrorText(t *testing.T) {
	p := loadExample(t)
	text := ledgerHeader + `sell,openai,2026-10-15,ChatGPT,Azure,US,USD 1.00,USD 0.00,` + "\n" + `sell,openai,2026-10-16,ChatGPT,Azure,US,"12,34",USD 0.00,` + "\n"
	_, err := p.Settle(context.Background(), p.ReadCSV("", "ledger.csv", strings.NewReader(text)), SettleOptions{})
	if want := `ledger.csv:3: field "gross": "12,34" is not an amount like USD 1,250.00`; err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func TestLedgerUnknownAgreement(t *testing.T) {
	p := loadExample(t)
	for _, seq := range []iter.Seq2[Event, error]{
		p.ReadCSV("nope", "l.csv", strings.NewReader(ledgerHeader)),
		p.ReadJSONL("nope", "l.jsonl", strings.NewReader("")),
	} {
		for _, err := range seq {
			var le *LedgerError
			if !errors.As(err, &le) || !strings.Contains(le.Msg, `no agreement called "nope"`) {
				t.Errorf("got %v", err)
			}
			break
		}
	}
}

func TestLedgerSmallCases(t *testing.T) {
	p := loadExample(t)
	// A byte-order mark, spaces around header names and cells, a blank
	// line, columns in another order, and a header with no actor column
	// for a ledger of events only.
	csvText := "\uFEFFdate, action ,model,platform\n2026-11-25,model_release, GPT-6 ,Azure\n\n2026-11-26,model_release,GPT-7,AWS\n"
	got := collect(t, p.ReadCSV("", "e.csv", strings.NewReader(csvText)))
	want := `e.csv:2 model_release { model: "GPT-6", platform: Azure, date: 2026-11-25 }` + "\n" +
		`e.csv:4 model_release { model: "GPT-7", platform: AWS, date: 2026-11-26 }`
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	// A header alone is an empty ledger; so is a JSON Lines file of blank
	// lines.
	if got := collect(t, p.ReadCSV("", "e.csv", strings.NewReader(ledgerHeader))); len(got) != 0 {
		t.Errorf("header only: %v", got)
	}
	if got := collect(t, p.ReadJSONL("", "e.jsonl", strings.NewReader("\n  \n\r\n"))); len(got) != 0 {
		t.Errorf("blank: %v", got)
	}
	// JSON text is taken as written; an empty string is a value.
	j := `{"action":"sell","actor":"openai","date":"2026-10-15","product":"  padded ","platform":"Azure","region":"","gross":"USD 1.00","refunds":"USD 0.00"}`
	for ev, err := range p.ReadJSONL("", "t.jsonl", strings.NewReader(j)) {
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := ev.Record.Field("product"); v.Str() != "  padded " {
			t.Errorf("product %q", v.Str())
		}
		if v, _ := ev.Record.Field("region"); v.Kind() != types.KindText || v.Str() != "" {
			t.Errorf("region %v", v)
		}
	}
	// Escapes take the careful path and mean what JSON says.
	j = `{"action":"sell","actor":"openai","date":"2026-10-15","product":"Chat\"GPT\u00e9","platform":"Azure","region":"US\t","gross":"USD 1.00","refunds":"USD 0.00"}`
	for ev, err := range p.ReadJSONL("", "t.jsonl", strings.NewReader(j)) {
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := ev.Record.Field("product"); v.Str() != "Chat\"GPTé" {
			t.Errorf("product %q", v.Str())
		}
		if v, _ := ev.Record.Field("region"); v.Str() != "US\t" {
			t.Errorf("region %q", v.Str())
		}
	}
	// Stopping early is allowed.
	for range p.ReadCSV("", "small.csv", strings.NewReader(smallCSV)) {
		break
	}
}

// The readers reuse one record per schema, as documented.
func TestLedgerReusesRecords(t *testing.T) {
	p := loadExample(t)
	var sells []*types.Record
	for ev, err := range p.ReadCSV("", "small.csv", strings.NewReader(smallCSV)) {
		if err != nil {
			t.Fatal(err)
		}
		if ev.Record.Schema.Name() == "sell" {
			sells = append(sells, ev.Record)
		}
	}
	for _, r := range sells[1:] {
		if r != sells[0] {
			t.Fatal("a new record for each row")
		}
	}
}

// genLedger produces a CSV ledger of n sales, one a day from 2020-01-01
// (on Azure, so that no row is a breach), without holding it in memory.
type genLedger struct {
	n, i int
	date types.Date
	buf  []byte
}

func newGenLedger(n int) *genLedger {
	d, _ := types.ParseDate("2020-01-01")
	return &genLedger{n: n, date: d, buf: []byte(ledgerHeader)}
}

func (g *genLedger) Read(p []byte) (int, error) {
	for len(g.buf) == 0 {
		if g.i >= g.n {
			return 0, io.EOF
		}
		// Ten rows a day.
		if g.i > 0 && g.i%10 == 0 {
			g.date, _ = g.date.AddDays(1)
		}
		g.buf = fmt.Appendf(g.buf[:0], "sell,openai,%s,ChatGPT Enterprise,Azure,US,\"USD 1,%03d.%02d\",USD 0.00,\n", g.date, g.i%1000, g.i%100)
		g.i++
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	return n, nil
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// Reading 200,000 rows, and settling them, keeps the heap flat: nothing is
// kept per row.
func TestLedgerConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 200,000 rows")
	}
	const rows = 200_000
	const bound = 2 << 20 // far less than 200,000 rows of anything
	p := loadExample(t)
	start := time.Now()

	var base, end uint64
	n := 0
	for _, err := range p.ReadCSV("", "gen.csv", newGenLedger(rows)) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		switch n {
		case 1000:
			base = heapInUse()
		case rows:
			end = heapInUse()
		}
	}
	if n != rows {
		t.Fatalf("read %d rows", n)
	}
	if end > base+bound {
		t.Errorf("reading: heap grew from %d to %d bytes over %d rows", base, end, rows-1000)
	}

	// The same through Settle, on fewer rows: settling costs more.
	const settled = 50_000
	n = 0
	measured := func(yield func(Event, error) bool) {
		for ev, err := range p.ReadCSV("", "gen.csv", newGenLedger(settled)) {
			n++
			switch n {
			case 1000:
				base = heapInUse()
			case settled:
				end = heapInUse()
			}
			if !yield(ev, err) {
				return
			}
		}
	}
	st, err := p.Settle(context.Background(), measured, SettleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Events != settled {
		t.Errorf("settled %d events", st.Events)
	}
	if end > base+bound {
		t.Errorf("settling: heap grew from %d to %d bytes over %d rows", base, end, settled-1000)
	}
	t.Logf("%d rows read, then %d read and settled, in %v", rows, settled, time.Since(start))
}

// BenchmarkReadCSV reads generated rows: the cost of the reader alone.
func BenchmarkReadCSV(b *testing.B) {
	p := loadExample(b)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for _, err := range p.ReadCSV("", "gen.csv", newGenLedger(b.N)) {
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
	if n != b.N {
		b.Fatalf("read %d rows", n)
	}
}

// BenchmarkReadJSONL reads generated rows as JSON Lines.
func BenchmarkReadJSONL(b *testing.B) {
	p := loadExample(b)
	row := []byte(`{"action":"sell","actor":"openai","date":"2026-10-15","product":"ChatGPT Enterprise","platform":"Azure","region":"US","gross":"USD 1,000.00","refunds":0.00}` + "\n")
	r := &repeatReader{row: row, n: b.N}
	b.ReportAllocs()
	b.ResetTimer()
	for _, err := range p.ReadJSONL("", "gen.jsonl", r) {
		if err != nil {
			b.Fatal(err)
		}
	}
}

type repeatReader struct {
	row  []byte
	n    int
	left []byte
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if len(r.left) == 0 {
		if r.n == 0 {
			return 0, io.EOF
		}
		r.n--
		r.left = r.row
	}
	n := copy(p, r.left)
	r.left = r.left[n:]
	return n, nil
}

// BenchmarkSettleCSV reads and settles generated rows.
func BenchmarkSettleCSV(b *testing.B) {
	p := loadExample(b)
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := p.Settle(context.Background(), p.ReadCSV("", "gen.csv", newGenLedger(b.N)), SettleOptions{}); err != nil {
		b.Fatal(err)
	}
}

// The quick scanner and encoding/json read the same members from every
// line the quick scanner accepts.
func TestScanFlatAgreesWithDecoder(t *testing.T) {
	p := loadExample(t)
	lines := []string{
		`{}`, ` { } `, `{"a":"b"}`, `{"a" : -0.50 , "b":true,"c":false,"d":null}`,
		`{"n":0}`, `{"n":12.5e-3}`, `{"n":1E+9}`, `{"n":-0}`, `{"s":""}`, `{"s":"é ü"}`,
		`{"a":01}`, `{"a":1.}`, `{"a":.5}`, `{"a":-}`, `{"a":1e}`, `{"a":tru}`, `{"a":"b",}`,
		`{"a":"b"}x`, `{"a":"b\"c"}`, `{"a":["x"]}`, `{"a":{"b":1}}`, `{"a"}`, `{"a":}`, `{a:1}`, `[1]`,
		"{\"a\":\"\x01\"}", `{"a":"b"`, `{"a":"b" "c":1}`,
	}
	for _, line := range lines {
		lr := newLedgerReader(p.agreements[0], "t")
		fast := lr.scanFlat(line)
		got := append([]jsonMember(nil), lr.members...)
		lr2 := newLedgerReader(p.agreements[0], "t")
		_, msg := lr2.decodeJSON([]byte(line))
		if !fast {
			continue
		}
		if msg != "" {
			t.Errorf("%s: scanned, but encoding/json says %s", line, msg)
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(lr2.members) {
			t.Errorf("%s: scanned %v, decoded %v", line, got, lr2.members)
		}
	}
}

// checkLedgerError checks what every ledger error must be: a
// *LedgerError naming the source and a line, whose message quotes no
// more than a short prefix of any value.
func checkLedgerError(t *testing.T, err error, source string) {
	t.Helper()
	var le *LedgerError
	if !errors.As(err, &le) || le.Source != source || le.Line < 1 {
		t.Fatalf("error %v (%T)", err, err)
	}
	if n := len(err.Error()); n > 600 {
		t.Fatalf("a message of %d bytes: %.200s…", n, err)
	}
}

// The seed corpus of the ledger fuzz targets is in testdata/fuzz (the
// example ledgers and the cases of TestLedgerErrors); run one for at most
// 15 seconds with go test ./interp -run '^$' -fuzz FuzzReadCSV -fuzztime 15s.
func FuzzReadJSONL(f *testing.F) {
	f.Add(smallJSONL)
	f.Add(`{"action":"sell","actor":"openai","date":"2026-10-15","product":"C\u0041","platform":"Azure","region":"","gross":1,"refunds":0}`)
	f.Add(`{"action":"model_release","date":"2026-02-29","model":"x","platform":"AWS"}`)
	p := loadExample(f)
	f.Fuzz(func(t *testing.T, text string) {
		for ev, err := range p.ReadJSONL("", "f.jsonl", strings.NewReader(text)) {
			if err != nil {
				checkLedgerError(t, err, "f.jsonl")
				return
			}
			_ = types.RecordValue(ev.Record).String()
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add(smallCSV)
	f.Add(ledgerHeader + "sell,openai,2026-10-15,\"a\"\"b\",Azure,US,1,0,\n")
	f.Add("date,action,model,platform\n2026-11-25,model_release,GPT-6,Azure\n")
	p := loadExample(f)
	f.Fuzz(func(t *testing.T, text string) {
		for ev, err := range p.ReadCSV("", "f.csv", strings.NewReader(text)) {
			if err != nil {
				checkLedgerError(t, err, "f.csv")
				return
			}
			_ = types.RecordValue(ev.Record).String()
		}
	})
}

// FuzzSettleCSV settles whatever the CSV reader accepts: no input makes
// the settlement panic, and every failure is an error.
func FuzzSettleCSV(f *testing.F) {
	f.Add(smallCSV)
	f.Add(ledgerHeader + "sell,openai,2026-10-20,x,AWS,US,5,0,\nsell,openai,2026-10-19,x,AWS,US,5,0,\n")
	f.Add(ledgerHeader + "model_release,,2019-07-22,,Azure,,,,m\nsell,microsoft,9999-12-31,x,Azure,US,99999999999999999999999999.99,0,\n")
	f.Add("action,actor,date,notice_by,under_clause,breach_of\ntermination,,2027-01-10,microsoft,12.1,\ncure,,2027-01-11,,,3.1\ntermination,,2027-01-12,openai,12.3,\n")
	p := loadExample(f)
	f.Fuzz(func(t *testing.T, text string) {
		st, err := p.Settle(context.Background(), p.ReadCSV("", "f.csv", strings.NewReader(text)), SettleOptions{})
		if err == nil {
			var b strings.Builder
			if err := st.WriteText(&b); err != nil {
				t.Fatal(err)
			}
			if err := st.WriteJSON(&b); err != nil {
				t.Fatal(err)
			}
		}
	})
}
