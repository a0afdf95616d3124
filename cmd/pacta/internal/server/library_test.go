package server

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

// exampleDir is the bundled example deal: an agreement and an amendment
// with an override (3.2 notwithstanding 3.1) and a ledger in both
// formats.
const exampleDir = "../../../../examples/openai-microsoft-aws"

func exampleServer(t *testing.T) (*Server, *interp.Program) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(exampleDir, "*.pacta"))
	if err != nil || len(files) != 2 {
		t.Fatalf("example files: %v %v", files, err)
	}
	s, err := New(Config{Files: func() ([]string, error) { return files, nil }, Poll: -1})
	if err != nil {
		t.Fatal(err)
	}
	p, err := interp.LoadFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	return s, p
}

// exampleActions are actions whose answers differ: permitted by 3.2 over
// 3.1 (AWS after the amendment), prohibited by 3.1 (AWS before it),
// permitted by 2.1 (Azure), and a sale by microsoft.
var exampleActions = []string{
	`{"action":"sell","actor":"openai","date":"2026-12-01","product":"OpenAI API","platform":"AWS","region":"US","gross":"USD 50,000.00","refunds":"USD 0.00"}`,
	`{"action":"sell","actor":"openai","date":"2026-06-01","product":"OpenAI API","platform":"AWS","region":"US","gross":"USD 50,000.00","refunds":"USD 0.00"}`,
	`{"action":"sell","actor":"openai","date":"2026-06-01","product":"ChatGPT","platform":"Azure","region":"EU","gross":"USD 1.00","refunds":"USD 0.00"}`,
	`{"action":"sell","actor":"microsoft","date":"2026-06-01","product":"Azure OpenAI","platform":"GoogleCloud","region":"EU","gross":"USD 1.00","refunds":"USD 0.00"}`,
}

