package interp

import (
	"context"
	"errors"
	"iter"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
)

// rentalSrc declares timestamps in an event and the zone dates are taken
// in (SPEC 11.7).
const rentalSrc = `agreement rental "Car rental" {
  effective 2027-01-01
  time zone Europe/Paris
  currency EUR
  party owner "Owner SA"
  party renter "Renter SARL"
  event rent {
    picked_up timestamp
    returned  timestamp
    booked    date
  }
  term rental_days(r rent) = started_days_between(r.picked_up, r.returned)
  term full_days(r rent) = whole_days_between(r.picked_up, r.returned)
  term returned_on(r rent) = date_of(r.returned)
  clause 1 "Daily rate" renter pays owner EUR 50.00 on each rent
}
`

func rentalProgram(t *testing.T) *Program {
	t.Helper()
	p, err := Compile([]Source{{Name: "rental.pacta", Text: []byte(rentalSrc)}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func evalIn(t *testing.T, p *Program, agreement, src string) (types.Value, error) {
	t.Helper()
	return p.Eval(context.Background(), agreement, src, EvalOptions{})
}

// TestTimestampEval evaluates timestamps and the builtins on them in an
// agreement with `time zone Europe/Paris`; each figure is worked by hand.
func TestTimestampEval(t *testing.T) {
	p := rentalProgram(t)
	for _, c := range []struct{ src, want string }{
		// 23:30 at -05:00 is 04:30 UTC on the 5th, 05:30 in Paris (CET).
		{"date_of(2027-03-04T23:30:00-05:00)", "2027-03-05"},
		// The zone named in the call wins: New York (EST) is still the 4th.
		{`date_of(2027-03-04T23:30:00-05:00, "America/New_York")`, "2027-03-04"},
		// On 2027-03-28 Paris is +02:00 from 01:00 UTC: 21:59Z is 23:59.
		{"date_of(2027-03-28T21:59:00Z)", "2027-03-28"},
		{"date_of(2027-03-28T22:00:00Z)", "2027-03-29"},
		// Instants compare whatever the offsets: 17:45+01:00 is 16:45Z.
		{"2027-03-04T17:45:00+01:00 == 2027-03-04T16:45:00Z", "true"},
		{"2027-03-04T17:45:00+01:00 < 2027-03-04T16:45:00.000000001Z", "true"},
		{"2027-03-04T17:45:00+01:00 >= 2027-03-04T16:45:00Z", "true"},
		{"2027-03-04T17:45:00+01:00 in [2027-03-04T16:45:00Z]", "true"},
		// A value prints with the offset it was written with.
		{"if true then 2027-03-04T17:45:00.250+01:00 else 2027-03-04T16:45:00Z", "2027-03-04T17:45:00.25+01:00"},
		// 08:00Z on the 4th to 09:00+01:00 (08:00Z) on the 5th: exactly
		// 24 hours, one day begun and one whole.
		{"rental_days(rent { picked_up: 2027-03-04T08:00:00Z, returned: 2027-03-05T09:00:00+01:00, booked: 2027-03-01, date: 2027-03-04 })", "1"},
		// One second more: two days begun, still one whole.
		{"rental_days(rent { picked_up: 2027-03-04T08:00:00Z, returned: 2027-03-05T09:00:01+01:00, booked: 2027-03-01, date: 2027-03-04 })", "2"},
		{"full_days(rent { picked_up: 2027-03-04T08:00:00Z, returned: 2027-03-05T09:00:01+01:00, booked: 2027-03-01, date: 2027-03-04 })", "1"},
	} {
		v, err := evalIn(t, p, "", c.src)
		if err != nil || v.String() != c.want {
			t.Errorf("%s = %v, %v; want %s", c.src, v, err, c.want)
		}
	}
	v, err := evalIn(t, p, "", "2027-03-04T17:45:00+01:00")
	if err != nil || v.Kind() != types.KindTimestamp || v.Timestamp().Offset() != 3600 {
		t.Errorf("a timestamp literal = %v (%s), %v", v, v.Kind(), err)
	}
	if b, err := v.MarshalJSON(); err != nil || string(b) != `{"kind":"timestamp","value":"2027-03-04T17:45:00+01:00"}` {
		t.Errorf("MarshalJSON = %s, %v", b, err)
	}
}

// TestTimestampNoZone: date_of without a zone, in an agreement that
// declares none, is a runtime error positioned at the call.
func TestTimestampNoZone(t *testing.T) {
	p, err := Compile([]Source{{Name: "a.pacta", Text: []byte(`agreement a "A" { effective 2027-01-01 }`)}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = evalIn(t, p, "", "1 + count([date_of(2027-03-04T23:30:00-05:00)])")
	var ee *EvalError
	if !errors.As(err, &ee) || ee.Pos.Col != 12 || !strings.Contains(ee.Msg, "date_of: the agreement declares no time zone to take the day in: add `time zone Europe/Paris`") {
		t.Errorf("got %v (%T)", err, err)
	}
	v, err := evalIn(t, p, "", `date_of(2027-03-04T23:30:00-05:00, "UTC")`)
	if err != nil || v.String() != "2027-03-05" {
		t.Errorf("date_of in UTC = %v, %v", v, err)
	}
}

// TestTimestampLedger reads timestamps from CSV and JSON Lines exactly,
// and refuses dates and timestamps in each other's fields with a hint,
// positioned by file, line and field.
func TestTimestampLedger(t *testing.T) {
	p := rentalProgram(t)
	csv := "action,date,picked_up,returned,booked\n" +
		"rent,2027-03-04,2027-03-04T08:00:00Z,2027-03-05T09:00:00.123456789+01:00,2027-03-01\n"
	jsonl := `{"action":"rent","date":"2027-03-04","picked_up":"2027-03-04T08:00:00Z","returned":"2027-03-05T09:00:00.123456789+01:00","booked":"2027-03-01"}` + "\n"
	want := `rent { picked_up: 2027-03-04T08:00:00Z, returned: 2027-03-05T09:00:00.123456789+01:00, booked: 2027-03-01, date: 2027-03-04 }`
	for name, seq := range map[string]iter.Seq2[Event, error]{
		"csv":   p.ReadCSV("", "l.csv", strings.NewReader(csv)),
		"jsonl": p.ReadJSONL("", "l.jsonl", strings.NewReader(jsonl)),
	} {
		got := collect(t, seq)
		if len(got) != 1 || !strings.HasSuffix(got[0], want) {
			t.Errorf("%s: got %q\nwant %s", name, got, want)
		}
	}

	cases := []struct {
		name, format, text string
		field, msg         string
	}{
		{"date field given a timestamp", "csv", "action,date,picked_up,returned,booked\nrent,2027-03-04,2027-03-04T08:00:00Z,2027-03-05T09:00:00Z,2027-03-01T10:00:00+01:00\n",
			"booked", `"2027-03-01T10:00:00+01:00" is a timestamp, but this field is a date; write 2027-03-01, or declare the field a timestamp`},
		{"the date given a timestamp", "jsonl", `{"action":"rent","date":"2027-03-04T08:00:00Z","picked_up":"2027-03-04T08:00:00Z","returned":"2027-03-05T09:00:00Z","booked":"2027-03-01"}`,
			"date", `"2027-03-04T08:00:00Z" is a timestamp, but an action's or event's date is a day: write 2027-03-04, and record the time in a timestamp field of its own`},
		{"timestamp field given a date", "csv", "action,date,picked_up,returned,booked\nrent,2027-03-04,2027-03-04,2027-03-05T09:00:00Z,2027-03-01\n",
			"picked_up", `"2027-03-04" is not a timestamp: it is a date without a time: write a time and an offset from UTC, as in 2027-03-04T17:45:00+01:00`},
		{"timestamp without an offset", "jsonl", `{"action":"rent","date":"2027-03-04","picked_up":"2027-03-04T08:00:00","returned":"2027-03-05T09:00:00Z","booked":"2027-03-01"}`,
			"picked_up", `"2027-03-04T08:00:00" is not a timestamp: it has no offset from UTC, so it names no instant: add Z for UTC or an offset such as +01:00`},
		{"leap second", "csv", "action,date,picked_up,returned,booked\nrent,2027-03-04,2027-03-04T08:00:00Z,2016-12-31T23:59:60Z,2027-03-01\n",
			"returned", `"2016-12-31T23:59:60Z" is not a timestamp: a leap second (:60) is not accepted`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var seq iter.Seq2[Event, error]
			if c.format == "csv" {
				seq = p.ReadCSV("", "l."+c.format, strings.NewReader(c.text))
			} else {
				seq = p.ReadJSONL("", "l."+c.format, strings.NewReader(c.text))
			}
			var got error
			for _, err := range seq {
				if err != nil {
					got = err
					break
				}
			}
			var le *LedgerError
			line := 2
			if c.format == "jsonl" {
				line = 1
			}
			if !errors.As(got, &le) {
				t.Fatalf("error %v (%T), want a *LedgerError", got, got)
			}
			if le.Source != "l."+c.format || le.Line != line || le.Field != c.field || !strings.HasPrefix(le.Msg, c.msg) {
				t.Errorf("got  %s:%d field %q: %s\nwant %s:%d field %q: %s", le.Source, le.Line, le.Field, le.Msg, "l."+c.format, line, c.field, c.msg)
			}
		})
	}
}

// TestTimestampNewAction: a host's NewAction reads a timestamp field as
// a ledger does.
func TestTimestampNewAction(t *testing.T) {
	p, err := Compile([]Source{{Name: "a.pacta", Text: []byte(`agreement a "A" {
  effective 2027-01-01
  party x "X"
  action check_in { at_desk timestamp }
}`)}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.NewAction("", "check_in", map[string]string{"actor": "x", "date": "2027-03-04", "at_desk": " 2027-03-04T17:45:00-05:00 "})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := r.Field("at_desk"); v.String() != "2027-03-04T17:45:00-05:00" {
		t.Errorf("at_desk = %v", v)
	}
	_, err = p.NewAction("", "check_in", map[string]string{"actor": "x", "date": "2027-03-04", "at_desk": "17:45"})
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "at_desk" || !strings.Contains(fe.Msg, "write a timestamp as YYYY-MM-DDTHH:MM:SS") {
		t.Errorf("got %v", err)
	}
}

// TestTimestampRecordBuilder: a host sets a timestamp field without
// text, and a timestamp where a date is wanted is refused.
func TestTimestampRecordBuilder(t *testing.T) {
	p := rentalProgram(t)
	b, err := p.NewRecordBuilder("", "rent")
	if err != nil {
		t.Fatal(err)
	}
	ts, err := types.ParseTimestamp("2027-03-04T17:45:00+01:00")
	if err != nil {
		t.Fatal(err)
	}
	up, _ := b.Field("picked_up", types.KindTimestamp)
	back, _ := b.Field("returned", types.KindTimestamp)
	booked, _ := b.Field("booked", types.KindDate)
	date, _ := b.Field("date", types.KindDate)
	b.Set(up, types.TimestampValue(ts))
	b.Set(back, types.TimestampValue(ts))
	b.Set(booked, types.DateValue(types.MinDate()))
	b.Set(date, types.DateValue(types.MinDate()))
	r, err := b.Record()
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := r.Field("picked_up"); !v.Equal(types.TimestampValue(ts)) {
		t.Errorf("picked_up = %v", v)
	}
	if _, err := b.Field("booked", types.KindTimestamp); err == nil {
		t.Errorf("a date field was given a timestamp handle")
	}
}

// TestTimestampValueEdges: a timestamp keeps its instant and offset in a
// Value at the edges of the calendar and before 1970 (negative Unix
// seconds), and Equal compares instants.
func TestTimestampValueEdges(t *testing.T) {
	for _, s := range []string{
		"0001-01-01T00:00:00+23:59", // the earliest instant: 0000-12-31T00:01Z
		"9999-12-31T23:59:59.999999999-23:59",
		"1969-12-31T23:59:59.5Z", // half a second before the Unix epoch
		"1970-01-01T00:00:00Z",
		"2027-03-04T17:45:00-05:30",
	} {
		ts, err := types.ParseTimestamp(s)
		if err != nil {
			t.Fatal(err)
		}
		v := types.TimestampValue(ts)
		if v.Kind() != types.KindTimestamp || v.Timestamp() != ts || v.String() != s {
			t.Errorf("%s through a Value: %v (%s)", s, v, v.Kind())
		}
	}
	a, _ := types.ParseTimestamp("1969-12-31T23:59:59.5Z")
	b, _ := types.ParseTimestamp("1970-01-01T00:59:59.5+01:00") // the same instant
	c, _ := types.ParseTimestamp("1969-12-31T23:59:59.500000001Z")
	if !types.TimestampValue(a).Equal(types.TimestampValue(b)) || types.TimestampValue(a).Equal(types.TimestampValue(c)) {
		t.Errorf("Equal: %v, %v, %v", a, b, c)
	}
	if types.TimestampValue(a).Equal(types.DateValue(types.MinDate())) {
		t.Errorf("a timestamp equals a date")
	}
}
