package repl

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
)

// The tests in this file hold the REPL to one rule: a declaration typed at
// the prompt gives exactly the answers of the same edit made in the files.
// The reference is worked out without the REPL: the edit is made by hand
// on the files' text, compiled with interp.Compile and settled and
// decided through interp, as `pacta settle` and `pacta decide` do.

const (
	agreementFile = exampleDir + "/agreement.pacta"
	amendmentFile = exampleDir + "/amendment.pacta"
)

// fileEdit changes the texts of the example's two files.
type fileEdit func(t *testing.T, agreement, amendment string) (string, string)

// cutOut replaces the text of text from the first from up to and
// including the first to after it with repl.
func cutOut(t *testing.T, text, from, to, repl string) string {
	t.Helper()
	i := strings.Index(text, from)
	if i < 0 {
		t.Fatalf("no %q in the file", from)
	}
	j := strings.Index(text[i:], to)
	if j < 0 {
		t.Fatalf("no %q after %q in the file", to, from)
	}
	return text[:i] + repl + text[i+j+len(to):]
}

// beforeLastBrace inserts item before the last closing brace of text.
func beforeLastBrace(t *testing.T, text, item string) string {
	t.Helper()
	i := strings.LastIndex(text, "}")
	if i < 0 {
		t.Fatal("no closing brace")
	}
	return text[:i] + "  " + item + "\n" + text[i:]
}

// The example's clause 5.1: in the agreement, and as the amendment
// replaces it.
const (
	clause51From   = `clause 5.1 "Revenue share"`
	replace51From  = `replace clause 5.1 "Revenue share"`
	clause51To     = "due 45 days after period end"
	netRevenueFrom = "term net_revenue(s sell)"
	netRevenueTo   = `on that sale."`
)

// replace51 is the file edit of typing clause 5.1 anew: its text in the
// agreement, and the amendment's replacement of it left out.
func replace51(text string) fileEdit {
	return func(t *testing.T, ag, am string) (string, string) {
		return cutOut(t, ag, clause51From, clause51To, text), cutOut(t, am, replace51From, clause51To, "")
	}
}

var whatIfs = []struct {
	name  string
	entry string
	edit  fileEdit
	// want are figures worked out by hand that the 2026-Q4 statement (no
	// as-of date) must show, each on one line with the clause.
	want []string
}{
	{
		name:  "rate",
		entry: `clause 5.1 "Revenue share" openai pays microsoft 30% of net_revenue of each sell by openai settled quarterly due 45 days after period end`,
		// The openai sales of 2026-Q4 net of refunds (see
		// TestAsOfReachesSettlement) are 3,877,509.52, now one version:
		// 30% × 3,877,509.52 = 1,163,252.856 → USD 1,163,252.86.
		want: []string{"USD 3,877,509.52  30%  USD 1,163,252.86"},
	},
	{
		name:  "cap per quarter",
		entry: `clause 5.1 "Revenue share" openai pays microsoft 20% of net_revenue of each sell by openai settled quarterly due 45 days after period end at most USD 200,000.00 per quarter`,
		// 20% × 3,877,509.52 = 775,501.90, cut to the cap once for the
		// quarter: USD 200,000.00 (not 400,000.00, a cap per version).
		want: []string{"USD 3,877,509.52  20%  USD 200,000.00"},
	},
	{
		name:  "floor per quarter",
		entry: `clause 5.1 "Revenue share" openai pays microsoft 20% of net_revenue of each sell by openai settled quarterly due 45 days after period end at least USD 1,000,000.00 per quarter`,
		// 775,501.90 is under the floor: USD 1,000,000.00 for the quarter.
		want: []string{"USD 1,000,000.00"},
	},
	{
		name: "tiers",
		entry: "clause 5.1 \"Revenue share\" openai pays microsoft marginal tiers {\n" +
			"    10% up to USD 1,000,000.00\n" +
			"    20% above\n" +
			"  } of net_revenue of each sell by openai settled quarterly due 45 days after period end",
		// One ladder for the quarter's volume of 3,877,509.52:
		// 10% × 1,000,000.00 + 20% × 2,877,509.52 = 100,000.00 +
		// 575,501.904 = 675,501.904 → USD 675,501.90.
		want: []string{"USD 675,501.90"},
	},
	{
		name:  "new clause",
		entry: `clause 6.1 "Bonus" microsoft pays openai USD 1,000.00 on 2026-12-01`,
		edit: func(t *testing.T, ag, am string) (string, string) {
			return beforeLastBrace(t, ag, `clause 6.1 "Bonus" microsoft pays openai USD 1,000.00 on 2026-12-01`), am
		},
		want: []string{`6.1 "Bonus"`, "USD 1,000.00"},
	},
	{
		name:  "term redefined",
		entry: `term net_revenue(s sell) = s.gross`,
		edit: func(t *testing.T, ag, am string) (string, string) {
			return cutOut(t, ag, netRevenueFrom, netRevenueTo, `term net_revenue(s sell) = s.gross`), am
		},
		// Clause 5.1 as first made, on the October sales by openai, now
		// gross: 1,000,000.00 + 40,000.00 + 300,000.00 = 1,340,000.00;
		// 20% = USD 268,000.00.
		want: []string{"USD 1,340,000.00  20%  USD 268,000.00"},
	},
	{
		name:  "clause of the amendment replaced",
		entry: `clause 3.2 "AWS distribution" notwithstanding 3.1 openai may sell where platform in [AWS, GoogleCloud]`,
		edit: func(t *testing.T, ag, am string) (string, string) {
			return ag, cutOut(t, am, `clause 3.2 "AWS distribution"`, "platform == AWS",
				`clause 3.2 "AWS distribution" notwithstanding 3.1 openai may sell where platform in [AWS, GoogleCloud]`)
		},
	},
	{
		name:  "clause deleted",
		entry: `delete clause 3.2`,
		edit: func(t *testing.T, ag, am string) (string, string) {
			am = cutOut(t, am, `clause 3.2 "AWS distribution"`, "platform == AWS", "")
			// The test that names clause 3.2 no longer checks: the REPL
			// leaves it out, and so does this edit.
			am = cutOut(t, am, `test "AWS sales are permitted from`, "is permitted by 2.1\n  }", "")
			return ag, am
		},
	},
}

