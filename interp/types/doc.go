// Package types holds the exact scalar values Pacta computes with, apart
// from the evaluator that uses them:
//
//   - Decimal: an exact decimal number (never float64), with RoundingMode
//     and Allocate, which hands out a total in whole units;
//   - Date: a day of the proleptic Gregorian calendar, 0001-01-01 to
//     9999-12-31;
//   - Duration: a number of days, weeks, months or years;
//   - Period: a month, quarter, year, fiscal year or fiscal quarter.
//
// Every value is a small comparable struct that is safe to copy and to
// share between goroutines. Operations that cannot give an exact,
// representable result return an error wrapping ErrOutOfRange (or
// ErrInvalidDate, ErrInvalidPeriod for text that is not a date or period)
// rather than rounding or wrapping silently.
package types
