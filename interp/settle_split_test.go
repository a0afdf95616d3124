package interp_test

// Metamorphic tests of settlement: settling a range piece by piece gives
// the same lines as settling it in one go (SPEC 7.6: a restricted
// statement replays the ledger from the start, so running totals carry
// over).

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/stdlib"
)

// loadExample loads the agreements of an example directory and its
// ledger.csv.
func loadExample(t *testing.T, dir string) (*interp.Program, []byte) {
	t.Helper()
	srcs, err := interp.ReadPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	p, err := interp.Compile(srcs, interp.WithFuncs(stdlib.Funcs()...))
	if err != nil {
		t.Fatal(err)
	}
	led, err := os.ReadFile(filepath.Join(dir, "ledger.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return p, led
}

func settleCSV(t *testing.T, p *interp.Program, led []byte, opts interp.SettleOptions) *interp.Statement {
	t.Helper()
	st, err := p.Settle(context.Background(), p.ReadCSV(opts.Agreement, "ledger.csv", bytes.NewReader(led)), opts)
	if err != nil {
		t.Fatalf("settle %s..%s: %v", opts.From, opts.To, err)
	}
	return st
}

// lineKey is everything a statement says about a line.
func lineKey(l *interp.Line) string {
	base := ""
	if l.Base != nil {
		base = money(*l.Base)
	}
	return fmt.Sprintf("%s %s due %s %s>%s %s(%s) %s %s base %s rate %s notes %q",
		l.Period, l.Date, l.Due, l.Payer, l.Payee, l.Clause.Num, l.Clause.Amendment, l.Kind,
		money(l.Amount), base, l.Rate, l.Notes)
}

// comparable reports whether a line of a statement ending on to is a
// settled fact that a longer statement must repeat: not a period cut
// short by the statement's end, and not a charge on what was still
// unpaid at the statement's end (both depend on where the statement
// stops).
func comparable(l *interp.Line, from, to interp.Date) bool {
	if l.Period.Start().Before(from) || l.Period.End().After(to) || l.Date.Before(from) || l.Date.After(to) {
		return false
	}
	for _, n := range l.Notes {
		if strings.HasPrefix(n, "the period is not over") || strings.HasPrefix(n, "unpaid ") {
			return false
		}
	}
	return true
}

func TestSettlePiecewiseEqualsWhole(t *testing.T) {
	dirs, err := filepath.Glob("../examples/*/ledger.csv")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no example ledgers: %v", err)
	}
	for _, lf := range dirs {
		dir := filepath.Dir(lf)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			p, led := loadExample(t, dir)
			for _, ag := range p.Agreements() {
				whole := settleCSV(t, p, led, interp.SettleOptions{Agreement: ag})
				compared := 0
				for _, kind := range []interp.PeriodKind{interp.PeriodMonth, interp.PeriodQuarter, interp.PeriodYear} {
					pieces := 0
					for per := interp.PeriodOf(kind, 0, whole.From); !per.Start().After(whole.To); {
						from, to := per.Start(), per.End()
						if to.After(whole.To) {
							break // the whole statement cuts this piece short
						}
						part := settleCSV(t, p, led, interp.SettleOptions{Agreement: ag, From: from, To: to})
						var want, got []string
						for _, l := range whole.Lines {
							if comparable(l, from, to) {
								want = append(want, lineKey(l))
							}
						}
						for _, l := range part.Lines {
							if comparable(l, from, to) {
								got = append(got, lineKey(l))
							}
						}
						sameList(t, fmt.Sprintf("%s %s %s", ag, kind, per), got, want)
						compared += len(want)
						pieces++
						if per, err = per.Next(); err != nil {
							break
						}
					}
					if pieces == 0 && kind == interp.PeriodMonth {
						t.Errorf("%s: no month to compare between %s and %s", ag, whole.From, whole.To)
					}
				}
				if compared == 0 {
					t.Errorf("%s: no line compared", ag)
				}
				t.Logf("%s: %d lines compared", ag, compared)
			}
		})
	}
}
