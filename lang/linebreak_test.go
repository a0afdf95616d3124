package lang

import (
	"strings"
	"testing"
)

// lbHeader declares what the share and tier tests below use.
const lbHeader = `agreement a "A" {
  effective 2026-01-01
  currency USD
  party p "P"
  party q "Q"
  kind Platform = AWS | Azure
  action sell {
    platform Platform
    gross    money
    units    integer
  }
  term flag = true
  term threshold = USD 100.00
`

// formatBody parses and checks lbHeader + body and returns the formatted
// clause (from its "clause" line), or fails.
func formatBody(t *testing.T, body string) string {
	t.Helper()
	f, errs := Parse("lb.pacta", []byte(lbHeader+body+"}\n"))
	if len(errs) > 0 {
		t.Fatalf("parse %q: %v", body, errs)
	}
	out := string(Format(f))
	return strings.TrimSpace(out[strings.Index(out, "  clause"):strings.LastIndex(out, "}")])
}

// A three-capital-letter name and a number on the next line are two
// tokens: money's code and amount must be on one line (SPEC 1.2, 1.4).
func TestMoneyNotAcrossLines(t *testing.T) {
	got, _ := lexKinds(t, "platform == AWS\n      20% of gross AWS 20")
	want := "Ident:platform Punct:== Ident:AWS Percent:20% Keyword:of Ident:gross Money:AWS 20"
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	got = formatBody(t, `  clause 1 "C"
    p pays q of each sell:
      10% of gross where platform == AWS
      20% of gross otherwise
`)
	want = `clause 1 "C"
    p pays q of each sell:
      10% of gross where platform == AWS
      20% of gross otherwise`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A share line or tier that begins with `-` or `(` is a new share line or
// tier, never the continuation of the expression that ends the line before
// (SPEC 2.6, rule 8). Before, `AWS` then `-5% of ...` on the next line read
// as AWS - 5%, and `flag` then `(2% + 1%) ...` as a call flag(2% + 1%).
func TestShareLineStartsWithMinusOrParen(t *testing.T) {
	got := formatBody(t, `  clause 1 "C"
    p pays q of each sell:
      10% of gross where platform == AWS
      -5% of gross where flag
      (2% + 1%) of gross where units > 0
      1% of gross otherwise
`)
	want := `clause 1 "C"
    p pays q of each sell:
      10% of gross where platform == AWS
      -5% of gross where flag
      (2% + 1%) of gross where units > 0
      1% of gross otherwise`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// The continuation is written with the operator or the "(" at the end
	// of the line, or inside parentheses: then it is one expression.
	got = formatBody(t, `  clause 1 "C"
    p pays q of each sell:
      10% of gross where units -
        1 > 0
      5% of gross where (units
        - 2 > 0)
      1% of gross otherwise
`)
	want = `clause 1 "C"
    p pays q of each sell:
      10% of gross where units - 1 > 0
      5% of gross where (units - 2 > 0)
      1% of gross otherwise`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTierStartsWithMinusOrParen(t *testing.T) {
	got := formatBody(t, `  clause 2 "T"
    p pays q marginal tiers {
      10% up to USD 1.00
      -5% up to threshold
      (5%) above
    } of gross of each sell
`)
	want := `clause 2 "T"
    p pays q marginal tiers {
      10% up to USD 1.00
      -5% up to threshold
      (5%) above
    } of gross of each sell`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Elsewhere a line break means nothing: a term's body continues.
	f, errs := Parse("t.pacta", []byte(lbHeader+"  term x = threshold\n    - USD 1.00\n  term y = max\n    (1, 2)\n}\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if out := string(Format(f)); !strings.Contains(out, "term x = threshold - USD 1.00\n") || !strings.Contains(out, "term y = max(1, 2)\n") {
		t.Errorf("terms: %s", out)
	}
}
