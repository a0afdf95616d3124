package types

import (
	"database/sql"
	"database/sql/driver"
	"encoding"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// The four value types implement the text interfaces (and Decimal the
// database ones); a missing method fails to compile here.
var (
	_ encoding.TextMarshaler   = Decimal{}
	_ encoding.TextUnmarshaler = (*Decimal)(nil)
	_ encoding.TextAppender    = Decimal{}
	_ encoding.TextMarshaler   = Date{}
	_ encoding.TextUnmarshaler = (*Date)(nil)
	_ encoding.TextMarshaler   = Period{}
	_ encoding.TextUnmarshaler = (*Period)(nil)
	_ encoding.TextMarshaler   = Duration{}
	_ encoding.TextUnmarshaler = (*Duration)(nil)
	_ sql.Scanner              = (*Decimal)(nil)
	_ driver.Valuer            = Decimal{}
)

// roundTrip checks that text unmarshals into want and that want marshals
// back to exactly text.
func roundTrip[T encoding.TextMarshaler](t *testing.T, text string, want T, into interface{ UnmarshalText([]byte) error }, got func() T, eq func(a, b T) bool) {
	t.Helper()
	if err := into.UnmarshalText([]byte(text)); err != nil {
		t.Errorf("UnmarshalText(%q): %v", text, err)
		return
	}
	if !eq(got(), want) {
		t.Errorf("UnmarshalText(%q) = %v, want %v", text, got(), want)
	}
	b, err := want.MarshalText()
	if err != nil || string(b) != text {
		t.Errorf("MarshalText(%v) = %q, %v; want %q", want, b, err, text)
	}
}

func same[T comparable](a, b T) bool { return a == b }

func TestDecimalText(t *testing.T) {
	big, _ := ParseDecimal("123456789012345678901234567890.123456789") // past int64: the apd path
	for _, c := range []struct {
		text string
		want Decimal
	}{
		{"0", DecimalFromInt(0)},
		{"200.00", newDec(t, 20000, 2)}, // the scale is kept: 200.00, not 200
		{"-0.5", newDec(t, -5, 1)},
		{"9223372036854775807", DecimalFromInt(1<<63 - 1)},
		{"123456789012345678901234567890.123456789", big},
	} {
		var d Decimal
		roundTrip(t, c.text, c.want, &d, func() Decimal { return d }, Decimal.Equal)
		if d.Scale() != c.want.Scale() {
			t.Errorf("%q: scale %d, want %d", c.text, d.Scale(), c.want.Scale())
		}
	}
	for _, bad := range []string{"", "1e3", "1,000", "+1", " 1", "1.", ".5", "1.2.3", "USD 1.00", "0x10"} {
		d := DecimalFromInt(7)
		err := d.UnmarshalText([]byte(bad))
		if !errors.Is(err, ErrInvalidDecimal) {
			t.Errorf("UnmarshalText(%q) = %v, want ErrInvalidDecimal", bad, err)
		}
		if d != DecimalFromInt(7) {
			t.Errorf("UnmarshalText(%q) changed the decimal to %v", bad, d)
		}
	}
}

func newDec(t *testing.T, coef int64, scale int) Decimal {
	t.Helper()
	d, err := NewDecimal(coef, scale)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// In JSON a Decimal is a string, both ways, and a JSON number is refused:
// it would have passed through float64 in many decoders.
func TestDecimalJSON(t *testing.T) {
	type row struct {
		Amount Decimal `json:"amount"`
	}
	b, err := json.Marshal(row{newDec(t, 61875250, 2)})
	if err != nil || string(b) != `{"amount":"618752.50"}` {
		t.Errorf("Marshal = %s, %v", b, err)
	}
	var r row
	if err := json.Unmarshal([]byte(`{"amount":"0.10"}`), &r); err != nil || r.Amount.String() != "0.10" {
		t.Errorf("Unmarshal string = %v, %v", r.Amount, err)
	}
	if err := json.Unmarshal([]byte(`{"amount":0.1}`), &r); err == nil {
		t.Errorf("Unmarshal of a JSON number: no error, got %v", r.Amount)
	}
}

func TestDecimalSQL(t *testing.T) {
	v, err := newDec(t, -125, 2).Value()
	if err != nil || v != "-1.25" {
		t.Errorf("Value = %#v, %v; want \"-1.25\"", v, err)
	}
	for _, c := range []struct {
		src  any
		want string
	}{
		{"1250000.00", "1250000.00"},
		{[]byte("0.005"), "0.005"},
		{int64(-42), "-42"},
		{"12345678901234567890.12345678901234567890", "12345678901234567890.12345678901234567890"},
	} {
		var d Decimal
		if err := d.Scan(c.src); err != nil || d.String() != c.want {
			t.Errorf("Scan(%#v) = %v, %v; want %s", c.src, d, err, c.want)
		}
	}
	for _, c := range []struct {
		src  any
		want string // in the message
	}{
		{0.1, "float64 0.1 into a Decimal: a float is not exact"},
		{nil, "NULL into a Decimal; scan into sql.Null[types.Decimal]"},
		{true, "cannot scan bool into a Decimal"},
		{time.Time{}, "cannot scan time.Time into a Decimal"},
		{"1e2", "exponent notation is not allowed"},
	} {
		d := DecimalFromInt(7)
		err := d.Scan(c.src)
		if !errors.Is(err, ErrInvalidDecimal) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Scan(%#v) = %v, want ErrInvalidDecimal saying %q", c.src, err, c.want)
		}
		if d != DecimalFromInt(7) {
			t.Errorf("Scan(%#v) changed the decimal to %v", c.src, d)
		}
	}
	// sql.Null[Decimal] takes NULL and a value alike.
	var n sql.Null[Decimal]
	if err := n.Scan(nil); err != nil || n.Valid {
		t.Errorf("Null.Scan(nil) = %v, valid %v", err, n.Valid)
	}
	if err := n.Scan([]byte("3.50")); err != nil || !n.Valid || n.V.String() != "3.50" {
		t.Errorf("Null.Scan(3.50) = %v, %v", n.V, err)
	}
}

func TestDateText(t *testing.T) {
	for _, c := range []struct {
		text    string
		y, m, d int
	}{
		{"2026-11-01", 2026, 11, 1},
		{"0001-01-01", 1, 1, 1}, // the zero Date
		{"9999-12-31", 9999, 12, 31},
		{"2024-02-29", 2024, 2, 29},
	} {
		want, err := NewDate(c.y, c.m, c.d)
		if err != nil {
			t.Fatal(err)
		}
		var d Date
		roundTrip(t, c.text, want, &d, func() Date { return d }, same[Date])
	}
	for _, bad := range []string{"", "2026-02-29", "2026-13-01", "0000-01-01", "2026-1-01", "26-11-01", "2026/11/01", "2026-11-01T00:00:00Z"} {
		d := MaxDate()
		if err := d.UnmarshalText([]byte(bad)); !errors.Is(err, ErrInvalidDate) {
			t.Errorf("UnmarshalText(%q) = %v, want ErrInvalidDate", bad, err)
		}
		if d != MaxDate() {
			t.Errorf("UnmarshalText(%q) changed the date to %v", bad, d)
		}
	}
}

func TestDateTime(t *testing.T) {
	d, _ := NewDate(2026, 11, 1)
	tokyo := time.FixedZone("UTC+9", 9*3600)
	// 2026-10-31 20:00 in New York (UTC-4 on that day) is 2026-11-01
	// 00:00 UTC and 09:00 in Tokyo: the day is t's own, so it depends on
	// the location t carries.
	ny := time.FixedZone("UTC-4", -4*3600)
	inst := time.Date(2026, 10, 31, 20, 0, 0, 0, ny)
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{inst, "2026-10-31"},
		{inst.UTC(), "2026-11-01"},
		{inst.In(tokyo), "2026-11-01"},
	} {
		got, err := DateOfTime(c.t)
		if err != nil || got.String() != c.want {
			t.Errorf("DateOfTime(%v) = %v, %v; want %s", c.t, got, err, c.want)
		}
	}
	if got := d.Time(nil); !got.Equal(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) || got.Location() != time.UTC {
		t.Errorf("Time(nil) = %v, want 2026-11-01 00:00 UTC", got)
	}
	// Midnight in Tokyo is 15:00 UTC the day before.
	if got := d.Time(tokyo); !got.Equal(time.Date(2026, 10, 31, 15, 0, 0, 0, time.UTC)) {
		t.Errorf("Time(tokyo) = %v, want 2026-10-31 15:00 UTC", got)
	}
	for _, x := range []Date{MinDate(), MaxDate(), d} {
		for _, loc := range []*time.Location{nil, tokyo, ny} {
			if back, err := DateOfTime(x.Time(loc)); err != nil || back != x {
				t.Errorf("DateOfTime(%v.Time(%v)) = %v, %v", x, loc, back, err)
			}
		}
	}
	// time.Time's zero is 0001-01-01 UTC, the zero Date.
	if got, err := DateOfTime(time.Time{}); err != nil || got != MinDate() {
		t.Errorf("DateOfTime(time.Time{}) = %v, %v; want 0001-01-01", got, err)
	}
	for _, out := range []time.Time{time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)} {
		if _, err := DateOfTime(out); !errors.Is(err, ErrInvalidDate) {
			t.Errorf("DateOfTime(%v) = %v, want ErrInvalidDate (year 0 and 10000 are out of range)", out, err)
		}
	}
}

