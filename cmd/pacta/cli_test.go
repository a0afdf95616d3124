package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const exampleDir = "../../examples/openai-microsoft-aws"

// runCLI runs the CLI in-process with input on standard input.
func runCLI(t *testing.T, input string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	old := stdin
	stdin = strings.NewReader(input)
	defer func() { stdin = old }()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// inExample runs the rest of the test in the example's directory, so that
// file names in outputs are short and stable.
func inExample(t *testing.T) {
	t.Helper()
	t.Chdir(exampleDir)
}

// The example ledger (examples/openai-microsoft-aws/ledger.csv) worked by
// hand for 2026-Q4, clause 5.1 (net revenue = gross − refunds):
//
//	Sales under 5.1 as first written (up to 2026-10-31), all at 20%:
//	  2026-10-15 Azure   1,000,000.00 − 50,000.00 =   950,000.00
//	  2026-10-20 AWS        40,000.00 −      0.00 =    40,000.00  (a breach of 3.1, still counted)
//	  2026-10-28 Direct    300,000.00 − 12,500.50 =   287,499.50
//	                                        base    1,277,499.50
//	  20% × 1,277,499.50 = 255,499.90                               line 255,499.90
//
//	Sales under 5.1 as replaced by aws_concessions (from 2026-11-01):
//	  AWS at 25%:
//	    2026-11-01  75,000.00
//	    2026-11-20  2,000,000.00 − 100,000.00 = 1,900,000.00
//	    2026-12-05  10.02
//	                                        base    1,975,010.02
//	    25% × 1,975,010.02 = 493,752.505
//	  Everything else at 20% (`otherwise`):
//	    2026-11-25 GoogleCloud  5,000.00  (a breach of 3.1, still counted)
//	    2026-12-10 Azure      500,000.00
//	    2026-12-31 Direct     123,456.78 − 3,456.78 = 120,000.00
//	                                        base      625,000.00
//	    20% × 625,000.00 = 125,000.00
//	  exact 493,752.505 + 125,000.00 = 618,752.505
//	  rounded half-even to the cent (the 0 before the 5 is even)    line 618,752.50
//
//	Clause 5.1 for 2026-Q4: 255,499.90 + 618,752.50 = 874,252.40, due
//	2027-02-14 (45 days after 2026-12-31).
//	With installment 4 of 20 of clause 4.1 (2026-10-01, due 2026-10-31):
//	openai → microsoft 12,500,000,000.00 + 874,252.40 = 12,500,874,252.40.
//	Microsoft's own resale (2026-08-21, 2027-03-03) is not a sale by
//	OpenAI, and 4.3 paid on the first Azure model release (2026-08-05,
//	2026-Q3), so nothing else arises in 2026-Q4.
func TestSettleExampleQ4ByHand(t *testing.T) {
	inExample(t)
	out, errs, code := runCLI(t, "", "settle", ".", "--ledger", "ledger.csv", "--period", "2026-Q4", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var st struct {
		Periods []struct {
			Period string
			Lines  []struct {
				Payer, Payee, Kind, Amount, Base, Due, Currency string
				Clause                                          struct{ Number, Amendment string }
			}
			Totals []struct{ Payer, Payee, Amount string }
		}
		Breaches []struct {
			Line int
			Date string
		}
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if len(st.Periods) != 1 || st.Periods[0].Period != "2026-Q4" {
		t.Fatalf("periods = %+v, want only 2026-Q4", st.Periods)
	}
	type key struct{ clause, amendment, kind string }
	got := map[key][3]string{}
	for _, l := range st.Periods[0].Lines {
		if l.Payer != "openai" || l.Payee != "microsoft" || l.Currency != "USD" {
			t.Errorf("unexpected line %+v", l)
		}
		got[key{l.Clause.Number, l.Clause.Amendment, l.Kind}] = [3]string{l.Base, l.Amount, l.Due}
	}
	want := map[key][3]string{
		{"4.1", "", "installment"}:          {"", "12500000000.00", "2026-10-31"},
		{"5.1", "", "share"}:                {"1277499.50", "255499.90", "2027-02-14"},
		{"5.1", "aws_concessions", "share"}: {"2600010.02", "618752.50", "2027-02-14"},
	}
	if len(got) != len(want) {
		t.Errorf("lines = %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%v: base, amount, due = %v, want %v", k, got[k], w)
		}
	}
	if tt := st.Periods[0].Totals; len(tt) != 1 || tt[0].Amount != "12500874252.40" {
		t.Errorf("totals = %+v, want openai → microsoft 12500874252.40", tt)
	}
	if len(st.Breaches) != 2 || st.Breaches[0].Line != 9 || st.Breaches[1].Line != 13 {
		t.Errorf("breaches = %+v, want ledger.csv lines 9 (2026-10-20, AWS) and 13 (2026-11-25, GoogleCloud)", st.Breaches)
	}
}

// The JSON Lines ledger holds the same events as the CSV one: the
// statements agree but for the file and line numbers of breaches.
func TestSettleJSONLMatchesCSV(t *testing.T) {
	inExample(t)
	decode := func(ledger string) map[string]any {
		out, errs, code := runCLI(t, "", "settle", ".", "--ledger", ledger, "--from", "2026-07-01", "--to", "2027-03-31", "--format", "json")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", ledger, code, errs)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Fatal(err)
		}
		for _, b := range m["breaches"].([]any) {
			delete(b.(map[string]any), "source")
			delete(b.(map[string]any), "line")
		}
		return m
	}
	a, b := decode("ledger.csv"), decode("ledger.jsonl")
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Errorf("CSV and JSON Lines statements differ:\n%s\n%s", ja, jb)
	}
}

