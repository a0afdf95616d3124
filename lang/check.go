package lang

import (
	"fmt"
	"sort"
)

// Checking rules. Check resolves every name and checks every type before
// anything runs, and reports every problem at once. These rules are also
// in CHECK.draft.md, from which SPEC.md is written; keep the two in step.
//
// # 1. Agreements and amendments
//
// 1. All files are checked together. Agreement and amendment ids share one
//    namespace across all files: an id declared twice is an error.
// 2. An agreement has exactly one `effective` date, and at most one each of
//    `ends`, `currency`, `rounding`, `default` and `fiscal year starts`.
//    `ends` may not be before `effective`.
// 3. Settings and their defaults: no currency; rounding `half_even` to the
//    currency's minor unit (0.01 for USD, 1 for JPY; 0.01 without a currency);
//    `default permitted`; the fiscal year starts in January.
// 4. `currency` must be an active ISO 4217 code (table in `currency.go`:
//    three capital letters, codes without minor units such as XAU, XDR, XXX
//    excluded). The rounding mode is one of `half_even half_up half_down up
//    down floor ceiling`; the rounding unit must be greater than zero. The
//    fiscal month is a month's English name, in any case (`July`, `july`).
// 5. An amendment names an agreement after `amends`: an unknown name is an
//    error (did you mean); naming an amendment is an error. An amendment whose
//    agreement is missing has only its header checked.
// 6. An amendment has exactly one `effective` date, not before its
//    agreement's effective date and not after its end. It may not declare
//    `ends`, `currency`, `rounding`, `default` or `fiscal year`: those belong
//    to the agreement. It may declare parties, kinds, actions, events, terms,
//    `replace term`, clauses, `replace clause`, `delete clause` and tests.
// 7. `replace term`, `replace clause` and `delete clause` are only for
//    amendments.
//
// # 2. Versions
//
// 1. The amendments of an agreement are ordered by effective date, then by
//    source order (files in the order given to Check, then position). The
//    version in force on a date is the agreement with every amendment effective
//    on or before that date, applied in this order.
// 2. Each amendment sees the agreement, the amendments before it in that
//    order, and its own declarations; never a later amendment.
// 3. The clauses in force after an amendment are those in force before it,
//    less the ones it deletes, with the ones it replaces swapped, plus the ones
//    it adds. `replace clause N` and `delete clause N` need N in force before
//    the amendment (did you mean); a plain `clause N` in an amendment needs N
//    *not* in force (the hint suggests `replace clause N`). An amendment names
//    each clause number at most once.
// 4. `replace term T` needs a term T visible before the amendment (did you
//    mean); the replacement must have the same type: the same parameter types
//    and the same result type, so that every clause written against T still
//    checks. A replacement of another type is an error and is ignored for the
//    rest of the check. A plain `term T` where T exists is an error whose hint
//    suggests `replace term T`. A replacement takes effect for every use of T
//    in the version where it is in force, including uses in the agreement.
// 5. Test blocks, in the agreement or in any amendment, see the agreement
//    with all its amendments, and may name any clause number declared by any
//    of them.
//
// # 3. Names
//
// 1. Each version has one namespace for parties, kinds, kind members, actions,
//    events and terms: a name declared twice, in any of these roles, is an
//    error, also when an amendment redeclares a name of its agreement. Kind
//    members are therefore unique across all kinds.
// 2. Kinds, actions and events cannot take the name of a built-in type:
//    `integer decimal percent money date duration period text bool party
//    list`.
// 3. A name in an expression is looked up in this order:
//    1. local names: the parameters of the term whose body it is; in a test,
//       the names bound by `given` on earlier lines;
//    2. in a clause over an action or event (the `where` of a permission; the
//       rate, base and `where` of each share line and the share's `where`; the
//       amount and `where` of a milestone): the name of that action or event,
//       which denotes the current event (`sell.gross`), and its fields,
//       including the implicit `actor` and `date` (`platform == AWS`);
//    3. the version's parties (type `party`), kind members (their kind) and
//       terms;
//    4. builtin and host functions (`Config.Funcs`), which only calls may
//       name. The agreement's own names shadow them.
//    Local names shadow everything after them.
// 4. A value term (declared without parentheses) is named bare. A term with
//    parameters is called: `net_revenue(s)`. One exception: in a clause over an
//    action, a term with exactly one parameter whose type is that action may be
//    named bare, and means the term applied to the current event
//    (`20% of net_revenue of each sell`).
// 5. A call `f(args)` calls a term with parameters or a builtin. The number of
//    arguments must match and each argument must be assignable to its
//    parameter. A builtin with a `Check` function types the call itself;
//    otherwise its `Params`, `Result` and `Variadic` do. Calling a value term,
//    a party or another non-function is an error.
// 6. Kinds and actions/events are not values. Record literals `{ ... }` exist
//    only as action or event instances (section 7).
//
// What Check records, for the interpreter (`Info`):
//
// - `Uses[ident]` for every name in an expression or a clause: `*PartyObj`,
//   `*EnumMemberObj`, `*FieldObj` (a field named bare or after a dot, or set
//   in an instance), `*TermObj`, `*ParamObj`, `*FuncObj`, `*GivenObj`,
//   `*EventObj` (the current event), `*SchemaObj` (the action or event named
//   by a clause or an instance).
// - A `*TermObj` on an identifier without arguments means: a value term when
//   `Decl.Params == nil`; otherwise the one-parameter term applied to the
//   clause's current event. `Types[ident]` is then the term's result type.
// - Uses name the declaration visible where the name is written. Terms are
//   resolved by name in the version in force when evaluating, so a
//   `replace term` applies to every use.
// - `Types[expr]` for every expression that has a type (after errors, some
//   have none).
// - `Agreements`: per agreement, in file order, its settings, its own
//   parties, kinds, schemas, terms and clauses, and its amendments in the
//   order of section 2.
//
// # 4. Terms
//
// 1. A term's body is checked once, in the version that declares it. The
//    term's type is the type of its body; a term with parameters has the
//    declared parameter types, which may be any type, actions and events
//    included.
// 2. Parameter names are unique within a term.
// 3. Terms may refer to terms declared before or after them, but not to
//    themselves, directly or through other terms, in any version (a replacement
//    can close a cycle). The error names the cycle from the term declared
//    first: `term "ping" depends on itself: ping → pong → ping`.
// 4. At most MaxTermDepth (1,000) terms may use one another in a row: a
//    term defined through a longer chain is an error at the term where the
//    chain passes the limit, naming the chain (SPEC 4.6, 13). Likewise, the
//    levels of expression along terms using one another are at most
//    MaxTermNesting (20,000) in all. The longest chains are found with an
//    explicit stack, and the checker checks term bodies one inside the
//    other only within both limits.
//
// # 5. Actions and events
//
// 1. Field names are unique within an action or event. A field's type is a
//    built-in type, a kind, or `list of` one of those; not an action or event.
// 2. `money` is money in the agreement's currency; an agreement whose fields
//    or parameters use `money` must declare `currency` (reported once).
// 3. Every action has the implicit field `actor party` and every action and
//    event the implicit field `date date`. A schema may declare `date date`
//    for clarity; declaring `date` with another type is an error, and so is
//    declaring `actor` (an action's actor is written after `by`; an event has
//    none).
//
// # 6. Types
//
// Types: `integer`, `decimal`, `percent`, `money(CUR)`, `date`, `duration`,
// `period`, `text`, `bool`, `party`, each kind, each action and event (a
// record), `list of T`, and `list of nothing` for `[]`.
//
// Assignability (arguments, instance fields): identical types; an `integer`
// where a `decimal` is expected (it widens); `[]` where any list is expected;
// a list whose elements are assignable.
//
//	expression  |  rule  |  type
//	`a + b`, `a - b`  |  integer with integer  |  integer
//	  |  integer or decimal with integer or decimal  |  decimal
//	  |  money with money of the **same** currency  |  that money
//	  |  percent with percent  |  percent
//	`a + b`  |  date + duration, duration + date  |  date
//	`a - b`  |  date - duration  |  date
//	  |  date - date: error (use `days_between`); duration + duration: error  |
//	`a * b`  |  integer * integer  |  integer
//	  |  number * number  |  decimal
//	  |  money * number, number * money  |  money
//	  |  percent * number, number * percent  |  percent
//	`a / b`  |  number / number (integer / integer too)  |  decimal
//	  |  money / number  |  money
//	  |  money / money, same currency  |  decimal
//	  |  percent / number  |  percent
//	`p of x`  |  p a percent; x money, decimal or percent  |  type of x
//	  |  x integer  |  decimal
//	`-x`  |  integer, decimal, percent, money  |  type of x
//	`not x`, `x and y`, `x or y`  |  bool  |  bool
//	`a == b`, `a != b`  |  identical types, or integer with decimal; every basic type, money, kinds; not records or lists  |  bool
//	`a < b` etc.  |  as `==`, and only integer, decimal, percent, money, date  |  bool
//	`x in l`, `x not in l`  |  l a list whose element compares with x (or `[]`)  |  bool
//	`if c then a else b`  |  c bool; a and b identical, or integer with decimal (decimal), or a list with `[]`  |  that type
//	`[a, b, ...]`  |  elements as for `if` branches  |  list of that type
//	`x.f`  |  x an action or event with field f  |  type of f
//
// Everything else is an error in plain words: `cannot add money(USD) and
// money(EUR)`, `cannot add percent and integer` (hint: a percent is not a plain
// number), `cannot compare date with money(USD)`.
//
// # 7. Literals and instances
//
// 1. Money: the currency is an active ISO 4217 code (did you mean); the
//    amount has at most 60 digits. Integers fit in 64 bits. Decimals and
//    percents have at most 60 digits.
// 2. Dates exist: `2026-02-30` is an error ("February 2026 has 28 days").
//    Months `2027-03` run 01..12; quarters `2027-Q1` Q1..Q4. Durations use
//    days, weeks, months or years.
// 3. An action instance is `ACTION by PARTY { field: value, ... }`; an event
//    instance `EVENT { ... }` has no `by`. The name must be a declared action
//    or event; the actor must have type party. Every field of the action or
//    event, including `date`, must be given exactly once, with a value
//    assignable to its type; an unknown field is an error (did you mean). The
//    actor of an action is written after `by`, never as a field.
//
// # 8. Clauses
//
// 1. Clause numbers are unique within an agreement and within an amendment
//    (see section 2 for numbers across versions).
// 2. Precedence. `A notwithstanding B` means A takes precedence over B;
//    `A subject to B` means B takes precedence over A. Each number named must
//    be a clause in force in the same version (did you mean), not the clause
//    itself, not named twice in one list, and not both after `notwithstanding`
//    and after `subject to`. In every version, the clauses in force may not
//    take precedence over one another in a circle: `precedence cycle: 3.1 →
//    3.2 → 3.1` (read → as "takes precedence over"), reported once, from the
//    clause declared first, at the reference that makes its first arrow.
// 3. Permissions, prohibitions, obligations: the party is a declared party;
//    the action is a declared action (an event is an error); the `where`
//    condition is bool; the `from` date is not after the `until` date; `by
//    DATE` (a deadline) only with `must`; all dates exist.
// 4. Payments: payer and payee are parties, and different; the amount is
//    money in any currency; the dates exist, are distinct, and lie within the
//    agreement's term (`effective` to `ends`): `the payment on 2032-01-01
//    falls after the agreement ends on 2031-12-31`.
// 5. Installments: the total is money; the count is between 1 and 10,000;
//    every installment date lies within the agreement's term. Installment k
//    is dated `from + (k − 1) × interval` (1, 3 or 12 months) with the
//    end-of-month rule (2026-01-31 plus one month is 2026-02-28), so the
//    first and last dates are checked.
// 6. Milestones: the event is a declared action or event; the amount is
//    money (it may use the event's fields); `where` is bool.
// 7. Shares: over a declared action (an event is an error); `by` names a
//    party; `where` conditions are bool; each line's rate is a percent and its
//    base is money; all bases of one share have one currency, the share's
//    currency. In the multi-line form a line without a condition (written
//    `otherwise`, or with nothing) matches every instance and must be the last
//    line: each instance goes to the first line whose condition it meets.
// 8. Tiers: rates are percents, thresholds money in the base's currency;
//    both are read without the current event. Exactly one tier is `above`,
//    the last. Constant thresholds (literals, possibly negated or in
//    parentheses) are more than zero and strictly increase from tier to tier;
//    constant rates are not negative.
// 9. Caps (`at most`) and floors (`at least`): money in the share's currency;
//    at most one cap and one floor per period (`per UNIT`, or `over the
//    term`); a constant floor above a constant cap of the same period is an
//    error: `floor USD 2,000,000 per year is above the cap USD 1,000,000 per
//    year`. A floor over the term needs the agreement to declare `ends`,
//    unless an amendment replaces or deletes that version of the clause.
// 10. `minimum guarantee` and `recouping`: money in the share's currency.
//     The period of a floor, cap or guarantee (`per UNIT`) must be made of
//     whole settlement periods (settlement is quarterly without `settled`):
//     `day` and `week` never fit; monthly settlement fits month, quarter and
//     year, fiscal or not; quarterly fits quarter and year, and fiscal quarter
//     and fiscal year when the fiscal year starts in January, April, July or
//     October; fiscal quarterly fits fiscal quarter and fiscal year, and
//     quarter and year under the same condition; yearly fits year, and fiscal
//     year when the fiscal year starts in January; fiscal yearly fits fiscal
//     year, and year likewise. Otherwise: `at most USD 1,000 per month does
//     not fit quarterly settlement: a limit's period must be made of whole
//     settlement periods`.
// 11. `due DURATION after period end` only on shares (they are settled by
//     period); other payments use `due within DURATION`.
// 12. Late charges: `late interest` is a percent; `late penalty` is money in
//     the payment's currency; a cap (`capped at`) is money in that currency or
//     a percent; the unit is not fiscal.
// 13. Period units are day, week, month, quarter and year; only a quarter or a
//     year can be fiscal.
// 14. Payees. A single payee is not the payer. A split's shares are
//     percents, read without the current event, each party at most once, never
//     the payer; when every share is a percent literal they must add up to
//     exactly 100%, or, with `remainder to PARTY`, to at most 100%: `split
//     shares add up to 90%, not 100%` (hint: add `remainder to PARTY`). The
//     remainder may go to the payer (it keeps it). A waterfall's steps pay
//     parties (the payer too: it keeps that part) or splits; each step's limit
//     is money in the amount's currency; only the last step may be `rest`,
//     and the last step must be `rest`. Equal and pro rata splits, and
//     payees that name a split declared by a clause: check_split.go; pro
//     rata splits whose numbers of shares use each instance a share
//     counts (SPEC 8.4.2): check_split_fields.go.
//
// # 9. Tests
//
// 1. Test names are unique within an agreement and its amendments.
// 2. At most one `as of DATE` per test; the date exists.
// 3. `given` names are unique within a test and visible from the next line.
// 4. `expect COND`: COND is bool.
// 5. `expect X is VERDICT [by N]`: X is an action instance, written out or
//    a `given` name bound to one (an event is an error); N is a clause number
//    of the agreement or any amendment; `by` may not follow `not covered`.
// 6. `expect P pays Q AMOUNT for PERIOD [under N]`: P and Q are different
//    parties; AMOUNT is money; PERIOD is a quarter, a month or a date; N as
//    above.
//
// # 10. Errors
//
// 1. `file:line:col: message`, plain words, no trailing period; an optional
//    hint such as `did you mean "microsoft"?`.
// 2. Did-you-mean: the closest known name of the right role differing only in
//    case, or within max(2, len/3) edits (Levenshtein, in characters) and
//    fewer edits than the name has characters; ties go to the longer common
//    prefix, then alphabetical order. Offered for parties, clauses, kinds and
//    types, members and other names, fields, terms, functions, actions and
//    events, agreements, currencies, rounding modes, months and period units.
//    A check makes at most 200 such searches over the agreement's own names,
//    so that a hostile file cannot make it slow; later errors come without a
//    hint.
// 3. Cascades are suppressed: an expression whose type is unknown because of
//    an earlier error raises no further error, and the conditions of a clause
//    over an unknown action are not checked.
// 4. Errors about both sides of an operator are reported at the right operand
//    (the syntax tree keeps no operator position).

