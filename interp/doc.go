// Package interp evaluates checked Pacta agreements: it answers decisions
// (may this action be taken, and which clause says so), evaluates
// expressions, runs test blocks and settles ledgers, and is the API that Go
// programs embed.
//
// A Program is compiled once from parsed files and is then immutable and
// safe for concurrent use. Each evaluation carries its own state (context,
// step budget, as-of date), so nothing is shared between goroutines but the
// Program.
//
// Compile (or LoadFiles, LoadFS) turns checked source into a Program;
// Program.Decide, Program.Eval, Program.Settle and Program.RunTests answer
// with it. Errors are typed (*EvalError, *FieldError, *LedgerError,
// *PreconditionError, lang.ErrorList) or unwrap to the sentinels below
// (ErrUnknownAgreement, ErrUnknownAction, ErrNoFiles, ErrTooLarge,
// ErrBudget, ErrCurrency, ErrExceptionConflict); each function says which.
//
// Answers render for people as text (Decision.WriteText,
// Statement.WriteText, TestReport.WriteText) and for programs as JSON:
// Decision, Statement, TestReport and Value implement json.Marshaler in
// the shapes their MarshalJSON methods document, WriteJSON writes the same
// JSON, and package interp/schema pins the shapes with JSON Schemas.
//
// The exact values an agreement computes with (types.Decimal, types.Date,
// types.Duration, types.Period) are in package interp/types; the
// arithmetic of settlement formulas is in interp/internal/formula.
//
// Values (type Value) are one of these kinds:
//
//	integer   whole numbers
//	decimal   exact decimal numbers (types.Decimal; never float64)
//	percent   rates; 20% is held as the fraction 0.20
//	money     an exact amount with its ISO 4217 currency
//	date      a day of the proleptic Gregorian calendar (types.Date)
//	duration  a number of days, weeks, months or years (types.Duration)
//	period    a month, quarter, year or fiscal year (types.Period)
//	text      strings
//	bool      true or false
//	party     a party to the agreement
//	enum      a member of a declared kind
//	record    an action or event instance (type Record)
//	list      an immutable list of values
package interp
