package interp

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sort"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// Event is one row of a ledger: an action or event instance and where it
// came from. A reader may reuse Record for the next event once the engine
// has moved on, so Settle never keeps it.
type Event struct {
	Record *types.Record
	Source string // ledger file name
	Line   int    // line number in Source (1-based), 0 if none
	// Decision, when set, is the host's own decision of Record (Decide);
	// Settle's breach check uses it when its Agreement, Version and AsOf
	// are the settlement's (always, with zero options) and decides again
	// otherwise. A decision of another record gives a wrong breach list.
	Decision *result.Decision
}

// SettleOptions says what to settle.
type SettleOptions struct {
	Agreement string // "" for the only agreement
	// From and To bound the statement, both included (SPEC 7.6); events
	// before From still count towards running totals. The zero From is
	// the effective date; the zero To the last event's date, within the
	// term and not before From. A To before From is an error.
	From, To types.Date
	// AsOf is the date overdue amounts are reported at; amendments that
	// take effect after it are left out. Zero means To (or, with To zero
	// too, the last event's date if later) and every amendment.
	AsOf types.Date
	// OnBreach, when set, is given every breach in ledger order, and the
	// statement keeps only their counts (constant memory). The Breach is
	// reused once OnBreach returns. An error from it ends the settlement.
	OnBreach func(*result.Breach) error
	// BreachSample is how many breaches, the first, the statement keeps
	// without OnBreach: 0 means DefaultBreachSample, a negative number all.
	BreachSample int
	// StepBudget, when positive, replaces the program's step budget
	// (WithStepBudget) for each event of this settlement.
	StepBudget int64
}

// DefaultBreachSample is how many breaches a statement lists unless
// SettleOptions.BreachSample says otherwise; the others are counted.
const DefaultBreachSample = 100

// Settle walks events once, in date order, and settles every money clause
// of an agreement. Memory stays flat whatever the number of events: what
// the statement holds grows with its lines and the breaches kept, never
// with the ledger's rows. A nil events is a ledger with no rows.
//
// A problem with an event is a *LedgerError naming its source and line;
// an evaluation failure unwraps to its cause (ErrBudget, the context's
// error, ...); an unknown agreement unwraps to ErrUnknownAgreement.
func (p *Program) Settle(ctx context.Context, events iter.Seq2[Event, error], opts SettleOptions) (*result.Statement, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ag, err := p.agreementFor(opts.Agreement)
	if err != nil {
		return nil, err
	}
	s := newSettler(p, ag, ctx, opts)
	if !opts.To.IsZero() && opts.To.Before(s.st.From) {
		if opts.From.IsZero() {
			return nil, fmt.Errorf("the statement would end on %s, before %s takes effect on %s", opts.To, ag.id, ag.effective)
		}
		return nil, fmt.Errorf("the statement would end on %s, before it starts on %s", opts.To, opts.From)
	}
	if events == nil {
		events = func(func(Event, error) bool) {} // no ledger: nothing happened
	}
	for ev, err := range events {
		if err != nil {
			return nil, err
		}
		if err := s.event(ev); err != nil {
			return nil, err
		}
	}
	return s.endStatement(opts)
}

// endStatement finishes a settlement once every row has been read: the last
// day's milestones, the statement's end and as-of date, and finish.
func (s *settler) endStatement(opts SettleOptions) (*result.Statement, error) {
	if err := s.flushMilestones(); err != nil {
		return nil, err
	}
	if opts.To.IsZero() {
		// The last row's date, but not after the agreement ends nor
		// before the statement starts: no range is inverted.
		s.st.To = s.last
		if s.st.To.After(s.termEnd) {
			s.st.To = s.termEnd
		}
		if s.st.To.Before(s.st.From) {
			s.st.To = s.st.From
		}
	}
	if s.st.AsOf.IsZero() {
		// What is overdue is judged on the last row's date, which may be a
		// payment made after the agreement ended.
		s.st.AsOf = s.st.To
		if opts.To.IsZero() && s.last.After(s.st.AsOf) {
			s.st.AsOf = s.last
		}
	}
	if err := s.finish(); err != nil {
		if !opts.To.IsZero() {
			// The caller chose the end: closing the periods up to it is
			// no row's fault.
			return nil, err
		}
		return nil, s.calendarErr(s.lastAt, err)
	}
	return s.st, nil
}