// FuncSig is the signature of a builtin or host function.
type FuncSig struct {
	Name string
	Doc  string
	// Params, Result and Variadic type a call when Check is nil: the
	// arguments must be assignable to Params (with Variadic, the last
	// parameter repeats zero or more times) and the call has type Result.
	Params   []Type
	Result   Type
	Variadic bool
	// Check, if set, types a call instead: given the types of the arguments
	// it returns the type of the result, or a message in plain words saying
	// what is wrong ("needs two dates, not money(USD)"). It is called only
	// when every argument has a type.
	Check func(args []Type) (Type, string)
}

// Env provides the functions an agreement may call besides its own terms.
type Env interface {
	LookupFunc(name string) (*FuncSig, bool)
	FuncNames() []string
}

// FuncMap is an Env holding functions by name.
type FuncMap map[string]*FuncSig

// LookupFunc returns the function called name.
func (m FuncMap) LookupFunc(name string) (*FuncSig, bool) {
	f, ok := m[name]
	return f, ok && f != nil
}

// FuncNames returns the names of every function, sorted.
func (m FuncMap) FuncNames() []string {
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Config configures Check.
type Config struct {
	Funcs Env // builtins and host functions; may be nil
}

// Info is what Check learned. After a check with errors it is partial: an
// expression that had an error may have no entry in Types.
type Info struct {
	// Types holds the type of every expression that has one. For an
	// identifier that names a term (see Uses), it is the type of the term's
	// value, that is its result.
	Types map[Expr]Type
	// Uses maps each name written in an expression or a clause to what it
	// refers to. A *TermObj for an identifier written without arguments
	// means: a value term when len(Decl.Params) == 0 and Decl.Params is
	// nil, otherwise a one-parameter term applied to the clause's current
	// event (`net_revenue` for `net_revenue(sell)`).
	Uses map[*Ident]Object
	// Agreements holds every agreement in file order, each with its
	// amendments.
	Agreements []*AgreementInfo
	// ExceptionTerms maps each exception (SPEC 4.8) to the term it was
	// checked against: the term as its agreement or amendment sees it,
	// whose parameters its value and condition name.
	ExceptionTerms map[*ExceptionDecl]*TermDecl

	// checker is kept so that expressions can be checked later in the
	// scope of an agreement (see Info.Scope).
	checker *checker
}

// AgreementInfo describes one agreement and its amendments.
type AgreementInfo struct {
	Decl       *Agreement
	Amendments []*Amendment // by effective date, then source order

	Currency         string                   // "" if not declared
	RoundingMode     string                   // default "half_even"
	RoundingUnit     string                   // default: the currency's minor unit ("0.01" for USD, "1" for JPY); "0.01" without a currency
	DefaultPermitted bool                     // the verdict for an action no clause covers; default true (permitted)
	FiscalStart      int                      // month the fiscal year starts, 1..12; default 1
	ContractStart    string                   // "YYYY-MM-DD": the first day of a contract year (SPEC 11.5); default the effective date
	Calendars        map[string]*CalendarDecl // business-day calendars by name (SPEC 11.6)
	TimeZone         string                   // `time zone NAME` (SPEC 11.7): "Europe/Paris", "UTC+01:00"; "" if not declared
	Effective        string                   // "YYYY-MM-DD"
	Ends             string                   // "YYYY-MM-DD" or ""

	Parties map[string]*PartyDecl
	Kinds   map[string]*KindDecl
	Schemas map[string]*SchemaDecl
	Terms   map[string]*TermDecl   // the agreement's own terms, before any amendment
	Clauses map[string]*ClauseDecl // the agreement's own clauses by number
	// Exceptions are the agreement's own exceptions to each term (SPEC
	// 4.8), by term name, in source order; an amendment's are among its
	// items. They stay with the term in every later version.
	Exceptions map[string][]*ExceptionDecl
	// Items are the record types of the items of list fields (SPEC
	// 4.5.1), declared in braces after a field's type, by name.
	Items map[string]*SchemaDecl
}

// Object is what a name refers to: *PartyObj, *EnumMemberObj, *FieldObj,
// *TermObj, *ParamObj, *FuncObj, *GivenObj, *EventObj or *SchemaObj.
type Object interface{ objectNode() }

// PartyObj is a declared party.
type PartyObj struct{ Decl *PartyDecl }

// EnumMemberObj is a member of a kind: `AWS` of `kind Platform`.
type EnumMemberObj struct {
	Kind *KindDecl
	Name string
}

// FieldObj is a field of the current event, written bare (`platform`) or
// after a dot (`sell.platform`, `s.gross`).
type FieldObj struct {
	Schema *SchemaDecl
	Name   string
	Type   Type
}

// TermObj is a defined term.
type TermObj struct{ Decl *TermDecl }

// ParamObj is a parameter of the term function whose body is being read.
type ParamObj struct{ Param *Param }

// FuncObj is a builtin or host function.
type FuncObj struct{ Sig *FuncSig }

// GivenObj is a name bound by `given` in a test block.
type GivenObj struct{ Given *Given }

// EventObj is the current event of a clause: the action or event name used
// as a value inside a clause over that action (`sell.gross`).
type EventObj struct{ Schema *SchemaDecl }

// SchemaObj is an action or event named where one is expected: the action
// of a clause, the event of a milestone, the action of an instance.
type SchemaObj struct{ Decl *SchemaDecl }

func (*PartyObj) objectNode()      {}
func (*EnumMemberObj) objectNode() {}
func (*FieldObj) objectNode()      {}
func (*TermObj) objectNode()       {}
func (*ParamObj) objectNode()      {}
func (*FuncObj) objectNode()       {}
func (*GivenObj) objectNode()      {}
func (*EventObj) objectNode()      {}
func (*SchemaObj) objectNode()     {}

// Check resolves names and checks types in files, which are checked
// together: an amendment may amend an agreement in another file. It returns
// what it learned, which is partial when there are errors, and every
// problem, sorted. It never panics on a tree from a partial parse.
func Check(files []*File, cfg *Config) (*Info, ErrorList) {
	c := &checker{
		info: &Info{
			Types:          make(map[Expr]Type),
			Uses:           make(map[*Ident]Object),
			ExceptionTerms: make(map[*ExceptionDecl]*TermDecl),
		},
		byID:    make(map[string]*family),
		tops:    make(map[string]Decl),
		terms:   make(map[*TermDecl]*termInfo),
		records: make(map[*SchemaDecl]*Record),
		enums:   make(map[*KindDecl]*Enum),
	}
	if cfg != nil && cfg.Funcs != nil {
		c.funcs = cfg.Funcs
	}
	c.run(files)
	c.errs.Sort()
	c.info.checker = c
	return c.info, c.errs
}

// checker holds the state of one Check.
type checker struct {
	funcs    Env
	info     *Info
	errs     ErrorList
	families []*family          // one per agreement, in file order
	byID     map[string]*family // agreements by id
	tops     map[string]Decl    // every agreement and amendment by id
	orphans  []*Amendment       // amendments whose base is missing or not an agreement
	terms    map[*TermDecl]*termInfo
	records  map[*SchemaDecl]*Record
	enums    map[*KindDecl]*Enum
	reported map[string]bool // errors reported once per check (by key)
	hints    int             // "did you mean" searches made
	// nesting is how many term bodies are being checked, one inside the
	// other (termResult); it stays at most MaxTermDepth.
	nesting int
	// level is the depth of the expression being checked, in the term
	// body being checked (or the clause); maxLevel the deepest reached
	// there; outer the sum of the levels of the bodies being checked
	// around it, which stays below MaxTermNesting.
	level, maxLevel, outer int
	// inListType is set while the element type of `list of T` is
	// resolved, where the record type of items may stand (SPEC 4.5.1).
	inListType bool
	// splitOver is the action of the share whose payee is being checked:
	// a pro rata split there may use its fields (check_split_fields.go).
	splitOver *SchemaDecl
}

// family is an agreement with its amendments.
type family struct {
	agr       *Agreement
	info      *AgreementInfo
	effective civil
	ends      civil
	amds      []*amendState
	views     []*view         // views[0] is the agreement; then one per amendment, in effective order
	allNums   map[string]bool // every clause number declared by the agreement or an amendment
	// exceptions are the exceptions to terms declared so far, by number
	// (SPEC 4.8), across the agreement and its amendments.
	exceptions map[string]*ExceptionDecl
	testNames  map[string]Pos
}

// amendState is an amendment waiting to be ordered.
type amendState struct {
	decl      *Amendment
	effective civil
	index     int // source order across all files
}

// view is the agreement as it stands once an amendment (or none, for
// views[0]) applies: every name visible to that amendment's declarations
// and the clauses in force.
type view struct {
	fam      *family
	amd      *Amendment // nil for the agreement itself
	names    map[string]*entity
	clauses  map[string]*ClauseDecl
	currency string
	moneyErr bool // "money needs a currency" already reported here
	// splits are the named splits in force, by name; built on first use
	// once the view's clauses are known (check_split.go).
	splits map[string]*ClauseDecl
}

// entityKind says what an agreement-level name denotes.
type entityKind uint8

const (
	entParty entityKind = iota
	entKind
	entMember
	entSchema
	entTerm
	entItem // the record type of the items of a list field (SPEC 4.5.1); schema is its declaration
)

// entity is an agreement-level name.
type entity struct {
	what   entityKind
	pos    Pos
	party  *PartyDecl
	kind   *KindDecl // entKind, entMember
	schema *SchemaDecl
	term   *TermDecl
}

// describe names what e is, for messages: "a party", "a member of kind
// Platform".
func (e *entity) describe() string {
	switch e.what {
	case entParty:
		return "a party"
	case entKind:
		return "a kind"
	case entMember:
		return "a member of kind " + identName(e.kind.Name)
	case entItem:
		return "the type of the items of a list"
	case entSchema:
		if e.schema.Event {
			return "an event"
		}
		return "an action"
	}
	return "a term"
}

func identName(id *Ident) string {
	if id == nil {
		return ""
	}
	return id.Name
}

// run checks every file.
func (c *checker) run(files []*File) {
	// Collect every agreement and amendment, so that an amendment may come
	// before its agreement or live in another file.
	var amds []*Amendment
	for _, f := range files {
		if f == nil {
			continue
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *Agreement:
				if d == nil {
					continue
				}
				fam := &family{agr: d}
				c.families = append(c.families, fam)
				if c.declareTop(d, d.ID) {
					c.byID[d.ID.Name] = fam
				}
			case *Amendment:
				if d == nil {
					continue
				}
				c.declareTop(d, d.ID)
				amds = append(amds, d)
			}
		}
	}
	for i, a := range amds {
		c.attachAmendment(a, i)
	}
	for _, fam := range c.families {
		c.checkFamily(fam)
		c.info.Agreements = append(c.info.Agreements, fam.info)
	}
	for _, a := range c.orphans {
		c.amendmentHeader(a, nil)
	}
}