// libraryDecision is what a Go program embedding the library gets for
// the action: Program.Decide, then json.Marshal.
func libraryDecision(t *testing.T, p *interp.Program, action string, opts interp.DecideOptions) []byte {
	t.Helper()
	rec, err := p.ParseActionJSON([]byte(action))
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Decide(context.Background(), rec, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDecideIsTheLibrary: /v1/decide answers with the bytes the library
// gives for the same action, alone, in an array and in JSON Lines, and
// with as_of.
func TestDecideIsTheLibrary(t *testing.T) {
	s, p := exampleServer(t)
	var want [][]byte
	for _, a := range exampleActions {
		w := libraryDecision(t, p, a, interp.DecideOptions{})
		want = append(want, w)
		code, body := do(t, s, "POST", "/v1/decide", "application/json", strings.NewReader(a))
		if code != 200 || body != string(w)+"\n" {
			t.Errorf("%s:\nserver  %d %s\nlibrary %s", a, code, body, w)
		}
	}
	// The verdicts differ, so that equal bytes mean something: the
	// first is permitted by 3.2, the second prohibited by 3.1.
	if !bytes.Contains(want[0], []byte(`"verdict":"permitted"`)) || !bytes.Contains(want[1], []byte(`"verdict":"prohibited"`)) {
		t.Fatalf("the example's answers changed: %s / %s", want[0], want[1])
	}
	code, body := do(t, s, "POST", "/v1/decide", "application/json", strings.NewReader("["+strings.Join(exampleActions, ",\n")+"]"))
	if w := "[" + string(bytes.Join(want, []byte(","))) + "]\n"; code != 200 || body != w {
		t.Errorf("array:\nserver  %d %s\nlibrary %s", code, body, w)
	}
	code, body = do(t, s, "POST", "/v1/decide", "application/x-ndjson", strings.NewReader(strings.Join(exampleActions, "\n")))
	if w := string(bytes.Join(want, []byte("\n"))) + "\n"; code != 200 || body != w {
		t.Errorf("JSON Lines:\nserver  %d %s\nlibrary %s", code, body, w)
	}
	// As of 2026-10-31 the amendment (effective 2026-11-01) is left out,
	// so the AWS sale of 2026-12-01 is prohibited by 3.1.
	asOf, _ := types.ParseDate("2026-10-31")
	w := libraryDecision(t, p, exampleActions[0], interp.DecideOptions{AsOf: asOf})
	code, body = do(t, s, "POST", "/v1/decide?as_of=2026-10-31", "application/json", strings.NewReader(exampleActions[0]))
	if code != 200 || body != string(w)+"\n" || !strings.Contains(body, `"verdict":"prohibited"`) {
		t.Errorf("as_of:\nserver  %d %s\nlibrary %s", code, body, w)
	}
}

// TestSettleIsTheLibrary: /v1/settle answers with the statement the
// library writes for the same ledger and options (Program.Settle over
// ReadCSV or ReadJSONL, then Statement.WriteJSON), rows named body:LINE.
func TestSettleIsTheLibrary(t *testing.T) {
	s, p := exampleServer(t)
	for _, tc := range []struct{ file, ctype, query string }{
		{"ledger.csv", "text/csv", "period=2026-Q4"},
		{"ledger.csv", "text/csv", "from=2026-07-01&to=2027-03-31&as_of=2027-06-30"},
		{"ledger.jsonl", "application/x-ndjson", ""},
		{"ledger.jsonl", "application/x-ndjson", "period=2027-Q1&breaches=all"},
	} {
		ledger, err := os.ReadFile(filepath.Join(exampleDir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		opts := interp.SettleOptions{}
		for _, kv := range strings.Split(tc.query, "&") {
			k, v, _ := strings.Cut(kv, "=")
			d, _ := types.ParseDate(v)
			switch k {
			case "period":
				per, err := types.ParsePeriod(v)
				if err != nil {
					t.Fatal(err)
				}
				opts.From, opts.To = per.Start(), per.End()
			case "from":
				opts.From = d
			case "to":
				opts.To = d
			case "as_of":
				opts.AsOf = d
			case "breaches":
				opts.BreachSample = -1
			}
		}
		events := p.ReadCSV("", "body", bytes.NewReader(ledger))
		if tc.ctype != "text/csv" {
			events = p.ReadJSONL("", "body", bytes.NewReader(ledger))
		}
		st, err := p.Settle(context.Background(), events, opts)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := st.WriteJSON(&want); err != nil {
			t.Fatal(err)
		}
		code, body := do(t, s, "POST", "/v1/settle?"+tc.query, tc.ctype, bytes.NewReader(ledger))
		if code != 200 || body != want.String() {
			t.Errorf("%s %s:\nserver %d\n%s\nlibrary\n%s", tc.file, tc.query, code, body, want.String())
		}
		if !strings.Contains(body, `"kind": "share"`) && !strings.Contains(body, `"kind": "installment"`) {
			t.Errorf("%s %s: a statement with no lines proves little:\n%s", tc.file, tc.query, body)
		}
	}
}

// TestVetIsTheLibrary: /v1/vet answers with what Program.Vet finds, as
// json.Marshal writes the report, for a deal that has an unordered
// conflict: 1 permits every sell, 2 prohibits a sell on Store, and
// nothing orders them.
func TestVetIsTheLibrary(t *testing.T) {
	src := strings.Replace(dealSrc, `  clause 2 "Commission"`, `  clause 3 "Anything"
    seller may sell

  clause 2 "Commission"`, 1)
	s, dir := newServer(t, Config{}, map[string]string{"deal.pacta": src})
	p, err := interp.LoadFiles([]string{filepath.Join(dir, "deal.pacta")})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.Vet(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	code, body := do(t, s, "GET", "/v1/vet", "", nil)
	if code != 200 || body != string(want)+"\n" {
		t.Errorf("server  %d %s\nlibrary %s", code, body, want)
	}
	if !strings.Contains(body, `"kind":"conflict"`) {
		t.Errorf("no conflict found between clauses 1 and 3: %s", body)
	}
}
