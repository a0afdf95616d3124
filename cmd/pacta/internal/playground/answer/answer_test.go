package answer

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// dealSrc is a small agreement whose answers are worked out by hand:
// clause 1 prohibits sales through the Store, clause 2 takes 10% of the
// gross of every sale, settled per quarter.
const dealSrc = `agreement deal "Deal" {
  effective 2026-01-01
  currency USD
  rounding half_even to 0.01

  party seller   "Seller Ltd"
  party platform "Platform Inc"

  kind Channel = Web | Store

  action sell {
    channel Channel
    gross   money
  }

  clause 1 "Store exclusion"
    "The seller shall not sell through the Store."
    seller must not sell where channel == Store

  clause 2 "Commission"
    "The seller pays the platform ten percent of the gross of each sale."
    seller pays platform 10% of gross of each sell by seller
      settled quarterly
      due 30 days after period end

  test "Web sales are allowed" {
    given s = sell by seller { channel: Web, date: 2026-02-10, gross: USD 100.00 }
    expect s is not covered
  }
}
`

func deal() Request { return Request{Sources: []Source{{Name: "deal.pacta", Text: dealSrc}}} }

func TestCheck(t *testing.T) {
	var s Session
	r := s.Check(deal())
	if !r.OK || len(r.Problems) != 0 || strings.Join(r.Agreements, ",") != "deal" {
		t.Fatalf("good source: %+v", r)
	}
	// "sellr" is on line 18 (the clause's rule), from column 5.
	bad := deal()
	bad.Sources[0].Text = strings.Replace(dealSrc, "    seller must not", "    sellr must not", 1)
	r = s.Check(bad)
	if r.OK || len(r.Problems) != 1 {
		t.Fatalf("bad source: %+v", r)
	}
	p := r.Problems[0]
	if p.File != "deal.pacta" || p.Line != 18 || p.Col != 5 || p.Message != `unknown party "sellr"` || p.Hint != `did you mean "seller"?` {
		t.Errorf("problem %+v", p)
	}
	// As pacta check prints it: the line indented by four spaces, the
	// caret under column 5 of it (4 + 4 spaces before it).
	want := "deal.pacta:18:5: unknown party \"sellr\"\n        sellr must not sell where channel == Store\n        ^\n    did you mean \"seller\"?\n"
	if r.Rendered != want {
		t.Errorf("rendered\n%s\nwant\n%s", r.Rendered, want)
	}
	// Every other question answers with the same problems.
	bad.Action = `{"action":"sell","actor":"seller","date":"2026-02-10","channel":"Web","gross":"USD 100.00"}`
	if d := s.Decide(context.Background(), bad); d.OK || len(d.Problems) != 1 || d.Rendered != want {
		t.Errorf("decide on a bad source: %+v", d)
	}
	if r := s.Check(Request{}); r.OK || r.Error == nil || r.Error.Message != "no source given" {
		t.Errorf("no source: %+v", r)
	}
}

// TestSameBytes: the answers are the library's own text and JSON.
func TestSameBytes(t *testing.T) {
	ctx := context.Background()
	p, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(dealSrc)}})
	if err != nil {
		t.Fatal(err)
	}
	var s Session
	req := deal()
	req.Action = `{"action":"sell","actor":"seller","date":"2026-02-10","channel":"Store","gross":"USD 100.00"}`
	rec, err := p.ParseActionJSON([]byte(req.Action))
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Decide(ctx, rec, interp.DecideOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var text, js bytes.Buffer
	d.WriteText(&text)
	d.WriteJSON(&js)
	r := s.Decide(ctx, req)
	if !r.OK || r.Text != text.String() || string(r.JSON) != strings.TrimSpace(js.String()) {
		t.Errorf("decide: %+v\nwant text %s\njson %s", r, text.String(), js.String())
	}
	if !strings.HasPrefix(r.Text, `prohibited by 1 "Store exclusion"`) {
		t.Errorf("decide: %s", r.Text)
	}

	rep, err := p.RunTests(ctx)
	if err != nil {
		t.Fatal(err)
	}
	text.Reset()
	rep.WriteText(&text)
	if r := s.Test(ctx, req); !r.OK || r.Text != text.String() || r.Failed != 0 {
		t.Errorf("test: %+v\nwant %s", r, text.String())
	}
}

