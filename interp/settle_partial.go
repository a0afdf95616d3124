package interp

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
)

// This file settles a ledger in slices: SettlePartial, Partial.Merge,
// Partial.Finish.
//
// The work per row is done in the slices: checking the record, deciding
// the action (the breach list), meeting obligations, evaluating each
// share's filters, base and rate, and each milestone's amount. What it
// gives is kept in one of two ways:
//
// Folded, as sums that merge in any grouping: per share clause and
// settlement period, each line's base and amount (rate × base summed),
// its base per tier threshold window (tiers are applied to the window's
// total when the period closes, SPEC 7.3, so a threshold crossed mid
// period needs no order), the flat rate seen (one value, or mixed), and
// the prohibited rows counted; the number of rows and of breaches, the
// tally of breaches per clause; the obligations met; the first-only
// milestones fired.
//
// Kept in order, because what they do depends on what came before: the
// days the slice has rows on (period closings, scheduled payments and
// floors happen as the days go by); per day, the share periods first
// counted that day (a floor fills the empty periods before them); the
// payments (each pays the oldest lines open on its date: payments are
// met in order); the milestone lines per day; and the breaches kept (the
// first BreachSample, or every one when OnBreach takes them, handed to
// it in ledger order by HandBreaches and Finish). These grow with days,
// payments and breaches kept, never with the sale rows.
//
// Done only when the partials are finished, in one ordered pass over
// the days: closing each period (tier amounts, rounding, floors, caps
// cut in order, recoupment, minimum guarantees), amendment versions (the
// terms in force on the period's last day), scheduled payments,
// waterfalls, splits, applying the payments, late charges, what is
// overdue and unmet.
//
// Not mergeable: `owed by` asks for the amounts issued for an earlier
// period, which exist only once every earlier row has been settled in
// order; and the constructs inOrderOnly lists.

// ErrInOrder reports that an agreement needs its ledger settled in one
// ordered pass (Settle), not in slices (SettlePartial), because what a row
// owes depends on the rows before it: `owed by`, a right to terminate or
// an automatic termination, a remedy on breach or a rate raised after
// one, tier rates that depend on the sale, caps and floors across
// clauses, or exceptions to terms (whose notes count rows).
var ErrInOrder = errors.New("the agreement needs the ledger settled in order, not in slices")

// inOrderOnly says why agreement ag cannot be settled in slices, or nil.
// Besides `owed by` (refused when evaluated), these constructs carry state
// from one row to the next that a slice does not see, so an agreement
// with any of them, in any version, is settled in one ordered pass:
//   - rights to terminate and automatic termination (SPEC 5.6): a notice
//     or an uncured breach ends clauses for the rows after it;
//   - remedies on breach and rates raised after a breach (SPEC 5.6);
//   - tier rates that depend on the sale (SPEC 7.3.1): the rate of a sale
//     depends on the volume of the sales before it in its window;
//   - caps and floors across clauses (SPEC 7.4.1);
//   - pro rata splits by each instance's numbers of shares (SPEC 8.4.2);
//   - exceptions to terms (SPEC 4.8): the lines' notes count the rows
//     each exception applied to.
func inOrderOnly(ag *agreement) error {
	refuse := func(what string) error {
		return fmt.Errorf("%w: %s has %s", ErrInOrder, ag.id, what)
	}
	if ag.hasExceptions() {
		return refuse("exceptions to terms")
	}
	for _, v := range ag.versions {
		if v.money == nil {
			continue
		}
		if len(v.money.onBreach) > 0 {
			return refuse("a remedy on breach")
		}
		if len(v.money.joint) > 0 {
			return refuse("a cap or floor across clauses")
		}
		for _, rules := range v.money.sharesByID {
			for _, r := range rules {
				for _, l := range r.lines {
					if l.sale != nil {
						return refuse("tier rates that depend on the sale")
					}
					if r.payee.rows != nil {
						return refuse("a split by each instance's numbers of shares")
					}
					if l.afterBreach != "" {
						return refuse("a rate that changes after a breach")
					}
				}
			}
		}
	}
	if ag.terminable {
		return refuse("a right to terminate or an automatic termination")
	}
	return nil
}

