package lang

// ClauseBody is what a clause says: *Deontic, *Payment, *Installments,
// *Milestone or *Share.
type ClauseBody interface {
	Node
	bodyNode()
}

// Modality is the deontic force of a clause.
type Modality uint8

const (
	May     Modality = iota // a permission
	MustNot                 // a prohibition
	Must                    // an obligation (implies permission)
)

func (m Modality) String() string {
	switch m {
	case MustNot:
		return "must not"
	case Must:
		return "must"
	}
	return "may"
}

// Deontic is `PARTY may|must not|must ACTION [where COND] [from DATE]
// [until DATE] [by DATE]`.
type Deontic struct {
	At       Pos
	Party    *Ident
	Modality Modality
	Action   *Ident
	Where    Expr     // optional condition over the action's fields
	From     *DateLit // optional: first day the clause applies
	Until    *DateLit // optional: last day the clause applies (inclusive)
	By       *DateLit // optional, obligations: the deadline
}

// Payment is `PAYER pays PAYEE AMOUNT on DATE[, DATE...] [due ...] [late ...]`.
type Payment struct {
	At     Pos
	Payer  *Ident
	Payee  Payee
	Amount Expr
	Dates  []*DateLit
	Due    *Due
	Late   []*Late
}

// Installments is `PAYER pays PAYEE TOTAL in N equal ADVERB installments
// from DATE [due ...] [late ...]`.
type Installments struct {
	At    Pos
	Payer *Ident
	Payee Payee
	Total Expr
	Count *IntLit
	Every *PeriodUnit
	From  *DateLit
	Due   *Due
	Late  []*Late
}

// Milestone is `PAYER pays PAYEE AMOUNT on each|first EVENT [where COND]
// [due ...] [late ...]`.
type Milestone struct {
	At     Pos
	Payer  *Ident
	Payee  Payee
	Amount Expr
	First  bool // `on first`: paid once; `on each`: paid per event
	Event  *Ident
	// Breach, set instead of Event, is a remedy: `on each|first breach of
	// CLAUSE` pays on the breaches of that clause (SPEC 5.6).
	Breach *ClauseRef
	Where  Expr
	Due    *Due
	Late   []*Late
}

// Share is a share formula over the events of one action:
//
//	PAYER pays PAYEE LINE of each ACTION [by PARTY] [where COND] MODIFIERS
//	PAYER pays PAYEE of each ACTION [by PARTY] [where COND]: LINE... MODIFIERS
//
// Inline is true for the first (one-line) form, which has exactly one line.
type Share struct {
	At        Pos
	Payer     *Ident
	Payee     Payee
	Inline    bool
	Lines     []*ShareLine
	Action    *Ident
	By        *Ident    // optional: only events whose actor is this party
	Where     Expr      // optional filter over every line
	Count     CountRule // which instances count: permitted ones, or all (ast_count.go)
	Settled   *PeriodUnit
	Due       *Due
	Limits    []*Limit
	Guarantee *Guarantee
	Recoup    *Recoup
	Late      []*Late
}

// ShareLine is `RATE of BASE [where COND | otherwise | from the day
// after the first breach of CLAUSE]`.
type ShareLine struct {
	At        Pos
	Rate      Rate
	Base      Expr
	Where     Expr
	Otherwise bool
	// AfterBreach is the clause of `from the day after the first breach
	// of CLAUSE` (SPEC 5.6): the line applies from the day after the first
	// breach of that clause.
	AfterBreach *ClauseRef
}

// Rate is *FlatRate or *Tiers.
type Rate interface {
	Node
	rateNode()
}

// FlatRate is a single percent expression: `20%`, `rate`.
type FlatRate struct {
	At    Pos
	Value Expr
}

// Tiers is `marginal|whole tiers [reset ADVERB | cumulative] { TIER... }`.
type Tiers struct {
	At         Pos
	Whole      bool        // false: marginal (like tax brackets); true: the rate reached applies to all
	Reset      *PeriodUnit // thresholds reset each such period; nil: each settlement period
	Cumulative bool        // thresholds never reset
	Tiers      []*Tier
	End        Pos
}

// Tier is `RATE up to AMOUNT` or `RATE above`, or a tier whose rate
// depends on the sale written threshold first: `up to AMOUNT: RATES` or
// `above: RATES` (SPEC 7.3.1, ast_tier_rates.go).
type Tier struct {
	At    Pos
	Rate  Expr // the one rate; nil when Rates is set
	UpTo  Expr // nil for `above`
	Rates []*TierRate
}

// Limit is `at most AMOUNT per UNIT|over the term` (a cap) or
// `at least AMOUNT per UNIT|over the term` (a floor).
type Limit struct {
	At     Pos
	Floor  bool
	Amount Expr
	Per    *PeriodUnit // nil: over the term (lifetime)
}

// Guarantee is `minimum guarantee AMOUNT per UNIT`: at the end of each such
// period the payer pays the shortfall (a true-up).
type Guarantee struct {
	At     Pos
	Amount Expr
	Per    *PeriodUnit
}

// Recoup is `recouping AMOUNT`: an advance already paid to the payee is
// recovered from the share before anything is paid out.
type Recoup struct {
	At     Pos
	Amount Expr
}

// Due is `due within DURATION` or `due DURATION after period end`.
//
// With business days (SPEC 11.6, ast_calendar.go) the delay may be `N
// business days [in CALENDAR]` (Business, After nil), and the due date
// may be adjusted by a business-day rule (Adjust). A Due with only Adjust
// set is a clause written with `adjusted to ...` and no `due`.
type Due struct {
	At        Pos
	After     *DurationLit
	Business  *BusinessDays // `N business days`, instead of After
	PeriodEnd bool          // written `after period end`
	Adjust    *DueAdjust    // optional: `adjusted to the following business day`
	// Anchor is what `due within` counts from, when written out: `after
	// the payment date`, `after each installment date`, `after the
	// EVENT` (SPEC 6.1). The formatter always writes it.
	Anchor *DueAnchor
}