// declareTop records an agreement or amendment id, reporting a duplicate.
// It reports whether the id was new.
func (c *checker) declareTop(d Decl, id *Ident) bool {
	if id == nil {
		return false
	}
	if prev, ok := c.tops[id.Name]; ok {
		what := "an agreement"
		if _, ok := prev.(*Amendment); ok {
			what = "an amendment"
		}
		c.errs.Add(id.At, "%q is already declared as %s %s", id.Name, what, prevAt(prev.Pos(), id.At))
		return false
	}
	c.tops[id.Name] = d
	return true
}

// attachAmendment adds a to the family of the agreement it amends.
func (c *checker) attachAmendment(a *Amendment, index int) {
	if a.Base == nil {
		c.orphans = append(c.orphans, a)
		return
	}
	fam := c.byID[a.Base.Name]
	if fam == nil {
		if a.ID != nil && a.Base.Name == a.ID.Name {
			c.errs.AddHint(a.Base.At, "name the agreement it changes after `amends`",
				"amendment %q cannot amend itself; an amendment amends an agreement", a.Base.Name)
		} else if other, ok := c.tops[a.Base.Name].(*Amendment); ok && other != nil {
			hint := ""
			if other.Base != nil && (other.ID == nil || other.Base.Name != other.ID.Name) {
				hint = fmt.Sprintf("name the agreement it amends: %q", other.Base.Name)
			}
			c.errs.AddHint(a.Base.At, hint, "%q is an amendment; an amendment amends an agreement", a.Base.Name)
		} else {
			names := make([]string, 0, len(c.byID))
			for n := range c.byID {
				names = append(names, n)
			}
			c.errs.AddHint(a.Base.At, c.dym(a.Base.Name, func() []string { return names }), "unknown agreement %q", a.Base.Name)
		}
		c.orphans = append(c.orphans, a)
		return
	}
	fam.amds = append(fam.amds, &amendState{decl: a, index: index})
}

