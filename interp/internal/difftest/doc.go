// Package difftest holds a differential test of the interpreter: random
// agreements and ledgers are generated as Go descriptions, rendered to
// Pacta source, and settled and decided both by the engine (through
// interp's public API) and by a deliberately simple reference evaluator
// that works on the descriptions with math/big.Rat, following SPEC.md
// sections 4 to 9. The package has no code outside its tests.
//
// Where SPEC.md leaves a question open, the generator stays away from it
// or the comparison takes the reading below:
//
//   - Lines whose rounded amount is zero are not compared (6.1 shows some
//     of them, with notes).
//   - A breach is an action row within the span whose outcome is
//     prohibited: by a clause, by a conflict, or by the default when no
//     clause covers it (5.5).
//   - A settlement period cut by the end of the span is settled as far as
//     the span goes and its line accrues on the span's last day (7.6);
//     floors and guarantees act only in a period (or version life) that is
//     over within the span.
//   - Waterfalls are generated only where payouts cannot be negative: how
//     a credit unwinds past what the steps received is not specified (8.5).
//   - Payments made: late charge lines are lines like any other, paid
//     oldest first by the payments after the one that gave rise to them
//     (6.5: that payment's remainder does not pay them); only one clause
//     per payer and payee has late terms; a settlement with payments is
//     not asked as of a date before the span's end: 6.5 reckons what is
//     unpaid at the as-of date, but says nothing of payments dated after
//     it (the engine counts them; they would make a line not yet due on
//     the as-of date bear a charge in a reading that counts them too).
//   - Obligations with deadlines are made only by the agreement as first
//     made and never replaced or deleted (5.5 does not say which version
//     an instance meets); an instance meets one from its `from` date (or
//     the effective date) to its deadline.
//   - Ledger amounts are never negative (SPEC 7.6 refuses them): refunds
//     are a second field, and bases are amt - ref.
package difftest
