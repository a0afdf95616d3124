package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

// The REPL's :asof, the CLI's --as-of and the API's DecideOptions.AsOf and
// SettleOptions.AsOf are one setting: for dates around the amendment's
// effective date (2026-11-01) the three give the same decisions and
// byte-identical statements.

// asOfDates are the as-of dates compared ("" for none).
var asOfDates = []string{"", "2026-06-30", "2026-10-31", "2026-11-01", "2027-01-01"}

// asOfActions are the actions decided, as JSON (CLI, API) and as Pacta
// (REPL).
var asOfActions = []struct{ json, pacta string }{
	{`{"action":"sell","actor":"openai","date":"2026-10-31","product":"p","platform":"AWS","region":"US","gross":"USD 1,000.00","refunds":"USD 0.00"}`,
		`sell by openai { product: "p", platform: AWS, region: "US", date: 2026-10-31, gross: USD 1,000.00, refunds: USD 0.00 }`},
	{`{"action":"sell","actor":"openai","date":"2026-11-01","product":"p","platform":"AWS","region":"US","gross":"USD 1,000.00","refunds":"USD 0.00"}`,
		`sell by openai { product: "p", platform: AWS, region: "US", date: 2026-11-01, gross: USD 1,000.00, refunds: USD 0.00 }`},
	{`{"action":"sell","actor":"openai","date":"2026-11-25","product":"p","platform":"GoogleCloud","region":"US","gross":"USD 1,000.00","refunds":"USD 0.00"}`,
		`sell by openai { product: "p", platform: GoogleCloud, region: "US", date: 2026-11-25, gross: USD 1,000.00, refunds: USD 0.00 }`},
	{`{"action":"sell","actor":"openai","date":"2027-01-15","product":"p","platform":"AWS","region":"US","gross":"USD 1,000.00","refunds":"USD 0.00"}`,
		`sell by openai { product: "p", platform: AWS, region: "US", date: 2027-01-15, gross: USD 1,000.00, refunds: USD 0.00 }`},
	{`{"action":"sell","actor":"microsoft","date":"2026-11-15","product":"p","platform":"AWS","region":"US","gross":"USD 1,000.00","refunds":"USD 0.00"}`,
		`sell by microsoft { product: "p", platform: AWS, region: "US", date: 2026-11-15, gross: USD 1,000.00, refunds: USD 0.00 }`},
}

// replVerdictRE reads the verdict line of a REPL answer.
var replVerdictRE = regexp.MustCompile(`^(permitted|prohibited) by clause (\S+) `)

func TestAsOfSameEverywhere(t *testing.T) {
	const ledger = exampleDir + "/ledger.csv"
	srcs, err := interp.ReadPaths([]string{exampleDir})
	if err != nil {
		t.Fatal(err)
	}
	p, err := interp.Compile(srcs, programOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, asOf := range asOfDates {
		var date types.Date
		cliAsOf := []string{}
		replAsOf := ":asof none\n"
		if asOf != "" {
			date, _ = types.ParseDate(asOf)
			cliAsOf = []string{"--as-of", asOf}
			replAsOf = ":asof " + asOf + "\n"
		}
		// Settlements.
		for _, period := range []string{"2026-Q4", "2027-Q1"} {
			per, _ := types.ParsePeriod(period)
			f, err := os.Open(ledger)
			if err != nil {
				t.Fatal(err)
			}
			st, err := p.Settle(ctx, p.ReadCSV("", ledger, f), interp.SettleOptions{From: per.Start(), To: per.End(), AsOf: date})
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			var api bytes.Buffer
			if err := st.WriteText(&api); err != nil {
				t.Fatal(err)
			}
			cli, errs, code := runCLI(t, "", append([]string{"settle", exampleDir, "--ledger", ledger, "--period", period}, cliAsOf...)...)
			if code != 0 {
				t.Fatalf("pacta settle: exit %d: %s", code, errs)
			}
			repl, errs, code := runCLI(t, replAsOf+":ledger "+ledger+"\n:settle "+period+"\n", "repl", exampleDir)
			if code != 0 {
				t.Fatalf("pacta repl: exit %d: %s\n%s", code, errs, repl)
			}
			_, repl, _ = strings.Cut(repl, "\nevents from the ledger "+ledger+"\n")
			if cli != api.String() {
				t.Errorf("as of %q, %s: pacta settle differs from the API:\n%s\n---\n%s", asOf, period, cli, api.String())
			}
			if repl != api.String() {
				t.Errorf("as of %q, %s: the REPL's :settle differs from the API:\n%s\n---\n%s", asOf, period, repl, api.String())
			}
		}
		// Decisions.
		for _, a := range asOfActions {
			rec, err := p.ParseActionJSON([]byte(a.json))
			if err != nil {
				t.Fatal(err)
			}
			d, err := p.Decide(ctx, rec, interp.DecideOptions{AsOf: date})
			if err != nil {
				t.Fatal(err)
			}
			api := d.Verdict.String()
			if d.Clause != nil {
				api += " " + d.Clause.Num
			}
			out, errs, code := runCLI(t, "", append([]string{"decide", exampleDir, "--format", "json", "--action", a.json}, cliAsOf...)...)
			if code != 0 {
				t.Fatalf("pacta decide: exit %d: %s", code, errs)
			}
			var j struct {
				Verdict string
				Clause  *struct{ Number string }
			}
			if err := json.Unmarshal([]byte(out), &j); err != nil {
				t.Fatalf("pacta decide: %v: %s", err, out)
			}
			cli := j.Verdict
			if j.Clause != nil {
				cli += " " + j.Clause.Number
			}
			rout, errs, code := runCLI(t, replAsOf+a.pacta+"\n", "repl", exampleDir)
			if code != 0 {
				t.Fatalf("pacta repl: exit %d: %s\n%s", code, errs, rout)
			}
			lines := strings.Split(rout, "\n")
			repl := "not covered"
			if len(lines) > 1 {
				if m := replVerdictRE.FindStringSubmatch(lines[1]); m != nil {
					repl = m[1] + " " + m[2]
				}
			}
			if d.Clause == nil {
				api = "not covered"
			}
			if j.Clause == nil {
				cli = "not covered"
			}
			if cli != api || repl != api {
				t.Errorf("as of %q, %s:\n API  %s\n CLI  %s\n REPL %s (%q)", asOf, a.pacta, api, cli, repl, firstLines(rout, 3))
			}
		}
	}
}

func firstLines(s string, n int) string {
	l := strings.SplitN(s, "\n", n+1)
	if len(l) > n {
		l = l[:n]
	}
	return fmt.Sprint(strings.Join(l, " | "))
}