func init() {
	for i := range whatIfs {
		if whatIfs[i].edit == nil {
			whatIfs[i].edit = replace51(whatIfs[i].entry)
		}
	}
}

// editedProgram makes the edit on copies of the example's files, in a
// directory of the same layout, and compiles them as `pacta` does.
func editedProgram(t *testing.T, edit fileEdit) *interp.Program {
	t.Helper()
	ag, err := os.ReadFile(agreementFile)
	if err != nil {
		t.Fatal(err)
	}
	am, err := os.ReadFile(amendmentFile)
	if err != nil {
		t.Fatal(err)
	}
	nag, nam := edit(t, string(ag), string(am))
	if nag == string(ag) && nam == string(am) {
		t.Fatal("the edit changes nothing")
	}
	return compileRef(t, []interp.Source{
		{Name: agreementFile, Text: []byte(nag)},
		{Name: amendmentFile, Text: []byte(nam)},
	})
}

// questions are the actions decided in every what-if.
var questions = []string{
	`sell by openai { product: "p", platform: AWS, region: "US", date: 2026-10-31, gross: USD 1,000.00, refunds: USD 0.00 }`,
	`sell by openai { product: "p", platform: AWS, region: "US", date: 2026-11-01, gross: USD 1,000.00, refunds: USD 0.00 }`,
	`sell by openai { product: "p", platform: GoogleCloud, region: "US", date: 2026-11-25, gross: USD 1,000.00, refunds: USD 0.00 }`,
	`sell by openai { product: "p", platform: Azure, region: "US", date: 2027-01-15, gross: USD 1,000.00, refunds: USD 0.00 }`,
}

