package repl

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/pacta-lang/pacta/interp/result"
)

// This file lays a statement out for a narrow terminal: the text `pacta
// settle` prints, with each of its tables (the lines of a period, the
// breaches, the amounts overdue, the obligations not met) written a row
// under another, when the statement is wider than the terminal. The
// figures are the statement's own, untouched.

// statementText returns the statement as `pacta settle` prints it or,
// wider than the session's width, laid out narrow.
func (s *Session) statementText(st *result.Statement) (string, error) {
	var b strings.Builder
	if err := st.WriteText(&b); err != nil {
		return "", err
	}
	text := b.String()
	if s.width <= 0 || widest(text) <= s.width {
		return text, nil
	}
	return narrowStatement(text, st), nil
}

// widest returns the width of the widest line of text.
func widest(text string) int {
	w := 0
	for _, l := range strings.Split(text, "\n") {
		w = max(w, runewidth.StringWidth(l))
	}
	return w
}

// periodHeadRE matches the heading of a period: `2026-Q4 (2026-10-01 to
// 2026-12-31)`.
var periodHeadRE = regexp.MustCompile(`^(\S+) \(\S+ to \S+\)$`)

// narrowStatement rewrites the tables of text, the statement st as text.
func narrowStatement(text string, st *result.Statement) string {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	var out []string
	period := ""
	// skip drops the rows of the table whose header is at i; it returns
	// the index of the line after them (a blank line, or the end).
	skip := func(i int) int {
		for i++; i < len(lines) && strings.TrimSpace(lines[i]) != ""; i++ {
		}
		return i
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		switch {
		case periodHeadRE.MatchString(l):
			period = periodHeadRE.FindStringSubmatch(l)[1]
			out = append(out, l)
		case strings.HasPrefix(t, "Payer → Payee") && strings.Contains(t, "Base"):
			for _, sl := range st.Lines {
				if sl.Period.String() == period {
					out = append(out, narrowLine(sl)...)
				}
			}
			i = skip(i) - 1
		case strings.HasPrefix(t, "Ledger row"):
			for _, br := range st.Breaches {
				out = append(out,
					fmt.Sprintf("  %s:%d, %s: %s %s", br.Source, br.Line, br.Date, br.Actor, br.Action),
					"      "+br.Decision.String())
			}
			i = skip(i) - 1
		case strings.HasPrefix(t, "Payer → Payee") && strings.Contains(t, "Outstanding"):
			for _, o := range st.Overdue {
				ln := o.Line
				out = append(out,
					fmt.Sprintf("  %s → %s: %s outstanding of %s, due %s, %d days late", ln.Payer, ln.Payee, o.Outstanding, ln.Amount, ln.Due, o.DaysLate),
					fmt.Sprintf("      %s, %s; late charge %s", clauseLabel(ln.Clause), ln.Kind, o.LateCharge))
			}
			i = skip(i) - 1
		case strings.HasPrefix(t, "Clause") && strings.Contains(t, "Obligation"):
			for _, u := range st.Unmet {
				out = append(out, fmt.Sprintf("  %s: %s must %s by %s", clauseLabel(u.Clause), u.Party, u.Action, u.Deadline))
			}
			i = skip(i) - 1
		default:
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n") + "\n"
}

// narrowLine writes one statement line: who pays whom how much and when,
// then its clause and kind, base and rate, and notes.
func narrowLine(l *result.Line) []string {
	out := []string{fmt.Sprintf("  %s → %s: %s, due %s", l.Payer, l.Payee, l.Amount, l.Due)}
	out = append(out, fmt.Sprintf("      %s, %s", clauseLabel(l.Clause), l.Kind))
	switch {
	case l.Base != nil && l.Rate != "":
		out = append(out, fmt.Sprintf("      base %s, rate %s", *l.Base, strings.ReplaceAll(l.Rate, "; ", " + ")))
	case l.Base != nil:
		out = append(out, fmt.Sprintf("      base %s", *l.Base))
	case l.Rate != "":
		out = append(out, "      rate "+l.Rate)
	}
	for _, n := range l.Notes {
		out = append(out, "      "+n)
	}
	return out
}

// clauseLabel names a clause as statements do: `5.1 "Revenue share"
// (aws_concessions)`.
func clauseLabel(c *result.ClauseInfo) string {
	if c == nil {
		return ""
	}
	return c.String()
}