// Partial is the settlement of a slice of consecutive rows of a ledger:
// what SettlePartial gives, what Merge merges and Finish finishes. Each
// slice is settled into a Partial (in parallel, or on other machines),
// the partials are merged in ledger order, and the merged partial is
// finished into the Statement that Settle gives for the whole ledger,
// byte for byte. A Partial is not safe for concurrent use; separate
// partials are.
//
// An agreement whose rows depend on the rows before them cannot be
// settled in slices: SettlePartial refuses it, and a slice that
// evaluates `owed by` fails, with an error that unwraps to ErrInOrder.
//
// Errors: a slice, a merge or Finish fails whenever Settle fails on the
// whole ledger, but the error may name another row (a slice does not know
// the rows before it), and a slice may fail on a row Settle would not
// evaluate (a first-only milestone or a met obligation whose condition
// fails on a later row). On any error, settle the ledger with Settle to
// learn whether and where it fails.
type Partial struct {
	s    *settler
	opts SettleOptions
}

// partState is what a settler in partial mode notes instead of doing.
type partState struct {
	counted       bool       // a row was counted (s.n > 0)
	first         types.Date // the first counted row's date
	firstAt, last Event      // where the first and the last counted rows are
	days          []partDay
	accs          map[accKey]*periodAcc
	cur           []*periodAcc // by clause id: the accumulator counted last
}

// partDay is one day with counted rows: where its first row is, and the
// share periods first counted that day, in row order.
type partDay struct {
	date  types.Date
	at    Event
	opens []partOpen
}

type partOpen struct {
	rule   *shareRule
	period types.Period
	date   types.Date
	at     Event
	key    accKey
}

type accKey struct {
	clause int
	period types.Period
}

// periodAcc is what the rows of one settlement period of a share clause
// add up to.
type periodAcc struct {
	rule       *shareRule // the rule of the last row counted
	lines      []lineAcc
	prohibited int
	span       [2]types.Date // the period's first and last days
}

func (a *periodAcc) setPeriod(p types.Period) { a.span = [2]types.Date{p.Start(), p.End()} }
func (a *periodAcc) start() types.Date        { return a.span[0] }
func (a *periodAcc) end() types.Date          { return a.span[1] }

// SettlePartial settles events, a slice of consecutive rows of a ledger,
// into a Partial: the rows of one slice must be in date order, and the
// slices, merged in ledger order, must be too. opts must be the same for
// every slice of a ledger; OnBreach is called by Merge and Finish, in
// ledger order, not while the slice is settled.
func (p *Program) SettlePartial(ctx context.Context, events iter.Seq2[Event, error], opts SettleOptions) (*Partial, error) {
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
	if err := inOrderOnly(ag); err != nil {
		return nil, err
	}
	s := newSettler(p, ag, ctx, opts)
	if !opts.To.IsZero() && opts.To.Before(s.st.From) {
		if opts.From.IsZero() {
			return nil, fmt.Errorf("the statement would end on %s, before %s takes effect on %s", opts.To, ag.id, ag.effective)
		}
		return nil, fmt.Errorf("the statement would end on %s, before it starts on %s", opts.To, opts.From)
	}
	s.part = &partState{accs: map[accKey]*periodAcc{}, cur: make([]*periodAcc, ag.nclauses)}
	s.onBreach = nil
	if opts.OnBreach != nil {
		s.sample = -1 // every one, handed over in order when merged
	}
	s.fr.owed = func(string, string, types.Period, string) (types.Decimal, error) {
		return types.Decimal{}, fmt.Errorf("%w: `owed by` needs every earlier row", ErrInOrder)
	}
	for ev, err := range events {
		if err != nil {
			return nil, err
		}
		if err := s.event(ev); err != nil {
			return nil, err
		}
	}
	return &Partial{s: s, opts: opts}, nil
}

// row notes a counted row of date d.
func (pt *partState) row(s *settler, d types.Date, ev Event) {
	at := Event{Source: ev.Source, Line: ev.Line}
	if !pt.counted {
		pt.counted, pt.first, pt.firstAt = true, d, at
	}
	pt.last = at
	if n := len(pt.days); n == 0 || pt.days[n-1].date != d {
		pt.days = append(pt.days, partDay{date: d, at: at})
	}
}

// share counts a row towards line li of share rule r: into the
// accumulator of the rule's clause and the row's settlement period.
func (pt *partState) share(s *settler, r *shareRule, li int, date types.Date) error {
	acc := pt.cur[r.clause.Index]
	var key accKey
	if acc == nil || date.Before(acc.start()) || date.After(acc.end()) {
		period := types.PeriodOf(r.settled, s.ag.startOf(r.settled), date)
		key = accKey{clause: r.clause.Index, period: period}
		if acc = pt.accs[key]; acc == nil {
			acc = &periodAcc{lines: make([]lineAcc, len(r.lines))}
			pt.accs[key] = acc
			day := &pt.days[len(pt.days)-1]
			day.opens = append(day.opens, partOpen{rule: r, period: period, date: date, at: s.lastAt, key: key})
		}
		acc.setPeriod(period)
		pt.cur[r.clause.Index] = acc
	}
	acc.rule = r
	if s.prohibited {
		acc.prohibited++
		if r.permittedOnly() {
			return nil // SPEC 7.1.1: a prohibited row counts for nothing
		}
	}
	return s.count(nil, li, &acc.lines[li], r.lines[li], date)
}

