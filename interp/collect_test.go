package interp_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

// Collections of records (SPEC 4.5.1): list fields of items, aggregates
// over them, and how ledgers, action JSON and the RecordBuilder carry
// them. Every expected figure is worked by hand in the comment beside it.

const invoiceSrc = `agreement col "Collections" {
  effective 2027-01-01
  currency USD
  party maker "Maker"
  party dist "Distributor"
  kind Family = Widget | Gadget
  action invoice {
    number text
    lines  list of line { sku text, family Family, quantity integer, price money }
  }
  term line_total(l line) = l.price * l.quantity
  term total(i invoice) = sum of line_total(l) for l in i.lines
  term widget_total(i invoice) = sum of line_total(l) for l in i.lines if l.family == Widget
  term big_lines(i invoice) = count of l for l in i.lines if l.quantity >= 100
  term all_widgets(i invoice) = all of l.family == Widget for l in i.lines
  term any_big(i invoice) = any of l.quantity >= 100 for l in i.lines
  term cheapest(i invoice) = min of l.price for l in i.lines
  term dearest(i invoice) = max of l.price for l in i.lines
  term units(i invoice) = sum of l.quantity for l in i.lines
  term mean_price(i invoice) = total(i) / units(i)
  // An aggregate whose value calls a term that runs an aggregate of its
  // own: the inner one must give the outer one its item back.
  term share_of_total(l line, i invoice) = line_total(l) / total(i)
  term shares(i invoice) = sum of share_of_total(l, i) for l in i.lines
  term restore(i invoice) = sum of total(i) / total(i) * line_total(l) for l in i.lines
  term dearest_share(i invoice) = max of share_of_total(l, i) * 100 for l in i.lines
  clause 1 "Rebate"
    maker pays dist 2% of total of each invoice
}
`

// The invoice of the tests: 150 widgets at USD 2.00, 10 gadgets at USD
// 30.00 and 200 widgets at USD 0.50.
const invoiceLit = `invoice by maker { number: "A1", date: 2027-02-01, lines: [
  line { sku: "W1", family: Widget, quantity: 150, price: USD 2.00 },
  line { sku: "G1", family: Gadget, quantity: 10, price: USD 30.00 },
  line { sku: "W2", family: Widget, quantity: 200, price: USD 0.50 }] }`

