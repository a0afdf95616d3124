package repl

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
)

// newTestSession loads files into a session writing to a buffer.
func newTestSession(t *testing.T, files ...string) (*Session, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	s := newSession(&out, nil, 0)
	if !s.load(context.Background(), files) {
		t.Fatalf("load %v:\n%s", files, out.String())
	}
	return s, &out
}

// helpExamples returns the examples in help text: the lines indented by
// five spaces, each with the lines wrapped under it (indented deeper), as
// one would copy them.
func helpExamples(text string) []string {
	var examples []string
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasPrefix(l, "     ") || strings.HasPrefix(l, "      ") {
			continue
		}
		ex := strings.TrimSpace(l)
		for i+1 < len(lines) && strings.HasPrefix(lines[i+1], "       ") {
			i++
			ex += "\n" + lines[i]
		}
		examples = append(examples, ex)
	}
	return examples
}

// TestHelpExamplesWork types every example that :help shows (see
// helpExamples) in order, as a new user would, and requires each to
// succeed, with no limit on the width and at 80 columns, where long
// examples are wrapped onto several lines.
func TestHelpExamplesWork(t *testing.T) {
	for _, c := range []struct {
		files []string
		width int
	}{{[]string{exampleDir}, 0}, {[]string{exampleDir}, 80}, {nil, 0}, {nil, 80}} {
		files := c.files
		s, out := newTestSession(t, files...)
		s.width = c.width
		for _, topic := range []string{"", "decide", "money", "define", "shares", "dates", "amendments"} {
			out.Reset()
			if !s.help(topic) {
				t.Fatalf(":help %s failed", topic)
			}
			s.flush()
			examples := helpExamples(out.String())
			if topic == "" && len(files) > 0 && len(examples) < 6 {
				t.Fatalf(":help shows too few examples:\n%s", out.String())
			}
			for _, ex := range examples {
				out.Reset()
				if !s.Handle(context.Background(), ex) {
					t.Errorf("files %v, :help %s: the example %q fails:\n%s", files, topic, ex, out.String())
				}
			}
		}
	}
}

// TestHelpAnswersTheQuestions follows :help on the example deal: the sale
// on AWS is permitted from the amendment's date and not the day before,
// the answer shows the revenue share, and redefining the rate changes it.
func TestHelpAnswersTheQuestions(t *testing.T) {
	s, out := newTestSession(t, exampleDir)
	s.help("")
	help := out.String()
	lines := helpExamples(help)
	given := lines[0]
	ask := func(entry string) string {
		out.Reset()
		if !s.Handle(context.Background(), entry) {
			t.Fatalf("%q failed:\n%s", entry, out.String())
		}
		return out.String()
	}
	ask(given)
	if got := ask("example"); !strings.Contains(got, `permitted by clause 3.2 "AWS distribution"`) ||
		!strings.Contains(got, "openai pays microsoft USD 250,000.00") {
		t.Errorf("the AWS sale on 2026-11-01:\n%s", got)
	}
	ask(strings.Replace(given, "2026-11-01", "2026-10-31", 1))
	if got := ask("example"); !strings.Contains(got, `prohibited by clause 3.1 "Azure exclusivity"`) {
		t.Errorf("the AWS sale on 2026-10-31:\n%s", got)
	}
	if !strings.Contains(help, "try 2026-10-31") {
		t.Errorf(":help does not suggest the day before the amendment:\n%s", help)
	}
	ask(strings.Replace(given, "2026-10-31", "2026-11-01", 1))
	redefine := lines[slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "clause 5.1") })]
	ask(redefine)
	if got := ask("example"); !strings.Contains(got, "openai pays microsoft USD 300,000.00") {
		t.Errorf("after redefining the rate to 30%%:\n%s", got)
	}
}

// TestIndentedLineJoinsDeclaration: at a terminal, a clause's modifier
// pasted on its own indented line completes the clause typed before it.
func TestIndentedLineJoinsDeclaration(t *testing.T) {
	s, out := newTestSession(t, exampleDir)
	ctx := context.Background()
	if !s.Handle(ctx, `clause 5.1 "Revenue share" openai pays microsoft 10% of net_revenue of each sell by openai`) {
		t.Fatalf("clause: %s", out.String())
	}
	out.Reset()
	if !s.Handle(ctx, "  settled yearly") {
		t.Fatalf("indented line: %s", out.String())
	}
	out.Reset()
	s.show("5.1", false)
	if !strings.Contains(out.String(), "settled yearly") {
		t.Errorf("the joined clause:\n%s", out.String())
	}
	// An indented line that does not fit is an error and changes nothing.
	out.Reset()
	if s.Handle(ctx, "  banana") {
		t.Errorf("an indented line that fits nothing succeeded:\n%s", out.String())
	}
}

