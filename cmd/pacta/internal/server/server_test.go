package server

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pacta-lang/pacta/interp"
)

// dealSrc is a small agreement whose answers the tests work out by hand:
// clause 1 prohibits sales through the Store, clause 2 takes 10% of the
// gross of every sale per quarter, rounded half-even to the cent.
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

  term gross_of(s sell) = s.gross
    "Gross means the price paid."

  clause 1 "Store exclusion"
    "The seller shall not sell through the Store."
    seller must not sell where channel == Store

  clause 2 "Commission"
    "The seller pays the platform ten percent of the gross of each sale."
    seller pays platform 10% of gross_of of each sell by seller
      settled quarterly
      due 30 days after period end
}
`

const (
	webSale   = `{"action":"sell","actor":"seller","date":"2026-02-10","channel":"Web","gross":"USD 100.00"}`
	storeSale = `{"action":"sell","actor":"seller","date":"2026-02-10","channel":"Store","gross":"USD 100.00"}`
)

// newServer serves the files of srcs (name → text), written to a
// temporary directory, with cfg's limits; it never polls (tests reload
// by hand).
func newServer(t testing.TB, cfg Config, srcs map[string]string) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for name, text := range srcs {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	cfg.Files = func() ([]string, error) { return files, nil }
	if cfg.Poll == 0 {
		cfg.Poll = -1
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

func dealServer(t testing.TB, cfg Config) *Server {
	s, _ := newServer(t, cfg, map[string]string{"deal.pacta": dealSrc})
	return s
}

// do sends a request to s and returns the status and body.
func do(t *testing.T, s *Server, method, target, ctype string, body io.Reader) (int, string) {
	t.Helper()
	rec := doReader(s, method, target, ctype, body)
	return rec.Code, rec.Body.String()
}

func doReader(s *Server, method, target, ctype string, body io.Reader) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, body)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}

func doRec(s *Server, method, target, ctype, body string) *httptest.ResponseRecorder {
	return doReader(s, method, target, ctype, strings.NewReader(body))
}

// errorOf reads an error response, failing unless it has the one shape
// of every error.
func errorOf(t *testing.T, body string) apiError {
	t.Helper()
	var doc struct {
		Error *apiError `json:"error"`
	}
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil || doc.Error == nil || doc.Error.Code == "" || doc.Error.Message == "" {
		t.Fatalf("not an error response (%v): %s", err, body)
	}
	return *doc.Error
}

func TestDecideOne(t *testing.T) {
	s := dealServer(t, Config{})
	code, body := do(t, s, "POST", "/v1/decide", "application/json", strings.NewReader(webSale))
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	var d struct{ Verdict, Effect string }
	json.Unmarshal([]byte(body), &d)
	// No clause covers a web sale (clause 1 is about the Store only), and
	// the agreement's default is permitted.
	if d.Verdict != "not covered" || d.Effect != "permitted" {
		t.Errorf("web sale: got %s/%s, want not covered/permitted: %s", d.Verdict, d.Effect, body)
	}
	code, body = do(t, s, "POST", "/v1/decide", "", strings.NewReader(storeSale))
	if code != 200 || !strings.Contains(body, `"verdict":"prohibited"`) || !strings.Contains(body, `"number":"1"`) {
		t.Errorf("store sale, no Content-Type: want prohibited by 1, got %d %s", code, body)
	}
}

func TestDecideErrors(t *testing.T) {
	s := dealServer(t, Config{MaxBody: 400})
	for _, tc := range []struct {
		name, ctype, body string
		status            int
		code, position    string
		field             string
	}{
		{"bad JSON", "application/json", `{"action":"sell",`, 400, "bad_json", "", ""},
		{"JSON Lines sent as JSON", "application/json", webSale + "\n" + storeSale, 400, "bad_json", "", ""},
		{"not an object", "application/json", `"sell"`, 400, "bad_json", "", ""},
		{"empty", "application/json", ``, 400, "no_action", "", ""},
		{"wrong content type", "text/csv", webSale, 415, "unsupported_media_type", "", ""},
		{"unknown agreement", "application/json", `{"agreement":"nope","action":"sell","actor":"seller","date":"2026-02-10","channel":"Web","gross":"USD 1.00"}`, 404, "unknown_agreement", "", ""},
		{"unknown action", "application/json", `{"action":"buy","actor":"seller","date":"2026-02-10"}`, 422, "unknown_action", "", ""},
		{"bad field", "application/json", `{"action":"sell","actor":"seller","date":"2026-02-10","channel":"Shop","gross":"USD 1.00"}`, 422, "bad_field", "", "channel"},
		// The second element of the array is bad JSON: it is named [1],
		// and no decision is sent for the first.
		{"bad element", "application/json", `[` + webSale + `, 7]`, 400, "bad_json", "[1]", ""},
		// Line 3 of JSON Lines (line 2 is blank) names a channel that
		// does not exist.
		{"bad line", "application/x-ndjson", webSale + "\n\n" + strings.Replace(webSale, "Web", "Shop", 1) + "\n", 422, "bad_field", "body:3", "channel"},
		{"oversized", "application/json", "[" + strings.Repeat(webSale+",", 4) + webSale + "]", 413, "too_large", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := do(t, s, "POST", "/v1/decide", tc.ctype, strings.NewReader(tc.body))
			e := errorOf(t, body)
			if code != tc.status || e.Code != tc.code || e.Position != tc.position || e.Field != tc.field {
				t.Errorf("got %d %q at %q field %q, want %d %q at %q field %q: %s", code, e.Code, e.Position, e.Field, tc.status, tc.code, tc.position, tc.field, body)
			}
			if strings.Contains(body, "verdict") {
				t.Errorf("a decision was sent with the error: %s", body)
			}
		})
	}
	// JSON Lines sent as one JSON document: the error says how to send them.
	if _, body := do(t, s, "POST", "/v1/decide", "application/json", strings.NewReader(webSale+"\n"+storeSale+"\n")); !strings.Contains(errorOf(t, body).Message, "application/x-ndjson") {
		t.Errorf("JSON Lines as JSON: %s", body)
	}
	// An oversized body without a Content-Length is cut off as it is read.
	big := io.MultiReader(strings.NewReader("["+webSale), strings.NewReader(strings.Repeat(","+webSale, 10)+"]"))
	code, body := do(t, s, "POST", "/v1/decide", "application/json", big)
	if e := errorOf(t, body); code != 413 || e.Code != "too_large" {
		t.Errorf("streamed oversized body: got %d %s", code, body)
	}
	code, body = do(t, s, "GET", "/v1/decide", "", nil)
	if e := errorOf(t, body); code != 405 || e.Code != "method_not_allowed" {
		t.Errorf("GET /v1/decide: got %d %s", code, body)
	}
	code, body = do(t, s, "GET", "/v1/nothing", "", nil)
	if e := errorOf(t, body); code != 404 || e.Code != "not_found" {
		t.Errorf("GET /v1/nothing: got %d %s", code, body)
	}
}

// ledgerCSV has two sales in 2026-Q1 by the web: 10% of USD 1,000.00 +
// USD 2,345.67 = 10% of USD 3,345.67 = USD 334.567, which rounds half-even
// to USD 334.57, due 30 days after 2026-03-31, on 2026-04-30.
const ledgerCSV = "action,actor,date,channel,gross\n" +
	"sell,seller,2026-01-10,Web,\"USD 1,000.00\"\n" +
	"sell,seller,2026-02-10,Web,\"USD 2,345.67\"\n"

func TestSettle(t *testing.T) {
	s := dealServer(t, Config{})
	code, body := do(t, s, "POST", "/v1/settle?period=2026-Q1", "text/csv", strings.NewReader(ledgerCSV))
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	var st struct {
		Events  int `json:"events"`
		Periods []struct {
			Period string `json:"period"`
			Lines  []struct {
				Amount, Due, Base string
			} `json:"lines"`
		} `json:"periods"`
	}
	if err := json.Unmarshal([]byte(body), &st); err != nil {
		t.Fatal(err)
	}
	if st.Events != 2 || len(st.Periods) != 1 || st.Periods[0].Period != "2026-Q1" || len(st.Periods[0].Lines) != 1 {
		t.Fatalf("want one line in 2026-Q1 from 2 events: %s", body)
	}
	l := st.Periods[0].Lines[0]
	if l.Amount != "334.57" || l.Base != "3345.67" || l.Due != "2026-04-30" {
		t.Errorf("got %s on %s due %s, want 334.57 on 3345.67 due 2026-04-30", l.Amount, l.Base, l.Due)
	}
	// The same ledger as JSON Lines gives the same statement.
	jsonl := `{"action":"sell","actor":"seller","date":"2026-01-10","channel":"Web","gross":"USD 1,000.00"}` + "\n" +
		`{"action":"sell","actor":"seller","date":"2026-02-10","channel":"Web","gross":"USD 2,345.67"}` + "\n"
	code2, body2 := do(t, s, "POST", "/v1/settle?period=2026-Q1", "application/x-ndjson", strings.NewReader(jsonl))
	if code2 != 200 || body2 != body {
		t.Errorf("JSON Lines: got %d\n%s\nwant the CSV's\n%s", code2, body2, body)
	}
}

// TestSettleFiscalPeriod: period takes a fiscal period as pacta settle
// --period does, by the agreement's fiscal year. With the year starting in
// July, FY2028-Q1 is 2027-07-01 to 2027-09-30: the sale of 2027-07-05
// falls in it, 10% x USD 500.00 = USD 50.00; that of 2027-10-06 does not.
func TestSettleFiscalPeriod(t *testing.T) {
	src := `agreement a "A" {
  effective 2027-01-01
  currency USD
  fiscal year starts July

  party r "R"
  party v "V"

  action sell { amount money }

  clause 1 "Share" r pays v 10% of amount of each sell by r settled quarterly
}
`
	ledger := "action,actor,date,amount\nsell,r,2027-07-05,USD 500.00\nsell,r,2027-10-06,\"USD 2,000.00\"\n"
	s, _ := newServer(t, Config{}, map[string]string{"fy.pacta": src})
	code, body := do(t, s, "POST", "/v1/settle?period=FY2028-Q1", "text/csv", strings.NewReader(ledger))
	if code != 200 || !strings.Contains(body, `"from": "2027-07-01"`) || !strings.Contains(body, `"to": "2027-09-30"`) ||
		!strings.Contains(body, `"amount": "50.00"`) || strings.Contains(body, `"amount": "200.00"`) {
		t.Errorf("FY2028-Q1: %d %s", code, body)
	}
	for _, tc := range []struct {
		query  string
		status int
		code   string
	}{
		{"period=FY2028-Q5", 400, "bad_query"},
		{"period=FY2028&agreement=zz", 404, "unknown_agreement"},
	} {
		code, body := do(t, s, "POST", "/v1/settle?"+tc.query, "text/csv", strings.NewReader(ledger))
		if e := errorOf(t, body); code != tc.status || e.Code != tc.code {
			t.Errorf("%s: got %d %s", tc.query, code, body)
		}
	}
}

func TestSettleErrors(t *testing.T) {
	s := dealServer(t, Config{MaxBody: 1000})
	// Line 4 (the header is line 1) names a channel that does not exist,
	// after two good rows: the answer names line 4 and the field, and
	// holds nothing of a statement.
	bad := ledgerCSV + "sell,seller,2026-02-11,Shop,USD 5.00\n" + "sell,seller,2026-02-12,Web,USD 5.00\n"
	for _, tc := range []struct {
		name, query, ctype, body string
		status                   int
		code, position, field    string
	}{
		{"ledger error mid-stream", "", "text/csv", bad, 422, "bad_ledger", "body:4", "channel"},
		{"wrong content type", "", "application/json", ledgerCSV, 415, "unsupported_media_type", "", ""},
		{"unknown agreement", "?agreement=nope", "text/csv", ledgerCSV, 404, "unknown_agreement", "", ""},
		{"bad period", "?period=2026-Q5", "text/csv", ledgerCSV, 400, "bad_query", "", ""},
		{"period and from", "?period=2026-Q1&from=2026-01-01", "text/csv", ledgerCSV, 400, "bad_query", "", ""},
		{"to before from", "?from=2026-02-01&to=2026-01-01", "text/csv", ledgerCSV, 400, "bad_query", "", ""},
		{"oversized", "", "text/csv", ledgerCSV + strings.Repeat("sell,seller,2026-02-12,Web,USD 5.00\n", 30), 413, "too_large", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := do(t, s, "POST", "/v1/settle"+tc.query, tc.ctype, strings.NewReader(tc.body))
			e := errorOf(t, body)
			if code != tc.status || e.Code != tc.code || e.Position != tc.position || e.Field != tc.field {
				t.Errorf("got %d %q at %q field %q, want %d %q at %q field %q: %s", code, e.Code, e.Position, e.Field, tc.status, tc.code, tc.position, tc.field, body)
			}
		})
	}
	// A ledger over the limit that comes without a Content-Length is cut
	// off mid-stream: 413, and no statement.
	rows := io.MultiReader(strings.NewReader(ledgerCSV), strings.NewReader(strings.Repeat("sell,seller,2026-02-12,Web,USD 5.00\n", 30)))
	code, body := do(t, s, "POST", "/v1/settle", "text/csv", rows)
	if e := errorOf(t, body); code != 413 || e.Code != "too_large" {
		t.Errorf("streamed oversized ledger: got %d %s", code, body)
	}
}

// endless is a ledger that never ends: a header, then a sale every
// millisecond.
type endless struct{ header bool }

func (e *endless) Read(p []byte) (int, error) {
	if !e.header {
		e.header = true
		return copy(p, "action,actor,date,channel,gross\n"), nil
	}
	time.Sleep(time.Millisecond)
	return copy(p, "sell,seller,2026-01-10,Web,USD 1.00\n"), nil
}

func TestTimeout(t *testing.T) {
	s := dealServer(t, Config{Timeout: 50 * time.Millisecond})
	start := time.Now()
	code, body := do(t, s, "POST", "/v1/settle", "text/csv", &endless{})
	if e := errorOf(t, body); code != 503 || e.Code != "timeout" {
		t.Errorf("endless ledger: got %d %s, want 503 timeout", code, body)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the timeout of 50ms took %v", d)
	}
}

func TestStepBudget(t *testing.T) {
	// f(0) spends 1 for the call, then 1 per element that `in` compares:
	// 0 is in none of the 10, so 1 + 10 = 11 steps (SPEC 13), more than a
	// budget of 5.
	src := `agreement b "B" {
  effective 2026-01-01
  term big = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
  term f(x integer) = x in big
}
`
	s, _ := newServer(t, Config{Options: []interp.Option{interp.WithStepBudget(5)}}, map[string]string{"b.pacta": src})
	code, body := do(t, s, "POST", "/v1/eval", "application/json", strings.NewReader(`{"expr":"f(0)"}`))
	if e := errorOf(t, body); code != 422 || e.Code != "step_budget" || e.Position == "" {
		t.Errorf("got %d %s, want 422 step_budget with a position", code, body)
	}
	// f(1) stops at the first element compared: a few steps, within the
	// budget.
	code, body = do(t, s, "POST", "/v1/eval", "application/json", strings.NewReader(`{"expr":"f(1)"}`))
	if code != 200 || !strings.Contains(body, `"text":"true"`) {
		t.Errorf("f(1): got %d %s", code, body)
	}
}

func TestEval(t *testing.T) {
	s := dealServer(t, Config{})
	code, body := do(t, s, "POST", "/v1/eval", "application/json", strings.NewReader(`{"expr":"10% of USD 1,234.50"}`))
	// 0.10 × 1,234.50 = 123.4500 exactly (scale 2 + 2); as money it is
	// written rounded to the cent.
	want := `{"value":{"kind":"money","value":"123.4500","currency":"USD"},"text":"USD 123.45","type":"money(USD)"}` + "\n"
	if code != 200 || body != want {
		t.Errorf("got %d %s, want %s", code, body, want)
	}
	code, body = do(t, s, "POST", "/v1/eval?agreement=deal", "text/plain", strings.NewReader(`gross_of(sell by seller { channel: Web, gross: USD 7.00, date: 2026-03-01 })`))
	if code != 200 || !strings.Contains(body, `"text":"USD 7.00"`) {
		t.Errorf("text/plain with a term: got %d %s", code, body)
	}
	for _, tc := range []struct {
		name, ctype, body string
		status            int
		code, position    string
	}{
		{"bad JSON", "application/json", `{"expr":`, 400, "bad_json", ""},
		{"unknown member", "application/json", `{"expression":"1"}`, 400, "bad_json", ""},
		{"no expression", "application/json", `{}`, 400, "no_expr", ""},
		{"wrong content type", "text/csv", `1`, 415, "unsupported_media_type", ""},
		{"unknown agreement", "application/json", `{"expr":"1","agreement":"nope"}`, 404, "unknown_agreement", ""},
		// `1 + ` ends early: the problem is at the end, column 5.
		{"syntax error", "application/json", `{"expr":"1 + "}`, 422, "bad_source", "<expr>:1:5"},
		// USD 1.00 / 0: the division at column 1 fails.
		{"division by zero", "application/json", `{"expr":"USD 1.00 / 0"}`, 422, "eval_error", "<expr>:1:1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := do(t, s, "POST", "/v1/eval", tc.ctype, strings.NewReader(tc.body))
			e := errorOf(t, body)
			if code != tc.status || e.Code != tc.code || e.Position != tc.position {
				t.Errorf("got %d %q at %q, want %d %q at %q: %s", code, e.Code, e.Position, tc.status, tc.code, tc.position, body)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	s := dealServer(t, Config{})
	// Line 2, column 13 is where the date starts: two spaces, then
	// "effective " (10 characters), so 2 + 10 + 1.
	src := "agreement x \"X\" {\n  effective 2026-13-01\n}\n"
	code, body := do(t, s, "POST", "/v1/check?name=x.pacta", "text/plain", strings.NewReader(src))
	var resp checkResponse
	if err := json.Unmarshal([]byte(body), &resp); err != nil || code != 200 {
		t.Fatalf("%d %v: %s", code, err, body)
	}
	if resp.OK || len(resp.Problems) != 1 || resp.Problems[0].File != "x.pacta" || resp.Problems[0].Line != 2 || resp.Problems[0].Col != 13 {
		t.Errorf("want one problem at x.pacta:2:13: %s", body)
	}
	code, body = do(t, s, "POST", "/v1/check", "application/json", strings.NewReader(`{"sources":[{"name":"deal.pacta","text":`+jsonString(dealSrc)+`}]}`))
	if want := `{"ok":true,"files":["deal.pacta"],"problems":[],"omitted":0}` + "\n"; code != 200 || body != want {
		t.Errorf("a good source: got %d %s, want %s", code, body, want)
	}
	code, body = do(t, s, "POST", "/v1/check", "application/json", strings.NewReader(`{"sources":[`))
	if e := errorOf(t, body); code != 400 || e.Code != "bad_json" {
		t.Errorf("bad JSON: got %d %s", code, body)
	}
	code, body = do(t, s, "POST", "/v1/check", "text/csv", strings.NewReader(src))
	if e := errorOf(t, body); code != 415 || e.Code != "unsupported_media_type" {
		t.Errorf("wrong content type: got %d %s", code, body)
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestAgreements(t *testing.T) {
	s, _ := newServer(t, Config{}, map[string]string{
		"deal.pacta": dealSrc,
		"amend.pacta": `amendment open_store "Store opening" amends deal {
  effective 2026-07-01
  delete clause 1
}
`})
	code, body := do(t, s, "GET", "/v1/agreements", "", nil)
	// The agreement's parties, kinds and schemas are held in maps: the
	// answer must not depend on their order.
	for i := 0; i < 20; i++ {
		if _, again := do(t, s, "GET", "/v1/agreements", "", nil); again != body {
			t.Fatalf("two answers differ:\n%s\n%s", body, again)
		}
	}
	var doc agreementsJSON
	if err := json.Unmarshal([]byte(body), &doc); err != nil || code != 200 {
		t.Fatalf("%d %v: %s", code, err, body)
	}
	if len(doc.Agreements) != 1 {
		t.Fatalf("want one agreement: %s", body)
	}
	a := doc.Agreements[0]
	if a.ID != "deal" || a.Currency != "USD" || a.Effective != "2026-01-01" || len(a.Parties) != 2 || a.Parties[0].ID != "seller" {
		t.Errorf("header: %+v", a)
	}
	if len(a.Versions) != 2 || a.Versions[1].Amendment != "open_store" || a.Versions[1].Effective != "2026-07-01" {
		t.Errorf("versions: %+v", a.Versions)
	}
	// Clause 1 was made by the agreement and deleted from 2026-07-01;
	// clause 2 has one version.
	if len(a.Clauses) != 2 || a.Clauses[0].Number != "1" || len(a.Clauses[0].Versions) != 2 ||
		a.Clauses[0].Versions[1].Change != "deleted" || a.Clauses[0].Versions[1].From != "2026-07-01" ||
		a.Clauses[1].Number != "2" || a.Clauses[1].Versions[0].Title != "Commission" {
		t.Errorf("clauses: %+v", a.Clauses)
	}
	if len(a.Actions) != 1 || a.Actions[0].Name != "sell" {
		t.Fatalf("actions: %+v", a.Actions)
	}
	types := map[string]string{}
	for _, f := range a.Actions[0].Fields {
		types[f.Name] = f.Type
	}
	if types["channel"] != "Channel" || types["gross"] != "money(USD)" || types["date"] != "date" {
		t.Errorf("fields: %+v", a.Actions[0].Fields)
	}
}

func TestClauseOrder(t *testing.T) {
	nums := []string{"10", "2.10", "a1", "2.2", "3", "2", "3.1.2", "b", "3.1"}
	sort.Slice(nums, func(i, j int) bool { return clauseLess(nums[i], nums[j]) })
	if got, want := strings.Join(nums, " "), "2 2.2 2.10 3 3.1 3.1.2 10 a1 b"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestSchemaRoute(t *testing.T) {
	s := dealServer(t, Config{})
	code, body := do(t, s, "GET", "/v1/schema/decision.schema.json", "", nil)
	if code != 200 || !strings.Contains(body, `"$id": "https://github.com/pacta-lang/pacta/interp/schema/decision.schema.json"`) {
		t.Errorf("got %d %.200s", code, body)
	}
	code, body = do(t, s, "GET", "/v1/schema/nope.json", "", nil)
	if e := errorOf(t, body); code != 404 || e.Code != "not_found" {
		t.Errorf("unknown schema: got %d %s", code, body)
	}
}

func TestMetrics(t *testing.T) {
	s := dealServer(t, Config{})
	do(t, s, "POST", "/v1/decide", "application/json", strings.NewReader(webSale))
	do(t, s, "POST", "/v1/decide", "application/json", strings.NewReader(storeSale))
	do(t, s, "POST", "/v1/decide", "application/json", strings.NewReader("{"))
	code, body := do(t, s, "GET", "/metrics", "", nil)
	if code != 200 {
		t.Fatal(code)
	}
	for _, want := range []string{
		"pacta_http_requests_total{route=\"/v1/decide\",code=\"200\"} 2\n",
		"pacta_http_requests_total{route=\"/v1/decide\",code=\"400\"} 1\n",
		"pacta_http_request_duration_seconds_count{route=\"/v1/decide\"} 3\n",
		"pacta_http_request_duration_seconds_bucket{route=\"/v1/decide\",le=\"+Inf\"} 3\n",
		"pacta_reloads_total 0\n",
		"pacta_reload_errors_total 0\n",
		"pacta_program_generation 1\n",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
	// Every sample line is NAME{LABELS} VALUE or NAME VALUE, after its
	// HELP and TYPE.
	typed := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
		if strings.HasPrefix(line, "# TYPE ") {
			typed[strings.Fields(line)[2]] = true
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		name := line[:strings.IndexAny(line, "{ ")]
		base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(name, "_bucket"), "_sum"), "_count")
		if !typed[name] && !typed[base] {
			t.Errorf("sample without a TYPE: %s", line)
		}
	}
}

func TestHealthz(t *testing.T) {
	s := dealServer(t, Config{})
	code, body := do(t, s, "GET", "/healthz", "", nil)
	var h healthJSON
	if err := json.Unmarshal([]byte(body), &h); err != nil || code != 200 {
		t.Fatalf("%d %v %s", code, err, body)
	}
	if h.Status != "ok" || h.Generation != 1 || len(h.Agreements) != 1 || h.Agreements[0] != "deal" || h.ReloadError != nil {
		t.Errorf("%s", body)
	}
}

// TestOpenAPIRoutes keeps the OpenAPI document and the routes in step:
// every route is in the document with its method, and every path and
// method of the document is a route.
func TestOpenAPIRoutes(t *testing.T) {
	s := dealServer(t, Config{})
	code, body := do(t, s, "GET", "/v1/openapi.json", "", nil)
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil || code != 200 {
		t.Fatalf("%d %v", code, err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	inDoc := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			inDoc[strings.ToUpper(method)+" "+path] = true
		}
	}
	routes := map[string]bool{}
	for _, rt := range s.routes() {
		routes[rt.method+" "+rt.path] = true
		if !inDoc[rt.method+" "+rt.path] {
			t.Errorf("route %s %s is not in openapi.json", rt.method, rt.path)
		}
	}
	for r := range inDoc {
		if !routes[r] {
			t.Errorf("openapi.json has %s, which is no route", r)
		}
	}
	// Every $ref into the library's schemas names one that is served.
	for _, ref := range refs(body) {
		if name, ok := strings.CutPrefix(ref, "schema/"); ok {
			if c, _ := do(t, s, "GET", "/v1/schema/"+name, "", nil); c != 200 {
				t.Errorf("$ref %s: /v1/schema/%s gives %d", ref, name, c)
			}
		} else if !strings.HasPrefix(ref, "#/components/") {
			t.Errorf("$ref %s is neither a component nor a served schema", ref)
		}
	}
}

func refs(doc string) []string {
	var out []string
	for _, part := range strings.Split(doc, `"$ref": "`)[1:] {
		out = append(out, part[:strings.IndexByte(part, '"')])
	}
	return out
}

// TestErrorShape checks that every error the handlers write is
// {"error": {...}} with a code listed in the OpenAPI document.
func TestErrorShape(t *testing.T) {
	var doc struct {
		Components struct {
			Schemas struct {
				Error struct {
					Properties struct {
						Error struct {
							Properties struct {
								Code struct {
									Enum []string `json:"enum"`
								} `json:"code"`
							} `json:"properties"`
						} `json:"error"`
					} `json:"properties"`
				} `json:"Error"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for _, c := range doc.Components.Schemas.Error.Properties.Error.Properties.Code.Enum {
		codes[c] = true
	}
	src, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range src {
		if !strings.HasSuffix(f.Name(), ".go") || strings.HasSuffix(f.Name(), "_test.go") {
			continue
		}
		b, _ := os.ReadFile(f.Name())
		for _, part := range bytes.Split(b, []byte(`Code: "`))[1:] {
			c := string(part[:bytes.IndexByte(part, '"')])
			if !codes[c] {
				t.Errorf("%s: error code %q is not in openapi.json", f.Name(), c)
			}
		}
		for _, part := range bytes.Split(b, []byte(`badRequest("`))[1:] {
			c := string(part[:bytes.IndexByte(part, '"')])
			if !codes[c] {
				t.Errorf("%s: error code %q is not in openapi.json", f.Name(), c)
			}
		}
	}
}

// TestAgreementRequired: with two agreements loaded, a question that
// names none is a 400 that says to name one; naming one answers.
func TestAgreementRequired(t *testing.T) {
	other := strings.NewReplacer(`agreement deal "Deal"`, `agreement other "Other"`).Replace(dealSrc)
	var logBuf bytes.Buffer
	s, _ := newServer(t, Config{Log: slog.New(slog.NewJSONHandler(&logBuf, nil))}, map[string]string{"deal.pacta": dealSrc, "other.pacta": other})
	for _, tc := range []struct{ target, ctype, body string }{
		{"/v1/decide", "application/json", webSale},
		{"/v1/settle", "text/csv", ledgerCSV},
		{"/v1/eval", "application/json", `{"expr":"gross_of(sell by seller { channel: Web, gross: USD 7.00, date: 2026-03-01 })"}`},
	} {
		code, body := do(t, s, "POST", tc.target, tc.ctype, strings.NewReader(tc.body))
		if e := errorOf(t, body); code != 400 || e.Code != "agreement_required" {
			t.Errorf("%s without an agreement: got %d %s", tc.target, code, body)
		}
	}
	named := strings.Replace(webSale, `{`, `{"agreement":"other",`, 1)
	if code, body := do(t, s, "POST", "/v1/decide", "application/json", strings.NewReader(named)); code != 200 || !strings.Contains(body, `"agreement":"other"`) {
		t.Errorf("decide naming other: %d %s", code, body)
	}
	if code, body := do(t, s, "POST", "/v1/settle?agreement=other", "text/csv", strings.NewReader(ledgerCSV)); code != 200 || !strings.Contains(body, `"agreement": "other"`) {
		t.Errorf("settle naming other: %d %.200s", code, body)
	}
	// The request log names the error's code.
	if !strings.Contains(logBuf.String(), `"status":400,`) || !strings.Contains(logBuf.String(), `"error_code":"agreement_required"`) {
		t.Errorf("log: %s", logBuf.String())
	}
}

// An evaluation error in a batch names the action it came from in its
// message (body:LINE in JSON Lines, [I] in an array) beside the source
// position, so a client knows which of its actions failed.
func TestDecideBatchErrorNamesTheAction(t *testing.T) {
	src := strings.Replace(dealSrc, "  action sell {\n    channel Channel\n    gross   money\n  }",
		"  action sell {\n    channel Channel\n    gross   money\n    requires gross > USD 0.00 else \"a sale has a price\"\n  }", 1)
	s, _ := newServer(t, Config{}, map[string]string{"deal.pacta": src})
	free := strings.Replace(webSale, "USD 100.00", "USD 0.00", 1)
	for _, c := range []struct{ ctype, body, where string }{
		{"application/x-ndjson", webSale + "\n" + free + "\n" + webSale, "body:2: "},
		{"application/json", "[" + webSale + "," + free + "]", "[1]: "},
	} {
		code, out := do(t, s, "POST", "/v1/decide", c.ctype, strings.NewReader(c.body))
		var e struct {
			Error apiError `json:"error"`
		}
		if err := json.Unmarshal([]byte(out), &e); err != nil {
			t.Fatalf("%s: %v: %s", c.ctype, err, out)
		}
		// The requires is on line 14 of deal.pacta, at column 5.
		want := c.where + "a sale has a price (action sell requires gross > USD 0.00)"
		if code != 422 || e.Error.Message != want || !strings.HasSuffix(e.Error.Position, "deal.pacta:14:5") {
			t.Errorf("%s: %d %+v, want 422 with message %q at deal.pacta:14:5", c.ctype, code, e.Error, want)
		}
	}
}

// TestDecideAnEvent: an event given to /v1/decide is a 422 not_an_action,
// with the library's own words.
func TestDecideAnEvent(t *testing.T) {
	src := strings.Replace(dealSrc, "  term gross_of", "  event launch { name text }\n\n  term gross_of", 1)
	s, _ := newServer(t, Config{}, map[string]string{"deal.pacta": src})
	code, body := do(t, s, "POST", "/v1/decide", "application/json",
		strings.NewReader(`{"action":"launch","date":"2026-02-01","name":"x"}`))
	if e := errorOf(t, body); code != 422 || e.Code != "not_an_action" || !strings.Contains(e.Message, `"launch" is an event`) {
		t.Errorf("got %d %s", code, body)
	}
}