// checkFamily checks an agreement and then its amendments in effective
// order, each seeing the agreement and the amendments before it.
func (c *checker) checkFamily(fam *family) {
	base := c.agreementHeader(fam)
	fam.views = append(fam.views, base)
	fam.allNums = make(map[string]bool)
	c.declareItems(base, fam.agr.Items)

	for _, as := range fam.amds {
		as.effective = c.amendmentHeader(as.decl, fam)
	}
	sort.SliceStable(fam.amds, func(i, j int) bool {
		a, b := fam.amds[i], fam.amds[j]
		if a.effective.valid() != b.effective.valid() {
			return a.effective.valid()
		}
		if a.effective != b.effective {
			return a.effective.before(b.effective)
		}
		return a.index < b.index
	})
	for _, as := range fam.amds {
		fam.info.Amendments = append(fam.info.Amendments, as.decl)
		prev := fam.views[len(fam.views)-1]
		v := &view{
			fam:      fam,
			amd:      as.decl,
			names:    make(map[string]*entity, len(prev.names)),
			clauses:  make(map[string]*ClauseDecl, len(prev.clauses)),
			currency: prev.currency,
		}
		for k, e := range prev.names {
			v.names[k] = e
		}
		for k, cl := range prev.clauses {
			v.clauses[k] = cl
		}
		fam.views = append(fam.views, v)
		c.declareItems(v, as.decl.Items)
	}

	// Tests see the agreement with every amendment.
	last := fam.views[len(fam.views)-1]
	c.testsIn(last, fam.agr.Items)
	for _, as := range fam.amds {
		c.testsIn(last, as.decl.Items)
	}

	c.floorsOverTheTerm(fam)

	// Cycles, in every version that changed its terms or its clauses.
	for i, v := range fam.views {
		var items []Item
		if v.amd != nil {
			items = v.amd.Items
		} else {
			items = fam.agr.Items
		}
		terms, clauses := false, false
		for _, it := range items {
			switch it.(type) {
			case *TermDecl:
				terms = true
			case *ClauseDecl, *DeleteClause:
				clauses = true
			}
		}
		if terms || i == 0 {
			if !c.termCycles(v) {
				c.termDepths(v)
			}
		}
		if clauses || i == 0 {
			c.precedenceCycles(v)
		}
	}
}

