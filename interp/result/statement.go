package result

import (
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// Statement is the result of a settlement.
type Statement struct {
	Agreement string
	Currency  string
	From, To  types.Date
	AsOf      types.Date
	// Events is the number of ledger rows the settlement took into
	// account: every row dated from the agreement's effective date to
	// its last day (before the statement's range too, since those count
	// towards running totals), and a payment after the last day (which
	// still pays what was owed). Rows before the agreement takes effect,
	// other rows after it ends (SPEC 4.2) and rows after the statement's
	// end and as-of date are not counted.
	Events int64
	// RowsBeforeTerm and RowsAfterTerm count the ledger rows read that
	// are dated before the agreement takes effect, and after it ends
	// (payments aside), which count for nothing (SPEC 4.2); TermStart
	// and TermEnd are the agreement's first and last days (TermEnd is
	// 9999-12-31 without `ends`).
	RowsBeforeTerm, RowsAfterTerm int64
	TermStart, TermEnd            types.Date
	// Lines are sorted by period, then payer, payee, clause and kind.
	Lines []*Line
	// Totals add the lines up per period and per payer→payee pair.
	Totals []*PairTotal
	// Breaches are the breaches kept: the first interp.SettleOptions.BreachSample of them in
	// ledger order, none when interp.SettleOptions.OnBreach took them.
	Breaches []*Breach
	// BreachCount is the number of breaches in the statement's range, kept
	// or not; BreachTally counts them per deciding clause.
	BreachCount int64
	BreachTally []*BreachTally
	Overdue     []*Overdue
	// Terminated says when and why the agreement ended before its term,
	// when a notice in the ledger or an event ended it (SPEC 5.6).
	Terminated *Termination
	// Unmet lists the obligations (`must ... by DATE`) whose deadline
	// fell within the statement and which no action in the ledger met.
	Unmet []*Unmet
}

// Unmet is an obligation not met by its deadline.
type Unmet struct {
	Clause   *ClauseInfo
	Party    string
	Action   string
	Deadline types.Date
}

// Line is one amount owed: what, by whom, to whom, under which clause, on
// what base and at what rate.
type Line struct {
	Period types.Period
	Date   types.Date // when the amount arose: the period's end for a share
	Due    types.Date
	Payer  string
	Payee  string
	Clause *ClauseInfo
	// Kind is "share", "payment", "installment", "milestone", "true-up",
	// "late interest" or "late penalty".
	Kind string
	Base *types.Value // the share's base, when there is one
	// Rate is the rate column: the rate's value when every row had the
	// same (SPEC 7.6), else as written; for tiers, "marginal tiers" or
	// "whole tiers", or, with rates by sale (SPEC 7.3.1), each tier's
	// rates with the base each charged; for a share of several lines,
	// each line's rate with its base ("25% of USD 10.00; 20% of ...").
	Rate   string
	Amount types.Value // rounded as the agreement declares
	Notes  []string
	// DueRule says in words which rule made Due (SPEC 6.1): "due 30
	// days after 2027-04-15 (the installment date): 2027-05-15".
	DueRule string
}

// PairTotal is what one party owes another for one period.
type PairTotal struct {
	Period types.Period
	Payer  string
	Payee  string
	Amount types.Value
}

// Breach is an action in the ledger that the agreement prohibited on its
// date (or on which two clauses conflict).
type Breach struct {
	Source   string
	Line     int
	Date     types.Date
	Action   string
	Actor    string
	Decision *Decision
}

// BreachTally is how many breaches one clause (or one conflict, or the
// agreement's default) decided. Tallies are sorted by clause number, the
// default last.
type BreachTally struct {
	Verdict  lang.Verdict   // Prohibited, Conflict or NotCovered
	Clause   *ClauseInfo    // the deciding clause, if one decides
	Conflict [2]*ClauseInfo // the clauses in conflict, for Conflict
	Count    int64
}

// Overdue is an amount not paid by its due date, as of the statement's
// as-of date.
type Overdue struct {
	Line        *Line
	Outstanding types.Value
	DaysLate    int
	LateCharge  types.Value // what the late-payment terms add, if the clause has any
	// DaysLateRule says in words how DaysLate was counted: "47 days late,
	// counted from 2027-11-15 (the day after the due date 2027-11-14) to
	// 2027-12-31 (the as-of date), both included".
	DaysLateRule string
}
