package server

import (
	"encoding/json"
	"strings"
	"testing"
)

// An action carrying a list of items (SPEC 4.5.1) is decided through the
// server as through the library, and a bad item is a 422 bad_field
// naming the list field, the item and the item's field.
func TestDecideItems(t *testing.T) {
	s, _ := newServer(t, Config{}, map[string]string{"inv.pacta": `agreement inv "Invoices" {
  effective 2026-01-01
  currency USD
  party seller "Seller"
  action invoice { lines list of line { sku text, quantity integer } }
  // A line of more than 100 units makes the invoice prohibited.
  clause 1 "Small orders only" seller must not invoice where any of l.quantity > 100 for l in invoice.lines
}
`})
	for _, c := range []struct {
		quantities string
		verdict    string
	}{
		{`[{"sku":"A","quantity":10},{"sku":"B","quantity":150}]`, "prohibited"},  // 150 > 100
		{`[{"sku":"A","quantity":10},{"sku":"B","quantity":100}]`, "not covered"}, // neither > 100
	} {
		body := `{"action":"invoice","actor":"seller","date":"2026-02-10","lines":` + c.quantities + `}`
		code, out := do(t, s, "POST", "/v1/decide", "application/json", strings.NewReader(body))
		if code != 200 {
			t.Fatalf("status %d: %s", code, out)
		}
		var d struct{ Verdict string }
		json.Unmarshal([]byte(out), &d)
		if d.Verdict != c.verdict {
			t.Errorf("%s: verdict %q, want %q", c.quantities, d.Verdict, c.verdict)
		}
	}
	code, out := do(t, s, "POST", "/v1/decide", "application/json",
		strings.NewReader(`{"action":"invoice","actor":"seller","date":"2026-02-10","lines":[{"sku":"A","quantity":"x"}]}`))
	if e := errorOf(t, out); code != 422 || e.Code != "bad_field" || e.Message != `field "lines": item 1, field "quantity": "x" is not a whole number` {
		t.Errorf("bad item: status %d: %s", code, out)
	}
}