// refDecision decides an action written in Pacta through interp.
func refDecision(t *testing.T, p *interp.Program, action string, asOf types.Date) *result.Decision {
	t.Helper()
	x, err := p.CompileExpr("", "<question>", []byte(action))
	if err != nil {
		t.Fatal(err)
	}
	v, err := x.Eval(context.Background(), interp.EvalOptions{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Decide(context.Background(), v.Record(), interp.DecideOptions{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// decisionWords is what must agree between two decisions.
func decisionWords(d *result.Decision) string {
	w := d.Verdict.String() + " " + d.Effect.String()
	if d.Clause != nil {
		w += " by " + d.Clause.Num
	}
	if d.Conflict[0] != nil {
		w += " conflict " + d.Conflict[0].Num + " " + d.Conflict[1].Num
	}
	return w + " version " + d.Version
}

func TestWhatIfEqualsFileEdit(t *testing.T) {
	ctx := context.Background()
	for _, w := range whatIfs {
		t.Run(w.name, func(t *testing.T) {
			ref := editedProgram(t, w.edit)
			s, out := newTestSession(t, agreementFile, amendmentFile)
			if !s.Handle(ctx, w.entry) {
				t.Fatalf("%q failed:\n%s", w.entry, out.String())
			}
			for _, asOf := range []string{"", "2026-10-31", "2026-11-01"} {
				cmd := ":asof none"
				var d types.Date
				if asOf != "" {
					cmd = ":asof " + asOf
					d, _ = types.ParseDate(asOf)
				}
				for _, period := range []string{"2026-Q4", "2027-Q1"} {
					want := refStatement(t, ref, exampleLedger, period, asOf)
					got := replStatement(t, s, out, period, cmd, ":ledger "+exampleLedger)
					got = strings.TrimSuffix(got, "(as typed in this session: clause 5.1)\n")
					got = strings.TrimSuffix(got, "(as typed in this session: clause 6.1)\n")
					if got != want {
						t.Errorf("as of %q, %s: the REPL's statement differs from the edited files'\n%s", asOf, period, lineDiff(want, got))
					}
					if asOf == "" && period == "2026-Q4" {
						for _, fig := range w.want {
							if !strings.Contains(squeeze(want), squeeze(fig)) {
								t.Errorf("the statement lacks %q (worked by hand):\n%s", fig, want)
							}
						}
					}
				}
				for _, q := range questions {
					out.Reset()
					if !s.Handle(ctx, q) {
						t.Fatalf("%q failed:\n%s", q, out.String())
					}
					if s.last == nil || s.last.decision == nil {
						t.Fatalf("%q: no decision:\n%s", q, out.String())
					}
					if g, r := decisionWords(s.last.decision), decisionWords(refDecision(t, ref, q, d)); g != r {
						t.Errorf("as of %q, %s:\n REPL  %s\n files %s", asOf, q, g, r)
					}
				}
			}
		})
	}
}

// squeeze collapses runs of spaces, for finding a row of a table.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestWhatIfFilesUnchanged: a session never writes to the loaded files.
func TestWhatIfFilesUnchanged(t *testing.T) {
	before := map[string][]byte{}
	for _, f := range []string{agreementFile, amendmentFile} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		before[f] = b
	}
	s, out := newTestSession(t, exampleDir)
	for _, w := range whatIfs {
		if !s.Handle(context.Background(), w.entry) {
			t.Fatalf("%q failed:\n%s", w.entry, out.String())
		}
	}
	for f, b := range before {
		now, err := os.ReadFile(f)
		if err != nil || !bytes.Equal(now, b) {
			t.Errorf("%s changed", filepath.Base(f))
		}
	}
}

// TestSaveChecksAndReproduces: :save writes the session's changes as an
// amendment that checks with the files (interp.Compile, as `pacta check`
// does) and that, loaded with them, gives the session's figures exactly,
// for questions dated from its effective date (2026-11-01, the latest in
// the files).
func TestSaveChecksAndReproduces(t *testing.T) {
	ctx := context.Background()
	s, out := newTestSession(t, exampleDir)
	saved := filepath.Join(t.TempDir(), "changes.pacta")
	questions := []string{
		`given q1 = sell by openai { product: "p", platform: AWS, region: "US", date: 2027-01-15, gross: USD 1,000.00, refunds: USD 100.00 }`,
		`given q2 = sell by openai { product: "p", platform: Azure, region: "EU", date: 2027-02-10, gross: USD 5,000.00, refunds: USD 0.00 }`,
		`q1`,
		`q2`,
		`bonus`,
		`:settle 2027-Q1`,
	}
	for _, e := range []string{
		`clause 5.1 "Revenue share" openai pays microsoft 30% of net_revenue of each sell by openai settled quarterly due 45 days after period end`,
		`term bonus = USD 1,000.00 "The Bonus is one thousand dollars."`,
		`clause 6.1 "Bonus" microsoft pays openai bonus on 2027-02-01`,
		":save " + saved,
	} {
		if !s.Handle(ctx, e) {
			t.Fatalf("%s:\n%s", e, out.String())
		}
	}
	ask := func(s *Session, out *bytes.Buffer) string {
		var all strings.Builder
		for _, q := range questions {
			out.Reset()
			if !s.Handle(ctx, q) {
				t.Fatalf("%s:\n%s", q, out.String())
			}
			all.WriteString(out.String())
		}
		return all.String()
	}
	session := ask(s, out)

	srcs, err := interp.ReadPaths([]string{exampleDir, saved})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := interp.Compile(srcs); err != nil {
		text, _ := os.ReadFile(saved)
		t.Fatalf("the saved amendment does not check: %v\n%s", err, text)
	}
	s2, out2 := newTestSession(t, exampleDir, saved)
	loaded := ask(s2, out2)

	// The figures, by hand: q1's net revenue is 1,000.00 − 100.00 =
	// 900.00, and 30% of it is 270.00; q2's is 5,000.00, 30% is 1,500.00.
	// The quarter: installment 5 of 4.1 (250,000,000,000.00 / 20 =
	// 12,500,000,000.00) + 270.00 + 1,500.00 = 12,500,001,770.00 from
	// openai; 1,000.00 from microsoft under 6.1.
	for _, want := range []string{"USD 270.00", "USD 1,500.00", "USD 12,500,001,770.00", "USD 1,000.00"} {
		if !strings.Contains(session, want) || !strings.Contains(loaded, want) {
			t.Errorf("%s: in the session %v, with the saved amendment %v", want, strings.Contains(session, want), strings.Contains(loaded, want))
		}
	}
	// And every line alike, once who made a clause is left aside.
	norm := strings.NewReplacer("(this session)", "", "(session_changes)", "", " (as typed in this session: clause 5.1, 6.1)\n", "").Replace
	if a, b := normFigures(norm(session)), normFigures(norm(loaded)); a != b {
		t.Errorf("the figures differ:\n%s", lineDiff(a, b))
	}
}

// normFigures keeps the lines of answers that carry an amount or a
// verdict, with spacing collapsed.
func normFigures(text string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "USD ") || strings.HasPrefix(l, "permitted") || strings.HasPrefix(l, "prohibited") {
			out = append(out, squeeze(l))
		}
	}
	return strings.Join(out, "\n")
}