// known is the date whose version judges an event of date d: d itself,
// or the as-of date when that is earlier.
func (s *settler) known(d types.Date) types.Date {
	if !s.asOfLimit.IsZero() && s.asOfLimit.Before(d) {
		// An as-of date leaves out amendments, never the agreement
		// itself (SPEC 9.3).
		if s.asOfLimit.Before(s.ag.effective) && !d.Before(s.ag.effective) {
			return s.ag.effective
		}
		return s.asOfLimit
	}
	return d
}

func (s *schema) dateIdx() int { return s.dateAt }

// settler is the state of one settlement.
type settler struct {
	// explained holds the zero lines a note explains (showLine).
	explained map[*result.Line]bool
	p         *Program
	// budget is the step budget of each event (SettleOptions.StepBudget,
	// or the program's).
	budget int64
	ag     *agreement
	ctx    context.Context
	st     *result.Statement
	fr     *frame
	last   types.Date
	// termEnd is the agreement's last day (MaxDate without `ends`).
	termEnd types.Date
	shares  []*shareState // by ClauseInfo.id
	order   []*shareState // in creation order, for deterministic closing
	// joint: the running totals of caps across clauses (settle_joint.go).
	joint map[jointKey]*jointState
	jf    *jointFloors // floors across clauses, found on first use (settle_joint_floor.go)
	// nextClose is the earliest end of an open share period.
	nextClose types.Date
	anyOpen   bool
	sched     []*scheduledRule
	nextSched int
	fired     map[*result.ClauseInfo]bool
	oblig     []*obligation
	pending   []pendingPayment // payments of the last date read, applied once it is over
	n         int64
	// sawPayment is set by the first payment event; without one, payment
	// is not tracked and nothing is reported overdue.
	sawPayment bool
	// asOfLimit is the as-of date given by the caller (zero: none).
	asOfLimit types.Date
	// atAsOf holds, for each obligation that a payment made after
	// asOfLimit paid, a copy of it as it stood before that payment: what
	// was unpaid on the as-of date, for the overdue report (SPEC 6.5).
	atAsOf []*obligation
	dec    result.Decision // reused for every breach check
	// prohibited: the agreement prohibited the action row being settled
	// (set by breach, read by shares that count permitted rows only).
	prohibited bool
	met        map[*result.ClauseInfo]bool
	water      map[*result.ClauseInfo][]types.Decimal // waterfall running totals of payment clauses
	// history is every amount issued so far, in or out of the statement's
	// range, for `owed by ... for PERIOD`. It grows with statement lines
	// (periods × clauses), never with events.
	history []owedLine
	current types.Date    // the date of the event being looked at
	checked *types.Record // the record whose field kinds were checked last
	lastAt  Event         // where the last row counted is (no record)
	// Breaches: the callback or the sample size, the tally by deciding
	// clause, and the breach handed to the callback (reused).
	onBreach func(*result.Breach) error
	sample   int
	tally    map[result.BreachTally]*result.BreachTally // keyed with Count 0
	found    result.Breach
	// milestones are the milestone lines of the last day read, issued
	// when a later day comes (before that day's payments are applied).
	milestones []*pendingMilestone
	// on holds clause versions compiled with the terms of a version they
	// are not in (settle_terms.go).
	on map[onKey]*moneyRules
	// ended is the termination that takes effect first, once a row gave
	// it; end tracks the breaches that may give a right to terminate
	// (settle_termination.go).
	ended *result.Termination
	end   endState
	// part, when set, makes this the settlement of one slice of a ledger
	// (settle_partial.go): the in-order work is noted, not done.
	part *partState
	// traceExc: some version has exceptions to terms, whose use the share
	// lines note (SPEC 4.8); without any, rows are counted without a trace.
	traceExc bool
}

// calendarErr positions at the last row counted an error of a date
// worked out past the end of the calendar (a due date, a period's end),
// which only rows dated near 9999-12-31 cause, keeping the clause the
// error names; other errors are returned as they are.
func (s *settler) calendarErr(at Event, err error) error {
	var le *LedgerError
	if at.Line == 0 && at.Source == "" || errors.As(err, &le) || !errors.Is(err, errPastCalendar) {
		return err
	}
	return &LedgerError{Source: at.Source, Line: at.Line, Field: "date", Err: err,
		Msg: fmt.Sprintf("%s is too late to settle: %v", s.last, err)}
}