func TestAggregatesHandWorked(t *testing.T) {
	p := compile(t, invoiceSrc)
	ctx := context.Background()
	for _, c := range []struct{ expr, want string }{
		// 150 × 2.00 = 300.00; 10 × 30.00 = 300.00; 200 × 0.50 = 100.00;
		// 300 + 300 + 100 = 700.00.
		{"total(I)", "USD 700.00"},
		// Widgets only: 300.00 + 100.00 = 400.00.
		{"widget_total(I)", "USD 400.00"},
		// Quantities 150 and 200 are at least 100; 10 is not: 2.
		{"big_lines(I)", "2"},
		{"all_widgets(I)", "false"}, // G1 is a gadget
		{"any_big(I)", "true"},      // W1 has 150
		{"cheapest(I)", "USD 0.50"}, // min of 2.00, 30.00, 0.50
		{"dearest(I)", "USD 30.00"}, // max of the same
		// 150 + 10 + 200 = 360 units.
		{"units(I)", "360"},
		// 700.00 / 360 = 1.944…: the exact quotient, not rounded.
		{"mean_price(I) > USD 1.94 and mean_price(I) < USD 1.95", "true"},
		// Each line over the total: 300/700 + 300/700 + 100/700 = 1
		// exactly only if the outer aggregate kept its item across the
		// inner one in total(i).
		{"shares(I) > 0.9999 and shares(I) < 1.0001", "true"},
		// total(i) / total(i) is 1, so this is total(i) again, USD 700.00,
		// only if l is read back after total(i)'s own aggregate has run
		// (without that, each l would be W2: 3 × 100.00 = 300.00).
		{"restore(I)", "USD 700.00"},
		// The largest share is 300/700 = 0.428571…; × 100 = 42.857…
		{"dearest_share(I) > 42.85 and dearest_share(I) < 42.86", "true"},
		// An empty list: sum is zero of its type, count 0, all true, any
		// false.
		{`total(invoice by maker { number: "E", date: 2027-02-01, lines: [] })`, "USD 0.00"},
		{`big_lines(invoice by maker { number: "E", date: 2027-02-01, lines: [] })`, "0"},
		{`all_widgets(invoice by maker { number: "E", date: 2027-02-01, lines: [] })`, "true"},
		{`any_big(invoice by maker { number: "E", date: 2027-02-01, lines: [] })`, "false"},
		// Aggregates over a list of plain values, and nested aggregates:
		// 1 + 2 + 3 = 6; for each x, the count of y > x: 2 + 1 + 0 = 3.
		{"sum of x for x in [1, 2, 3]", "6"},
		{"sum of (count of y for y in [1, 2, 3] if y > x) for x in [1, 2, 3]", "3"},
		// 10% + 2.5% = 12.5%; a decimal in the list makes the sum decimal.
		{"sum of r for r in [10%, 2.5%]", "12.5%"},
		{"sum of x for x in [1, 2.5]", "3.5"},
	} {
		src := strings.ReplaceAll(c.expr, "(I)", "("+invoiceLit+")")
		v, err := p.Eval(ctx, "", src, interp.EvalOptions{})
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		if got := v.String(); got != c.want {
			t.Errorf("%s = %s, want %s", c.expr, got, c.want)
		}
	}
}

// min and max of no items have no answer: the question fails, positioned
// at the aggregate.
func TestAggregateEmptyMin(t *testing.T) {
	p := compile(t, invoiceSrc)
	_, err := p.Eval(context.Background(), "", `cheapest(invoice by maker { number: "E", date: 2027-02-01, lines: [] })`, interp.EvalOptions{})
	var ee *interp.EvalError
	if !errors.As(err, &ee) || !strings.Contains(err.Error(), "no items to take the smallest of") || ee.Pos.Line != 17 {
		t.Fatalf("error %v, want the empty-list error at line 17 (the term cheapest)", err)
	}
}

// Each item costs steps: a budget too small for a long list stops it.
func TestAggregateBudget(t *testing.T) {
	p := compile(t, invoiceSrc)
	var b strings.Builder
	b.WriteString("sum of x for x in [")
	for i := range 500 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("1")
	}
	b.WriteString("]")
	pb := compileWith(t, invoiceSrc, interp.WithStepBudget(200))
	if _, err := pb.Eval(context.Background(), "", b.String(), interp.EvalOptions{}); !errors.Is(err, interp.ErrBudget) {
		t.Fatalf("500 items with a budget of 200 steps: error %v, want ErrBudget", err)
	}
	// 500 ones add up to 500 with the default budget.
	if v, err := p.Eval(context.Background(), "", b.String(), interp.EvalOptions{}); err != nil || v.String() != "500" {
		t.Fatalf("sum of 500 ones = %v, %v; want 500", v, err)
	}
}

