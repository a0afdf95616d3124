package interp_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
)

// The agreement of the termination tests (SPEC 5.6).
const endsSrc = `
agreement early "Ends early" {
  effective 2027-01-01
  currency USD
  party x "X"
  party y "Y"
  action sell { gross money }
  event termination { notice_by party  under_clause text }
  event cure { breach_of text }
  event insolvency { debtor party }
  clause 3.1 "No big sales" x must not sell where gross > USD 100.00
  clause 4.1 "Fee" y pays x USD 1,000.00 on 2027-03-01, 2027-06-01
  clause 4.2 "Records fee" survives termination y pays x USD 10.00 on 2027-06-01
  clause 5.1 "Share" x pays y 10% of gross of each sell by x settled quarterly due 30 days after period end
  clause 5.2 "Tail royalty" survives termination x pays y 1% of gross of each sell by x settled quarterly
  clause 9.1 "Confidentiality" survives termination x must not sell where gross > USD 10,000.00
  clause 12.1 "Convenience" y may terminate on 90 days notice
  clause 12.2 "Breach" y may terminate if 3.1 is breached and not cured within 30 days
  clause 12.3 "Insolvency" terminates on event insolvency where debtor == x
  clause 13.1 "Liquidated damages" x pays y USD 1,000.00 on first breach of 3.1 due within 30 days
  clause 13.2 "Per breach" x pays y USD 5.00 on each breach of 3.1
}`

func settleTerm(p *interp.Program, to string, recs []*types.Record) (*result.Statement, error) {
	opts := interp.SettleOptions{}
	if to != "" {
		opts.To, _ = types.ParseDate(to)
	}
	return p.Settle(context.Background(), events(recs), opts)
}