func TestSettleDeterministic(t *testing.T) {
	inExample(t)
	for _, format := range []string{"text", "json"} {
		args := []string{"settle", ".", "--ledger", "ledger.csv", "--from", "2026-07-01", "--to", "2027-03-31", "--format", format}
		first, _, code1 := runCLI(t, "", args...)
		second, _, code2 := runCLI(t, "", args...)
		if code1 != 0 || code2 != 0 {
			t.Fatalf("exit %d, %d", code1, code2)
		}
		if first != second {
			t.Errorf("%s: two runs differ", format)
		}
	}
}

// Each bad ledger stops the settlement with one line naming the file, the
// line and the field, exit status 1, and no statement.
func TestSettleBadLedgers(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"malformed.csv", `testdata/ledgers/malformed.csv:3: at character 28: a quote (") inside a cell that is not quoted; quote the whole cell and write the quote twice ("")`},
		{"columns.csv", `testdata/ledgers/columns.csv:3: the row has 8 columns, but the header names 9`},
		{"amount.csv", `testdata/ledgers/amount.csv:3: field "gross": "12,34" is not an amount like USD 1,250.00`},
		{"unknown_action.csv", `testdata/ledgers/unknown_action.csv:3: field "action": unknown action or event "sel" in openai_microsoft (did you mean "sell"?)`},
		{"bad_date.csv", `testdata/ledgers/bad_date.csv:3: field "date": invalid date 2027-02-29: February 2027 has 28 days`},
		{"currency.csv", `testdata/ledgers/currency.csv:3: field "gross": amount "EUR 5.00" is in EUR, but the agreement's currency is USD`},
		{"out_of_order.csv", `testdata/ledgers/out_of_order.csv:4: field "date": 2026-10-30 is before 2026-11-02, the date of a row above it: events must be in date order`},
		{"negative.csv", `testdata/ledgers/negative.csv:2: field "refunds": "-USD 5.00" is not an amount like USD 1,250.00`},
		{"unknown_party.csv", `testdata/ledgers/unknown_party.csv:2: field "actor": unknown party "opneai" (did you mean "openai"?)`},
		{"event_actor.csv", `testdata/ledgers/event_actor.csv:2: field "actor": model_release is an event, which has no actor: leave this cell empty`},
		{"missing.csv", `testdata/ledgers/missing.csv:2: field "refunds": missing: every sell row needs refunds (money(USD))`},
		{"header.csv", `testdata/ledgers/header.csv:1: field "platfrom": no action or event of openai_microsoft has this field (did you mean "platform"?)`},
		{"bad.jsonl", `testdata/ledgers/bad.jsonl:3: field "gross": "1e3" has an exponent: write the number without an exponent`},
		{"syntax.jsonl", `testdata/ledgers/syntax.jsonl:2: not valid JSON: unexpected '"' after a member, where "," or "}" should be (at byte 140)`},
		{"dup.jsonl", `testdata/ledgers/dup.jsonl:1: field "gross": appears twice in the row`},
	} {
		t.Run(c.file, func(t *testing.T) {
			for _, format := range []string{"text", "json"} {
				out, errs, code := runCLI(t, "", "settle", exampleDir, "--ledger", "testdata/ledgers/"+c.file, "--format", format)
				if code != 1 {
					t.Errorf("exit %d, want 1", code)
				}
				if out != "" {
					t.Errorf("printed a statement despite the error:\n%s", out)
				}
				if errs != c.want+"\n" {
					t.Errorf("stderr:\n got %q\nwant %q", errs, c.want+"\n")
				}
			}
		})
	}
}

func TestSettleUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		want string // in stderr
	}{
		{[]string{"settle", exampleDir}, 2, "no ledger given"},
		{[]string{"settle", "--ledger", "x.csv"}, 2, "no agreement files given"},
		{[]string{"settle", exampleDir, "--ledger", "ledger.txt"}, 2, "cannot tell the ledger's format"},
		{[]string{"settle", exampleDir, "--ledger", "x.csv", "--period", "2027-Q1", "--from", "2027-01-01"}, 2, "either --period or --from and --to"},
		{[]string{"settle", exampleDir, "--ledger", "x.csv", "--period", "2027-Q5"}, 2, "--period"},
		{[]string{"settle", exampleDir, "--ledger", "x.csv", "--from", "2027-02-30"}, 2, "--from"},
		{[]string{"settle", exampleDir, "--ledger", "x.csv", "--format", "xml"}, 2, "unknown format"},
		{[]string{"settle", exampleDir, "--ledger", "x.csv", "--bogus"}, 2, "flag provided but not defined"},
		{[]string{"settle", exampleDir, "--ledger", "testdata/ledgers/none.csv"}, 1, "testdata/ledgers/none.csv: no such file"},
		{[]string{"settle", "testdata/nowhere", "--ledger", "x.csv"}, 1, "testdata/nowhere: no such file"},
		{[]string{"settle", exampleDir, "--ledger", "testdata/ledgers/amount.csv", "--agreement", "nope"}, 1, `no agreement called "nope" is loaded`},
	} {
		out, errs, code := runCLI(t, "", c.args...)
		if code != c.code || !strings.Contains(errs, c.want) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d and %q", c.args, code, out, errs, c.code, c.want)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, cmd := range []string{"decide", "settle", "test"} {
		_, errs, code := runCLI(t, "", cmd, "--help")
		if code != 0 || !strings.Contains(errs, "Usage: pacta "+cmd) {
			t.Errorf("%s --help: exit %d, %q", cmd, code, errs)
		}
	}
	out, _, code := runCLI(t, "", "help")
	for _, cmd := range []string{"decide", "settle", "test"} {
		if code != 0 || !strings.Contains(out, "  "+cmd+" ") {
			t.Errorf("pacta help does not list %s:\n%s", cmd, out)
		}
	}
}