// DueAnchor is the `after …` of `due within N after …`: Text is "the
// payment date", "each installment date" or "the EVENT" as written.
type DueAnchor struct {
	At   Pos
	Text string
}

func (n *DueAnchor) Pos() Pos { return n.At }

// DueAnchorText is the anchor the canonical form of `due within` writes
// for a clause body (SPEC 6.1): "the payment date" for a payment on
// dates, "each installment date" for installments, "the EVENT" for a
// milestone; "" for a share, whose line is due after its period ends.
func DueAnchorText(body Node) string {
	switch b := body.(type) {
	case *Payment:
		return "the payment date"
	case *Installments:
		return "each installment date"
	case *Milestone:
		if b.Event != nil {
			return "the " + b.Event.Name
		}
	}
	return ""
}

// Late is `late interest RATE per UNIT [capped at X]` or
// `late penalty AMOUNT per UNIT [capped at X]`.
//
// With the delay constructs of SPEC 6.6 (ast_calendar.go) it is `late
// interest RATE per [started|whole] UNIT [counted daily (BASIS)] [from the
// due date | from the day after the due date] [capped at X]`.
type Late struct {
	At      Pos
	Penalty bool // false: interest (a percent of the overdue amount)
	Amount  Expr
	Periods *DelayCount // optional: `started` or `whole` before the unit
	Per     *PeriodUnit
	Basis   *DayBasis  // optional: `counted daily (actual/365)`
	From    *DelayFrom // optional: the first day of delay
	Cap     Expr       // optional
}

// PeriodUnit is a length of time used for periods and rates: day, week,
// month, quarter, year, fiscal quarter, fiscal year. Written as a noun
// (`per quarter`) or an adverb (`settled quarterly`); Adverb records which.
//
// Two periods are written in two words (SPEC 11.5): the half year, Unit
// "half" (noun `half-year`, adverbs `semi-annually` and, before
// `installments`, `semi-annual`), and the contract year, Unit "year" with
// Contract set (noun `contract year`, adverbs `per contract year` after
// `settled` and `each contract year` after `reset`).
type PeriodUnit struct {
	At       Pos
	Fiscal   bool
	Contract bool   // a contract year: twelve months from the contract year's start day
	Unit     string // "day", "week", "month", "quarter", "half", "year"
	Adverb   bool
}

// Payee says who receives an amount: *PartyPayee, *Split or *Waterfall.
type Payee interface {
	Node
	payeeNode()
}

// PartyPayee is a single receiving party.
type PartyPayee struct {
	At    Pos
	Party *Ident
}

// Split is `split { PARTY SHARE, ... [remainder to PARTY] }`, or one of
// the forms of ast_split.go (Kind says which).
type Split struct {
	At          Pos
	Kind        SplitKind
	Shares      []*SplitShare
	RemainderTo *Ident // nil: largest remainder
	RoundedDown bool   // written `rounded down, remainder to PARTY`
	End         Pos
}

// SplitShare is one `PARTY SHARE` of a split: a percent, a weight
// (`PARTY WEIGHT shares`, pro rata), or nothing (equally).
type SplitShare struct {
	At    Pos
	Party *Ident
	Share Expr // nil in an equal split
}

// Waterfall is `waterfall { STEP... }`: each step is paid up to its limit in
// order, and the rest flows on.
type Waterfall struct {
	At    Pos
	Steps []*Step
	End   Pos
}

// Step is `PARTY up to AMOUNT`, `PARTY rest` or `split {...} rest`.
type Step struct {
	At    Pos
	Party *Ident // nil when Split is set
	Split *Split
	UpTo  Expr // nil for `rest`
}

func (b *Deontic) Pos() Pos      { return b.At }
func (b *Payment) Pos() Pos      { return b.At }
func (b *Installments) Pos() Pos { return b.At }
func (b *Milestone) Pos() Pos    { return b.At }
func (b *Share) Pos() Pos        { return b.At }
func (*Deontic) bodyNode()       {}
func (*Payment) bodyNode()       {}
func (*Installments) bodyNode()  {}
func (*Milestone) bodyNode()     {}
func (*Share) bodyNode()         {}

func (n *ShareLine) Pos() Pos  { return n.At }
func (n *FlatRate) Pos() Pos   { return n.At }
func (n *Tiers) Pos() Pos      { return n.At }
func (n *Tier) Pos() Pos       { return n.At }
func (n *Limit) Pos() Pos      { return n.At }
func (n *Guarantee) Pos() Pos  { return n.At }
func (n *Recoup) Pos() Pos     { return n.At }
func (n *Due) Pos() Pos        { return n.At }
func (n *Late) Pos() Pos       { return n.At }
func (n *PeriodUnit) Pos() Pos { return n.At }
func (*FlatRate) rateNode()    {}
func (*Tiers) rateNode()       {}

func (p *PartyPayee) Pos() Pos { return p.At }
func (p *Split) Pos() Pos      { return p.At }
func (p *SplitShare) Pos() Pos { return p.At }
func (p *Waterfall) Pos() Pos  { return p.At }
func (p *Step) Pos() Pos       { return p.At }
func (*PartyPayee) payeeNode() {}
func (*Split) payeeNode()      {}
func (*Waterfall) payeeNode()  {}