// errPastCalendar marks a date worked out after 9999-12-31 while settling.
var errPastCalendar = fmt.Errorf("%w: after the last day of the calendar", types.ErrOutOfRange)

type owedLine struct {
	date         types.Date
	payer, payee string
	clause       string
	amount       types.Decimal
}

// owed sums the amounts payer owed payee that arose in p, for `owed by`.
// Only a period that ended before the event being looked at is final.
func (s *settler) owed(payer, payee string, p types.Period, clause string) (types.Decimal, error) {
	if p.IsZero() {
		return types.Decimal{}, fmt.Errorf("no period given")
	}
	if !p.End().Before(s.current) {
		return types.Decimal{}, fmt.Errorf("the amounts owed for %s are not final on %s: ask only about periods that ended earlier", p, s.current)
	}
	var sum types.Decimal
	for _, h := range s.history {
		if h.payer != payer || h.payee != payee || clause != "" && h.clause != clause || !p.Contains(h.date) {
			continue
		}
		var err error
		if sum, err = sum.Add(h.amount); err != nil {
			return types.Decimal{}, err
		}
	}
	return sum, nil
}

type obligation struct {
	line      *result.Line
	remaining types.Decimal
	late      []*lateRule
	// interest is, per late rule, the exact interest borne so far by the
	// parts paid late (nil until one is); lateParts and latePaid count
	// those parts and add them up, for the late charge's note.
	interest  []types.Decimal
	lateParts int
	latePaid  types.Decimal
	// copied: settler.atAsOf holds this obligation as it stood on the
	// as-of date, before a later payment paid it.
	copied bool
}

func newSettler(p *Program, ag *agreement, ctx context.Context, opts SettleOptions) *settler {
	st := &result.Statement{Agreement: ag.id, Currency: ag.currency, From: opts.From, To: opts.To, AsOf: opts.AsOf}
	if st.From.IsZero() {
		st.From = ag.effective
	}
	s := &settler{
		p: p, ag: ag, ctx: ctx, st: st,
		traceExc:  ag.hasExceptions(),
		fr:        p.newFrame(ctx, types.Date{}),
		shares:    make([]*shareState, ag.nclauses),
		fired:     map[*result.ClauseInfo]bool{},
		asOfLimit: opts.AsOf,
		met:       map[*result.ClauseInfo]bool{},
		water:     map[*result.ClauseInfo][]types.Decimal{},
		termEnd:   types.MaxDate(),
		budget:    p.budget,
	}
	if opts.StepBudget > 0 {
		s.budget = opts.StepBudget
		s.fr.budget = s.budget
	}
	if ag.hasEnds {
		s.termEnd = ag.ends
	}
	st.TermStart, st.TermEnd = ag.effective, s.termEnd
	// Scheduled payments of every version, each kept only while its clause
	// is in force.
	for i, v := range ag.versions {
		if !opts.AsOf.IsZero() && v.from.After(opts.AsOf) {
			break // not yet known on the as-of date
		}
		end := types.MaxDate()
		if i+1 < len(ag.versions) && (opts.AsOf.IsZero() || !ag.versions[i+1].from.After(opts.AsOf)) {
			end, _ = ag.versions[i+1].from.AddDays(-1)
		}
		if s.termEnd.Before(end) {
			end = s.termEnd // nothing is owed after the agreement ends (SPEC 4.2)
		}
		for _, r := range v.money.scheduled {
			if !r.date.Before(v.from) && !r.date.After(end) {
				s.sched = append(s.sched, s.installmentOn(r))
			}
		}
	}
	sort.SliceStable(s.sched, func(i, j int) bool { return s.sched[i].date.Before(s.sched[j].date) })
	s.fr.owed = s.owed
	s.onBreach, s.sample, s.tally = opts.OnBreach, opts.BreachSample, map[result.BreachTally]*result.BreachTally{}
	if s.sample == 0 {
		s.sample = DefaultBreachSample
	}
	s.openOwing()
	return s
}