// Merge adds next, the partial of the slice of rows that comes right
// after pt's in the ledger, to pt; next is not to be used again. Merging
// is associative: partials may be merged in any grouping, as long as each
// merge keeps ledger order.
func (pt *Partial) Merge(next *Partial) error {
	a, b := pt.s, next.s
	if a.p != b.p || a.ag != b.ag || !sameOpts(pt.opts, next.opts) {
		return errors.New("the partials are of different settlements: settle every slice with the same program and options")
	}
	pa, pb := a.part, b.part
	if pa.counted && pb.counted && pb.first.Before(a.last) {
		return &LedgerError{Source: pb.firstAt.Source, Line: pb.firstAt.Line, Field: "date",
			Msg: fmt.Sprintf("%s comes after %s: events must be in date order", pb.first, a.last)}
	}
	// The days, and the periods first counted in next but not in pt.
	for i, d := range pb.days {
		opens := d.opens[:0]
		for _, o := range d.opens {
			if pa.accs[o.key] == nil {
				opens = append(opens, o)
			}
		}
		d.opens = opens
		if i == 0 && len(pa.days) > 0 && pa.days[len(pa.days)-1].date == d.date {
			last := &pa.days[len(pa.days)-1]
			last.opens = append(last.opens, d.opens...)
			continue
		}
		pa.days = append(pa.days, d)
	}
	for k, acc := range pb.accs {
		if mine := pa.accs[k]; mine != nil {
			if err := mine.merge(acc); err != nil {
				return err
			}
			continue
		}
		pa.accs[k] = acc
	}
	clear(pa.cur) // a row counted into pt after a merge looks its period up
	if pb.counted {
		if !pa.counted {
			pa.counted, pa.first, pa.firstAt = true, pb.first, pb.firstAt
		}
		pa.last = pb.last
		a.last = b.last
		a.lastAt = b.lastAt
	}
	a.n += b.n
	a.sawPayment = a.sawPayment || b.sawPayment
	a.st.Events += b.st.Events
	a.st.RowsBeforeTerm += b.st.RowsBeforeTerm
	a.st.RowsAfterTerm += b.st.RowsAfterTerm
	a.st.BreachCount += b.st.BreachCount
	for k, t := range b.tally {
		if mine := a.tally[k]; mine != nil {
			mine.Count += t.Count
		} else {
			a.tally[k] = t
		}
	}
	for _, br := range b.st.Breaches {
		if a.sample >= 0 && len(a.st.Breaches) >= a.sample {
			break
		}
		a.st.Breaches = append(a.st.Breaches, br)
	}
	for c := range b.met {
		a.met[c] = true
	}
	a.pending = append(a.pending, b.pending...)
	// Milestones: a day's line gathers the instances of both slices; a
	// first-only milestone fired in pt does not fire again.
	for _, m := range b.milestones {
		if m.m.first && a.fired[m.m.clause] {
			continue
		}
		if n := len(a.milestones); n > 0 && a.milestones[n-1].date == m.date {
			if p := a.pendingOn(m); p != nil {
				var err error
				n, err := p.amount.Num().Add(m.amount.Num())
				if err == nil {
					p.amount, err = withNum(p.amount, n)
				}
				if err != nil {
					return err
				}
				p.n += m.n
				p.at = m.at
				continue
			}
		}
		a.milestones = append(a.milestones, m)
	}
	for c := range b.fired {
		a.fired[c] = true
	}
	next.s = nil
	return nil
}

// pendingOn is the milestone line of pt's last day for m's clause, if any.
func (s *settler) pendingOn(m *pendingMilestone) *pendingMilestone {
	for i := len(s.milestones) - 1; i >= 0 && s.milestones[i].date == m.date; i-- {
		if s.milestones[i].m == m.m {
			return s.milestones[i]
		}
	}
	return nil
}

func sameOpts(a, b SettleOptions) bool {
	return a.Agreement == b.Agreement && a.From == b.From && a.To == b.To && a.AsOf == b.AsOf &&
		a.BreachSample == b.BreachSample && (a.OnBreach == nil) == (b.OnBreach == nil)
}

