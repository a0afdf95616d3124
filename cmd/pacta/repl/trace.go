package repl

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file explains a statement: :why after :settle explains each of its
// lines in the agreement's words, and :trace N lists the ledger rows (or
// the instances given) that make up line N.

// statement is the last statement :settle printed.
type statement struct {
	st     *result.Statement
	events func(yield func(interp.Event, error) bool) // the events it was settled from; may be read again
	source string
	// What it was settled under: the session's program (which a change
	// replaces), its as-of date and the period typed. :why N and :trace N
	// explain a line with the program in force now, so they refuse once
	// either has moved on, rather than mix a line of the old statement
	// with the clauses of the new session.
	prog   *interp.Program
	asOf   types.Date
	period string
}

// stale says why the last statement no longer matches the session, or ""
// when it still does.
func (s *Session) stale() string {
	st := s.statement
	switch {
	case st.prog != s.prog:
		return fmt.Sprintf("the session changed since the last statement was settled; run :settle %s again to explain or trace its lines", st.period)
	case st.asOf != s.asOf:
		return fmt.Sprintf("the as-of date changed since the last statement was settled; run :settle %s again to explain or trace its lines", st.period)
	}
	return ""
}

// lineHead names statement line i (0-based): `line 2: openai → microsoft
// USD 225.00, share under 5.1 "Revenue share" for 2027-Q1, due 2027-05-15`.
func (s *Session) lineHead(i int, l *result.Line) string {
	h := fmt.Sprintf("line %d: %s → %s %s, %s", i+1, l.Payer, l.Payee, l.Amount, l.Kind)
	if l.Clause != nil {
		h += " under " + s.clauseName(l.Clause)
	}
	if !l.Period.IsZero() {
		h += " for " + l.Period.String()
	}
	if !l.Due.IsZero() {
		h += ", due " + l.Due.String()
	}
	return h
}

// whyStatement runs :why after :settle.
func (s *Session) whyStatement(ctx context.Context) bool {
	if why := s.stale(); why != "" {
		s.println(why)
		return false
	}
	st := s.statement.st
	s.printf("the statement from %s to %s, from %s: %s\n", st.From, st.To, s.statement.source, plural(len(st.Lines), "line"))
	for i, l := range st.Lines {
		s.explainLine(i, l)
	}
	if len(st.Lines) > 0 {
		s.println(":trace N lists the ledger rows that make up line N")
	}
	return true
}

// whyLine runs :why N after :settle.
func (s *Session) whyLine(ctx context.Context, args []string) bool {
	if why := s.stale(); why != "" {
		s.println(why)
		return false
	}
	lines := s.statement.st.Lines
	n, err := strconv.Atoi(args[0])
	if len(args) != 1 || err != nil || n < 1 || n > len(lines) {
		s.printf(":why N needs a line number of the last statement, from 1 to %d (:why alone lists them)\n", len(lines))
		return false
	}
	s.explainLine(n-1, lines[n-1])
	s.printf(":trace %d lists the ledger rows that make it up\n", n)
	return true
}

// explainLine explains statement line i in the agreement's words.
func (s *Session) explainLine(i int, l *result.Line) {
	s.println(s.lineHead(i, l))
	if c := l.Clause; c != nil && c.Decl != nil {
		if c.Decl.Prose != nil && c.Decl.Prose.Value != "" {
			s.printf("    the agreement says: %q\n", c.Decl.Prose.Value)
		}
		s.printf("    in Pacta: %s\n", oneLine(lang.FormatItem(bodyOnly(c.Decl))))
	}
	switch {
	case l.Base != nil && l.Rate != "":
		s.printf("    base %s, rate %s\n", *l.Base, l.Rate)
	case l.Base != nil:
		s.printf("    base %s\n", *l.Base)
	}
	for _, n := range l.Notes {
		s.printf("    %s\n", n)
	}
	if l.DueRule != "" && !slices.Contains(l.Notes, l.DueRule) {
		s.printf("    %s\n", l.DueRule)
	}
	if l.Kind == "share" || l.Kind == "true-up" {
		s.printf("    the period %s runs from %s to %s, both included\n", l.Period, l.Period.Start(), l.Period.End())
	}
}

// trace runs :trace N.
func (s *Session) trace(ctx context.Context, args []string) bool {
	if s.statement == nil {
		s.println("no statement to trace: run :settle PERIOD first, then :trace N for its line N (:why numbers them)")
		return false
	}
	if why := s.stale(); why != "" {
		s.println(why)
		return false
	}
	lines := s.statement.st.Lines
	n, err := strconv.Atoi(firstOr(args, ""))
	if len(args) != 1 || err != nil || n < 1 || n > len(lines) {
		s.printf(":trace needs a line number of the last statement, from 1 to %d: :trace 1 (:why lists them)\n", len(lines))
		return false
	}
	l := lines[n-1]
	s.println(s.lineHead(n-1, l))
	switch l.Kind {
	case "share", "milestone":
	default:
		s.printf("no ledger row makes it up: it comes from clause %s's own terms", l.Clause.Num)
		for _, note := range l.Notes {
			s.printf("; %s", note)
		}
		s.println()
		return true
	}
	from, to := l.Period.Start().String(), l.Period.End().String()
	count := 0
	var total *types.Value
	for ev, err := range s.statement.events {
		if err != nil {
			s.printf("reading %s: %s\n", s.statement.source, plainError(err))
			return false
		}
		r := ev.Record
		dv, ok := r.Field("date")
		if !ok || dv.Kind() != types.KindDate {
			continue
		}
		if d := dv.Date().String(); d < from || d > to {
			continue
		}
		ls, err := s.moneyFor(ctx, r)
		if err != nil {
			continue
		}
		for _, m := range ls {
			if m.Clause == nil || l.Clause == nil || m.Clause.Num != l.Clause.Num || m.Clause.Amendment != l.Clause.Amendment ||
				m.Kind != l.Kind || m.Payer != l.Payer || m.Payee != l.Payee {
				continue
			}
			// settled on its own, a row also gives a line of nothing
			// under a version of the clause not in force on its date
			if m.Amount.Num().IsZero() && (m.Base == nil || m.Base.Num().IsZero()) {
				continue
			}
			count++
			where := ev.Source
			if ev.Line > 0 {
				where = fmt.Sprintf("%s:%d", ev.Source, ev.Line)
			}
			part := fmt.Sprintf("amount on its own %s", m.Amount)
			if m.Base != nil {
				part = fmt.Sprintf("base %s", *m.Base)
				if total == nil {
					v := *m.Base
					total = &v
				} else if sum, err := total.Num().Add(m.Base.Num()); err == nil && total.Currency() == m.Base.Currency() {
					v := types.MoneyValue(total.Currency(), sum)
					total = &v
				}
			}
			s.printf("  %s: %s (%s)\n", where, formatValue(types.RecordValue(r)), part)
		}
	}
	if count == 0 {
		s.println("  no ledger row in the period makes it up")
		return true
	}
	msg := fmt.Sprintf("%s in %s", plural(count, "row"), l.Period)
	if total != nil {
		msg += fmt.Sprintf("; their bases add up to %s", *total)
		if l.Base != nil {
			msg += fmt.Sprintf(", the line's base is %s", *l.Base)
		}
	}
	s.println(msg)
	return true
}

func firstOr(args []string, def string) string {
	if len(args) > 0 {
		return args[0]
	}
	return def
}