func TestComplete(t *testing.T) {
	s, _ := newTestSession(t, exampleDir)
	s.Handle(context.Background(), `given sale = sell by openai { product: "p", platform: AWS, region: "US", date: 2027-01-02, gross: USD 10.00, refunds: USD 0.00 }`)
	for _, c := range []struct {
		line string
		want []string
	}{
		{":cl", []string{":clauses "}},
		{":h", []string{":help "}},
		{"micro", []string{"microsoft"}},
		{"net_", []string{"net_revenue"}},
		{"GoogleC", []string{"GoogleCloud"}},
		{"sale.gr", []string{"sale.gross"}},
		{"sell.plat", []string{"sell.platform"}},
		{"5.", []string{"5.1", "5.2", "5.3"}},
		{"3.", []string{"3.1", "3.2"}},
		{"notwith", []string{"notwithstanding"}},
		{"add_m", []string{"add_months"}},
		{"sell by openai { pro", []string{"product:"}},
		{":show 4.", []string{"4.1", "4.2", "4.3"}},
		{":help buil", []string{"builtins"}},
		{":asof n", []string{"none"}},
		// Words of splits, shares and tests (lang.Keywords and
		// lang.ContextWords).
		{"equal", []string{"equal", "equally"}},
		{"whe", []string{"where", "whether"}},
		{"overd", []string{"overdue"}},
		{"poin", []string{"points"}},   // tiers by sale (SPEC 7.3.1)
		{"toge", []string{"together"}}, // caps across clauses (SPEC 7.4.1)
		// A choice's words (SPEC 4.9).
		{"maxim", []string{"maximise"}},
		{"choos", []string{"choose"}},
	} {
		head, got, tail := s.complete(c.line, len([]rune(c.line)))
		if !slices.Equal(got, c.want) {
			t.Errorf("complete(%q) = %q, want %q", c.line, got, c.want)
		}
		if tail != "" || !strings.HasPrefix(c.line, head) {
			t.Errorf("complete(%q): head %q, tail %q", c.line, head, tail)
		}
	}
}

func TestHistoryItem(t *testing.T) {
	for _, c := range []struct {
		entry, want string
		ok          bool
	}{
		{"20% of USD 1.00", "20% of USD 1.00", true},
		{"(1 +\n  2)", "(1 + 2)", true},
		{"max(USD 1.00, // the first\n USD 2.00)", "max(USD 1.00, USD 2.00)", true},
		{"\"a // b\" ==\n \"c\"", "\"a // b\" == \"c\"", true},
		// Joined, `AWS 20%` would read as an amount of money: the lines
		// are kept, marked.
		{"clause 5.1 \"x\" openai pays microsoft of each sell by openai:\n 25% of net_revenue where platform == AWS\n 20% of net_revenue otherwise",
			"clause 5.1 \"x\" openai pays microsoft of each sell by openai:" + lineMark + "25% of net_revenue where platform == AWS" + lineMark + "20% of net_revenue otherwise", true},
		{strings.Repeat("1 + ", 2000) + "1", "", false},
	} {
		got, ok := historyItem(c.entry)
		if got != c.want || ok != c.ok {
			t.Errorf("historyItem(%q) = %q, %v; want %q, %v", c.entry, got, ok, c.want, c.ok)
		}
	}
}

func TestNeedsMore(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"20% of USD 1.00", false},
		{"20% of", true},
		{"max(1,", true},
		{"sell by openai {", true},
		{`clause 9.1 "x"`, true},
		{`"unclosed`, true},
		{"given x =", true},
		{"given x = 1", false},
		{":help", false},
		{"x y", false},
		{"", false},
	} {
		if got := needsMore(c.text); got != c.want {
			t.Errorf("needsMore(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestBannerListsAgreements: with several agreements loaded the banner
// names them and the one questions go to; with one it does not.
func TestBannerListsAgreements(t *testing.T) {
	s, _ := newTestSession(t, exampleDir, "testdata/agreements/reseller.deal")
	want := "Pacta test: loaded openai_microsoft (amended by aws_concessions), reseller from 3 files; " +
		"questions go to openai_microsoft (:agreement NAME chooses another of openai_microsoft, reseller); type :help for help"
	if got := s.banner("test"); got != want {
		t.Errorf("banner:\n got %s\nwant %s", got, want)
	}
	one, _ := newTestSession(t, exampleDir)
	if got := one.banner("test"); strings.Contains(got, ":agreement") {
		t.Errorf("banner with one agreement: %s", got)
	}
}

// TestCompleteItems: the REPL completes an item type's name and, inside
// an item's braces, its fields (SPEC 4.5.1), without actor or date.
func TestCompleteItems(t *testing.T) {
	s, _ := newTestSession(t, "../../../examples/volume-rebate")
	for _, c := range []struct {
		line string
		want []string
	}{
		{"lin", []string{"line", "line_amount", "line_rebate"}},
		{"line { sk", []string{"sku:"}},
		{"line { sku: \"A\", pro", []string{"promotional:"}},
		{"line { d", nil},
	} {
		_, got, _ := s.complete(c.line, len([]rune(c.line)))
		if !slices.Equal(got, c.want) {
			t.Errorf("complete(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}
