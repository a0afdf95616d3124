package interp_test

// Decision tables. Every row's verdict, deciding clause and list of applied
// clauses is derived by hand from SPEC.md sections 5.2 to 5.4 and 9; the
// reasoning is in the comment beside the row.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// ---- helpers shared by the test files of package interp_test ----

// compile compiles sources (named a.pacta, b.pacta, ...) with the standard
// library, failing the test on any error.
func compile(t testing.TB, srcs ...string) *interp.Program {
	t.Helper()
	p, err := compileErr(srcs...)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return p
}

func compileErr(srcs ...string) (*interp.Program, error) {
	ss := make([]interp.Source, len(srcs))
	for i, s := range srcs {
		ss[i] = interp.Source{Name: string(rune('a'+i)) + ".pacta", Text: []byte(s)}
	}
	return interp.Compile(ss)
}

// exampleDeal loads examples/openai-microsoft-aws through LoadFS.
func exampleDeal(t testing.TB, opts ...interp.Option) *interp.Program {
	t.Helper()
	p, err := interp.LoadFS(os.DirFS("../examples/openai-microsoft-aws"), []string{"*.pacta"}, opts...)
	if err != nil {
		t.Fatalf("load the example deal: %v", err)
	}
	return p
}

func mustDate(t testing.TB, s string) types.Date {
	t.Helper()
	d, err := types.ParseDate(s)
	if err != nil {
		t.Fatalf("date %q: %v", s, err)
	}
	return d
}

func mustDec(t testing.TB, s string) types.Decimal {
	t.Helper()
	d, err := types.ParseDecimal(s)
	if err != nil {
		t.Fatalf("decimal %q: %v", s, err)
	}
	return d
}

// fieldsOf reads "actor=a channel=Web date=2024-12-01" into a field map.
// Values may not contain spaces; write money as USD:5.00 or 5.00.
func fieldsOf(spec string) map[string]string {
	m := map[string]string{}
	for _, kv := range strings.Fields(spec) {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = strings.Replace(v, ":", " ", 1)
	}
	return m
}

// newAction builds an action instance from a field spec (see fieldsOf).
func newAction(t testing.TB, p *interp.Program, agreement, action, spec string) *types.Record {
	t.Helper()
	r, err := p.NewAction(agreement, action, fieldsOf(spec))
	if err != nil {
		t.Fatalf("%s %s: %v", action, spec, err)
	}
	return r
}

// summary renders a decision compactly for comparison with a table row:
//
//	prohibited by 1.3 [1.3 decides; 1.2 overridden by 1.3]
//	conflict 4.1/4.2 [4.1 conflicts; 4.2 conflicts]
//	not covered, permitted
func summary(d *result.Decision) string {
	var b strings.Builder
	switch {
	case d.Verdict == lang.Conflict:
		fmt.Fprintf(&b, "conflict %s/%s", num(d.Conflict[0]), num(d.Conflict[1]))
	case d.Verdict == lang.NotCovered:
		fmt.Fprintf(&b, "not covered, %s", d.Effect)
	default:
		fmt.Fprintf(&b, "%s by %s", d.Verdict, num(d.Clause))
	}
	if len(d.Applied) > 0 {
		parts := make([]string, len(d.Applied))
		for i, a := range d.Applied {
			parts[i] = num(a.Clause) + " " + a.Outcome
			if a.Outcome == "overridden" {
				parts[i] += " by " + num(a.By)
			}
		}
		b.WriteString(" [" + strings.Join(parts, "; ") + "]")
	}
	return b.String()
}

func num(c *result.ClauseInfo) string {
	if c == nil {
		return "<nil>"
	}
	return c.Num
}

// ---- precedence ----

