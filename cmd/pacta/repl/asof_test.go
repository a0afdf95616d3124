package repl

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

// exampleLedger is the example deal's own ledger.
const exampleLedger = exampleDir + "/ledger.csv"

// compileRef compiles sources the way `pacta settle` and `pacta decide`
// do: with the standard library, through interp.Compile.
func compileRef(t *testing.T, srcs []interp.Source) *interp.Program {
	t.Helper()
	p, err := interp.Compile(srcs)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return p
}

// readRef reads the files of paths.
func readRef(t *testing.T, paths ...string) []interp.Source {
	t.Helper()
	srcs, err := interp.ReadPaths(paths)
	if err != nil {
		t.Fatal(err)
	}
	return srcs
}

// refStatement settles ledger (a CSV file) for period as of asOf ("" for
// none) directly through interp, as `pacta settle --period P --as-of D`
// does, and returns the statement's text.
func refStatement(t *testing.T, p *interp.Program, ledger, period, asOf string) string {
	t.Helper()
	per, err := types.ParsePeriod(period)
	if err != nil {
		t.Fatal(err)
	}
	opts := interp.SettleOptions{From: per.Start(), To: per.End()}
	if asOf != "" {
		if opts.AsOf, err = types.ParseDate(asOf); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(ledger)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := p.Settle(context.Background(), p.ReadCSV("", ledger, f), opts)
	if err != nil {
		t.Fatalf("settle: %v", err)
	}
	var b bytes.Buffer
	if err := st.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// replStatement types entries and then `:settle period`, and returns the
// statement it prints (without the line naming where the events came
// from).
func replStatement(t *testing.T, s *Session, out *bytes.Buffer, period string, entries ...string) string {
	t.Helper()
	for _, e := range entries {
		out.Reset()
		if !s.Handle(context.Background(), e) {
			t.Fatalf("%q failed:\n%s", e, out.String())
		}
	}
	out.Reset()
	if !s.Handle(context.Background(), ":settle "+period) {
		t.Fatalf(":settle %s failed:\n%s", period, out.String())
	}
	text := out.String()
	first, rest, _ := strings.Cut(text, "\n")
	if !strings.HasPrefix(first, "events from ") {
		t.Fatalf(":settle printed no source line:\n%s", text)
	}
	return rest
}

// TestAsOfReachesSettlement: after `:asof D`, `:settle P` is the
// statement of `pacta settle --period P --as-of D`, figure for figure.
// As of 2026-10-01 the AWS concessions (effective 2026-11-01) are not
// known yet, so clause 5.1 as first made takes a flat 20% of every sale by
// openai in 2026-Q4 and every AWS sale breaches clause 3.1. By hand, from
// the ledger's openai sales of the quarter (gross − refunds):
//
//	950,000.00 + 40,000.00 + 287,499.50 + 75,000.00 + 1,900,000.00
//	+ 5,000.00 + 10.02 + 500,000.00 + 120,000.00 = 3,877,509.52
//	20% × 3,877,509.52 = 775,501.904, rounded half-even = USD 775,501.90
//
// and five breaches: the AWS sales of 10-20, 11-01, 11-20 and 12-05 and
// the Google Cloud sale of 11-25.
func TestAsOfReachesSettlement(t *testing.T) {
	ref := refStatement(t, compileRef(t, readRef(t, exampleDir)), exampleLedger, "2026-Q4", "2026-10-01")
	for _, want := range []string{"as of 2026-10-01", "USD 3,877,509.52  20%", "USD 775,501.90", "ledger.csv:14"} {
		if !strings.Contains(ref, want) {
			t.Fatalf("the reference statement lacks %q:\n%s", want, ref)
		}
	}
	if n := strings.Count(ref, `prohibited by 3.1 "Azure exclusivity"`); n != 5 {
		t.Fatalf("the reference statement lists %d breaches, want 5:\n%s", n, ref)
	}
	s, out := newTestSession(t, exampleDir)
	got := replStatement(t, s, out, "2026-Q4", ":asof 2026-10-01", ":ledger "+exampleLedger)
	if got != ref {
		t.Errorf("REPL :asof 2026-10-01 + :settle 2026-Q4 differs from the settlement as of 2026-10-01\n%s", lineDiff(ref, got))
	}
}

// TestAsOfReachesMoneyLines: after `:asof 2026-10-01`, an AWS sale dated
// 2026-11-15 is judged by the agreement as first made (prohibited by 3.1)
// and its money line uses the rate then known: 20% × USD 1,000.00 = USD
// 200.00, not the amended 25% (USD 250.00).
func TestAsOfReachesMoneyLines(t *testing.T) {
	s, out := newTestSession(t, exampleDir)
	ctx := context.Background()
	if !s.Handle(ctx, ":asof 2026-10-01") {
		t.Fatal(out.String())
	}
	out.Reset()
	if !s.Handle(ctx, `sell by openai { product: "X", platform: AWS, region: "US", date: 2026-11-15, gross: USD 1,000.00, refunds: USD 0.00 }`) {
		t.Fatal(out.String())
	}
	got := out.String()
	if !strings.Contains(got, `prohibited by clause 3.1 "Azure exclusivity"`) ||
		!strings.Contains(got, "openai pays microsoft USD 200.00 for 2026-Q4 (20% of USD 1,000.00)") {
		t.Errorf("the AWS sale of 2026-11-15 as of 2026-10-01:\n%s", got)
	}
}