func TestPeriodText(t *testing.T) {
	q1, _ := ParsePeriod("2027-Q1")
	m3, _ := ParsePeriod("2027-03")
	y, _ := ParsePeriod("0001")
	fy, _ := ParseFiscalPeriod("FY2027", 7)
	fq, _ := ParseFiscalPeriod("FY2027-Q1", 4)
	fj, _ := ParseFiscalPeriod("FY9999-Q4", 1)
	h2, _ := ParsePeriod("2027-H2")
	fh, _ := ParseFiscalPeriod("FY2027-H1", 7)
	// The contract year starting each 15 March that holds 2027-06-01
	// starts on 2027-03-15 (ContractStart = 3×100 + 15 = 315).
	cy := PeriodOf(PeriodContractYear, 315, date("2027-06-01"))
	for _, c := range []struct {
		text string
		want Period
	}{
		{"2027-Q1", q1},
		{"2027-03", m3},
		{"0001", y},
		{"FY2027 (July)", fy},
		{"FY2027-Q1 (April)", fq},
		{"FY9999-Q4 (January)", fj},
		{"2027-H2", h2},
		{"FY2027-H1 (July)", fh},
		{"contract year from 2027-03-15", cy},
		{"", Period{}},
	} {
		var p Period
		roundTrip(t, c.text, c.want, &p, func() Period { return p }, same[Period])
	}
	// FY2027 starting July runs from 2026-07-01 to 2027-06-30: the start
	// month survives the round trip.
	var p Period
	if err := p.UnmarshalText([]byte("FY2027 (july)")); err != nil || p.Start().String() != "2026-07-01" || p.End().String() != "2027-06-30" {
		t.Errorf("FY2027 (july): %v to %v, %v", p.Start(), p.End(), err)
	}
	// The contract year from 2027-03-15 runs to 2028-03-14; FY2027-H1
	// starting July is 2026-07-01 to 2026-12-31.
	if cy.End().String() != "2028-03-14" || fh.Start().String() != "2026-07-01" || fh.End().String() != "2026-12-31" {
		t.Errorf("contract year ends %v; FY2027-H1 (July) is %v to %v", cy.End(), fh.Start(), fh.End())
	}
	for _, c := range []struct{ text, want string }{
		{"FY2027", "followed by the month its fiscal year starts in"},
		{"FY2027 (Juli)", `"Juli" is not a month`},
		{"FY2027-Q5 (July)", "invalid fiscal period"},
		{"2027-Q5", "quarter must be Q1 to Q4"},
		{"2027-13", "month must be 01 to 12"},
		{"0000", "year must be 0001 to 9999"},
		{"2027 (July)", "expected YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn"},
		{"Q1-2027", "expected YYYY"},
		{"2027-H3", "invalid period"},
		{"contract year from 2027-02-30", "contract year is written"},
	} {
		p := q1
		err := p.UnmarshalText([]byte(c.text))
		if !errors.Is(err, ErrInvalidPeriod) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("UnmarshalText(%q) = %v, want ErrInvalidPeriod saying %q", c.text, err, c.want)
		}
		if p != q1 {
			t.Errorf("UnmarshalText(%q) changed the period to %v", c.text, p)
		}
	}
}