// precSrc has one action per question so that the clauses of one table do
// not interfere with those of another.
const precSrc = `
agreement prec "Precedence tables" {
  effective 2020-01-01
  currency USD
  default permitted

  party a "Alpha Ltd"
  party b "Beta Ltd"

  kind Channel = Web | Store | Phone | Mail

  action ship { channel Channel  amount money }
  action lend { channel Channel  amount money }
  action rent { channel Channel  amount money }
  action swap { channel Channel  amount money }
  action gift { channel Channel  amount money }
  action sort { channel Channel  amount money }

  // A chain: 1.3 notwithstanding 1.2 notwithstanding 1.1.
  clause 1.1 "No shipping"
    a must not ship
  clause 1.2 "Shipping by web and store" notwithstanding 1.1
    a may ship where channel in [Web, Store]
  clause 1.3 "No shipping by web" notwithstanding 1.2
    a must not ship where channel == Web

  // Transitive: 2.3 overrides 2.2 overrides 2.1, and 2.2 covers only Store.
  clause 2.1 "No lending"
    a must not lend
  clause 2.2 "Lending in store" notwithstanding 2.1
    a may lend where channel == Store
  clause 2.3 "Lending on the web" notwithstanding 2.2
    a may lend where channel == Web

  // subject to (the other clause wins) against notwithstanding (this one wins).
  clause 3.1 "Renting"
    a may rent
  clause 3.2 "No renting by phone" subject to 3.1
    a must not rent where channel == Phone
  clause 3.3 "No renting by mail" notwithstanding 3.1
    a must not rent where channel == Mail

  // Nothing orders 4.1 and 4.2: a web swap is a conflict.
  clause 4.1 "Swaps"
    a may swap
  clause 4.2 "No web swaps"
    a must not swap where channel == Web
  clause 4.3 "Store swaps"
    a may swap where channel == Store

  // Windows: from and until are inclusive.
  clause 5.1 "Holiday gifts"
    a may gift from 2024-12-01 until 2024-12-31
  clause 5.2 "No gifts in January"
    a must not gift until 2025-01-31 from 2025-01-01

  // Declared out of clause order: 9.10 comes after 9.2 (SPEC 5.1).
  clause 9.10 "Sorting allowed"
    a may sort
  clause 9.2 "No sorting by mail"
    a must not sort where channel == Mail
}

agreement strict "Strict licence" {
  effective 2021-01-01
  ends 2030-12-31
  currency USD
  default prohibited

  party a "Alpha Ltd"
  kind Region = North | South
  action sell { region Region  amount money }

  clause 1 "Northern sales"
    a may sell where region == North
}
`

type decideRow struct {
	agreement, action, fields string
	asOf                      string // "" for none
	want                      string // see summary
	amendment                 string // the amendment that made the deciding clause
}

func runDecideRows(t *testing.T, p *interp.Program, rows []decideRow) {
	t.Helper()
	for _, r := range rows {
		name := r.action + " " + r.fields
		if r.asOf != "" {
			name += " as of " + r.asOf
		}
		t.Run(name, func(t *testing.T) {
			a := newAction(t, p, r.agreement, r.action, r.fields)
			var opts interp.DecideOptions
			if r.asOf != "" {
				opts.AsOf = mustDate(t, r.asOf)
			}
			d, err := p.Decide(context.Background(), a, opts)
			if err != nil {
				t.Fatalf("decide: %v", err)
			}
			if got := summary(d); got != r.want {
				t.Errorf("got  %s\nwant %s", got, r.want)
			}
			if d.Clause != nil && d.Clause.Amendment != r.amendment {
				t.Errorf("deciding clause %s made by %q, want %q", d.Clause.Num, d.Clause.Amendment, r.amendment)
			}
		})
	}
}