// event processes one ledger event.
func (s *settler) event(ev Event) error {
	r := ev.Record
	if r == nil || r.Schema == nil {
		return &LedgerError{Source: ev.Source, Line: ev.Line, Msg: "an event with no record"}
	}
	sc := schemaOf(r.Schema)
	if sc == nil {
		return &LedgerError{Source: ev.Source, Line: ev.Line, Msg: "a record whose schema was not made by Program.Schema or a RecordBuilder"}
	}
	// The shape of every record is checked; the kinds of its fields once
	// per record (readers reuse one record per schema, whose fields they
	// fill with values of the schema's types).
	if len(r.Fields) != len(sc.fields) || r != s.checked {
		if err := sc.check(r); err != nil {
			return &LedgerError{Source: ev.Source, Line: ev.Line, Msg: err.Error(), Err: err}
		}
		s.checked = r
	}
	date := r.Fields[sc.dateIdx()].Date()
	if s.n > 0 && date.Before(s.last) {
		return &LedgerError{Source: ev.Source, Line: ev.Line, Field: "date",
			Msg: fmt.Sprintf("%s is before %s, the date of a row above it: events must be in date order", date, s.last)}
	}
	if !s.st.To.IsZero() && date.After(s.st.To) && date.After(s.st.AsOf) {
		return nil // past the statement: nothing more to count
	}
	if s.part != nil {
		s.part.row(s, date, ev)
	} else if len(s.milestones) > 0 && date.After(s.last) {
		// The day of the pending milestone lines is over: they are issued
		// before the payments of that day are applied.
		if err := s.flushMilestones(); err != nil {
			return err
		}
	}
	s.n++
	s.last = date
	s.lastAt = Event{Source: ev.Source, Line: ev.Line}
	if s.n&1023 == 0 {
		if err := ctxErr(s.ctx); err != nil {
			return err
		}
	}
	if s.ag.terminable && sc.agreement == s.ag {
		if err := s.endings(ev, r, date); err != nil {
			return err
		}
	}
	if s.part == nil {
		if err := s.flushPayments(date, false); err != nil {
			return err
		}
		if err := s.advance(date, false); err != nil {
			return s.calendarErr(s.lastAt, err)
		}
	}
	if sc.agreement != s.ag {
		return &LedgerError{Source: ev.Source, Line: ev.Line, Field: "action",
			Msg: fmt.Sprintf("%s is not an action or event of %s", sc.name, s.ag.id)}
	}
	v := s.ag.versionAt(s.known(date))
	if v == nil || date.Before(s.ag.effective) {
		// Before the agreement took effect: counts for nothing, but a
		// payment recorded still means payment is tracked (SPEC 6.5).
		s.sawPayment = s.sawPayment || sc.payment
		s.st.RowsBeforeTerm++
		return nil
	}
	if date.After(s.termEnd) && !sc.payment {
		s.st.RowsAfterTerm++
		return nil // after the agreement ended: counts for nothing (SPEC 4.2)
	}
	s.st.Events++
	s.fr.event = r
	s.fr.budget = s.budget
	s.current = date
	s.fr.call.asOf = date
	if hasRecordPre(s.ag, v, r) {
		if err := recordPre(s.ag, v, r, s.fr); err != nil {
			return &LedgerError{Source: ev.Source, Line: ev.Line, Msg: err.Error(), Err: err}
		}
	}
	if date.After(s.termEnd) {
		// After the agreement ended no clause applies (SPEC 4.2), but a
		// payment (the only row that gets here) still pays what was owed
		// within the term.
		return s.payment(ev, r, date)
	}
	if !sc.event {
		if err := s.breach(ev, r, v, date); err != nil {
			return err
		}
		if err := s.meet(v, r, date); err != nil {
			return s.ledgerErr(ev, nil, err)
		}
	}
	if sc.payment {
		if err := s.payment(ev, r, date); err != nil {
			return err
		}
	}
	for _, rule := range v.money.sharesByID[sc.id] {
		if cuts(s.ended, rule.clause, date) {
			continue // terminated: only accrued shares are paid (SPEC 5.6)
		}
		if err := s.share(rule, r, date); err != nil {
			return s.ledgerErr(ev, rule.clause, err)
		}
	}
	for _, m := range v.money.milestonesByID[sc.id] {
		if cuts(s.ended, m.clause, date) {
			continue
		}
		if err := s.milestone(m, ev, date); err != nil {
			return s.ledgerErr(ev, m.clause, err)
		}
	}
	return nil
}