func compileWith(t *testing.T, src string, opts ...interp.Option) *interp.Program {
	t.Helper()
	p, err := interp.Compile([]interp.Source{{Name: "a.pacta", Text: []byte(src)}}, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const invoiceRow = `{"action":"invoice","actor":"maker","date":"2027-02-01","number":"A1","lines":[` +
	`{"sku":"W1","family":"Widget","quantity":150,"price":"USD 2.00"},` +
	`{"sku":"G1","family":"Gadget","quantity":10,"price":"30.00"}]}`

// A JSON Lines ledger carries the items as an array of objects, and the
// share counts them: 2% of (150 × 2.00 + 10 × 30.00) = 2% of 600.00 =
// USD 12.00.
func TestLedgerItemsSettle(t *testing.T) {
	p := compile(t, invoiceSrc)
	st, err := p.Settle(context.Background(), p.ReadJSONL("", "l.jsonl", strings.NewReader(invoiceRow+"\n")), interp.SettleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Lines) != 1 || st.Lines[0].Amount.String() != "USD 12.00" {
		t.Fatalf("lines %v, want one of USD 12.00", st.Lines)
	}
}

func TestLedgerItemErrors(t *testing.T) {
	p := compile(t, invoiceSrc)
	head := `{"action":"invoice","actor":"maker","date":"2027-02-01","number":"A1","lines":`
	for _, c := range []struct{ lines, want string }{
		{`[{"sku":"W1","family":"Widget","quantity":"ten","price":"USD 2.00"}]`,
			`l.jsonl:1: field "lines": item 1, field "quantity": "ten" is not a whole number`},
		{`[{"sku":"W1","family":"Widget","quantity":1,"price":"USD 2.00"},{"sku":"W1","family":"Widget","quantity":1}]`,
			`l.jsonl:1: field "lines": item 2, field "price": missing: every line gives sku, family, quantity, price`},
		{`[{"sku":"W1","famly":"Widget","quantity":1,"price":"USD 2.00"}]`,
			`l.jsonl:1: field "lines": item 1, field "famly": a line has no such field (did you mean "family"?)`},
		{`[{"sku":"W1","sku":"W2","family":"Widget","quantity":1,"price":"USD 2.00"}]`,
			`l.jsonl:1: field "lines": item 1, field "sku": appears twice in the item`},
		{`[1]`, `l.jsonl:1: field "lines": item 1: must be an object with the fields of a line (sku, family, quantity, price), not a number`},
		{`"W1"`, `l.jsonl:1: field "lines": must be a list (a JSON array), not a string`},
		{`[{"sku":"W1","family":"Widget","quantity":1e3,"price":"USD 2.00"}]`,
			`l.jsonl:1: field "lines": item 1, field "quantity": "1e3" has an exponent: write the number without an exponent`},
		{`[[[[1]]]]`, `l.jsonl:1: field "lines": arrays and objects nest deeper than a list of items can: an item's fields hold plain values or lists of them`},
	} {
		var got error
		for _, err := range p.ReadJSONL("", "l.jsonl", strings.NewReader(head+c.lines+"}\n")) {
			if err != nil {
				got = err
				break
			}
		}
		if got == nil || got.Error() != c.want {
			t.Errorf("%s:\n got %v\nwant %s", c.lines, got, c.want)
		}
	}
}

// A CSV ledger has one value per cell: a row of an action with a list of
// items is refused, saying to use JSON Lines (SPEC 7.6).
func TestCSVLedgerRefusesItems(t *testing.T) {
	p := compile(t, invoiceSrc)
	for _, csv := range []string{
		"action,actor,date,number\ninvoice,maker,2027-02-01,A1\n",
		"action,actor,date,number,lines\ninvoice,maker,2027-02-01,A1,W1\n",
	} {
		var got error
		for _, err := range p.ReadCSV("", "l.csv", strings.NewReader(csv)) {
			if err != nil {
				got = err
				break
			}
		}
		want := `l.csv:2: field "lines": lines holds a list of line items, which a CSV ledger cannot: a cell holds one value. Write the ledger as JSON Lines (.jsonl), with the items as an array of objects`
		if got == nil || got.Error() != want {
			t.Errorf("%q: error %v, want %s", csv, got, want)
		}
	}
}

// An action given as JSON (decide, the REPL, the server) carries items
// the same way.
func TestParseActionJSONItems(t *testing.T) {
	p := compile(t, invoiceSrc)
	rec, err := p.ParseActionJSON([]byte(strings.Replace(invoiceRow, `{"action":"invoice",`, `{"action":"invoice","agreement":"col",`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	lines, _ := rec.Field("lines")
	// Two items; the second's price read in the agreement's currency.
	if n := len(lines.List()); n != 2 {
		t.Fatalf("%d items, want 2", n)
	}
	price, _ := lines.List()[1].Record().Field("price")
	if price.String() != "USD 30.00" {
		t.Errorf("price of item 2 = %s, want USD 30.00", price)
	}
	_, err = p.ParseActionJSON([]byte(`{"action":"invoice","actor":"maker","date":"2027-02-01","number":"A1","lines":[{"sku":"W1","family":"Widgt","quantity":1,"price":"USD 2.00"}]}`))
	var fe *interp.FieldError
	if !errors.As(err, &fe) || fe.Field != "lines" || !strings.Contains(err.Error(), `item 1, field "family": "Widgt" is not a Family`) {
		t.Errorf("error %v, want item 1's family named", err)
	}
	_, err = p.ParseActionJSON([]byte(`{"action":"invoice","actor":"maker","date":"2027-02-01","number":"A1","lines":"W1"}`))
	if err == nil || err.Error() != `field "lines": is a list of line items: give it as a JSON array of objects` {
		t.Errorf("error %v", err)
	}
}

// The RecordBuilder builds items with the list's ItemBuilder and sets
// them with SetItems; the total is 3 × USD 4.00 = USD 12.00.
func TestRecordBuilderItems(t *testing.T) {
	p := compile(t, invoiceSrc)
	b, err := p.NewRecordBuilder("", "invoice")
	if err != nil {
		t.Fatal(err)
	}
	actor, _ := b.Field("actor", types.KindParty)
	date, _ := b.Field("date", types.KindDate)
	number, _ := b.Field("number", types.KindText)
	lines, err := b.Field("lines", types.KindList)
	if err != nil {
		t.Fatal(err)
	}
	ib, err := b.ItemBuilder(lines)
	if err != nil {
		t.Fatal(err)
	}
	sku, _ := ib.Field("sku", types.KindText)
	fam, _ := ib.Field("family", types.KindEnum)
	qty, _ := ib.Field("quantity", types.KindInteger)
	price, _ := ib.Field("price", types.KindMoney)
	ib.Set(sku, types.TextValue("W1"))
	ib.SetEnum(fam, "Widget")
	ib.Set(qty, types.IntegerValue(3))
	four, _ := types.ParseDecimal("4.00")
	ib.SetMoney(price, four)
	item, err := ib.NewRecord()
	if err != nil {
		t.Fatal(err)
	}
	b.SetParty(actor, "maker")
	day, _ := types.ParseDate("2027-02-01")
	b.Set(date, types.DateValue(day))
	b.Set(number, types.TextValue("B1"))
	b.SetItems(lines, []*types.Record{item})
	rec, err := b.Record()
	if err != nil {
		t.Fatal(err)
	}
	// Settled: 2% of 3 × USD 4.00 = 2% of USD 12.00 = USD 0.24.
	events := func(yield func(interp.Event, error) bool) {
		yield(interp.Event{Record: rec, Source: "b", Line: 1}, nil)
	}
	st, err := p.Settle(context.Background(), events, interp.SettleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Lines) != 1 || st.Lines[0].Amount.String() != "USD 0.24" {
		t.Fatalf("lines %v, want one of USD 0.24", st.Lines)
	}
	// An item of another type is refused: the invoice itself is no line.
	b.SetItems(lines, []*types.Record{rec})
	if _, err := b.Record(); err == nil || !strings.Contains(err.Error(), "item 1: must be a line") {
		t.Errorf("error %v, want item 1 refused", err)
	}
	// A field handle that holds no items has no item builder.
	if _, err := b.ItemBuilder(number); err == nil {
		t.Error("ItemBuilder of a text field: no error")
	}
}

// FuzzLedgerItems reads arbitrary JSON Lines and action JSON against an
// action with a list of items: nothing may panic, and every problem names
// the ledger line, in Pacta's words.
//
//	go test ./interp -run '^$' -fuzz FuzzLedgerItems -fuzztime 1m
func FuzzLedgerItems(f *testing.F) {
	f.Add(invoiceRow)
	f.Add(`{"action":"invoice","actor":"maker","date":"2027-02-01","number":"A1","lines":[{"sku":"W1","family":"Widget","quantity":1,"price":"USD 2.00","x":[1,[2]]}]}`)
	f.Add(`{"action":"invoice","lines":[null,{},[],{"a":{"b":1}}]}`)
	f.Add(`{"action":"invoice","actor":"maker","date":"2027-02-01","number":"A1","lines":[{"sku":"W1"`)
	p, err := interp.Compile([]interp.Source{{Name: "a.pacta", Text: []byte(invoiceSrc)}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, row string) {
		if len(row) > 16<<10 {
			return
		}
		for _, err := range p.ReadJSONL("", "l.jsonl", strings.NewReader(row)) {
			if err == nil {
				continue
			}
			var le *interp.LedgerError
			if !errors.As(err, &le) || le.Line < 1 || err.Error() == "" {
				t.Fatalf("unpositioned error %v", err)
			}
			if w := internalsIn(err.Error(), row); w != "" {
				t.Fatalf("the error shows %q: %.400s", w, err)
			}
		}
		if _, err := p.ParseActionJSON([]byte(row)); err != nil {
			if w := internalsIn(err.Error(), row); w != "" {
				t.Fatalf("the error shows %q: %.400s", w, err)
			}
		}
	})
}

// An item is no action or event: deciding or settling one is an error,
// never a panic, and a test's item givens are not settled as events.
func TestItemIsNoEvent(t *testing.T) {
	p := compile(t, invoiceSrc+`
agreement t2 "Tests" {
  effective 2027-01-01
  currency USD
  party m "M"
  party d "D"
  action invoice { lines list of line { price money } }
  term total(i invoice) = sum of l.price for l in i.lines
  clause 1 "Rebate" m pays d 10% of total of each invoice
  test "items given alone" {
    given l = line { price: USD 5.00 }
    given i = invoice by m { date: 2027-02-01, lines: [l, l] }
    // 10% of (5.00 + 5.00) = 1.00.
    expect m pays d USD 1.00 for 2027-Q1
  }
}
`)
	rep, err := p.RunTests(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed() > 0 {
		t.Fatalf("tests failed: %+v", rep)
	}
	rec, err := p.ParseActionJSON([]byte(strings.Replace(invoiceRow, `{"action":"invoice",`, `{"action":"invoice","agreement":"col",`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	lines, _ := rec.Field("lines")
	item := lines.List()[0].Record()
	if _, err := p.Decide(context.Background(), item, interp.DecideOptions{}); err == nil {
		t.Error("deciding an item: no error")
	}
	events := func(yield func(interp.Event, error) bool) {
		yield(interp.Event{Record: item, Source: "x", Line: 1}, nil)
	}
	if _, err := p.Settle(context.Background(), events, interp.SettleOptions{Agreement: "col"}); err == nil || !strings.Contains(err.Error(), "line is the type of the items of a list") {
		t.Errorf("settling an item: error %v", err)
	}
}

// A chain of aggregate words that never reaches `for` (`sum of sum of …
// x`) is read as names and the `of` operator, each position tried once:
// before, every level was tried twice, and 26 levels took 45 seconds to
// check. 190 levels (under the nesting limit of 200) now check at once.
func TestAggregateWordsChainIsLinear(t *testing.T) {
	src := `agreement a "A" { term t = ` + strings.Repeat("sum of ", 190) + `x }`
	start := time.Now()
	_, err := compileErr(src)
	if err == nil {
		t.Fatal("no error for an unknown name")
	}
	if took := time.Since(start); took > slackTime(2*time.Second) {
		t.Fatalf("checking took %v", took)
	}
}