func TestDecideBadActions(t *testing.T) {
	sale := func(repl ...string) string {
		s := `{"action":"sell","actor":"openai","date":"2026-12-01","product":"OpenAI API","platform":"AWS","region":"US","gross":"USD 50,000.00","refunds":"USD 0.00"}`
		return strings.NewReplacer(repl...).Replace(s)
	}
	for _, c := range []struct {
		name, action, want string
	}{
		{"unknown action", sale(`"sell"`, `"sel"`), `pacta decide: unknown action "sel" (did you mean "sell"?)`},
		{"unknown field", sale(`"region"`, `"regoin"`), `pacta decide: field "regoin": sell has no such field (did you mean "region"?)`},
		{"unknown party", sale(`"openai"`, `"opneai"`), `pacta decide: field "actor": unknown party "opneai" (did you mean "openai"?)`},
		{"wrong type", sale(`"USD 50,000.00"`, `"lots"`), `pacta decide: field "gross": "lots" is not an amount like USD 1,250.00`},
		{"missing field", sale(`,"refunds":"USD 0.00"`, ``), `pacta decide: field "refunds": missing; sell needs product, platform, region, date, gross, refunds, actor`},
		{"bad date", sale(`2026-12-01`, `2026-02-29`), `pacta decide: field "date": invalid date 2026-02-29: February 2026 has 28 days`},
		{"an event", `{"action":"model_release","date":"2026-01-01","model":"GPT-7","platform":"Azure"}`, `pacta decide: "model_release" is an event; only an action can be permitted or prohibited`},
		{"not JSON", `sell by openai`, `pacta decide: not valid JSON: unexpected 's' where a value should be (at byte 1)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCLI(t, "", "decide", exampleDir, "--action", c.action)
			if code != 1 || out != "" || errs != c.want+"\n" {
				t.Errorf("exit %d, stdout %q\nstderr %q\nwant   %q", code, out, errs, c.want+"\n")
			}
		})
	}
	// On standard input, every bad line is reported with its line and
	// field, the good lines are still decided and printed in order, and
	// the exit status is 1 at the end.
	in := sale() + "\n" + sale(`"AWS"`, `"Amazon"`) + "\n\n" + sale(`"AWS"`, `"Azure"`) + "\n" + `{"action":"sell",` + "\n" +
		sale(`,"refunds":"USD 0.00"`, ``) + "\n" + sale(`"openai"`, `"microsoft"`) + "\n"
	out, errs, code := runCLI(t, in, "decide", exampleDir, "--format", "json")
	want := `stdin:2: field "platform": "Amazon" is not a Platform (one of AWS, Azure, Direct, GoogleCloud)` + "\n" +
		`stdin:5: the line ends before the JSON object is complete (column 18)` + "\n" +
		`stdin:6: field "refunds": missing; sell needs product, platform, region, date, gross, refunds, actor` + "\n" +
		"pacta decide: 3 of 6 actions could not be decided\n"
	if code != 1 || errs != want {
		t.Errorf("exit %d\nstderr %q\nwant   %q", code, errs, want)
	}
	// Lines 1, 4 and 7: an AWS sale by openai on 2026-12-01 is permitted by
	// 3.2, an Azure one by 2.1, and microsoft's sale is not covered.
	var verdicts []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var m struct{ Summary string }
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		verdicts = append(verdicts, m.Summary)
	}
	if len(verdicts) != 3 || !strings.HasPrefix(verdicts[0], "permitted by 3.2") || !strings.HasPrefix(verdicts[1], "permitted by 2.1") || !strings.HasPrefix(verdicts[2], "not covered") {
		t.Errorf("decisions %q", verdicts)
	}
	if _, errs, code := runCLI(t, "\n\n", "decide", exampleDir); code != 1 || !strings.Contains(errs, "no actions on standard input") {
		t.Errorf("empty input: exit %d, %q", code, errs)
	}
	if _, errs, code := runCLI(t, "", "decide", exampleDir, "--action", sale(), "--as-of", "2026-13-01"); code != 2 || !strings.Contains(errs, "--as-of") {
		t.Errorf("bad --as-of: exit %d, %q", code, errs)
	}
	if _, errs, code := runCLI(t, "", "decide", "--action", sale()); code != 2 || !strings.Contains(errs, "no agreement files given") {
		t.Errorf("no files: exit %d, %q", code, errs)
	}
}

// Problems in the agreement are printed with their source line and caret,
// and the commands stop with exit status 1.
func TestAgreementErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.pacta")
	src := "agreement a \"A\" {\n  effective 2027-01-01\n  currency USD\n  party x \"X\"\n  party y \"Y\"\n  clause 1 \"Fee\"\n    x pays y USD 5.00 + 5% on 2027-02-01\n}\n"
	if err := os.WriteFile(bad, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"test", bad},
		{"settle", bad, "--ledger", "testdata/ledgers/amount.csv"},
		{"decide", bad, "--action", "{}"},
	} {
		out, errs, code := runCLI(t, "", args...)
		if code != 1 || out != "" || !strings.Contains(errs, bad+":7:") || !strings.Contains(errs, "^") || !strings.Contains(errs, "1 problem") {
			t.Errorf("%v: exit %d, stdout %q, stderr:\n%s", args[0], code, out, errs)
		}
	}
}

// pacta check sees the standard library's functions.
func TestCheckUsesStdlib(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.pacta")
	src := "agreement a \"A\" {\n  effective 2027-01-01\n  currency USD\n  term big = max(USD 1.00, USD 2.00)\n}\n"
	if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "", "check", f)
	if code != 0 {
		t.Errorf("exit %d: %s%s", code, out, errs)
	}
}

// Without --to, the statement runs to the date of the ledger's last row;
// without --from, from the agreement's effective date.
func TestSettleDefaultSpan(t *testing.T) {
	inExample(t)
	open, _, code1 := runCLI(t, "", "settle", ".", "--ledger", "ledger.csv", "--from", "2026-07-01")
	closed, _, code2 := runCLI(t, "", "settle", ".", "--ledger", "ledger.csv", "--from", "2026-07-01", "--to", "2027-03-31")
	if code1 != 0 || code2 != 0 || open != closed {
		t.Errorf("without --to (exit %d):\n%s\nwith --to 2027-03-31 (exit %d):\n%s", code1, open, code2, closed)
	}
	all, _, code := runCLI(t, "", "settle", ".", "--ledger", "ledger.csv")
	if code != 0 || !strings.Contains(all, "from 2019-07-22 to 2027-03-31") || !strings.Contains(all, `4.2 "Initial investment"`) || !strings.Contains(all, "ledger.csv:13") {
		t.Errorf("default span:\n%s", all)
	}
}

// Input limits (SPEC 13): an endless source file and an over-long ledger
// row are refused at once with the limit and the flag that raises it.
func TestInputLimits(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err == nil {
		_, errs, code := runCLI(t, "", "check", "/dev/zero")
		if want := "pacta check: /dev/zero: the file is larger than 4 MiB, the most an agreement source file may be (raise the limit with --max-source-bytes)\n"; code != 1 || errs != want {
			t.Errorf("exit %d, %q\nwant %q", code, errs, want)
		}
	}
	_, errs, code := runCLI(t, "", "check", "--max-source-bytes", "100", exampleDir)
	if code != 1 || !strings.Contains(errs, "agreement.pacta: the file is larger than 100 bytes") {
		t.Errorf("exit %d, %q", code, errs)
	}
	dir := t.TempDir()
	ledger := filepath.Join(dir, "long.csv")
	row := "action,actor,date,product,platform,region,gross,refunds,model\nsell,openai,2026-10-15," + strings.Repeat("p", 2<<20) + ",Azure,US,1,0,\n"
	if err := os.WriteFile(ledger, []byte(row), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code = runCLI(t, "", "settle", exampleDir, "--ledger", ledger)
	if want := ledger + ":2: the row is longer than 1 MiB, the most a ledger row may be (raise the limit with --max-row-bytes)\n"; code != 1 || errs != want {
		t.Errorf("exit %d, %q\nwant %q", code, errs, want)
	}
	if _, errs, code = runCLI(t, "", "settle", exampleDir, "--ledger", ledger, "--max-row-bytes", "4194304"); code != 0 {
		t.Errorf("raised: exit %d, %q", code, errs)
	}

	// A huge value or name in an action is quoted by its first 40
	// characters only.
	y := strings.Repeat("y", 1<<20)
	in := `{"action":"sell","actor":"openai","date":"2026-12-01","product":"a","platform":"` + y + `","region":"US","gross":"USD 1.00","refunds":"USD 0.00"}` + "\n" +
		`{"action":"sell","` + y + `":1}` + "\n" + `{"action":"` + y + `"}` + "\n"
	_, errs, code = runCLI(t, in, "decide", exampleDir)
	y40 := `"` + y[:40] + `…"`
	want := `stdin:1: field "platform": ` + y40 + " is not a Platform (one of AWS, Azure, Direct, GoogleCloud)\n" +
		`stdin:2: field ` + y40 + ": sell has no such field\n" +
		`stdin:3: unknown action ` + y40 + "\n" +
		"pacta decide: 3 of 3 actions could not be decided\n"
	if code != 1 || errs != want {
		t.Errorf("exit %d, stderr %.500q\nwant %.500q", code, errs, want)
	}
}

// pacta settle lists the first 100 breaches and counts the others per
// clause, or with --breaches all lists every one, in text and JSON.
func TestSettleBreachesFlag(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "many.csv")
	var b strings.Builder
	b.WriteString("action,actor,date,product,platform,region,gross,refunds,model\n")
	// 150 sales on GoogleCloud, all prohibited by 3.1, on lines 2 to 151.
	for i := 0; i < 150; i++ {
		b.WriteString("sell,openai,2027-01-05,ChatGPT Enterprise,GoogleCloud,US,USD 1.00,USD 0.00,\n")
	}
	if err := os.WriteFile(ledger, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "", "settle", exampleDir, "--ledger", ledger)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "\nBreaches: 150 found, the first 100 listed\n") ||
		!strings.Contains(out, ledger+":101  ") || strings.Contains(out, ledger+":102  ") ||
		!strings.Contains(out, "\n  … and 50 more prohibited by 3.1 \"Azure exclusivity\"\n") {
		t.Errorf("summary:\n%s", out)
	}
	out, errs, code = runCLI(t, "", "settle", exampleDir, "--ledger", ledger, "--breaches", "all")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "\nBreaches\n\n") || strings.Count(out, "prohibited by 3.1") != 150 || strings.Contains(out, "… and") {
		t.Errorf("all:\n%s", out)
	}
	for _, mode := range []string{"summary", "all"} {
		out, errs, code = runCLI(t, "", "settle", exampleDir, "--ledger", ledger, "--breaches", mode, "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var doc struct {
			Breaches        []struct{ Line int }
			BreachCount     int `json:"breach_count"`
			BreachesOmitted int `json:"breaches_omitted"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		listed := map[string]int{"summary": 100, "all": 150}[mode]
		if len(doc.Breaches) != listed || doc.BreachCount != 150 || doc.BreachesOmitted != 150-listed || doc.Breaches[listed-1].Line != listed+1 {
			t.Errorf("%s: %d listed, count %d, omitted %d", mode, len(doc.Breaches), doc.BreachCount, doc.BreachesOmitted)
		}
	}
	if _, errs, code := runCLI(t, "", "settle", exampleDir, "--ledger", ledger, "--breaches", "some"); code != 2 || !strings.Contains(errs, `unknown --breaches "some": use summary or all`) {
		t.Errorf("bad --breaches: exit %d, %q", code, errs)
	}
}