func TestDecidePrecedence(t *testing.T) {
	p := compile(t, precSrc)
	const amt = " amount=USD:5.00"
	rows := []decideRow{
		// Chain. Mail: only 1.1 covers it.
		{"prec", "ship", "actor=a channel=Mail date=2024-06-01" + amt, "", "prohibited by 1.1 [1.1 decides]", ""},
		// Phone: 1.2 covers only Web and Store, so 1.1 alone.
		{"prec", "ship", "actor=a channel=Phone date=2024-06-01" + amt, "", "prohibited by 1.1 [1.1 decides]", ""},
		// Store: 1.1 and 1.2 apply; 1.2 notwithstanding 1.1 removes 1.1.
		{"prec", "ship", "actor=a channel=Store date=2024-06-01" + amt, "", "permitted by 1.2 [1.2 decides; 1.1 overridden by 1.2]", ""},
		// Web: all three apply. 1.3 overrides 1.2 directly and 1.1 through
		// 1.2 (transitive); 1.2 also overrides 1.1 but is itself removed.
		// SPEC 5.4 reports each overridden clause "with the deciding
		// clause(s) that override it": 1.3 for both.
		{"prec", "ship", "actor=a channel=Web date=2024-06-01" + amt, "", "prohibited by 1.3 [1.3 decides; 1.1 overridden by 1.3; 1.2 overridden by 1.3]", ""},

		// Transitive through a clause that does not apply: for a web loan
		// only 2.1 and 2.3 apply; 2.3 > 2.2 > 2.1, so 2.3 overrides 2.1.
		// Without transitivity this would be a conflict.
		{"prec", "lend", "actor=a channel=Web date=2024-06-01" + amt, "", "permitted by 2.3 [2.3 decides; 2.1 overridden by 2.3]", ""},
		{"prec", "lend", "actor=a channel=Store date=2024-06-01" + amt, "", "permitted by 2.2 [2.2 decides; 2.1 overridden by 2.2]", ""},
		{"prec", "lend", "actor=a channel=Mail date=2024-06-01" + amt, "", "prohibited by 2.1 [2.1 decides]", ""},

		// subject to: 3.2 is subject to 3.1, so 3.1 wins for phone rentals.
		{"prec", "rent", "actor=a channel=Phone date=2024-06-01" + amt, "", "permitted by 3.1 [3.1 decides; 3.2 overridden by 3.1]", ""},
		// notwithstanding: 3.3 notwithstanding 3.1, so 3.3 wins for mail.
		{"prec", "rent", "actor=a channel=Mail date=2024-06-01" + amt, "", "prohibited by 3.3 [3.3 decides; 3.1 overridden by 3.3]", ""},
		{"prec", "rent", "actor=a channel=Web date=2024-06-01" + amt, "", "permitted by 3.1 [3.1 decides]", ""},

		// Conflict: 4.1 permits, 4.2 prohibits, nothing orders them.
		{"prec", "swap", "actor=a channel=Web date=2024-06-01" + amt, "", "conflict 4.1/4.2 [4.1 conflicts; 4.2 conflicts]", ""},
		// Two permissions agree: the first in clause order decides.
		{"prec", "swap", "actor=a channel=Store date=2024-06-01" + amt, "", "permitted by 4.1 [4.1 decides; 4.3 agrees]", ""},
		{"prec", "swap", "actor=a channel=Mail date=2024-06-01" + amt, "", "permitted by 4.1 [4.1 decides]", ""},
		// A conflict names the deciding clauses in clause order (SPEC 5.1:
		// 9.2 < 9.10), whatever the order they were written in.
		{"prec", "sort", "actor=a channel=Mail date=2024-06-01" + amt, "", "conflict 9.2/9.10 [9.2 conflicts; 9.10 conflicts]", ""},

		// Windows, both ends inclusive; outside them the default applies.
		{"prec", "gift", "actor=a channel=Web date=2024-11-30" + amt, "", "not covered, permitted", ""},
		{"prec", "gift", "actor=a channel=Web date=2024-12-01" + amt, "", "permitted by 5.1 [5.1 decides]", ""},
		{"prec", "gift", "actor=a channel=Web date=2024-12-31" + amt, "", "permitted by 5.1 [5.1 decides]", ""},
		{"prec", "gift", "actor=a channel=Web date=2025-01-01" + amt, "", "prohibited by 5.2 [5.2 decides]", ""},
		{"prec", "gift", "actor=a channel=Web date=2025-01-31" + amt, "", "prohibited by 5.2 [5.2 decides]", ""},
		{"prec", "gift", "actor=a channel=Web date=2025-02-01" + amt, "", "not covered, permitted", ""},

		// The default verdict: another actor is covered by no clause.
		{"prec", "ship", "actor=b channel=Web date=2024-06-01" + amt, "", "not covered, permitted", ""},
		// Before the agreement takes effect nothing applies.
		{"prec", "ship", "actor=a channel=Mail date=2019-12-31" + amt, "", "not covered, permitted", ""},

		// default prohibited.
		{"strict", "sell", "actor=a region=North date=2025-01-01" + amt, "", "permitted by 1 [1 decides]", ""},
		{"strict", "sell", "actor=a region=South date=2025-01-01" + amt, "", "not covered, prohibited", ""},
		// After the agreement ends (2030-12-31, inclusive) nothing applies.
		{"strict", "sell", "actor=a region=North date=2030-12-31" + amt, "", "permitted by 1 [1 decides]", ""},
		{"strict", "sell", "actor=a region=North date=2031-01-01" + amt, "", "not covered, prohibited", ""},
	}
	runDecideRows(t, p, rows)
}

