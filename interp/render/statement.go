package render

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file settles a ledger for one period and lays out the statement:
// each line with the ledger rows that make it up (drill-down), the
// totals, the breaches with their deciding clause, and what is overdue.

// Ledger is a ledger to settle for the statement.
type Ledger struct {
	Name   string       // names the ledger in errors and in the document
	Data   []byte       // its content
	Format string       // "csv" or "jsonl"
	Period types.Period // the period of the statement; the zero Period: the whole ledger
}

// MaxDrillRows is the most ledger rows in the period whose share of each
// line is worked out; beyond it the statement lists the lines without
// their rows.
const MaxDrillRows = 2000

type statementDoc struct {
	Ledger, Period, From, To, AsOf, Currency string
	Events                                   int64
	Lines                                    []*stLine
	Totals                                   [][3]string // payer → payee, amount
	Rows                                     []*ledgerRow
	Drill                                    bool  // whether lines list their rows
	MoreRows                                 int64 // rows of the period past MaxDrillRows, not listed
	Breaches                                 []stBreach
	BreachCount                              int64
	Overdue                                  []string
	Unmet                                    []string
}

type stLine struct {
	Anchor       string
	Period       string
	Payer, Payee string
	Clause       string // number
	ClauseText   string // `5.1 "Revenue share" (aws_concessions)`
	Kind         string
	Base, Rate   string
	Amount, Due  string
	Notes        []string
	Rows         []rowPart
	key          string
	// base is the line's base, and listed what the rows listed in Rows
	// bring to it (SPEC 7.6: the base adds up the period's instances).
	base   *types.Value
	listed types.Decimal
}

type rowPart struct {
	Line int
	Base string
}

type ledgerRow struct {
	Line                int
	Date, Action, Actor string
	Fields              string
	Lines               []string // anchors of the statement lines it is part of
}

type stBreach struct {
	Row               int
	Date, Actor, What string
	Clause            string // number of the deciding clause, "" if none
	Decision          string
}

func (l *Ledger) read(prog *interp.Program, agreement string) iter.Seq2[interp.Event, error] {
	if l.Format == "jsonl" {
		return prog.ReadJSONL(agreement, l.Name, bytes.NewReader(l.Data))
	}
	return prog.ReadCSV(agreement, l.Name, bytes.NewReader(l.Data))
}

// one yields a single event.
func one(ev interp.Event) iter.Seq2[interp.Event, error] {
	return func(yield func(interp.Event, error) bool) { yield(ev, nil) }
}

func lineKey(l *result.Line) string {
	c := ""
	if l.Clause != nil {
		c = l.Clause.Num + "/" + l.Clause.Amendment
	}
	return l.Period.String() + "|" + l.Payer + "|" + l.Payee + "|" + c + "|" + l.Kind
}