func TestDurationText(t *testing.T) {
	for _, c := range []struct {
		text string
		want Duration
	}{
		{"30 days", Duration{30, Days}},
		{"1 year", Duration{1, Years}},
		{"-3 months", Duration{-3, Months}},
		{"-1 week", Duration{-1, Weeks}},
		{"0 days", Duration{0, Days}},
		{"9223372036854775807 days", Duration{1<<63 - 1, Days}},
	} {
		var x Duration
		roundTrip(t, c.text, c.want, &x, func() Duration { return x }, same[Duration])
	}
	// Singular and plural are both read; the text written agrees with
	// the count.
	var x Duration
	if err := x.UnmarshalText([]byte("2 year")); err != nil || x != (Duration{2, Years}) {
		t.Errorf(`"2 year" = %v, %v`, x, err)
	}
	for _, c := range []struct{ text, want string }{
		{"", "expected a number, a space and a unit"},
		{"30days", "expected a number, a space and a unit"},
		{"30  days", "the unit must be day"},
		{"30 fortnights", "the unit must be day"},
		{"+3 days", "whole number"},
		{"1.5 days", "whole number"},
		{"3- days", "whole number"},
		{"9223372036854775808 days", "out of range"},
		{"thirty days", "whole number"},
	} {
		x := Duration{5, Weeks}
		err := x.UnmarshalText([]byte(c.text))
		if !errors.Is(err, ErrInvalidDuration) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("UnmarshalText(%q) = %v, want ErrInvalidDuration saying %q", c.text, err, c.want)
		}
		if x != (Duration{5, Weeks}) {
			t.Errorf("UnmarshalText(%q) changed the duration to %v", c.text, x)
		}
	}
	if _, err := (Duration{1, DurationUnit(9)}).MarshalText(); !errors.Is(err, ErrInvalidDuration) {
		t.Errorf("MarshalText of an unknown unit = %v", err)
	}
}