func (s *settler) ledgerErr(ev Event, c *result.ClauseInfo, err error) error {
	var le *LedgerError
	if errors.As(err, &le) {
		return err // already names its row
	}
	if c != nil {
		err = inClause(c, err)
	}
	return &LedgerError{Source: ev.Source, Line: ev.Line, Msg: err.Error(), Err: err}
}

// clauseError is a problem with one clause found while settling. Each
// context of an error is said once: a clauseError is never wrapped in the
// same clause again.
type clauseError struct {
	clause *result.ClauseInfo
	err    error
	named  bool // err's message already names the clause
}

func (e *clauseError) Error() string {
	if e.named {
		return e.err.Error()
	}
	return "clause " + e.clause.Num + ": " + e.err.Error()
}

func (e *clauseError) Unwrap() error { return e.err }

// inClause says that err arose in clause c, unless it already says so.
func inClause(c *result.ClauseInfo, err error) error {
	if err == nil {
		return nil
	}
	var ce *clauseError
	if errors.As(err, &ce) {
		return err
	}
	return &clauseError{clause: c, err: err, named: isPreconditionOf(err, c)}
}

// clauseFault is a problem with clause c, positioned at pos within it:
// "agreement.pacta:12:5: clause 6.2: split shares add up to 90%, not 100%".
func clauseFault(c *result.ClauseInfo, pos lang.Pos, format string, args ...any) error {
	return &clauseError{clause: c, named: true,
		err: &EvalError{Pos: pos, Msg: "clause " + c.Num + ": " + fmt.Sprintf(format, args...)}}
}

// dueAfter is from + d, or an error positioned at the clause's `due`
// (pos) when that is after the last day of the calendar (SPEC 11.1).
func dueAfter(c *result.ClauseInfo, pos lang.Pos, from types.Date, d types.Duration) (types.Date, error) {
	due, err := from.AddDuration(d)
	if err != nil {
		return types.Date{}, &clauseError{clause: c, named: true, err: &EvalError{Pos: pos, Err: errPastCalendar,
			Msg: fmt.Sprintf("clause %s: the due date, %s + %s, is after %s", c.Num, from, d, types.MaxDate())}}
	}
	return due, nil
}

// meet records the obligations an action meets: same party, within the
// clause's window up to its deadline, and meeting its condition.
func (s *settler) meet(v *version, r *types.Record, date types.Date) error {
	sc := schemaOf(r.Schema)
	if !v.hasMust[sc.id] {
		return nil
	}
	actor := r.Fields[sc.actorAt].Str()
	for _, rule := range v.byID[sc.id] {
		if rule.modality != lang.Must || s.met[rule.clause] || rule.party != actor {
			continue
		}
		if rule.hasFrom && date.Before(rule.from) || rule.hasDeadline && date.After(rule.deadline) {
			continue
		}
		if rule.cond != nil {
			ok, err := rule.cond.eval(s.fr)
			if err != nil {
				return inClause(rule.clause, err)
			}
			if !ok.Truth() {
				continue
			}
		}
		s.met[rule.clause] = true
	}
	return nil
}

// unmet lists the obligations whose deadline fell in the statement and
// that nothing in the ledger met.
func (s *settler) unmet() {
	seen := map[*result.ClauseInfo]bool{}
	for _, v := range s.ag.versions {
		if !s.asOfLimit.IsZero() && v.from.After(s.asOfLimit) {
			break
		}
		for sc, rules := range v.rules {
			for _, r := range rules {
				if r.modality != lang.Must || !r.hasDeadline || seen[r.clause] || s.met[r.clause] {
					continue
				}
				if r.deadline.Before(s.st.From) || r.deadline.After(s.st.To) || cuts(s.ended, r.clause, r.deadline) {
					continue
				}
				seen[r.clause] = true
				s.st.Unmet = append(s.st.Unmet, &result.Unmet{Clause: r.clause, Party: r.party, Action: sc.Name(), Deadline: r.deadline})
			}
		}
	}
	sort.SliceStable(s.st.Unmet, func(i, j int) bool {
		a, b := s.st.Unmet[i], s.st.Unmet[j]
		if a.Deadline != b.Deadline {
			return a.Deadline.Before(b.Deadline)
		}
		return lang.CompareClauseNums(a.Clause.Num, b.Clause.Num) < 0
	})
}