// TestTerminationMidPeriod: notice under 12.1 on 2027-01-10 takes effect
// on 2027-04-10, 90 days later (21 days to 31 January, 28 in February, 31
// in March, 10 in April): from that day only the clauses that survive
// termination are in force.
func TestTerminationMidPeriod(t *testing.T) {
	p := compile(t, endsSrc)
	st := settle(t, p, "", "", "2027-06-30", ledger(t, p, "",
		"sell 2027-01-05 actor=x gross=50.00",
		"termination 2027-01-10 notice_by=y under_clause=12.1",
		"sell 2027-04-09 actor=x gross=20.00", // the last day: counts
		"sell 2027-04-10 actor=x gross=30.00", // the effective date: counts only for 5.2
	))
	tm := st.Terminated
	if tm == nil {
		t.Fatal("no termination")
	}
	want := `terminated by y under 12.1 "Convenience" on notice given 2027-01-10, effective 2027-04-10 (90 days after notice)`
	if tm.String() != want || tm.Effective.String() != "2027-04-10" || tm.Line != 2 {
		t.Errorf("termination %q effective %s line %d", tm, tm.Effective, tm.Line)
	}
	// 5.1: Q1 10% × 50.00 = 5.00; Q2 10% × 20.00 = 2.00 (the sale of
	// 04-10 is after the end). 5.2 survives: Q1 1% × 50.00 = 0.50; Q2 1%
	// × (20.00 + 30.00) = 0.50. 4.1 pays 1,000.00 on 03-01 and nothing on
	// 06-01; 4.2 survives and pays 10.00 on 06-01.
	sameList(t, "lines", clauseTotals(st), []string{
		"2027-Q1 x>y 5.1 USD 5.00",
		"2027-Q2 x>y 5.1 USD 2.00",
		"2027-Q1 x>y 5.2 USD 0.50",
		"2027-Q2 x>y 5.2 USD 0.50",
		"2027-Q1 y>x 4.1 USD 1,000.00",
		"2027-Q2 y>x 4.2 USD 10.00",
	})
	// The share of the period cut short is due as the clause says: 30
	// days after the quarter's end, 2027-06-30 + 30 = 2027-07-30.
	for _, l := range st.Lines {
		if l.Clause.Num == "5.1" && l.Period.String() == "2027-Q2" {
			if l.Due.String() != "2027-07-30" {
				t.Errorf("5.1 Q2 due %s", l.Due)
			}
			if !strings.Contains(strings.Join(l.Notes, "; "), "counted to 2027-04-09: the agreement was terminated effective 2027-04-10") {
				t.Errorf("5.1 Q2 notes %q", l.Notes)
			}
		}
	}
	var b bytes.Buffer
	if err := st.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "  "+want+"; the clauses that do not survive termination were last in force on 2027-04-09\n") {
		t.Errorf("text statement:\n%s", b.String())
	}
	b.Reset()
	if err := st.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"effective": "2027-04-10"`) || !strings.Contains(b.String(), `"last_day": "2027-04-09"`) {
		t.Errorf("JSON statement:\n%s", b.String())
	}
}

// TestTerminationDecide: from the effective date a decision uses only the
// clauses that survive, and says why.
func TestTerminationDecide(t *testing.T) {
	p := compile(t, endsSrc)
	st := settle(t, p, "", "", "", ledger(t, p, "", "termination 2027-01-10 notice_by=y under_clause=12.1"))
	opts := interp.DecideOptions{Terminated: st.Terminated}
	for _, c := range []struct{ sale, want, note string }{
		{"date=2027-04-09 actor=x gross=200.00", "prohibited by 3.1", ""},
		{"date=2027-04-10 actor=x gross=200.00", "not covered, permitted", "effective 2027-04-10"},
		{"date=2027-04-10 actor=x gross=20000.00", "prohibited by 9.1", "only the clauses that survive termination apply"},
	} {
		d, err := p.Decide(context.Background(), newAction(t, p, "", "sell", c.sale), opts)
		if err != nil {
			t.Fatal(err)
		}
		if got := summary(d); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s: %s, want %s", c.sale, got, c.want)
		}
		if !strings.Contains(d.Note, c.note) || (c.note == "") != (d.Terminated == nil) {
			t.Errorf("%s: note %q, terminated %v", c.sale, d.Note, d.Terminated)
		}
	}
	// Without the termination, 3.1 still decides on 04-10.
	d, err := p.Decide(context.Background(), newAction(t, p, "", "sell", "date=2027-04-10 actor=x gross=200.00"), interp.DecideOptions{})
	if err != nil || !strings.HasPrefix(summary(d), "prohibited by 3.1") {
		t.Errorf("without termination: %v %v", summary(d), err)
	}
}

// TestTerminationCureOnLastDay: breaches of 3.1 on 02-01 and 02-03 are
// cured on 03-03 = 02-01 + 30 days (27 days to 28 February, 3 in March),
// the last day of the cure period: in time. A new breach on 03-10 may be
// cured until 04-09; notice on 04-10 ends the agreement that day.
func TestTerminationCureOnLastDay(t *testing.T) {
	p := compile(t, endsSrc)
	st := settle(t, p, "", "", "", ledger(t, p, "",
		"sell 2027-02-01 actor=x gross=500.00",
		"sell 2027-02-03 actor=x gross=700.00",
		"cure 2027-03-03 breach_of=3.1",
		"sell 2027-03-10 actor=x gross=900.00",
		"termination 2027-04-10 notice_by=y under_clause=12.2",
		"sell 2027-04-10 actor=x gross=200.00", // after the end: no breach, no share
	))
	tm := st.Terminated
	if tm == nil || tm.Breach != "3.1" || tm.BreachDate.String() != "2027-03-10" || tm.Effective.String() != "2027-04-10" {
		t.Fatalf("termination %v", tm)
	}
	want := `terminated by y under 12.2 "Breach" on notice given 2027-04-10, effective that day, for the breach of 3.1 on 2027-03-10 not cured within 30 days`
	if tm.String() != want {
		t.Errorf("got  %s\nwant %s", tm, want)
	}
	if st.BreachCount != 3 {
		t.Errorf("%d breaches, want 3 (the sale on the effective date is none)", st.BreachCount)
	}
	// 13.1 pays once, on the first breach (02-01), due 02-01 + 30 days =
	// 03-03; 13.2 pays 5.00 on each of the three breaches; 5.1 takes 10%
	// of 500 + 700 + 900 = 2,100.00 → 210.00 in Q1 and nothing in Q2; 5.2
	// survives: 1% of 2,100.00 = 21.00 in Q1, 1% of 200.00 = 2.00 in Q2.
	sameList(t, "lines", lineList(st, "13.1", "13.2"), []string{
		"2027-Q1 x>y 13.1 milestone 2027-02-01 due 2027-03-03 USD 1,000.00",
		"2027-Q1 x>y 13.2 milestone 2027-02-01 due 2027-02-01 USD 5.00",
		"2027-Q1 x>y 13.2 milestone 2027-02-03 due 2027-02-03 USD 5.00",
		"2027-Q1 x>y 13.2 milestone 2027-03-10 due 2027-03-10 USD 5.00",
	})
	sameList(t, "shares", clauseTotals(st, "5.1", "5.2"), []string{
		"2027-Q1 x>y 5.1 USD 210.00",
		"2027-Q1 x>y 5.2 USD 21.00",
		"2027-Q2 x>y 5.2 USD 2.00",
	})
	for _, l := range st.Lines {
		if l.Clause.Num == "13.1" && (len(l.Notes) == 0 || l.Notes[0] != "on the breach of 3.1 by sell of 2027-02-01") {
			t.Errorf("13.1 notes %q", l.Notes)
		}
	}
}

// TestTerminationLedgerErrors: a termination the agreement does not
// allow is an error naming the row and the field.
func TestTerminationLedgerErrors(t *testing.T) {
	p := compile(t, endsSrc)
	for _, c := range []struct {
		name  string
		rows  []string
		line  int
		field string
		msg   string
	}{
		{"wrong party", []string{"termination 2027-01-10 notice_by=x under_clause=12.1"}, 1, "notice_by",
			"clause 12.1 gives the right to terminate to y, not x"},
		{"no right", []string{"termination 2027-01-10 notice_by=y under_clause=5.1"}, 1, "under_clause",
			"clause 5.1 gives no right to terminate; the rights are in 12.1, 12.2"},
		{"no clause", []string{"termination 2027-01-10 notice_by=y under_clause=12.9"}, 1, "under_clause",
			"no clause 12.9 in force on 2027-01-10; the rights to terminate are in 12.1, 12.2"},
		{"no breach", []string{"sell 2027-01-05 actor=x gross=50.00", "termination 2027-02-10 notice_by=y under_clause=12.2"}, 2, "under_clause",
			"clause 12.2 gives the right only on a breach of 3.1 not cured within 30 days, and the ledger shows none before 2027-02-10"},
		// Cured on the last day (03-03 = 02-01 + 30 days): nothing to
		// terminate for.
		{"cured in time", []string{"sell 2027-02-01 actor=x gross=500.00", "cure 2027-03-03 breach_of=3.1", "termination 2027-03-04 notice_by=y under_clause=12.2"}, 3, "under_clause",
			"the ledger shows none before 2027-03-04"},
		// Notice on the last day of the cure period is too early.
		{"in the cure period", []string{"sell 2027-02-01 actor=x gross=500.00", "termination 2027-03-03 notice_by=y under_clause=12.2"}, 2, "date",
			"the breach of 3.1 on 2027-02-01 may be cured until 2027-03-03 (30 days after it); notice under clause 12.2 may be given from 2027-03-04"},
		{"after the end", []string{"insolvency 2027-05-02 debtor=x", "termination 2027-05-03 notice_by=y under_clause=12.1"}, 2, "date",
			"the agreement had already ended on 2027-05-01"},
	} {
		_, err := settleTerm(p, "", ledger(t, p, "", c.rows...))
		var le *interp.LedgerError
		if !errors.As(err, &le) {
			t.Errorf("%s: %v, want a ledger error", c.name, err)
			continue
		}
		if le.Line != c.line || le.Field != c.field || !strings.Contains(le.Msg, c.msg) {
			t.Errorf("%s: line %d field %q %q\nwant line %d field %q %q", c.name, le.Line, le.Field, le.Msg, c.line, c.field, c.msg)
		}
	}
}

// TestTerminationCureTooLate: a cure after the cure period does not take
// away the right that has arisen.
func TestTerminationCureTooLate(t *testing.T) {
	p := compile(t, endsSrc)
	st := settle(t, p, "", "", "", ledger(t, p, "",
		"sell 2027-02-01 actor=x gross=500.00",
		"cure 2027-03-04 breach_of=3.1", // one day late
		"termination 2027-03-05 notice_by=y under_clause=12.2",
	))
	if st.Terminated == nil || st.Terminated.BreachDate.String() != "2027-02-01" {
		t.Errorf("termination %v", st.Terminated)
	}
}

// TestTerminationEarliestHolds: of two terminations, the one that takes
// effect first holds, whatever the order of the notices; an insolvency
// of the other party does not terminate.
func TestTerminationEarliestHolds(t *testing.T) {
	p := compile(t, endsSrc)
	st := settle(t, p, "", "", "2027-06-30", ledger(t, p, "",
		"termination 2027-01-10 notice_by=y under_clause=12.1", // effective 04-10
		"insolvency 2027-01-20 debtor=y",                       // not x: no effect
		"sell 2027-02-01 actor=x gross=500.00",
		"termination 2027-03-05 notice_by=y under_clause=12.2", // 03-05 > 02-01 + 30 = 03-03: effective 03-05
		"insolvency 2027-03-20 debtor=x",                       // later than 03-05: no effect
	))
	if tm := st.Terminated; tm == nil || tm.Clause.Num != "12.2" || tm.Effective.String() != "2027-03-05" {
		t.Fatalf("termination %v", tm)
	}
	// 4.1's payment of 03-01 is before 03-05 and owed; that of 06-01 is
	// not. 4.2 survives.
	sameList(t, "payments", clauseTotals(st, "4.1", "4.2"), []string{
		"2027-Q1 y>x 4.1 USD 1,000.00",
		"2027-Q2 y>x 4.2 USD 10.00",
	})
}

// TestTerminationOnEvent: an insolvency of x ends the agreement that day.
func TestTerminationOnEvent(t *testing.T) {
	p := compile(t, endsSrc)
	st := settle(t, p, "", "", "", ledger(t, p, "",
		"sell 2027-02-28 actor=x gross=10.00",
		"insolvency 2027-03-01 debtor=x",
		"sell 2027-03-01 actor=x gross=10.00",
	))
	want := `terminated under 12.3 "Insolvency" on insolvency of 2027-03-01, effective that day`
	if st.Terminated == nil || st.Terminated.String() != want {
		t.Fatalf("termination %v", st.Terminated)
	}
	// The fee of 03-01 falls on the effective date: not owed. 5.1 counts
	// the sale of 02-28 only: 10% × 10.00 = 1.00.
	sameList(t, "lines", clauseTotals(st, "4.1", "5.1"), []string{"2027-Q1 x>y 5.1 USD 1.00"})
}

// Seeds of FuzzSettleBudget for SPEC 5.6: rights, a cure, an automatic
// termination and remedies, with a ledger that uses each.
func init() {
	settleSeeds = append(settleSeeds, [2]string{endsSrc,
		"action,actor,date,gross,notice_by,under_clause,breach_of,debtor\n" +
			"sell,x,2027-02-01,USD 500.00,,,,\n" +
			"cure,,2027-03-03,,,,3.1,\n" +
			"sell,x,2027-03-10,USD 900.00,,,,\n" +
			"termination,,2027-04-10,,y,12.2,,\n" +
			"insolvency,,2027-04-11,,,,,x\n"})
}

// TestRateAfterBreach: a share line `from the day after the first breach
// of 3.1` raises the rate from the day after the first breach, whatever
// cure follows (SPEC 5.6).
func TestRateAfterBreach(t *testing.T) {
	p := compile(t, `
agreement raised "Raised" {
  effective 2027-01-01
  currency USD
  party x "X"
  party y "Y"
  action sell { gross money }
  event cure { breach_of text }
  clause 3.1 "No big sales" x must not sell where gross > USD 100.00
  clause 5.1 "Share"
    x pays y of each sell by x:
      30% of gross from the day after the first breach of 3.1
      10% of gross otherwise
      settled quarterly
}`)
	st := settle(t, p, "", "", "", ledger(t, p, "",
		"sell 2027-01-05 actor=x gross=50.00",  // before any breach: 10%
		"sell 2027-02-01 actor=x gross=500.00", // the breach itself, that day: 10%
		"sell 2027-02-01 actor=x gross=20.00",  // the breach day: still 10%
		"cure 2027-02-10 breach_of=3.1",
		"sell 2027-02-02 actor=x gross=40.00", // wrong order: an error, so not here
	)[:4])
	// 10% × (50.00 + 500.00 + 20.00) = 57.00.
	sameList(t, "before", clauseTotals(st), []string{"2027-Q1 x>y 5.1 USD 57.00"})
	st = settle(t, p, "", "", "", ledger(t, p, "",
		"sell 2027-01-05 actor=x gross=50.00",
		"sell 2027-02-01 actor=x gross=500.00",
		"sell 2027-02-01 actor=x gross=20.00",
		"cure 2027-02-10 breach_of=3.1",
		"sell 2027-02-11 actor=x gross=40.00", // after the breach day, cured or not: 30%
		"sell 2027-04-01 actor=x gross=60.00", // 30%
	))
	// Q1: 10% × 570.00 = 57.00, plus 30% × 40.00 = 12.00: 69.00.
	// Q2: 30% × 60.00 = 18.00.
	sameList(t, "after", clauseTotals(st), []string{"2027-Q1 x>y 5.1 USD 69.00", "2027-Q2 x>y 5.1 USD 18.00"})
	// Without a breach, the raised line never applies: 10% × 90.00 = 9.00.
	st = settle(t, p, "", "", "", ledger(t, p, "",
		"sell 2027-01-05 actor=x gross=50.00",
		"sell 2027-02-11 actor=x gross=40.00",
	))
	sameList(t, "no breach", clauseTotals(st), []string{"2027-Q1 x>y 5.1 USD 9.00"})
}

