package stdlib

import (
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

func TestMarkdownTable(t *testing.T) {
	md := MarkdownTable()
	lines := strings.Split(strings.TrimSuffix(md, "\n"), "\n")
	if len(lines) != 2+len(interp.Builtins()) {
		t.Fatalf("%d lines for %d functions:\n%s", len(lines), len(interp.Builtins()), md)
	}
	if lines[0] != "| Name | Signature | What it does | Example → result |" || lines[1] != "|---|---|---|---|" {
		t.Errorf("header:\n%s\n%s", lines[0], lines[1])
	}
	for _, want := range []string{
		"| `max` | max(T, T, ...) → T, for T a number, percent, money or date | The largest of two or more values: numbers, percents, dates, or amounts of money in one currency. | `max(USD 1,200.00, USD 950.00)` → `USD 1,200.00` |",
		"| `add_days` | add_days(date, integer) → date | The date a number of days later, or earlier if the number is negative. | `add_days(2026-02-20, 10)` → `2026-03-02` |",
		"| `all` | all(list of bool) → bool |",
		"| `upper` | upper(text) → text | The text with small letters made capital. | `upper(\"acme\")` → `\"ACME\"` |",
	} {
		if !strings.Contains(md, want+"\n") && !strings.Contains(md, want+" ") {
			t.Errorf("the table lacks the row\n%s\n%s", want, md)
		}
	}
	rowName := func(row string) string { return strings.SplitN(row, "`", 3)[1] }
	for i := 3; i < len(lines); i++ {
		if rowName(lines[i-1]) > rowName(lines[i]) {
			t.Errorf("rows out of order:\n%s\n%s", lines[i-1], lines[i])
		}
		if n := strings.Count(strings.ReplaceAll(lines[i], `\|`, ""), "|"); n != 5 {
			t.Errorf("row has %d cell separators, want 5: %s", n, lines[i])
		}
	}
	if cell("a|b") != `a\|b` {
		t.Errorf("cell does not escape |: %s", cell("a|b"))
	}
}
