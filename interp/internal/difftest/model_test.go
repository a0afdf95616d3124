package difftest

import (
	"math/big"
	"time"
)

// The description of an agreement: what the generator makes, what render
// turns into Pacta source and what the reference evaluates. It is a small
// closed model, not the language's AST: the reference never sees the
// engine's parse.

// agreement is one generated agreement with its amendments.
type agreement struct {
	name       string
	effective  time.Time
	ends       time.Time // zero: no end
	currency   string    // USD, EUR, JPY or KWD
	noRounding bool      // no `rounding` item: half_even to the currency's minor unit
	mode       string    // rounding mode
	unit       *big.Rat  // rounding unit
	unitText   string    // "0.01", "0.05", "0.25", "1" or "0.001"
	prohibited bool      // default prohibited
	fiscal     int       // first month of the fiscal year; 0: not declared
	rt, fee    *big.Rat  // the value terms `rt` (a percentage) and `fee` (money)
	tracked    string    // the number of the clause with late charges, when payments are tracked
	parties    []string
	members    []string // kind Ch
	clauses    []*clause
	amendments []*amendment
}

// amendment adds, replaces or deletes clauses from its effective date.
type amendment struct {
	name      string
	effective time.Time
	ops       []op
	rt, fee   *big.Rat // `replace term`, nil if not replaced
}

type opKind int

const (
	opAdd opKind = iota
	opReplace
	opDelete
)

type op struct {
	kind   opKind
	num    string
	clause *clause // nil for delete
}

type clauseKind int

const (
	ckDeontic clauseKind = iota
	ckShare
	ckPayment
	ckInstallments
	ckMilestone
)

// clause is one clause version as written.
type clause struct {
	num, title string
	kind       clauseKind

	// deontic
	party, action string
	modality      string // "may", "must not", "must"
	cond          *cond
	from, until   time.Time
	deadline      time.Time // an obligation's `by` date
	notwith, subj []string

	// money clauses
	payer   string
	payee   payee
	due     int    // 0: no due modifier
	dueUnit string // "days", "weeks" or "months"

	late []lateMod // late interest and late penalty

	// share
	action2   string // the action counted
	by        string // "" for any actor
	shareCond *cond
	lines     []shareLine // flat lines (one or more)
	tiers     *tiers      // tiered single line instead
	settled   string      // "month", "quarter", "year", "fquarter", "fyear"; "" = quarterly
	dueAfter  bool        // due N days after period end (else due within N days)
	caps      []limit     // per unit, in order written
	capTerm   *big.Rat
	floors    []limit
	floorTerm *big.Rat
	guarantee *limit
	recoup    *big.Rat

	// payment on dates, milestone amount, installment total
	amount     *big.Rat
	amountTerm bool // the amount is the term `fee`
	recoupTerm bool // the advance is the term `fee`
	dates      []time.Time

	// installments
	count    int
	interval string // "monthly", "quarterly", "yearly"
	start    time.Time

	// milestone
	event string
	first bool
	mcond *cond
}

// lateMod is `late interest R per U` or `late penalty X per U`, with an
// optional cap (money, or a percentage of the line).
type lateMod struct {
	interest bool
	rate     *big.Rat // percentage, for interest
	amount   *big.Rat // for a penalty
	unit     string   // day, week, month, quarter, year
	capMoney *big.Rat
	capPct   *big.Rat
}

// payee is a party, a split or a waterfall.
type payee struct {
	party     string
	split     []splitPart
	remainder string // remainder to, "" if none
	waterfall []wfStep
}

// wfStep is one step of a waterfall: a party or a split, up to a limit
// (nil: the last step, `rest`).
type wfStep struct {
	to   payee
	upTo *big.Rat
}

type splitPart struct {
	term  bool // the share is the term `rt` (only in shares' splits)
	party string
	pct   *big.Rat // as a percentage (20 for 20%)
	text  string
}

// shareLine is one line of a share: a rate (percent, or `if ch == m then
// a else b`) of amt, with an optional condition (nil: otherwise).
type shareLine struct {
	tiers   *tiers // a tiered line, instead of rate
	rate    rate
	cond    *cond
	written bool // write `otherwise` on the last line without a condition
}

type rate struct {
	term   bool // the (first) rate is the term `rt`
	pct    *big.Rat
	text   string
	ifMem  string // non-empty: if ch == ifMem then pct else alt
	alt    *big.Rat
	altTxt string
}

type tiers struct {
	firstTerm bool // the first tier's rate is the term `rt`
	marginal  bool
	reset     string // "", "monthly", "quarterly", "yearly", "cumulative"
	rates     []*big.Rat
	rateText  []string
	upto      []*big.Rat // len(rates)-1 thresholds
}

type limit struct {
	term   bool // the amount is the term `fee`
	amount *big.Rat
	unit   string // "month", "quarter", "year", "fquarter", "fyear"
}

// cond is a condition on the fields ch (enum) and amt (money).
type cond struct {
	op      string // "eq", "ne", "in", "notin", "gt", "le", "and", "or", "not"
	members []string
	money   *big.Rat
	a, b    *cond
}

// row is one ledger row.
type row struct {
	schema string // "sell", "lease" or "release"
	actor  string // "" for an event
	date   time.Time
	ch     string
	amt    *big.Rat // nil for an event
	ref    *big.Rat // refunds: the base of shares is amt - ref
	// a payment made (schema "payment"): payer, payee and amt
	payer, payee string
}