// advance closes the share periods that ended before date and issues the
// scheduled payments due up to it. With final, everything up to the
// statement's end is closed.
func (s *settler) advance(date types.Date, final bool) error {
	for s.nextSched < len(s.sched) && !s.sched[s.nextSched].date.After(date) {
		if sr := s.sched[s.nextSched]; cuts(s.ended, sr.clause, sr.date) {
			s.nextSched++ // terminated before it fell due (SPEC 5.6)
			continue
		}
		if err := s.scheduled(s.sched[s.nextSched]); err != nil {
			return inClause(s.sched[s.nextSched].clause, err)
		}
		s.nextSched++
	}
	if !s.anyOpen || (!final && !date.After(s.nextClose)) {
		if !final {
			return s.jointFloorsDue(date, false)
		}
		return nil
	}
	s.anyOpen = false
	for _, st := range s.closeOrder() {
		if !st.open {
			continue
		}
		if final || date.After(st.period.End()) {
			if err := s.closeShare(st, final); err != nil {
				return inClause(st.rule.clause, err)
			}
			continue
		}
		s.noteOpen(st.period.End())
	}
	if !final {
		if err := s.jointFloorsDue(date, false); err != nil {
			return err
		}
		return s.fillOwing(date)
	}
	return nil
}

func (s *settler) noteOpen(end types.Date) {
	if !s.anyOpen || end.Before(s.nextClose) {
		s.nextClose = end
	}
	s.anyOpen = true
}

// finish closes every open period, issues what is scheduled up to the
// statement's end, and works out totals and what is overdue.
func (s *settler) finish() error {
	end := s.st.To
	if s.st.AsOf.After(end) {
		end = s.st.AsOf
	}
	if err := s.flushPayments(end, true); err != nil {
		return err
	}
	if err := s.advance(end, true); err != nil {
		return err
	}
	for _, st := range s.order {
		if err := s.fillFloors(st, s.st.To, true); err != nil {
			return inClause(st.rule.clause, err)
		}
	}
	if err := s.jointFloorsDue(end, true); err != nil {
		return err
	}
	// Lines issued before the end was known, and late ones after it.
	kept := s.st.Lines[:0]
	for _, l := range s.st.Lines {
		if !l.Date.After(s.st.To) {
			kept = append(kept, l)
		}
	}
	s.st.Lines = kept
	if err := s.overdue(); err != nil {
		return err
	}
	s.unmet()
	s.tallyBreaches()
	s.sortAndTotal()
	return nil
}

// emit adds a line to the statement (when it falls within the range) and
// records it as an obligation.
func (s *settler) emit(l *result.Line, late []*lateRule) {
	if !l.Amount.Num().IsZero() {
		s.history = append(s.history, owedLine{date: l.Date, payer: l.Payer, payee: l.Payee, clause: l.Clause.Num, amount: l.Amount.Num()})
	}
	if l.Amount.Num().Sign() > 0 {
		s.oblig = append(s.oblig, &obligation{line: l, remaining: l.Amount.Num(), late: late})
	}
	if l.Date.Before(s.st.From) || !s.st.To.IsZero() && l.Date.After(s.st.To) {
		return
	}
	if !showLine(l.Amount.Num(), s.explained[l]) {
		return // nothing owed and nothing to explain
	}
	s.st.Lines = append(s.st.Lines, l)
}