func statement(ctx context.Context, prog *interp.Program, ai *lang.AgreementInfo, opts Options, r *reader) (*statementDoc, error) {
	lg := opts.Ledger
	id := ai.Decl.ID.Name
	so := interp.SettleOptions{Agreement: id, AsOf: opts.AsOf, BreachSample: -1}
	if !lg.Period.IsZero() {
		so.From, so.To = lg.Period.Start(), lg.Period.End()
	}
	st, err := prog.Settle(ctx, lg.read(prog, id), so)
	if err != nil {
		return nil, err
	}
	period := st.From.String() + " to " + st.To.String()
	if !lg.Period.IsZero() {
		period = lg.Period.String()
	}
	sd := &statementDoc{Ledger: lg.Name, Period: period, From: st.From.String(), To: st.To.String(), AsOf: st.AsOf.String(), Currency: st.Currency, Events: st.Events, BreachCount: st.BreachCount}
	byKey := map[string]*stLine{}
	for i, l := range st.Lines {
		sl := &stLine{Anchor: fmt.Sprintf("line-%d", i+1), Period: l.Period.String(), Payer: r.partyName(l.Payer), Payee: r.partyName(l.Payee), Kind: l.Kind, Rate: l.Rate, Amount: l.Amount.String(), Notes: l.Notes, key: lineKey(l)}
		if !l.Due.IsZero() {
			sl.Due = l.Due.String()
		}
		if l.Base != nil {
			sl.Base = l.Base.String()
			sl.base = l.Base
		}
		if l.Clause != nil {
			sl.Clause, sl.ClauseText = l.Clause.Num, l.Clause.String()
		}
		byKey[sl.key] = sl
		sd.Lines = append(sd.Lines, sl)
	}
	for _, t := range st.Totals {
		sd.Totals = append(sd.Totals, [3]string{t.Period.String() + ": " + r.partyName(t.Payer) + " → " + r.partyName(t.Payee), "", t.Amount.String()})
	}
	// The rows of the period, each settled alone to find the lines it is
	// part of and the base it brings to each.
	var evs []interp.Event
	for ev, err := range lg.read(prog, id) {
		if err != nil {
			return nil, err
		}
		rec := ev.Record
		d, _ := rec.Field("date")
		if day := d.Date(); day.Before(st.From) || day.After(st.To) {
			continue
		}
		if len(sd.Rows) >= MaxDrillRows {
			sd.MoreRows++
			continue
		}
		row := &ledgerRow{Line: ev.Line, Date: d.Date().String(), Action: rec.Schema.Name()}
		if a, ok := rec.Field("actor"); ok {
			row.Actor = r.partyName(a.Str())
		}
		var fs []string
		for i, name := range rec.Schema.Fields() {
			if name == "date" || name == "actor" || i >= len(rec.Fields) {
				continue
			}
			fs = append(fs, name+": "+rec.Fields[i].String())
		}
		row.Fields = strings.Join(fs, "; ")
		sd.Rows = append(sd.Rows, row)
		cp := *rec
		cp.Fields = append([]types.Value(nil), rec.Fields...)
		evs = append(evs, interp.Event{Record: &cp, Source: ev.Source, Line: ev.Line})
	}
	sd.Drill = sd.MoreRows == 0
	if sd.Drill {
		for i, ev := range evs {
			alone, err := prog.Settle(ctx, one(ev), interp.SettleOptions{Agreement: id, From: st.From, To: st.To, AsOf: opts.AsOf, BreachSample: 1})
			if err != nil {
				return nil, err
			}
			for _, l := range alone.Lines {
				sl := byKey[lineKey(l)]
				if sl == nil {
					continue
				}
				part := rowPart{Line: ev.Line}
				switch {
				case l.Base != nil && !l.Base.Num().IsZero():
					part.Base = l.Base.String()
					if sum, err := sl.listed.Add(l.Base.Num()); err == nil {
						sl.listed = sum
					}
				case l.Kind == "milestone" && !l.Amount.Num().IsZero():
					part.Base = l.Amount.String()
				default:
					continue
				}
				sl.Rows = append(sl.Rows, part)
				sd.Rows[i].Lines = append(sd.Rows[i].Lines, sl.Anchor)
			}
		}
	}
	if sd.Drill {
		// A row is listed under a line when, settled alone, it makes that
		// line; a row whose own share rounds to nothing (USD 0.01 at 25%)
		// makes none, and a row before the statement's range is not
		// settled alone at all. The line's base still counts them: say so
		// rather than list rows that do not add up to it.
		for _, sl := range sd.Lines {
			if sl.base == nil || sl.listed.Cmp(sl.base.Num()) == 0 {
				continue
			}
			note := "no ledger row is listed for the base " + sl.Base + ": its rows are before the statement's range, or owe nothing on their own once rounded"
			if len(sl.Rows) > 0 {
				note = "the ledger rows listed bring " + types.MoneyValue(sl.base.Currency(), sl.listed).String() + " of the base " + sl.Base + ": the others are before the statement's range, or owe nothing on their own once rounded"
			}
			sl.Notes = append(append([]string(nil), sl.Notes...), note)
		}
	}
	for _, b := range st.Breaches {
		sb := stBreach{Row: b.Line, Date: b.Date.String(), Actor: r.partyName(b.Actor), What: b.Action}
		if b.Decision != nil {
			sb.Decision = b.Decision.String()
			if b.Decision.Clause != nil {
				sb.Clause = b.Decision.Clause.Num
			}
		}
		sd.Breaches = append(sd.Breaches, sb)
	}
	for _, o := range st.Overdue {
		if o == nil || o.Line == nil {
			continue
		}
		s := fmt.Sprintf("%s owes %s %s under clause %s, due %s: %d days late", r.partyName(o.Line.Payer), r.partyName(o.Line.Payee), o.Outstanding.String(), clauseNum(o.Line.Clause), o.Line.Due, o.DaysLate)
		if o.LateCharge.Kind() != types.KindInvalid && !o.LateCharge.Num().IsZero() {
			s += ", late charge " + o.LateCharge.String()
		}
		sd.Overdue = append(sd.Overdue, s)
	}
	for _, u := range st.Unmet {
		sd.Unmet = append(sd.Unmet, fmt.Sprintf("%s did not %s by %s, as clause %s requires", r.partyName(u.Party), words(u.Action), u.Deadline, clauseNum(u.Clause)))
	}
	return sd, nil
}

// partyName names a party given by its identifier.
func (r *reader) partyName(id string) string {
	if n, ok := r.parties[id]; ok {
		return n
	}
	return id
}

func clauseNum(c *result.ClauseInfo) string {
	if c == nil {
		return "?"
	}
	return c.Num
}
