package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/schema"
	"github.com/pacta-lang/pacta/interp/types"
)

// compile loads every embedded schema and compiles the four top-level ones.
func compile(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	for _, name := range schema.Names() {
		b, err := fs.ReadFile(schema.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := c.AddResource(schema.BaseURL+name, doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, name := range []string{schema.Decision, schema.Statement, schema.TestReport, schema.Value} {
		s, err := c.Compile(schema.BaseURL + name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = s
	}
	return out
}

func validate(t *testing.T, s *jsonschema.Schema, what string, b []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: not JSON: %v\n%s", what, err, b)
	}
	if err := s.Validate(inst); err != nil {
		t.Errorf("%s does not match its schema: %v\n%.2000s", what, err, b)
	}
}

func marshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Every answer the bundled examples give, through json.Marshal and
// through the WriteJSON methods the CLI prints with, matches its schema:
// each example's test report, its statement over each of its ledgers
// (every breach listed), the decision on every action row of those
// ledgers, and every ledger row as a record Value.
func TestExamplesMatchSchemas(t *testing.T) {
	schemas := compile(t)
	dirs, err := filepath.Glob("../../examples/*")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	counts := map[string]int{}
	for _, dir := range dirs {
		if m, _ := filepath.Glob(filepath.Join(dir, "*.pacta")); len(m) == 0 {
			continue
		}
		name := filepath.Base(dir)
		srcs, err := interp.ReadPaths([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		p, err := interp.Compile(srcs)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rep, err := p.RunTests(ctx)
		if err != nil {
			t.Fatal(err)
		}
		validate(t, schemas[schema.TestReport], name+" test report", marshal(t, rep))
		var b bytes.Buffer
		if err := rep.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		validate(t, schemas[schema.TestReport], name+" test report (WriteJSON)", b.Bytes())
		counts["test reports"]++

		for _, ledger := range []string{"ledger.csv", "ledger.jsonl"} {
			path := filepath.Join(dir, ledger)
			data, err := os.ReadFile(path)
			if os.IsNotExist(err) {
				continue
			} else if err != nil {
				t.Fatal(err)
			}
			read := func() iter.Seq2[interp.Event, error] {
				if strings.HasSuffix(ledger, ".csv") {
					return p.ReadCSV("", ledger, bytes.NewReader(data))
				}
				return p.ReadJSONL("", ledger, bytes.NewReader(data))
			}
			st, err := p.Settle(ctx, read(), interp.SettleOptions{BreachSample: -1})
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			validate(t, schemas[schema.Statement], path+" statement", marshal(t, st))
			b.Reset()
			if err := st.WriteJSON(&b); err != nil {
				t.Fatal(err)
			}
			validate(t, schemas[schema.Statement], path+" statement (WriteJSON)", b.Bytes())
			counts["statements"]++
			counts["statement lines"] += len(st.Lines)
			counts["breaches"] += len(st.Breaches)
			counts["overdue"] += len(st.Overdue)
			counts["unmet"] += len(st.Unmet)

			for ev, err := range read() {
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				validate(t, schemas[schema.Value], path+" row as a value", marshal(t, types.RecordValue(ev.Record)))
				counts["rows"]++
				if ev.Record.Schema.Event() {
					continue
				}
				d, err := p.Decide(ctx, ev.Record, interp.DecideOptions{})
				if err != nil {
					t.Fatalf("%s:%d: %v", path, ev.Line, err)
				}
				validate(t, schemas[schema.Decision], path+" decision", marshal(t, d))
				counts["decisions "+d.Verdict.String()]++
			}
		}
	}
	t.Logf("validated: %v", counts)
	// The run must have covered what the schemas describe, or a broken
	// glob or an empty ledger would pass unnoticed.
	for _, what := range []string{"test reports", "statements", "statement lines", "breaches", "overdue", "rows", "decisions permitted", "decisions prohibited"} {
		if counts[what] == 0 {
			t.Errorf("no %s among the examples: the schema test covers less than it should", what)
		}
	}
}

// The schemas reject what breaks the documented shapes, so the test above
// can fail: a decision with each of these changes no longer validates.
func TestSchemasReject(t *testing.T) {
	schemas := compile(t)
	clause := `{"number":"3.1","title":"Azure only","agreement":"deal","amendment":"","position":"deal.pacta:13:3"}`
	good := `{"agreement":"deal","as_of":"2026-10-20","version":"","verdict":"prohibited","effect":"prohibited",` +
		`"summary":"prohibited by 3.1 \"Azure only\"","clause":` + clause + `,"conflict":[],` +
		`"applied":[{"clause":` + clause + `,"says":"prohibited","outcome":"decides","by":null,"reason":"applies"}],"note":"","default_rule":""}`
	inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(good))
	if err := schemas[schema.Decision].Validate(inst); err != nil {
		t.Fatalf("the good decision does not validate: %v", err)
	}
	for _, c := range []struct{ name, from, to string }{
		{"an unknown verdict", `"verdict":"prohibited"`, `"verdict":"maybe"`},
		{"a verdict that disagrees with the effect", `"effect":"prohibited"`, `"effect":"permitted"`},
		{"a missing member", `,"note":""`, ``},
		{"an unknown member", `"note":""`, `"note":"","extra":1`},
		{"a null list", `"conflict":[]`, `"conflict":null`},
		{"a date in another form", `"as_of":"2026-10-20"`, `"as_of":"20/10/2026"`},
		{"a clause without a number", `"number":"3.1",`, ``},
		{"a deciding clause with a \"by\"", `"by":null`, `"by":` + clause},
		{"a prohibition with no clause", `"clause":` + clause + `,"conflict"`, `"clause":null,"conflict"`},
	} {
		bad := strings.Replace(good, c.from, c.to, 1)
		if bad == good {
			t.Fatalf("%s: the replacement did not apply", c.name)
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if schemas[schema.Decision].Validate(inst) == nil {
			t.Errorf("%s validates: %s", c.name, bad)
		}
	}
	// Amounts are strings, never numbers.
	total := func(amount string) string {
		return `{"agreement":"deal","currency":"USD","from":"2026-10-01","to":"2026-12-31","as_of":"2026-12-31","events":2,` +
			`"periods":[{"period":"2026-Q4","start":"2026-10-01","end":"2026-12-31","lines":[],` +
			`"totals":[{"payer":"seller","payee":"owner","amount":` + amount + `,"currency":"USD"}]}],` +
			`"breaches":[],"breach_count":0,"breaches_omitted":0,"breach_tally":[],"overdue":[],"unmet":[]}`
	}
	for amount, ok := range map[string]bool{`"680.11"`: true, `"-0.5"`: true, `680.11`: false, `"680,11"`: false, `"1,000.00"`: false, `"1e3"`: false} {
		inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(total(amount)))
		if err := schemas[schema.Statement].Validate(inst); (err == nil) != ok {
			t.Errorf("amount %s: valid %v, want %v (%v)", amount, err == nil, ok, err)
		}
	}
}

// A statement over half years and contract years (SPEC 11.5) matches the
// schema too: its periods are written "2027-H1" and "contract year from
// 2027-03-15", and a value holding such a period reads back the same.
func TestHalfAndContractYearPeriodsMatchSchema(t *testing.T) {
	schemas := compile(t)
	src := `agreement cy "Contract years" {
  effective 2027-03-15
  ends 2029-03-14
  currency USD
  party r   "Reseller Ltd"
  party lab "Lab Inc"
  action resell { revenue money }

  clause 1 "Contract-year minimum"
    r pays lab 10% of revenue of each resell by r
      settled per contract year
      minimum guarantee USD 200.00 per contract year

  clause 2 "Half-yearly"
    r pays lab 10% of revenue of each resell by r
      settled semi-annually
}
`
	p, err := interp.Compile([]interp.Source{{Name: "cy.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	ledger := "action,date,actor,revenue\nresell,2027-03-20,r,USD 800.00\nresell,2028-03-15,r,USD 900.00\n"
	st, err := p.Settle(context.Background(), p.ReadCSV("", "ledger.csv", strings.NewReader(ledger)), interp.SettleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b := marshal(t, st)
	validate(t, schemas[schema.Statement], "half and contract year statement", b)
	for _, want := range []string{`"period":"contract year from 2027-03-15"`, `"period":"2027-H1"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("statement lacks %s:\n%s", want, b)
		}
	}
	for _, l := range st.Lines {
		validate(t, schemas[schema.Value], "period value", marshal(t, types.PeriodValue(l.Period)))
	}
}

// A timestamp value (SPEC 11.7) matches the schema: ISO 8601 with its
// offset, Z for UTC, the fraction of a second without trailing zeros;
// text that is not one does not.
func TestTimestampValueMatchesSchema(t *testing.T) {
	schemas := compile(t)
	for _, s := range []string{"2027-03-04T17:45:00+01:00", "2027-03-04T17:45:00.500Z", "0001-01-01T00:00:00.000000001-23:59"} {
		ts, err := types.ParseTimestamp(s)
		if err != nil {
			t.Fatal(err)
		}
		validate(t, schemas[schema.Value], "timestamp "+s, marshal(t, types.TimestampValue(ts)))
	}
	for _, bad := range []string{"2027-03-04T17:45:00", "2027-03-04", "2027-03-04T17:45:00.50Z", "2027-03-04T17:45:00+0100", "2027-03-04T17:45:00+00:00x"} {
		inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"kind":"timestamp","value":"` + bad + `"}`))
		if err := schemas[schema.Value].Validate(inst); err == nil {
			t.Errorf("%s matches the value schema; it is not a timestamp as Pacta writes one", bad)
		}
	}
	if b := marshal(t, types.TimestampValue(types.Timestamp{})); string(b) != `{"kind":"timestamp","value":"1970-01-01T00:00:00Z"}` {
		t.Errorf("the zero timestamp marshals as %s", b)
	}
}
