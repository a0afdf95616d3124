package interp

import (
	"fmt"
	"slices"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/internal/formula"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file compiles the money clauses of a version: shares, fixed
// payments, installment schedules and milestones.

// payeeRule says who receives an amount.
type payeeRule struct {
	party       string   // a single payee
	split       []string // split parties, in order
	shares      []types.Decimal
	remainderTo int // -1: largest remainder
	// kind, weights and the clause of a named split: see settle_split.go.
	kind   lang.SplitKind
	weight types.Decimal // the sum of the shares: 1 (100%) for a percentage split
	named  *result.ClauseInfo
	// rows: numbers of shares that use the instance (settle_split_rows.go).
	rows  *rowWeights
	steps []waterStep
	// err is why the payee cannot take an amount (split shares that do
	// not add up): reported when a settlement first pays through it, so
	// that it fails only the questions that need it.
	err error
}

type waterStep struct {
	party       string // "" when split is set
	split       *payeeRule
	limit       *types.Decimal // nil: rest
	description string
}

// shareRule is a compiled share clause.
type shareRule struct {
	clause   *result.ClauseInfo
	payer    string
	payee    *payeeRule
	action   *schema
	by       string
	where    node
	pre      []*precond     // the clause's preconditions (SPEC 4.7)
	count    lang.CountRule // permitted rows only, or all (settle_count.go)
	lines    []*shareLine
	settled  types.PeriodKind
	dueAfter types.Duration
	hasDue   bool
	biz      *dueBiz // business days and business-day rule, if any (SPEC 11.6)
	// floors and caps in the order SPEC 7.4 applies them: those per a
	// period in the order written, then the one over the term.
	floors    []windowCap
	caps      []windowCap
	guarantee *guaranteeRule
	recoup    *types.Decimal
	late      []*lateRule
	duePos    lang.Pos
}

type shareLine struct {
	rate      node // flat rate; nil when tiers is set
	rateText  string
	tiers     *formula.TierSchedule
	sale      *saleTiers       // marginal tiers whose rates depend on the sale (settle_tier_rates.go)
	reset     types.PeriodKind // tiers: 0 cumulative
	resetSet  bool
	base      node
	where     node
	otherwise bool
	text      string // the line as written, for statements
	// afterBreach: the line applies from the day after the first breach
	// of this clause (SPEC 5.6).
	afterBreach string
}

// windowCap is a cap or a floor of a share: per a period of kind, or
// over the term.
type windowCap struct {
	limit types.Decimal
	kind  types.PeriodKind // 0: over the term
	text  string
}

type guaranteeRule struct {
	minimum types.Decimal
	kind    types.PeriodKind // 0: over the term
	text    string
}

type lateRule struct {
	penalty bool
	rate    types.Decimal // interest: fraction per period; penalty: amount
	per     types.Duration
	delay   formula.Delay  // how the delay is counted (SPEC 6.6); delay.Per is per
	cap     *types.Decimal // an amount
	capPct  *types.Decimal // a percent of the late amount
	unit    string         // the unit of delay as written: "month", "half-year", …
}

// scheduledRule is a fixed payment or one installment: an amount due on a
// date, known when the agreement is compiled.
type scheduledRule struct {
	clause *result.ClauseInfo
	kind   string // "payment" or "installment"
	payer  string
	payee  *payeeRule
	date   types.Date
	amount types.Value
	due    types.Date
	first  types.Date // an installment: its schedule's first date
	late   []*lateRule
	note   string
	// dueNote says how a business-day rule made the due date (SPEC 11.6).
	dueNote string
	// dueRule says which rule made the due date (Line.DueRule).
	dueRule string
	// err is why the payment cannot be made (a negative amount, a due
	// date after the calendar's end): reported when a settlement reaches
	// its date, so that it fails only the questions that need it.
	err error
}

// milestoneRule pays on an event.
type milestoneRule struct {
	clause   *result.ClauseInfo
	payer    string
	payee    *payeeRule
	amount   node
	amountAt lang.Pos
	first    bool
	event    *schema
	breach   string // a remedy: the clause whose breaches it pays on (SPEC 5.6)
	where    node
	pre      []*precond // the clause's preconditions (SPEC 4.7)
	dueAfter types.Duration
	hasDue   bool
	duePos   lang.Pos
	biz      *dueBiz // business days and business-day rule, if any (SPEC 11.6)
	late     []*lateRule
}

// moneyRules are the money clauses of one version.
type moneyRules struct {
	shares     map[*schema][]*shareRule
	milestones map[*schema][]*milestoneRule
	// The same, indexed by Schema.id for the per-event path.
	sharesByID     [][]*shareRule
	milestonesByID [][]*milestoneRule
	scheduled      []*scheduledRule
	// joint are the caps across share clauses (settle_joint.go).
	joint []*jointRule
	// onBreach are the remedies paid on breaches (SPEC 5.6), by the
	// number of the clause breached.
	onBreach map[string][]*milestoneRule
}

func periodKindOf(u *lang.PeriodUnit) (types.PeriodKind, error) {
	if u == nil {
		return types.PeriodQuarter, nil
	}
	switch {
	case u.Contract:
		return types.PeriodContractYear, nil
	case u.Fiscal && u.Unit == "half":
		return types.PeriodFiscalHalf, nil
	case u.Unit == "half":
		return types.PeriodHalf, nil
	case u.Fiscal && u.Unit == "year":
		return types.PeriodFiscalYear, nil
	case u.Fiscal && u.Unit == "quarter":
		return types.PeriodFiscalQuarter, nil
	case u.Unit == "month":
		return types.PeriodMonth, nil
	case u.Unit == "quarter":
		return types.PeriodQuarter, nil
	case u.Unit == "year":
		return types.PeriodYear, nil
	}
	return 0, fmt.Errorf("%s is not a settlement period; use month, quarter, half-year, year, contract year or fiscal year", u.Unit)
}

func durationOfUnit(u *lang.PeriodUnit) (types.Duration, error) {
	switch u.Unit {
	case "day":
		return types.Duration{N: 1, Unit: types.Days}, nil
	case "week":
		return types.Duration{N: 1, Unit: types.Weeks}, nil
	case "month":
		return types.Duration{N: 1, Unit: types.Months}, nil
	case "quarter":
		return types.Duration{N: 3, Unit: types.Months}, nil
	case "half":
		return types.Duration{N: 6, Unit: types.Months}, nil
	case "year":
		return types.Duration{N: 1, Unit: types.Years}, nil
	}
	return types.Duration{}, fmt.Errorf("unknown unit of time %q", u.Unit)
}

// constant evaluates an expression that must not depend on an event: a
// literal, a value term, arithmetic on those.
func (c *compiler) constant(e lang.Expr) (types.Value, error) {
	n, err := c.expr(e)
	if err != nil {
		return types.Value{}, err
	}
	v, err := n.eval(newFrame(nil, DefaultStepBudget, types.Date{}))
	if err != nil {
		return types.Value{}, atPos(e.Pos(), err)
	}
	return v, nil
}

func (c *compiler) constMoney(e lang.Expr) (*types.Decimal, error) {
	v, err := c.constant(e)
	if err != nil {
		return nil, err
	}
	if v.Kind() != types.KindMoney {
		return nil, &EvalError{Pos: e.Pos(), Msg: fmt.Sprintf("%s is not an amount of money", lang.FormatExpr(e))}
	}
	d := v.Num()
	return &d, nil
}

// limitMoney is the amount of a limit (floor, cap, guarantee, recoupment
// advance), rounded to the agreement's rounding unit with its mode (SPEC
// 8.2 point 2): a cap written USD 955.50 under `rounding half_down to 1`
// is USD 955.
func (a *agreement) limitMoney(c *compiler, e lang.Expr) (*types.Decimal, error) {
	d, err := c.constMoney(e)
	if err != nil {
		return nil, err
	}
	r, err := d.Round(a.unit, a.rounding)
	if err != nil {
		return nil, atPos(e.Pos(), err)
	}
	return &r, nil
}

func (c *compiler) payee(ci *result.ClauseInfo, p lang.Payee) (*payeeRule, error) {
	switch p := p.(type) {
	case *lang.PartyPayee:
		if named := c.splits[p.Party.Name]; named != nil {
			return c.namedSplit(ci, named)
		}
		return &payeeRule{party: p.Party.Name}, nil
	case *lang.Split:
		if p.Kind != lang.SplitPercent {
			return c.weightSplit(ci, p)
		}
		r := &payeeRule{remainderTo: -1, weight: types.DecimalFromInt(1)}
		var sum types.Decimal
		for i, s := range p.Shares {
			v, err := c.constant(s.Share)
			if err != nil {
				return nil, err
			}
			if v.Num().Sign() <= 0 && r.err == nil {
				// SPEC 8.4: every share is more than 0%.
				r.err = clauseFault(ci, s.Share.Pos(), "the share of %s in the split is %s; a share must be more than 0%%",
					s.Party.Name, formatPercent(v.Num()))
			}
			r.split = append(r.split, s.Party.Name)
			r.shares = append(r.shares, v.Num())
			if sum, err = sum.Add(v.Num()); err != nil {
				return nil, atPos(s.Share.Pos(), err)
			}
			if p.RemainderTo != nil && p.RemainderTo.Name == s.Party.Name {
				r.remainderTo = i
			}
		}
		// SPEC 8.4: the shares add up to exactly 100%, or to at most 100%
		// with `remainder to`; anything else is an error, never rescaled.
		switch cmp := sum.Cmp(types.DecimalFromInt(1)); {
		case r.err != nil:
		case cmp > 0:
			r.err = clauseFault(ci, p.Pos(), "split shares add up to %s, more than 100%%", formatPercent(sum))
		case cmp < 0 && p.RemainderTo == nil:
			r.err = clauseFault(ci, p.Pos(), "split shares add up to %s, not 100%%; add `remainder to PARTY` to say who gets the rest", formatPercent(sum))
		}
		if p.RemainderTo != nil {
			// The remainder party takes what the named shares leave of
			// 100%, on top of any share of its own, and the rounding
			// leftovers.
			if r.remainderTo < 0 {
				r.split = append(r.split, p.RemainderTo.Name)
				r.shares = append(r.shares, types.Decimal{})
				r.remainderTo = len(r.split) - 1
			}
			rest, err := types.DecimalFromInt(1).Sub(sum)
			if err != nil {
				return nil, err
			}
			if rest.Sign() > 0 {
				if r.shares[r.remainderTo], err = r.shares[r.remainderTo].Add(rest); err != nil {
					return nil, err
				}
			}
		}
		return r, nil
	case *lang.Waterfall:
		r := &payeeRule{}
		for _, s := range p.Steps {
			st := waterStep{}
			if s.Party != nil && c.splits[s.Party.Name] == nil {
				st.party = s.Party.Name
			} else if s.Party != nil {
				sp, err := c.namedSplit(ci, c.splits[s.Party.Name])
				if err != nil {
					return nil, err
				}
				st.split = sp
				if r.err == nil {
					r.err = sp.err
				}
			} else {
				sp, err := c.payee(ci, s.Split)
				if err != nil {
					return nil, err
				}
				st.split = sp
				if r.err == nil {
					r.err = sp.err
				}
			}
			if s.UpTo != nil {
				lim, err := c.constMoney(s.UpTo)
				if err != nil {
					return nil, err
				}
				st.limit = lim
			}
			r.steps = append(r.steps, st)
		}
		return r, nil
	}
	return nil, fmt.Errorf("internal error: payee %T", p)
}

func (c *compiler) lateRules(ls []*lang.Late) ([]*lateRule, error) {
	var out []*lateRule
	for _, l := range ls {
		v, err := c.constant(l.Amount)
		if err != nil {
			return nil, err
		}
		per, err := durationOfUnit(l.Per)
		if err != nil {
			return nil, atPos(l.Per.Pos(), err)
		}
		r := &lateRule{penalty: l.Penalty, rate: v.Num(), per: per, delay: delayOf(l, per)}
		if l.Per != nil {
			r.unit = l.Per.Unit
			if r.unit == "half" {
				r.unit = "half-year"
			}
		}
		if l.Cap != nil {
			cv, err := c.constant(l.Cap)
			if err != nil {
				return nil, err
			}
			d := cv.Num()
			if cv.Kind() == types.KindPercent {
				r.capPct = &d
			} else {
				r.cap = &d
			}
		}
		out = append(out, r)
	}
	return out, nil
}

func dueOf(d *lang.Due) (types.Duration, bool, error) {
	if d == nil || d.After == nil {
		return types.Duration{}, false, nil
	}
	v, err := literal(d.After)
	if err != nil {
		return types.Duration{}, false, atPos(d.Pos(), err)
	}
	return v.Duration(), true, nil
}

// compileMoney compiles the money clauses of version v.
func (p *Program) compileMoney(a *agreement, v *version) error {
	m := &moneyRules{shares: map[*schema][]*shareRule{}, milestones: map[*schema][]*milestoneRule{}}
	v.money = m
	v.comp.splits = namedSplits(v)
	for _, ci := range v.clauses {
		var err error
		switch b := ci.Decl.Body.(type) {
		case *lang.Share:
			err = p.compileShare(a, v, ci, b)
		case *lang.Payment:
			err = p.compilePayment(v, ci, b)
		case *lang.Installments:
			err = p.compileInstallments(a, v, ci, b)
		case *lang.Milestone:
			err = p.compileMilestone(a, v, ci, b)
		case *lang.JointLimit:
			err = p.compileJoint(a, v, ci, b)
		}
		if err != nil {
			return err
		}
	}
	m.sharesByID = make([][]*shareRule, len(a.schemaDecls))
	m.milestonesByID = make([][]*milestoneRule, len(a.schemaDecls))
	for sc, rs := range m.shares {
		m.sharesByID[sc.id] = rs
	}
	for sc, ms := range m.milestones {
		m.milestonesByID[sc.id] = ms
	}
	return nil
}

func (p *Program) schemaOf(a *agreement, id *lang.Ident) (*schema, error) {
	obj, ok := p.info.Uses[id].(*lang.SchemaObj)
	if !ok {
		return nil, internal(id.Pos(), "unresolved action "+id.Name)
	}
	return a.schemaDecls[obj.Decl], nil
}

func (p *Program) compileShare(a *agreement, v *version, ci *result.ClauseInfo, b *lang.Share) error {
	s, err := p.schemaOf(a, b.Action)
	if err != nil {
		return err
	}
	comp := *v.comp
	comp.event = s
	r := &shareRule{clause: ci, payer: b.Payer.Name, action: s, count: b.Count}
	if r.payee, err = comp.payee(ci, b.Payee); err != nil {
		return err
	}
	if b.By != nil {
		r.by = b.By.Name
	}
	if b.Where != nil {
		if r.where, err = comp.expr(b.Where); err != nil {
			return err
		}
	}
	if r.pre, err = comp.preconds(ci.Decl.Requires, "clause "+ci.Num); err != nil {
		return err
	}
	if r.settled, err = periodKindOf(b.Settled); err != nil {
		return atPos(b.Settled.Pos(), err)
	}
	if r.dueAfter, r.hasDue, err = dueOf(b.Due); err != nil {
		return err
	}
	if b.Due != nil {
		r.duePos = b.Due.Pos()
	}
	if r.biz, err = comp.bizOf(b.Due); err != nil {
		return err
	}
	for _, l := range b.Lines {
		sl := &shareLine{otherwise: l.Otherwise, text: lang.FormatExpr(l.Base)}
		if l.AfterBreach != nil {
			sl.afterBreach = l.AfterBreach.Num
			a.watch(sl.afterBreach)
		}
		if sl.base, err = comp.expr(l.Base); err != nil {
			return err
		}
		if l.Where != nil {
			if sl.where, err = comp.expr(l.Where); err != nil {
				return err
			}
		}
		switch rt := l.Rate.(type) {
		case *lang.FlatRate:
			if sl.rate, err = comp.expr(rt.Value); err != nil {
				return err
			}
			sl.rateText = lang.FormatExpr(rt.Value)
		case *lang.Tiers:
			ts := &formula.TierSchedule{Whole: rt.Whole}
			// A split by each sale's numbers of shares divides each
			// sale's charge (SPEC 8.4.2), which the per-sale path works out.
			bySale := !rt.Whole && (rt.SaleRated() || r.payee.rows != nil)
			for _, t := range rt.Tiers {
				if bySale {
					break
				}
				// A rate that uses the sale does not compile without it
				// (SPEC 7.3.1): the tiers are then rated per sale.
				rv, err := v.comp.constant(t.Rate)
				if err != nil && !rt.Whole {
					bySale = true
					break
				}
				if err != nil {
					return err
				}
				ts.Rates = append(ts.Rates, rv.Num())
				if t.UpTo != nil {
					b, err := comp.constMoney(t.UpTo)
					if err != nil {
						return err
					}
					ts.Bounds = append(ts.Bounds, *b)
				}
			}
			if bySale {
				if sl.sale, err = comp.compileSaleTiers(a, rt); err != nil {
					return err
				}
			} else {
				if err := ts.Validate(); err != nil {
					return atPos(rt.Pos(), err)
				}
				sl.tiers = ts
			}
			switch {
			case rt.Cumulative:
				sl.reset, sl.resetSet = 0, true
			case rt.Reset != nil:
				k, err := periodKindOf(rt.Reset)
				if err != nil {
					return atPos(rt.Reset.Pos(), err)
				}
				sl.reset, sl.resetSet = k, true
			default:
				sl.reset, sl.resetSet = r.settled, true
			}
			mode := "marginal"
			if rt.Whole {
				mode = "whole"
			}
			sl.rateText = mode + " tiers"
			if sl.sale != nil {
				sl.rateText = "marginal tiers, rates by sale"
			}
		}
		r.lines = append(r.lines, sl)
	}
	for _, lim := range b.Limits {
		amt, err := a.limitMoney(&comp, lim.Amount)
		if err != nil {
			return err
		}
		kind := types.PeriodKind(0)
		text := "over the term"
		if lim.Per != nil {
			if kind, err = periodKindOf(lim.Per); err != nil {
				return atPos(lim.Per.Pos(), err)
			}
			text = "per " + kind.Noun()
		}
		l := windowCap{limit: *amt, kind: kind, text: "at most " + types.MoneyValue(a.currency, *amt).String() + " " + text}
		if lim.Floor {
			l.text = "at least " + types.MoneyValue(a.currency, *amt).String() + " " + text
			r.floors = append(r.floors, l)
		} else {
			r.caps = append(r.caps, l)
		}
	}
	// SPEC 7.4 steps 3-5: a floor or cap over the term comes after those
	// per a period.
	overTerm := func(l windowCap) int {
		if l.kind == 0 {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(r.floors, func(x, y windowCap) int { return overTerm(x) - overTerm(y) })
	slices.SortStableFunc(r.caps, func(x, y windowCap) int { return overTerm(x) - overTerm(y) })
	if g := b.Guarantee; g != nil {
		amt, err := a.limitMoney(&comp, g.Amount)
		if err != nil {
			return err
		}
		kind, err := periodKindOf(g.Per)
		if err != nil {
			return atPos(g.Pos(), err)
		}
		r.guarantee = &guaranteeRule{minimum: *amt, kind: kind, text: "minimum guarantee " + types.MoneyValue(a.currency, *amt).String() + " per " + kind.Noun()}
	}
	if b.Recoup != nil {
		if r.recoup, err = a.limitMoney(&comp, b.Recoup.Amount); err != nil {
			return err
		}
	}
	if r.late, err = comp.lateRules(b.Late); err != nil {
		return err
	}
	v.money.shares[s] = append(v.money.shares[s], r)
	return nil
}

func (p *Program) compilePayment(v *version, ci *result.ClauseInfo, b *lang.Payment) error {
	comp := v.comp
	amt, err := comp.constant(b.Amount)
	if err != nil {
		return err
	}
	payee, err := comp.payee(ci, b.Payee)
	if err != nil {
		return err
	}
	due, hasDue, err := dueOf(b.Due)
	if err != nil {
		return err
	}
	biz, err := comp.bizOf(b.Due)
	if err != nil {
		return err
	}
	late, err := comp.lateRules(b.Late)
	if err != nil {
		return err
	}
	// A negative amount or a due date past the calendar is an error of
	// the settlement that reaches the payment's date (SPEC 6.2), not of
	// loading the agreement.
	bad, err := comp.schedulePre(ci)
	if err != nil {
		return err
	}
	if bad == nil && amt.Num().Sign() < 0 {
		bad = clauseFault(ci, b.Amount.Pos(), "the payment amount is negative: %s", amt)
	}
	for _, dl := range b.Dates {
		d, err := types.ParseDate(dl.Text)
		if err != nil {
			return atPos(dl.Pos(), err)
		}
		r := &scheduledRule{
			clause: ci, kind: "payment", payer: b.Payer.Name, payee: payee, date: d, amount: amt, due: d, late: late, err: bad,
		}
		if r.err == nil {
			r.due, r.dueRule, r.dueNote, r.err = dueOn(ci, duePos(b.Due, b.At), d, "the payment date", due, hasDue, biz)
		}
		v.money.scheduled = append(v.money.scheduled, r)
	}
	return nil
}

func (p *Program) compileInstallments(a *agreement, v *version, ci *result.ClauseInfo, b *lang.Installments) error {
	comp := v.comp
	total, err := comp.constant(b.Total)
	if err != nil {
		return err
	}
	payee, err := comp.payee(ci, b.Payee)
	if err != nil {
		return err
	}
	n, err := types.ParseDecimal(b.Count.Text)
	if err != nil {
		return atPos(b.Count.Pos(), err)
	}
	count, ok := n.Int64()
	if !ok || count < 1 || count > formula.MaxInstallments {
		return &EvalError{Pos: b.Count.Pos(), Msg: fmt.Sprintf("the number of installments must be 1 to %d", formula.MaxInstallments)}
	}
	every, err := durationOfUnit(b.Every)
	if err != nil {
		return atPos(b.Every.Pos(), err)
	}
	first, err := types.ParseDate(b.From.Text)
	if err != nil {
		return atPos(b.From.Pos(), err)
	}
	due, hasDue, err := dueOf(b.Due)
	if err != nil {
		return err
	}
	biz, err := comp.bizOf(b.Due)
	if err != nil {
		return err
	}
	late, err := comp.lateRules(b.Late)
	if err != nil {
		return err
	}
	// A schedule that cannot be worked out (a total that is not more than
	// zero or not a whole number of units, dates past the calendar) is an
	// error of the settlement that reaches its first date, not of loading
	// the agreement.
	var insts []formula.Installment
	bad, err := comp.schedulePre(ci)
	if err != nil {
		return err
	}
	whole, err := total.Num().Round(a.unit, types.Down)
	switch {
	case bad != nil:
		err = bad
	case err != nil:
		err = clauseFault(ci, b.Total.Pos(), "%v", err)
	case total.Num().Sign() <= 0:
		err = clauseFault(ci, b.Total.Pos(), "the installment total must be more than zero, not %s", total)
	case !whole.Equal(total.Num()):
		err = clauseFault(ci, b.Total.Pos(), "the installment total %s is not a whole multiple of %s", total, a.unit)
	default:
		if insts, err = formula.Installments(total.Num(), int(count), first, every, a.unit); err != nil {
			err = clauseFault(ci, b.Pos(), "%v", err)
		}
	}
	if err != nil {
		v.money.scheduled = append(v.money.scheduled, &scheduledRule{
			clause: ci, kind: "installment", payer: b.Payer.Name, payee: payee, date: first, due: first, first: first, err: err,
		})
		return nil
	}
	for _, in := range insts {
		r := &scheduledRule{
			clause: ci, kind: "installment", payer: b.Payer.Name, payee: payee, date: in.Due,
			amount: types.MoneyValue(total.Str(), in.Amount), due: in.Due, first: first, late: late,
			note: fmt.Sprintf("installment %d of %d", in.Number, count),
		}
		// The anchor says how the installment's date was made (SPEC
		// 6.3: counted from the first date, never chained), so that a
		// month end can be checked: "the installment date, 2027-01-31 +
		// 1 month".
		anchor := "the installment date, the first"
		if in.Number > 1 {
			anchor = fmt.Sprintf("the installment date, %s + %s", first, types.Duration{N: every.N * int64(in.Number-1), Unit: every.Unit})
		}
		r.due, r.dueRule, r.dueNote, r.err = dueOn(ci, duePos(b.Due, b.At), in.Due, anchor, due, hasDue, biz)
		v.money.scheduled = append(v.money.scheduled, r)
	}
	return nil
}

func (p *Program) compileMilestone(a *agreement, v *version, ci *result.ClauseInfo, b *lang.Milestone) error {
	var s *schema
	var err error
	if b.Breach != nil {
		s, err = p.breachedSchema(a, v, b.Breach)
		if err == nil && s == nil {
			return nil // no prohibition to breach in this version
		}
	} else {
		s, err = p.schemaOf(a, b.Event)
	}
	if err != nil {
		return err
	}
	comp := *v.comp
	comp.event = s
	r := &milestoneRule{clause: ci, payer: b.Payer.Name, first: b.First, event: s}
	if r.payee, err = comp.payee(ci, b.Payee); err != nil {
		return err
	}
	if r.amount, err = comp.expr(b.Amount); err != nil {
		return err
	}
	r.amountAt = b.Amount.Pos()
	if b.Where != nil {
		if r.where, err = comp.expr(b.Where); err != nil {
			return err
		}
	}
	if r.pre, err = comp.preconds(ci.Decl.Requires, "clause "+ci.Num); err != nil {
		return err
	}
	if r.dueAfter, r.hasDue, err = dueOf(b.Due); err != nil {
		return err
	}
	if b.Due != nil {
		r.duePos = b.Due.Pos()
	}
	if r.biz, err = comp.bizOf(b.Due); err != nil {
		return err
	}
	if r.late, err = comp.lateRules(b.Late); err != nil {
		return err
	}
	if b.Breach != nil {
		r.breach = b.Breach.Num
		if v.money.onBreach == nil {
			v.money.onBreach = map[string][]*milestoneRule{}
		}
		v.money.onBreach[r.breach] = append(v.money.onBreach[r.breach], r)
		return nil
	}
	v.money.milestones[s] = append(v.money.milestones[s], r)
	return nil
}
