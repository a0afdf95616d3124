// Package formula is the arithmetic that settlement applies, independent
// of syntax and of the evaluator: tier schedules, windows, lifetime caps,
// recoupment, minimum guarantees, splits, waterfalls, installment schedules
// and late charges. It works on interp/types values only; the settlement
// engine in package interp decides which formula applies to which event.
package formula