// HandBreaches hands the breaches pt keeps to the settlement's OnBreach,
// in ledger order, and forgets them; without OnBreach it does nothing.
// Call it only on a partial whose slice starts the ledger (the one that
// will be finished), after each merge, to keep memory flat while merging
// in order: Finish hands over the ones left.
func (pt *Partial) HandBreaches() error {
	s := pt.s
	if s == nil || pt.opts.OnBreach == nil {
		return nil
	}
	for i, br := range s.st.Breaches {
		s.st.Breaches[i] = nil
		if err := pt.opts.OnBreach(br); err != nil {
			s.st.Breaches = s.st.Breaches[:0]
			return err
		}
	}
	s.st.Breaches = s.st.Breaches[:0]
	return nil
}

// merge adds the sums of the rows of b, which come after a's, to a.
func (a *periodAcc) merge(b *periodAcc) error {
	a.rule = b.rule
	a.prohibited += b.prohibited
	for i := range a.lines {
		if err := a.lines[i].merge(&b.lines[i]); err != nil {
			return err
		}
	}
	return nil
}

// merge adds the rows counted in b, which come after a's, to a.
func (a *lineAcc) merge(b *lineAcc) error {
	var err error
	if !b.used && len(b.wins) == 0 && !b.rate.seen {
		return nil
	}
	a.used = a.used || b.used
	if a.amount, err = a.amount.Add(b.amount); err != nil {
		return err
	}
	if a.base, err = a.base.Add(b.base); err != nil {
		return err
	}
	switch {
	case !a.rate.seen:
		a.rate = b.rate
	case b.rate.seen && (b.rate.mixed || a.rate.value.Cmp(b.rate.value) != 0):
		a.rate.mixed = true
	}
	wins := b.wins
	if n := len(a.wins); n > 0 && len(wins) > 0 && a.wins[n-1].win == wins[0].win {
		if a.wins[n-1].base, err = a.wins[n-1].base.Add(wins[0].base); err != nil {
			return err
		}
		wins = wins[1:]
	}
	a.wins = append(a.wins, wins...)
	return nil
}

// Finish settles the merged partials into the statement Settle gives for
// the whole ledger: one ordered pass over the days noted, closing the
// periods with the sums of every slice. pt is not to be used again.
func (pt *Partial) Finish() (*result.Statement, error) {
	s := pt.s
	if s == nil {
		return nil, errors.New("the partial was merged into another or finished already")
	}
	if err := pt.HandBreaches(); err != nil {
		return nil, err
	}
	pt.s = nil
	pp := s.part
	s.part = nil
	s.onBreach = pt.opts.OnBreach
	s.fr.owed = s.owed
	pays, miles := s.pending, s.milestones
	s.pending, s.milestones = nil, nil
	last, lastAt := s.last, s.lastAt
	s.last = types.Date{}
	for i, d := range pp.days {
		if len(s.milestones) > 0 && d.date.After(s.last) {
			if err := s.flushMilestones(); err != nil {
				return nil, err
			}
		}
		s.last, s.lastAt = d.date, d.at
		if i&1023 == 1023 {
			if err := ctxErr(s.ctx); err != nil {
				return nil, err
			}
		}
		if err := s.flushPayments(d.date, false); err != nil {
			return nil, err
		}
		if err := s.advance(d.date, false); err != nil {
			return nil, s.calendarErr(s.lastAt, err)
		}
		for _, o := range d.opens {
			if err := s.open(o, pp.accs[o.key]); err != nil {
				return nil, s.ledgerErr(o.at, o.rule.clause, err)
			}
		}
		for len(pays) > 0 && pays[0].date == d.date {
			s.pending = append(s.pending, pays[0])
			pays = pays[1:]
		}
		for len(miles) > 0 && miles[0].date == d.date {
			s.milestones = append(s.milestones, miles[0])
			miles = miles[1:]
		}
	}
	s.last, s.lastAt = last, lastAt
	return s.endStatement(pt.opts)
}

// open starts the settlement period o of a share clause, as the first row
// counted in it does in Settle (floors fill the empty periods before it),
// with the sums of every row of the period.
func (s *settler) open(o partOpen, acc *periodAcc) error {
	st := s.state(o.rule, o.date)
	st.rule = o.rule
	if st.open && o.period != st.period {
		if err := s.closeShare(st, false); err != nil {
			return err
		}
	}
	if !st.open {
		if err := s.fillFloors(st, mustAdd(o.period.Start(), -1), false); err != nil {
			return err
		}
		st.open, st.period = true, o.period
		st.pStart, st.pEnd = o.period.Start(), o.period.End()
		s.noteOpen(st.pEnd)
	}
	st.rule = acc.rule
	st.lines = acc.lines
	st.prohibited += acc.prohibited
	return nil
}