// TestDecideEffect: Effect is what the answer means for the action; it is
// the verdict itself when a clause decides (see Decision.Effect).
func TestDecideEffect(t *testing.T) {
	p := compile(t, precSrc)
	cases := []struct{ fields, action, agreement string }{
		{"actor=a channel=Mail date=2024-06-01 amount=5", "ship", "prec"},  // prohibited by 1.1
		{"actor=a channel=Store date=2024-06-01 amount=5", "ship", "prec"}, // permitted by 1.2
		{"actor=a channel=Web date=2024-06-01 amount=5", "swap", "prec"},   // conflict
		{"actor=b channel=Web date=2024-06-01 amount=5", "ship", "prec"},   // not covered
		{"actor=a region=South date=2025-01-01 amount=5", "sell", "strict"},
	}
	want := []lang.Verdict{lang.Prohibited, lang.Permitted, lang.Prohibited, lang.Permitted, lang.Prohibited}
	for i, c := range cases {
		d, err := p.Decide(context.Background(), newAction(t, p, c.agreement, c.action, c.fields), interp.DecideOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Effect != want[i] {
			t.Errorf("%s %s: verdict %s, effect %s; want effect %s", c.action, c.fields, d.Verdict, d.Effect, want[i])
		}
	}
}

// TestDecideReasons checks the words that explain an override.
func TestDecideReasons(t *testing.T) {
	p := compile(t, precSrc)
	cases := []struct {
		action, fields string
		clause, reason string
	}{
		{"ship", "actor=a channel=Store date=2024-06-01 amount=5", "1.1", "1.2 applies notwithstanding 1.1"},
		{"rent", "actor=a channel=Phone date=2024-06-01 amount=5", "3.2", "3.2 is subject to 3.1"},
		{"lend", "actor=a channel=Web date=2024-06-01 amount=5", "2.1", "2.3 takes precedence over 2.1"},
	}
	for _, c := range cases {
		d, err := p.Decide(context.Background(), newAction(t, p, "prec", c.action, c.fields), interp.DecideOptions{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, a := range d.Applied {
			if a.Clause.Num == c.clause {
				found = true
				if !strings.Contains(a.Reason(), c.reason) {
					t.Errorf("%s %s: clause %s reason %q, want it to contain %q", c.action, c.fields, c.clause, a.Reason(), c.reason)
				}
			}
		}
		if !found {
			t.Errorf("%s %s: clause %s not among the applied clauses: %s", c.action, c.fields, c.clause, summary(d))
		}
	}
}

// ---- amendments and as-of dates ----

const amendSrc = `
agreement lic "Licence" {
  effective 2020-01-01
  currency USD
  party a "Alpha Ltd"
  action sell { region text  amount money }
  clause 1 "Territory"
    a must not sell where region == "EU"
}

amendment eu_open "EU opening" amends lic {
  effective 2022-01-01
  replace clause 1 "Territory"
    a must not sell where region == "CN"
}

amendment cn_open "CN opening" amends lic {
  effective 2023-01-01
  delete clause 1
}
`

func TestDecideAmendments(t *testing.T) {
	p := compile(t, amendSrc)
	rows := []decideRow{
		// Version 1 (the agreement) until 2021-12-31.
		{"lic", "sell", "actor=a region=EU date=2021-12-31 amount=1", "", "prohibited by 1 [1 decides]", ""},
		{"lic", "sell", "actor=a region=CN date=2021-12-31 amount=1", "", "not covered, permitted", ""},
		// Version 2 (eu_open) from 2022-01-01 to 2022-12-31.
		{"lic", "sell", "actor=a region=EU date=2022-01-01 amount=1", "", "not covered, permitted", ""},
		{"lic", "sell", "actor=a region=CN date=2022-01-01 amount=1", "", "prohibited by 1 [1 decides]", "eu_open"},
		{"lic", "sell", "actor=a region=CN date=2022-12-31 amount=1", "", "prohibited by 1 [1 decides]", "eu_open"},
		// Deleted from 2023-01-01.
		{"lic", "sell", "actor=a region=CN date=2023-01-01 amount=1", "", "not covered, permitted", ""},
		// As of a date before an amendment, the amendment is unknown.
		{"lic", "sell", "actor=a region=CN date=2023-06-01 amount=1", "2022-12-31", "prohibited by 1 [1 decides]", "eu_open"},
		{"lic", "sell", "actor=a region=EU date=2023-06-01 amount=1", "2021-06-30", "prohibited by 1 [1 decides]", ""},
		// As of a date after the sale, the sale is still judged by the
		// versions in force on its own date (SPEC 5.4 step 3, 9.3).
		{"lic", "sell", "actor=a region=EU date=2021-06-01 amount=1", "2023-06-01", "prohibited by 1 [1 decides]", ""},
		{"lic", "sell", "actor=a region=CN date=2022-06-01 amount=1", "2023-06-01", "prohibited by 1 [1 decides]", "eu_open"},
	}
	runDecideRows(t, p, rows)
}

// TestDecideExampleDeal is the table of SPEC T.5 and more, on the example
// in examples/openai-microsoft-aws.
func TestDecideExampleDeal(t *testing.T) {
	p := exampleDeal(t)
	const sale = " product=API region=US gross=USD:50,000.00 refunds=0.00"
	rows := []decideRow{
		// AWS the day before the amendment: 3.2 is not yet in force.
		{"", "sell", "actor=openai platform=AWS date=2026-10-31" + sale, "", "prohibited by 3.1 [3.1 decides]", ""},
		// On the amendment's effective date and after: 3.2 notwithstanding 3.1.
		{"", "sell", "actor=openai platform=AWS date=2026-11-01" + sale, "", "permitted by 3.2 [3.2 decides; 3.1 overridden by 3.2]", "aws_concessions"},
		{"", "sell", "actor=openai platform=AWS date=2027-03-15" + sale, "", "permitted by 3.2 [3.2 decides; 3.1 overridden by 3.2]", "aws_concessions"},
		// Azure and Direct: 2.1, before and after the amendment.
		{"", "sell", "actor=openai platform=Azure date=2026-06-01" + sale, "", "permitted by 2.1 [2.1 decides]", ""},
		{"", "sell", "actor=openai platform=Azure date=2027-01-15" + sale, "", "permitted by 2.1 [2.1 decides]", ""},
		{"", "sell", "actor=openai platform=Direct date=2026-11-01" + sale, "", "permitted by 2.1 [2.1 decides]", ""},
		// Google Cloud: 3.1 before and after (3.2 is about AWS only).
		{"", "sell", "actor=openai platform=GoogleCloud date=2025-03-15" + sale, "", "prohibited by 3.1 [3.1 decides]", ""},
		{"", "sell", "actor=openai platform=GoogleCloud date=2026-11-01" + sale, "", "prohibited by 3.1 [3.1 decides]", ""},
		// Microsoft: 2.2 on Azure; nothing on AWS, so the default.
		{"", "sell", "actor=microsoft platform=Azure date=2026-06-01" + sale, "", "permitted by 2.2 [2.2 decides]", ""},
		{"", "sell", "actor=microsoft platform=AWS date=2026-03-01" + sale, "", "not covered, permitted", ""},
		// As of 2026-06-30 the amendment is unknown (SPEC T.5, 9.3).
		{"", "sell", "actor=openai platform=AWS date=2027-01-15" + sale, "2026-06-30", "prohibited by 3.1 [3.1 decides]", ""},
		// As of a later date, a sale before the amendment is still judged by
		// the clauses in force on its date: 3.2 does not reach back.
		{"", "sell", "actor=openai platform=AWS date=2026-10-31" + sale, "2027-06-30", "prohibited by 3.1 [3.1 decides]", ""},
		// Before the agreement.
		{"", "sell", "actor=openai platform=AWS date=2019-07-21" + sale, "", "not covered, permitted", ""},
	}
	runDecideRows(t, p, rows)
}

// TestDecideVersionAndAsOf checks the other fields of a decision.
func TestDecideVersionAndAsOf(t *testing.T) {
	p := exampleDeal(t)
	const sale = " product=API region=US gross=1.00 refunds=0.00"
	d, err := p.Decide(context.Background(), newAction(t, p, "", "sell", "actor=openai platform=AWS date=2026-11-01"+sale), interp.DecideOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Agreement != "openai_microsoft" || d.Version != "aws_concessions" || d.AsOf != mustDate(t, "2026-11-01") {
		t.Errorf("agreement %q version %q as of %s", d.Agreement, d.Version, d.AsOf)
	}
	if d.Clause.Title != "AWS distribution" {
		t.Errorf("title %q", d.Clause.Title)
	}
	d, err = p.Decide(context.Background(), newAction(t, p, "", "sell", "actor=openai platform=AWS date=2026-10-31"+sale), interp.DecideOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Version != "" {
		t.Errorf("version %q for a sale before the amendment, want the base agreement", d.Version)
	}
}

// ---- bad input ----

func TestDecideBadInput(t *testing.T) {
	p := compile(t, precSrc)
	good := "actor=a channel=Web date=2024-06-01 amount=USD:5.00"
	cases := []struct {
		agreement, action, fields string
		field                     string // the FieldError's field, "" for another error
		wantMsg                   string
	}{
		{"prec", "shipp", good, "", `unknown action "shipp" (did you mean "ship"?)`},
		{"nope", "ship", good, "", `"nope"`},
		{"", "ship", good, "", "several agreements"},
		{"prec", "ship", good + " chanel=Web", "chanel", `did you mean "channel"?`},
		{"prec", "ship", "actor=c channel=Web date=2024-06-01 amount=5", "actor", `unknown party "c"`},
		{"prec", "ship", "actor=a channel=Fax date=2024-06-01 amount=5", "channel", `"Fax" is not a Channel`},
		{"prec", "ship", "actor=a channel=Web date=2024-06-01 amount=ten", "amount", `"ten" is not an amount`},
		{"prec", "ship", "actor=a channel=Web date=2024-06-01 amount=EUR:5.00", "amount", "EUR"},
		{"prec", "ship", "actor=a channel=Web date=2024-06-01 amount=-5.00", "amount", "negative"},
		{"prec", "ship", "actor=a channel=Web date=2024-02-30 amount=5", "date", "2024-02-30"},
		{"prec", "ship", "actor=a channel=Web date=June amount=5", "date", "June"},
		{"prec", "ship", "actor=a channel=Web date=2024-06-01", "amount", "missing"},
		{"prec", "ship", "actor=a channel=Web amount=5", "date", "missing"},
		{"prec", "ship", "channel=Web date=2024-06-01 amount=5", "actor", "missing"},
	}
	for _, c := range cases {
		_, err := p.NewAction(c.agreement, c.action, fieldsOf(c.fields))
		if err == nil {
			t.Errorf("%s %s %s: no error", c.agreement, c.action, c.fields)
			continue
		}
		if !strings.Contains(err.Error(), c.wantMsg) {
			t.Errorf("%s %s: error %q, want it to contain %q", c.action, c.fields, err, c.wantMsg)
		}
		if c.field != "" {
			var fe *interp.FieldError
			if !errors.As(err, &fe) || fe.Field != c.field {
				t.Errorf("%s %s: error %q does not name field %q", c.action, c.fields, err, c.field)
			} else if !strings.Contains(err.Error(), c.field) {
				t.Errorf("error %q does not show the field name %q", err, c.field)
			}
		}
	}

	// The same checks through JSON.
	jsonCases := []struct{ in, field, msg string }{
		{`{"agreement":"prec","action":"ship","actor":"a","channel":"Web","date":"2024-06-01","amount":"USD 5.00"}`, "", ""},
		{`{"agreement":"prec","action":"ship","actor":"a","channel":"Web","date":"2024-06-01","amount":5}`, "", ""},
		{`{"agreement":"prec","actor":"a"}`, "action", "missing"},
		{`{"agreement":"prec","action":"ship","actor":"a","channel":{"x":1},"date":"2024-06-01","amount":"5"}`, "channel", ""},
		{`{"agreement":"prec","action":"ship","actor":"a","channel":"Web","date":"2024-06-01","amount":"5","colour":"red"}`, "colour", ""},
		{`{"agreement":"prec","action":"ship","actor":"a","channel":"Web","date":"2024-06-01"}`, "amount", "missing"},
		{`not json`, "", "JSON"},
		{`{"agreement":"prec","action":"ship"} {}`, "", "one action per line"},
	}
	for _, c := range jsonCases {
		r, err := p.ParseActionJSON([]byte(c.in))
		if c.field == "" && c.msg == "" {
			if err != nil || r == nil {
				t.Errorf("%s: %v", c.in, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: no error", c.in)
			continue
		}
		if c.msg != "" && !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: error %q, want %q", c.in, err, c.msg)
		}
		if c.field != "" {
			var fe *interp.FieldError
			if !errors.As(err, &fe) || fe.Field != c.field {
				t.Errorf("%s: error %q does not name field %q", c.in, err, c.field)
			}
		}
	}

	// Decide on something that is not an action of a loaded agreement.
	if _, err := p.Decide(context.Background(), nil, interp.DecideOptions{}); err == nil {
		t.Error("Decide(nil): no error")
	}
}

// TestDecideEventIsNotAnAction: only actions are decided (SPEC 5.4); an
// event instance (here the built-in payment) is refused, not answered
// "not covered".
func TestDecideEventIsNotAnAction(t *testing.T) {
	p := exampleDeal(t)
	r, err := p.NewAction("", "model_release", fieldsOf("model=GPT-7 platform=Azure date=2027-01-01"))
	if err != nil {
		return // refused when built: fine
	}
	defer func() {
		if v := recover(); v != nil {
			t.Errorf("Decide panicked on an event instance: %v", v)
		}
	}()
	d, err := p.Decide(context.Background(), r, interp.DecideOptions{})
	if err == nil {
		t.Errorf("an event was decided: %s", summary(d))
	}
}

// TestDecideManyApplicableClauses: more clauses apply than the decision's
// fixed scratch space holds (regression: resolve sliced a 16-element array
// to the number of applicable clauses and panicked).
func TestDecideManyApplicableClauses(t *testing.T) {
	var b strings.Builder
	b.WriteString("agreement many \"Many\" {\n  effective 2020-01-01\n  currency USD\n  party a \"A\"\n  action ship { amount money }\n")
	var nums []string
	want := "prohibited by 20 [20 decides"
	for k := 1; k <= 19; k++ {
		fmt.Fprintf(&b, "  clause %d \"Permission %d\"\n    a may ship\n", k, k)
		nums = append(nums, fmt.Sprint(k))
		want += fmt.Sprintf("; %d overridden by 20", k)
	}
	fmt.Fprintf(&b, "  clause 20 \"Prohibition\" notwithstanding %s\n    a must not ship\n}\n", strings.Join(nums, ", "))
	p := compile(t, b.String())
	defer func() {
		if v := recover(); v != nil {
			t.Errorf("Decide panicked with 20 applicable clauses: %v", v)
		}
	}()
	d, err := p.Decide(context.Background(), newAction(t, p, "", "ship", "actor=a amount=1 date=2024-01-01"), interp.DecideOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(d); got != want+"]" {
		t.Errorf("got  %s\nwant %s]", got, want)
	}
}

// TestDecideMalformedRecord: a Record built by hand with the wrong number
// of fields is refused with an error, not a panic.
func TestDecideMalformedRecord(t *testing.T) {
	p := compile(t, precSrc)
	good := newAction(t, p, "prec", "ship", "actor=a channel=Web date=2024-06-01 amount=5")
	for _, r := range []*types.Record{
		{Schema: good.Schema},
		{Schema: good.Schema, Fields: good.Fields[:1]},
	} {
		func() {
			defer func() {
				if v := recover(); v != nil {
					t.Errorf("Decide panicked on a record with %d fields: %v", len(r.Fields), v)
				}
			}()
			if _, err := p.Decide(context.Background(), r, interp.DecideOptions{}); err == nil {
				t.Errorf("a record with %d fields was decided", len(r.Fields))
			}
		}()
	}
}
