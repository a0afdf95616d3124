package interp

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/lang"
)

// vetHeader is the start of the agreements of these tests: two parties,
// a kind of three channels and a sale with a channel, an amount and a
// flag. Clauses follow, then "}".
const vetHeader = `agreement deal "Deal" {
  effective 2026-01-01
  ends 2027-12-31
  currency USD
  default permitted

  party seller "Seller Inc."
  party buyer  "Buyer Ltd."

  kind Channel = Web | Store | Phone

  action sell {
    channel Channel
    gross   money
    online  bool
  }

  event launch {
    channel Channel
  }
`

func vetOf(t *testing.T, src string) *result.VetReport {
	t.Helper()
	p, err := Compile([]Source{{Name: "deal.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	rep, err := p.Vet(context.Background())
	if err != nil {
		t.Fatalf("vet: %v", err)
	}
	// Every witness must read back and get the answer the finding claims.
	checkWitnesses(t, p, rep)
	return rep
}

// checkWitnesses feeds every witness of rep to Decide, as `pacta decide
// --action JSON --as-of DATE` would, and fails unless the answer is the
// one the finding claims: a conflict naming both clauses, or not covered.
func checkWitnesses(t *testing.T, p *Program, rep *result.VetReport) int {
	t.Helper()
	n := 0
	for _, f := range rep.Findings {
		w := f.Witness
		if w == nil || f.Kind == result.VetMoney {
			continue
		}
		rec, err := p.ParseActionJSON([]byte(w.Action))
		if err != nil {
			t.Errorf("%s: witness %s does not read back: %v", f.Message, w.Action, err)
			continue
		}
		d, err := p.Decide(context.Background(), rec, DecideOptions{AsOf: w.AsOf})
		if err != nil {
			t.Errorf("%s: deciding the witness: %v", f.Message, err)
			continue
		}
		n++
		switch f.Kind {
		case result.VetConflict:
			if d.Verdict != lang.Conflict || !appliedAs(d, f.Clauses[0], "conflicts") || !appliedAs(d, f.Clauses[1], "conflicts") {
				t.Errorf("%s: witness %s (as of %s) is decided %s, not a conflict between %s and %s", f.Message, w.Action, w.AsOf, d.Verdict, f.Clauses[0].Num, f.Clauses[1].Num)
			}
		case result.VetCoverage:
			if d.Verdict != lang.NotCovered {
				t.Errorf("%s: witness %s is decided %s, not not covered", f.Message, w.Action, d.Verdict)
			}
		default:
			t.Errorf("unexpected witness on a %s finding", f.Kind)
		}
	}
	return n
}

// findings returns the findings of a kind, as "num,num: message".
func findings(rep *result.VetReport, kind string) []result.VetFinding {
	var out []result.VetFinding
	for _, f := range rep.Findings {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}

func clauseNums(f result.VetFinding) string {
	var nums []string
	for _, c := range f.Clauses {
		nums = append(nums, c.Num)
	}
	return strings.Join(nums, ",")
}

func wantFindings(t *testing.T, rep *result.VetReport, kind string, want ...string) {
	t.Helper()
	got := findings(rep, kind)
	var gotNums []string
	for _, f := range got {
		gotNums = append(gotNums, clauseNums(f))
	}
	if strings.Join(gotNums, " ") != strings.Join(want, " ") {
		var msgs []string
		for _, f := range rep.Findings {
			msgs = append(msgs, f.Pos.String()+": "+f.Message)
		}
		t.Errorf("%s findings: got clauses %q, want %q; all findings:\n%s", kind, gotNums, want, strings.Join(msgs, "\n"))
	}
}

func TestVetConflict(t *testing.T) {
	// 1.1 permits web sales, 1.2 forbids sales over USD 1,000.00: a web sale
	// of USD 1,000.01 meets both and nothing orders them.
	rep := vetOf(t, vetHeader+`
  clause 1.1 "Web"
    seller may sell where channel == Web
  clause 1.2 "Large"
    seller must not sell where gross > USD 1,000.00
}`)
	wantFindings(t, rep, result.VetConflict, "1.2,1.1")
	f := findings(rep, result.VetConflict)[0]
	if f.Severity != result.VetError || !rep.Failed() {
		t.Errorf("a conflict is an error that fails vet: %+v", f)
	}
	// The witness is the lowest atom of channel == Web, gross > 1,000.00:
	// gross is 1,000.00 + 0.01, the first date is the effective date.
	want := `{"action":"sell","actor":"seller","date":"2026-01-01","channel":"Web","gross":"USD 1,000.01","online":"false"}`
	if f.Witness.Action != want {
		t.Errorf("witness %s, want %s", f.Witness.Action, want)
	}

	// The same with 1.2 notwithstanding 1.1: ordered, no conflict.
	rep = vetOf(t, vetHeader+`
  clause 1.1 "Web"
    seller may sell where channel == Web
  clause 1.2 "Large" notwithstanding 1.1
    seller must not sell where gross > USD 1,000.00
}`)
	wantFindings(t, rep, result.VetConflict)

	// Disjoint conditions (web against store sales), or different parties:
	// no action meets both.
	rep = vetOf(t, vetHeader+`
  clause 1.1 "Web"
    seller may sell where channel == Web
  clause 1.2 "Large store sales"
    seller must not sell where channel == Store and gross > USD 1,000.00
  clause 1.3 "Buyer"
    buyer must not sell where channel == Web
}`)
	wantFindings(t, rep, result.VetConflict)

	// Dates: 1.1 ends on 2026-06-30, 1.2 starts on 2026-07-01. None.
	rep = vetOf(t, vetHeader+`
  clause 1.1 "Web"
    seller may sell where channel == Web until 2026-06-30
  clause 1.2 "Large"
    seller must not sell where gross > USD 1,000.00 from 2026-07-01
}`)
	wantFindings(t, rep, result.VetConflict)

	// A third clause that overrides the prohibition wherever both apply
	// resolves it: 1.3 permits every web sale notwithstanding 1.2, so a
	// large web sale is permitted by 1.1 and 1.3 together.
	rep = vetOf(t, vetHeader+`
  clause 1.1 "Web"
    seller may sell where channel == Web
  clause 1.2 "Large"
    seller must not sell where gross > USD 1,000.00
  clause 1.3 "Web always" notwithstanding 1.2
    seller may sell where channel == Web
}`)
	wantFindings(t, rep, result.VetConflict)
}

func TestVetConflictInAmendment(t *testing.T) {
	// The amendment (from 2026-07-01) permits phone sales but does not say
	// notwithstanding 2.1, which forbids them: a phone sale on or after
	// 2026-07-01 is a conflict. Before, 3.1 is not in force.
	src := vetHeader + `
  clause 2.1 "No phone sales"
    seller must not sell where channel == Phone
}

amendment phones "Phones" amends deal {
  effective 2026-07-01
  clause 3.1 "Phone sales"
    seller may sell where channel == Phone
}`
	rep := vetOf(t, src)
	wantFindings(t, rep, result.VetConflict, "3.1,2.1")
	w := findings(rep, result.VetConflict)[0].Witness
	if !strings.Contains(w.Action, `"date":"2026-07-01"`) || !w.AsOf.IsZero() {
		t.Errorf("witness %s as of %s: want the amendment's first day, no as-of", w.Action, w.AsOf)
	}
	rep = vetOf(t, strings.Replace(src, `"Phone sales"`, `"Phone sales" notwithstanding 2.1`, 1))
	wantFindings(t, rep, result.VetConflict)
}

func TestVetConflictAsOf(t *testing.T) {
	// The base agreement has the conflict only from 2026-09-01 (1.2's from
	// date); the amendment of 2026-08-01 deletes 1.2. So the conflict is
	// met only by deciding as of a day before 2026-08-01 an action dated
	// from 2026-09-01: the witness must carry that as-of date (the base
	// version's first day, 2026-01-01).
	rep := vetOf(t, vetHeader+`
  clause 1.1 "Web"
    seller may sell where channel == Web
  clause 1.2 "Later ban"
    seller must not sell from 2026-09-01
}

amendment lift "Lift" amends deal {
  effective 2026-08-01
  delete clause 1.2
}`)
	wantFindings(t, rep, result.VetConflict, "1.2,1.1")
	w := findings(rep, result.VetConflict)[0].Witness
	if w.AsOf.String() != "2026-01-01" || !strings.Contains(w.Action, `"date":"2026-09-01"`) {
		t.Errorf("witness %s as of %s: want 2026-09-01 as of 2026-01-01", w.Action, w.AsOf)
	}
}

func TestVetDeadClause(t *testing.T) {
	// 1.1 needs a sale both on the web and in a store; 1.2 starts after
	// the agreement ends (2027-12-31); 1.3 is fine.
	rep := vetOf(t, vetHeader+`
  clause 1.1 "Impossible"
    seller may sell where channel == Web and channel == Store
  clause 1.2 "Too late"
    seller may sell from 2028-01-01
  clause 1.3 "Fine"
    seller may sell where gross <= USD 10.00 and not online
}`)
	wantFindings(t, rep, result.VetDeadClause, "1.1", "1.2")
	// A money condition below zero: amounts are never negative.
	rep = vetOf(t, vetHeader+`
  clause 1.1 "Negative"
    seller may sell where gross < USD 0.00
}`)
	wantFindings(t, rep, result.VetDeadClause, "1.1")
}

func TestVetAlwaysOverridden(t *testing.T) {
	// 1.1 permits store sales; 1.2, notwithstanding 1.1, forbids store and
	// phone sales: every sale 1.1 covers, 1.2 covers and overrides.
	rep := vetOf(t, vetHeader+`
  clause 1.1 "Store"
    seller may sell where channel == Store
  clause 1.2 "No store or phone" notwithstanding 1.1
    seller must not sell where channel in [Store, Phone]
}`)
	wantFindings(t, rep, result.VetAlwaysLoses, "1.1,1.2")
	// When 1.2 covers only large store sales, 1.1 still decides small ones.
	rep = vetOf(t, vetHeader+`
  clause 1.1 "Store"
    seller may sell where channel == Store
  clause 1.2 "No large store sales" notwithstanding 1.1
    seller must not sell where channel == Store and gross > USD 100.00
}`)
	wantFindings(t, rep, result.VetAlwaysLoses)
}

func TestVetOverrideWithoutOverlap(t *testing.T) {
	// 1.2 is notwithstanding 1.1 but is about phone sales and 1.1 about
	// web sales: they never meet (1.1 was probably meant to be another
	// clause). 1.3 is subject to 1.4, which is about the buyer.
	rep := vetOf(t, vetHeader+`
  clause 1.1 "Web"
    seller may sell where channel == Web
  clause 1.2 "Phone" notwithstanding 1.1
    seller must not sell where channel == Phone
  clause 1.3 "Small" subject to 1.4
    seller may sell where gross < USD 5.00
  clause 1.4 "Buyer"
    buyer must not sell
}`)
	wantFindings(t, rep, result.VetOverrideNoMeet, "1.2,1.1", "1.4,1.3")
	f := findings(rep, result.VetOverrideNoMeet)[0]
	// The caret is on the reference 1.1 after notwithstanding: the header
	// is 20 lines, a blank line, 1.1 on lines 22-23, 1.2 on line 24, where
	// `  clause 1.2 "Phone" notwithstanding ` is 37 characters.
	if f.Pos.Line != 24 || f.Pos.Col != 38 {
		t.Errorf("position %s, want 24:38 (the 1.1 of notwithstanding 1.1)", f.Pos)
	}
	// Overlapping: web sales over USD 5.00 meet both.
	rep = vetOf(t, vetHeader+`
  clause 1.1 "Web"
    seller may sell where channel == Web
  clause 1.2 "Large" notwithstanding 1.1
    seller must not sell where gross > USD 5.00
}`)
	wantFindings(t, rep, result.VetOverrideNoMeet)
}

func TestVetCoverage(t *testing.T) {
	// The seller's web sales are covered; store and phone sales are not,
	// and the buyer has no clause at all. Coverage is info: vet passes.
	rep := vetOf(t, vetHeader+`
  clause 1.1 "Web"
    seller may sell where channel == Web
}`)
	got := findings(rep, result.VetCoverage)
	var msgs []string
	for _, f := range got {
		msgs = append(msgs, f.Message)
	}
	want := []string{
		"no clause covers a sell by seller where channel in [Store, Phone]; the default (permitted) decides it",
		"no clause covers any sell by buyer; the default (permitted) decides it",
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("coverage:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if rep.Failed() {
		t.Error("coverage alone must not fail vet")
	}
	// Every sale by either party covered: no gap.
	rep = vetOf(t, vetHeader+`
  clause 1.1 "Seller"
    seller may sell
  clause 1.2 "Buyer"
    buyer must not sell where online
  clause 1.3 "Buyer offline"
    buyer may sell where not online
}`)
	wantFindings(t, rep, result.VetCoverage)
}

func TestVetNotAnalysed(t *testing.T) {
	// Arithmetic on fields is not analysed: the clause is named, and no
	// conflict or dead clause is claimed about it.
	rep := vetOf(t, vetHeader+`
  clause 1.1 "Net"
    seller may sell where gross - USD 5.00 > USD 10.00
  clause 1.2 "Web"
    seller must not sell where channel == Web
}`)
	wantFindings(t, rep, result.VetNotAnalysed, "1.1")
	wantFindings(t, rep, result.VetConflict)
	wantFindings(t, rep, result.VetDeadClause)
}

func TestVetMoneyRates(t *testing.T) {
	// 7.1 takes 60% of gross of every sale and 7.2 50% of web sales: a web
	// sale pays 60% + 50% = 110% of its gross.
	rep := vetOf(t, vetHeader+`
  clause 7.1 "Royalty"
    seller pays buyer 60% of gross of each sell by seller
      settled quarterly
  clause 7.2 "Web fee"
    seller pays buyer 50% of gross of each sell where channel == Web
      settled quarterly
}`)
	wantFindings(t, rep, result.VetMoney, "7.2,7.1")
	f := findings(rep, result.VetMoney)[0]
	if !strings.Contains(f.Message, "110% of gross") || f.Witness == nil || !strings.Contains(f.Witness.Action, `"channel":"Web"`) {
		t.Errorf("finding %q witness %+v", f.Message, f.Witness)
	}
	// 60% of web sales and 50% of store sales never add up on one sale;
	// 30% and 70% of one sale make exactly 100%, which is not more.
	rep = vetOf(t, vetHeader+`
  clause 7.1 "Web royalty"
    seller pays buyer 60% of gross of each sell where channel == Web
      settled quarterly
  clause 7.2 "Store fee"
    seller pays buyer 50% of gross of each sell where channel == Store
      settled quarterly
  clause 7.3 "A"
    seller pays buyer 30% of gross of each sell where channel == Phone
      settled quarterly
  clause 7.4 "B"
    seller pays buyer 70% of gross of each sell where channel == Phone
      settled quarterly
}`)
	wantFindings(t, rep, result.VetMoney)
	// One line of 120% is more than the whole on its own.
	rep = vetOf(t, vetHeader+`
  clause 7.1 "Greedy"
    seller pays buyer 120% of gross of each sell
      settled quarterly
}`)
	wantFindings(t, rep, result.VetMoney, "7.1")
}

func TestVetMoneyLimits(t *testing.T) {
	// 7.1: a guarantee of 2,000 a year above a cap of 1,000 a year, and a
	// recoupment of 500 with no advance from seller to buyer. 7.3 never
	// counts a sale. 7.4 is a launch bonus no launch can trigger.
	rep := vetOf(t, vetHeader+`
  clause 7.1 "Royalty"
    seller pays buyer 10% of gross of each sell
      settled quarterly
      at most USD 1,000.00 per year
      minimum guarantee USD 2,000.00 per year
      recouping USD 500.00
  clause 7.3 "Never"
    seller pays buyer 10% of gross of each sell where online and not online
      settled quarterly
  clause 7.4 "Launch bonus"
    buyer pays seller USD 100.00 on first launch where channel == Web and channel == Phone
}`)
	wantFindings(t, rep, result.VetMoney, "7.1", "7.1", "7.3", "7.4")
	// With the cap above the guarantee and an advance of 500 paid: none.
	rep = vetOf(t, vetHeader+`
  clause 7.1 "Royalty"
    seller pays buyer 10% of gross of each sell
      settled quarterly
      at most USD 3,000.00 per year
      minimum guarantee USD 2,000.00 per year
      recouping USD 500.00
  clause 7.2 "Advance"
    seller pays buyer USD 500.00 on 2026-01-15
  clause 7.4 "Launch bonus"
    buyer pays seller USD 100.00 on first launch where channel == Web
}`)
	wantFindings(t, rep, result.VetMoney)
	// An advance smaller than the recoupment: 300 paid, 500 recouped.
	rep = vetOf(t, vetHeader+`
  clause 7.1 "Royalty"
    seller pays buyer 10% of gross of each sell
      settled quarterly
      recouping USD 500.00
  clause 7.2 "Advance"
    seller pays buyer USD 300.00 on 2026-01-15
}`)
	wantFindings(t, rep, result.VetMoney, "7.1")
}

func TestVetProse(t *testing.T) {
	// "twenty percent (25%)": words and digits disagree. The logic's 45
	// days are not the prose's thirty (30) days.
	rep := vetOf(t, vetHeader+`
  clause 5.1 "Share"
    "The Seller shall pay the Buyer twenty percent (25%) of the gross of each sale, due within thirty (30) days after the quarter."
    seller pays buyer 20% of gross of each sell by seller
      settled quarterly
      due 45 days after period end
}`)
	wantFindings(t, rep, result.VetProse, "5.1", "5.1")
	msgs := findings(rep, result.VetProse)
	if !strings.Contains(msgs[0].Message, `"twenty percent" (20%) in words but 25% in digits`) ||
		!strings.Contains(msgs[1].Message, "logic says 45 days") {
		t.Errorf("messages: %q, %q", msgs[0].Message, msgs[1].Message)
	}
	// The caret of the first is on "twenty": the prose starts at column 6
	// of line 23 (the header's 20 lines, a blank, the clause line), and
	// "The Seller shall pay the Buyer " is 31 characters.
	if msgs[0].Pos.Line != 23 || msgs[0].Pos.Col != 37 {
		t.Errorf("position %s, want 23:37", msgs[0].Pos)
	}
	// Agreeing prose, with numbers in words of several forms.
	rep = vetOf(t, vetHeader+`
  clause 5.1 "Share"
    "The Seller shall pay the Buyer twenty-five percent (25%) of the gross of each sale, due forty-five days after the end of the quarter."
    seller pays buyer 25% of gross of each sell by seller
      settled quarterly
      due 45 days after period end
}`)
	wantFindings(t, rep, result.VetProse)
}

func TestNumberWords(t *testing.T) {
	for text, want := range map[string]int64{
		"twenty": 20, "twenty-five": 25, "forty five": 45, "one hundred and twenty": 120,
		"ninety": 90, "two thousand": 2000, "one million two hundred thousand": 1200000,
		"shall pay thirty": 30, "a sale of seventy-five": 75,
	} {
		got, ok := numberBefore(text)
		if !ok || got != want {
			t.Errorf("numberBefore(%q) = %d, %v; want %d", text, got, ok, want)
		}
	}
	for _, text := range []string{"the", "and", "percent", ""} {
		if n, ok := numberBefore(text); ok {
			t.Errorf("numberBefore(%q) = %d, want none", text, n)
		}
	}
}

func TestVetJSON(t *testing.T) {
	rep := vetOf(t, vetHeader+`
  clause 1.1 "Web"
    seller may sell where channel == Web
  clause 1.2 "Large"
    seller must not sell where gross > USD 1,000.00
}`)
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []struct {
			Kind     string
			Severity string
			Pos      string
			Clauses  []struct{ Num, Pos string }
			Witness  *struct {
				Action map[string]string
				Answer string
			}
		}
		Errors, Warnings, Infos int
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	// The conflict is reported at 1.2 (line 24: the header's 20 lines, a
	// blank, 1.1 on lines 22-23). One conflict (an error) and two coverage notes: the seller's store
	// and phone sales of USD 1,000.00 or less, and the buyer's sales.
	if doc.Errors != 1 || doc.Warnings != 0 || doc.Infos != 2 {
		t.Errorf("counts %d/%d/%d, want 1/0/2: %s", doc.Errors, doc.Warnings, doc.Infos, b)
	}
	var conflict bool
	for _, f := range doc.Findings {
		if f.Kind == "conflict" {
			conflict = true
			if f.Pos != "deal.pacta:24:3" || f.Witness == nil || f.Witness.Action["gross"] != "USD 1,000.01" || f.Witness.Answer != "pacta decide answers: conflict between 1.1 and 1.2" {
				t.Errorf("conflict finding: %+v", f)
			}
		}
	}
	if !conflict {
		t.Errorf("no conflict in %s", b)
	}
}

func TestVetExamplesClean(t *testing.T) {
	for _, dir := range []string{"app-marketplace", "co-marketing", "openai-microsoft-aws", "royalty", "saas-reseller", "venture-exit"} {
		p, err := LoadFS(os.DirFS("../examples/"+dir), []string{"*.pacta"})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		rep, err := p.Vet(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		checkWitnesses(t, p, rep)
		for _, f := range rep.Findings {
			if f.Severity != result.VetInfo {
				t.Errorf("%s: %s: %s", dir, f.Pos, f.Message)
			}
		}
	}
}

func TestVetProseAmounts(t *testing.T) {
	// The prose states USD 1,000.00 and the logic pays USD 1,500.00.
	rep := vetOf(t, vetHeader+`
  clause 4.1 "Fee"
    "The Buyer shall pay the Seller a fee of USD 1,000.00 on 1 March 2026."
    buyer pays seller USD 1,500.00 on 2026-03-01
}`)
	wantFindings(t, rep, result.VetProse, "4.1")
	// Amounts written with a scale word, or in words: 10 million is
	// 10,000,000.00 and one billion US dollars 1,000,000,000.00.
	rep = vetOf(t, vetHeader+`
  clause 4.1 "Fee"
    "The Buyer shall pay the Seller USD 10 million on 1 March 2026."
    buyer pays seller USD 10,000,000.00 on 2026-03-01
  clause 4.2 "Investment"
    "The Buyer shall pay the Seller one billion US dollars on the Effective Date."
    buyer pays seller USD 1,000,000,000.00 on 2026-01-01
}`)
	wantFindings(t, rep, result.VetProse)
}

func TestVetCancelled(t *testing.T) {
	p, err := Compile([]Source{{Name: "deal.pacta", Text: []byte(vetHeader + "}\n")}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Vet(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Vet with a cancelled context: %v, want an error unwrapping to context.Canceled", err)
	}
}

// When more than two clauses conflict on the witness, Decide names one
// pair; the witness's answer says the finding's pair is among those it
// lists, so the finding and the answer do not seem to disagree. Here 1
// permits every sell by the seller, 2 prohibits sales over USD 50.00 and
// 3 sales over USD 100.00: any witness for 1 and 3 (a sale over 100.00)
// meets 2 as well, and Decide names 1 and 2 (the first pair in clause
// order).
func TestVetConflictAnswerNamesItsPair(t *testing.T) {
	rep := vetOf(t, vetHeader+`
  clause 1 "Any" seller may sell
  clause 2 "No mid" seller must not sell where gross > USD 50.00
  clause 3 "No big" seller must not sell where gross > USD 100.00
}
`)
	var seen bool
	for _, f := range findings(rep, "conflict") {
		if clauseNums(f) != "3,1" || f.Witness == nil {
			continue
		}
		if a := f.Witness.Answer; strings.Contains(a, "conflict between 1 and 2") {
			seen = true
			if !strings.HasSuffix(a, "(more clauses apply; 1 and 3 are among those it lists as conflicting)") {
				t.Errorf("answer %q does not say 1 and 3 are among the conflicting clauses", a)
			}
		}
	}
	if !seen {
		t.Errorf("no witness for 1 and 3 answered with Decide's pair 1 and 2; findings: %+v", findings(rep, "conflict"))
	}
}

// A text field compared with a text constant is analysed (SPEC 14.2: each
// text compared with is an atom, and one atom stands for every other
// text), including the fused form the compiler makes of `field ==
// "text"` and `field != "text"` (found by review: such clauses were
// reported as not analysed).
func TestVetTextComparisons(t *testing.T) {
	const head = `agreement deal "Deal" {
  effective 2026-01-01
  party seller "Seller Inc."
  kind Channel = Web | Store
  action endorse {
    brand   text
    channel Channel
  }
`
	// 1.1 forbids every brand but Kestrel, 1.2 permits web endorsements:
	// a web endorsement of another brand meets both, unordered.
	rep := vetOf(t, head+`
  clause 1.1 "Exclusivity"
    seller must not endorse where brand != "Kestrel"
  clause 1.2 "Web"
    seller may endorse where channel == Web
}`)
	wantFindings(t, rep, result.VetNotAnalysed)
	wantFindings(t, rep, result.VetConflict, "1.2,1.1")

	// Kestrel itself is never forbidden by 1.1, and 1.2 permits only
	// Kestrel: the two never meet.
	rep = vetOf(t, head+`
  clause 1.1 "Exclusivity"
    seller must not endorse where "Kestrel" != brand and channel == Store
  clause 1.2 "Kestrel"
    seller may endorse where brand == "Kestrel"
}`)
	wantFindings(t, rep, result.VetNotAnalysed)
	wantFindings(t, rep, result.VetConflict)
}