// TestTerminationGuaranteeNotProrated: a yearly minimum guarantee of a
// share that does not survive is topped up in full for the year the
// termination falls in (SPEC 5.6).
func TestTerminationGuaranteeNotProrated(t *testing.T) {
	p := compile(t, `
agreement g "G" {
  effective 2027-01-01
  currency USD
  party x "X"
  party y "Y"
  action sell { gross money }
  event termination { notice_by party  under_clause text }
  clause 5.1 "Royalty" x pays y 10% of gross of each sell by x settled quarterly minimum guarantee USD 1,000.00 per year
  clause 12.1 "Convenience" y may terminate on 30 days notice
}`)
	st := settle(t, p, "", "", "2027-12-31", ledger(t, p, "",
		"sell 2027-01-05 actor=x gross=500.00",
		"termination 2027-05-01 notice_by=y under_clause=12.1", // effective 2027-05-31
		"sell 2027-07-05 actor=x gross=500.00",                 // after the end: nothing
	))
	// Q1: 10% × 500.00 = 50.00. The minimum of 1,000.00 for 2027 less the
	// 50.00 paid is trued up, 950.00, when Q2 (in which the termination
	// falls) closes; nothing after.
	sameList(t, "lines", lineList(st), []string{
		"2027-Q1 x>y 5.1 share 2027-03-31 due 2027-03-31 USD 50.00",
		"2027-Q2 x>y 5.1 true-up 2027-06-30 due 2027-06-30 USD 950.00",
	})
}