// floorsOverTheTerm reports a share with a floor over the term in an
// agreement with no end, unless an amendment ends that version of the
// clause: the floor is topped up at the end of the version's life.
func (c *checker) floorsOverTheTerm(fam *family) {
	if fam.ends.valid() {
		return
	}
	last := fam.views[len(fam.views)-1]
	for _, cl := range last.clauses {
		sh, ok := cl.Body.(*Share)
		if !ok || sh == nil {
			continue
		}
		for _, l := range sh.Limits {
			if l != nil && l.Floor && l.Per == nil {
				c.errs.AddHint(l.At, "declare `ends DATE` in the agreement, or use `per year`",
					"a floor over the term needs an end, and agreement %q has none", identName(fam.agr.ID))
			}
		}
	}
}

// testsIn checks the test blocks among items.
func (c *checker) testsIn(v *view, items []Item) {
	for _, it := range items {
		if t, ok := it.(*TestDecl); ok && t != nil {
			c.testDecl(v, t)
		}
	}
}

// prevAt says where a previous declaration is, for messages: "at line 5", or
// "at FILE:5:3" when it is in another file.
func prevAt(prev, here Pos) string {
	if !prev.IsValid() {
		return "elsewhere"
	}
	if prev.File == here.File {
		return fmt.Sprintf("at line %d", prev.Line)
	}
	return "at " + prev.String()
}

