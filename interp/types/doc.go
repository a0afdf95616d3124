// Package types holds the values Pacta computes with, apart from the
// evaluator that uses them. Value is the value of any expression: one of
// the kinds listed under Kind, made by its constructor (MoneyValue,
// DateValue, ...) and read with its accessors; a Record is an action or
// event instance, its fields typed by a Schema that package interp makes.
// The exact scalars inside them:
//
//   - Decimal: an exact decimal number (never float64), with RoundingMode
//     and Allocate, which hands out a total in whole units;
//   - Date: a day of the proleptic Gregorian calendar, 0001-01-01 to
//     9999-12-31;
//   - Duration: a number of days, weeks, months or years;
//   - Period: a month, quarter, half year or year; a fiscal year, quarter
//     or half year; or a contract year (twelve months from an anniversary).
//
// Each has a text form (encoding.TextMarshaler and TextUnmarshaler: in
// JSON a Decimal is a string, never a number); Decimal is also a
// sql.Scanner and driver.Valuer, and a Date converts to and from
// time.Time (DateOfTime, Date.Time).
//
// Every value is a small struct that is safe to copy and to share between
// goroutines. Dates, periods and durations compare with ==; decimals, and
// values that hold them, with Equal or Cmp (1.0 equals 1.00). Operations that cannot give an exact,
// representable result return an error wrapping ErrOutOfRange (or
// ErrInvalidDecimal, ErrInvalidDate, ErrInvalidPeriod, ErrInvalidDuration
// for text that is not a decimal, date, period or duration) rather than
// rounding or wrapping silently.
package types