// TestRemedyOfDeletedClause: an amendment that deletes or replaces the
// prohibition a remedy names leaves the remedy without effect from then
// (SPEC 5.6), and the agreement still compiles.
func TestRemedyOfDeletedClause(t *testing.T) {
	base := `agreement a "A" {
  effective 2027-01-01
  currency USD
  party x "X"
  party y "Y"
  action sell { gross money }
  clause 3.1 "No big sales" x must not sell where gross > USD 100.00
  clause 13.1 "Damages" x pays y USD 1,000.00 on each breach of 3.1
}`
	for _, amd := range []string{
		`amendment b "B" amends a { effective 2027-06-01 delete clause 3.1 }`,
		`amendment b "B" amends a { effective 2027-06-01 replace clause 3.1 "Fee" x pays y USD 5.00 on 2027-07-01 }`,
	} {
		p := compile(t, base, amd)
		st := settle(t, p, "", "", "2027-06-30", ledger(t, p, "",
			"sell 2027-02-01 actor=x gross=500.00", // a breach: 1,000.00
			"sell 2027-06-02 actor=x gross=500.00", // 3.1 is gone: nothing
		))
		sameList(t, amd, clauseTotals(st, "13.1"), []string{"2027-Q1 x>y 13.1 USD 1,000.00"})
	}
}

// TestTerminationZeroValue: a Termination a host makes without a clause
// prints without panicking and does not change a decision.
func TestTerminationZeroValue(t *testing.T) {
	var tm result.Termination
	if s := tm.String(); !strings.Contains(s, "a clause not named") {
		t.Errorf("zero Termination: %q", s)
	}
	var nilT *result.Termination
	if nilT.String() != "" {
		t.Error("nil Termination prints something")
	}
	p := compile(t, endsSrc)
	d, err := p.Decide(context.Background(), newAction(t, p, "", "sell", "date=2027-04-10 actor=x gross=200.00"),
		interp.DecideOptions{Terminated: &tm})
	if err != nil || !strings.HasPrefix(summary(d), "prohibited by 3.1") || d.Note != "" {
		t.Errorf("%s %q %v", summary(d), d.Note, err)
	}
}