func TestSettle(t *testing.T) {
	ctx := context.Background()
	var s Session
	req := deal()
	// 10% of USD 100.00 = 10.00 and 10% of USD 250.05 = 25.005; the
	// quarter's line is 35.005 rounded half-even to the cent, 35.00 (and
	// rounding each sale first gives 10.00 + 25.00 = 35.00 too).
	req.Ledger = "action,actor,date,channel,gross\nsell,seller,2026-02-10,Web,USD 100.00\nsell,seller,2026-03-01,Web,USD 250.05\n"
	req.Period = "2026-Q1"
	r := s.Settle(ctx, req)
	if !r.OK || !strings.Contains(r.Text, "USD 35.00") {
		t.Fatalf("settle: %+v", r)
	}
	// The same rows as JSON Lines give the same statement.
	jl := req
	jl.Ledger = `{"action":"sell","actor":"seller","date":"2026-02-10","channel":"Web","gross":"USD 100.00"}
{"action":"sell","actor":"seller","date":"2026-03-01","channel":"Web","gross":"USD 250.05"}
`
	if r2 := s.Settle(ctx, jl); r2.Text != r.Text {
		t.Errorf("JSON Lines: %+v", r2)
	}
	// A bad row: its line and field, and no statement.
	bad := req
	bad.Ledger = strings.Replace(req.Ledger, "2026-03-01,Web", "2026-03-01,Shop", 1)
	r = s.Settle(ctx, bad)
	if r.OK || r.Text != "" || r.Error == nil || r.Error.File != "ledger" || r.Error.Line != 3 || r.Error.Field != "channel" {
		t.Errorf("bad row: %+v %+v", r, r.Error)
	}
	if r := s.Settle(ctx, deal()); r.OK || r.Error == nil || !strings.Contains(r.Error.Message, "no ledger") {
		t.Errorf("no ledger: %+v", r)
	}
	per := req
	per.Period = "2026-Q5"
	if r := s.Settle(ctx, per); r.OK || r.Error == nil || !strings.HasPrefix(r.Error.Message, "period: ") {
		t.Errorf("bad period: %+v", r)
	}
}

func TestDecideErrors(t *testing.T) {
	ctx := context.Background()
	var s Session
	for _, c := range []struct{ action, field, msg string }{
		{``, "", "no action given"},
		{`{"action":"sell","actor":"seller","date":"2026-02-10","channel":"Shop","gross":"USD 1.00"}`, "channel", `"Shop"`},
		{`{"action":"sell","actor":"seller","date":"2026-02-10","channel":"Web"}`, "gross", "missing"},
		{`{"action":`, "", "JSON"},
	} {
		req := deal()
		req.Action = c.action
		r := s.Decide(ctx, req)
		if r.OK || r.Error == nil || r.Error.Field != c.field || !strings.Contains(r.Error.Message, c.msg) {
			t.Errorf("%s: %+v %+v", c.action, r, r.Error)
		}
	}
}

func TestRenderAndVet(t *testing.T) {
	ctx := context.Background()
	var s Session
	r := s.Render(ctx, deal())
	if !r.OK || !strings.HasPrefix(r.HTML, "<!DOCTYPE html>") || !strings.Contains(r.HTML, "Store exclusion") {
		t.Errorf("render: ok %v, %.200s", r.OK, r.HTML)
	}
	v := s.Vet(ctx, deal())
	var rep struct {
		Findings []json.RawMessage `json:"findings"`
		Errors   int               `json:"errors"`
	}
	if !v.OK || json.Unmarshal(v.JSON, &rep) != nil || rep.Errors != v.Failed {
		t.Errorf("vet: %+v", v)
	}
	if r := s.Ask(ctx, "nonsense", deal()); r.OK || r.Error == nil {
		t.Errorf("unknown question: %+v", r)
	}
}

// TestSessionCompilesOnce: questions about the same sources share one
// compilation; another source is compiled anew.
func TestSessionCompilesOnce(t *testing.T) {
	var s Session
	p1, _, _ := s.compile(deal().Sources)
	p2, _, _ := s.compile(deal().Sources)
	if p1 == nil || p1 != p2 {
		t.Errorf("compiled twice: %p %p", p1, p2)
	}
	other := deal()
	other.Sources[0].Text += "\n"
	if p3, _, _ := s.compile(other.Sources); p3 == p1 {
		t.Error("a changed source was not compiled")
	}
}