// once reports whether key has not been seen before, and marks it seen.
func (c *checker) once(key string) bool {
	if c.reported == nil {
		c.reported = make(map[string]bool)
	}
	if c.reported[key] {
		return false
	}
	c.reported[key] = true
	return true
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// graph is a directed graph over names, for finding cycles among terms and
// among clauses' precedence.
type graph struct {
	nodes []string
	has   map[string]bool
	adj   map[string][]graphEdge
}

type graphEdge struct {
	to  string
	ref *ClauseRef // the precedence reference that made the edge, if any
}

func newGraph() *graph {
	return &graph{has: make(map[string]bool), adj: make(map[string][]graphEdge)}
}

func (g *graph) node(n string) {
	if !g.has[n] {
		g.has[n] = true
		g.nodes = append(g.nodes, n)
	}
}

func (g *graph) edge(from, to string, ref *ClauseRef) {
	g.node(from)
	g.node(to)
	g.adj[from] = append(g.adj[from], graphEdge{to, ref})
}

// cycles returns one cycle for each strongly connected component of more
// than one node: a shortest path from the component's first node (by less)
// back to itself, such as [a b a]. Cycles come in the order of their first
// nodes.
func (g *graph) cycles(less func(a, b string) bool) [][]string {
	comps := g.components()
	var out [][]string
	for _, comp := range comps {
		in := make(map[string]bool, len(comp))
		start := comp[0]
		for _, n := range comp {
			in[n] = true
			if less(n, start) {
				start = n
			}
		}
		if p := g.pathBack(start, in); p != nil {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return less(out[i][0], out[j][0]) })
	return out
}

// components returns the strongly connected components of more than one
// node, by Tarjan's algorithm. It keeps its own stack of nodes being
// explored instead of recursing, so a chain of 100,000 terms or clauses
// takes no more Go stack than a chain of two.
func (g *graph) components() [][]string {
	n := len(g.nodes)
	id := make(map[string]int, n)
	for i, v := range g.nodes {
		id[v] = i
	}
	adj := make([][]int, n)
	for i, v := range g.nodes {
		for _, e := range g.adj[v] {
			adj[i] = append(adj[i], id[e.to])
		}
	}
	index := make([]int, n) // 1 + the order of discovery; 0: not yet
	low := make([]int, n)
	onStack := make([]bool, n)
	var stack []int
	var comps [][]string
	seen := 0
	type visit struct{ v, next int } // a node, and the next of its edges to follow
	var work []visit
	enter := func(v int) {
		seen++
		index[v], low[v] = seen, seen
		stack = append(stack, v)
		onStack[v] = true
		work = append(work, visit{v: v})
	}
	for root := 0; root < n; root++ {
		if index[root] != 0 {
			continue
		}
		enter(root)
		for len(work) > 0 {
			top := &work[len(work)-1]
			v := top.v
			if top.next < len(adj[v]) {
				to := adj[v][top.next]
				top.next++
				if index[to] == 0 {
					enter(to)
				} else if onStack[to] {
					low[v] = min(low[v], index[to])
				}
				continue
			}
			work = work[:len(work)-1]
			if len(work) > 0 {
				parent := work[len(work)-1].v
				low[parent] = min(low[parent], low[v])
			}
			if low[v] == index[v] {
				var comp []string
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp = append(comp, g.nodes[w])
					if w == v {
						break
					}
				}
				if len(comp) > 1 {
					comps = append(comps, comp)
				}
			}
		}
	}
	return comps
}

// pathBack finds a shortest path from start back to start within in.
func (g *graph) pathBack(start string, in map[string]bool) []string {
	parent := map[string]string{start: ""}
	queue := []string{start}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, e := range g.adj[u] {
			if !in[e.to] {
				continue
			}
			if e.to == start {
				var rev []string
				for n := u; n != ""; n = parent[n] {
					rev = append(rev, n)
				}
				path := make([]string, 0, len(rev)+1)
				for i := len(rev) - 1; i >= 0; i-- {
					path = append(path, rev[i])
				}
				return append(path, start)
			}
			if _, seen := parent[e.to]; !seen {
				parent[e.to] = u
				queue = append(queue, e.to)
			}
		}
	}
	return nil
}

// ref returns the reference that made the edge from a to b.
func (g *graph) ref(a, b string) *ClauseRef {
	for _, e := range g.adj[a] {
		if e.to == b {
			return e.ref
		}
	}
	return nil
}