// FuzzTextRoundTrip: whatever text a Decimal, Date, Period, Duration or
// Timestamp accepts, it writes back a text that reads as the same value (a Date
// the very same text; the others may respell it: "1 weeks" is "1 week",
// "FY2027 (july)" is "FY2027 (July)"). Nothing panics.
func FuzzTextRoundTrip(f *testing.F) {
	for _, s := range []string{"0", "-0.50", "2026-11-01", "FY2027-Q1 (April)", "FY2027 (july)", "2027-Q4", "30 days", "-1 year", "", "9999-12-31", "1 weeks",
		"2027-03-04T17:45:00+01:00", "2027-03-04T17:45:00.120Z", "0001-01-01T00:00:00+23:59", "2027-03-04T17:45:00+00:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var d Decimal
		if d.UnmarshalText([]byte(s)) == nil {
			b, _ := d.MarshalText()
			var back Decimal
			if err := back.UnmarshalText(b); err != nil || !back.Equal(d) || back.Scale() != d.Scale() {
				t.Errorf("decimal %q -> %q -> %v, %v", s, b, back, err)
			}
		}
		var dt Date
		if dt.UnmarshalText([]byte(s)) == nil {
			if b, _ := dt.MarshalText(); string(b) != s {
				t.Errorf("date %q -> %q", s, b)
			}
		}
		var p Period
		if p.UnmarshalText([]byte(s)) == nil {
			b, _ := p.MarshalText()
			var back Period
			if err := back.UnmarshalText(b); err != nil || back != p {
				t.Errorf("period %q -> %q -> %v, %v", s, b, back, err)
			}
		}
		var x Duration
		if x.UnmarshalText([]byte(s)) == nil {
			b, _ := x.MarshalText()
			var back Duration
			if err := back.UnmarshalText(b); err != nil || back != x {
				t.Errorf("duration %q -> %q -> %v, %v", s, b, back, err)
			}
		}
		// A timestamp keeps its instant and its offset; the text may be
		// respelled (+00:00 as Z, 17:45:00.120 as 17:45:00.12), and the
		// respelling reads back to the very same text.
		var ts Timestamp
		if ts.UnmarshalText([]byte(s)) == nil {
			b, _ := ts.MarshalText()
			var back Timestamp
			if err := back.UnmarshalText(b); err != nil || back != ts {
				t.Errorf("timestamp %q -> %q -> %v, %v", s, b, back, err)
			}
			if b2, _ := back.MarshalText(); string(b2) != string(b) {
				t.Errorf("timestamp %q -> %q -> %q", s, b, b2)
			}
		}
	})
}