// breach reports an action the agreement prohibited on its date.
func (s *settler) breach(ev Event, r *types.Record, v *version, date types.Date) error {
	sc := schemaOf(r.Schema)
	s.prohibited = false
	if len(v.byID[sc.id]) == 0 && s.ag.defaultPerm {
		return nil // nothing can prohibit it
	}
	asOf := s.asOfLimit
	if asOf.IsZero() {
		asOf = date
	}
	dec := ev.Decision
	cut := s.ended != nil && !date.Before(s.ended.Effective)
	if dec == nil || cut || dec.Agreement != s.ag.id || dec.Version != v.amendment || dec.AsOf != asOf {
		if err := s.p.decideIn(s.ctx, s.fr, r, sc, v, date, asOf, s.ended, &s.dec); err != nil {
			return &LedgerError{Source: ev.Source, Line: ev.Line, Msg: err.Error(), Err: err}
		}
		dec = &s.dec
	}
	s.prohibited = dec.Effect == lang.Prohibited
	if err := s.watchBreach(ev, v, dec, date); err != nil {
		return err
	}
	if dec.Effect != lang.Prohibited || date.Before(s.st.From) || !s.st.To.IsZero() && date.After(s.st.To) {
		return nil
	}
	s.st.BreachCount++
	key := result.BreachTally{Verdict: dec.Verdict, Clause: dec.Clause, Conflict: dec.Conflict}
	if key.Verdict != lang.Conflict {
		key.Conflict = [2]*result.ClauseInfo{}
	}
	t := s.tally[key]
	if t == nil {
		t = new(result.BreachTally)
		*t = key
		s.tally[key] = t
	}
	t.Count++
	actor := r.Fields[sc.actorAt].Str()
	if s.onBreach != nil {
		if dec != &s.dec { // the Breach's Decision is the settlement's to reuse
			applied := s.dec.Applied[:0]
			s.dec = *dec
			s.dec.Applied = append(applied, dec.Applied...)
		}
		s.found = result.Breach{Source: ev.Source, Line: ev.Line, Date: date, Action: r.Schema.Name(), Actor: actor, Decision: &s.dec}
		return s.onBreach(&s.found)
	}
	if s.sample >= 0 && len(s.st.Breaches) >= s.sample {
		return nil // counted, not kept
	}
	d := new(result.Decision)
	*d = *dec
	d.Applied = append([]result.Applied(nil), dec.Applied...)
	s.st.Breaches = append(s.st.Breaches, &result.Breach{
		Source: ev.Source, Line: ev.Line, Date: date, Action: r.Schema.Name(), Actor: actor, Decision: d,
	})
	return nil
}

// tallyBreaches puts the breach tallies in the statement, by clause
// number, conflicts after the clause they name first, the default last.
func (s *settler) tallyBreaches() {
	for _, t := range s.tally {
		s.st.BreachTally = append(s.st.BreachTally, t)
	}
	first := func(t *result.BreachTally) *result.ClauseInfo {
		if t.Verdict == lang.Conflict {
			return t.Conflict[0]
		}
		return t.Clause
	}
	sort.Slice(s.st.BreachTally, func(i, j int) bool {
		a, b := s.st.BreachTally[i], s.st.BreachTally[j]
		ca, cb := first(a), first(b)
		switch {
		case ca == nil || cb == nil:
			if ca != cb {
				return cb == nil
			}
		case ca != cb:
			if c := lang.CompareClauseNums(ca.Num, cb.Num); c != 0 {
				return c < 0
			}
			return ca.Index < cb.Index
		}
		if a.Verdict != b.Verdict {
			return a.Verdict != lang.Conflict
		}
		if a.Conflict[1] != nil && b.Conflict[1] != nil && a.Conflict[1] != b.Conflict[1] {
			if c := lang.CompareClauseNums(a.Conflict[1].Num, b.Conflict[1].Num); c != 0 {
				return c < 0
			}
			return a.Conflict[1].Index < b.Conflict[1].Index
		}
		return false
	})
}

// LedgerError is a problem with one row of a ledger.
type LedgerError struct {
	Source string
	Line   int
	Field  string
	Msg    string
	Err    error
}

func (e *LedgerError) Error() string {
	where := e.Source
	if where == "" {
		where = "ledger"
	}
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", where, e.Line)
	}
	if e.Field != "" {
		return fmt.Sprintf("%s: field %s: %s", where, shown(e.Field), e.Msg)
	}
	return fmt.Sprintf("%s: %s", where, e.Msg)
}

func (e *LedgerError) Unwrap() error { return e.Err }

// showLine is the one rule for whether a statement line is shown (SPEC
// 6.1): a line whose rounded amount is zero is not, unless a note
// explains why the whole amount came to zero (a cap reached, an advance
// recouped, a floor); descriptive notes (a split's share, a milestone's
// event, an installment's number) do not.
// copyLine returns a copy of line, one more statement line, explained
// (showLine) when line is.
func (s *settler) copyLine(line *result.Line) *result.Line {
	l := *line
	if s.explained[line] {
		s.explained[&l] = true
	}
	return &l
}

func showLine(amount types.Decimal, explained bool) bool {
	return !amount.IsZero() || explained
}
