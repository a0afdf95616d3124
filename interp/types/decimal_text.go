package types

import (
	"database/sql/driver"
	"fmt"
)

// This file gives Decimal its text and database encodings. Both are the
// plain decimal of String: exact, scale kept, never through float64.

// MarshalText implements encoding.TextMarshaler: the text of String, such
// as "1250000.00" or "-0.5". In JSON a Decimal is therefore a string,
// never a number.
func (d Decimal) MarshalText() ([]byte, error) {
	var buf [48]byte
	return d.appendText(buf[:0], false), nil
}

// AppendText implements encoding.TextAppender: it appends the text of
// MarshalText to b.
func (d Decimal) AppendText(b []byte) ([]byte, error) { return d.appendText(b, false), nil }

// UnmarshalText implements encoding.TextUnmarshaler: it reads text as
// ParseDecimal does (an optional '-', digits, optionally '.' and digits;
// the scale is kept). Anything else is an error wrapping
// ErrInvalidDecimal, and d is left as it was.
func (d *Decimal) UnmarshalText(text []byte) error {
	x, err := ParseDecimal(string(text))
	if err != nil {
		return err
	}
	*d = x
	return nil
}

// Value implements database/sql/driver.Valuer: the decimal as a string,
// the text of String. Store amounts in a NUMERIC/DECIMAL or text column;
// the database converts the string exactly.
func (d Decimal) Value() (driver.Value, error) { return d.String(), nil }

// Scan implements database/sql.Scanner. It accepts a string or []byte in
// ParseDecimal's form (what drivers return for NUMERIC, DECIMAL and text
// columns) and an int64. It rejects a float64, since a float has already
// lost the exact amount (use a NUMERIC/DECIMAL or text column, or cast to
// text in the query), and NULL (scan into sql.Null[Decimal] where a column
// may be NULL). On error d is left as it was.
func (d *Decimal) Scan(src any) error {
	switch v := src.(type) {
	case string:
		return d.UnmarshalText([]byte(v))
	case []byte:
		return d.UnmarshalText(v)
	case int64:
		*d = DecimalFromInt(v)
		return nil
	case float64:
		return errorf(ErrInvalidDecimal, "cannot scan float64 %v into a Decimal: a float is not exact; store amounts as NUMERIC, DECIMAL or text, or cast the column to text", v)
	case nil:
		return errorf(ErrInvalidDecimal, "cannot scan NULL into a Decimal; scan into sql.Null[types.Decimal]")
	}
	return errorf(ErrInvalidDecimal, "cannot scan %s into a Decimal; want a string, []byte or int64", fmt.Sprintf("%T", src))
}
